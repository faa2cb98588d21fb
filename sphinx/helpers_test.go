package sphinx

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// helpers holds testdata/helpers.json, what Sphinx 5.3 and Python's
// standard library give for the text functions ported here
// (gen_helpers.py).
type helpers struct {
	Explicit []struct {
		In   string
		NoLT []string `json:"noLT"`
		Any  []string `json:"any"`
	}
	Linenos []struct {
		Spec  string
		Total int
		Out   json.RawMessage
	}
	Percent []struct {
		Fmt string
		Out *string
	}
	Kbd []struct {
		In    string
		Split []string
		Out   string
	}
	Dedent []struct{ In, Out string }
	Diff   []struct {
		A, B, Out []string
	}
	Patterns []struct {
		Pat   string
		Match []string
	}
	MakeID []struct{ In, Out string } `json:"make_id"`
	Emph   []struct {
		In  string
		Out [][2]string
	}
	Amp []struct {
		In  string
		Out []string
	}
	Index []struct {
		In  string
		Out [][]any
	}
	Pytags []struct {
		Src string
		Out map[string][3]any
	}
	Manpage []struct {
		In  string
		Out map[string]*string
	}
	GlossarySort []struct{ In, Out []string } `json:"glossary_sort"`
}

func loadHelpers(t *testing.T) *helpers {
	t.Helper()
	data, err := os.ReadFile("testdata/helpers.json")
	if err != nil {
		t.Fatal(err)
	}
	var h helpers
	if err := json.Unmarshal(data, &h); err != nil {
		t.Fatal(err)
	}
	// every section must have been read
	v := reflect.ValueOf(h)
	for i := 0; i < v.NumField(); i++ {
		if v.Field(i).Len() == 0 {
			t.Fatalf("helpers.json: no %s cases", v.Type().Field(i).Name)
		}
	}
	return &h
}

func TestMatchExplicitTitle(t *testing.T) {
	for _, c := range loadHelpers(t).Explicit {
		for _, v := range []struct {
			noLT bool
			want []string
		}{{true, c.NoLT}, {false, c.Any}} {
			title, target, ok := matchExplicitTitle(c.In, v.noLT)
			var got []string
			if ok {
				got = []string{title, target}
			}
			if !reflect.DeepEqual(got, v.want) {
				t.Errorf("matchExplicitTitle(%q, %v) = %q, Sphinx %q", c.In, v.noLT, got, v.want)
			}
		}
	}
}

func TestParseLinenos(t *testing.T) {
	for _, c := range loadHelpers(t).Linenos {
		var want any
		var list []int
		if json.Unmarshal(c.Out, &list) == nil {
			want = list
		} else {
			var msg string
			_ = json.Unmarshal(c.Out, &msg)
			want = msg
		}
		var got any
		spec, err := parseLinenos(c.Spec, c.Total)
		if err != nil {
			got = err.Error()
		} else {
			// Python's full list: the expanded ranges, out-of-range
			// numbers included
			all := []int{}
			for _, r := range spec {
				for i := r.from; i < r.to; i++ {
					all = append(all, i)
				}
			}
			got = all
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseLinenos(%q, %d) = %v, Sphinx %v", c.Spec, c.Total, got, want)
		}
	}
}

func TestPercentS(t *testing.T) {
	for _, c := range loadHelpers(t).Percent {
		got, ok := percentS(c.Fmt, "dummy")
		switch {
		case c.Out == nil && ok:
			t.Errorf("percentS(%q) = %q, Python raises", c.Fmt, got)
		case c.Out != nil && (!ok || got != *c.Out):
			t.Errorf("percentS(%q) = %q, %v; Python %q", c.Fmt, got, ok, *c.Out)
		}
	}
}

func TestSplitKbd(t *testing.T) {
	for _, c := range loadHelpers(t).Kbd {
		if got := splitKbdText(c.In); !reflect.DeepEqual(got, c.Split) {
			t.Errorf("splitKbdText(%q) = %q, Python %q", c.In, got, c.Split)
		}
		lit := doctree.NewTextElement(doctree.TagLiteral, "", c.In)
		lit.Classes = []string{"kbd"}
		para := doctree.NewElement(doctree.TagParagraph, lit)
		SplitKbd(para)
		if got := pseudoxml.Format(para, nil); strings.TrimSuffix(got, "\n") != strings.TrimSuffix(c.Out, "\n") {
			t.Errorf("SplitKbd(%q):\n%s\nSphinx:\n%s", c.In, got, c.Out)
		}
	}
}

func TestTextwrapDedent(t *testing.T) {
	for _, c := range loadHelpers(t).Dedent {
		if got := textwrapDedent(c.In); got != c.Out {
			t.Errorf("textwrapDedent(%q) = %q, Python %q", c.In, got, c.Out)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	for _, c := range loadHelpers(t).Diff {
		got := unifiedDiff(c.A, c.B, "old", "new")
		if len(got) == 0 && len(c.Out) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.Out) {
			t.Errorf("unifiedDiff(%q, %q) =\n%s\nPython:\n%s", c.A, c.B, strings.Join(got, ""), strings.Join(c.Out, ""))
		}
	}
}

func TestPatterns(t *testing.T) {
	names := []string{"a", "b", "ab", "a/b", "a/b/c", "x.rst", "dir/x.rst", "[x]", "a^b", "a!b",
		"other", "aux/one", "aux/two", "-", `a\b`}
	for _, c := range loadHelpers(t).Patterns {
		re := patternRE(c.Pat)
		got := []string{}
		for _, n := range names {
			if re.MatchString(n) {
				got = append(got, n)
			}
		}
		if !reflect.DeepEqual(got, c.Match) {
			t.Errorf("pattern %q matches %q, Sphinx %q", c.Pat, got, c.Match)
		}
	}
}

func TestMakeIDString(t *testing.T) {
	for _, c := range loadHelpers(t).MakeID {
		if got := makeIDString(c.In); got != c.Out {
			t.Errorf("makeIDString(%q) = %q, Sphinx %q", c.In, got, c.Out)
		}
	}
}

func TestParseEmphasizedLiteral(t *testing.T) {
	for _, c := range loadHelpers(t).Emph {
		got := [][2]string{}
		for _, n := range ParseEmphasizedLiteral(c.In) {
			kind := "text"
			if e, ok := n.(*doctree.Element); ok && e.Tag == doctree.TagEmphasis {
				kind = "emph"
			}
			got = append(got, [2]string{kind, n.AsText()})
		}
		want := c.Out
		if want == nil {
			want = [][2]string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseEmphasizedLiteral(%q) = %q, Sphinx %q", c.In, got, want)
		}
	}
}

func TestSplitAmp(t *testing.T) {
	for _, c := range loadHelpers(t).Amp {
		if got := splitAmp(c.In); !reflect.DeepEqual(got, c.Out) {
			t.Errorf("splitAmp(%q) = %q, Python %q", c.In, got, c.Out)
		}
	}
}

func TestProcessIndexEntry(t *testing.T) {
	for _, c := range loadHelpers(t).Index {
		got := [][]any{}
		for _, e := range ProcessIndexEntry(c.In, "id") {
			var key any
			if e.HasKey {
				key = e.Key
			}
			got = append(got, []any{e.Type, e.Value, e.TargetID, e.Main, key})
		}
		want := c.Out
		if want == nil {
			want = [][]any{}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ProcessIndexEntry(%q) = %v, Sphinx %v", c.In, got, want)
		}
	}
}

func TestFindPythonTags(t *testing.T) {
	for _, c := range loadHelpers(t).Pytags {
		if c.Out == nil {
			// Sphinx cannot parse the source at all
			continue
		}
		tags, err := findPythonTags(pyio.SplitLines(c.Src, true))
		if err != nil {
			t.Errorf("findPythonTags(%q): %v", c.Src, err)
			continue
		}
		got := map[string][3]any{}
		for k, v := range tags {
			got[k] = [3]any{v.typ, float64(v.start), float64(v.end)}
		}
		if !reflect.DeepEqual(got, c.Out) {
			t.Errorf("findPythonTags(%q) = %v, Sphinx %v", c.Src, got, c.Out)
		}
	}
}

func TestManpageLink(t *testing.T) {
	for _, c := range loadHelpers(t).Manpage {
		n := doctree.NewTextElement(TagManpage, c.In, c.In)
		root := doctree.NewElement(doctree.TagParagraph, n)
		ManpageLink(root)
		for _, attr := range []string{"path", "page", "section"} {
			v, _ := n.Get(attr)
			want := c.Out[attr]
			switch {
			case want == nil && v != nil:
				t.Errorf("ManpageLink(%q) %s = %v, Sphinx None", c.In, attr, v)
			case want != nil && v != *want:
				t.Errorf("ManpageLink(%q) %s = %v, Sphinx %q", c.In, attr, v, *want)
			}
		}
	}
}

func TestSortGlossaries(t *testing.T) {
	for _, c := range loadHelpers(t).GlossarySort {
		dl := doctree.NewElement(doctree.TagDefinitionList)
		for _, term := range c.In {
			dl.Append(doctree.NewElement(doctree.TagDefinitionListItem,
				doctree.NewTextElement(doctree.TagTerm, term, term), doctree.NewElement(doctree.TagDefinition)))
		}
		g := doctree.NewElement(TagGlossary, dl)
		g.Set("sorted", true)
		SortGlossaries(doctree.NewElement(doctree.TagSection, g))
		var got []string
		for _, item := range dl.Children {
			got = append(got, item.(*doctree.Element).Children[0].AsText())
		}
		if !reflect.DeepEqual(got, c.Out) {
			t.Errorf("SortGlossaries: %q, Sphinx %q", got, c.Out)
		}
	}
}
