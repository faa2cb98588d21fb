package resolve

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/pseudoxml"
	"github.com/docbuild/docbuild/project"
)

var update = flag.Bool("update", false, "regenerate testdata/golden with Sphinx (testdata/gen_golden.py)")

// goldenEpoch is the build time gen_golden.py gives Sphinx
// (SOURCE_DATE_EPOCH), for |today|.
var goldenEpoch = time.Unix(1700000000, 0).UTC()

// needs lists, per project, the directives a project uses that the test
// registry must have; projects whose directives are missing are skipped.
var needs = map[string][]string{
	"misc": {"program", "option", "envvar", "productionlist", "only"},
}

func TestGolden(t *testing.T) {
	if *update {
		cmd := exec.Command("python3", "testdata/gen_golden.py")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("gen_golden.py: %v", err)
		}
	}
	projects, err := os.ReadDir("testdata/projects")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range projects {
		name := p.Name()
		t.Run(name, func(t *testing.T) {
			reg := fixtureRegistry()
			for _, d := range needs[name] {
				if reg.Directive(d) == nil {
					t.Skipf("the test registry has no %q directive yet", d)
				}
			}
			src, _ := filepath.Abs(filepath.Join("testdata/projects", name))
			out := t.TempDir()
			var log bytes.Buffer
			b, err := project.New(project.Options{SrcDir: src, OutDir: out, Registry: reg, Now: goldenEpoch, Log: &log, Jobs: 2})
			if err != nil {
				t.Fatal(err)
			}
			Setup(b)
			if _, err := b.Run(context.Background(), &pseudoxml.Builder{}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata/golden", name)
			filepath.WalkDir(golden, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pseudoxml") {
					return err
				}
				rel, _ := filepath.Rel(golden, p)
				want, _ := os.ReadFile(p)
				gotb, err := os.ReadFile(filepath.Join(out, rel))
				if err != nil {
					t.Errorf("%s: %v", rel, err)
					return nil
				}
				got := string(gotb)
				if i := strings.IndexByte(got, '\n'); i >= 0 {
					got = got[i+1:]
				}
				if g, w := normalizeTree(got), normalizeTree(string(want)); g != w {
					t.Errorf("%s differs from Sphinx's:\n%s", rel, lineDiff(w, g))
				}
				return nil
			})
			wantW, _ := os.ReadFile(filepath.Join(golden, "warnings.txt"))
			gotW := strings.ReplaceAll(log.String(), src+"/", "")
			if g, w := sortedLines(gotW), sortedLines(string(wantW)); g != w {
				t.Errorf("warnings differ from Sphinx's:\n%s", lineDiff(w, g))
			}
		})
	}
}

var (
	toctreeLine = regexp.MustCompile(`(?m)^(\s*)<toctree [^\n]*>$`)
	candidates  = regexp.MustCompile(` candidates="[^"]*"`)
)

// normalizeTree evens out what the comparison should not depend on: the
// attributes of toctree nodes that Sphinx leaves in nested lists (their
// entries print as Python lists) and the image candidates Sphinx's image
// collector adds while reading.
func normalizeTree(s string) string {
	s = toctreeLine.ReplaceAllString(s, "$1<toctree>")
	s = candidates.ReplaceAllString(s, "")
	return strings.TrimRight(s, "\n")
}

func sortedLines(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// lineDiff shows the lines of want and got around the first difference.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	lo := max(0, i-5)
	var b strings.Builder
	b.WriteString("--- want (Sphinx)\n")
	for j := lo; j < min(len(w), i+8); j++ {
		b.WriteString(w[j] + "\n")
	}
	b.WriteString("--- got\n")
	for j := lo; j < min(len(g), i+8); j++ {
		b.WriteString(g[j] + "\n")
	}
	return b.String()
}
