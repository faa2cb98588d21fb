package sphinx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// TestMarkdown runs the directives from MyST documents, whose parser is
// another directives.Host.
func TestMarkdown(t *testing.T) {
	srcdir, err := filepath.Abs("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	in := "# Title\n\n```{toctree}\n:maxdepth: 1\n\nother\naux/one\n```\n\n" +
		"```{code-block} python\n:linenos:\n\nx = 1\n```\n\n" +
		"```{only} html\nOnly *text*.\n```\n\n" +
		"```{glossary}\nterm\n   Definition.\n```\n\n{ref}`Label` and {kbd}`C-x`.\n"
	doc := doctree.NewDocument(filepath.Join(srcdir, "md.md"), sphinxSettings())
	doc.Env = newFakeEnv(t, srcdir, "main", "md")
	(&markdown.Parser{Registry: testRegistry()}).Parse(doc, in)
	got := pseudoxml.Format(doc.Root, nil)
	for _, w := range []string{
		`entries="(None,\ 'other') (None,\ 'aux/one')"`,
		`language="python" linenos="True"`,
		`<only expr="html">`,
		`<term ids="term-term">`,
		`reftarget="label" reftype="ref"`,
		`<literal classes="kbd">`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}
