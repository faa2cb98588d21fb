package xml

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
)

var update = flag.Bool("update", false, "rewrite the golden files from docbuild's own output (for review; testdata/gen_golden.py makes the real ones with rst2xml)")

// variants are the rst2xml option sets of testdata/gen_golden.py, by golden
// file suffix.
var variants = []struct {
	suffix string
	opts   Options
}{
	{"", Options{}},
	{".newlines", Options{Newlines: true}},
	{".indents", Options{Indents: true}},
}

// render parses and transforms a reST file as rst2xml does and returns its
// XML with opts, and the messages the writer reported.
func render(t *testing.T, path string, opts Options) (string, []string) {
	t.Helper()
	return renderWith(t, path, opts, nil)
}

// renderWith is render with settings changed by set first.
func renderWith(t *testing.T, path string, opts Options, set func(*doctree.Settings)) (string, []string) {
	t.Helper()
	text, err := input.ReadFile(path, "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	settings := doctree.DefaultSettings()
	settings.Now = time.Unix(0, 0).UTC()
	if set != nil {
		set(settings)
	}
	doc := doctree.NewDocument(path, settings)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(*doctree.HaltError); !ok {
					panic(r)
				}
			}
		}()
		(&rst.Parser{Registry: reg}).Parse(doc, text)
	}()
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = Component
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	if err := tr.Apply(); err != nil {
		t.Fatalf("transforms: %v", err)
	}
	var msgs []string
	doc.Reporter.Stream = func(m *doctree.Element) { msgs = append(msgs, m.AsText()) }
	opts.Reporter = doc.Reporter
	return Format(doc.Root, &opts), msgs
}

var msgStart = regexp.MustCompile(`(?m)^\S+:\d*: \(`)

// writerMessages returns the messages of an rst2xml stderr golden that the
// writer itself reports (invalid raw XML), one string each.
func writerMessages(stderr string) []string {
	var out []string
	starts := msgStart.FindAllStringIndex(stderr, -1)
	for i, s := range starts {
		end := len(stderr)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		m := strings.TrimRight(stderr[s[0]:end], "\n")
		if strings.Contains(m, "Invalid raw XML") {
			out = append(out, m)
		}
	}
	return out
}

func TestFormatMatchesRst2xml(t *testing.T) {
	files, err := filepath.Glob("testdata/*.rst")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test documents: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(path, ".rst")
		for _, v := range variants {
			t.Run(filepath.Base(name)+v.suffix, func(t *testing.T) {
				got, msgs := render(t, path, v.opts)
				golden := name + v.suffix + ".xml"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("XML differs from rst2xml's %s:\n%s", golden, lineDiff(string(want), got))
				}
				if v.suffix != "" {
					return
				}
				stderr, err := os.ReadFile(name + ".stderr")
				if err != nil {
					t.Fatal(err)
				}
				wantMsgs := writerMessages(string(stderr))
				if strings.Join(msgs, "\n") != strings.Join(wantMsgs, "\n") {
					t.Errorf("writer messages differ:\n--- got\n%s\n--- want\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
				}
			})
		}
	}
}

// functionalDir is docutils' functional test folder in the shared test
// data beside the project.
const functionalDir = "../../../shared/conformance/docutils-0.19"

// TestFunctionalDocument renders docutils' whole-document functional test
// input (it includes most of reST) and compares it with rst2xml's output,
// kept in testdata/functional*.xml. It is skipped without the shared data.
func TestFunctionalDocument(t *testing.T) {
	if _, err := os.Stat(functionalDir); err != nil {
		t.Skip("no shared test data beside the project")
	}
	for _, v := range []struct {
		golden string
		opts   Options
	}{{"functional.xml", Options{}}, {"functional.indents.xml", Options{Indents: true}}} {
		t.Run(v.golden, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", v.golden))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(functionalDir)
			got, _ := renderWith(t, "functional/input/standalone_rst_pseudoxml.txt", v.opts, func(s *doctree.Settings) {
				s.ReportLevel = 1
				s.SectsubtitleXform = true
				s.SyntaxHighlight = "none"
			})
			if *update {
				if err := os.WriteFile(filepath.Join("testdata", v.golden), []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want) {
				t.Errorf("XML differs from rst2xml's:\n%s", lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the first differing line of two texts with some context.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			// Long one-line documents: show where the line differs.
			j := 0
			for j < len(w) && j < len(g) && w[j] == g[j] {
				j++
			}
			from := max(0, j-80)
			return "line " + itoa(i+1) + ", byte " + itoa(j) + ":\n--- want\n" + clip(w[from:]) + "\n--- got\n" + clip(g[from:])
		}
	}
	return "(no line differs)"
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestQuoteAttr(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a"b`, `'a"b'`},
		{`a"b'c`, `"a&quot;b'c"`},
		{"a'b", `"a'b"`},
		{"<&>\n\r\t", `"&lt;&amp;&gt;&#10;&#13;&#9;"`},
	} {
		if got := QuoteAttr(c.in); got != c.want {
			t.Errorf("QuoteAttr(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestStartTag(t *testing.T) {
	e := doctree.NewElement("target")
	e.Names = []string{`a b`, `c\d`}
	e.Set("refuri", `x"y`)
	e.Set("anonymous", 1)
	e.Set("flag", nil)
	e.Set("empty", []string{})
	want := `<target anonymous="1" empty="" flag="True" names="a\ b c\\d" refuri='x"y'>`
	if got := StartTag(e); got != want {
		t.Errorf("StartTag = %s, want %s", got, want)
	}
}

func TestCheckWellFormed(t *testing.T) {
	for _, c := range []struct {
		in        string
		ok        bool
		line, col int
	}{
		{`<a x="1">t</a>`, true, 0, 0},
		{"<a/>\n", true, 0, 0},
		{"<!-- c --><a/>", true, 0, 0},
		{"<broken>", false, 1, 8},
		{"<a/><b/>", false, 1, 4},
		{"text", false, 1, 0},
		{"<a>x", false, 1, 4},
		{"<a>&nbsp;</a>", false, 1, 3},
		{"  <a/>  junk", false, 1, 8},
		{"<a></b>", false, 1, 5},
		{"\n\n<a>\n  <b>\n</a>", false, 5, 2},
	} {
		line, col, err := CheckWellFormed(c.in)
		if (err == nil) != c.ok || !c.ok && (line != c.line || col != c.col) {
			t.Errorf("CheckWellFormed(%q) = %d, %d, %v; want ok=%v at %d, %d", c.in, line, col, err, c.ok, c.line, c.col)
		}
	}
}
