package sphinx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// parseStandalone parses text as a file read on its own (no DocEnv) and
// returns the pseudo-XML and the messages that are not in the tree.
func parseStandalone(t *testing.T, source, text string, settings *doctree.Settings) (string, []string) {
	t.Helper()
	if settings == nil {
		settings = sphinxSettings()
	}
	doc := doctree.NewDocument(source, settings)
	var streamed []*doctree.Element
	doc.Reporter.Stream = func(m *doctree.Element) { streamed = append(streamed, m) }
	(&rst.Parser{Registry: testRegistry()}).Parse(doc, text)
	var logged []string
	for _, m := range streamed {
		if m.Parent() == nil {
			logged = append(logged, m.Children[0].AsText())
		}
	}
	return pseudoxml.Format(doc.Root, nil), logged
}

// TestStandalone checks the directives and roles on a file read without a
// project: nothing to check documents against, counters kept per document,
// files relative to the document.
func TestStandalone(t *testing.T) {
	cases, err := filepath.Abs("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	source := filepath.Join(cases, "standalone.rst")
	tests := []struct {
		name, in string
		want     []string // substrings of the pseudo-XML
		logged   []string
	}{
		{
			name:   "toctree",
			in:     ".. toctree::\n   :glob:\n\n   a\n   Title <b>\n   a\n   *\n",
			want:   []string{`<toctree caption="True" entries="(None,\ 'a') ('Title',\ 'b') (None,\ 'a')" glob="True" hidden="False" includefiles="a b a" includehidden="False" maxdepth="-1" numbered="0" parent="" titlesonly="False">`},
			logged: []string{"duplicated entry found in toctree: a"},
		},
		{
			name: "index serial numbers",
			in:   ".. index:: a\n\n.. index:: b\n\nText :index:`c`.\n",
			want: []string{`<target ids="index-0">`, `<target ids="index-1">`, `<target ids="index-2">`},
		},
		{
			name: "literalinclude relative to the document",
			in:   ".. literalinclude:: _files/example2.py\n   :lines: 6-7\n",
			want: []string{"class Foo:", "source=\"" + filepath.Join(cases, "_files", "example2.py") + "\""},
		},
		{
			name: "highlight language",
			in:   ".. highlight:: rust\n\n.. code-block::\n\n   fn main() {}\n",
			want: []string{`language="rust"`},
		},
		{
			name: "ref without a project",
			in:   ":ref:`Label`\n",
			want: []string{`<pending_xref refdoc="" refdomain="std" refexplicit="False" reftarget="label" reftype="ref" refwarn="True">`},
		},
		{
			name:   "equations numbered per document",
			in:     ".. math:: a\n   :label: x\n\n.. math:: b\n   :label: x\n",
			want:   []string{`label="x" nowrap="False" number="1"`, `label="x" nowrap="False" number="2"`},
			logged: []string{"duplicate label of equation x, other instance in ", `Duplicate ID: "equation-x".`},
		},
		{
			name:   "duplicate glossary term",
			in:     ".. glossary::\n\n   a\n      one\n\n   a\n      two\n",
			want:   []string{`<term ids="term-a">`, `<term ids="term-0">`},
			logged: []string{"duplicate term description of a, other instance in "},
		},
		{
			name: "hlist with zero columns",
			in:   ".. hlist::\n   :columns: 0\n\n   * a\n",
			want: []string{"integer division or modulo by zero"},
		},
		{
			name: "guilabel ending in an ampersand",
			in:   ":guilabel:`Trailing &`\n",
			want: []string{"Trailing \n", "&\n"},
		},
		{
			name: "named todo",
			in:   ".. todo::\n   :name: later\n\n   Do it.\n",
			want: []string{`<todo_node classes="admonition-todo" docname="" ids="later" names="later">`},
		},
		{
			name: "option role with program",
			in:   ".. program:: a  b\n\n:option:`-v` :any:`x`\n",
			want: []string{`reftype="option" refwarn="True" std:program="a-b"`, `reftype="any" refwarn="True" std:program="a-b"`},
		},
		{
			// XRefRole ignores role options, so the custom role's class
			// is not added either
			name: "custom role based on ref keeps std:ref",
			in:   ".. role:: myref(ref)\n\n:myref:`X`\n",
			want: []string{`refdomain="std" refexplicit="False" reftarget="x" reftype="ref"`, `<inline classes="xref std std-ref">`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, logged := parseStandalone(t, source, tc.in, nil)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			if strings.Join(logged, "\n") != strings.Join(tc.logged, "\n") {
				t.Errorf("logged %q, want %q", logged, tc.logged)
			}
		})
	}
}

// TestLocalNames checks that Sphinx's names are found in a document of
// another language without docutils' fallback messages, and that
// registering twice is harmless.
func TestLocalNames(t *testing.T) {
	reg := std.NewRegistry()
	Register(reg)
	Register(reg)
	s := sphinxSettings()
	s.LanguageCode = "de"
	s.ReportLevel = 1
	doc := doctree.NewDocument("de.rst", s)
	(&rst.Parser{Registry: reg}).Parse(doc, ".. toctree::\n\n.. versionadded:: 1\n\n:ref:`x` :term:`y` :guilabel:`z`\n")
	if msgs := doctree.FindTag(doc.Root, doctree.TagSystemMessage); len(msgs) > 0 {
		t.Errorf("unexpected messages:\n%s", pseudoxml.Format(doc.Root, nil))
	}

	// the wrapped include resolves "/" paths once, not twice
	srcdir, err := filepath.Abs("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	doc = doctree.NewDocument(filepath.Join(srcdir, "inc.rst"), sphinxSettings())
	doc.Env = newFakeEnv(t, srcdir, "main", "inc")
	(&rst.Parser{Registry: reg}).Parse(doc, ".. include:: /_files/snippet.inc\n")
	if got := pseudoxml.Format(doc.Root, nil); !strings.Contains(got, "Included") {
		t.Errorf("include after registering twice:\n%s", got)
	}
}

func TestExtlinkRoles(t *testing.T) {
	roles := ExtlinkRoles(map[string][2]string{
		"gh":  {"https://github.com/%s", "GitHub %s"},
		"url": {"https://example.org/%s", ""},
	})
	reg := std.NewRegistry()
	Register(reg)
	for name, r := range roles {
		reg.AddLocalRole(name, r)
	}
	doc := doctree.NewDocument("x.rst", sphinxSettings())
	(&rst.Parser{Registry: reg}).Parse(doc, ":gh:`a/b` :url:`p` :gh:`Title <c>`\n")
	got := pseudoxml.Format(doc.Root, nil)
	for _, w := range []string{
		"<reference internal=\"False\" refuri=\"https://github.com/a/b\">\n            GitHub a/b",
		"<reference internal=\"False\" refuri=\"https://example.org/p\">\n            https://example.org/p",
		"<reference internal=\"False\" refuri=\"https://github.com/c\">\n            Title",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

func TestTuplesToLists(t *testing.T) {
	idx := doctree.NewElement(TagIndex)
	idx.Set("entries", IndexEntries{{Type: "single", Value: "a b", TargetID: "id", Main: "", Key: "k", HasKey: true}})
	toc := doctree.NewElement(TagToctree)
	toc.Set("entries", TocEntries{{Ref: "doc"}, {Title: "T", Ref: "x"}})
	root := doctree.NewElement(doctree.TagSection, idx, toc)
	if got := IndexEntriesOf(idx); len(got) != 1 || got[0].Key != "k" {
		t.Errorf("IndexEntriesOf = %v", got)
	}
	TuplesToLists(root)
	got := pseudoxml.Format(root, nil)
	for _, w := range []string{
		`<index entries="['single',\ 'a\ b',\ 'id',\ '',\ 'k']">`,
		`<toctree entries="[None,\ 'doc'] ['T',\ 'x']">`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

func TestNewDescNode(t *testing.T) {
	tests := []struct {
		tag, domain, want string
	}{
		{TagDescName, "", `<desc_name classes="sig-name descname" xml:space="preserve">` + "\n    f\n"},
		{TagDescInline, "py", `<desc_inline classes="sig sig-inline py">` + "\n    f\n"},
		{TagDescSigSpace, "", `<desc_sig_space classes="w">` + "\n     \n"},
		{TagDescSignature, "", `<desc_signature classes="sig sig-object">` + "\n    f\n"},
	}
	for _, tc := range tests {
		text := "f"
		if tc.tag == TagDescSigSpace {
			text = ""
		}
		if got := pseudoxml.Format(NewDescNode(tc.tag, tc.domain, text, text), nil); got != tc.want {
			t.Errorf("NewDescNode(%s) = %q, want %q", tc.tag, got, tc.want)
		}
	}
}

// TestNoPanics parses damaged versions of every test document (each line
// dropped, each line cut short) with the project's environment: bad input
// may give messages but must not panic.
func TestNoPanics(t *testing.T) {
	srcdir, err := filepath.Abs("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(srcdir, "*.rst"))
	reg := testRegistry()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := range lines {
			variants := []string{
				strings.Join(append(append([]string(nil), lines[:i]...), lines[i+1:]...), "\n"),
				strings.Join(append(append([]string(nil), lines[:i]...), lines[i][:len(lines[i])/2]), "\n"),
			}
			for _, v := range variants {
				doc := doctree.NewDocument(f, sphinxSettings())
				doc.Env = newFakeEnv(t, srcdir, "main", "edge")
				(&rst.Parser{Registry: reg}).Parse(doc, v)
			}
		}
	}
}
