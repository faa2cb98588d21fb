package json_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	jsonb "github.com/docbuild/docbuild/builders/json"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinxbuild"
)

// themeKeys are keys Sphinx's output has only because of its alabaster
// theme; docbuild's theme adds none.
var themeKeys = map[string]bool{"alabaster_version": true}

func build(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var log bytes.Buffer
	b, err := project.New(project.Options{
		SrcDir: "../html/testdata/basic", OutDir: out, Registry: sphinxbuild.Registry(), Log: &log,
		Now:    time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		Codecs: sphinxbuild.Codecs(),
	})
	if err != nil {
		t.Fatal(err)
	}
	sphinxbuild.Configure(b)
	if _, err := b.Run(context.Background(), jsonb.New()); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return out
}

func load(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		if !themeKeys[k] && !strings.HasPrefix(k, "theme_") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// TestJSONMatchesSphinx compares the JSON builder's files with what Sphinx
// 5.3's JSON builder wrote for the same project (testdata/sphinx, made by
// testdata/gen_golden.sh): the same files, the same keys, and the same
// values for the keys whose values do not depend on the HTML writer's
// markup or the theme.
func TestJSONMatchesSphinx(t *testing.T) {
	out := build(t)
	for _, f := range []string{"last_build", "_static/docbuild.css", "_images/logo.png", "_sources/intro.rst.txt",
		"_downloads/237f079c380684f270cafe04682961bf/data.csv"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	same := map[string][]string{
		"index.fjson":          {"prev", "next", "parents", "rellinks", "sourcename", "display_toc", "page_source_suffix", "current_page_name", "title", "customsidebar", "favicon_url", "logo_url"},
		"intro.fjson":          {"prev", "next", "parents", "rellinks", "sourcename", "display_toc", "page_source_suffix", "current_page_name", "title", "toc", "meta"},
		"reference.fjson":      {"prev", "next", "parents", "rellinks", "sourcename", "current_page_name", "title"},
		"guide/index.fjson":    {"prev", "next", "parents", "rellinks", "current_page_name", "title", "toc"},
		"guide/usage.fjson":    {"prev", "next", "parents", "rellinks", "current_page_name", "title", "toc", "display_toc"},
		"guide/advanced.fjson": {"prev", "next", "parents", "rellinks", "current_page_name", "title", "toc"},
		"genindex.fjson":       {"genindexentries", "genindexcounts", "split_index", "current_page_name"},
		"search.fjson":         {"current_page_name"},
		"py-modindex.fjson":    {"indextitle", "content", "collapse_index", "current_page_name"},
		"globalcontext.json": {"project", "release", "version", "master_doc", "root_doc", "docstitle", "shorttitle",
			"show_copyright", "show_sphinx", "has_source", "show_source", "sourcelink_suffix", "file_suffix",
			"link_suffix", "language", "rellinks", "builder", "parents", "logo", "favicon", "html5_doctype",
			"embedded", "last_updated", "sphinx_version", "docutils_version_info"},
		"searchindex.json": {"docnames", "filenames", "titles", "titleterms", "alltitles", "indexentries", "objects", "objtypes", "objnames"},
	}
	for file, sameKeys := range same {
		want := load(t, filepath.Join("testdata/sphinx", filepath.FromSlash(file)))
		got := load(t, filepath.Join(out, filepath.FromSlash(file)))
		if g, w := keys(got), keys(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: keys\n got %v\nwant %v", file, g, w)
		}
		for _, k := range sameKeys {
			if !reflect.DeepEqual(got[k], want[k]) {
				g, _ := json.Marshal(got[k])
				w, _ := json.Marshal(want[k])
				t.Errorf("%s: %s\n got %s\nwant %s", file, k, g, w)
			}
		}
		// Values of the other keys have Sphinx's types.
		for k, w := range want {
			if g, ok := got[k]; ok && w != nil && g != nil && reflect.TypeOf(g) != reflect.TypeOf(w) {
				t.Errorf("%s: %s is a %T, Sphinx writes a %T", file, k, g, w)
			}
		}
	}
	// Search terms: every term Sphinx indexes, docbuild indexes in the
	// same documents, except for words of markup both render differently.
	want := load(t, "testdata/sphinx/searchindex.json")["terms"].(map[string]any)
	got := load(t, filepath.Join(out, "searchindex.json"))["terms"].(map[string]any)
	for term, docs := range want {
		if !reflect.DeepEqual(got[term], docs) {
			t.Errorf("searchindex.json: term %q in %v, Sphinx %v", term, got[term], docs)
		}
	}
	for term := range got {
		if _, ok := want[term]; !ok {
			t.Errorf("searchindex.json: term %q not in Sphinx's index", term)
		}
	}
}
