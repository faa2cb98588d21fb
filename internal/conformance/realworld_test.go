package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// realworldDir holds real-world documents nobody here wrote, with the
// output of rst2pseudoxml (rst/) and myst-docutils-pseudoxml (md/) for
// each as NAME.golden; see the SOURCES.md and gen.sh files there.
const realworldDir = "testdata/realworld"

// realworldRSTFloor and realworldMDFloor are the numbers of real-world
// documents that must match their golden output. They only ever rise.
const (
	realworldRSTFloor = 21
	realworldMDFloor  = 12
)

// realworldPseudoXML prints one document as "docbuild pseudoxml NAME" does
// when run in dir with the default settings: reST with the transforms of
// rst2pseudoxml, Markdown (.md) with the MyST parser and the transforms of
// myst-docutils-pseudoxml.
func realworldPseudoXML(dir, name string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	settings := doctree.DefaultSettings()
	text, err := input.ReadFile(filepath.Join(dir, name), settings.InputEncoding)
	if err != nil {
		return "", err
	}
	settings.SourceDir = dir
	doc := doctree.NewDocument(name, settings)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	if strings.HasSuffix(name, ".md") {
		p := &markdown.Parser{Registry: reg, Config: markdown.DefaultConfig()}
		p.Parse(doc, text)
	} else {
		p := &rst.Parser{Registry: reg}
		p.Parse(doc, text)
	}
	if err := realworldTransforms(doc, reg); err != nil {
		return "", err
	}
	return pseudoxml.Format(doc.Root, nil), nil
}

// realworldTransforms applies the transforms of the standalone reader, the
// reST parser (which MyST's parser inherits) and the pseudo-XML writer.
func realworldTransforms(doc *doctree.Document, reg *directives.Registry) error {
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	return tr.Apply()
}

// firstDiff describes where got first differs from want, with a few lines
// of context.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	from := max(0, i-3)
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d\n--- want\n", i+1)
	for _, l := range wl[from:min(len(wl), i+6)] {
		b.WriteString(l + "\n")
	}
	b.WriteString("--- got\n")
	for _, l := range gl[from:min(len(gl), i+6)] {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// runRealworld compares every document of one kind (ext "rst" or "md")
// with its golden output and prints "realworld-KIND: N passed, M failed".
// Set DOCBUILD_CASE to a regular expression matching file names to see
// where the matching failing files differ.
func runRealworld(t *testing.T, kind, ext string, floor int) {
	dir := filepath.Join(realworldDir, kind)
	goldens, err := filepath.Glob(filepath.Join(dir, "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files in %s", dir)
	}
	sort.Strings(goldens)
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	passed, failed := 0, 0
	var failedNames []string
	for _, g := range goldens {
		name := strings.TrimSuffix(filepath.Base(g), ".golden") + "." + ext
		want, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		got, err := realworldPseudoXML(dir, name)
		if err == nil && got == string(want) {
			passed++
			continue
		}
		failed++
		failedNames = append(failedNames, name)
		if show != nil && show.MatchString(name) {
			if err != nil {
				t.Logf("FAIL %s: %v", name, err)
			} else {
				t.Logf("FAIL %s: %s", name, firstDiff(string(want), got))
			}
		}
	}
	fmt.Printf("realworld-%s: %d passed, %d failed\n", kind, passed, failed)
	if len(failedNames) > 0 {
		fmt.Printf("realworld-%s failing: %s\n", kind, strings.Join(failedNames, " "))
	}
	if passed < floor {
		t.Errorf("realworld-%s: %d passed, below the floor of %d", kind, passed, floor)
	}
}

// TestRealworldRST compares docbuild's pseudo-XML for real-world reST
// documents with rst2pseudoxml's.
func TestRealworldRST(t *testing.T) {
	runRealworld(t, "rst", "rst", realworldRSTFloor)
}

// TestRealworldMarkdown compares docbuild's pseudo-XML for real-world
// Markdown documents with myst-docutils-pseudoxml's.
func TestRealworldMarkdown(t *testing.T) {
	runRealworld(t, "md", "md", realworldMDFloor)
}
