package markdown_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// TestSameAsRST checks that each testdata/equiv/NAME.md gives the same
// document as NAME.rst, written with the same constructs in
// reStructuredText: directives and roles behave alike in both parsers.
func TestSameAsRST(t *testing.T) {
	mds, _ := filepath.Glob("testdata/equiv/*.md")
	if len(mds) == 0 {
		t.Fatal("no test pairs")
	}
	for _, md := range mds {
		name := strings.TrimSuffix(md, ".md")
		t.Run(filepath.Base(name), func(t *testing.T) {
			mdText, err := os.ReadFile(md)
			if err != nil {
				t.Fatal(err)
			}
			rstText, err := os.ReadFile(name + ".rst")
			if err != nil {
				t.Fatal(err)
			}
			reg := std.NewRegistry()
			build := func(parse func(*doctree.Document)) string {
				// MyST highlights fences with Pygments' short class
				// names, the code directive with syntax_highlight's.
				settings := doctree.DefaultSettings()
				settings.SyntaxHighlight = "short"
				doc := doctree.NewDocument("doc", settings)
				parse(doc)
				if err := applyTransforms(doc, reg); err != nil {
					t.Fatal(err)
				}
				return pseudoxml.Format(doc.Root, nil)
			}
			fromMD := build(func(doc *doctree.Document) {
				(&markdown.Parser{Registry: reg, Config: markdown.DefaultConfig()}).Parse(doc, string(mdText))
			})
			fromRST := build(func(doc *doctree.Document) {
				(&rst.Parser{Registry: reg}).Parse(doc, string(rstText))
			})
			if fromMD != fromRST {
				t.Errorf("Markdown and reST differ\n--- Markdown\n%s--- reST\n%s", fromMD, fromRST)
			}
		})
	}
}
