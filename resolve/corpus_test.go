package resolve

import (
	"bytes"
	"context"
	"flag"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/pseudoxml"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

var corpus = flag.String("corpus", "", "a Sphinx project to build nitpicky with the test registry, reporting unresolved references by kind (e.g. /tmp/cpython-docs)")

// TestCorpus builds a real project (only with -corpus) and reports how
// many references stay unresolved, by kind, and how long the post-read
// stage takes (resolving is timed with writing, as the build does both
// per document). It fails only when the build fails.
func TestCorpus(t *testing.T) {
	if *corpus == "" {
		t.Skip("no -corpus given")
	}
	if _, err := os.Stat(*corpus); err != nil {
		t.Skip(err)
	}
	var log bytes.Buffer
	b, err := project.New(project.Options{SrcDir: *corpus, OutDir: t.TempDir(), Registry: fixtureRegistry(), Log: &log, Nitpicky: true})
	if err != nil {
		t.Fatal(err)
	}
	st := Setup(b)
	builder := &pseudoxml.Builder{}
	b.Builder = builder
	// Counted as the documents are read: the build may drop the trees
	// after reading.
	var pending atomic.Int64
	b.AfterRead = append(b.AfterRead, func(_ *project.Build, _ string, doc *doctree.Document) {
		pending.Add(int64(len(doctree.FindTag(doc.Root, "pending_xref"))))
	})
	ctx := context.Background()
	start := time.Now()
	if err := b.Read(ctx); err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	start = time.Now()
	if err := st.prepare(); err != nil {
		t.Fatal(err)
	}
	t.Logf("post-read preparation: %v", time.Since(start))
	start = time.Now()
	pages, err := b.Write(ctx, builder)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents read in %v; %d pending_xref resolved and written in %v", pages, read, pending.Load(), time.Since(start))
	kinds := map[string]int{}
	kindRE := regexp.MustCompile(`WARNING: (undefined label|unknown document|term not in glossary|unknown keyword|unknown option|numfig is disabled|Failed to create a cross reference[^:]*|'[a-z]+' reference target not found|[a-z]+:[a-z]+ reference target not found|toctree contains reference to [a-z-]+ document|circular toctree|download file not readable|more than one target found)`)
	for _, line := range strings.Split(log.String(), "\n") {
		if m := kindRE.FindStringSubmatch(line); m != nil {
			kinds[m[1]]++
			if testing.Verbose() {
				t.Log(line)
			}
		}
	}
	var keys []string
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%6d  %s", kinds[k], k)
	}
}
