package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// transformsFloor is the number of verified transform cases that must
// pass. It only ever rises.
const transformsFloor = 133

// applyTransformSettings applies a transform case's settings on top of
// those docutils' TransformTestCase uses: the reST parser's and the
// general defaults (no standalone reader, so the sectsubtitle_xform
// default of SectionSubTitle itself, true, applies), report_level 1,
// halt_level 5.
func applyTransformSettings(s *doctree.Settings, over map[string]any) error {
	s.HaltLevel = 5
	if err := ApplySettings(s, over); err != nil {
		return err
	}
	if _, ok := over["report_level"]; !ok {
		s.ReportLevel = 1
	}
	s.SectsubtitleXform = true
	return nil
}

// transformCase runs one case as docutils' TransformTestCase does: parse,
// queue the case's transforms and TestMessages, apply them with the
// pending ones, and dump the tree.
func transformCase(c docutilsCase, reg *directives.Registry) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	settings := doctree.DefaultSettings()
	if err := applyTransformSettings(settings, c.Settings); err != nil {
		return "", err
	}
	doc := doctree.NewDocument("test data", settings)
	p := &rst.Parser{Registry: reg}
	p.Parse(doc, c.Input)
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	if err := tr.AddNames(c.Transforms...); err != nil {
		return "", err
	}
	tr.Add(transforms.TestMessages, -1)
	if err := tr.Apply(); err != nil {
		return pseudoxml.Format(doc.Root, nil), err
	}
	return pseudoxml.Format(doc.Root, nil), nil
}

// TestDocutilsTransforms runs every case of transforms.json. Set
// DOCBUILD_CASE to a regular expression to see the diff of the matching
// failing cases.
func TestDocutilsTransforms(t *testing.T) {
	cases := loadCases(t, "transforms.json")
	chdirRoot(t)
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	reg := newRegistry()
	passed, failed := 0, 0
	var failedIDs []string
	for _, c := range cases {
		if !c.Verified {
			continue
		}
		got, err := transformCase(c, reg)
		if err == nil && got == c.Expected {
			passed++
			continue
		}
		failed++
		failedIDs = append(failedIDs, c.ID)
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s %v\n--- input\n%s\n--- expected\n%s--- got\n%s%v", c.ID, c.Transforms, c.Input, c.Expected, got, errString(err))
		}
	}
	if path := os.Getenv("DOCBUILD_FAILS"); path != "" {
		os.WriteFile(path, []byte(strings.Join(failedIDs, "\n")+"\n"), 0o644)
	}
	fmt.Printf("docutils-transforms: %d passed, %d failed\n", passed, failed)
	if passed < transformsFloor {
		t.Errorf("docutils-transforms: %d passed, below the floor of %d", passed, transformsFloor)
	}
}

// TestFunctional builds docutils' standalone functional test document
// with the standard transforms, as rst2pseudoxml --no-datestamp --report=1
// --section-subtitles --syntax-highlight=none --no-generator
// --no-source-link does.
func TestFunctional(t *testing.T) {
	wd, _ := os.Getwd()
	dir, err := filepath.Abs(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Skipf("shared suite not found (%v)", err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	const src = "functional/input/standalone_rst_pseudoxml.txt"
	want, err := os.ReadFile("functional/expected/standalone_rst_pseudoxml.txt")
	if err != nil {
		t.Skipf("functional case missing: %v", err)
	}
	text, err := input.ReadFile(src, "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	got, err := functionalOutput(src, text)
	if err != nil {
		t.Errorf("functional: %v", err)
	}
	if path := os.Getenv("DOCBUILD_FUNCTIONAL_OUT"); path != "" {
		if !filepath.IsAbs(path) {
			path = filepath.Join(wd, path)
		}
		os.WriteFile(path, []byte(got), 0o644)
	}
	if got != string(want) {
		t.Errorf("functional: output differs from functional/expected/standalone_rst_pseudoxml.txt:\n%s", lineDiff(string(want), got))
		fmt.Println("docutils-functional: 0 passed, 1 failed")
		return
	}
	fmt.Println("docutils-functional: 1 passed, 0 failed")
}

func functionalOutput(src, text string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	settings := doctree.DefaultSettings()
	settings.ReportLevel = 1
	settings.SectsubtitleXform = true
	settings.SyntaxHighlight = "none"
	settings.Datestamp = ""
	settings.Generator = false
	settings.SourceLink = false
	settings.SourceDir = filepath.Dir(src)
	doc := doctree.NewDocument(src, settings)
	reg := newRegistry()
	p := &rst.Parser{Registry: reg}
	p.Parse(doc, text)
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	err = tr.Apply()
	return pseudoxml.Format(doc.Root, nil), err
}

// lineDiff returns the first differing lines of want and got, with some
// context, for the test log.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	from := i - 5
	if from < 0 {
		from = 0
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d)\n", i+1, len(wl), len(gl))
	for j := from; j < i+15; j++ {
		w, g := "", ""
		if j < len(wl) {
			w = wl[j]
		}
		if j < len(gl) {
			g = gl[j]
		}
		mark := " "
		if w != g {
			mark = "!"
		}
		fmt.Fprintf(&b, "%s %5d want: %s\n%s %5s  got: %s\n", mark, j+1, w, mark, "", g)
	}
	return b.String()
}
