package config

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// prelude is gen_exprs.py's PRELUDE: names the expressions may use.
const prelude = `project = 'Demo'
version = '1.2'
n = 3
items = ['a', 'b']
d = {'x': 1, 'y': [1, 2]}
`

// unsupportedExprs are valid Python docbuild deliberately does not evaluate;
// they must be reported as ignored rather than give a wrong value.
var unsupportedExprs = map[string]bool{
	"lambda x: x":        true,
	"[x for x in items]": true,
}

// TestExpressionsMatchCPython evaluates every expression of
// testdata/exprs.txt and compares it with CPython's result recorded in
// testdata/exprs.golden.
func TestExpressionsMatchCPython(t *testing.T) {
	f, err := os.Open("testdata/exprs.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	count := 0
	for sc.Scan() {
		var c struct{ Expr, Result string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		count++
		ns, warns := ParseConfPy("conf.py", []byte(prelude+"result = "+c.Expr+"\n"))
		v, _, ok := ns.Get("result")
		switch {
		case unsupportedExprs[c.Expr]:
			if ok || len(warns) != 1 || warns[0].Kind != Ignored {
				t.Errorf("%s: want one ignored report, got value %v, warnings %v", c.Expr, ok, warns)
			}
		case strings.HasPrefix(c.Result, "! "):
			if ok {
				t.Errorf("%s: Python raises %s, docbuild gave %s", c.Expr, c.Result[2:], Repr(v))
			} else if len(warns) != 1 {
				t.Errorf("%s: want one report, got %v", c.Expr, warns)
			}
		default:
			if !ok {
				t.Errorf("%s: not evaluated: %v", c.Expr, warns)
				continue
			}
			if got := "= " + Repr(v); got != c.Result {
				t.Errorf("%s:\n got %s\nwant %s", c.Expr, got, c.Result)
			}
		}
	}
	if count < 100 {
		t.Fatalf("only %d cases read", count)
	}
}
