package config

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestParseConfPyStatements covers statement forms: what is evaluated, what
// is reported as ignored (by line), and what is skipped silently.
func TestParseConfPyStatements(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    map[string]string // name -> repr
		absent  []string
		ignored []int    // lines reported as ignored, in order
		warns   []string // substrings of Warn texts, in order
	}{
		{
			name: "chained and unpacking assignments",
			src:  "a = b = [1]\nx, y = 1, 2\n(p, q) = 'ab'\n[r, s] = (3, 4)\n",
			want: map[string]string{"a": "[1]", "b": "[1]", "x": "1", "y": "2", "p": "'a'", "q": "'b'", "r": "3", "s": "4"},
		},
		{
			name: "augmented assignments",
			src:  "l = [1]\nl += (2,)\ns = 'a'\ns += 'b'\nn = 2\nn *= 3\nn -= 1\nt = (1,)\nt += (2,)\n",
			want: map[string]string{"l": "[1, 2]", "s": "'ab'", "n": "5", "t": "(1, 2)"},
		},
		{
			name:   "item assignment and deletion",
			src:    "d = {}\nd['k'] = 1\nd['n'] = {}\nd['n']['m'] = [0, 0]\nd['n']['m'][1] = 9\nd['gone'] = 1\ndel d['gone']\ntmp = 1\ndel tmp\n",
			want:   map[string]string{"d": "{'k': 1, 'n': {'m': [0, 9]}}"},
			absent: []string{"tmp"},
		},
		{
			name: "list, dict and set methods",
			src: "e = ['a']\ne.append('b')\ne.extend(('c', 'd'))\ne.insert(0, 'z')\ne.remove('c')\n" +
				"o = {'a': 1}\no.update({'b': 2})\no.update([('c', 3)])\no.setdefault('a', 9)\no.setdefault('d', 4)\no.pop('b')\n" +
				"st = set()\nst.add('x')\nopts = {'k': []}\nopts['k'].append(1)\n",
			want: map[string]string{"e": "['z', 'a', 'b', 'd']", "o": "{'a': 1, 'c': 3, 'd': 4}", "st": "{'x'}", "opts": "{'k': [1]}"},
		},
		{
			name: "continuations, semicolons and comments",
			src:  "x = 1 + \\\n    2\ny = [1,  # one\n     2,  # two\n]; z = {'a':\n  1}\n\n# comment\nw = 'a;b'  # trailing\n",
			want: map[string]string{"x": "3", "y": "[1, 2]", "z": "{'a': 1}", "w": "'a;b'"},
		},
		{
			name:    "if blocks are skipped whole and reported once",
			src:     "debug = False\nif debug:\n    x = 1\n    y = 2\nelif other:\n    x = 3\nelse:\n    x = 4\nafter = 1\n",
			want:    map[string]string{"after": "1", "debug": "False"},
			absent:  []string{"x", "y"},
			ignored: []int{2},
		},
		{
			name:    "def, decorators and classes",
			src:     "@decorator\ndef setup(app):\n    app.add_css_file('x.css')\n\n    return {}\nclass A:\n    pass\nafter = 'ok'\n",
			want:    map[string]string{"after": "'ok'"},
			ignored: []int{1, 6},
		},
		{
			name:    "try/except and with",
			src:     "try:\n    import furo\n    html_theme = 'furo'\nexcept ImportError:\n    html_theme = 'alabaster'\nfinally:\n    pass\nwith open('x') as f:\n    text = f.read()\nz = 1\n",
			want:    map[string]string{"z": "1"},
			absent:  []string{"html_theme", "text"},
			ignored: []int{1, 8},
		},
		{
			name: "harmless lines are silent",
			src: "import os\nimport sys, os.path as osp\nfrom os import path\nfrom __future__ import annotations\n" +
				"sys.path.insert(0, os.path.abspath('..'))\nsys.path.append('.')\nsys.path[0:0] = ['x']\npass\n'''Docstring.'''\n...\nglobal g\n",
			want: map[string]string{},
		},
		{
			name:    "other imports and calls are reported",
			src:     "import sphinx_rtd_theme\nfrom datetime import date\nprint('hi')\nx = date.today().year\nexec(open('more.py').read())\ny = 2\n",
			want:    map[string]string{"y": "2"},
			absent:  []string{"x"},
			ignored: []int{1, 2, 3, 4, 5},
		},
		{
			name:    "a failed statement leaves names unbound",
			src:     "a = undefined\nb = a\nc = 'c'\n",
			want:    map[string]string{"c": "'c'"},
			absent:  []string{"a", "b"},
			ignored: []int{1, 2},
		},
		{
			name:    "unexpected indent is skipped with its block",
			src:     "a = 1\n  b = 2\n  c = 3\nd = 4\n",
			want:    map[string]string{"a": "1", "d": "4"},
			absent:  []string{"b", "c"},
			ignored: []int{2},
		},
		{
			name:    "unclosed bracket: warning, reading resumes",
			src:     "a = [1,\n     2\nb = 'fine'\n",
			want:    map[string]string{"b": "'fine'"},
			absent:  []string{"a"},
			warns:   []string{"'[' was never closed"},
			ignored: []int{2}, // the indented rest of the list
		},
		{
			name:    "unterminated strings",
			src:     "a = 'open\nb = 2\nc = \"\"\"never\nclosed\n",
			want:    map[string]string{"b": "2"},
			absent:  []string{"a", "c"},
			warns:   []string{"unterminated string literal", "unterminated triple-quoted string literal"},
			ignored: []int{4},
		},
		{
			name:    "keywords cannot be assigned",
			src:     "class = 1\nx = 2\n",
			want:    map[string]string{"x": "2"},
			ignored: []int{1},
		},
		{
			name: "annotated assignment",
			src:  "x: int = 5\ny: str\n",
			want: map[string]string{"x": "5"},
		},
		{
			name:    "one-line compound and match",
			src:     "if True: a = 1\nmatch = 3\nmatch x:\n    case 1:\n        b = 2\nc = match\n",
			want:    map[string]string{"match": "3", "c": "3"},
			absent:  []string{"a", "b"},
			ignored: []int{1, 3},
		},
		{
			name:    "tabs, CRLF and a byte order mark",
			src:     "\ufeffa = 1\r\nif a:\r\n\tb = 2\r\n\tc = 3\r\nd = '''x\r\ny'''\r\n",
			want:    map[string]string{"a": "1", "d": "'x\\ny'"},
			ignored: []int{2},
		},
		{
			name:    "unsupported expressions",
			src:     "a = lambda: 1\nb = [x for x in 'ab']\nc = (y := 2)\nd = 10 ** 100\ne = 1j\nf = 'ok'\n",
			want:    map[string]string{"f": "'ok'"},
			ignored: []int{1, 2, 3, 4, 5},
		},
		{
			name: "short-circuit skips what cannot be evaluated",
			src:  "a = 'x' if True else undefined()\nb = 'y' or os.getcwd()\nc = False and nope\n",
			want: map[string]string{"a": "'x'", "b": "'y'", "c": "False"},
		},
		{
			name: "__file__ and tags",
			src:  "tags.add('draft')\ntags.add('web')\ntags.remove('web')\nhas = 'draft' in tags\n",
			want: map[string]string{"has": "True"},
		},
		{
			name: "empty file",
			src:  "",
			want: map[string]string{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ns, warns := ParseConfPy("conf.py", []byte(tc.src))
			for name, want := range tc.want {
				v, _, ok := ns.Get(name)
				if !ok {
					t.Errorf("%s not bound; warnings: %v", name, warns)
					continue
				}
				if got := Repr(v); got != want {
					t.Errorf("%s = %s, want %s", name, got, want)
				}
			}
			for _, name := range tc.absent {
				if v, _, ok := ns.Get(name); ok {
					t.Errorf("%s bound to %s, want unbound", name, Repr(v))
				}
			}
			var ignored []int
			var texts []string
			for _, w := range warns {
				if w.Kind == Ignored {
					ignored = append(ignored, w.Line)
				} else {
					texts = append(texts, w.Text)
				}
			}
			if fmt.Sprint(ignored) != fmt.Sprint(tc.ignored) && len(ignored)+len(tc.ignored) > 0 {
				t.Errorf("ignored lines %v, want %v (warnings: %v)", ignored, tc.ignored, warns)
			}
			if len(texts) != len(tc.warns) {
				t.Errorf("warnings %q, want %q", texts, tc.warns)
			} else {
				for i, w := range tc.warns {
					if !strings.Contains(texts[i], w) {
						t.Errorf("warning %q does not contain %q", texts[i], w)
					}
				}
			}
		})
	}
}

// TestIgnoredReportText checks the report format and its statement text.
func TestIgnoredReportText(t *testing.T) {
	src := "x = 1\nhtml_theme = get_theme()  # why\nimport a; y = 2; z = f(\n  1)\n"
	_, warns := ParseConfPy("docs/conf.py", []byte(src))
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"docs/conf.py:2: ignored: html_theme = get_theme()",
		"docs/conf.py:3: ignored: import a",
		"docs/conf.py:3: ignored: z = f(",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNamespaceOrderAndLines checks names keep first-binding order and the
// line of their last change.
func TestNamespaceOrderAndLines(t *testing.T) {
	src := "b = 1\na = 2\nb = 3\nc = {}\n\nc['k'] = 1\n"
	ns, _ := ParseConfPy("conf.py", []byte(src))
	if got := strings.Join(ns.Names(), ","); got != "b,a,c" {
		t.Errorf("names %s, want b,a,c", got)
	}
	for name, want := range map[string]int{"a": 2, "b": 3, "c": 6} {
		if _, line, _ := ns.Get(name); line != want {
			t.Errorf("%s: line %d, want %d", name, line, want)
		}
	}
}

// TestCPythonDocsConf reads CPython's documentation configuration when it
// is available on this machine.
func TestCPythonDocsConf(t *testing.T) {
	const path = "/tmp/cpython-docs/conf.py"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no CPython docs at /tmp/cpython-docs")
	}
	c, warns, err := Load("/tmp/cpython-docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Log(w)
	}
	if c.Project != "Python" || c.RootDoc == "" || c.Version == "" {
		t.Errorf("project %q root_doc %q version %q", c.Project, c.RootDoc, c.Version)
	}
	if url, title := c.Extlinks["issue"].Expand("12345"); c.Extlinks["issue"].URL != "" && (!strings.Contains(url, "12345") || !strings.Contains(title, "12345")) {
		t.Errorf("extlinks issue expands to %q, %q", url, title)
	}
	if len(c.Raw) == 0 {
		t.Error("no settings read")
	}
}
