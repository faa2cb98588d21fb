package text

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
)

var update = flag.Bool("update", false, "rewrite the golden files from docbuild's own output (for review; testdata/gen_golden.py makes the real ones with sphinx-build -b text)")

// sphinxTree parses and transforms a reST file the way Sphinx prepares a
// document for its text builder, as far as docutils-level constructs go:
// Sphinx's docutils settings (no document title promotion, "id" id
// prefix), docutils' reader transforms only (Sphinx reads with an
// UnfilteredWriter, so docutils' writer transforms such as Messages never
// run, and it turns smart quotes off for the text builder), and no system
// messages left in the tree (Sphinx's FilterSystemMessages with
// keep_warnings off).
func sphinxTree(t *testing.T, path string) *doctree.Document {
	t.Helper()
	text, err := input.ReadFile(path, "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	s := doctree.DefaultSettings()
	s.AutoIDPrefix = "id"
	s.DoctitleXform = false
	s.SectsubtitleXform = false
	s.HaltLevel = 5
	s.Now = time.Unix(0, 0).UTC()
	doc := doctree.NewDocument(path, s)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	(&rst.Parser{Registry: reg}).Parse(doc, text)
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = Component
	tr.AddTransforms(transforms.ReaderTransforms()...)
	if err := tr.Apply(); err != nil {
		t.Fatalf("transforms: %v", err)
	}
	for _, m := range doctree.FindTag(doc.Root, doctree.TagSystemMessage) {
		if p := m.Parent(); p != nil {
			p.Remove(m)
		}
	}
	return doc
}

// goldenSets are the builds of testdata/gen_golden.py: the golden
// directory and the options matching the Sphinx configuration it used.
var goldenSets = []struct {
	dir  string
	opts Options
}{
	{"testdata/golden", Options{}},
	{"testdata/golden/windows", Options{Newline: "\r\n", SectionChars: "#@-~^+="}},
}

func TestFormatMatchesSphinx(t *testing.T) {
	for _, set := range goldenSets {
		goldens, err := filepath.Glob(set.dir + "/*.txt")
		if err != nil || len(goldens) == 0 {
			t.Fatalf("no golden files in %s: %v", set.dir, err)
		}
		for _, golden := range goldens {
			testGolden(t, golden, set.opts)
		}
	}
}

func testGolden(t *testing.T, golden string, opts Options) {
	name := strings.TrimSuffix(filepath.Base(golden), ".txt")
	t.Run(strings.TrimPrefix(filepath.Dir(golden), "testdata/")+"/"+name, func(t *testing.T) {
		doc := sphinxTree(t, filepath.Join("testdata", "project", name+".rst"))
		var warnings []string
		opts.SecNumbers = map[string][]int{}
		opts.Warn = func(_ *doctree.Element, msg string) { warnings = append(warnings, msg) }
		got := Format(doc.Root, &opts)
		if len(warnings) > 0 {
			t.Errorf("writer warnings: %v", warnings)
		}
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
			t.Errorf("text differs from sphinx-build -b text (%s):\n%s", golden, lineDiff(string(want), got))
		}
	})
}

// lineDiff shows the first differing line with some context.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		if i < len(wl) && i < len(gl) && wl[i] == gl[i] {
			continue
		}
		lo := max(0, i-3)
		return "--- want\n" + strings.Join(wl[lo:min(len(wl), i+6)], "\n") +
			"\n--- got\n" + strings.Join(gl[lo:min(len(gl), i+6)], "\n")
	}
	return "(no line differs)"
}
