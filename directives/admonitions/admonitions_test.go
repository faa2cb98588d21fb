package admonitions

import (
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// fakeHost parses nested content as one paragraph per block and inline
// text as plain text; the methods it does not override panic.
type fakeHost struct {
	directives.Host
	doc *doctree.Document
}

func (h *fakeHost) Document() *doctree.Document { return h.doc }
func (h *fakeHost) SourceAndLine(l int) (string, int) {
	return "test data", l
}
func (h *fakeHost) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return []doctree.Node{doctree.NewText(text)}, nil
}
func (h *fakeHost) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	for _, block := range strings.Split(content.Text(), "\n\n") {
		node.Append(doctree.NewTextElement(doctree.TagParagraph, block, block))
	}
}

func runDirective(t *testing.T, name string, args []string, opts map[string]any, content ...string) string {
	t.Helper()
	reg := directives.NewRegistry()
	Register(reg)
	d := reg.Directive(name)
	if d == nil {
		t.Fatalf("%s not registered", name)
	}
	doc := doctree.NewDocument("test data", nil)
	c := &directives.Call{Name: name, Arguments: args, Options: opts,
		Content: directives.NewContent(content, "test data", 2), Lineno: 1, ContentOffset: 2,
		Host: &fakeHost{doc: doc}}
	nodes, err := d.Run(c)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(pseudoxml.Format(n, nil))
	}
	return b.String()
}

func TestAdmonitions(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		opts map[string]any
		body []string
		want string
	}{
		{"note", nil, map[string]any{"class": []string{"testnote"}, "name": "mynote"}, []string{"Text."},
			"<note classes=\"testnote\" ids=\"mynote\" names=\"mynote\">\n    <paragraph>\n        Text.\n"},
		{"danger", nil, map[string]any{}, nil,
			"error: Content block expected for the \"danger\" directive; none found."},
		{"admonition", []string{"And, by the way..."}, map[string]any{}, []string{"Own."},
			"<admonition classes=\"admonition-and-by-the-way\">\n    <title>\n        And, by the way...\n    <paragraph>\n        Own.\n"},
		{"admonition", []string{"T"}, map[string]any{"class": []string{"emergency"}}, []string{"x"},
			"<admonition classes=\"emergency\">\n    <title>\n        T\n    <paragraph>\n        x\n"},
	} {
		if got := runDirective(t, tc.name, tc.args, tc.opts, tc.body...); got != tc.want {
			t.Errorf("%s %v:\ngot  %q\nwant %q", tc.name, tc.args, got, tc.want)
		}
	}
}
