package sphinx

import (
	"flag"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

var update = flag.Bool("update-diff", false, "write our output next to the goldens as .got files")

// fakeEnv is the DocEnv of the test project testdata/cases, configured as
// the conf.py that gen_golden.py writes.
type fakeEnv struct {
	docname string
	srcdir  string
	docs    []string
	serial  map[string]int
	tmp     map[string]any
	deps    []string
	conf    map[string]any
}

// projectSettings are the settings of the test projects, as their conf.py
// files give them (with Sphinx's defaults for the rest).
func projectSettings(project string) map[string]any {
	suffix := config.NewDict()
	_ = suffix.Set(".rst", "restructuredtext")
	conf := map[string]any{
		"highlight_language":       "default",
		"source_suffix":            suffix,
		"exclude_patterns":         []any{},
		"source_encoding":          "utf-8-sig",
		"show_authors":             false,
		"add_function_parentheses": true,
		"math_number_all":          false,
	}
	switch project {
	case "main":
		conf["exclude_patterns"] = []any{"excluded.rst", "_build"}
	case "alt":
		conf["show_authors"] = true
		conf["math_number_all"] = true
		conf["highlight_language"] = "python3"
		conf["add_function_parentheses"] = false
	}
	return conf
}

// projectExtlinks is the extlinks setting of the main test project.
func projectExtlinks() *config.Dict {
	d := config.NewDict()
	_ = d.Set("issue", config.Tuple{"https://example.org/issues/%s", "issue %s"})
	_ = d.Set("full", config.Tuple{"https://example.org/full/%s", nil})
	_ = d.Set("pct", config.Tuple{"https://example.org/%s%%", "%s 100%%"})
	_ = d.Set("old", config.Tuple{"https://example.org/?q=", "old-"})
	return d
}

func newFakeEnv(t testing.TB, srcdir, project, docname string) *fakeEnv {
	t.Helper()
	conf := projectSettings(project)
	excluded := compileMatchers(stringList(conf["exclude_patterns"]))
	var docs []string
	err := filepath.WalkDir(srcdir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".rst") {
			rel, _ := filepath.Rel(srcdir, p)
			rel = filepath.ToSlash(rel)
			if !matchAny(excluded, rel) {
				docs = append(docs, strings.TrimSuffix(rel, ".rst"))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(docs)
	return &fakeEnv{
		docname: docname, srcdir: srcdir, docs: docs,
		serial: map[string]int{}, tmp: map[string]any{}, conf: conf,
	}
}

func (e *fakeEnv) DocName() string { return e.docname }
func (e *fakeEnv) SrcDir() string  { return e.srcdir }
func (e *fakeEnv) HasDoc(name string) bool {
	i := sort.SearchStrings(e.docs, name)
	return i < len(e.docs) && e.docs[i] == name
}
func (e *fakeEnv) FoundDocs() []string { return e.docs }
func (e *fakeEnv) RelFn2Path(filename string) (string, string) {
	var rel string
	if strings.HasPrefix(filename, "/") {
		rel = filename[1:]
	} else {
		rel = path.Join(path.Dir(e.docname), filename)
	}
	rel = path.Clean(rel)
	return rel, filepath.Join(e.srcdir, filepath.FromSlash(rel))
}
func (e *fakeEnv) NoteDependency(p string) { e.deps = append(e.deps, p) }
func (e *fakeEnv) HasTag(tag string) bool  { return tag == "mytag" }
func (e *fakeEnv) Setting(name string) (any, bool) {
	v, ok := e.conf[name]
	return v, ok
}
func (e *fakeEnv) NewSerialNo(category string) int {
	n := e.serial[category]
	e.serial[category]++
	return n
}
func (e *fakeEnv) Temp() map[string]any { return e.tmp }

// sphinxSettings are the docutils settings Sphinx reads documents with
// (sphinx.environment.default_settings).
func sphinxSettings() *doctree.Settings {
	s := doctree.DefaultSettings()
	s.AutoIDPrefix = "id"
	s.RFCBaseURL = "https://datatracker.ietf.org/doc/html/"
	s.DoctitleXform = false
	s.HaltLevel = 5
	return s
}

// testRegistry is docutils' registry with Sphinx's additions and the
// main project's extlinks.
func testRegistry() *directives.Registry {
	reg := std.NewRegistry()
	Register(reg)
	for name, r := range ExtlinkRolesFromSetting(projectExtlinks()) {
		reg.AddLocalRole(name, r)
	}
	return reg
}

// parseCase parses one document of the test project as Sphinx reads it
// and returns the tree and the logged warnings, in gen_golden.py's format.
func parseCase(t testing.TB, reg *directives.Registry, srcdir, project, docname string) string {
	t.Helper()
	file := filepath.Join(srcdir, filepath.FromSlash(docname)+".rst")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := doctree.NewDocument(file, sphinxSettings())
	doc.Env = newFakeEnv(t, srcdir, project, docname)
	var streamed []*doctree.Element
	doc.Reporter.Stream = func(m *doctree.Element) { streamed = append(streamed, m) }
	(&rst.Parser{Registry: reg}).Parse(doc, string(data))
	var b strings.Builder
	b.WriteString(pseudoxml.Format(doc.Root, nil))
	b.WriteString("--- warnings\n")
	for _, m := range streamed {
		if m.Parent() != nil || m.GetInt("level") < doctree.LevelWarning {
			continue
		}
		line := ""
		if l, ok := m.Get("line"); ok {
			line = doctree.FormatValue(l)
		}
		b.WriteString(line + ": " + m.GetString("type") + ": " + m.Children[0].AsText() + "\n")
	}
	return strings.ReplaceAll(b.String(), srcdir, "SRCDIR")
}

// TestGolden compares each document of the test projects with what
// Sphinx 5.3 made of it (testdata/golden, from gen_golden.py): the doctree
// right after parsing, before any transform, and Sphinx's logged warnings.
func TestGolden(t *testing.T) {
	reg := testRegistry()
	for project, dir := range map[string]string{"main": "cases", "alt": "cases_alt"} {
		srcdir, err := filepath.Abs(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		root := filepath.Join("testdata", "golden", project)
		err = filepath.WalkDir(root, func(g string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(g, ".txt") {
				return err
			}
			rel, _ := filepath.Rel(root, g)
			docname := strings.TrimSuffix(filepath.ToSlash(rel), ".txt")
			t.Run(project+"/"+docname, func(t *testing.T) {
				want, err := os.ReadFile(g)
				if err != nil {
					t.Fatal(err)
				}
				got := parseCase(t, reg, srcdir, project, docname)
				if *update {
					_ = os.WriteFile(g+".got", []byte(got), 0o644)
				}
				if got != string(want) {
					t.Errorf("output differs from %s\n%s", g, lineDiff(string(want), got))
				}
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// lineDiff shows the first differing lines of two texts with context.
func lineDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	from := max(0, i-3)
	var b strings.Builder
	for j := from; j < i; j++ {
		b.WriteString("  " + wl[j] + "\n")
	}
	for j := i; j < min(len(wl), i+6); j++ {
		b.WriteString("- " + wl[j] + "\n")
	}
	for j := i; j < min(len(gl), i+6); j++ {
		b.WriteString("+ " + gl[j] + "\n")
	}
	return b.String()
}
