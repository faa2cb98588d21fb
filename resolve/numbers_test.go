package resolve

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinx"
)

// treeFigureNumbers is figure numbering as it was done on the trees
// (Sphinx's assign_figure_numbers walking the doctrees): the reference the
// outline walk must match.
func treeFigureNumbers(s *State, roots map[string]*doctree.Element) map[string]map[string]map[string][]int {
	out := map[string]map[string]map[string][]int{}
	depthLimit := s.b.Cfg.NumfigSecnumDepth
	assigned := map[string]bool{}
	counter := map[string]map[string]int{}
	nextNumber := func(figtype string, secnum []int) []int {
		if len(secnum) > depthLimit {
			secnum = secnum[:depthLimit]
		}
		if counter[figtype] == nil {
			counter[figtype] = map[string]int{}
		}
		k := fmt.Sprint(secnum)
		counter[figtype][k]++
		return append(append([]int(nil), secnum...), counter[figtype][k])
	}
	sectionNumber := func(docname string, sec *doctree.Element) []int {
		secnums := s.secnumbers[docname]
		if len(sec.IDs) > 0 {
			if n, ok := secnums["#"+sec.IDs[0]]; ok {
				return n
			}
		}
		return secnums[""]
	}
	var walkDoc func(docname string, secnum []int)
	var walkTree func(docname string, node *doctree.Element, secnum []int)
	walkTree = func(docname string, node *doctree.Element, secnum []int) {
		for _, sub := range node.ChildElements() {
			switch sub.Tag {
			case "section":
				if next := sectionNumber(docname, sub); len(next) > 0 {
					walkTree(docname, sub, next)
				} else {
					walkTree(docname, sub, secnum)
				}
			case "toctree":
				for _, e := range toctreeEntries(sub) {
					if _, gen := generatedLabels[e.Target]; isURL(e.Target) || e.Target == "self" || gen {
						continue
					}
					walkDoc(e.Target, secnum)
				}
			default:
				if ft := figType(sub); ft != "" && len(sub.IDs) > 0 {
					if out[docname] == nil {
						out[docname] = map[string]map[string][]int{}
					}
					if out[docname][ft] == nil {
						out[docname][ft] = map[string][]int{}
					}
					out[docname][ft][sub.IDs[0]] = nextNumber(ft, secnum)
				}
				walkTree(docname, sub, secnum)
			}
		}
	}
	walkDoc = func(docname string, secnum []int) {
		if assigned[docname] {
			return
		}
		assigned[docname] = true
		if root := roots[docname]; root != nil {
			walkTree(docname, root, secnum)
		}
	}
	walkDoc(s.b.Cfg.RootDoc, nil)
	return out
}

// TestFigureNumbersFromOutlines numbers testdata/numbering (numbered and
// plain toctrees inside sections, a depth-limited numbering, a document
// included twice, only nodes, nested enumerables, an orphan) from the
// outlines the AfterRead hook records, and checks the numbers against a
// walk of copies of the trees, for several numfig_secnum_depth values.
func TestFigureNumbersFromOutlines(t *testing.T) {
	src, _ := filepath.Abs("testdata/numbering")
	for _, tc := range []struct {
		depth string
		// spot are a few numbers worked out by hand, so that the test
		// fails if both walks go wrong the same way.
		spot map[[3]string][]int
	}{
		// The root's toctree comes before its figure, so chapters are
		// numbered first; chap2 is reached from chap1's Section B
		// (numbered 1.2) before the root lists it; appendix has its own
		// numbering from chap2's numbered toctree (1, 1.1).
		{"0", map[[3]string][]int{
			{"sub1", "figure", "id1"}:  {2},
			{"chap1", "figure", "id5"}: {4},
			{"index", "figure", "id1"}: {7},
			{"sub1", "table", "id2"}:   {2},
		}},
		{"1", map[[3]string][]int{
			{"chap1", "figure", "id1"}:    {1, 1},
			{"sub1", "figure", "id1"}:     {1, 2},
			{"chap2", "figure", "id1"}:    {1, 5},
			{"appendix", "figure", "id1"}: {1, 6},
			{"index", "figure", "id1"}:    {1},
		}},
		{"2", map[[3]string][]int{
			{"chap1", "figure", "id1"}:                   {1, 1},
			{"chap1", "code-block", "id2"}:               {1, 1},
			{"chap1", "table", "id3"}:                    {1, 1, 1},
			{"chap1", "figure", "id5"}:                   {1, 1, 3},
			{"chap1", "displaymath", "equation-eq-b"}:    {1, 2, 1},
			{"sub1", "figure", "id1"}:                    {1, 1, 1},
			{"sub1", "table", "id2"}:                     {1, 1, 2},
			{"sub1", "displaymath", "equation-sub-eq"}:   {1, 1, 1},
			{"chap2", "figure", "id1"}:                   {1, 2, 1},
			{"appendix", "figure", "id1"}:                {1, 2},
			{"appendix", "code-block", "id2"}:            {1, 1, 1},
			{"index", "figure", "id1"}:                   {1},
			{"index", "displaymath", "equation-root-eq"}: {1},
		}},
		{"3", nil},
	} {
		t.Run("depth="+tc.depth, func(t *testing.T) {
			reg := std.NewRegistry()
			rst.RegisterDirectives(reg)
			sphinx.Register(reg)
			b, err := project.New(project.Options{SrcDir: src, OutDir: t.TempDir(), Registry: reg, Now: goldenEpoch,
				Overrides: []string{"numfig_secnum_depth=" + tc.depth}})
			if err != nil {
				t.Fatal(err)
			}
			s := Setup(b)
			var mu sync.Mutex
			roots := map[string]*doctree.Element{}
			b.AfterRead = append(b.AfterRead, func(_ *project.Build, name string, doc *doctree.Document) {
				c := doc.Root.DeepCopyElement()
				mu.Lock()
				roots[name] = c
				mu.Unlock()
			})
			if err := b.Read(context.Background()); err != nil {
				t.Fatal(err)
			}
			// The build drops the trees after reading: prepare must not
			// need them.
			b.Docs = nil
			if err := s.prepare(); err != nil {
				t.Fatal(err)
			}
			if len(roots) != 6 {
				t.Fatalf("read %d documents, want 6: %v", len(roots), sortedKeys(roots))
			}
			wantSec := map[string][]int{"": {1}, "#section-a": {1, 1}, "#section-b": {1, 2}, "#sub-a-1": nil}
			if got := s.SectionNumbers("chap1"); !reflect.DeepEqual(got, wantSec) {
				t.Errorf("chap1's section numbers are %v, want %v", got, wantSec)
			}
			want := treeFigureNumbers(s, roots)
			if len(want) < 5 {
				t.Fatalf("the tree walk numbers only %d documents: %v", len(want), want)
			}
			if s.fignumbers["orphan"] != nil {
				t.Errorf("the orphan is numbered: %v", s.fignumbers["orphan"])
			}
			if !reflect.DeepEqual(s.fignumbers, want) {
				t.Errorf("numbers from outlines differ from the tree walk's:\n got %v\nwant %v", s.fignumbers, want)
			}
			for k, n := range tc.spot {
				if got := s.FigureNumbers(k[0])[k[1]][k[2]]; !reflect.DeepEqual(got, n) {
					t.Errorf("%s %s %s = %v, want %v", k[0], k[1], k[2], got, n)
				}
			}
		})
	}
}

// TestCollectOutline checks what the outline keeps of a tree: sections
// only around something to number, toctree targets without URLs, self
// and generated pages, enumerable nodes in document order (outer before
// inner), nothing from inside toctrees.
func TestCollectOutline(t *testing.T) {
	el := func(tag string, ids []string, kids ...doctree.Node) *doctree.Element {
		e := doctree.NewElement(tag, kids...)
		e.IDs = ids
		return e
	}
	caption := func() *doctree.Element { return doctree.NewElement("caption", doctree.NewText("c")) }
	toctree := func(targets ...string) *doctree.Element {
		e := doctree.NewElement("toctree")
		var entries [][2]string
		for _, t := range targets {
			entries = append(entries, [2]string{"", t})
		}
		e.Set("entries", entries)
		return e
	}
	for _, tc := range []struct {
		name string
		root *doctree.Element
		want []outlineItem
	}{
		{"nothing to number", el("document", nil,
			el("section", []string{"a"}, el("title", nil), el("section", []string{"b"}, el("paragraph", nil))),
			el("figure", []string{"f"}), // no caption
		), nil},
		{"nested", el("document", nil,
			el("section", []string{"a"},
				el("figure", []string{"f1"}, caption(), el("table", []string{"t1"}, el("title", nil, doctree.NewText("t")))),
				el("section", nil, el("math_block", []string{"eq"})),
				el("section", []string{"empty"}),
				toctree("x", "self", "https://e.org", "genindex", "y"),
				toctree("search"),
			),
			el("container", nil, caption()), // no id
		), []outlineItem{
			{kind: outlineSection, hasID: true, id: "a"},
			{kind: outlineEnumerable, id: "f1", figtype: "figure"},
			{kind: outlineEnumerable, id: "t1", figtype: "table"},
			{kind: outlineSection},
			{kind: outlineEnumerable, id: "eq", figtype: "displaymath"},
			{kind: outlineSectionEnd},
			{kind: outlineToctree, targets: []string{"x", "y"}},
			{kind: outlineSectionEnd},
		}},
		{"toctree content skipped", el("document", nil,
			func() *doctree.Element {
				tt := toctree("z")
				tt.Append(el("figure", []string{"inside"}, caption()))
				return tt
			}(),
		), []outlineItem{{kind: outlineToctree, targets: []string{"z"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := collectOutline(tc.root); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestOutlineWalk numbers hand-made outlines, for what reST sources rarely
// produce: content after a numbered section closes (it takes the outer
// number again), a section without ids (the document's number), a
// toctree cycle and a document that does not exist.
func TestOutlineWalk(t *testing.T) {
	cfg := config.New(t.TempDir())
	cfg.NumfigSecnumDepth = 2
	s := newState(&project.Build{Cfg: cfg})
	sec := func(id string) outlineItem { return outlineItem{kind: outlineSection, hasID: id != "", id: id} }
	end := outlineItem{kind: outlineSectionEnd}
	fig := func(id string) outlineItem { return outlineItem{kind: outlineEnumerable, id: id, figtype: "figure"} }
	toc := func(targets ...string) outlineItem { return outlineItem{kind: outlineToctree, targets: targets} }
	s.docs = map[string]*docData{
		"index": {outline: []outlineItem{sec("top"), fig("f1"), sec("inner"), fig("f2"), end, fig("f3"), toc("a", "missing", "index"), end, fig("f4")}},
		"a":     {outline: []outlineItem{sec(""), fig("f1"), sec("deep"), fig("f2"), end, end, toc("index", "a")}},
	}
	s.secnumbers = map[string]map[string][]int{
		"index": {"#top": {1}, "#inner": {1, 2}},
		"a":     {"": {4}, "#deep": nil},
	}
	s.assignFigureNumbers()
	want := map[string]map[string]map[string][]int{
		"index": {"figure": {"f1": {1, 1}, "f2": {1, 2, 1}, "f3": {1, 2}, "f4": {1}}},
		"a":     {"figure": {"f1": {4, 1}, "f2": {4, 2}}},
	}
	if !reflect.DeepEqual(s.fignumbers, want) {
		t.Errorf("got  %v\nwant %v", s.fignumbers, want)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://python.org": true, "a://": true, "://a": false, "://a://b": true,
		"index": false, "": false, "x\nhttp://y": false, "http://x\ny": true,
	} {
		if got := isURL(s); got != want {
			t.Errorf("isURL(%q) = %v, want %v", s, got, want)
		}
	}
}

// stringsValue stands for the py domain's _toc_parts type, which resolve
// cannot name.
type stringsValue []string

func (s stringsValue) Strings() []string { return s }

// TestDescEntriesNest checks that a method's toc entry goes under its
// class's (Sphinx's toc_object_entries), whatever list type carries the
// _toc_parts.
func TestDescEntriesNest(t *testing.T) {
	desc := func(id, name string, parts any) *doctree.Element {
		sig := doctree.NewElement("desc_signature")
		sig.IDs = []string{id}
		sig.Set("_toc_name", name)
		sig.Set("_toc_parts", parts)
		return doctree.NewElement("desc", sig)
	}
	memo := map[string]*doctree.Element{}
	n := 1
	var entries []doctree.Node
	entries = appendDescEntries(entries, "doc", desc("m.C", "C", stringsValue{"m", "C"}), &n, memo)
	entries = appendDescEntries(entries, "doc", desc("m.C.f", "C.f()", stringsValue{"m", "C", "f"}), &n, memo)
	entries = appendDescEntries(entries, "doc", desc("m.g", "g()", []string{"m", "g"}), &n, memo)
	if len(entries) != 2 {
		t.Fatalf("%d top-level entries, want 2 (C with f nested, and g)", len(entries))
	}
	if lists := doctree.FindTag(entries[0].(*doctree.Element), "bullet_list"); len(lists) != 1 {
		t.Errorf("C.f() is not nested under C")
	}
}
