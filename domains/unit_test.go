package domains

import (
	"strings"
	"testing"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
)

func TestArglist(t *testing.T) {
	for _, tc := range []struct {
		in     string
		pseudo bool // Python would reject the list
		text   string
	}{
		{"a, b=1", false, "ab=1"},
		{"a, /, b, *, c", false, "a/b*c"},
		{"x[, y]", true, "xy"},
		{"a: Dict[str, int] = {}", false, "a: Dict[str, int] = {}"},
		{"*args, **kw", false, "*args**kw"},
	} {
		pl := parseArglist(doctree.NewDocument("t", nil), tc.in)
		if (pl == nil) != tc.pseudo {
			t.Errorf("%q: pseudo parse %v, want %v", tc.in, pl == nil, tc.pseudo)
			continue
		}
		if pl == nil {
			pl = pseudoParseArglist(tc.in)
		}
		if got := pl.AsText(); got != tc.text {
			t.Errorf("%q: text %q, want %q", tc.in, got, tc.text)
		}
	}
	// unbalanced brackets give up: the whole list is one parameter
	if got := pseudoParseArglist("a], b").AsText(); got != "a], b" {
		t.Errorf("unbalanced: %q", got)
	}
}

func TestFindObj(t *testing.T) {
	d := &PyDomain{objects: map[string]objEntry{}}
	for _, o := range []env.Object{
		{Type: "module", Name: "os"}, {Type: "function", Name: "os.getcwd"},
		{Type: "class", Name: "os.Can"}, {Type: "method", Name: "os.Can.open"},
		{Type: "attribute", Name: "os.Can.size"},
	} {
		d.objects[o.Name] = objEntry{Object: o}
	}
	d.index()
	for _, tc := range []struct {
		mod, cls, name, typ string
		specific            bool
		want                string
	}{
		{"", "", "os.getcwd", "func", false, "os.getcwd"},
		{"os", "", "getcwd", "func", false, "os.getcwd"},
		{"os", "Can", "open", "meth", false, "os.Can.open"},
		{"", "", "getcwd", "func", false, ""},
		{"", "", "getcwd", "func", true, "os.getcwd"}, // fuzzy
		{"", "", "open", "func", true, ""},            // wrong type
		{"", "", "os", "mod", false, "os"},
		{"os", "", "getcwd()", "func", false, "os.getcwd"},
		{"", "", "Can.open", "meth", true, "os.Can.open"}, // fuzzy, dotted
	} {
		m := d.findObj(tc.mod, tc.cls, tc.name, tc.typ, tc.specific)
		got := ""
		if len(m) > 0 {
			got = m[0].Name
		}
		if got != tc.want {
			t.Errorf("find %+v: %q", tc, got)
		}
	}
}

func TestCTokens(t *testing.T) {
	line := doctree.NewElement("x")
	o := &cObject{objtype: "function"}
	toks := cTokenize("const char *PyUnicode_AsUTF8(PyObject *unicode)")
	name, params := o.nameIndex(toks)
	if toks[name].text != "PyUnicode_AsUTF8" || params != name+1 {
		t.Fatalf("name %d params %d", name, params)
	}
	cRender{}.tokens(line, toks[:name])
	if got := strings.Join(strings.Fields(line.AsText()), " "); got != "const char *" {
		t.Errorf("specifiers %q", got)
	}
}
