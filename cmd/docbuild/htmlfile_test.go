package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// TestFunctionalHTMLLinks renders docutils' functional test document and
// checks that every footnote, citation and internal reference in the page
// points at an id that exists in it.
func TestFunctionalHTMLLinks(t *testing.T) {
	dir := "../../../shared/conformance/docutils-0.19"
	name := "functional/input/standalone_rst_pseudoxml.txt"
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Skipf("shared suite not found: %v", err)
	}
	defer os.Chdir(wd)
	text, err := os.ReadFile(filepath.FromSlash(name))
	if err != nil {
		t.Skipf("functional input missing: %v", err)
	}
	s := doctree.DefaultSettings()
	s.ReportLevel = 5
	s.HaltLevel = 5
	doc := doctree.NewDocument(name, s)
	page, halted := RenderHTMLPage(doc, string(text))
	if halted != nil {
		t.Fatalf("halted: %v", halted)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]] = true
	}
	kinds := map[string]int{}
	for _, m := range regexp.MustCompile(`<a ([^>]*)href="#([^"]*)"`).FindAllStringSubmatch(page, -1) {
		kind := "internal"
		switch {
		case strings.Contains(m[1], "footnote-reference"):
			kind = "footnote"
		case strings.Contains(m[1], "citation-reference"):
			kind = "citation"
		case strings.Contains(m[1], "doc-backlink"):
			kind = "backlink"
		}
		kinds[kind]++
		if !ids[m[2]] {
			t.Errorf("%s link to #%s: no element has that id", kind, m[2])
		}
	}
	for _, k := range []string{"footnote", "citation", "internal", "backlink"} {
		if kinds[k] == 0 {
			t.Errorf("no %s links found: the page is not what the test expects", k)
		}
	}
	// Text and attributes are escaped: the functional document has raw
	// markup in literals that must not come through.
	if strings.Contains(page, "<script") {
		t.Errorf("page contains a script element")
	}
}
