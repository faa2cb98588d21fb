package markdown_test

import (
	"os"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// fakeEnv is the part of a Sphinx build environment the parser uses.
type fakeEnv struct{ settings map[string]any }

func (e *fakeEnv) DocName() string                 { return "index" }
func (e *fakeEnv) SrcDir() string                  { return "" }
func (e *fakeEnv) Setting(name string) (any, bool) { v, ok := e.settings[name]; return v, ok }
func (e *fakeEnv) Temp() map[string]any            { return map[string]any{} }

type fixture struct{ title, input, expected string }

// readFixtures reads a markdown-it fixture file.
func readFixtures(t *testing.T, path string) []fixture {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []fixture
	for i := 0; i+1 < len(lines); i++ {
		if lines[i+1] != "." || lines[i] == "." {
			continue
		}
		j := i + 2
		for j < len(lines) && lines[j] != "." {
			j++
		}
		k := j + 1
		for k < len(lines) && lines[k] != "." {
			k++
		}
		if k > len(lines) {
			break
		}
		out = append(out, fixture{lines[i], strings.Join(lines[i+2:j], "\n") + "\n", strings.Join(lines[j+1:min(k, len(lines))], "\n") + "\n"})
		i = k
	}
	return out
}

// TestSphinxSyntax runs MyST's Sphinx-level syntax fixtures whose
// expected trees need nothing of Sphinx but the environment: the links
// and code blocks that the Sphinx renderer makes differently.
func TestSphinxSyntax(t *testing.T) {
	cases := readFixtures(t, "../../../shared/conformance/myst-0.18.1/sphinx_syntax_elements.md")
	want := map[string]bool{"Referencing:": true, "Block Code:": true, "Fenced Code:": true, "Fenced Code no language:": true}
	seen := 0
	for _, c := range cases {
		if !want[c.title] {
			continue
		}
		seen++
		settings := doctree.DefaultSettings()
		doc := doctree.NewDocument("<src>/index.md", settings)
		doc.Env = &fakeEnv{settings: map[string]any{"highlight_language": "default", "source_suffix": []string{".md"}}}
		(&markdown.Parser{Registry: std.NewRegistry(), Config: markdown.DefaultConfig()}).Parse(doc, c.input)
		got := pseudoxml.Format(doc.Root, nil)
		if trimLines(got) != trimLines(c.expected) {
			t.Errorf("%s\n--- expected\n%s--- got\n%s", c.title, c.expected, got)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d fixtures", seen, len(want))
	}
}

// anchorEnv is a fakeEnv that keeps its scratch state.
type anchorEnv struct {
	fakeEnv
	temp map[string]any
}

func (e *anchorEnv) Temp() map[string]any { return e.temp }

// TestHeadingAnchorLabels checks what the parser records of the headings
// it gives slugs in a Sphinx build: MyST's labels "path#slug", with the
// section's id and the title's text as parsing left them.
func TestHeadingAnchorLabels(t *testing.T) {
	input := "# Title\n\n## Don't *panic* ![alt](x.png)\n\n### Deep\n\n## Don't *panic*\n"
	cfg := markdown.DefaultConfig()
	cfg.HeadingAnchors = 2
	settings := doctree.DefaultSettings()
	settings.AutoIDPrefix = "id"
	doc := doctree.NewDocument("/src/index.md", settings)
	e := &anchorEnv{fakeEnv{settings: map[string]any{}}, map[string]any{}}
	doc.Env = e
	(&markdown.Parser{Registry: std.NewRegistry(), Config: cfg}).Parse(doc, input)
	got, _ := e.temp[markdown.AnchorsTempKey].([]markdown.HeadingAnchor)
	// as Sphinx with MyST-Parser records them
	want := []markdown.HeadingAnchor{
		{Name: "index.md#title", ID: "title", Title: "Title", Line: 1},
		{Name: "index.md#dont-panic", ID: "don-t-panic-alt", Title: "Don't panic ", Line: 3},
		{Name: "index.md#dont-panic-1", ID: "don-t-panic", Title: "Don't panic", Line: 7},
	}
	if len(got) != len(want) {
		t.Fatalf("recorded %d anchors, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("anchor %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
