package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// mystSuite is MyST-Parser 0.18.1's docutils-level fixtures as data.
const mystSuite = "../../../shared/conformance/myst-0.18.1/docutils.json"

// mystFloor is the number of verified MyST cases that must pass. It only
// ever rises.
const mystFloor = 89

// mystStandardTransforms applies the transforms that myst-docutils-pseudoxml
// applies (the standalone reader's, the parser's and the writer's), for
// the cases whose expected tree is taken after them.
func mystStandardTransforms(doc *doctree.Document, reg *directives.Registry) error {
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	return tr.Apply()
}

type mystCase struct {
	ID         string `json:"id"`
	Input      string `json:"input"`
	Expected   string `json:"expected"`
	Transforms string `json:"transforms"`
	Args       string `json:"args"`
	Verified   bool   `json:"verified"`
}

var docSourceRE = regexp.MustCompile(`^<document [^\n]*?source="([^"]*)"`)

// stripTrailing removes trailing spaces from every line, as the suite's
// comparison does.
func stripTrailing(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// mystParse parses one case as MyST's fixture harness does: the document's
// source name is the one its expected output shows, and the args are
// MyST's docutils settings.
func mystParse(c mystCase) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	source := "notset"
	if m := docSourceRE.FindStringSubmatch(c.Expected); m != nil {
		source = m[1]
	}
	cfg := markdown.DefaultConfig()
	settings := doctree.DefaultSettings()
	for _, arg := range strings.Fields(c.Args) {
		name, value, _ := strings.Cut(strings.TrimPrefix(arg, "--"), "=")
		if strings.HasPrefix(name, "myst-") {
			if err := cfg.SetOption(name, value); err != nil {
				return "", err
			}
			continue
		}
		return "", fmt.Errorf("unknown setting %q", arg)
	}
	doc := doctree.NewDocument(source, settings)
	reg := std.NewRegistry()
	p := &markdown.Parser{Registry: reg, Config: cfg}
	p.Parse(doc, c.Input)
	if c.Transforms == "standard" {
		if err := mystStandardTransforms(doc, reg); err != nil {
			return "", err
		}
	}
	return pseudoxml.Format(doc.Root, nil), nil
}

// TestMyST runs the verified cases of MyST's docutils-level fixtures. Set
// DOCBUILD_CASE to a regular expression to see the diff of the matching
// failing cases.
func TestMyST(t *testing.T) {
	data, err := os.ReadFile(filepath.FromSlash(mystSuite))
	if err != nil {
		t.Skipf("shared suite not found (%v): clone the project with ../shared beside it", err)
	}
	var cases []mystCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("docutils.json: %v", err)
	}
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
		got, err := mystParse(c)
		if err == nil && stripTrailing(got) == stripTrailing(c.Expected) {
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
	fmt.Printf("myst: %d passed, %d failed\n", passed, failed)
	if passed < mystFloor {
		t.Errorf("myst: %d passed, below the floor of %d", passed, mystFloor)
	}
}
