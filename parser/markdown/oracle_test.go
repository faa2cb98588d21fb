package markdown_test

import (
	"encoding/json"
	"fmt"
	"os"
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

// oracleFloor is the number of cases of testdata/oracle.json that must
// pass. It only ever rises.
const oracleFloor = 1325

type oracleCase struct {
	ID       string   `json:"id"`
	Input    string   `json:"input"`
	Args     []string `json:"args"`
	Expected string   `json:"expected"`
}

// publish parses input as myst-docutils-pseudoxml does with args (its
// --myst-* settings): the MyST parser, then docutils' standard transforms.
func publish(input string, args []string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	cfg := markdown.DefaultConfig()
	for _, a := range args {
		name, value, _ := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if err := cfg.SetOption(name, value); err != nil {
			return "", err
		}
	}
	settings := doctree.DefaultSettings()
	settings.Generator = false
	settings.SourceLink = false
	settings.Datestamp = ""
	doc := doctree.NewDocument("test.md", settings)
	reg := std.NewRegistry()
	(&markdown.Parser{Registry: reg, Config: cfg}).Parse(doc, input)
	if err := applyTransforms(doc, reg); err != nil {
		if _, ok := err.(*doctree.HaltError); !ok {
			return "", err
		}
	}
	return pseudoxml.Format(doc.Root, nil), nil
}

func applyTransforms(doc *doctree.Document, reg *directives.Registry) error {
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	return tr.Apply()
}

func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// TestOracle compares the parser with MyST-Parser on the CommonMark spec
// examples and MyST's fixture inputs (testdata/oracle.json, made by
// testdata/gen_oracle.py). DOCBUILD_CASE selects failing cases to show.
func TestOracle(t *testing.T) {
	data, err := os.ReadFile("testdata/oracle.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []oracleCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	var show *regexp.Regexp
	if pat := os.Getenv("DOCBUILD_CASE"); pat != "" {
		show = regexp.MustCompile(pat)
	}
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	passed := 0
	var failed []string
	for _, c := range cases {
		c.Expected = strings.ReplaceAll(c.Expected, "<cwd>", cwd)
		got, err := publish(c.Input, c.Args)
		if err == nil && trimLines(got) == trimLines(c.Expected) {
			passed++
			continue
		}
		failed = append(failed, c.ID)
		if show != nil && show.MatchString(c.ID) {
			t.Logf("FAIL %s %v\n--- input\n%s\n--- expected\n%s--- got\n%s%v", c.ID, c.Args, c.Input, c.Expected, got, err)
		}
	}
	if path := os.Getenv("DOCBUILD_FAILS"); path != "" {
		os.WriteFile(path, []byte(strings.Join(failed, "\n")+"\n"), 0o644)
	}
	fmt.Printf("myst oracle: %d passed, %d failed\n", passed, len(failed))
	if passed < oracleFloor {
		t.Errorf("myst oracle: %d passed, below the floor of %d", passed, oracleFloor)
	}
}
