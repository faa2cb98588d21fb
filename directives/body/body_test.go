package body

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// fakeHost parses nested content as one paragraph per block and inline
// text as plain text; the methods it does not override panic.
type fakeHost struct {
	directives.Host
	doc         *doctree.Document
	matchTitles bool
	current     *doctree.Element
	inlineLines []int
}

func (h *fakeHost) Document() *doctree.Document   { return h.doc }
func (h *fakeHost) MatchTitles() bool             { return h.matchTitles }
func (h *fakeHost) CurrentNode() *doctree.Element { return h.current }
func (h *fakeHost) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	h.inlineLines = append(h.inlineLines, lineno)
	return []doctree.Node{doctree.NewText(text)}, nil
}
func (h *fakeHost) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	for _, block := range strings.Split(content.Text(), "\n\n") {
		node.Append(doctree.NewTextElement(doctree.TagParagraph, block, block))
	}
}
func (h *fakeHost) BlockQuote(content directives.Content, offset int) []doctree.Node {
	bq := doctree.NewElement(doctree.TagBlockQuote)
	h.NestedParse(content, offset, bq, false)
	return []doctree.Node{bq}
}

type call struct {
	name    string
	args    []string
	opts    map[string]any
	content []string
	host    *fakeHost
}

func (tc call) run(t *testing.T) string {
	t.Helper()
	reg := directives.NewRegistry()
	Register(reg)
	d := reg.Directive(tc.name)
	if d == nil {
		t.Fatalf("%s not registered", tc.name)
	}
	h := tc.host
	if h == nil {
		h = &fakeHost{matchTitles: true}
	}
	h.doc = doctree.NewDocument("test data", nil)
	if tc.opts == nil {
		tc.opts = map[string]any{}
	}
	c := &directives.Call{Name: tc.name, Arguments: tc.args, Options: tc.opts,
		Content: directives.NewContent(tc.content, "test data", 2), Lineno: 1, ContentOffset: 2,
		BlockText: ".. " + tc.name + "::", Host: h}
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

func check(t *testing.T, tc call, want string) {
	t.Helper()
	if got := tc.run(t); got != want {
		t.Errorf("%s %v:\n--- got\n%s--- want\n%s", tc.name, tc.args, got, want)
	}
}

func TestLineBlock(t *testing.T) {
	h := &fakeHost{}
	check(t, call{name: "line-block", host: h, opts: map[string]any{"class": []string{"linear"}},
		content: []string{"one", "  two", "", "    three", "four", "     five"}},
		`<line_block classes="linear">
    <line>
        one
    <line_block>
        <line>
            two
        <line>
        <line_block>
            <line>
                three
    <line>
        four
    <line_block>
        <line>
            five
`)
	// docutils' line numbers for inline messages: lineno + content_offset,
	// counting up.
	if got, want := fmt.Sprint(h.inlineLines), "[3 4 5 6 7 8]"; got != want {
		t.Errorf("inline line numbers %v, want %v", h.inlineLines, want)
	}
	check(t, call{name: "line-block"}, `error: Content block expected for the "line-block" directive; none found.`)
}

func TestCode(t *testing.T) {
	// The expected tokens are rst2pseudoxml's, with Pygments 2.14.
	check(t, call{name: "code", content: []string{"This is a code block."}},
		"<literal_block classes=\"code\" xml:space=\"preserve\">\n    This is a code block.\n")
	check(t, call{name: "code", args: []string{"python"}, opts: map[string]any{"class": []string{"x"}, "name": "my_function", "number-lines": "7"},
		content: []string{"def f():", "    '''Doc", "    '''", "", "    # c", "    print(8/2)"}},
		`<literal_block classes="code python x" ids="my-function" names="my_function" xml:space="preserve">
    <inline classes="ln">
         7 
    <inline classes="keyword">
        def
     
    <inline classes="name function">
        f
    <inline classes="punctuation">
        ():
    <inline classes="whitespace">
        
    <inline classes="ln">
         8 
    <inline classes="whitespace">
            
    <inline classes="literal string doc">
        '''Doc
    <inline classes="ln">
         9 
    <inline classes="literal string doc">
            '''
    <inline classes="whitespace">
        
    <inline classes="ln">
        10 
    <inline classes="whitespace">
        
    <inline classes="ln">
        11 
    <inline classes="whitespace">
        
    <inline classes="comment single">
        # c
    <inline classes="whitespace">
        
    <inline classes="ln">
        12 
    <inline classes="whitespace">
        
    <inline classes="name builtin">
        print
    <inline classes="punctuation">
        (
    <inline classes="literal number integer">
        8
    <inline classes="operator">
        /
    <inline classes="literal number integer">
        2
    <inline classes="punctuation">
        )
`)
	check(t, call{name: "code", opts: map[string]any{"number-lines": ""}, content: []string{"x"}},
		"<literal_block classes=\"code\" xml:space=\"preserve\">\n    <inline classes=\"ln\">\n        1 \n    x\n")
	check(t, call{name: "code", opts: map[string]any{"number-lines": "x"}, content: []string{"x"}},
		"error: :number-lines: with non-integer start value")
}

func TestMath(t *testing.T) {
	check(t, call{name: "math", opts: map[string]any{"class": []string{"new"}, "name": "eq:Euler"}, content: []string{"1+1=2", "", "E = mc^2", "", "", "x"}},
		`<math_block classes="new" ids="eq-euler" names="eq:euler" xml:space="preserve">
    1+1=2
<math_block classes="new" xml:space="preserve">
    E = mc^2
<math_block classes="new" xml:space="preserve">
    
    x
`)
}

func TestPseudoSections(t *testing.T) {
	check(t, call{name: "topic", args: []string{"Title"}, opts: map[string]any{"class": []string{"custom"}, "name": "my point"}, content: []string{"Body."}},
		`<topic classes="custom" ids="my-point" names="my\ point">
    <title>
        Title
    <paragraph>
        Body.
`)
	check(t, call{name: "topic", args: []string{"Title"}, host: &fakeHost{}, content: []string{"Body."}},
		`error: The "topic" directive may not be used within topics or body elements.`)
	check(t, call{name: "topic", args: []string{"Title"}, host: &fakeHost{current: doctree.NewElement(doctree.TagSidebar)}, content: []string{"Body."}},
		"<topic>\n    <title>\n        Title\n    <paragraph>\n        Body.\n")
	check(t, call{name: "sidebar", args: []string{"Nested"}, host: &fakeHost{current: doctree.NewElement(doctree.TagSidebar)}, content: []string{"Body."}},
		`error: The "sidebar" directive may not be used within a sidebar element.`)
	check(t, call{name: "sidebar", opts: map[string]any{"subtitle": "s"}, content: []string{"Body."}},
		`error: The "subtitle" option may not be used without a title.`)
	check(t, call{name: "sidebar", args: []string{"Margin"}, opts: map[string]any{"subtitle": "with options"}, content: []string{"Body."}},
		"<sidebar>\n    <title>\n        Margin\n    <subtitle>\n        with options\n    <paragraph>\n        Body.\n")
}

func TestSmallDirectives(t *testing.T) {
	check(t, call{name: "rubric", args: []string{"A Rubric"}, opts: map[string]any{"class": []string{"foo", "bar"}, "name": "Foo Rubric"}},
		"<rubric classes=\"foo bar\" ids=\"foo-rubric\" names=\"foo\\ rubric\">\n    A Rubric\n")
	check(t, call{name: "pull-quote", content: []string{"q"}},
		"<block_quote classes=\"pull-quote\">\n    <paragraph>\n        q\n")
	check(t, call{name: "container", args: []string{"a b"}, opts: map[string]any{"name": "c"}, content: []string{"x"}},
		"<container classes=\"a b\" ids=\"c\" names=\"c\">\n    <paragraph>\n        x\n")
	check(t, call{name: "container", args: []string{"a !!"}, content: []string{"x"}},
		`error: Invalid class attribute value for "container" directive: "a !!".`)
	check(t, call{name: "compound", opts: map[string]any{"class": []string{"x"}}, content: []string{"a", "", "b"}},
		"<compound classes=\"x\">\n    <paragraph>\n        a\n    <paragraph>\n        b\n")
	check(t, call{name: "parsed-literal", content: []string{"a *b*"}},
		"<literal_block xml:space=\"preserve\">\n    a *b*\n")
}

// A duplicate name puts a message into the line block before its lines;
// docutils fails on it, docbuild must not.
func TestLineBlockDuplicateName(t *testing.T) {
	reg := directives.NewRegistry()
	Register(reg)
	h := &fakeHost{doc: doctree.NewDocument("test data", nil)}
	other := doctree.NewElement(doctree.TagTarget)
	other.Names = []string{"x"}
	h.doc.NoteExplicitTarget(other, nil)
	c := &directives.Call{Name: "line-block", Options: map[string]any{"name": "x"},
		Content: directives.NewContent([]string{"a", "  b"}, "test data", 2), Lineno: 1, ContentOffset: 2, Host: h}
	nodes, err := reg.Directive("line-block").Run(c)
	if err != nil {
		t.Fatal(err)
	}
	got := pseudoxml.Format(nodes[0], nil)
	want := `<line_block dupnames="x" ids="x-1">
    <system_message backrefs="x-1" level="2" source="test data" type="WARNING">
        <paragraph>
            Duplicate explicit target name: "x".
    <line>
        a
    <line_block>
        <line>
            b
`
	if got != want {
		t.Errorf("got\n%s", got)
	}
}
