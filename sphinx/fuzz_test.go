package sphinx

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
)

// FuzzParse parses arbitrary documents with Sphinx's directives and roles
// in the test project: bad input must give messages, never a panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/cases/*.rst")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	srcdir, err := filepath.Abs("testdata/cases")
	if err != nil {
		f.Fatal(err)
	}
	reg := testRegistry()
	f.Fuzz(func(t *testing.T, text string) {
		doc := doctree.NewDocument(filepath.Join(srcdir, "fuzz.rst"), sphinxSettings())
		doc.Env = newFakeEnv(t, srcdir, "main", "fuzz")
		done := make(chan bool)
		go func() {
			defer close(done)
			(&rst.Parser{Registry: reg}).Parse(doc, text)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("parse hangs on %q", text)
		}
	})
}

// FuzzHelpers runs the text functions on arbitrary input.
func FuzzHelpers(f *testing.F) {
	for _, s := range []string{"a <b>", "1-3,5", "Control-x", "{a}b", "&x", "%s", "def f():\n  pass\n", "[!a]*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		done := make(chan bool)
		go func() {
			defer close(done)
			runHelpers(s)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("helpers hang on %q", s)
		}
	})
}

func runHelpers(s string) {
	{
		matchExplicitTitle(s, true)
		matchExplicitTitle(s, false)
		if spec, err := parseLinenos(s, 10); err == nil {
			spec.items(10)
			spec.contiguous()
		}
		splitKbdText(s)
		ParseEmphasizedLiteral(s)
		splitAmp(s)
		percentS(s, "x")
		textwrapDedent(s)
		patternRE(s)
		makeIDString(s)
		ProcessIndexEntry(s, "id")
		_, _ = findPythonTags(splitLinesKeep(s))
		unifiedDiff(splitLinesKeep(s), splitLinesKeep(s+"x\n"), "a", "b")
	}
}
