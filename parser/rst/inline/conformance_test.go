package inline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// parserSuite is docutils' parser test suite, kept as data beside the
// repository.
const parserSuite = "../../../../shared/conformance/docutils-0.19/parser.json"

// inlineFloor is the number of paragraph cases that must pass; it only
// ever rises.
const inlineFloor = 156

type suiteCase struct {
	ID       string         `json:"id"`
	Input    string         `json:"input"`
	Expected string         `json:"expected"`
	Settings map[string]any `json:"settings"`
	Verified bool           `json:"verified"`
}

// paragraph is one block of a case's input that docutils parses as a
// paragraph: its text and its first line.
type paragraph struct {
	text   string
	lineno int
}

// paragraphCase splits a case's input into the paragraphs docutils makes
// of it, when that is all it makes: every block of lines is unindented,
// and the expected document holds just as many paragraphs and nothing but
// system messages besides.
func paragraphCase(c suiteCase) ([]paragraph, bool) {
	if !c.Verified || strings.ContainsAny(c.Input, "\t\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029") {
		return nil, false
	}
	var paras []paragraph
	var block []string
	start := 0
	flush := func() bool {
		if len(block) == 0 {
			return true
		}
		text := strings.TrimRightFunc(strings.Join(block, "\n"), isSpace)
		if strings.HasSuffix(text, "::") {
			return false
		}
		paras = append(paras, paragraph{text: text, lineno: start})
		block = block[:0]
		return true
	}
	for i, line := range strings.Split(strings.TrimSuffix(c.Input, "\n"), "\n") {
		line = strings.TrimRightFunc(line, isSpace)
		if line == "" {
			if !flush() {
				return nil, false
			}
			continue
		}
		// Indented lines, explicit markup and lines that may be section
		// adornments or table borders make other elements, or messages
		// of the block parser.
		if line[0] == ' ' || strings.HasPrefix(line, "..") || adornment(line) {
			return nil, false
		}
		if len(block) == 0 {
			start = i + 1
		}
		block = append(block, line)
	}
	if !flush() || len(paras) == 0 {
		return nil, false
	}
	lines := strings.Split(c.Expected, "\n")
	if lines[0] != `<document source="test data">` {
		return nil, false
	}
	n := 0
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "    <") {
			continue
		}
		switch {
		case strings.HasPrefix(l, "    <paragraph>"):
			n++
		case strings.HasPrefix(l, "    <system_message "):
		default:
			return nil, false
		}
	}
	return paras, n == len(paras)
}

// adornment reports whether line may be a section adornment (one
// punctuation character repeated) or a table border.
func adornment(line string) bool {
	if len(line) < 2 {
		return false
	}
	if strings.Trim(line, "=+- ") == "" {
		return true
	}
	return strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", rune(line[0])) &&
		strings.Count(line, line[:1]) == len(line)
}

// parseParagraphs parses paragraphs as docutils' Body.paragraph does:
// the inline nodes go into a paragraph, the messages after it, both into
// the document, which is also the inliner's parent.
func parseParagraphs(paras []paragraph, settings *doctree.Settings, reg *directives.Registry) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	doc := doctree.NewDocument("test data", settings)
	in := New(doc, directives.NewScope(reg, settings.LanguageCode))
	for _, p := range paras {
		nodes, msgs := in.Parse(p.text, p.lineno, doc.Root)
		para := doctree.NewTextElement(doctree.TagParagraph, p.text, "", nodes...)
		doc.Root.Append(para)
		for _, m := range msgs {
			doc.Root.Append(m)
		}
	}
	return pseudoxml.Format(doc.Root, &pseudoxml.Options{ExposeInternals: settings.ExposeInternals}), nil
}

// caseSettings applies a case's setting overrides on top of the settings
// docutils' test harness uses.
func caseSettings(over map[string]any) (*doctree.Settings, bool) {
	s := doctree.DefaultSettings()
	s.HaltLevel, s.ReportLevel = 5, 5
	for k, v := range over {
		switch k {
		case "character_level_inline_markup":
			s.CharacterLevelInlineMarkup, _ = v.(bool)
		case "language_code":
			s.LanguageCode, _ = v.(string)
		case "report_level":
			f, _ := v.(float64)
			s.ReportLevel = int(f)
		case "pep_references":
			s.PEPReferences, _ = v.(bool)
		case "rfc_references":
			s.RFCReferences, _ = v.(bool)
		case "trim_footnote_reference_space":
			s.TrimFootnoteReferenceSpace, _ = v.(bool)
		default:
			return nil, false
		}
	}
	return s, true
}

// TestInlineParagraphs runs the cases of docutils' parser suite that are
// made of paragraphs only. Set DOCBUILD_CASE to a regular expression to
// see the matching failures.
func TestInlineParagraphs(t *testing.T) {
	data, err := os.ReadFile(filepath.FromSlash(parserSuite))
	if err != nil {
		t.Skipf("shared suite not found: %v", err)
	}
	var cases []suiteCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	reg := testRegistry()
	passed, failed := 0, 0
	var failedIDs, included []string
	for _, c := range cases {
		paras, ok := paragraphCase(c)
		if !ok {
			continue
		}
		settings, ok := caseSettings(c.Settings)
		if !ok {
			continue
		}
		included = append(included, c.ID)
		got, err := parseParagraphs(paras, settings, reg)
		if err == nil && got == c.Expected {
			passed++
			continue
		}
		failed++
		failedIDs = append(failedIDs, c.ID)
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s\n--- input\n%s\n--- expected\n%s--- got\n%s%v", c.ID, c.Input, c.Expected, got, err)
		}
	}
	if path := os.Getenv("DOCBUILD_FAILS"); path != "" {
		os.WriteFile(path, []byte(strings.Join(failedIDs, "\n")+"\n"), 0o644)
	}
	if path := os.Getenv("DOCBUILD_INCLUDED"); path != "" {
		os.WriteFile(path, []byte(strings.Join(included, "\n")+"\n"), 0o644)
	}
	fmt.Printf("inline-paragraph: %d passed, %d failed\n", passed, failed)
	if passed < inlineFloor {
		t.Errorf("inline-paragraph: %d passed, below the floor of %d", passed, inlineFloor)
	}
}
