// Package conformance runs docutils' own test suites, kept as data in
// ../shared/conformance, against docbuild's parsers and transforms.
package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// suiteDir is where the shared docutils suites live, relative to this
// package's directory.
const suiteDir = "../../../shared/conformance/docutils-0.19"

// parserFloor is the number of verified parser cases that must pass. It
// only ever rises.
const parserFloor = 767

type docutilsCase struct {
	ID         string         `json:"id"`
	Input      string         `json:"input"`
	Expected   string         `json:"expected"`
	Settings   map[string]any `json:"settings"`
	Transforms []string       `json:"transforms"`
	Verified   bool           `json:"verified"`
}

// suiteTime is the day docutils made the suite's expected outputs. The
// date directive's cases bake that day in, and the suite records it nowhere
// else (a fresh copy's file times are the copy's, not the suite's), so
// suiteDate reads it from the one case that uses the directive's default
// "%Y-%m-%d" format; the cases with other formats then check docbuild's
// strftime against docutils' for that same day.
var suiteTime time.Time

// isoDay finds a YYYY-MM-DD day on a line of its own.
var isoDay = regexp.MustCompile(`(?m)^\s*(\d{4}-\d{2}-\d{2})$`)

// suiteDate returns the day the date cases were made, or the file's
// modification time when no case shows it.
func suiteDate(cases []docutilsCase, fallback time.Time) time.Time {
	for _, c := range cases {
		if strings.TrimSpace(c.Input) != ".. |date| date::" && !strings.HasPrefix(c.Input, ".. |date| date::\n") {
			continue
		}
		if m := isoDay.FindStringSubmatch(c.Expected); m != nil {
			if d, err := time.ParseInLocation("2006-01-02", m[1], time.Local); err == nil {
				return d.Add(12 * time.Hour)
			}
		}
	}
	return fallback
}

func loadCases(t *testing.T, name string) []docutilsCase {
	t.Helper()
	var mtime time.Time
	if fi, err := os.Stat(filepath.Join(suiteDir, name)); err == nil {
		mtime = fi.ModTime()
	}
	data, err := os.ReadFile(filepath.Join(suiteDir, name))
	if err != nil {
		t.Skipf("shared suite not found (%v): clone the project with ../shared beside it", err)
	}
	var cases []docutilsCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	suiteTime = suiteDate(cases, mtime)
	return cases
}

// applySettings applies a case's docutils setting overrides on top of the
// settings the docutils test harness uses.
func applySettings(s *doctree.Settings, over map[string]any) error {
	s.HaltLevel = 5
	s.ReportLevel = 5
	return ApplySettings(s, over)
}

// parseCase parses one case's input as docutils' parser test harness does
// and returns the pseudo-XML.
func parseCase(c docutilsCase) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	settings := doctree.DefaultSettings()
	if err := applySettings(settings, c.Settings); err != nil {
		return "", err
	}
	settings.Now = suiteTime
	doc := doctree.NewDocument("test data", settings)
	p := &rst.Parser{Registry: newRegistry()}
	p.Parse(doc, c.Input)
	return pseudoxml.Format(doc.Root, &pseudoxml.Options{ExposeInternals: settings.ExposeInternals}), nil
}

// chdirRoot runs the cases from the suite's root/ folder, where the files
// they include live.
func chdirRoot(t *testing.T) {
	wd, _ := os.Getwd()
	root, err := filepath.Abs(filepath.Join(suiteDir, "root"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(root); err != nil {
		t.Skipf("suite root missing: %v", err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
}

// TestDocutilsParser runs every case of parser.json. Set DOCBUILD_CASE to
// a regular expression to see the diff of the matching failing cases.
func TestDocutilsParser(t *testing.T) {
	cases := loadCases(t, "parser.json")
	chdirRoot(t)
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	passed, failed := 0, 0
	var failedIDs []string
	for _, c := range cases {
		if !c.Verified {
			continue
		}
		got, err := parseCase(c)
		if err == nil && got == c.Expected {
			passed++
			continue
		}
		failed++
		failedIDs = append(failedIDs, c.ID)
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s\n--- input\n%s\n--- expected\n%s--- got\n%s%v", c.ID, c.Input, c.Expected, got, errString(err))
		}
	}
	if path := os.Getenv("DOCBUILD_FAILS"); path != "" {
		os.WriteFile(path, []byte(strings.Join(failedIDs, "\n")+"\n"), 0o644)
	}
	fmt.Printf("docutils-parser: %d passed, %d failed\n", passed, failed)
	if passed < parserFloor {
		t.Errorf("docutils-parser: %d passed, below the floor of %d", passed, parserFloor)
	}
}

// newRegistry returns docutils' standard directives and roles, including
// the ones the reST parser itself provides (meta).
func newRegistry() *directives.Registry {
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	reg.Process = suiteProcess
	return reg
}

// suiteProcess stands for the one Python process in which docutils ran
// its test suites: directive names it looked up once stay cached for all
// later cases, and the expected outputs were made that way.
var suiteProcess = directives.NewProcessCache()

func errString(err error) string {
	if err == nil {
		return ""
	}
	return "error: " + err.Error() + "\n"
}
