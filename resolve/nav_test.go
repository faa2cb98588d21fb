package resolve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/builders/pseudoxml"
	"github.com/docbuild/docbuild/project"
	xml "github.com/docbuild/docbuild/writers/pseudoxml"
)

// htmlTestBuilder writes pseudo-XML but links documents as the html
// builder does, so that the navigation matches Sphinx's HTML builder.
type htmlTestBuilder struct{ pseudoxml.Builder }

func (*htmlTestBuilder) Name() string { return "html" }

func (*htmlTestBuilder) DocURI(from, to string) string {
	return HTMLLinker{Suffix: ".html"}.DocURI(from, to)
}

// buildProject reads and resolves a test project with builder.
func buildProject(t *testing.T, name string, builder project.Builder) *State {
	t.Helper()
	src, _ := filepath.Abs(filepath.Join("testdata/projects", name))
	var log bytes.Buffer
	b, err := project.New(project.Options{SrcDir: src, OutDir: t.TempDir(), Registry: fixtureRegistry(), Now: goldenEpoch, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	s := Setup(b)
	if _, err := b.Run(context.Background(), builder); err != nil {
		t.Fatal(err)
	}
	if StateOf(b) != s {
		t.Fatal("StateOf does not return the state Setup made")
	}
	return s
}

// TestNavigation checks the sidebar's global toctree (collapsed and not),
// the page toc and the relations against what Sphinx's HTML builder
// computes (testdata/gen_nav.py).
func TestNavigation(t *testing.T) {
	for _, name := range []string{"nav", "xref"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata/golden-nav", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			s := buildProject(t, name, &htmlTestBuilder{})
			var lines []string
			for _, doc := range s.b.Env.DocNames() {
				lines = append(lines, "=== "+doc)
				for _, collapse := range []bool{true, false} {
					lines = append(lines, fmt.Sprintf("--- globaltoc collapse=%s", pyBool(collapse)))
					if g := s.GlobalToc(doc, NavOptions{Collapse: collapse}); g != nil {
						lines = append(lines, strings.TrimRight(xml.Format(g, nil), "\n"))
					} else {
						lines = append(lines, "None")
					}
				}
				lines = append(lines, "--- localtoc", strings.TrimRight(xml.Format(s.LocalToc(doc), nil), "\n"))
				r := s.Relations(doc)
				lines = append(lines, fmt.Sprintf("--- relations %s %s %s", orNone(r.Parent), orNone(r.Prev), orNone(r.Next)))
			}
			got := strings.Join(lines, "\n") + "\n"
			if normalizeTree(got) != normalizeTree(string(want)) {
				t.Errorf("navigation differs from Sphinx's:\n%s", lineDiff(string(want), got))
			}
		})
	}
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

func TestParents(t *testing.T) {
	s := buildProject(t, "nav", &htmlTestBuilder{})
	for doc, want := range map[string]string{
		"index":         "",
		"intro":         "",
		"chapter/index": "",
		"chapter/one":   "chapter/index",
		"hiddenchild":   "withhidden",
	} {
		if got := strings.Join(s.Parents(doc), " "); got != want {
			t.Errorf("Parents(%q) = %q, want %q", doc, got, want)
		}
	}
	if n := s.SectionNumbers("chapter/one"); fmt.Sprint(n[""], n["#one-section"]) != "[2 1] [2 1 1]" {
		t.Errorf("section numbers of chapter/one = %v", n)
	}
	if got := s.Title("intro").GetStrings("secnumber"); strings.Join(got, ".") != "1" {
		t.Errorf("title secnumber of intro = %v", got)
	}
}
