package markdown_test

import (
	"sync"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// TestConcurrentParse parses documents from several goroutines at once,
// as a project build does: the parsers shared between documents (cached
// goldmark parsers, the registry) must give each the output it gets
// alone. Run with -race.
func TestConcurrentParse(t *testing.T) {
	inputs := []string{
		"# Title\n\nSome *text* with a [link](https://example.com).\n",
		"```{note}\nA note with {sub}`x`.\n```\n\n- a\n- b\n",
		"---\nmyst:\n  enable_extensions: [dollarmath]\n---\n# Math\n\n$x^2$ and $$y$$\n",
		":::{admonition} T\n:class: tip\nbody\n:::\n",
	}
	reg := std.NewRegistry()
	cfg := markdown.DefaultConfig()
	cfg.EnableExtensions = []string{"colon_fence", "smartquotes"}
	parse := func(input string) string {
		doc := doctree.NewDocument("doc.md", doctree.DefaultSettings())
		(&markdown.Parser{Registry: reg, Config: cfg}).Parse(doc, input)
		return pseudoxml.Format(doc.Root, nil)
	}
	want := make([]string, len(inputs))
	for i, in := range inputs {
		want[i] = parse(in)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(inputs)
				if got := parse(inputs[i]); got != want[i] {
					t.Errorf("input %d parsed concurrently:\n%s\nalone:\n%s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
