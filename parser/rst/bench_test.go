package rst_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
)

// benchDoc returns a document of about size bytes mixing sections,
// lists, tables, literal blocks, footnotes, targets and inline markup.
func benchDoc(size int) string {
	var b strings.Builder
	b.WriteString("==========\nBenchmark\n==========\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Section %d\n============\n\n", i)
		fmt.Fprintf(&b, "A paragraph with *emphasis*, **strong**, ``literal`` text and a reference_ to\n"+
			"section_%d_ and a footnote [#]_ spread over\nthree lines.\n\n", i)
		fmt.Fprintf(&b, "Subsection %d.1\n--------------\n\n", i)
		b.WriteString("- bullet item one\n- bullet item *two*\n\n  with a second paragraph\n\n- three\n\n")
		b.WriteString("1. first\n2. second\n\n   a. nested\n   b. nested again\n\n3. third\n\n")
		b.WriteString("term\n   definition of the term\nother term : classifier\n   another definition\n\n")
		b.WriteString(":field: value\n:other field: another value\n   continued\n\n")
		b.WriteString("-a         option a\n--bee=ARG  option b\n\n")
		b.WriteString("Code follows::\n\n    for i in range(10):\n        print(i)\n\n")
		b.WriteString("+--------+--------+\n| head 1 | head 2 |\n+========+========+\n| cell   | cell   |\n+--------+--------+\n\n")
		b.WriteString("=====  =====\nA      B\n=====  =====\n1      2\n3      4\n=====  =====\n\n")
		b.WriteString("    A block quote.\n\n    -- Attribution\n\n")
		b.WriteString("| line block\n|    indented line\n\n")
		fmt.Fprintf(&b, ".. [#] The footnote text.\n\n.. _reference: http://example.org/%d\n\n", i)
		b.WriteString(".. note:: A note directive\n   with content.\n\n.. comment\n\n----------\n\n")
	}
	return b.String()
}

func benchParse(b *testing.B, size int) {
	input := benchDoc(size)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	p := &rst.Parser{Registry: reg}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := doctree.DefaultSettings()
		s.HaltLevel, s.ReportLevel = 5, 5
		doc := doctree.NewDocument("bench", s)
		p.Parse(doc, input)
	}
}

// BenchmarkParse parses generated documents of about 100 kB and 1 MB;
// the time per byte must not grow with the size.
func BenchmarkParse(b *testing.B) {
	b.Run("100kB", func(b *testing.B) { benchParse(b, 100<<10) })
	b.Run("1MB", func(b *testing.B) { benchParse(b, 1<<20) })
}
