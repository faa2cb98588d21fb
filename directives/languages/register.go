// Package languages holds the localised directive and role names of every
// language docutils supports, and the localised labels, bibliographic field
// names and author separators. The tables are generated from docutils 0.19
// by gen/gen.py; the English table is the one that maps docutils' aliases
// ("code-block", "sourcecode", "sub", "t", ...) to canonical names.
package languages

//go:generate python3 gen/gen.py

import "github.com/docbuild/docbuild/directives"

// Register adds every docutils language to reg, under codes such as "de"
// and "pt_br". Registry.Language finds them from BCP 47 tags ("pt-BR",
// "de-AT-1901") as docutils does.
func Register(reg *directives.Registry) {
	for _, l := range generated {
		reg.AddLanguage(l)
	}
}

// Codes returns the codes of the languages Register adds, sorted.
func Codes() []string {
	codes := make([]string, len(generated))
	for i, l := range generated {
		codes[i] = l.Code
	}
	return codes
}
