package highlight

import (
	"errors"
	"strings"
	"testing"
)

func TestBlock(t *testing.T) {
	h := New()
	tests := []struct {
		name, code, lang string
		opts             Options
		want             []string // substrings of the output, in order
		err              string   // error text, "" for none
	}{
		{name: "python", code: "def f(x):\n    return 1\n", lang: "python",
			want: []string{`<div class="highlight"><pre><span></span><span class="k">def</span> <span class="nf">f</span>`, `<span class="mi">1</span>` + "\n</pre></div>\n"}},
		{name: "console prompt", code: ">>> print(\"hi\")\nhi\n", lang: "python3",
			want: []string{`<span class="gp">&gt;&gt;&gt; </span><span class="nb">print</span>`, `<span class="s2">&quot;hi&quot;</span>`, `<span class="go">hi</span>`}},
		{name: "default falls back silently", code: "$x = ?\n", lang: "default",
			want: []string{`<pre><span></span>$x = ?` + "\n</pre>"}},
		{name: "explicit language warns", code: "a $ b", lang: "python3",
			want: []string{`<pre><span></span>a $ b` + "\n</pre>"}, err: `Could not lex literal_block as "python3". Highlighting skipped.`},
		{name: "forced", code: "a $ b", lang: "python3", opts: Options{Force: true},
			want: []string{`<span class="n">a</span>`}},
		{name: "unknown", code: "x", lang: "nosuchlang",
			want: []string{"<span></span>x\n</pre>"}, err: "Pygments lexer name 'nosuchlang' is not known"},
		{name: "pygments-only name is plain without warning", code: "x = 1\n", lang: "pypylog",
			want: []string{"<span></span>x = 1\n</pre>"}},
		{name: "none", code: "<a & b>", lang: "none",
			want: []string{"<span></span>&lt;a &amp; b&gt;\n</pre>"}},
		{name: "line numbers and emphasis", code: "a = 1\nb = 2\n", lang: "python",
			opts: Options{LineNos: true, HLLines: []int{2}},
			want: []string{`<span class="linenos">1</span><span class="n">a</span>`, "\n" + `<span class="hll"><span class="linenos">2</span><span class="n">b</span>`, "<span class=\"mi\">2</span>\n</span></pre>"}},
		{name: "line numbers padded", code: strings.Repeat("x\n", 10), lang: "none", opts: Options{LineNos: true, LineNoStart: 5},
			want: []string{`<span class="linenos"> 5</span>x`, `<span class="linenos">14</span>x`}},
		{name: "multi-line token split per line", code: "s = '''a\nb'''\n", lang: "python",
			want: []string{`<span class="s1">&#39;&#39;&#39;a</span>` + "\n" + `<span class="s1">b&#39;&#39;&#39;</span>`}},
		{name: "traceback", code: "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nValueError: bad\n", lang: "pytb",
			want: []string{`<span class="gt">Traceback (most recent call last):</span>`, `<span class="m">1</span>`, `<span class="gr">ValueError</span>: <span class="n">bad</span>`}},
		{name: "console session", code: "$ ls\nfile\n", lang: "console",
			want: []string{`<span class="gp">$ </span>ls`, `<span class="go">file</span>`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := h.Block(tc.code, tc.lang, tc.opts)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tc.err != "" && (err == nil || err.Error() != tc.err):
				t.Fatalf("error = %v, want %q", err, tc.err)
			}
			rest := got
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestUnknownIsErrUnknownLexer(t *testing.T) {
	_, err := New().Block("x", "nosuchlang", Options{})
	if !errors.Is(err, ErrUnknownLexer) {
		t.Fatalf("err = %v, want ErrUnknownLexer", err)
	}
}

func TestInline(t *testing.T) {
	got := New().Inline("print(x)", "python")
	want := `<span class="nb">print</span><span class="p">(</span><span class="n">x</span><span class="p">)</span>`
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

func TestCSS(t *testing.T) {
	light, ok := Style("sphinx")
	if !ok {
		t.Fatal("sphinx style unknown")
	}
	dark, ok := Style("monokai")
	if !ok {
		t.Fatal("monokai unknown")
	}
	if _, ok := Style("no-such-style"); ok {
		t.Fatal("unknown style reported as known")
	}
	css := CSS(light, dark)
	for _, w := range []string{
		".highlight { background: #eeffcc",
		".highlight .k { color: #007020; font-weight: bold }",
		"@media (prefers-color-scheme: dark) {\n" + `html:not([data-theme="light"]) .highlight {`,
		`html[data-theme="dark"] .highlight .k {`,
		`html[data-theme="dark"] .highlight .c1 {`,
	} {
		if !strings.Contains(css, w) {
			t.Errorf("CSS lacks %q", w)
		}
	}
	if strings.Contains(css, "style=") {
		t.Error("inline style in CSS")
	}
}
