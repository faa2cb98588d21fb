package markdown

import (
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// TestTableRowLines checks that each body row of a table reports its own
// line, as markdown-it maps rows: messages about a reference in the last
// row must name line 4, not the table's first line.
func TestTableRowLines(t *testing.T) {
	src := "| [h](nowhere1) |\n| - |\n| a |\n| [x](nowhere2) |\n"
	doc := doctree.NewDocument("t.md", doctree.DefaultSettings())
	(&Parser{Config: DefaultConfig()}).Parse(doc, src)
	got := map[string]int{}
	for _, ref := range doctree.FindTag(doc.Root, "reference") {
		_, line := doctree.SourceLine(ref)
		got[ref.AsText()] = line
	}
	want := map[string]int{"h": 1, "x": 4}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("reference %q on line %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
}
