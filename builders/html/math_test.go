package html_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/builders/html"
)

// TestMathJax checks math as sphinx.ext.mathjax writes it (checked against
// Sphinx 5.3's output for the same source): delimited LaTeX in
// "math notranslate nohighlight" elements, numbered equations with their
// permalink, split and aligned display math, and the MathJax script only
// on pages with math.
func TestMathJax(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "conf.py"), []byte("project = 'M'\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.rst"), []byte("T\n=\n\nInline :math:`a^2 < b`.\n\n"+
		".. math::\n   :label: euler\n\n   e^{i\\\\pi} + 1 = 0\n\n.. math::\n\n   a = 1\n\n   b = 2\n\n"+
		".. toctree::\n\n   other\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "other.rst"), []byte("Other\n=====\n\nNo math.\n"), 0o644)
	out, _ := build(t, dir, html.New())
	page := read(t, filepath.Join(out, "index.html"))
	for _, want := range []string{
		`<span class="math notranslate nohighlight">\(a^2 &lt; b\)</span>`,
		"<div class=\"math notranslate nohighlight\" id=\"equation-euler\">\n<span class=\"eqno\">(1)<a class=\"headerlink\" href=\"#equation-euler\" title=\"Permalink to this equation\">¶</a></span>\\[\\begin{split}e^{i\\\\pi} + 1 = 0\\end{split}\\]</div>",
		`\[ \begin{align}\begin{aligned}a = 1\\b = 2\end{aligned}\end{align} \]</div>`,
		`<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js" async="async"></script>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if other := read(t, filepath.Join(out, "other.html")); strings.Contains(other, "mathjax") {
		t.Error("MathJax loaded on a page without math")
	}
}
