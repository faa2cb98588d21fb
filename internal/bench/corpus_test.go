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

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
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
// one goroutine; b.SetBytes makes the MB/s figure a per-core throughput.
func BenchmarkParseCPython(b *testing.B) {
	files := loadCorpus(b)
	total := 0
	for _, f := range files {
		total += len(f.text)
	}
	reg := std.NewRegistry()
	p := &rst.Parser{Registry: reg}
	b.SetBytes(int64(total))
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
