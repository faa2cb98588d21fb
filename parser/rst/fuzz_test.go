package rst_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// FuzzParse checks that no input makes the parser panic or fail to
// produce a document. It is seeded with the inputs of docutils' parser
// suite when that is available.
func FuzzParse(f *testing.F) {
	for _, c := range loadParserCasesOptional() {
		f.Add(c.Input)
	}
	for _, frag := range fragments {
		f.Add(frag + "\n")
	}
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	p := &rst.Parser{Registry: reg}
	f.Fuzz(func(t *testing.T, input string) {
		s := doctree.DefaultSettings()
		s.HaltLevel, s.ReportLevel = 5, 5
		// No file or network access from fuzzed directives.
		s.FileInsertionEnabled = false
		s.RawEnabled = false
		doc := doctree.NewDocument("fuzz", s)
		start := time.Now()
		p.Parse(doc, input)
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("parse of %d bytes took %v: %q", len(input), d, input)
		}
		out := pseudoxml.Format(doc.Root, nil)
		if !strings.HasPrefix(out, "<document") {
			t.Fatalf("no document for %q: %q", input, out)
		}
	})
}
