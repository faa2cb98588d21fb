package rst

import (
	"encoding/json"
	"os"
	"testing"
)

// TestPatterns checks the hand-written matchers against docutils' regular
// expressions on the inputs of testdata/patterns.json (made by
// testdata/gen_patterns.py with docutils 0.19).
func TestPatterns(t *testing.T) {
	data, err := os.ReadFile("testdata/patterns.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Pattern string  `json:"pattern"`
		Input   string  `json:"input"`
		End     int     `json:"end"`
		Name    *string `json:"name"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		want := c.End // in code points, -1 for no match
		if want >= 0 {
			want = cpIndex(c.Input, want)
		}
		got, name := -1, ""
		s := c.Input
		switch c.Pattern {
		case "bullet":
			if s != "" {
				got = matchBullet(s)
			}
		case "enumerator":
			if s != "" {
				got, _, _ = matchEnumerator(s)
			}
		case "field_marker":
			got = matchFieldMarker(s)
		case "option_marker":
			got = matchOptionMarker(s)
		case "line":
			if matchLine(s) {
				got = len(s)
			}
		case "grid_table_top":
			if matchGridTableTop(s) {
				got = len(s)
			}
		case "simple_table_top":
			if matchSimpleTableTop(s) {
				got = len(s)
			}
		case "target":
			if m, ok := matchTargetPattern(s, 0); ok {
				got, name = m.end, m.name
			}
		case "substitution":
			if e, n, ok := matchSubstitutionPattern(s, 0); ok {
				got, name = e, n
			}
		case "attribution":
			if e := matchAttribution(s); e >= 0 {
				got = cpIndex(s, e)
			}
		default:
			t.Fatalf("unknown pattern %q", c.Pattern)
		}
		if got != want {
			t.Errorf("%s(%q) = %d, docutils %d", c.Pattern, s, got, want)
			continue
		}
		if c.Name != nil && name != *c.Name {
			t.Errorf("%s(%q) name = %q, docutils %q", c.Pattern, s, name, *c.Name)
		}
	}
}
