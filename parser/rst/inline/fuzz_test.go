package inline

import (
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// FuzzInline checks that no input makes the inliner panic or hang, under
// each setting that changes its patterns.
func FuzzInline(f *testing.F) {
	for _, s := range []string{
		"*emphasis* **strong** ``literal`` `title` :emphasis:`x` `x`:strong:",
		"`phrase <http://example.org>`_ `alias <target_>`__ _`inline target`",
		"[1]_ [#]_ [#label]_ [*]_ [citation]_ |sub| |sub|_ |sub|__ name_ name__",
		"http://example.org/a?b#c user@example.com pep-0008.txt PEP 8 RFC 2822",
		"\\*escaped\\* \\\\ `a\\ b` :foo:`bar` :a:b:`c`:d: ``` ** * ` |",
		"«*quoted*» ‘*’ (*) \u00a0*nbsp*\u00a0 日本*語*",
	} {
		f.Add(s, uint8(0))
	}
	reg := testRegistry()
	f.Fuzz(func(t *testing.T, text string, mode uint8) {
		settings := doctree.DefaultSettings()
		settings.HaltLevel = 5
		settings.CharacterLevelInlineMarkup = mode&1 != 0
		settings.PEPReferences = mode&2 != 0
		settings.RFCReferences = mode&2 != 0
		settings.TrimFootnoteReferenceSpace = mode&4 != 0
		doc := doctree.NewDocument("fuzz", settings)
		in := New(doc, directives.NewScope(reg, "en"))
		nodes, _ := in.Parse(text, 1, doc.Root)
		_ = nodes
	})
}
