package smartquotes

import (
	"encoding/json"
	"os"
	"testing"
)

// TestEducateAgainstDocutils compares Educate with docutils' own
// educate_tokens on random token runs (testdata/educate.json, made by
// testdata/gen.py).
func TestEducateAgainstDocutils(t *testing.T) {
	data, err := os.ReadFile("testdata/educate.json")
	if err != nil {
		t.Skip(err)
	}
	var cases []struct {
		Tokens [][2]string `json:"tokens"`
		Lang   string      `json:"lang"`
		Attr   string      `json:"attr"`
		Out    []string    `json:"out"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, c := range cases {
		toks := make([]Token, len(c.Tokens))
		for i, tk := range c.Tokens {
			toks[i] = Token{Literal: tk[0] == "literal", Text: tk[1]}
		}
		e := &Educator{Attr: c.Attr, Language: c.Lang, Quotes: DefaultQuotes()}
		got := e.Educate(toks)
		for i := range got {
			if got[i] != c.Out[i] {
				failed++
				if failed <= 10 {
					t.Errorf("lang %q attr %q tokens %q: token %d: got %q, want %q", c.Lang, c.Attr, c.Tokens, i, got[i], c.Out[i])
				}
				break
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ", failed, len(cases))
	}
}

func TestParseQuote(t *testing.T) {
	if q, ok := ParseQuote("«»()"); !ok || q != (Quote{"«", "»", "(", ")"}) {
		t.Errorf("four characters: %q %v", q, ok)
	}
	if q, ok := ParseQuote("« : »:‹:›"); !ok || q[0] != "« " || q[1] != " »" {
		t.Errorf("colon separated: %q %v", q, ok)
	}
	if _, ok := ParseQuote("abc"); ok {
		t.Error("three characters accepted")
	}
}
