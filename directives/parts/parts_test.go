package parts

import (
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

type fakeHost struct {
	directives.Host
	doc         *doctree.Document
	reg         *directives.Registry
	lang        string
	matchTitles bool
}

func (h *fakeHost) Document() *doctree.Document       { return h.doc }
func (h *fakeHost) Registry() *directives.Registry    { return h.reg }
func (h *fakeHost) Language() string                  { return h.lang }
func (h *fakeHost) MatchTitles() bool                 { return h.matchTitles }
func (h *fakeHost) CurrentNode() *doctree.Element     { return h.doc.Root }
func (h *fakeHost) SourceAndLine(l int) (string, int) { return "test data", l }
func (h *fakeHost) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return []doctree.Node{doctree.NewText(text)}, nil
}
func (h *fakeHost) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	for _, block := range strings.Split(content.Text(), "\n\n") {
		node.Append(doctree.NewTextElement(doctree.TagParagraph, block, block))
	}
}

func newHost() *fakeHost {
	reg := directives.NewRegistry()
	Register(reg)
	reg.AddLanguage(&directives.Language{Code: "de", Labels: map[string]string{"contents": "Inhalt"}})
	return &fakeHost{doc: doctree.NewDocument("test data", nil), reg: reg, lang: "en", matchTitles: true}
}

func run(t *testing.T, h *fakeHost, name string, args []string, opts map[string]any, content ...string) string {
	t.Helper()
	c := &directives.Call{Name: name, Arguments: args, Options: opts,
		Content: directives.NewContent(content, "test data", 2), Lineno: 1, ContentOffset: 2,
		BlockText: ".. " + name + "::", Host: h}
	nodes, err := h.reg.Directive(name).Run(c)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(pseudoxml.Format(n, nil))
	}
	return b.String()
}

func TestContents(t *testing.T) {
	h := newHost()
	got := run(t, h, "contents", nil, map[string]any{})
	want := `<topic classes="contents" ids="contents" names="contents">
    <title>
        Contents
    <pending>
        .. internal attributes:
             .transform: docutils.transforms.parts.Contents
             .details:
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
	// A second table of contents: the name is taken, so the topic only
	// gets an id.
	got = run(t, h, "contents", nil, map[string]any{"local": nil, "depth": 2, "backlinks": nil, "class": []string{"x"}})
	want = `<topic classes="contents x local" ids="topic-1">
    <pending>
        .. internal attributes:
             .transform: docutils.transforms.parts.Contents
             .details:
               backlinks: None
               class: ['x']
               depth: 2
               local: None
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
	if len(h.doc.Pending) != 2 || h.doc.Pending[0].Priority != -1 {
		t.Errorf("pending notes: %v", h.doc.Pending)
	}
	h = newHost()
	h.lang = "de-AT"
	if got := run(t, h, "contents", nil, map[string]any{}); !strings.Contains(got, "Inhalt") {
		t.Errorf("localised title: %s", got)
	}
	h.matchTitles = false
	if got := run(t, h, "contents", nil, map[string]any{}); got != `error: The "contents" directive may not be used within topics or body elements.` {
		t.Errorf("got %s", got)
	}
}

func TestDecorations(t *testing.T) {
	h := newHost()
	run(t, h, "footer", nil, map[string]any{}, "f")
	run(t, h, "header", nil, map[string]any{}, "h1")
	run(t, h, "header", nil, map[string]any{}, "h2")
	got := pseudoxml.Format(h.doc.Root, nil)
	want := `<document source="test data">
    <decoration>
        <header>
            <paragraph>
                h1
            <paragraph>
                h2
        <footer>
            <paragraph>
                f
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
}

func TestSectnum(t *testing.T) {
	h := newHost()
	got := run(t, h, "sectnum", nil, map[string]any{"depth": 23, "prefix": "A Prefix"})
	want := `<pending>
    .. internal attributes:
         .transform: docutils.transforms.parts.SectNum
         .details:
           depth: 23
           prefix: 'A Prefix'
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
}

func TestLanguageTags(t *testing.T) {
	for tag, want := range map[string]string{
		"de-AT-1901": "de_at_1901 de_at de_1901 de",
		"x-foo-bar":  "x_foo_bar x_foo x_bar x",
		"en-x-a-b":   "en_x_a_b en_x_a en_b en",
		"en":         "en",
	} {
		if got := strings.Join(languageTags(tag), " "); got != want {
			t.Errorf("%s: got %s, want %s", tag, got, want)
		}
	}
}
