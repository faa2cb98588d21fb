package rst_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/conformance"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// suiteDir holds docutils' parser test suite as data.
const suiteDir = "../../../shared/conformance/docutils-0.19"

type parserCase struct {
	ID       string         `json:"id"`
	Input    string         `json:"input"`
	Expected string         `json:"expected"`
	Settings map[string]any `json:"settings"`
	Verified bool           `json:"verified"`
}

func loadParserCases(t testing.TB) []parserCase {
	cases := loadParserCasesOptional()
	if cases == nil {
		t.Skip("parser suite not found")
	}
	return cases
}

// loadParserCasesOptional returns docutils' parser suite, or nil when it
// is missing or unreadable.
func loadParserCasesOptional() []parserCase {
	data, err := os.ReadFile(filepath.Join(suiteDir, "parser.json"))
	if err != nil {
		return nil
	}
	var cases []parserCase
	if err := json.Unmarshal(data, &cases); err != nil {
		return nil
	}
	return cases
}

// parse parses input with the harness settings of docutils' parser tests
// and the standard registry plus this package's directives.
func parse(c parserCase) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	s := doctree.DefaultSettings()
	s.HaltLevel, s.ReportLevel = 5, 5
	if err := conformance.ApplySettings(s, c.Settings); err != nil {
		return "", err
	}
	doc := doctree.NewDocument("test data", s)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	p := &rst.Parser{Registry: reg}
	p.Parse(doc, c.Input)
	return pseudoxml.Format(doc.Root, &pseudoxml.Options{ExposeInternals: s.ExposeInternals}), nil
}

// ownCategories are the test files of docutils' suite that exercise the
// block parser (the states module).
var ownCategories = regexp.MustCompile(`^(test_paragraphs|test_section_headers|test_bullet_lists|` +
	`test_enumerated_lists|test_definition_lists|test_field_lists|test_option_lists|` +
	`test_literal_blocks|test_line_blocks|test_block_quotes|test_doctest_blocks|test_tables|` +
	`test_footnotes|test_citations|test_targets|test_substitutions|test_comments|` +
	`test_transitions|test_outdenting|test_east_asian_text|test_line_length_limit[a-z_]*|` +
	`test_source_line|test_directives/test_unknown|test_directives/test_meta)\.py `)

// TestBlockConformance runs the block-parser categories of docutils'
// parser suite. Set DOCBUILD_CASE to a regular expression to see the
// differences of matching failing cases.
func TestBlockConformance(t *testing.T) {
	cases := loadParserCases(t)
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(suiteDir, "root")); err != nil {
		t.Skipf("suite root missing: %v", err)
	}
	defer os.Chdir(wd)
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	passed, failed := 0, 0
	var fails []string
	for _, c := range cases {
		if !c.Verified || !ownCategories.MatchString(c.ID) {
			continue
		}
		got, err := parse(c)
		if err == nil && got == c.Expected {
			passed++
			continue
		}
		failed++
		fails = append(fails, c.ID)
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s\n--- input\n%s\n--- expected\n%s--- got\n%s%v", c.ID, c.Input, c.Expected, got, err)
		}
	}
	t.Logf("block parser cases: %d passed, %d failed\n%s", passed, failed, strings.Join(fails, "\n"))
}
