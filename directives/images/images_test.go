package images

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// fakeHost parses nested content block by block: ".." is an empty
// comment, "- x" a bullet list, anything else a paragraph.
type fakeHost struct {
	directives.Host
	doc     *doctree.Document
	current *doctree.Element
}

func (h *fakeHost) Document() *doctree.Document   { return h.doc }
func (h *fakeHost) Reporter() *doctree.Reporter   { return h.doc.Reporter }
func (h *fakeHost) CurrentNode() *doctree.Element { return h.current }
func (h *fakeHost) ParseTarget(block []string, blockText string, lineno int) (string, string) {
	ref := strings.Join(block, " ")
	if strings.HasSuffix(ref, "_") {
		return "refname", strings.Trim(ref, "`_")
	}
	return "refuri", strings.Join(block, "")
}
func (h *fakeHost) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	for _, block := range strings.Split(content.Text(), "\n\n") {
		switch {
		case block == "..":
			node.Append(doctree.NewElement(doctree.TagComment))
		case strings.HasPrefix(block, "- "):
			node.Append(doctree.NewElement(doctree.TagBulletList))
		default:
			node.Append(doctree.NewTextElement(doctree.TagParagraph, block, block))
		}
	}
}

func run(t *testing.T, name string, args []string, opts map[string]any, host *fakeHost, content ...string) string {
	t.Helper()
	reg := directives.NewRegistry()
	Register(reg)
	d := reg.Directive(name)
	if host == nil {
		host = &fakeHost{}
	}
	host.doc = doctree.NewDocument("test data", nil)
	c := &directives.Call{Name: name, Arguments: args, Options: opts,
		Content: directives.NewContent(content, "test data", 2), Lineno: 1, ContentOffset: 2,
		BlockText: ".. " + name + "::", Host: host}
	nodes, err := d.Run(c)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(pseudoxml.Format(n, nil))
	}
	return b.String()
}

func TestImage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		opts map[string]any
		host *fakeHost
		want string
	}{
		{[]string{"one two\nthree.png"}, map[string]any{}, nil, "<image uri=\"onetwothree.png\">\n"},
		{[]string{`path\ with\ spaces.png`}, map[string]any{}, nil, "<image uri=\"path with spaces.png\">\n"},
		{[]string{"p.png"}, map[string]any{"height": "100", "width": "200", "scale": 50, "alt": ""}, nil,
			"<image alt=\"\" height=\"100\" scale=\"50\" uri=\"p.png\" width=\"200\">\n"},
		{[]string{"p.png"}, map[string]any{"target": "big.png", "name": "fig:pix", "class": []string{"c"}}, nil,
			"<reference refuri=\"big.png\">\n    <image classes=\"c\" ids=\"fig-pix\" names=\"fig:pix\" uri=\"p.png\">\n"},
		{[]string{"p.png"}, map[string]any{"target": "Indirect_"}, nil,
			"<reference name=\"Indirect\" refname=\"indirect\">\n    <image uri=\"p.png\">\n"},
		{[]string{"p.png"}, map[string]any{"align": "left"}, nil, "<image align=\"left\" uri=\"p.png\">\n"},
		{[]string{"p.png"}, map[string]any{"align": "top"}, nil,
			`error: Error in "image" directive: "top" is not a valid value for the "align" option.  Valid values for "align" are: "left", "center", "right".`},
		{[]string{"p.png"}, map[string]any{"align": "top"}, &fakeHost{current: doctree.NewElement(doctree.TagSubstitutionDefinition)},
			"<image align=\"top\" uri=\"p.png\">\n"},
		{[]string{"p.png"}, map[string]any{"align": "left"}, &fakeHost{current: doctree.NewElement(doctree.TagSubstitutionDefinition)},
			`error: Error in "image" directive: "left" is not a valid value for the "align" option within a substitution definition.  Valid values for "align" are: "top", "middle", "bottom".`},
	} {
		if got := run(t, "image", tc.args, tc.opts, tc.host); got != tc.want {
			t.Errorf("%v %v:\n--- got\n%s--- want\n%s", tc.args, tc.opts, got, tc.want)
		}
	}
}

func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		opts    map[string]any
		content []string
		want    string
	}{
		{map[string]any{}, nil, "<figure>\n    <image uri=\"p.png\">\n"},
		{map[string]any{"figwidth": "300px", "figclass": []string{"a", "b"}, "align": "center", "scale": 50},
			[]string{"Caption."},
			"<figure align=\"center\" classes=\"a b\" width=\"300px\">\n    <image scale=\"50\" uri=\"p.png\">\n    <caption>\n        Caption.\n"},
		{map[string]any{}, []string{"..", "", "Legend."},
			"<figure>\n    <image uri=\"p.png\">\n    <legend>\n        <paragraph>\n            Legend.\n"},
		{map[string]any{}, []string{"Cap.", "", "L1.", "", "L2."},
			"<figure>\n    <image uri=\"p.png\">\n    <caption>\n        Cap.\n    <legend>\n        <paragraph>\n            L1.\n        <paragraph>\n            L2.\n"},
		{map[string]any{}, []string{"- item"},
			"<figure>\n    <image uri=\"p.png\">\n<system_message level=\"3\" line=\"1\" source=\"test data\" type=\"ERROR\">\n    <paragraph>\n        Figure caption must be a paragraph or empty comment.\n    <literal_block xml:space=\"preserve\">\n        .. figure::\n"},
		{map[string]any{"figwidth": "image"}, nil, "<figure>\n    <image uri=\"p.png\">\n"},
	} {
		if got := run(t, "figure", []string{"p.png"}, tc.opts, nil, tc.content...); got != tc.want {
			t.Errorf("%v %v:\n--- got\n%s--- want\n%s", tc.opts, tc.content, got, tc.want)
		}
	}
}

func TestFigwidthImage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a b.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 37, 5))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	uri := strings.ReplaceAll(path, " ", "%20")
	got := run(t, "figure", []string{uri}, map[string]any{"figwidth": "image"}, nil)
	if want := "<figure width=\"37px\">\n"; !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want prefix %q", got, want)
	}
}

func TestHelpers(t *testing.T) {
	if got := escape2null(`a\\b\ c\`); got != "a\x00\\b\x00 c\x00" {
		t.Errorf("escape2null: %q", got)
	}
	if got := strings.Join(splitLines("a\nb\r\nc\rd\n"), "|"); got != "a|b|c|d" {
		t.Errorf("splitLines: %q", got)
	}
	if got := urlToPath("a%20b%zz%4"); got != "a b%zz%4" {
		t.Errorf("urlToPath: %q", got)
	}
}
