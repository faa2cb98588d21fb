package highlight

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// TestPythonMatchesPygments compares the Python and Python console lexers with Pygments 2.14
// on the cases of testdata/python.json (testdata/gen_python.py): the same
// HTML, and an error exactly where Pygments meets one.
func TestPythonMatchesPygments(t *testing.T) {
	data, err := os.ReadFile("testdata/python.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Lang  string
		Code  string
		HTML  string
		Error bool
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, c := range cases {
		code := strings.Trim(c.Code, "\n") + "\n"
		var toks []chroma.Token
		var failed bool
		if c.Lang == "pycon" {
			toks, failed = lexPycon(code)
		} else {
			toks, failed = lexPython(code)
		}
		if failed != c.Error {
			bad++
			t.Errorf("case %d: error = %v, Pygments %v\n%s", i, failed, c.Error, c.Code)
			continue
		}
		got := formatBlock(toks, Options{})
		if got != c.HTML {
			bad++
			if bad <= 10 {
				t.Errorf("case %d differs:\n%s", i, firstDiff(got, c.HTML))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d cases differ", bad, len(cases))
	}
}

// firstDiff shows where two strings part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := strings.LastIndex(got[:i], "\n") + 1
	end := func(s string) string {
		e := i + 120
		if e > len(s) {
			e = len(s)
		}
		return s[from:e]
	}
	return "got:  " + end(got) + "\nwant: " + end(want)
}
