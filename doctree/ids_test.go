package doctree

import (
	"encoding/json"
	"os"
	"testing"
)

// TestMakeIDMatchesDocutils compares MakeID and the name normalisers with
// docutils' own results, kept in testdata/ids.json (made by gen_ids.py).
func TestMakeIDMatchesDocutils(t *testing.T) {
	data, err := os.ReadFile("testdata/ids.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ In, ID, Fnorm, Wnorm string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if got := MakeID(c.In); got != c.ID {
			t.Errorf("MakeID(%q) = %q, docutils %q", c.In, got, c.ID)
		}
		if got := FullyNormalizeName(c.In); got != c.Fnorm {
			t.Errorf("FullyNormalizeName(%q) = %q, docutils %q", c.In, got, c.Fnorm)
		}
		if got := WhitespaceNormalizeName(c.In); got != c.Wnorm {
			t.Errorf("WhitespaceNormalizeName(%q) = %q, docutils %q", c.In, got, c.Wnorm)
		}
	}
}
