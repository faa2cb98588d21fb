package pseudoxml

import (
	"os"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// TestFormatMatchesDocutils builds by hand the tree that
// testdata/gen_golden.py builds with docutils, and compares the outputs.
func TestFormatMatchesDocutils(t *testing.T) {
	want, err := os.ReadFile("testdata/tree.golden")
	if err != nil {
		t.Fatal(err)
	}
	doc := doctree.NewDocument("test data", nil)
	sec := doctree.NewElement("section")
	sec.IDs = []string{"a-b"}
	sec.Names = []string{"a b", `c\d`}
	sec.Classes = []string{"x"}
	doc.Root.Append(sec)
	sec.Append(doctree.NewTextElement("title", "", "Title"))
	p := doctree.NewTextElement("paragraph", "", "line one\nline two\r\nthree\vfour")
	p.Set("level", 3)
	p.Set("anonymous", 1)
	p.Append(doctree.NewTextElement("emphasis", "", "em"))
	sec.Append(p)
	sec.Append(doctree.NewTextElement("literal_block", "", "  code\n\n  more"))
	tg := doctree.NewElement("target")
	tg.Set("refuri", "http://x")
	tg.Set("flag", nil)
	tg.Set("t", true)
	tg.Set("f", false)
	sec.Append(tg)
	sec.Append(doc.Reporter.SystemMessage(2, "A message.", doctree.MsgOpts{Source: "test data", SourceLine: 4, BackRefs: []string{"id1"}}))
	pend := doctree.NewElement("pending")
	pend.Pending = &doctree.PendingInfo{Transform: "docutils.transforms.parts.Contents", Details: map[string]any{
		"title": "It's", "list": []string{"a", `b"`}, "none": nil, "num": 3,
		"node": doctree.NewTextElement("paragraph", "", "inner"),
	}}
	sec.Append(pend)
	sec.Append(doctree.NewTextElement("paragraph", "", "escaped\x00 space"))
	if got := Format(doc.Root, nil); got != string(want) {
		t.Errorf("pseudo-XML differs from docutils:\n--- got\n%s--- want\n%s", got, want)
	}
}
