package html

import (
	"encoding/json"
	"github.com/docbuild/docbuild/config"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	htmlw "github.com/docbuild/docbuild/writers/html"
)

// mathJaxURL is Sphinx 5.3's mathjax_path default, MathJax 3.
const mathJaxURL = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"

// mathConfig holds the sphinx.ext.mathjax settings, Sphinx's default math
// renderer for HTML: math is written as LaTeX between delimiters that
// MathJax, loaded on the pages that have math, typesets in the browser.
type mathConfig struct {
	inline, display [2]string
	// scripts are the <script> elements a page with math gets.
	scripts []Asset
}

// readMathConfig reads mathjax_path, mathjax_options, mathjax3_config,
// mathjax_inline and mathjax_display.
func (bd *Builder) readMathConfig() mathConfig {
	m := mathConfig{inline: [2]string{`\(`, `\)`}, display: [2]string{`\[`, `\]`}}
	pair := func(name string, into *[2]string) {
		v, ok := bd.cfg.Value(name)
		if !ok {
			return
		}
		var l []any
		switch x := v.(type) {
		case []any:
			l = x
		}
		if len(l) == 2 {
			a, okA := l[0].(string)
			b, okB := l[1].(string)
			if okA && okB {
				*into = [2]string{a, b}
			}
		}
	}
	pair("mathjax_inline", &m.inline)
	pair("mathjax_display", &m.display)
	path := mathJaxURL
	if v, ok := bd.cfg.Value("mathjax_path"); ok {
		if s, isStr := v.(string); isStr && s != "" {
			path = s
		}
	}
	attrs := map[string]string{}
	if v, ok := bd.cfg.Value("mathjax_options"); ok {
		if d, isDict := v.(*config.Dict); isDict {
			d.Each(func(k, v any) {
				if name, isStr := k.(string); isStr {
					attrs[name] = toString(v)
				}
			})
		}
	}
	_, async := attrs["async"]
	_, deferred := attrs["defer"]
	if v, ok := bd.cfg.Value("mathjax3_config"); ok && v != nil {
		if body, err := json.Marshal(plainValue(v)); err == nil && string(body) != "null" && string(body) != "{}" {
			m.scripts = append(m.scripts, Asset{Body: "window.MathJax = " + string(body)})
			if !async && !deferred {
				attrs["defer"] = "defer"
				deferred = true
			}
		}
	}
	if !async && !deferred {
		attrs["async"] = "async"
	}
	m.scripts = append(m.scripts, Asset{Filename: path, Attrs: attrs})
	return m
}

// plainValue turns configuration dicts into maps that encoding/json
// writes (keys in order, as Python's json.dumps of a dict in insertion
// order is not needed by MathJax).
func plainValue(v any) any {
	switch x := v.(type) {
	case *config.Dict:
		m := map[string]any{}
		x.Each(func(k, v any) { m[toString(k)] = plainValue(v) })
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainValue(e)
		}
		return out
	}
	return v
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// mathHandlers are sphinx.ext.mathjax's html_visit_math and
// html_visit_displaymath.
func (p *page) mathHandlers(t *htmlw.Translator) {
	m := &p.bd.math
	t.SetHandler("math", htmlw.Handler{Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
		p.hasMath = true
		startTag(t, e, "span", "math notranslate nohighlight")
		t.WriteString(m.inline[0])
		t.WriteText(e.AsText())
		t.WriteString(m.inline[1] + "</span>")
		return false
	}})
	t.SetHandler("math_block", htmlw.Handler{Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
		p.hasMath = true
		startTag(t, e, "div", "math notranslate nohighlight")
		t.WriteString("\n") // docutils' starttag ends a block tag's line
		if truthy(e, "nowrap") {
			t.WriteText(e.AsText())
			t.WriteString("</div>")
			return false
		}
		if number := p.equationNumber(e); number != "" {
			t.WriteString(`<span class="eqno">(` + escape(number) + `)`)
			p.permalink(t, e, "Permalink to this equation")
			t.WriteString("</span>")
		}
		t.WriteString(m.display[0])
		var parts []string
		for _, part := range strings.Split(e.AsText(), "\n\n") {
			if strings.TrimSpace(part) != "" {
				parts = append(parts, part)
			}
		}
		if len(parts) > 1 {
			t.WriteString(` \begin{align}\begin{aligned}`)
		}
		for i, part := range parts {
			if strings.Contains(part, `\\`) {
				t.WriteString(`\begin{split}`)
				t.WriteText(part)
				t.WriteString(`\end{split}`)
			} else {
				t.WriteText(part)
			}
			if i < len(parts)-1 {
				t.WriteString(`\\`)
			}
		}
		if len(parts) > 1 {
			t.WriteString(`\end{aligned}\end{align} `)
		}
		t.WriteString(m.display[1] + "</div>\n")
		return false
	}})
}

// equationNumber is get_node_equation_number: the figure number under
// math_numfig and numfig, else the number the math directive gave.
func (p *page) equationNumber(e *doctree.Element) string {
	if p.bd.cfg.Numfig && mathNumfig(p.bd) {
		if len(e.IDs) == 0 || p.fignums == nil {
			return ""
		}
		num := p.fignums["displaymath"][e.IDs[0]]
		parts := make([]string, len(num))
		for i, n := range num {
			parts[i] = strconv.Itoa(n)
		}
		return strings.Join(parts, ".")
	}
	switch n := e.GetInt("number"); {
	case n > 0:
		return strconv.Itoa(n)
	}
	return ""
}

func mathNumfig(bd *Builder) bool {
	v, ok := bd.cfg.Value("math_numfig")
	if !ok {
		return true
	}
	b, isBool := v.(bool)
	return !isBool || b
}
