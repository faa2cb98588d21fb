package roles

import (
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// fakeInliner is an InlineHost whose Problematic does what docutils'
// Inliner.problematic does.
type fakeInliner struct {
	doc    *doctree.Document
	parent *doctree.Element
}

func newFakeInliner(settings *doctree.Settings) *fakeInliner {
	doc := doctree.NewDocument("test data", settings)
	// Line 0 stands for the current line, which a role call has none of.
	doc.Reporter.SourceAndLine = func(line int) (string, int, bool) { return "test data", line, line != 0 }
	p := doctree.NewElement(doctree.TagParagraph)
	doc.Root.Append(p)
	return &fakeInliner{doc: doc, parent: p}
}

func (f *fakeInliner) Document() *doctree.Document { return f.doc }
func (f *fakeInliner) Reporter() *doctree.Reporter { return f.doc.Reporter }
func (f *fakeInliner) Parent() *doctree.Element    { return f.parent }

func (f *fakeInliner) Problematic(text, rawsource string, message *doctree.Element) *doctree.Element {
	msgid := f.doc.SetID(message, f.parent, "")
	prb := doctree.NewTextElement(doctree.TagProblematic, rawsource, text)
	prb.Set("refid", msgid)
	prbid := f.doc.SetID(prb, nil, "")
	message.AddBackRef(prbid)
	return prb
}

func newRegistry() *directives.Registry {
	reg := directives.NewRegistry()
	Register(reg)
	return reg
}

// call runs role (a registered canonical name or, with custom, a role)
// and returns the pseudo-XML of its nodes and messages.
func call(t *testing.T, in *fakeInliner, name string, role *directives.Role, text string) string {
	t.Helper()
	raw := ":" + name + ":`" + doctree.Unescape(text, true) + "`"
	nodes, msgs := role.Fn(&directives.RoleCall{
		Name: name, RawText: raw, Text: text, Lineno: 3,
		Options: role.Options, Content: role.Content, Inliner: in,
	})
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(pseudoxml.Format(n, nil))
	}
	for _, m := range msgs {
		b.WriteString(pseudoxml.Format(m, nil))
	}
	return b.String()
}

func TestStandardRoles(t *testing.T) {
	tests := []struct {
		role, text string
		settings   func(*doctree.Settings)
		want       string
	}{
		{"emphasis", "text", nil, "<emphasis>\n    text\n"},
		{"strong", "a\x00*b", nil, "<strong>\n    a*b\n"},
		{"literal", "x", nil, "<literal>\n    x\n"},
		{"abbreviation", "abbr", nil, "<abbreviation>\n    abbr\n"},
		{"acronym", "ac", nil, "<acronym>\n    ac\n"},
		{"subscript", "a\x00 b", nil, "<subscript>\n    ab\n"},
		{"superscript", "2", nil, "<superscript>\n    2\n"},
		{"title-reference", "", nil, "<title_reference>\n"},
		{"pep-reference", "8", nil,
			"<reference refuri=\"https://peps.python.org/pep-0008\">\n    PEP 8\n"},
		{"pep-reference", " 0_8 ", func(s *doctree.Settings) {
			s.PEPBaseURL, s.PEPFileURL = "http://x/", "pep-%d.html"
		}, "<reference refuri=\"http://x/pep-8.html\">\n    PEP  0_8 \n"},
		{"pep-reference", "10000", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :pep-reference:`10000`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n" +
				"    <paragraph>\n        PEP number must be a number from 0 to 9999; \"10000\" is invalid.\n"},
		{"pep-reference", "-1", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :pep-reference:`-1`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n" +
				"    <paragraph>\n        PEP number must be a number from 0 to 9999; \"-1\" is invalid.\n"},
		{"rfc-reference", "2822", nil,
			"<reference refuri=\"https://tools.ietf.org/html/rfc2822.html\">\n    RFC 2822\n"},
		{"rfc-reference", "0012#sec", nil,
			"<reference refuri=\"https://tools.ietf.org/html/rfc12.html#sec\">\n    RFC 12\n"},
		{"rfc-reference", "0", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :rfc-reference:`0`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n" +
				"    <paragraph>\n        RFC number must be a number greater than or equal to 1; \"0\" is invalid.\n"},
		{"math", "a\x00\\b\x00*", nil, "<math>\n    a\\\\b\\*\n"},
		{"code", "x\x00*y", nil, "<literal classes=\"code\">\n    x\\*y\n"},
		{"code", "", nil, "<literal classes=\"code\">\n"},
		{"raw", "<b>", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :raw:`<b>`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n" +
				"    <paragraph>\n        No format (Writer name) is associated with this role: \"raw\".\n" +
				"        The \"raw\" role cannot be used directly.\n" +
				"        Instead, use the \"role\" directive to create a new role with an associated format.\n"},
		{"index", "i", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :index:`i`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n" +
				"    <paragraph>\n        Interpreted text role \"index\" not implemented.\n"},
	}
	reg := newRegistry()
	for _, tt := range tests {
		s := doctree.DefaultSettings()
		if tt.settings != nil {
			tt.settings(s)
		}
		in := newFakeInliner(s)
		role := reg.Role(tt.role)
		if role == nil {
			t.Fatalf("role %q not registered", tt.role)
		}
		if got := call(t, in, tt.role, role, tt.text); got != tt.want {
			t.Errorf("%s %q:\ngot:\n%s\nwant:\n%s", tt.role, tt.text, got, tt.want)
		}
	}
}

func TestCustomRoles(t *testing.T) {
	reg := newRegistry()
	classes := func(c ...string) []string { return c }
	py := Custom("py", reg.Role("code"), map[string]any{"language": "python", "class": classes("py")}, nil)
	bad := Custom("bad", reg.Role("code"), map[string]any{"language": "nolang", "class": classes("bad")}, nil)
	none := Custom("none", reg.Role("code"), map[string]any{"language": "nolang", "class": classes("none")}, nil)
	html := Custom("html", reg.Role("raw"), map[string]any{"format": "html", "class": classes("html")}, nil)
	big := Custom("big", reg.Role("emphasis"), map[string]any{"class": classes("a", "b")}, nil)
	bigger := Custom("bigger", big, map[string]any{"class": classes("bigger")}, nil)
	plain := Custom("custom", nil, map[string]any{"class": classes("custom")}, nil)
	tex := Custom("tex", reg.Role("code"), map[string]any{"language": "latex", "class": classes("tex")}, nil)
	texLang := Custom("texlang", tex, map[string]any{"class": classes("latex")}, nil)

	tests := []struct {
		name     string
		role     *directives.Role
		text     string
		settings func(*doctree.Settings)
		want     string
	}{
		{"py", py, "x", nil, "<literal classes=\"code py python\">\n    <inline classes=\"name\">\n        x\n"},
		{"bad", bad, "y", nil,
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :bad:`y`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"2\" source=\"test data\" type=\"WARNING\">\n" +
				"    <paragraph>\n        Cannot analyze code. No Pygments lexer found for \"nolang\".\n"},
		{"none", none, "y", func(s *doctree.Settings) { s.SyntaxHighlight = "none" },
			"<literal classes=\"code none nolang\">\n    y\n"},
		{"html", html, "<b>", nil, "<raw classes=\"html\" format=\"html\" xml:space=\"preserve\">\n    <b>\n"},
		{"html", html, "<b>", func(s *doctree.Settings) { s.RawEnabled = false },
			"<problematic ids=\"problematic-1\" refid=\"system-message-1\">\n    :html:`<b>`\n" +
				"<system_message backrefs=\"problematic-1\" ids=\"system-message-1\" level=\"2\" source=\"test data\" type=\"WARNING\">\n" +
				"    <paragraph>\n        raw (and derived) roles disabled\n"},
		{"big", big, "e", nil, "<emphasis classes=\"a b\">\n    e\n"},
		{"bigger", bigger, "f", nil, "<emphasis classes=\"bigger\">\n    f\n"},
		{"custom", plain, "interpreted", nil, "<inline classes=\"custom\">\n    interpreted\n"},
		{"custom", plain, "\x00 ", nil, "<inline classes=\"custom\">\n"},
		{"texlang", texLang, "$x$", nil, "<literal classes=\"code latex\">\n" +
			"    <inline classes=\"literal string\">\n        $\n" +
			"    <inline classes=\"name builtin\">\n        x\n" +
			"    <inline classes=\"literal string\">\n        $\n"},
	}
	for _, tt := range tests {
		s := doctree.DefaultSettings()
		if tt.settings != nil {
			tt.settings(s)
		}
		in := newFakeInliner(s)
		if got := call(t, in, tt.name, tt.role, tt.text); got != tt.want {
			t.Errorf("%s %q:\ngot:\n%s\nwant:\n%s", tt.name, tt.text, got, tt.want)
		}
	}
	if _, ok := html.OptionSpec["format"]; !ok {
		t.Error("custom raw role lacks the format option")
	}
	if _, ok := bigger.OptionSpec["class"]; !ok {
		t.Error("custom role lacks the class option")
	}
}

// A custom role's content is passed to its base once, with that of the
// roles based on it after a "\n" line, as docutils' CustomRole.
func TestCustomRoleContent(t *testing.T) {
	var seen []string
	base := &directives.Role{Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
		seen = c.Content
		return nil, nil
	}}
	a := Custom("a", base, nil, []string{"x"})
	b := Custom("b", a, nil, []string{"y"})
	in := newFakeInliner(nil)
	call(t, in, "b", b, "t")
	if strings.Join(seen, "|") != "x|\n|y" {
		t.Errorf("content %q", seen)
	}
	// Called without the bound content, as docutils' inliner does.
	b.Fn(&directives.RoleCall{Name: "b", Text: "t", Inliner: in})
	if strings.Join(seen, "|") != "x|\n|y" {
		t.Errorf("content %q", seen)
	}
}

func TestRegisterDefaultRole(t *testing.T) {
	reg := directives.NewRegistry()
	reg.DefaultRole = ""
	Register(reg)
	if reg.DefaultRole != "title-reference" {
		t.Errorf("default role %q", reg.DefaultRole)
	}
	for _, name := range []string{"sub", "sup", "t", "title", "pep", "rfc"} {
		if reg.Role(name) != nil {
			t.Errorf("alias %q registered; aliases belong to the language tables", name)
		}
	}
}

func TestPyFormatInt(t *testing.T) {
	tests := []struct {
		tmpl string
		n    int
		want string
	}{
		{"pep-%04d", 8, "pep-0008"},
		{"pep-%d.html", 8, "pep-8.html"},
		{"%s/x", 12, "12/x"},
		{"%x%%", 255, "ff%"},
		{"rfc%d.html", 2822, "rfc2822.html"},
		{"no-conv", 1, "no-conv"},
		{"%", 1, "%"},
	}
	for _, tt := range tests {
		if got := PyFormatInt(tt.tmpl, tt.n); got != tt.want {
			t.Errorf("PyFormatInt(%q, %d) = %q, want %q", tt.tmpl, tt.n, got, tt.want)
		}
	}
}

func FuzzRoles(f *testing.F) {
	for _, s := range []string{"8", "2822#x", "\x00 ", "a\x00", "-0", "1_2", "#", "٣"} {
		f.Add(s)
	}
	reg := newRegistry()
	names := []string{"pep-reference", "rfc-reference", "raw", "code", "math", "emphasis", "index"}
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range names {
			in := newFakeInliner(nil)
			call(t, in, name, reg.Role(name), text)
		}
	})
}
