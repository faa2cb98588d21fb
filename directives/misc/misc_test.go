package misc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/hosttest"
	"github.com/docbuild/docbuild/directives/roles"
	"github.com/docbuild/docbuild/doctree"
)

func newHost() *hosttest.Host {
	reg := directives.NewRegistry()
	roles.Register(reg)
	Register(reg)
	return hosttest.New(reg)
}

func run(h *hosttest.Host, name string, args []string, opts map[string]string, content ...string) string {
	return hosttest.Format(h.Run(name, args, opts, content))
}

func contains(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIncludeInsertsLines(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "inc.txt", "one\n\ttab\ntwo  \nthree\n")
	h := newHost()
	if got := run(h, "include", []string{f}, map[string]string{"start-line": "1", "end-line": "-1"}); got != "" {
		t.Fatalf("unexpected output %s", got)
	}
	want := []string{"        tab", "two", "", `.. end of inclusion from "` + f + `"`}
	if len(h.Inserted) != 1 || strings.Join(h.Inserted[0], "|") != strings.Join(want, "|") || h.InsertedSource[0] != f {
		t.Errorf("inserted %q from %q", h.Inserted, h.InsertedSource)
	}
	log := h.Doc.IncludeLog
	if len(log) != 2 || log[0].Path != "test data" || log[0].Key != "(None, None, None, None)" ||
		log[1].Path != f || log[1].Key != "(1, -1, None, None)" {
		t.Errorf("include log %+v", log)
	}
	// The same file with the same clipping is a loop while it is logged.
	got := run(h, "include", []string{f}, map[string]string{"start-line": "1", "end-line": "-1"})
	contains(t, got, "error WARNING: circular inclusion in \"include\" directive:\n"+f+"\n> "+f+"\n> test data")
	// Other clipping options are another inclusion.
	if got := run(h, "include", []string{f}, map[string]string{"start-after": "one"}); got != "" {
		t.Errorf("clipped inclusion: %s", got)
	}
	if got := strings.Join(h.Inserted[1], "|"); !strings.HasPrefix(got, "|        tab|two|three|") {
		t.Errorf("start-after: %q", got)
	}
}

func TestIncludeErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.txt", "ok\n\xff\n")
	long := writeFile(t, dir, "long.txt", strings.Repeat("x", 10001))
	text := writeFile(t, dir, "text.txt", "some text\n")
	h := newHost()
	contains(t, run(h, "include", []string{filepath.Join(dir, "none.txt")}, nil),
		"error SEVERE: Problems with \"include\" directive path:\nInputError: [Errno 2] No such file or directory: '"+filepath.Join(dir, "none.txt")+"'.")
	contains(t, run(h, "include", []string{dir}, nil), "InputError: [Errno 21] Is a directory:")
	contains(t, run(h, "include", []string{bad}, nil),
		"error SEVERE: Problem with \"include\" directive:\nUnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte")
	contains(t, run(h, "include", []string{long}, nil), "error WARNING: \""+long+"\": line 1 exceeds the line-length-limit.")
	contains(t, run(h, "include", []string{text}, map[string]string{"start-after": "nothing"}),
		"error SEVERE: Problem with \"start-after\" option of \"include\" directive:\nText not found.")
	contains(t, run(h, "include", []string{text}, map[string]string{"end-before": "nothing"}),
		"Problem with \"end-before\" option of \"include\" directive:\nText not found.")
	contains(t, run(h, "include", []string{text}, map[string]string{"parser": "markdown"}),
		"Parser \"markdown\" not found. Parsing \"CommonMark\" requires one of the packages\n")
	h.Doc.Settings.FileInsertionEnabled = false
	contains(t, run(h, "include", []string{text}, nil), "error WARNING: \"include\" directive disabled.")
}

func TestIncludeLiteral(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "lit.txt", "a\tb\nc\n")
	h := newHost()
	got := run(h, "include", []string{f}, map[string]string{"literal": "", "number-lines": "9", "tab-width": "4", "class": "x", "name": "Lit"})
	want := `<literal_block classes="x" ids="lit" names="lit" source="` + f + `" xml:space="preserve">
    <inline classes="ln">
         9 
    a   b
    <inline classes="ln">
        10 
    c
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = run(h, "include", []string{f}, map[string]string{"literal": "", "tab-width": "-1"})
	contains(t, got, "    a\tb\n    c\n")
}

func TestIncludeStandard(t *testing.T) {
	h := newHost()
	if got := run(h, "include", []string{"<isonum.txt>"}, nil); got != "" {
		t.Fatalf("got %s", got)
	}
	src := h.InsertedSource[0]
	if !strings.HasSuffix(src, "docutils/parsers/rst/include/isonum.txt") {
		t.Errorf("source %q", src)
	}
	found := false
	for _, l := range h.Inserted[0] {
		if strings.HasPrefix(l, ".. |copy|") {
			found = true
		}
	}
	if !found {
		t.Errorf("isonum.txt not included: %q", h.Inserted[0][:5])
	}
	contains(t, run(h, "include", []string{"<nonexistent>"}, nil),
		"No such file or directory: '../docutils/parsers/rst/include/nonexistent'.")
}

func TestRaw(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "raw.html", "<p>x</p>\r\n")
	h := newHost()
	want := `<raw format="html latex" xml:space="preserve">
    <b>
`
	if got := run(h, "raw", []string{"HTML  LaTeX"}, nil, "<b>"); got != want {
		t.Errorf("got\n%s", got)
	}
	got := run(h, "raw", []string{"html"}, map[string]string{"file": f, "class": "c"})
	if got != `<raw classes="c" format="html" source="`+f+`" xml:space="preserve">
    <p>x</p>
` {
		t.Errorf("file: got\n%s", got)
	}
	contains(t, run(h, "raw", []string{"html"}, nil), `error ERROR: Content block expected for the "raw" directive; none found.`)
	contains(t, run(h, "raw", []string{"html"}, map[string]string{"url": "x.html"}),
		"error SEVERE: Problems with \"raw\" directive URL \"x.html\":\nValueError: unknown url type: 'x.html'.")
	h.Doc.Settings.RawEnabled = false
	contains(t, run(h, "raw", []string{"html"}, nil, "x"), `error WARNING: "raw" directive disabled.`)
}

func TestSubstitutionDirectives(t *testing.T) {
	h := newHost()
	for _, name := range []string{"replace", "unicode", "date"} {
		contains(t, run(h, name, []string{"x"}, nil, "y"),
			`error ERROR: Invalid context: the "`+name+`" directive can only be used within a substitution definition.`)
	}
	def := doctree.NewElement(doctree.TagSubstitutionDefinition)
	h.Node = def
	got := run(h, "unicode", []string{"0x41 U+00e9 &#x42; word .. comment"}, map[string]string{"trim": ""})
	if got != "A\né\nB\nword\n" || def.GetInt("ltrim") != 1 || def.GetInt("rtrim") != 1 {
		t.Errorf("unicode: %q %v", got, def.Attrs)
	}
	contains(t, run(h, "unicode", []string{"0x11111111"}, nil),
		"error ERROR: Invalid character code: 0x11111111\nValueError: chr() arg not in range(0x110000)")
	if got := run(h, "replace", nil, nil, "some text"); got != "some text\n" {
		t.Errorf("replace: %q", got)
	}
	contains(t, run(h, "replace", nil, nil, "one", "", "two"), `Error in "replace" directive: may contain a single paragraph only.`)
	if got := run(h, "date", nil, nil); got != time.Now().Format("2006-01-02")+"\n" {
		t.Errorf("date: %q", got)
	}
}

func TestStrftime(t *testing.T) {
	tm := time.Date(2026, 11, 3, 7, 5, 9, 0, time.UTC)
	cases := map[string]string{
		"%Y-%m-%d":        "2026-11-03",
		"%a, %d %b %Y":    "Tue, 03 Nov 2026",
		"%A %B %e %j":     "Tuesday November  3 307",
		"%I:%M %p %H%%":   "07:05 AM 07%",
		"%-d %_m %^a %#p": "3 11 TUE am",
		"%U %W %V %u %w":  "44 44 45 2 2",
		"%c|%x|%X":        "Tue Nov  3 07:05:09 2026|11/03/26|07:05:09",
		"%Q täglich %":    "%Q täglich %",
		"%10Y|%z|%Z":      "0000002026|+0000|UTC",
	}
	for f, want := range cases {
		if got := Strftime(f, tm); got != want {
			t.Errorf("Strftime(%q) = %q, want %q", f, got, want)
		}
	}
}

func TestClassTitleTest(t *testing.T) {
	h := newHost()
	got := run(h, "class", []string{"a  B"}, nil)
	if !strings.HasPrefix(got, "<pending>\n") || len(h.Doc.Pending) != 1 {
		t.Errorf("class: %s", got)
	}
	p := h.Doc.Pending[0].Node.Pending
	if p.Transform != ClassAttributeTransform || doctree.PyRepr(p.Details) != "{'class': ['a', 'b'], 'directive': 'class'}" {
		t.Errorf("pending %+v", p)
	}
	got = run(h, "class", []string{"c"}, nil, "para")
	if got != "<paragraph classes=\"c\">\n    para\n" {
		t.Errorf("class with content: %q", got)
	}
	contains(t, run(h, "class", []string{"!!"}, nil), `Invalid class attribute value for "class" directive: "!!".`)

	run(h, "title", []string{"The Title"}, nil)
	if h.Doc.Root.GetString("title") != "The Title" {
		t.Errorf("title attribute %v", h.Doc.Root.Attrs)
	}
	got = run(h, "restructuredtext-test-directive", []string{"arg"}, map[string]string{"option": "v"}, "text")
	contains(t, got, `Directive processed. Type="restructuredtext-test-directive", arguments=['arg'], options={'option': 'v'}, content:`,
		"<literal_block xml:space=\"preserve\">\n        text")
}

func TestRoleDirectives(t *testing.T) {
	h := newHost()
	h.ContentOnFirstLine = true
	if got := run(h, "role", nil, nil, "custom(emphasis)", ":class: special"); got != "" {
		t.Fatalf("role: %s", got)
	}
	r := h.Roles["custom"]
	if r == nil {
		t.Fatal("role not defined")
	}
	nodes, _ := r.Fn(&directives.RoleCall{Name: "custom", RawText: ":custom:`x`", Text: "x", Options: r.Options, Content: r.Content})
	if got := hosttest.Format(nodes, nil); got != "<emphasis classes=\"special\">\n    x\n" {
		t.Errorf("custom role output %q", got)
	}
	run(h, "role", nil, nil, "plain")
	nodes, _ = h.Roles["plain"].Fn(&directives.RoleCall{Name: "plain", Text: "y", Options: h.Roles["plain"].Options})
	if got := hosttest.Format(nodes, nil); got != "<inline classes=\"plain\">\n    y\n" {
		t.Errorf("generic custom role output %q", got)
	}
	contains(t, run(h, "role", nil, nil, "(error)"), `"role" directive arguments not valid role names: "(error)".`)
	contains(t, run(h, "role", nil, nil, "1"), `Invalid argument for "role" directive:`, `cannot make "1" into a class name.`)
	contains(t, run(h, "role", nil, nil, "x(unknown)"), `Unknown interpreted text role "unknown".`)
	contains(t, run(h, "role", nil, nil), `"role" directive requires arguments on the first line.`)

	run(h, "default-role", []string{"emphasis"}, nil)
	if h.DefaultRoleName != "emphasis" || h.DefaultRole == nil {
		t.Errorf("default role %q", h.DefaultRoleName)
	}
	run(h, "default-role", nil, nil)
	if h.DefaultRoleName != "" || h.DefaultRole != nil {
		t.Errorf("default role not restored")
	}
	contains(t, run(h, "default-role", []string{"nope"}, nil), `Unknown interpreted text role "nope".`)
}
