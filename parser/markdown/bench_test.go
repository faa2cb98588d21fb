package markdown_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
)

// benchInput is a document of realistic Markdown: the CommonMark spec
// examples and MyST fixture inputs of testdata/oracle.json, one after the
// other.
func benchInput(b *testing.B) string {
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
func BenchmarkParse(b *testing.B) {
	input := benchInput(b)
	reg := std.NewRegistry()
	cfg := markdown.DefaultConfig()
	cfg.EnableExtensions = allExtensions
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
