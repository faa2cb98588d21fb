package rst_test

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fragments are the building blocks of the generated documents: one or
// more lines of reStructuredText that exercise the block parser's edge
// cases.
var fragments = []string{
	"A paragraph of text.", "Two lines\nof text.", "Ends with a colon::", "::", "Text ::", "Escaped \\::",
	"- item", "* item", "+ item", "-", "\u2022 bullet", "- item\n  more", "- a\n- b\n\n- c",
	"1. one", "2. two", "a) alpha", "(i) roman", "#. auto", "A. upper", "iv. four", "(3) three", "1.x", "ii. two\niii. three",
	"I. one\nII. two", "z. last\n\n{. odd", "3) x\n4) y",
	":name: body", ":a b: c d", ":x:", ":not a field", ":f: one\n   two", ":f\\: g: escaped", ":*emph*: x",
	"-a  desc", "--long=arg  desc", "-f FILE, --file=FILE  description", "/V  x", "-a", "--opt <a b>  desc", "-a\n    desc",
	">>> print(1)\n1", "| line", "|   indented line", "|", "| a\n| b\n  continued\n|  c",
	"+---+---+\n| a | b |\n+===+===+\n| c | d |\n+---+---+",
	"+---+\n| x |\n+---+", "+-----+\n| bad\n+-----+", "+--+--+\n|  |  |\n+--+--+\n|     |\n+-----+",
	"=== ===\na   b\n=== ===\nc   d\n=== ===", "=====  =====\nx      y\n=====  =====", "== ==\na  b\n==",
	".. [1] footnote", ".. [#] auto", ".. [#label] labelled", ".. [*] symbol", ".. [CIT2002] citation",
	".. _target: http://example.org", ".. _`phrase target`: uri", ".. __: anonymous", "__ anon-uri",
	".. _indirect: other_", ".. _a\\: b: x", ".. _email: me@example.org", ".. _split: http://exa\n   mple.org",
	".. |sub| replace:: text", ".. |img| image:: x.png", ".. |bad|", ".. |x| unknown:: y", ".. | x | replace:: y",
	".. note:: text", ".. note::\n\n   Body.", ".. unknown:: x", ".. comment", "..", "..\n   indented comment",
	".. image:: a.png\n   :width: 10\n   :bad: x", ".. topic:: T\n\n   body", ".. line-block::\n\n   a\n     b",
	".. container:: x\n\n   - y", ".. admonition:: T\n   :class: c\n\n   z", ".. meta::\n   :k: v",
	"Title\n=====", "Title\n===", "=====\nTitle\n=====", "-----\n Title\n-----", "Title\n-----", "Sub\n~~~",
	"=====\nTitle\n-----", "===\nTi\n===", "Title\n=====\nextra", "----------", "-----", "---", "- - -", "::\n\n  lit",
	"> quoted\n> lines", "-- Someone", "\u2014 Someone\n  else", "Text\twith\ttabs", "\tindented by tab",
	"term\n  definition", "term : classifier\n  def", "term::\n  def", "*emph* and **strong** and ``lit``",
	"`ref`_ and ref_ and [1]_ and |sub|", "http://example.org", "タイトル\n====", "\u3000ideographic",
	"Sec A\n-----", "Sec B\n*****", "*****\nSec C\n*****", "#####\n Sec D\n#####", "Sec E\n^^^^^", "Sec F\n'''''",
	"Sec G\n=====", "Sec H\n=====", "=====\nSec I\n", "=====\nSec J", "=====\n=====", "--------\n\n--------",
	".. include:: test_parsers/test_rst/includes/include14.txt", ".. include:: nonexistent.txt",
	".. |a| replace:: multi\n   line", ".. |b| image:: x.png\n   :alt: y", ".. |c| replace::", ".. |d|\n   replace:: z",
	".. image:: x.png\n   :width: 10\n\n   content", ".. note:: a\n   :class: b", ".. topic::", ".. sidebar:: s\n   :subtitle: t\n\n   b",
	"+----+----+\n| a  | b  |\n+----+    |\n| c  |    |\n+----+----+", "+------+\n| ab   |\n| 漢字 |\n+------+",
	"=====  =====\ncol 1  col 2\n=====  =====\n1      a\n       b\n2      c\n=====  =====", "=  =\na  b\n-  -\nc  d\n=  =",
	"::\n\n> quoted\n>   more\n  bad", "::\n\n\n", "Para::\n\n    code\n\n  less", "Para:\n\n::\n\n    lit",
	"1. a\n#. b\n#. c", "#. a\n#. b", "(a) x\n(b) y\n(d) z", "i) x\nii) y\nv) z", "5. five\n6. six", "9. x\n10. y",
	"- a\n+ b\n* c", "- a\n\n  - b\n\n    - c", "* a\n*\n* c", "|  a\n|    b\n| c\n|      d",
	"-- attribution\n   cont", "   quote\n\n   -- attr\n\n   more quote", ".. [#] a\n.. [#] b\n.. [*] c\n.. [*] d",
	".. _a:\n.. _b:\n\npara", "__ http://a\n__ http://b", ".. _x: `y`_", ".. _y: y_\n   continued_", ".. _z:\n   http://long\n   /uri",
}

// genDoc builds a random document from fragments at random indentation,
// sometimes nesting generated blocks inside list items and quotes.
func genDoc(r *rand.Rand) string { return genBlock(r, 0) }

func genBlock(r *rand.Rand, depth int) string {
	var lines []string
	n := 1 + r.Intn(8)
	for i := 0; i < n; i++ {
		frag := fragments[r.Intn(len(fragments))]
		if depth < 3 && r.Intn(5) == 0 {
			inner := strings.TrimRight(genBlock(r, depth+1), "\n")
			prefix := []string{"- ", "1. ", ":f: ", ".. note:: ", "term\n", "| ", ".. [1] ", "  "}[r.Intn(8)]
			pad := strings.Repeat(" ", 3)
			var b strings.Builder
			b.WriteString(prefix)
			for j, l := range strings.Split(inner, "\n") {
				if j > 0 || strings.HasSuffix(prefix, "\n") {
					if j > 0 {
						b.WriteString("\n")
					}
					if l != "" {
						b.WriteString(pad)
					}
				}
				b.WriteString(l)
			}
			frag = b.String()
		}
		indent := ""
		switch r.Intn(6) {
		case 0:
			indent = "  "
		case 1:
			indent = "   "
		case 2:
			indent = " "
		}
		for _, l := range strings.Split(frag, "\n") {
			if l == "" {
				lines = append(lines, "")
			} else {
				lines = append(lines, indent+l)
			}
		}
		if r.Intn(4) != 0 {
			lines = append(lines, "")
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestDifferential compares the parser with docutils on generated
// documents. It runs when DOCBUILD_DIFF is set to the number of documents
// and python3 with docutils 0.19 is available; DOCBUILD_DIFF_SEED sets the
// seed.
func TestDifferential(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DOCBUILD_DIFF"))
	if n <= 0 {
		t.Skip("set DOCBUILD_DIFF to run")
	}
	seed, _ := strconv.ParseInt(os.Getenv("DOCBUILD_DIFF_SEED"), 10, 64)
	r := rand.New(rand.NewSource(seed))
	inputs := make([]string, n)
	mutate := os.Getenv("DOCBUILD_DIFF_MUTATE") != ""
	for i := range inputs {
		inputs[i] = genDoc(r)
		if os.Getenv("DOCBUILD_DIFF_SECTIONS") != "" {
			inputs[i] = genSections(r)
		}
		if mutate {
			inputs[i] = mutateDoc(r, inputs[i])
		}
	}
	if extra := os.Getenv("DOCBUILD_DIFF_INPUT"); extra != "" {
		inputs = []string{extra}
	}
	wd, _ := os.Getwd()
	oracle := filepath.Join(wd, "testdata", "oracle.py")
	if err := os.Chdir(filepath.Join(suiteDir, "root")); err == nil {
		defer os.Chdir(wd)
	}
	want := runOracle(t, oracle, inputs)
	bad := 0
	for i, in := range inputs {
		if strings.HasPrefix(want[i], "EXCEPTION") {
			continue
		}
		c := parserCase{Input: in}
		if x := os.Getenv("DOCBUILD_DIFF_INTERNALS"); x != "" {
			var l []any
			for _, v := range strings.Split(x, ",") {
				l = append(l, v)
			}
			c.Settings = map[string]any{"expose_internals": l}
		}
		got, err := parse(c)
		if c.Settings != nil {
			// The document registries append their messages without
			// docutils' setup_child; compare the rest.
			got, want[i] = dropMsgInternals(got), dropMsgInternals(want[i])
		}
		if err == nil && got == want[i] {
			continue
		}
		bad++
		if os.Getenv("DOCBUILD_DIFF_MIN") != "" && bad == 1 {
			small := minimize(t, oracle, in)
			t.Errorf("minimized:\n%s\n--- repr %q", small, small)
		}
		if bad <= 5 {
			t.Errorf("case %d differs\n--- input\n%s\n--- diff\n%s%v", i, in, lineDiff(want[i], got), err)
		}
	}
	t.Logf("%d of %d documents differ", bad, len(inputs))
	if os.Getenv("DOCBUILD_DIFF_SHOW") != "" {
		t.Logf("sample input:\n%s\nsample output:\n%s", inputs[0], want[0])
	}
}

func runOracle(t *testing.T, oracle string, inputs []string) []string {
	data, _ := json.Marshal(inputs)
	args := []string{"-W", "ignore", oracle}
	if x := os.Getenv("DOCBUILD_DIFF_INTERNALS"); x != "" {
		args = append(args, x)
	}
	cmd := exec.Command("python3", args...)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("oracle unavailable: %v\n%s", err, stderr.String())
	}
	var res []string
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

var internalAttr = regexp.MustCompile(` internal:(line|source)="[^"]*"`)

// dropMsgInternals removes the internal attributes of system messages.
func dropMsgInternals(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "<system_message") {
			lines[i] = internalAttr.ReplaceAllString(l, "")
		}
	}
	return strings.Join(lines, "\n")
}

// lineDiff shows the first differing lines of two outputs, with context.
func lineDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	start := max(0, i-8)
	var b strings.Builder
	for k := start; k < i; k++ {
		b.WriteString("  " + w[k] + "\n")
	}
	for k := i; k < min(len(w), i+8); k++ {
		b.WriteString("- " + w[k] + "\n")
	}
	for k := i; k < min(len(g), i+8); k++ {
		b.WriteString("+ " + g[k] + "\n")
	}
	return b.String()
}

// differs reports which inputs parse differently from docutils.
func differs(t *testing.T, oracle string, inputs []string) []bool {
	want := runOracle(t, oracle, inputs)
	out := make([]bool, len(inputs))
	for i, in := range inputs {
		if strings.HasPrefix(want[i], "EXCEPTION") {
			continue
		}
		got, err := parse(parserCase{Input: in})
		out[i] = err != nil || got != want[i]
	}
	return out
}

// minimize removes lines from a differing input while it still differs.
func minimize(t *testing.T, oracle, in string) string {
	lines := strings.Split(in, "\n")
	for {
		var cands []string
		for i := range lines {
			c := append(append([]string(nil), lines[:i]...), lines[i+1:]...)
			cands = append(cands, strings.Join(c, "\n"))
		}
		// also try dedenting each line by one space
		for i, l := range lines {
			if strings.HasPrefix(l, " ") {
				c := append([]string(nil), lines...)
				c[i] = l[1:]
				cands = append(cands, strings.Join(c, "\n"))
			}
		}
		d := differs(t, oracle, cands)
		found := -1
		for i, b := range d {
			if b {
				found = i
				break
			}
		}
		if found < 0 {
			return strings.Join(lines, "\n")
		}
		lines = strings.Split(cands[found], "\n")
	}
}

// mutationChars are characters that matter to the block parser.
var mutationChars = []string{" ", "  ", "\t", ":", "`", "*", "|", "_", "\\", "-", "=", ".", "#", "(", ")", "[", "]",
	"\u3000", "\u00a0", "\u0301", "é", "漢", "\x1f", "\v", "\r\n", "\n", "\n\n", "::", "..", "__", "+", ">>>", "--", "\u2014"}

// mutateDoc applies a few random character-level edits to a document.
func mutateDoc(r *rand.Rand, doc string) string {
	b := []rune(doc)
	for n := 1 + r.Intn(4); n > 0 && len(b) > 0; n-- {
		i := r.Intn(len(b))
		switch r.Intn(3) {
		case 0: // insert
			ins := []rune(mutationChars[r.Intn(len(mutationChars))])
			b = append(b[:i], append(ins, b[i:]...)...)
		case 1: // delete
			b = append(b[:i], b[i+1:]...)
		default: // replace
			b[i] = []rune(mutationChars[r.Intn(len(mutationChars))])[0]
		}
	}
	return string(b)
}

// genSections builds a document of section titles in random styles,
// with paragraphs, transitions and the odd nested construct between them.
func genSections(r *rand.Rand) string {
	var b strings.Builder
	chars := "=-~*"
	for n := 1 + r.Intn(10); n > 0; n-- {
		c := string(chars[r.Intn(len(chars))])
		title := []string{"Title", "T", "A longer title", "Title\n  continued"}[r.Intn(4)]
		width := len(title) + r.Intn(3) - 1
		if strings.Contains(title, "\n") {
			width = 5
		}
		if width < 1 {
			width = 1
		}
		adorn := strings.Repeat(c, width)
		switch r.Intn(4) {
		case 0:
			b.WriteString(adorn + "\n" + title + "\n" + adorn + "\n")
		case 1:
			b.WriteString(adorn + "\n " + title + "\n" + adorn + "\n")
		default:
			b.WriteString(title + "\n" + adorn + "\n")
		}
		switch r.Intn(6) {
		case 0:
		case 1:
			b.WriteString("\n----------\n")
		case 2:
			b.WriteString("\n  quote\n")
		case 3:
			b.WriteString("\n- item\n\n  Inner\n  =====\n")
		default:
			b.WriteString("\nText.\n")
		}
		if r.Intn(3) != 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
