package config

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/runenames"
)

var (
	runeNamesOnce sync.Once
	runeNames     map[string]rune
)

// lookupRuneName resolves a \N{...} escape. Python matches names without
// regard to case; the table is built on first use because few conf.py files
// need it.
func lookupRuneName(name string) (rune, bool) {
	runeNamesOnce.Do(func() {
		runeNames = make(map[string]rune, 40000)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			n := runenames.Name(r)
			if n == "" || n[0] == '<' {
				continue
			}
			if _, dup := runeNames[n]; !dup {
				runeNames[n] = r
			}
		}
	})
	r, ok := runeNames[strings.ToUpper(name)]
	return r, ok
}
