package inline

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// benchParagraphs makes a reproducible set of paragraphs in which about
// one word in four is inline markup of some kind.
func benchParagraphs() []string {
	markup := []string{
		"*emphasis*", "**strong text**", "``literal()``", "`title`", ":emphasis:`role`",
		"`phrase reference`_", "`Python %d <https://www.python.org/>`_", "name_", "anon__",
		"[1]_", "[#]_", "[citation]_", "|subst|", "|subst|_", "_`target %d`",
		"https://example.org/path?q=1#frag", "someone@example.com", "\\*not\\*",
		"x*y", "(*)", "a-b-c-d", "snake_case_name", "e.g.", "colon:separated",
	}
	plain := strings.Fields("the quick brown fox jumps over a lazy dog while docutils " +
		"parses inline markup in every paragraph of the document and writes it out again")
	rng := rand.New(rand.NewSource(1))
	var paras []string
	for i := 0; i < 500; i++ {
		var b strings.Builder
		lines := 1 + rng.Intn(6)
		for l := 0; l < lines; l++ {
			if l > 0 {
				b.WriteByte('\n')
			}
			for w := 0; w < 10; w++ {
				if w > 0 {
					b.WriteByte(' ')
				}
				if rng.Intn(4) == 0 {
					// Targets are numbered, as duplicates would make
					// the benchmark about system messages.
					m := markup[rng.Intn(len(markup))]
					if strings.Contains(m, "%d") {
						m = fmt.Sprintf(m, i*100+l*10+w)
					}
					b.WriteString(m)
				} else {
					b.WriteString(plain[rng.Intn(len(plain))])
				}
			}
		}
		paras = append(paras, b.String())
	}
	return paras
}

// BenchmarkInline measures the throughput of the inliner, in MB/s of
// source text, on inline-heavy paragraphs and on plain prose.
func BenchmarkInline(b *testing.B) {
	plain := strings.Repeat("The quick brown fox jumps over the lazy dog, e.g. with "+
		"colons: and (parentheses) -- and numbers 1, 2, 3.\n", 10)
	for _, set := range []struct {
		name  string
		paras []string
	}{
		{"markup", benchParagraphs()},
		{"plain", []string{plain}},
	} {
		b.Run(set.name, func(b *testing.B) {
			size := 0
			for _, p := range set.paras {
				size += len(p)
			}
			reg := testRegistry()
			settings := doctree.DefaultSettings()
			settings.HaltLevel = 5
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				doc := doctree.NewDocument("bench", settings)
				in := New(doc, directives.NewScope(reg, "en"))
				for j, p := range set.paras {
					in.Parse(p, j+1, doc.Root)
				}
			}
		})
	}
}
