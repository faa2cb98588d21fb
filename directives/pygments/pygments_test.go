package pygments

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// differential is testdata/differential.json: code samples with the
// merged tokens docutils' Lexer got from Pygments, and the classes of
// each token type in both styles.
type differential struct {
	Pygments string `json:"pygments"`
	Classes  map[string]struct {
		Long  []string `json:"long"`
		Short []string `json:"short"`
	} `json:"classes"`
	Samples []struct {
		Source   string      `json:"source"`
		Language string      `json:"language"`
		Code     string      `json:"code"`
		Error    string      `json:"error"`
		Tokens   [][2]string `json:"tokens"`
	} `json:"samples"`
}

func showTokens(ts []Token) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%v %q\n", t.Classes, t.Value)
	}
	return b.String()
}

// TestDifferential compares Tokens with what docutils' Lexer made of the
// same code with Pygments. Set DOCBUILD_CASE to a regular expression
// matching "language/source/index/style" to see the failing cases.
func TestDifferential(t *testing.T) {
	data, err := os.ReadFile("testdata/differential.json")
	if err != nil {
		t.Fatal(err)
	}
	var d differential
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Pygments != Version() {
		t.Errorf("samples from Pygments %s, lexers from %s", d.Pygments, Version())
	}
	var show *regexp.Regexp
	if p := os.Getenv("DOCBUILD_CASE"); p != "" {
		show = regexp.MustCompile(p)
	}
	passed, failed, skipped := 0, 0, 0
	fails := map[string]int{}
	for i, c := range d.Samples {
		for _, style := range []string{"long", "short"} {
			var want []Token
			for _, tk := range c.Tokens {
				cls := d.Classes[tk[0]].Long
				if style == "short" {
					cls = d.Classes[tk[0]].Short
				}
				if len(cls) == 0 {
					cls = nil
				}
				want = append(want, Token{Classes: cls, Value: tk[1]})
			}
			got, err := Tokens(c.Code, c.Language, style)
			if err == ErrNoLexer {
				skipped++
				continue
			}
			ok := false
			if c.Error != "" {
				ok = err != nil && err.Error() == c.Error
			} else if err == nil {
				ok = fmt.Sprintf("%q", got) == fmt.Sprintf("%q", want)
			}
			if ok {
				passed++
				continue
			}
			failed++
			fails[strings.ToLower(c.Language)]++
			if id := fmt.Sprintf("%s/%s/%d/%s", c.Language, c.Source, i, style); show != nil && show.MatchString(id) {
				t.Logf("FAIL %s\n--- code\n%s\n--- want %s\n%s--- got %v\n%s", id, c.Code, c.Error, showTokens(want), err, showTokens(got))
			}
		}
	}
	var langs []string
	for l, n := range fails {
		langs = append(langs, fmt.Sprintf("%s:%d", l, n))
	}
	sort.Strings(langs)
	fmt.Printf("pygments-differential: %d passed, %d failed, %d without lexer %v\n", passed, failed, skipped, langs)
	if failed > 0 {
		t.Errorf("%d cases differ", failed)
	}
}

// Tokens follows code_analyzer.Lexer for the cases without a lexer.
func TestTokensPlain(t *testing.T) {
	for _, tc := range []struct{ code, lang, names string }{
		{"x = 1\n", "", "long"},
		{"x = 1\n", "text", "short"},
		{"x = 1\n", "python", "none"},
	} {
		got, err := Tokens(tc.code, tc.lang, tc.names)
		if err != nil || len(got) != 1 || got[0].Value != tc.code || got[0].Classes != nil {
			t.Errorf("Tokens(%q, %q, %q) = %v, %v", tc.code, tc.lang, tc.names, got, err)
		}
	}
	if _, err := Tokens("x", "no-such-language", "long"); err == nil || err.Error() != `Cannot analyze code. No Pygments lexer found for "no-such-language".` {
		t.Errorf("unknown language: %v", err)
	}
}

// Every exported pattern compiles, and every lexer can be built.
func TestLexersLoad(t *testing.T) {
	tb := load()
	for i, p := range tb.patterns {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("pattern %d: %v", i, r)
				}
			}()
			p.compile()
		}()
	}
	for alias, class := range tb.Aliases {
		if tb.byClass(class) == nil {
			t.Errorf("%s: no lexer %s", alias, class)
		}
	}
}
