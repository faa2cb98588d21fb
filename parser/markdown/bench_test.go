package markdown_test

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// benchInput is a document of realistic Markdown: the CommonMark spec
// examples and MyST fixture inputs of testdata/oracle.json, one after the
// other; or the file named by $DOCBUILD_BENCH_INPUT.
func benchInput(b *testing.B) string {
	if path := os.Getenv("DOCBUILD_BENCH_INPUT"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	data, err := os.ReadFile("testdata/oracle.json")
	if err != nil {
		b.Fatal(err)
	}
	var cases []oracleCase
	if err := json.Unmarshal(data, &cases); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Input] || strings.Contains(c.Input, "{include}") {
			continue
		}
		seen[c.Input] = true
		sb.WriteString(c.Input)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkParse measures parsing (and rendering to doctree) speed in MB/s.
func BenchmarkParse(b *testing.B) { benchParse(b, true) }

// BenchmarkParseNoHighlight is BenchmarkParse without Pygments' lexing of
// code blocks: the parser's own cost, and what a Sphinx build's reading
// costs (Sphinx highlights when writing).
func BenchmarkParseNoHighlight(b *testing.B) { benchParse(b, false) }

func benchParse(b *testing.B, highlight bool) {
	input := benchInput(b)
	reg := std.NewRegistry()
	cfg := markdown.DefaultConfig()
	cfg.EnableExtensions = allExtensions
	cfg.HighlightCodeBlocks = highlight
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settings := doctree.DefaultSettings()
		settings.HaltLevel = 5
		doc := doctree.NewDocument("bench.md", settings)
		(&markdown.Parser{Registry: reg, Config: cfg}).Parse(doc, input)
	}
}

// BenchmarkGoldmark is the yardstick for BenchmarkParse: goldmark alone
// (CommonMark with GFM tables, to HTML) on the same input, so that figures
// taken on a loaded machine can be compared within one run.
func BenchmarkGoldmark(b *testing.B) {
	input := []byte(benchInput(b))
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := md.Convert(input, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
