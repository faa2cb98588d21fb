package text

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// jsonNode is a node of the doctrees testdata/gen_sphinxnodes.py dumps:
// an element object or a text string.
type jsonNode struct {
	Tag      string                     `json:"tag"`
	Attrs    map[string]json.RawMessage `json:"attrs"`
	Children []json.RawMessage          `json:"children"`
}

// treeFromJSON rebuilds a doctree from Sphinx's dumped one.
func treeFromJSON(t *testing.T, data []byte) doctree.Node {
	t.Helper()
	var s string
	if json.Unmarshal(data, &s) == nil {
		return doctree.NewText(s)
	}
	var n jsonNode
	if err := json.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	e := &doctree.Element{Tag: n.Tag}
	for name, raw := range n.Attrs {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		e.Set(name, attrValue(v))
	}
	for _, c := range n.Children {
		e.Append(treeFromJSON(t, c))
	}
	return e
}

// attrValue converts a decoded JSON value to the types doctree attributes
// hold: whole numbers to int, lists of strings to []string.
func attrValue(v any) any {
	switch x := v.(type) {
	case float64:
		if x == float64(int(x)) {
			return int(x)
		}
		return x
	case []any:
		strs := make([]string, 0, len(x))
		for _, el := range x {
			s, ok := el.(string)
			if !ok {
				out := make([]any, len(x))
				for i, el := range x {
					out[i] = attrValue(el)
				}
				return out
			}
			strs = append(strs, s)
		}
		return strs
	}
	return v
}

// TestSphinxNodes renders the doctree Sphinx resolved for the text builder
// (testdata/sphinxnodes, dumped by testdata/gen_sphinxnodes.py) and compares
// the text with what sphinx-build wrote: Sphinx's own nodes (see also,
// version notes, object descriptions, glossary, productionlist, acks,
// numbered sections...) go through the writer without our parser.
func TestSphinxNodes(t *testing.T) {
	const dir = "testdata/golden/sphinxnodes/"
	data, err := os.ReadFile(dir + "nodes.json")
	if err != nil {
		t.Fatal(err)
	}
	root, ok := treeFromJSON(t, data).(*doctree.Element)
	if !ok {
		t.Fatal("the dumped tree is not an element")
	}
	var nums map[string][]int
	data, err = os.ReadFile(dir + "nodes.secnumbers.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &nums); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	got := Format(root, &Options{
		SecNumbers: nums,
		Warn:       func(_ *doctree.Element, msg string) { warnings = append(warnings, msg) },
	})
	if len(warnings) > 0 {
		t.Errorf("writer warnings: %v", warnings)
	}
	golden := dir + "nodes.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("text differs from sphinx-build -b text:\n%s", lineDiff(string(want), got))
	}
}
