package rst_test

import (
	"strings"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"testing"
	"time"
)

// pathological returns inputs that stress nesting depth and the
// backtracking of docutils' patterns.
func pathological() map[string]string {
	deepBullets := strings.Repeat(strings.Repeat("- ", 4900)+"x\n\n", 8)
	deepEnum := strings.Repeat(strings.Repeat("1. ", 3300)+"x\n\n", 8)
	var quote strings.Builder
	for i := 0; i < 1400; i++ {
		quote.WriteString(strings.Repeat(" ", i) + "q\n\n")
	}
	var lineBlock strings.Builder
	for i := 0; i < 1400; i++ {
		lineBlock.WriteString("|" + strings.Repeat(" ", i+1) + "l\n")
	}
	target := ".. _" + strings.Repeat("a", 50) + "\n" + strings.Repeat("   "+strings.Repeat("b", 97)+"\n", 10000)
	subst := ".. |" + strings.Repeat("a", 50) + "\n" + strings.Repeat("   "+strings.Repeat("b", 97)+"\n", 10000)
	var sections strings.Builder
	for i := 0; sections.Len() < 1<<18; i++ {
		sections.WriteString("Title\n=====\n\ntext\n\nSub\n---\n\n")
	}
	tables := strings.Repeat("=== ===\ntext\n", 20000)
	fieldish := strings.Repeat(":"+strings.Repeat("a:", 4000)+"\n", 100)
	return map[string]string{
		"deep bullets": deepBullets, "deep enumerators": deepEnum, "deep quotes": quote.String(),
		"deep line block": lineBlock.String(), "long target": target, "long substitution": subst,
		"many sections": sections.String(), "simple table tops": tables, "field-like": fieldish,
		"deep definitions": strings.Repeat("t\n ", 3000) + "d\n",
	}
}

// TestPathological parses inputs built to be slow or deep; they must
// parse without a crash in reasonable time.
func TestPathological(t *testing.T) {
	for name, in := range pathological() {
		start := time.Now()
		// Only parse: the pseudo-XML of deeply nested trees grows with
		// the square of the depth.
		s := doctree.DefaultSettings()
		s.HaltLevel, s.ReportLevel = 5, 5
		doc := doctree.NewDocument("test data", s)
		(&rst.Parser{Registry: std.NewRegistry()}).Parse(doc, in)
		if len(doc.Root.Children) == 0 {
			t.Errorf("%s: nothing parsed", name)
		}
		t.Logf("%s: %d bytes in %v", name, len(in), time.Since(start))
	}
}
