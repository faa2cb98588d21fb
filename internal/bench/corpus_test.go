// Package bench holds benchmarks over real corpora. They skip when the
// corpus is absent; make it with
//
//	../shared/corpora/cpython-docs.sh /tmp/cpython-docs
//
// and point DOCBUILD_CPYTHON at it (default /tmp/cpython-docs).
package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/domains"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/sphinx"
)

type sourceFile struct {
	path, text string
}

func loadCorpus(tb testing.TB) []sourceFile {
	dir := os.Getenv("DOCBUILD_CPYTHON")
	if dir == "" {
		dir = "/tmp/cpython-docs"
	}
	var files []sourceFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".rst") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files = append(files, sourceFile{p, string(b)})
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		tb.Skipf("CPython corpus not found in %s (run ../shared/corpora/cpython-docs.sh %s)", dir, dir)
	}
	return files
}

// BenchmarkParseCPython parses every reST file of the CPython 3.11 docs on
// one goroutine with docutils' directives and roles only, as
// "docbuild pseudoxml --docutils" does: Sphinx's roles are unknown there
// and each use becomes a system message. b.SetBytes makes the MB/s figure
// a per-core throughput.
func BenchmarkParseCPython(b *testing.B) {
	benchParse(b, std.NewRegistry())
}

// BenchmarkParseCPythonSphinx parses the same files with the registry a
// project build uses (docutils' directives and roles, Sphinx's, and the
// py and c domains): the parse stage of "docbuild html" on one core.
func BenchmarkParseCPythonSphinx(b *testing.B) {
	reg := std.NewRegistry()
	sphinx.Register(reg)
	domains.Register(reg)
	benchParse(b, reg)
}

func benchParse(b *testing.B, reg *directives.Registry) {
	files := loadCorpus(b)
	total := 0
	for _, f := range files {
		total += len(f.text)
	}
	p := &rst.Parser{Registry: reg}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			s := doctree.DefaultSettings()
			s.HaltLevel = 5
			s.ReportLevel = 5
			s.SourceDir = filepath.Dir(f.path)
			doc := doctree.NewDocument(f.path, s)
			p.Parse(doc, f.text)
		}
	}
}
