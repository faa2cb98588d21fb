package references

import (
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

type fakeHost struct {
	directives.Host
	doc *doctree.Document
}

func (h *fakeHost) Document() *doctree.Document { return h.doc }

func TestTargetNotes(t *testing.T) {
	reg := directives.NewRegistry()
	Register(reg)
	h := &fakeHost{doc: doctree.NewDocument("test data", nil)}
	c := &directives.Call{Name: "target-notes", Options: map[string]any{"class": []string{"custom"}, "name": "targets"}, Host: h}
	nodes, err := reg.Directive("target-notes").Run(c)
	if err != nil {
		t.Fatal(err)
	}
	got := pseudoxml.Format(nodes[0], nil)
	want := `<pending ids="targets" names="targets">
    .. internal attributes:
         .transform: docutils.transforms.references.TargetNotes
         .details:
           class: ['custom']
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
	if len(h.doc.Pending) != 1 {
		t.Errorf("pending not noted")
	}
}
