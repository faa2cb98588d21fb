package markdown

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestSimpleYAMLMap checks the parser-free reading of "key: value" lines
// against yaml.v3's: whatever it accepts, it reads as the parser does.
func TestSimpleYAMLMap(t *testing.T) {
	cases := []string{
		"class: tip", "name: my-label\nclass: a b", "width: 100px", "align: center",
		"number-lines:", "linenos: yes", "start: 010", "x: 0x1F", "x: 1_000",
		"x: 1:30", "x: 1.5e+3", "x: .inf", "x: -.inf", "x: .nan", "x: ~", "x: null",
		"x: 2020-01-01", "x: 2020-1-1 10:00:00", "x: on", "x: Off", "yes: 1", "1: a",
		"x: -1", "x: -", "x: - a", "x: ?a", "x: :a", "x: a:b", "x: a: b", "x: a:",
		"x: https://example.com/a#b", "x: a # comment", "x: #a", "x: 'a'", "x: \"a\"",
		"x: [a]", "x: {a}", "x: a[b]{c}", "x: *a", "x: &a b", "x: !a", "x: |", "x: >",
		"x: %a", "x: @a", "x: `a`", "x: a  b  ", "x:a", "x : a", "-x: a", "x-y: z",
		"x: a\n\ny: b", "x: a\nx: b", "x:\ty", "x: é", "x: a,b", "x: ...", "x: ---",
		"x: 0b101", "x: +12", "x: 012", "x: 09", "x: 1.", "x: 1e3", "x: y", "x: n",
		"x: True", "x: tRue", "x: NULL", "x: Null", "x: nULL",
	}
	alphabet := []string{"a", "b", "1", "0", ":", " ", "-", ".", "#", "x", "_", "y", "e", "+", "~", "n", "'", "[", "2020-01-01", "\t"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		b.WriteString([]string{"k", "key", "a-b", "1", "yes"}[r.IntN(5)])
		b.WriteString(":")
		for range r.IntN(8) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	fast := 0
	for _, c := range cases {
		m, ok := simpleYAMLMap(c)
		if !ok {
			continue
		}
		fast++
		want, err := yamlParse(c)
		if err != nil {
			t.Errorf("%q: read as %v, but the parser fails: %v", c, dumpYAML(m), err)
			continue
		}
		if dumpYAML(m) != dumpYAML(want) {
			t.Errorf("%q: read as %s, the parser reads %s", c, dumpYAML(m), dumpYAML(want))
		}
	}
	if fast < len(cases)/10 {
		t.Errorf("only %d of %d cases read without the parser", fast, len(cases))
	}
}

func dumpYAML(v any) string {
	if m, ok := v.(*yamlMap); ok {
		var parts []string
		for i, k := range m.Keys {
			parts = append(parts, fmt.Sprintf("%s=%s", dumpYAML(k), dumpYAML(m.Vals[i])))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprintf("%s:%#v", reflect.TypeOf(v), v)
}
