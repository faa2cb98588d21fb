//go:build pycheck

package tables

import (
	"encoding/json"
	"math/rand"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestCSVAgainstPython compares csvRead with CPython's csv module on random
// input. Run with: go test -tags pycheck -run TestCSVAgainstPython.
func TestCSVAgainstPython(t *testing.T) {
	type tc struct {
		Lines  []string `json:"lines"`
		Delim  string   `json:"delim"`
		Quote  string   `json:"quote"`
		Escape string   `json:"escape"`
		Double bool     `json:"double"`
		Skip   bool     `json:"skip"`
		Strict bool     `json:"strict"`
	}
	rng := rand.New(rand.NewSource(1))
	alpha := []string{"a", "b", " ", ",", "\"", "\\", "'", ";", "\r", "x y", "\x00", "é"}
	var cases []tc
	for n := 0; n < 3000; n++ {
		var lines []string
		for l := rng.Intn(4); l >= 0; l-- {
			var b strings.Builder
			for k := rng.Intn(8); k > 0; k-- {
				b.WriteString(alpha[rng.Intn(len(alpha))])
			}
			lines = append(lines, b.String())
		}
		c := tc{Lines: lines, Delim: ",", Quote: "\"", Double: true, Skip: true, Strict: rng.Intn(2) == 0}
		if rng.Intn(3) == 0 {
			c.Delim = []string{";", " ", "'", "\\"}[rng.Intn(4)]
		}
		if rng.Intn(3) == 0 {
			c.Quote = []string{"'", ";", "\\"}[rng.Intn(3)]
		}
		if rng.Intn(3) == 0 {
			c.Escape = []string{"\\", "'", "\""}[rng.Intn(3)]
			c.Double = false
		}
		c.Skip = rng.Intn(3) != 0
		cases = append(cases, c)
	}
	in, _ := json.Marshal(cases)
	py := `
import csv, json, sys
out = []
for c in json.load(sys.stdin):
    class D(csv.Dialect):
        delimiter = c['delim']; quotechar = c['quote']; doublequote = c['double']
        skipinitialspace = c['skip']; strict = c['strict']; lineterminator = '\n'
        quoting = csv.QUOTE_MINIMAL
        escapechar = c['escape'] or None
    try:
        out.append({'rows': list(csv.reader([l + '\n' for l in c['lines']], dialect=D())), 'err': ''})
    except csv.Error as e:
        out.append({'rows': None, 'err': str(e)})
json.dump(out, sys.stdout)
`
	cmd := exec.Command("python3", "-c", py)
	cmd.Stdin = strings.NewReader(string(in))
	outb, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []struct {
		Rows [][]string `json:"rows"`
		Err  string     `json:"err"`
	}
	if err := json.Unmarshal(outb, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, c := range cases {
		d := csvDialect{delimiter: []rune(c.Delim)[0], quotechar: []rune(c.Quote)[0], quoting: true,
			doublequote: c.Double, skipInitialSpace: c.Skip, strict: c.Strict}
		if c.Escape != "" {
			d.escapechar, d.hasEscape = []rune(c.Escape)[0], true
		}
		rows, err := csvRead(c.Lines, d)
		gotErr := ""
		if err != nil {
			gotErr, rows = err.Error(), nil
		}
		if rows == nil && gotErr == "" {
			rows = [][]string{}
		}
		w := want[i]
		if w.Rows == nil && w.Err == "" {
			w.Rows = [][]string{}
		}
		if gotErr != w.Err || (w.Err == "" && !reflect.DeepEqual(rows, w.Rows)) {
			bad++
			if bad < 10 {
				t.Errorf("case %#v:\n got %q %q\nwant %q %q", c, rows, gotErr, w.Rows, w.Err)
			}
		}
	}
	t.Logf("%d cases, %d mismatches", len(cases), bad)
}
