package text

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TestWrapMatchesSphinx compares Wrap with Sphinx's my_wrap on the cases
// of testdata/wrap.json (made by testdata/gen_wrap.py).
func TestWrapMatchesSphinx(t *testing.T) {
	data, err := os.ReadFile("testdata/wrap.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text  string
		Width int
		Lines []string
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got := Wrap(c.Text, c.Width)
		if len(got) == 0 && len(c.Lines) == 0 {
			continue
		}
		if !slices.Equal(got, c.Lines) {
			t.Errorf("Wrap(%q, %d):\n got %q\nwant %q", c.Text, c.Width, got, c.Lines)
		}
	}
}

func TestColumnWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"abc", 3}, {"日本", 4}, {"e\u0301", 1}, {"ＡＢ", 4}, {"", 0}} {
		if got := ColumnWidth(c.in); got != c.want {
			t.Errorf("ColumnWidth(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
