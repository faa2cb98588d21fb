package transforms_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// The transform cases of docutils' suite, with the documents as docutils'
// own parser leaves them (testdata/parsed.json.gz, made by
// testdata/dumptrees.py): the transforms are checked against docutils
// independently of docbuild's parser.

type dumpedCase struct {
	ID         string   `json:"id"`
	Transforms []string `json:"transforms"`
	Expected   string   `json:"expected"`
	// DocutilsOutput is what docutils itself gives for the dumped tree;
	// for the unverified cases it, not Expected, is the target.
	DocutilsOutput string         `json:"docutils_output"`
	Verified       bool           `json:"verified"`
	Settings       map[string]any `json:"settings"`
	Doc            dumpedDoc      `json:"doc"`
}

type dumpedNode struct {
	Text       *string        `json:"text"`
	Tag        string         `json:"tag"`
	Attrs      [][2]any       `json:"attrs"`
	Children   []int          `json:"children"`
	RawSource  string         `json:"rawsource"`
	Source     string         `json:"source"`
	Line       int            `json:"line"`
	Referenced bool           `json:"referenced"`
	Resolved   bool           `json:"resolved"`
	Transform  string         `json:"transform"`
	Details    map[string]any `json:"details"`
	// Stale is the location docutils finds for a node removed from its
	// parent, through the parent pointer it keeps.
	Stale []any `json:"stale"`
}

type dumpedDoc struct {
	Root                int                `json:"root"`
	IDs                 map[string]int     `json:"ids"`
	NameIDs             map[string]*string `json:"nameids"`
	NameTypes           map[string]bool    `json:"nametypes"`
	RefNames            map[string][]int   `json:"refnames"`
	RefIDs              map[string][]int   `json:"refids"`
	IndirectTargets     []int              `json:"indirect_targets"`
	SubstitutionDefs    map[string]int     `json:"substitution_defs"`
	SubstitutionNames   map[string]string  `json:"substitution_names"`
	FootnoteRefs        map[string][]int   `json:"footnote_refs"`
	CitationRefs        map[string][]int   `json:"citation_refs"`
	AutoFootnotes       []int              `json:"autofootnotes"`
	AutoFootnoteRefs    []int              `json:"autofootnote_refs"`
	SymbolFootnotes     []int              `json:"symbol_footnotes"`
	SymbolFootnoteRefs  []int              `json:"symbol_footnote_refs"`
	Footnotes           []int              `json:"footnotes"`
	Citations           []int              `json:"citations"`
	AutoFootnoteStart   int                `json:"autofootnote_start"`
	SymbolFootnoteStart int                `json:"symbol_footnote_start"`
	IDCounter           map[string]int     `json:"id_counter"`
	Pending             [][2]any           `json:"pending"`
	SM                  struct {
		Items       [][2]any `json:"items"`
		InputOffset int      `json:"input_offset"`
		LineOffset  int      `json:"line_offset"`
	} `json:"sm"`
	Nodes []dumpedNode `json:"nodes"`
}

func loadDumped(t *testing.T) []dumpedCase {
	t.Helper()
	path := "testdata/parsed.json.gz"
	if p := os.Getenv("DOCBUILD_DUMP"); p != "" {
		// More dumped documents, such as parser.json's inputs.
		path = p
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var cases []dumpedCase
	if err := json.NewDecoder(zr).Decode(&cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// value converts a dumped attribute or detail value.
func value(v any, nodes []doctree.Node) any {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) {
			return int(x)
		}
		return x
	case []any:
		s := make([]string, len(x))
		for i, e := range x {
			s[i], _ = e.(string)
		}
		return s
	case map[string]any:
		if n, ok := x["node"]; ok {
			return nodes[int(n.(float64))]
		}
		if l, ok := x["list"]; ok {
			items := l.([]any)
			allNodes := true
			out := make([]any, len(items))
			for i, it := range items {
				out[i] = value(it, nodes)
				if _, ok := out[i].(doctree.Node); !ok {
					allNodes = false
				}
			}
			if allNodes {
				ns := make([]doctree.Node, len(out))
				for i, o := range out {
					ns[i] = o.(doctree.Node)
				}
				return ns
			}
			return out
		}
		if d, ok := x["dict"]; ok {
			m := map[string]any{}
			for k, e := range d.(map[string]any) {
				m[k] = value(e, nodes)
			}
			return m
		}
		return fmt.Sprint(x)
	}
	return v
}

// rebuild makes a docbuild document from a dumped docutils document.
func rebuild(d dumpedDoc, settings *doctree.Settings) *doctree.Document {
	nodes := make([]doctree.Node, len(d.Nodes))
	for i, n := range d.Nodes {
		if n.Text != nil {
			nodes[i] = doctree.NewText(*n.Text)
			continue
		}
		nodes[i] = &doctree.Element{Tag: n.Tag}
	}
	for i, n := range d.Nodes {
		if n.Text != nil {
			continue
		}
		e := nodes[i].(*doctree.Element)
		for _, a := range n.Attrs {
			name := a[0].(string)
			v := value(a[1], nodes)
			if l := e.ListAttr(name); l != nil {
				s, _ := v.([]string)
				if len(s) > 0 {
					*l = s
				}
				continue
			}
			e.Attrs = append(e.Attrs, doctree.Attr{Name: name, Value: v})
		}
		e.RawSource, e.Source, e.Line = n.RawSource, n.Source, n.Line
		if len(n.Stale) == 2 && e.Source == "" && e.Line == 0 {
			e.Source, _ = n.Stale[0].(string)
			if l, ok := n.Stale[1].(float64); ok {
				e.Line = int(l)
			}
		}
		e.Referenced, e.Resolved = n.Referenced, n.Resolved
		if n.Transform != "" {
			det := map[string]any{}
			for k, v := range n.Details {
				det[k] = value(v, nodes)
			}
			e.Pending = &doctree.PendingInfo{Transform: n.Transform, Details: det}
		}
		for _, c := range n.Children {
			e.Append(nodes[c])
		}
	}
	el := func(i int) *doctree.Element { return nodes[i].(*doctree.Element) }
	els := func(l []int) []*doctree.Element {
		out := make([]*doctree.Element, len(l))
		for i, x := range l {
			out[i] = el(x)
		}
		return out
	}
	root := el(d.Root)
	doc := doctree.NewDocument(root.GetString("source"), settings)
	// Advance the id counters as docutils' parse did, before any id is
	// registered, so that new ids continue the same sequences.
	keys := make([]string, 0, len(d.IDCounter))
	for k := range d.IDCounter {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for j := 0; j < d.IDCounter[k]; j++ {
			doc.SetID(&doctree.Element{Tag: "x"}, nil, strings.TrimSuffix(k, "-"))
		}
	}
	doc.IDs = map[string]*doctree.Element{}
	doc.Root = root
	for k, v := range d.IDs {
		doc.IDs[k] = el(v)
	}
	for k, v := range d.NameIDs {
		if v == nil {
			doc.NameIDs[k] = ""
		} else {
			doc.NameIDs[k] = *v
		}
	}
	doc.NameTypes = d.NameTypes
	for k, v := range d.RefNames {
		doc.RefNames[k] = els(v)
	}
	for k, v := range d.RefIDs {
		doc.RefIDs[k] = els(v)
	}
	doc.IndirectTargets = els(d.IndirectTargets)
	for k, v := range d.SubstitutionDefs {
		doc.SubstitutionDefs[k] = el(v)
	}
	doc.SubstitutionNames = d.SubstitutionNames
	for k, v := range d.FootnoteRefs {
		doc.FootnoteRefs[k] = els(v)
	}
	for k, v := range d.CitationRefs {
		doc.CitationRefs[k] = els(v)
	}
	doc.AutoFootnotes = els(d.AutoFootnotes)
	doc.AutoFootnoteRefs = els(d.AutoFootnoteRefs)
	doc.SymbolFootnotes = els(d.SymbolFootnotes)
	doc.SymbolFootnoteRefs = els(d.SymbolFootnoteRefs)
	doc.Footnotes = els(d.Footnotes)
	doc.Citations = els(d.Citations)
	doc.AutoFootnoteStart = d.AutoFootnoteStart
	doc.SymbolFootnoteStart = d.SymbolFootnoteStart
	for _, p := range d.Pending {
		prio, _ := strconv.Atoi(strings.SplitN(p[0].(string), "-", 2)[0])
		doc.NotePending(el(int(p[1].(float64))), prio)
	}
	// The reporter maps line numbers as the parse's state machine does
	// (statemachine.get_source_and_line, Python's indexing included).
	sm := d.SM
	var sal func(offset int) (string, int, bool)
	info := func(i int) (src string, off int, hasOff bool, ok bool) {
		n := len(sm.Items)
		j := i
		if j < 0 {
			j += n
		}
		if j >= 0 && j < n {
			it := sm.Items[j]
			return it[0].(string), int(it[1].(float64)), true, true
		}
		if i == n && n > 0 {
			return sm.Items[n-1][0].(string), 0, false, true
		}
		return "", 0, false, false
	}
	sal = func(offset int) (string, int, bool) {
		src, off, hasOff, ok := info(offset)
		if !ok {
			return "", 0, false
		}
		if !hasOff {
			s, l, ok := sal(offset - 1)
			return s, l + 1, ok
		}
		return src, off + 1, true
	}
	doc.Reporter.SourceAndLine = func(line int) (string, int, bool) {
		if line == 0 {
			return sal(sm.LineOffset)
		}
		return sal(line - sm.InputOffset - 1)
	}
	return doc
}

func caseSettings(over map[string]any) *doctree.Settings {
	s := doctree.DefaultSettings()
	s.ReportLevel, s.HaltLevel = 1, 5
	s.SectsubtitleXform = true
	applyOver(s, over)
	return s
}

// applyOver applies a case's docutils setting overrides.
func applyOver(s *doctree.Settings, over map[string]any) {
	for k, v := range over {
		switch k {
		case "language_code":
			s.LanguageCode = v.(string)
		case "report_level":
			s.ReportLevel = int(v.(float64))
		case "line_length_limit":
			s.LineLengthLimit = int(v.(float64))
		case "expose_internals":
			s.ExposeInternals = value(v, nil).([]string)
		case "strip_comments":
			s.StripComments = v != nil && v != false && v != 0.0
		case "smart_quotes":
			if b, ok := v.(bool); ok {
				if b {
					s.SmartQuotes = "yes"
				}
			} else {
				s.SmartQuotes = v.(string)
			}
		case "smartquotes_locales":
			for _, it := range v.([]any) {
				p := it.([]any)
				s.SmartquotesLocales = append(s.SmartquotesLocales, [2]string{p[0].(string), p[1].(string)})
			}
		case "strip_elements_with_classes":
			s.StripElementsWithClasses = value(v, nil).([]string)
		case "strip_classes":
			s.StripClasses = value(v, nil).([]string)
		case "character_level_inline_markup":
			s.CharacterLevelInlineMarkup = v == true
		case "syntax_highlight":
			s.SyntaxHighlight = v.(string)
		}
	}
}

func runDumped(c dumpedCase) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	standard := c.ID == "functional" || len(c.Transforms) == 1 && c.Transforms[0] == "standard"
	var settings *doctree.Settings
	if c.ID != "functional" && standard {
		// rst2pseudoxml's defaults, reporting everything.
		settings = doctree.DefaultSettings()
		settings.ReportLevel, settings.HaltLevel = 1, 5
		settings.Generator = false
		applyOver(settings, c.Settings)
	} else if c.ID == "functional" {
		settings = doctree.DefaultSettings()
		settings.ReportLevel = 1
		settings.SectsubtitleXform = true
		settings.SyntaxHighlight = "none"
		settings.Generator = false
	} else {
		settings = caseSettings(c.Settings)
	}
	doc := rebuild(c.Doc, settings)
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = std.NewRegistry()
	tr.Components["writer"] = transforms.PseudoXMLWriter
	if standard {
		tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	} else {
		if err := tr.AddNames(c.Transforms...); err != nil {
			return "", err
		}
		tr.Add(transforms.TestMessages, -1)
	}
	err = tr.Apply()
	return pseudoxml.Format(doc.Root, nil), err
}

// TestDocutilsTransformsOnDocutilsTrees applies the transforms to
// documents parsed by docutils itself. DOCBUILD_CASE selects cases whose
// failures are shown in full.
func TestDocutilsTransformsOnDocutilsTrees(t *testing.T) {
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	passed, failed := 0, 0
	for _, c := range loadDumped(t) {
		want := c.Expected
		if !c.Verified {
			want = c.DocutilsOutput
		}
		if strings.Contains(c.ID, "dummy_lang") {
			// docutils' suite supplies this language from a module of
			// its own.
			continue
		}
		got, err := runDumped(c)
		if strings.HasPrefix(want, "EXCEPTION") {
			// docutils fails here; docbuild must merely not.
			if err != nil {
				t.Errorf("%s: %v", c.ID, err)
			}
			if show != nil && show.MatchString(c.ID) {
				t.Logf("%s (docutils fails)\n%s", c.ID, got)
			}
			continue
		}
		if err == nil && got == want {
			passed++
			continue
		}
		failed++
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s %v\n--- expected\n%s--- got\n%s%v", c.ID, c.Transforms, want, got, err)
		} else {
			t.Logf("FAIL %s", c.ID)
		}
	}
	t.Logf("on docutils trees: %d passed, %d failed", passed, failed)
	if failed > 0 {
		t.Fail()
	}
}
