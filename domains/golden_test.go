package domains

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/pseudoxml"
	textb "github.com/docbuild/docbuild/builders/text"
	xmlb "github.com/docbuild/docbuild/builders/xml"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	"github.com/docbuild/docbuild/sphinx"
	"github.com/docbuild/docbuild/transforms"
	xmlw "github.com/docbuild/docbuild/writers/xml"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/index.docbuild.pseudoxml from the current output")

// buildProj builds testdata/proj to pseudo-XML and returns index's output
// and the build log.
func buildProj(t *testing.T) (string, string) {
	return buildProjWith(t, &pseudoxml.Builder{}, "index.pseudoxml")
}

// buildProjWith builds testdata/proj with builder and returns the file
// name's content and the build log.
func buildProjWith(t *testing.T, builder project.Builder, name string) (string, string) {
	t.Helper()
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	sphinx.Register(reg)
	Register(reg)
	src, _ := filepath.Abs("testdata/proj")
	out := t.TempDir()
	var log bytes.Buffer
	codecs := doctree.NewValueCodecs()
	sphinx.RegisterCodecs(codecs)
	RegisterCodecs(codecs)
	b, err := project.New(project.Options{SrcDir: src, OutDir: out, Registry: reg, Now: time.Unix(1700000000, 0).UTC(), Log: &log, Jobs: 2, Codecs: codecs})
	if err != nil {
		t.Fatal(err)
	}
	b.DocTransforms = append(b.DocTransforms, &transforms.Transform{Name: "MoveModuleTargets", Priority: 210, Apply: func(ctx *transforms.Context) error {
		MoveModuleTargets(ctx.Doc.Root)
		return nil
	}})
	b.DocTransforms = append(b.DocTransforms, &transforms.Transform{Name: "RemoveTranslatableInline", Priority: 999, Apply: func(ctx *transforms.Context) error {
		RemoveTranslatableInline(ctx.Doc.Root)
		return nil
	}})
	Setup(resolve.Setup(b))
	if _, err := b.Run(context.Background(), builder); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(got), src, "SRC"), log.String()
}

// TestGolden compares the output with the reviewed golden file, and
// reports how it differs from Sphinx's own (testdata/golden/index.pseudoxml,
// made by testdata/gen.sh) once Sphinx's serialisation quirks are
// normalised; the differences listed in knownSphinxDiffs are accepted.
func TestGolden(t *testing.T) {
	got, log := buildProj(t)
	if log != "" {
		t.Logf("build log:\n%s", log)
	}
	path := "testdata/golden/index.docbuild.pseudoxml"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update and review):\n%s", path, got)
	}
	sphinxOut, err := os.ReadFile("testdata/golden/index.pseudoxml")
	if err != nil {
		t.Fatal(err)
	}
	a, b := normalize(string(sphinxOut)), normalize(got)
	var diffs []string
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			diffs = append(diffs, "sphinx:   "+x+"\ndocbuild: "+y)
			break
		}
	}
	for _, d := range diffs {
		t.Errorf("first difference from Sphinx:\n%s", d)
	}
}

var (
	classesRE = regexp.MustCompile(`classes="([^"]*)"`)
	entriesRE = regexp.MustCompile(`entries="\[(.*)\]"`)
	// knownSphinxDiffs are removed from both outputs before comparing:
	// Text content of pending_xref becomes an inline when unresolved
	// (package resolve), and linenos is set on literal blocks by a
	// transform docbuild does not have yet.
	knownSphinxDiffs = regexp.MustCompile(` linenos="False"`)
)

// normalize undoes the quirks of Sphinx 5.3's pseudo-XML: classes doubled
// by desc nodes' constructors, list-valued index entries, the xmlns
// attributes of the document, repeated whitespace lines; and drops the
// inline wrappers of unresolved type references, a known difference.
func normalize(s string) []string {
	var out []string
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "<document") {
			l = "<document>"
		}
		l = classesRE.ReplaceAllStringFunc(l, func(m string) string {
			var cs []string
			seen := map[string]bool{}
			for _, c := range strings.Fields(classesRE.FindStringSubmatch(m)[1]) {
				if !seen[c] {
					seen[c] = true
					cs = append(cs, c)
				}
			}
			return `classes="` + strings.Join(cs, " ") + `"`
		})
		l = entriesRE.ReplaceAllStringFunc(l, func(m string) string {
			inner := entriesRE.FindStringSubmatch(m)[1]
			return `entries="(` + strings.ReplaceAll(inner, "] [", ") (") + `)"`
		})
		l = knownSphinxDiffs.ReplaceAllString(l, "")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.TrimSpace(l) == "<inline>" && i+1 < len(lines) {
			// an unresolved type reference's text, one level deeper
			out = append(out, lines[i+1][4:])
			i++
			continue
		}
		out = append(out, l)
	}
	return out
}

// TestTextBuilder checks the text builder against sphinx-build -b text
// (testdata/golden/index.txt, made by gen.sh): byte for byte, smart quotes
// being off for text as Sphinx's smartquotes_excludes default says.
func TestTextBuilder(t *testing.T) {
	got, _ := buildProjWith(t, &textb.Builder{}, "index.txt")
	want, err := os.ReadFile("testdata/golden/index.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("text output differs from Sphinx's:\n%s", got)
	}
}

// TestXMLBuilder checks that the XML builder writes well-formed Docutils
// XML with Sphinx's declarations and domain namespaces, and the same
// elements and ids as the pseudo-XML builder.
func TestXMLBuilder(t *testing.T) {
	got, _ := buildProjWith(t, &xmlb.Builder{}, "index.xml")
	if _, _, err := xmlw.CheckWellFormed(got); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	for _, want := range []string{`<?xml version="1.0" encoding="utf-8"?>`, `<!DOCTYPE document PUBLIC`, `xmlns:py="https://www.sphinx-doc.org/"`, `ids="cmdoption-v cmdoption-verbose"`} {
		if !strings.Contains(got, want) {
			t.Errorf("XML output lacks %s", want)
		}
	}
	pseudo, _ := buildProj(t)
	if a, b := strings.Count(got, "<desc_signature "), strings.Count(pseudo, "<desc_signature "); a != b || a == 0 {
		t.Errorf("%d signatures in XML, %d in pseudo-XML", a, b)
	}
}
