package doctree_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/domains"
	"github.com/docbuild/docbuild/internal/conformance"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	"github.com/docbuild/docbuild/sphinx"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// The shared docutils suites, relative to this package's directory.
const codecSuiteDir = "../../shared/conformance/docutils-0.19"

// cpythonDir holds the CPython docs corpus (../shared/corpora/cpython-docs.sh).
func cpythonDir() string {
	if d := os.Getenv("DOCBUILD_CPYTHON"); d != "" {
		return d
	}
	return "/tmp/cpython-docs"
}

// testCodecs is the set a build makes (sphinx and domains register the
// codecs of their value types), plus two types of the test's own.
var testCodecs = doctree.NewValueCodecs()

func init() {
	sphinx.RegisterCodecs(testCodecs)
	domains.RegisterCodecs(testCodecs)
	doctree.RegisterValueCodec(testCodecs, "doctree_test.point", func(w *doctree.ValueWriter, p point) {
		w.Int(p.X)
		w.Value(p.Label)
	}, func(r *doctree.ValueReader) (point, error) {
		return point{X: r.Int(), Label: r.Value()}, r.Err()
	})
	doctree.RegisterValueCodec(testCodecs, "doctree_test.empty", func(*doctree.ValueWriter, empty) {},
		func(*doctree.ValueReader) (empty, error) { return empty{}, nil })
}

// empty is a value type that needs no bytes, as the domains package's
// pyDict.
type empty struct{}

// point is a value type of the test's own, with a nested value.
type point struct {
	X     int
	Label any
}

// ---- comparison ----

// comparer checks that a decoded document equals the original, field by
// field, following both trees in step and mapping original elements to
// decoded ones so that references (ids map, decoration, expect maps) can be
// checked for identity.
type comparer struct {
	m    map[*doctree.Element]*doctree.Element
	errs []string
}

func (c *comparer) errorf(format string, args ...any) {
	if len(c.errs) < 10 {
		c.errs = append(c.errs, fmt.Sprintf(format, args...))
	}
}

func sameStrings(a, b []string) bool { return len(a) == len(b) && (len(a) == 0 || slices.Equal(a, b)) }

func (c *comparer) node(a, b doctree.Node, path string) {
	switch x := a.(type) {
	case *doctree.Text:
		y, ok := b.(*doctree.Text)
		if !ok {
			c.errorf("%s: text became %T", path, b)
			return
		}
		if x.Data != y.Data {
			c.errorf("%s: text %q became %q", path, x.Data, y.Data)
		}
	case *doctree.Element:
		y, ok := b.(*doctree.Element)
		if !ok {
			c.errorf("%s: element became %T", path, b)
			return
		}
		c.element(x, y, path)
	}
}

func (c *comparer) element(x, y *doctree.Element, path string) {
	if prev, ok := c.m[x]; ok {
		if prev != y {
			c.errorf("%s: element <%s> decoded twice", path, x.Tag)
		}
		return
	}
	c.m[x] = y
	path += "/" + x.Tag
	if x.Tag != y.Tag {
		c.errorf("%s: tag became %s", path, y.Tag)
	}
	for _, l := range []struct {
		name string
		a, b []string
	}{{"ids", x.IDs, y.IDs}, {"classes", x.Classes, y.Classes}, {"names", x.Names, y.Names},
		{"dupnames", x.DupNames(), y.DupNames()}, {"backrefs", x.BackRefs(), y.BackRefs()}} {
		if !sameStrings(l.a, l.b) {
			c.errorf("%s: %s %q became %q", path, l.name, l.a, l.b)
		}
	}
	if len(x.Attrs) != len(y.Attrs) || len(x.Attrs) > 0 && !reflect.DeepEqual(x.Attrs, y.Attrs) {
		c.errorf("%s: attributes %#v became %#v", path, x.Attrs, y.Attrs)
	}
	if x.Source != y.Source || x.Line != y.Line || x.RawSource != y.RawSource {
		c.errorf("%s: source %q:%d %q became %q:%d %q", path, x.Source, x.Line, x.RawSource, y.Source, y.Line, y.RawSource)
	}
	if x.Referenced != y.Referenced || x.Resolved != y.Resolved {
		c.errorf("%s: referenced/resolved %v/%v became %v/%v", path, x.Referenced, x.Resolved, y.Referenced, y.Resolved)
	}
	if (x.Pending == nil) != (y.Pending == nil) || x.Pending != nil && !reflect.DeepEqual(*x.Pending, *y.Pending) {
		c.errorf("%s: pending %#v became %#v", path, x.Pending, y.Pending)
	}
	if len(x.Children) != len(y.Children) {
		c.errorf("%s: %d children became %d", path, len(x.Children), len(y.Children))
		return
	}
	for i := range x.Children {
		if y.Children[i].Parent() != y {
			c.errorf("%s: child %d has the wrong parent", path, i)
		}
		c.node(x.Children[i], y.Children[i], fmt.Sprintf("%s[%d]", path, i))
	}
}

// ref checks that b is what a decoded to, comparing a's subtree when a is
// not in the tree.
func (c *comparer) ref(a, b *doctree.Element, what string) {
	if a == nil || b == nil {
		if a != b {
			c.errorf("%s: %v became %v", what, a, b)
		}
		return
	}
	if _, ok := c.m[a]; !ok {
		c.element(a, b, what)
		if p := a.Parent(); p != nil {
			if q, ok := c.m[p]; ok && q != b.Parent() {
				c.errorf("%s: detached element lost its parent", what)
			}
		}
	}
	if c.m[a] != b {
		c.errorf("%s: refers to another element", what)
	}
}

func (c *comparer) document(a, b *doctree.Document) {
	c.element(a.Root, b.Root, "")
	if b.Root.Parent() != nil {
		c.errorf("decoded root has a parent")
	}
	c.ref(a.Decoration, b.Decoration, "decoration")
	if (a.Halted == nil) != (b.Halted == nil) {
		c.errorf("halted %v became %v", a.Halted, b.Halted)
	} else if a.Halted != nil {
		c.ref(a.Halted.Msg, b.Halted.Msg, "halt message")
	}
	if len(a.IDs) != len(b.IDs) {
		c.errorf("ids map: %d entries became %d", len(a.IDs), len(b.IDs))
	}
	for _, id := range sortedKeys(a.IDs) {
		c.ref(a.IDs[id], b.IDs[id], "ids["+id+"]")
	}
	if len(a.SubstitutionDefs) != len(b.SubstitutionDefs) {
		c.errorf("substitution defs: %d became %d", len(a.SubstitutionDefs), len(b.SubstitutionDefs))
	}
	for _, k := range sortedKeys(a.SubstitutionDefs) {
		c.ref(a.SubstitutionDefs[k], b.SubstitutionDefs[k], "substitution "+k)
	}
	// Expect maps, of every element met so far.
	for _, x := range elementsOf(c.m) {
		y := c.m[x]
		xn, xi := x.ExpectReferencedBy()
		yn, yi := y.ExpectReferencedBy()
		for _, p := range [2][2]map[string]*doctree.Element{{xn, yn}, {xi, yi}} {
			if (p[0] == nil) != (p[1] == nil) || len(p[0]) != len(p[1]) {
				c.errorf("<%s>: expect map %v became %v", x.Tag, p[0], p[1])
				continue
			}
			for _, k := range sortedKeys(p[0]) {
				c.ref(p[0][k], p[1][k], "expect "+k)
			}
		}
	}
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"NameIDs", a.NameIDs, b.NameIDs}, {"NameTypes", a.NameTypes, b.NameTypes},
		{"SubstitutionNames", a.SubstitutionNames, b.SubstitutionNames},
		{"IncludeLog", a.IncludeLog, b.IncludeLog},
		{"AutoFootnoteStart", a.AutoFootnoteStart, b.AutoFootnoteStart},
		{"SymbolFootnoteStart", a.SymbolFootnoteStart, b.SymbolFootnoteStart},
		{"CurrentSource", a.CurrentSource, b.CurrentSource},
		{"CurrentLine", a.CurrentLine, b.CurrentLine},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			c.errorf("%s: %v became %v", f.name, f.a, f.b)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// elementsOf lists the map's keys, so that the checks that add to the
// map do not change what is being gone through.
func elementsOf(m map[*doctree.Element]*doctree.Element) []*doctree.Element {
	out := make([]*doctree.Element, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

var exposeAll = &pseudoxml.Options{ExposeInternals: []string{"line", "source"}}

// roundTrip encodes doc, decodes it and compares the two documents; it
// returns the encoding and the decoded document.
func roundTrip(t testing.TB, name string, doc *doctree.Document) ([]byte, *doctree.Document, error) {
	t.Helper()
	data, err := doctree.EncodeDocument(nil, doc, testCodecs)
	if err != nil {
		return nil, nil, err
	}
	again, err := doctree.EncodeDocument([]byte("prefix"), doc, testCodecs)
	if err != nil || !bytes.Equal(again[len("prefix"):], data) || string(again[:6]) != "prefix" {
		t.Errorf("%s: a second encoding differs (%v)", name, err)
	}
	dec, err := doctree.DecodeDocument(data, doc.Settings, doc.Reporter, testCodecs)
	if err != nil {
		t.Errorf("%s: decoding: %v", name, err)
		return data, nil, nil
	}
	if want, got := pseudoxml.Format(doc.Root, exposeAll), pseudoxml.Format(dec.Root, exposeAll); want != got {
		t.Errorf("%s: pseudo-XML differs after decoding:\n%s", name, firstDiff(want, got))
	}
	c := comparer{m: map[*doctree.Element]*doctree.Element{}}
	c.document(doc, dec)
	if len(c.errs) > 0 {
		t.Errorf("%s: decoded document differs:\n%s", name, strings.Join(c.errs, "\n"))
	}
	if dec.Settings != doc.Settings || dec.Reporter != doc.Reporter {
		t.Errorf("%s: settings or reporter not the caller's", name)
	}
	return data, dec, nil
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var w, g string
	if i < len(wl) {
		w = wl[i]
	}
	if i < len(gl) {
		g = gl[i]
	}
	return fmt.Sprintf("line %d:\nwant %s\n got %s", i+1, w, g)
}

// checkSetID checks that SetID numbers on from where the original would.
func checkSetID(t testing.TB, name string, a, b *doctree.Document) {
	t.Helper()
	for _, tc := range []struct{ tag, name, prefix string }{
		{"paragraph", "", ""}, {"section", "", ""}, {"target", "", "footnote-reference"},
		{"section", "introduction", ""}, {"section", "x", ""},
	} {
		x, y := doctree.NewElement(tc.tag), doctree.NewElement(tc.tag)
		if tc.name != "" {
			x.Names = []string{tc.name}
			y.Names = []string{tc.name}
		}
		if ida, idb := a.SetID(x, nil, tc.prefix), b.SetID(y, nil, tc.prefix); ida != idb {
			t.Errorf("%s: SetID(<%s> %q) gives %q on the original, %q after decoding", name, tc.tag, tc.name, ida, idb)
		}
	}
}

// ---- the docutils suites ----

type suiteCase struct {
	ID         string         `json:"id"`
	Input      string         `json:"input"`
	Settings   map[string]any `json:"settings"`
	Transforms []string       `json:"transforms"`
	Verified   bool           `json:"verified"`
}

func loadSuite(t *testing.T, name string) []suiteCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(codecSuiteDir, name))
	if err != nil {
		t.Skipf("shared suite not found: %v", err)
	}
	var cases []suiteCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// suiteDocs parses every verified case of the docutils parser and
// transform suites, as their tests do, and calls f with each document.
func suiteDocs(t *testing.T, f func(name string, doc *doctree.Document)) {
	t.Helper()
	parserCases := loadSuite(t, "parser.json")
	transformCases := loadSuite(t, "transforms.json")
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(codecSuiteDir, "root")); err != nil {
		t.Skipf("suite root missing: %v", err)
	}
	defer os.Chdir(wd)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	reg.Process = directives.NewProcessCache()
	parse := func(c suiteCase, transform bool) (doc *doctree.Document, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		s := doctree.DefaultSettings()
		s.HaltLevel = 5
		s.ReportLevel = 5
		if transform {
			s.ReportLevel = 1
			s.SectsubtitleXform = true
		}
		if err := conformance.ApplySettings(s, c.Settings); err != nil {
			return nil, err
		}
		doc = doctree.NewDocument("test data", s)
		(&rst.Parser{Registry: reg}).Parse(doc, c.Input)
		if transform {
			tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
			tr.Languages = reg
			tr.Components["writer"] = transforms.PseudoXMLWriter
			if err := tr.AddNames(c.Transforms...); err != nil {
				return nil, err
			}
			tr.Add(transforms.TestMessages, -1)
			tr.Apply()
		}
		return doc, nil
	}
	n := 0
	for _, set := range []struct {
		cases     []suiteCase
		transform bool
	}{{parserCases, false}, {transformCases, true}} {
		for _, c := range set.cases {
			if !c.Verified {
				continue
			}
			doc, err := parse(c, set.transform)
			if err != nil {
				continue
			}
			n++
			f(c.ID, doc)
		}
	}
	if n < 800 {
		t.Errorf("only %d suite cases parsed", n)
	}
}

// TestCodecSuites round-trips the tree of every verified case of
// docutils' parser and transform suites.
func TestCodecSuites(t *testing.T) {
	n, size := 0, 0
	suiteDocs(t, func(name string, doc *doctree.Document) {
		data, dec, err := roundTrip(t, name, doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		n++
		size += len(data)
		if dec != nil {
			checkSetID(t, name, doc, dec)
		}
	})
	t.Logf("%d documents round-tripped, %d bytes encoded", n, size)
}

// TestCodecState checks the document state the tree does not show: ids
// of removed elements, names, counters, substitutions, decoration, expect
// maps, extra roots with parents, custom values.
func TestCodecState(t *testing.T) {
	s := doctree.DefaultSettings()
	s.AutoIDPrefix = "id"
	doc := doctree.NewDocument("/src/index.rst", s)
	sec := doctree.NewElement("section")
	sec.Names = []string{"intro"}
	sec.Source, sec.Line = "/src/index.rst", 3
	doc.Root.Append(sec)
	doc.NoteImplicitTarget(sec, nil)
	title := doctree.NewTextElement("title", "Intro", "Intro")
	sec.Append(title)
	target := doctree.NewElement("target")
	target.Names = []string{"label"}
	target.Source, target.Line = "/src/other.rst", 1
	sec.Append(target)
	doc.NoteExplicitTarget(target, sec)
	dupe := doctree.NewElement("target")
	dupe.Names = []string{"label"}
	sec.Append(dupe)
	doc.NoteExplicitTarget(dupe, sec) // a duplicate: a message, dupnames
	msg := doc.Reporter.Warning("removed later", doctree.MsgOpts{})
	doc.Root.Append(msg)
	doc.SetID(msg, nil, "")
	doc.Root.Remove(msg) // its id stays taken
	// A detached subtree whose inner element is in the ids map, with a
	// parent link kept into the tree.
	box := doctree.NewElement("container")
	inner := doctree.NewElement("paragraph", doctree.NewText("inner"))
	box.Append(inner)
	doc.SetID(inner, nil, "")
	sec.Append(box)
	sec.Remove(box)
	stale := doctree.NewElement("inline")
	sec.Append(stale)
	doc.SetID(stale, nil, "")
	sec.Children = sec.Children[:len(sec.Children)-1] // parent link left behind
	// An id given and then forgotten: only the counter remembers it.
	gone := doctree.NewElement("paragraph")
	delete(doc.IDs, doc.SetID(gone, nil, ""))
	doc.IDs["alias"] = title // an id its element does not hold
	doc.IDs["gone"] = nil
	sec.AddBackRef("ref-1")
	sec.Referenced = true
	title.Resolved = true
	sec.SetExpectReferencedBy(map[string]*doctree.Element{"label": target, "x": msg}, nil)
	title.SetExpectReferencedBy(nil, map[string]*doctree.Element{})
	deco := doc.GetDecoration()
	deco.Append(doctree.NewElement("header"))
	sub := doctree.NewElement("substitution_definition")
	doc.Root.Append(sub)
	doc.NoteSubstitutionDef(sub, "Name", nil)
	doc.IncludeLog = []doctree.IncludeRecord{{Path: "a.rst", Key: "k"}, {Path: "b.rst"}}
	doc.AutoFootnoteStart, doc.SymbolFootnoteStart = 4, 2
	doc.NoteSource("/src/inc.rst", 41)
	p := doctree.NewElement(doctree.TagPending)
	p.Pending = &doctree.PendingInfo{Transform: "docutils.transforms.parts.Contents",
		Details: map[string]any{"depth": 2, "local": nil, "backlinks": "entry", "class": []string{"a"}}}
	doc.Root.Append(p)
	p2 := doctree.NewElement(doctree.TagPending)
	p2.Pending = &doctree.PendingInfo{Transform: "x"}
	doc.Root.Append(p2)
	vals := doctree.NewElement("paragraph")
	for i, v := range []any{nil, "", "s", true, false, 0, -7, 1 << 40, int64(-3), 1.5, []string(nil), []string{},
		[]string{"a b", ""}, []int(nil), []int{1, -2}, []any(nil), []any{}, []any{"x", 1, []any{nil, map[string]any{}}},
		map[string]any(nil), map[string]any{"b": 1, "a": []string{"z"}}, map[string]string{"k": "v", "j": ""},
		[][]string{nil, {}, {"a"}}, point{3, []any{"lbl", point{4, nil}}}, empty{}, []any{empty{}, 2},
		sphinx.TocEntries{{Title: "", Ref: "self"}}, sphinx.TocEntries{}, sphinx.IndexEntries(nil),
		sphinx.IndexEntries{{Type: "single", Value: "v", TargetID: "t", Main: "main", Key: "k", HasKey: true}},
		sphinx.HighlightArgs{HLLines: []int{}, LinenoStart: 5, HasLinenoStart: true}, sphinx.HighlightArgs{},
		strings.Repeat("long ", 100)} {
		vals.Set(fmt.Sprintf("v%02d", i), v)
	}
	vals.RawSource = "raw"
	doc.Root.Append(vals)

	_, dec, err := roundTrip(t, "state", doc)
	if err != nil {
		t.Fatal(err)
	}
	dsec := dec.IDs["intro"]
	if dsec == nil || dec.IDs["alias"] != dsec.Children[0] {
		t.Errorf("alias id not kept")
	}
	if dm := dec.IDs[msg.IDs[0]]; dm == nil || dm.Tag != "system_message" || dm.Parent() != nil {
		t.Errorf("removed message not kept: %v", dm)
	}
	if di := dec.IDs[inner.IDs[0]]; di == nil || di.Parent() == nil || di.Parent().Tag != "container" {
		t.Errorf("detached subtree not kept")
	}
	if ds := dec.IDs[stale.IDs[0]]; ds == nil || ds.Parent() != dsec {
		t.Errorf("stale parent link not kept")
	}
	if v, ok := dec.IDs["gone"]; !ok || v != nil {
		t.Errorf("nil ids entry not kept")
	}
	checkSetID(t, "state", doc, dec)
}

// TestCodecUnsupported checks that values the codec cannot encode give an
// error naming the attribute and the type, and leave buf alone.
func TestCodecUnsupported(t *testing.T) {
	tests := []struct {
		name string
		set  func(e *doctree.Element)
		want string
	}{
		{"element", func(e *doctree.Element) { e.Set("node", doctree.NewElement("x")) }, `"node": unsupported value type *doctree.Element`},
		{"func", func(e *doctree.Element) { e.Set("cb", func() {}) }, `"cb": unsupported value type func()`},
		{"nested", func(e *doctree.Element) { e.Set("l", []any{1, map[string]any{"c": make(chan int)}}) }, `"l": unsupported value type chan int`},
		{"in codec", func(e *doctree.Element) { e.Set("p", point{1, struct{}{}}) }, `"p": unsupported value type struct {}`},
		{"pending", func(e *doctree.Element) {
			e.Pending = &doctree.PendingInfo{Transform: "t", Details: map[string]any{"callback": func(*doctree.Element) {}}}
		}, `"pending details": unsupported value type func(*doctree.Element)`},
		{"nodes", func(e *doctree.Element) {
			e.Pending = &doctree.PendingInfo{Details: map[string]any{"nodes": []doctree.Node{doctree.NewText("x")}}}
		}, `unsupported value type []doctree.Node`},
		{"cycle", func(e *doctree.Element) {
			l := []any{nil}
			l[0] = l
			e.Set("l", l)
		}, `nested more than`},
		{"nil child", func(e *doctree.Element) { e.Children = append(e.Children, nil) }, `nil node in <paragraph> at src:7`},
		{"nil text", func(e *doctree.Element) { e.Children = append(e.Children, (*doctree.Text)(nil)) }, `nil node`},
		{"unlinked", func(e *doctree.Element) { e.Children = append(e.Children, doctree.NewText("x")) }, `parent link points elsewhere`},
		{"shared", func(e *doctree.Element) {
			c := doctree.NewElement("inline")
			e.Parent().Children[0].(*doctree.Element).Append(c)
			e.Children = append(e.Children, c)
		}, `whose parent link points elsewhere`},
		{"shared target", func(e *doctree.Element) {
			c := doctree.NewElement("target")
			e.Append(c, c)
		}, `occurs twice`},
	}
	for _, tc := range tests {
		doc := doctree.NewDocument("src", nil)
		e := doctree.NewElement("paragraph")
		e.Source, e.Line = "src", 7
		doc.Root.Append(doctree.NewElement("title"), e)
		tc.set(e)
		buf := []byte("keep")
		out, err := doctree.EncodeDocument(buf, doc, testCodecs)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
		if string(out) != "keep" {
			t.Errorf("%s: buf changed to %q", tc.name, out)
		}
	}
	if _, err := doctree.EncodeDocument(nil, &doctree.Document{}, testCodecs); err == nil {
		t.Errorf("a document without root encodes")
	}
}

// TestCodecElementFields fails when Element, its rare part or Document
// gain a field, so that the codec is updated with them.
func TestCodecElementFields(t *testing.T) {
	fields := func(t reflect.Type) string {
		var names []string
		for i := 0; i < t.NumField(); i++ {
			names = append(names, t.Field(i).Name)
		}
		return strings.Join(names, " ")
	}
	et := reflect.TypeOf(doctree.Element{})
	if got, want := fields(et), "Tag IDs Classes Names Attrs Children Source Line RawSource Referenced Resolved Pending rare parent"; got != want {
		t.Errorf("Element fields are %q, the codec knows %q", got, want)
	}
	if f, ok := et.FieldByName("rare"); ok {
		if got, want := fields(f.Type.Elem()), "dupNames backRefs expectByName expectByID"; got != want {
			t.Errorf("element rare fields are %q, the codec knows %q", got, want)
		}
	}
	if got, want := fields(reflect.TypeOf(doctree.Document{})), "Root Settings Reporter IndirectTargets SubstitutionDefs SubstitutionNames RefNames RefIDs NameIDs NameTypes IDs FootnoteRefs CitationRefs AutoFootnotes AutoFootnoteRefs SymbolFootnotes SymbolFootnoteRefs Footnotes Citations AutoFootnoteStart SymbolFootnoteStart idCounter ParseMessages TransformMessages Pending IncludeLog Decoration CurrentSource CurrentLine Halted Env"; got != want {
		t.Errorf("Document fields are %q, the codec knows %q", got, want)
	}
}

// sampleEncodings returns encodings of a few varied documents, for the
// corruption tests and the fuzzer's seeds.
func sampleEncodings(t testing.TB) [][]byte {
	var out [][]byte
	for _, src := range []string{
		"Title\n=====\n\nSome *text* and a `link <http://x>`_.\n\n.. _t:\n\nSection\n-------\n\n- a\n- b [#]_\n\n.. [#] note\n",
		".. contents::\n\n.. |s| replace:: sub\n\nA |s| and t_ and t_.\n\n.. _t: http://a\n.. _t: http://b\n",
		"::\n\n  code\n\n.. note:: n\n\n   :field: value\n\n.. image:: a.png\n   :width: 10px\n   :scale: 50\n",
	} {
		s := doctree.DefaultSettings()
		s.ReportLevel, s.HaltLevel = 5, 5
		doc := doctree.NewDocument("sample.rst", s)
		reg := std.NewRegistry()
		rst.RegisterDirectives(reg)
		(&rst.Parser{Registry: reg}).Parse(doc, src)
		doc.Root.Children[0].(*doctree.Element).Set("extra", []any{1.5, point{2, "p"}, map[string]any{"k": []int{3}}})
		data, err := doctree.EncodeDocument(nil, doc, testCodecs)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// TestCodecCorrupt checks that truncated and altered encodings give errors
// or documents, never panics.
func TestCodecCorrupt(t *testing.T) {
	for i, data := range sampleEncodings(t) {
		if _, err := doctree.DecodeDocument(data, nil, nil, testCodecs); err != nil {
			t.Fatalf("sample %d: %v", i, err)
		}
		for n := 0; n < len(data); n++ {
			if doc, err := doctree.DecodeDocument(data[:n], nil, nil, testCodecs); err == nil || doc != nil {
				t.Errorf("sample %d truncated to %d bytes: no error", i, n)
			}
		}
		if _, err := doctree.DecodeDocument(append(slices.Clip(data), 0), nil, nil, testCodecs); err == nil {
			t.Errorf("sample %d: a trailing byte gives no error", i)
		}
		bad := slices.Clone(data)
		for n := range bad {
			for _, mask := range []byte{0x01, 0x02, 0x80, 0xff, 0x7f} {
				bad[n] ^= mask
				decodeChecked(t, bad)
				bad[n] ^= mask
			}
		}
	}
	if _, err := doctree.DecodeDocument(nil, nil, nil, testCodecs); err == nil {
		t.Errorf("empty input: no error")
	}
	// Huge counts in the header only size the first blocks.
	data := slices.Clone(sampleEncodings(t)[0])
	for i := 4; i < 24; i++ {
		data[i] = 0xff
	}
	if _, err := doctree.DecodeDocument(data, nil, nil, testCodecs); err != nil {
		t.Errorf("header counts are hints, yet: %v", err)
	}
}

// decodeChecked decodes data and, when that succeeds, checks that the
// document encodes and decodes again.
func decodeChecked(t testing.TB, data []byte) {
	doc, err := doctree.DecodeDocument(data, nil, nil, testCodecs)
	if err != nil {
		if doc != nil {
			t.Errorf("a document with an error")
		}
		return
	}
	pseudoxml.Format(doc.Root, exposeAll)
	again, err := doctree.EncodeDocument(nil, doc, testCodecs)
	if err != nil {
		return // a decoded value the encoder refuses, such as a cycle
	}
	if _, err := doctree.DecodeDocument(again, nil, nil, testCodecs); err != nil {
		t.Errorf("re-encoded document does not decode: %v", err)
	}
}

// FuzzDecode feeds the decoder altered encodings.
func FuzzDecode(f *testing.F) {
	for _, data := range sampleEncodings(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeChecked(t, data) })
}

// ---- the CPython corpus ----

// corpusDoc is a document of the corpus as the read stage leaves it.
type corpusDoc struct {
	name string
	doc  *doctree.Document
}

// readCorpus reads the CPython docs as a project build does (Sphinx's
// directives, roles and domains, the read-phase transforms), returning the
// documents and the size of their sources.
func readCorpus(tb testing.TB) ([]corpusDoc, int) {
	dir := cpythonDir()
	if _, err := os.Stat(filepath.Join(dir, "conf.py")); err != nil {
		tb.Skipf("CPython corpus not found in %s", dir)
	}
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	sphinx.Register(reg)
	domains.Register(reg)
	b, err := project.New(project.Options{SrcDir: dir, Registry: reg})
	if err != nil {
		tb.Fatal(err)
	}
	domains.Setup(resolve.Setup(b))
	// The documents are taken as the read stage leaves them, whether the
	// build then keeps or encodes them.
	var mu sync.Mutex
	read := map[string]*doctree.Document{}
	b.AfterRead = append(b.AfterRead, func(b *project.Build, name string, doc *doctree.Document) {
		mu.Lock()
		read[name] = doc
		mu.Unlock()
	})
	if err := b.Read(context.Background()); err != nil {
		tb.Fatal(err)
	}
	var docs []corpusDoc
	srcSize := 0
	for _, name := range b.DocNames() {
		if doc := read[name]; doc != nil {
			docs = append(docs, corpusDoc{name, doc})
			if src, ok := b.SourceOf(name); ok {
				if fi, err := os.Stat(src.Abs); err == nil {
					srcSize += int(fi.Size())
				}
			}
		}
	}
	return docs, srcSize
}

// foreignTypes counts the documents holding attribute values of types
// that only a codec registered by their package makes encodable, and
// under "(none)" the documents without any.
func foreignTypes(docs []corpusDoc) map[string]int {
	out := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		doctree.Inspect(d.doc.Root, func(n doctree.Node) bool {
			if e, ok := n.(*doctree.Element); ok {
				for _, a := range e.Attrs {
					if t := reflect.TypeOf(a.Value); t != nil && t.PkgPath() != "" && !seen[t.String()] {
						seen[t.String()] = true
						out[t.String()]++
					}
				}
			}
			return true
		})
		if len(seen) == 0 {
			out["(none)"]++
		}
	}
	return out
}

// unsupportedType extracts the type from an "unsupported value type"
// error.
func unsupportedType(err error) string {
	s := err.Error()
	if i := strings.Index(s, "unsupported value type "); i >= 0 {
		s = s[i+len("unsupported value type "):]
		if j := strings.Index(s, " "); j >= 0 {
			s = s[:j]
		}
		return s
	}
	return s
}

// TestCodecCPython round-trips every document of the CPython docs as the
// read stage leaves it, and reports how many encode, why the others do
// not, the sizes and the times.
func TestCodecCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	docs, srcSize := readCorpus(t)
	failed := map[string]int{}
	encoded := 0
	for _, d := range docs {
		if _, err := doctree.EncodeDocument(nil, d.doc, testCodecs); err != nil {
			failed[unsupportedType(err)]++
			continue
		}
		encoded++
	}
	t.Logf("%d documents: %d encode as read; failures by type: %v", len(docs), encoded, failed)
	if len(failed) > 0 {
		t.Errorf("with the codecs a build registers, every document must encode")
	}
	t.Logf("documents with values of types doctree does not know: %v", foreignTypes(docs))

	var encs [][]byte
	size, elems := 0, 0
	for _, d := range docs {
		data, dec, err := roundTrip(t, d.name, d.doc)
		if err != nil {
			t.Errorf("%s: %v", d.name, err)
			continue
		}
		if dec != nil {
			checkSetID(t, d.name, d.doc, dec)
		}
		encs = append(encs, data)
		size += len(data)
		doctree.Inspect(d.doc.Root, func(n doctree.Node) bool {
			if _, ok := n.(*doctree.Element); ok {
				elems++
			}
			return true
		})
	}
	// Time sequential passes, as one worker would run them: encoding
	// while the trees are live, decoding once they are dropped and only
	// the encodings are (the write stage). The best of three is kept, the
	// machine being shared.
	best := func(f func()) time.Duration {
		var d time.Duration
		for i := 0; i < 3; i++ {
			start := time.Now()
			f()
			if t := time.Since(start); i == 0 || t < d {
				d = t
			}
		}
		return d
	}
	var buf []byte
	encTime := best(func() {
		for _, d := range docs {
			buf, _ = doctree.EncodeDocument(buf[:0], d.doc, testCodecs)
		}
	})
	treeHeap := liveHeap()
	runtime.KeepAlive(docs)
	docs = nil
	encHeap := liveHeap()
	decTime := best(func() {
		for _, data := range encs {
			if _, err := doctree.DecodeDocument(data, nil, nil, testCodecs); err != nil {
				t.Fatal(err)
			}
		}
	})
	t.Logf("%d documents, %d elements: source %.1f MB, encoded %.1f MB; encode %v, decode %v; live heap %.0f MB with the trees, %.0f MB with the encodings",
		len(encs), elems, float64(srcSize)/1e6, float64(size)/1e6, encTime.Round(time.Millisecond), decTime.Round(time.Millisecond),
		float64(treeHeap)/1e6, float64(encHeap)/1e6)
}

// liveHeap returns the bytes in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

var (
	benchOnce sync.Once
	benchDocs []*doctree.Document
	benchEncs [][]byte
)

// BenchmarkCodec encodes and decodes the whole CPython corpus (or, without
// it, the docutils suites' documents) once per iteration, on one core.
func BenchmarkCodec(b *testing.B) {
	benchOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(cpythonDir(), "conf.py")); err == nil {
			docs, _ := readCorpus(b)
			for _, d := range docs {
				benchDocs = append(benchDocs, d.doc)
			}
		}
		for _, d := range benchDocs {
			data, err := doctree.EncodeDocument(nil, d, testCodecs)
			if err != nil {
				b.Fatal(err)
			}
			benchEncs = append(benchEncs, data)
		}
	})
	if len(benchDocs) == 0 {
		b.Skip("CPython corpus not found")
	}
	total := 0
	for _, e := range benchEncs {
		total += len(e)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(total))
		var buf []byte
		for i := 0; i < b.N; i++ {
			for _, d := range benchDocs {
				buf, _ = doctree.EncodeDocument(buf[:0], d, testCodecs)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, data := range benchEncs {
				if _, err := doctree.DecodeDocument(data, nil, nil, testCodecs); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestCodecNestedClaims checks that nested lists that each claim the rest
// of the input cannot make the decoder allocate in proportion to their
// nesting: a crafted input of elements, each announcing as many children
// as the input has bytes.
func TestCodecNestedClaims(t *testing.T) {
	const size = 20000
	data := []byte("DTc1")
	data = append(data, make([]byte, 20)...)
	for i := 0; len(data) < size-8; i++ {
		data = append(data, 3) // an element with children
		if i == 0 {
			data = append(data, 1<<2|1, 'a') // tag "a", into the table
		} else {
			data = append(data, 2) // tag: table entry 0
		}
		data = append(data, 0)                                      // line
		data = binary.AppendUvarint(data, uint64(size-len(data)-8)) // children: the rest
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := doctree.DecodeDocument(data, nil, nil, testCodecs)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("no error")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 100*size {
		t.Errorf("decoding %d bytes allocated %d bytes", len(data), n)
	}
}
