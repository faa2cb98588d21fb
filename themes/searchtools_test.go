package themes

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/search"
)

// runJS runs the search client in node with a minimal browser shim, then
// script, and returns what script prints. The test is skipped without
// node.
func runJS(t *testing.T, script string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the search client's JavaScript is not tested")
	}
	client, err := os.ReadFile("default/static/searchtools.js")
	if err != nil {
		t.Fatal(err)
	}
	prog := `global.window = {};
global.document = {readyState: "complete", addEventListener: function () {}, getElementById: function () { return null; }};
global.DOMParser = function () { this.parseFromString = function (s) { return {body: {textContent: s.replace(/<[^>]*>/g, "")}}; }; };
` + string(client) + "\n" + script
	cmd := exec.Command(node, "-e", prog)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	return string(out)
}

// TestClientStemmer checks the client's stemmer against the indexer's
// reference stems (search/testdata/porter.tsv, from snowballstemmer).
func TestClientStemmer(t *testing.T) {
	f, err := os.Open("../search/testdata/porter.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words, want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, s, _ := strings.Cut(sc.Text(), "\t")
		words = append(words, w)
		want = append(want, s)
	}
	data, _ := json.Marshal(words)
	out := runJS(t, `var words = `+string(data)+`;
console.log(JSON.stringify(words.map(window.Search.stem)));`)
	var got []string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			bad++
			if bad <= 10 {
				t.Errorf("stem(%q) = %q, want %q", words[i], got[i], want[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, len(want))
	}
}

// doc makes a document with a title and paragraphs, for the index.
func doc(title, id string, paras ...string) *doctree.Document {
	d := doctree.NewDocument("x", nil)
	sec := doctree.NewElement("section", doctree.NewElement("title", doctree.NewText(title)))
	sec.IDs = []string{id}
	for _, p := range paras {
		sec.Append(doctree.NewElement("paragraph", doctree.NewText(p)))
	}
	d.Root.Append(sec)
	return d
}

// TestClientQueries runs queries against an index the Go indexer built.
func TestClientQueries(t *testing.T) {
	ix := search.NewIndex("en")
	lang := ix.Language()
	ix.Add("intro", "intro.rst", "Introduction", search.Collect(doc("Introduction", "introduction",
		"Widgets are frobnicated by the gadget."), lang), nil)
	usage := doc("Usage", "usage", "Call the function.")
	sub := doctree.NewElement("section", doctree.NewElement("title", doctree.NewText("Frobnicating widgets")))
	sub.IDs = []string{"frobnicating-widgets"}
	sub.Append(doctree.NewElement("paragraph", doctree.NewText("Details.")))
	usage.Root.ChildElements()[0].Append(sub)
	ix.Add("guide/usage", "guide/usage.rst", "Usage", search.Collect(usage, lang),
		[]env.IndexEntry{{Type: "single", Value: "spam; eggs", TargetID: "index-0"}})
	ix.Add("other", "other.rst", "Other", search.Collect(doc("Other", "other", "Nothing to see."), lang), nil)
	// Words that are also properties of JavaScript objects.
	ix.Add("js", "js.rst", "The constructor", search.Collect(doc("The constructor", "the-constructor", "Use toString and hasOwnProperty."), lang), nil)
	ix.AddObjects([]search.Object{
		{Domain: "py", Type: "function", TypeName: "Python function", FullName: "spam.frobnicate", DispName: "spam.frobnicate", DocName: "guide/usage", Anchor: "spam.frobnicate", Prio: 1},
		{Domain: "py", Type: "module", TypeName: "Python module", FullName: "spam", DispName: "spam", DocName: "intro", Anchor: "module-spam", Prio: 0},
	})
	index := string(ix.Freeze().JSON())
	tests := []struct {
		query string
		want  []string // document and anchor of each result, best first
	}{
		{"widget", []string{"guide/usage#frobnicating-widgets", "guide/usage", "intro"}},
		{"frobnicated widgets", []string{"guide/usage#frobnicating-widgets", "guide/usage", "intro"}},
		{"the gadget", []string{"intro"}},
		{"gadget nothing", nil},
		{"introduction", []string{"intro"}},
		{"spam", []string{"intro#module-spam", "guide/usage#index-0", "guide/usage#spam.frobnicate"}},
		{"spam.frobnicate", []string{"guide/usage#spam.frobnicate"}},
		{"the", nil},
		{"constructor", []string{"js"}},
		{"tostring", []string{"js"}},
		{"__proto__", nil},
		{"frobn", []string{"guide/usage#frobnicating-widgets", "guide/usage#spam.frobnicate", "guide/usage", "intro"}},
	}
	var queries []string
	for _, tc := range tests {
		queries = append(queries, tc.query)
	}
	qs, _ := json.Marshal(queries)
	out := runJS(t, `window.Search.setIndex(`+index+`);
var idx = `+index+`;
console.log(JSON.stringify(`+string(qs)+`.map(function (q) {
  return window.Search.query(q).map(function (r) { return idx.docnames[r.docIndex] + r.anchor; });
})));`)
	var got [][]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for i, tc := range tests {
		if strings.Join(got[i], " ") != strings.Join(tc.want, " ") {
			t.Errorf("query %q: %v, want %v", tc.query, got[i], tc.want)
		}
	}
}
