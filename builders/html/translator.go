package html

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/highlight"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinx"
	htmlw "github.com/docbuild/docbuild/writers/html"
)

// page is the state of one page being rendered: what the Sphinx-level
// handlers need to know about the document and the builder.
type page struct {
	// hasMath is set when the page renders math, which needs MathJax.
	hasMath bool
	bd      *Builder
	docname string
	// src is the document's source file, relative to the source folder,
	// for messages.
	src string
	// rootPath leads from the page to the site root.
	rootPath string
	secnums  map[string][]int
	fignums  map[string]map[string][]int

	// desc_parameterlist state, as Sphinx's translator keeps it.
	firstParam    bool
	optionalLevel int
	requiredLeft  int
	paramSep      string

	tableRows []int
}

// startTag writes an opening tag with the element's classes before the
// extra ones, in the order docutils' and Sphinx's writers give them
// ("xref py py-mod docutils literal notranslate"), its first id, and attrs
// (name, value pairs). Further ids become empty spans before the tag, as
// writers/html places them. It writes straight to the output: it runs for
// most inline elements of a page.
func startTag(t *htmlw.Translator, e *doctree.Element, tag, extra string, attrs ...string) {
	if len(e.IDs) > 1 {
		for _, id := range e.IDs[1:] {
			t.WriteString(`<span id="`)
			t.WriteText(id)
			t.WriteString(`"></span>`)
		}
	}
	t.WriteString("<")
	t.WriteString(tag)
	if len(e.Classes) > 0 || extra != "" {
		t.WriteString(` class="`)
		first := true
		write := func(c string) {
			if !first {
				t.WriteString(" ")
			}
			first = false
			t.WriteText(c)
		}
		for i, c := range e.Classes {
			if !contains(e.Classes[:i], c) {
				write(c)
			}
		}
		for _, c := range strings.Fields(extra) {
			if !contains(e.Classes, c) {
				write(c)
			}
		}
		t.WriteString(`"`)
	}
	if len(e.IDs) > 0 {
		t.WriteString(` id="`)
		t.WriteText(e.IDs[0])
		t.WriteString(`"`)
	}
	for i := 0; i+1 < len(attrs); i += 2 {
		t.WriteString(" ")
		t.WriteString(attrs[i])
		t.WriteString(`="`)
		t.WriteText(attrs[i+1])
		t.WriteString(`"`)
	}
	t.WriteString(">")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// escape escapes text for HTML.
func escape(s string) string { return htmlw.Escape(s) }

func (p *page) warn(e *doctree.Element, text string) {
	line := 0
	if e != nil {
		_, line = doctree.SourceLine(e)
	}
	p.bd.b.Report(project.Message{File: p.src, Line: line, Level: doctree.LevelWarning, Text: text})
}

// permalink writes Sphinx's headerlink anchor for e's first id.
func (p *page) permalink(t *htmlw.Translator, e *doctree.Element, title string) {
	if !p.bd.cfg.HTMLPermalinks || e == nil || len(e.IDs) == 0 {
		return
	}
	t.WriteString(`<a class="headerlink" href="#` + escape(e.IDs[0]) + `" title="` + escape(title) + `">` + p.bd.cfg.HTMLPermalinksIcon + `</a>`)
}

// figType is the std domain's enumerable node type of e, as Sphinx's
// get_enumerable_node_type.
func figType(e *doctree.Element) string {
	switch {
	case e == nil:
		return ""
	case e.Tag == "figure":
		return "figure"
	case e.Tag == "table":
		return "table"
	case e.Tag == "container" && (e.HasClass("literal-block-wrapper") || truthy(e, "literal_block")):
		return "code-block"
	}
	return ""
}

// fignumber writes the caption number of an enumerable node.
func (p *page) fignumber(t *htmlw.Translator, e *doctree.Element) {
	ft := figType(e)
	if ft == "" || len(e.IDs) == 0 || p.fignums == nil {
		return
	}
	num, ok := p.fignums[ft][e.IDs[0]]
	if !ok {
		return
	}
	format, ok := p.bd.cfg.NumfigFormat[ft]
	if !ok {
		p.warn(nil, "numfig_format is not defined for "+ft)
		return
	}
	t.WriteString(`<span class="caption-number">` + escape(strings.Replace(format, "%s", joinInts(num), 1)) + " </span>")
}

func joinInts(n []int) string {
	parts := make([]string, len(n))
	for i, x := range n {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ".")
}

// secnumber is the section number of a title, as Sphinx's get_secnumber.
func (p *page) secnumber(e *doctree.Element) []int {
	if v, ok := e.Get("secnumber"); ok {
		if n := intsOf(v); len(n) > 0 {
			return n
		}
	}
	parent := e.Parent()
	if parent == nil || parent.Tag != "section" || len(parent.IDs) == 0 || p.secnums == nil {
		return nil
	}
	key := "#" + parent.IDs[0]
	if _, ok := p.secnums[key]; !ok {
		key = ""
	}
	return p.secnums[key]
}

// intsOf reads a list of numbers in whichever form it was stored.
func intsOf(v any) []int {
	switch x := v.(type) {
	case []int:
		return x
	case []any:
		var out []int
		for _, e := range x {
			switch n := e.(type) {
			case int:
				out = append(out, n)
			case int64:
				out = append(out, int(n))
			case float64:
				out = append(out, int(n))
			}
		}
		return out
	case int:
		return []int{x}
	}
	return nil
}

func truthy(e *doctree.Element, name string) bool {
	v, ok := e.Get(name)
	if !ok {
		return false
	}
	switch x := v.(type) {
	case bool:
		return x
	case int:
		return x != 0
	case string:
		return x != "" && x != "0" && x != "False" && x != "false"
	case nil:
		return false
	}
	return true
}

// newTranslator returns the writers/html translator with Sphinx's node
// handlers, for one page.
func (p *page) newTranslator(doc *doctree.Document) *htmlw.Translator {
	t := htmlw.NewTranslator(doc, htmlw.Options{
		RawEnabled:         true,
		InitialHeaderLevel: 1,
		Language:           p.bd.site.Language,
		// Pages of the CPython docs run to about 2.5 times their source.
		SizeHint: int(p.bd.sourceOf(p.docname).Size) * 5 / 2,
	})
	def := func(tag string) htmlw.Handler {
		h, _ := t.Handler(tag)
		return h
	}
	titleH, termH, figureH, captionH := def("title"), def("term"), def("figure"), def("caption")
	imageH := def("image")
	skip := htmlw.Handler{Visit: func(*htmlw.Translator, *doctree.Element) bool { return false }}
	pass := htmlw.Handler{Visit: func(*htmlw.Translator, *doctree.Element) bool { return true }}
	span := htmlw.Handler{
		Visit:  func(t *htmlw.Translator, e *doctree.Element) bool { startTag(t, e, "span", ""); return true },
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</span>") },
	}
	wrap := func(tag, class string) htmlw.Handler {
		return htmlw.Handler{
			Visit:  func(t *htmlw.Translator, e *doctree.Element) bool { startTag(t, e, tag, class); return true },
			Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</" + tag + ">") },
		}
	}

	p.mathHandlers(t)
	t.SetHandler("title", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			parent := e.Parent()
			switch {
			case parent != nil && parent.Tag == "compact_paragraph" && truthy(parent, "toctree"):
				startTag(t, e, "p", "caption", "role", "heading")
				t.WriteString(`<span class="caption-text">`)
				return true
			case parent != nil && (parent.Tag == "seealso" || parent.Tag == "todo_node" || isAdmonition(parent)):
				startTag(t, e, "p", "admonition-title")
				return true
			}
			titleH.Visit(t, e)
			if n := p.secnumber(e); len(n) > 0 {
				t.WriteString(`<span class="section-number">` + joinInts(n) + escape(p.bd.cfg.HTMLSecnumberSuffix) + `</span>`)
			}
			p.fignumber(t, parent)
			if parent != nil && parent.Tag == "table" {
				t.WriteString(`<span class="caption-text">`)
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			parent := e.Parent()
			switch {
			case parent != nil && parent.Tag == "compact_paragraph" && truthy(parent, "toctree"):
				t.WriteString("</span></p>\n")
				return
			case parent != nil && (parent.Tag == "seealso" || parent.Tag == "todo_node" || isAdmonition(parent)):
				t.WriteString("</p>\n")
				return
			case parent != nil && parent.Tag == "section":
				if e.GetString("refid") != "" && p.bd.cfg.HTMLPermalinks && len(parent.IDs) > 0 {
					// Close the backlink to the contents first.
					level := t.SectionLevel()
					if level > 6 {
						level = 6
					}
					t.WriteString(`</a><a class="headerlink" href="#` + escape(parent.IDs[0]) + `" title="Permalink to this heading">` + p.bd.cfg.HTMLPermalinksIcon + `</a></h` + strconv.Itoa(level) + ">\n")
					return
				}
				p.permalink(t, parent, "Permalink to this heading")
			case parent != nil && parent.Tag == "table":
				t.WriteString("</span>")
				p.permalink(t, parent, "Permalink to this table")
			}
			titleH.Depart(t, e)
		},
	})
	t.SetHandler("comment", skip)
	t.SetHandler("index", skip)
	t.SetHandler("toctree", skip)
	t.SetHandler("tabular_col_spec", skip)
	t.SetHandler("highlightlang", skip)
	t.SetHandler("compact_paragraph", pass)
	t.SetHandler("glossary", pass)
	t.SetHandler("acks", pass)
	t.SetHandler("only", pass)
	t.SetHandler("pending_xref", pass)
	t.SetHandler("desc_type", pass)
	t.SetHandler("start_of_file", htmlw.Handler{Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
		t.WriteString(`<span id="document-` + escape(e.GetString("docname")) + `"></span>`)
		return true
	}})
	t.SetHandler("bullet_list", bulletList(def("bullet_list")))
	t.SetHandler("literal", htmlw.Handler{Visit: p.visitLiteral})
	t.SetHandler("literal_block", htmlw.Handler{Visit: p.visitLiteralBlock})
	t.SetHandler("doctest_block", htmlw.Handler{Visit: p.visitLiteralBlock})
	t.SetHandler("caption", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			parent := e.Parent()
			switch figType(parent) {
			case "code-block":
				startTag(t, e, "div", "code-block-caption")
			case "figure":
				t.WriteString("<figcaption>\n")
				startTag(t, e, "p", "")
			default:
				captionH.Visit(t, e)
			}
			p.fignumber(t, parent)
			t.WriteString(`<span class="caption-text">`)
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			t.WriteString("</span>")
			parent := e.Parent()
			switch figType(parent) {
			case "code-block":
				p.permalink(t, parent, "Permalink to this code")
				t.WriteString("</div>\n")
			case "figure":
				p.permalink(t, parent, "Permalink to this image")
				t.WriteString("</p>\n</figcaption>\n")
			default:
				captionH.Depart(t, e)
			}
		},
	})
	t.SetHandler("figure", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			e.SetDefault("align", "default")
			return figureH.Visit(t, e)
		},
		Depart: figureH.Depart,
	})
	t.SetHandler("image", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			p.rewriteImage(e)
			uri := e.GetString("uri")
			if low := strings.ToLower(uri); strings.HasSuffix(low, ".svg") || strings.HasSuffix(low, ".svgz") {
				attrs := []string{"src", uri}
				for _, dim := range []string{"width", "height"} {
					if v := e.GetString(dim); v != "" {
						attrs = append(attrs, dim, v)
					}
				}
				alt := e.GetString("alt")
				if !e.Has("alt") {
					alt = uri
				}
				attrs = append(attrs, "alt", alt)
				cls := ""
				if a := e.GetString("align"); a != "" {
					cls = "align-" + a
				}
				t.EmptyTag(e, "img", cls, attrs...)
				return false
			}
			return imageH.Visit(t, e)
		},
	})
	t.SetHandler("reference", htmlw.Handler{Visit: p.visitReference, Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</a>") }})
	t.SetHandler("number_reference", htmlw.Handler{Visit: p.visitReference, Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</a>") }})
	t.SetHandler("download_reference", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			switch {
			case e.Has("refuri"):
				startTag(t, e, "a", "reference download external", "download", "", "href", e.GetString("refuri"))
			case e.GetString("filename") != "":
				startTag(t, e, "a", "reference download internal", "download", "", "href", p.rootPath+"_downloads/"+quotePath(e.GetString("filename")))
			default:
				return true
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if e.Has("refuri") || e.GetString("filename") != "" {
				t.WriteString("</a>")
			}
		},
	})
	t.SetHandler("term", htmlw.Handler{
		Visit: termH.Visit,
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if !followedByClassifier(e) {
				if gp := ancestor(e, 3); gp != nil && gp.Tag == "glossary" {
					p.permalink(t, e, "Permalink to this term")
				}
			}
			termH.Depart(t, e)
		},
	})
	// Messages below the report level are not shown, as docutils' HTML
	// writer skips them.
	sysmsg := def("system_message")
	t.SetHandler("system_message", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			level := 2
			if doc.Settings != nil {
				level = doc.Settings.ReportLevel
			}
			if e.GetInt("level") < level {
				return false
			}
			return sysmsg.Visit(t, e)
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			level := 2
			if doc.Settings != nil {
				level = doc.Settings.ReportLevel
			}
			if e.GetInt("level") >= level {
				sysmsg.Depart(t, e)
			}
		},
	})
	// A definition list item has no element of its own: its ids and
	// classes go to its term, as docutils' HTML writer passes them, so
	// that targets on the item (an index entry closing the previous
	// definition) still land.
	t.SetHandler("definition_list_item", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			if len(e.IDs) == 0 && len(e.Classes) == 0 {
				return true
			}
			if kids := e.ChildElements(); len(kids) > 0 {
				first := kids[0]
				// The term's own id first, for its permalink.
				first.IDs = append(append([]string(nil), first.IDs...), e.IDs...)
				first.Classes = append(append([]string(nil), e.Classes...), first.Classes...)
				e.IDs, e.Classes = nil, nil
			}
			return true
		},
	})
	t.SetHandler("versionmodified", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			startTag(t, e, "div", e.GetString("type"))
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</div>\n") },
	})
	admonition := func(name string) htmlw.Handler {
		return htmlw.Handler{
			Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
				cls := "admonition"
				if name != "" {
					cls += " " + name
				}
				startTag(t, e, "div", cls)
				t.WriteString("\n")
				if name != "" && !hasTitle(e) {
					t.WriteString(`<p class="admonition-title">` + escape(admonitionLabel(name)) + "</p>\n")
				}
				return true
			},
			Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</div>\n") },
		}
	}
	for _, a := range []string{"attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "seealso"} {
		t.SetHandler(a, admonition(a))
	}
	t.SetHandler("admonition", admonition(""))
	t.SetHandler("todo_node", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			classes := append([]string(nil), e.Classes...)
			classes = append(classes, "admonition")
			c := *e
			c.Classes = classes
			startTag(t, &c, "div", "")
			t.WriteString("\n")
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</div>\n") },
	})
	t.SetHandler("centered", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			startTag(t, e, "p", "centered")
			t.WriteString("\n<strong>")
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</strong></p>") },
	})
	t.SetHandler("hlist", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			t.WriteString(`<table class="hlist"><tr>`)
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</tr></table>\n") },
	})
	t.SetHandler("hlistcol", htmlw.Handler{
		Visit:  func(t *htmlw.Translator, e *doctree.Element) bool { t.WriteString("<td>"); return true },
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</td>") },
	})
	t.SetHandler("literal_emphasis", wrap("em", ""))
	t.SetHandler("literal_strong", wrap("strong", ""))
	t.SetHandler("manpage", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			startTag(t, e, "em", "")
			if u := p.manpageURL(e); u != "" {
				t.WriteString(`<a class="reference external" href="` + escape(u) + `">`)
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if p.manpageURL(e) != "" {
				t.WriteString("</a>")
			}
			t.WriteString("</em>")
		},
	})
	t.SetHandler("abbreviation", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			if e.Has("explanation") {
				startTag(t, e, "abbr", "", "title", e.GetString("explanation"))
			} else {
				startTag(t, e, "abbr", "")
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</abbr>") },
	})
	t.SetHandler("table", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			p.tableRows = append(p.tableRows, 0)
			align := e.GetString("align")
			if align == "" {
				align = "default"
			}
			var attrs []string
			if w := e.GetString("width"); w != "" {
				attrs = append(attrs, "style", "width: "+w)
			}
			startTag(t, e, "table", "docutils align-"+align, attrs...)
			t.WriteString("\n")
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			p.tableRows = p.tableRows[:len(p.tableRows)-1]
			t.WriteString("</table>\n")
		},
	})
	t.SetHandler("row", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			cls := ""
			if n := len(p.tableRows); n > 0 {
				p.tableRows[n-1]++
				cls = "row-odd"
				if p.tableRows[n-1]%2 == 0 {
					cls = "row-even"
				}
			}
			startTag(t, e, "tr", cls)
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</tr>\n") },
	})
	// Object descriptions.
	t.SetHandler("desc", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			startTag(t, e, "dl", "")
			t.WriteString("\n")
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</dl>\n\n") },
	})
	t.SetHandler("desc_signature", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			startTag(t, e, "dt", "")
			t.WriteString("\n")
			p.renderProtected(t, e)
			if !truthy(e, "is_multiline") {
				p.permalink(t, e, "Permalink to this definition")
			}
			t.WriteString("</dt>\n")
			return false
		},
	})
	t.SetHandler("desc_signature_line", htmlw.Handler{
		Visit: pass.Visit,
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if truthy(e, "add_permalink") {
				p.permalink(t, e.Parent(), "Permalink to this definition")
			}
			t.WriteString("<br />")
		},
	})
	t.SetHandler("desc_content", htmlw.Handler{
		Visit:  func(t *htmlw.Translator, e *doctree.Element) bool { startTag(t, e, "dd", ""); return true },
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</dd>") },
	})
	for _, tag := range []string{"desc_inline", "desc_name", "desc_addname"} {
		t.SetHandler(tag, span)
	}
	for _, tag := range []string{"desc_sig_element", "desc_sig_space", "desc_sig_name", "desc_sig_operator",
		"desc_sig_punctuation", "desc_sig_keyword", "desc_sig_keyword_type", "desc_sig_literal_number",
		"desc_sig_literal_string", "desc_sig_literal_char"} {
		t.SetHandler(tag, span)
	}
	t.SetHandler("desc_returns", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			t.WriteString(` <span class="sig-return"><span class="sig-return-icon">&#x2192;</span> <span class="sig-return-typehint">`)
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString("</span></span>") },
	})
	t.SetHandler("desc_parameterlist", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			t.WriteString(`<span class="sig-paren">(</span>`)
			p.firstParam = true
			p.optionalLevel = 0
			p.requiredLeft = 0
			for _, c := range e.ChildElements() {
				if c.Tag == "desc_parameter" {
					p.requiredLeft++
				}
			}
			p.paramSep = e.GetString("child_text_separator")
			if !e.Has("child_text_separator") {
				p.paramSep = ", "
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) { t.WriteString(`<span class="sig-paren">)</span>`) },
	})
	t.SetHandler("desc_parameter", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			if p.firstParam {
				p.firstParam = false
			} else if p.requiredLeft == 0 {
				t.WriteText(p.paramSep)
			}
			if p.optionalLevel == 0 {
				p.requiredLeft--
			}
			if !e.Has("noemph") {
				t.WriteString(`<em class="sig-param">`)
			}
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if !e.Has("noemph") {
				t.WriteString("</em>")
			}
			if p.requiredLeft > 0 {
				t.WriteText(p.paramSep)
			}
		},
	})
	t.SetHandler("desc_optional", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			p.optionalLevel++
			t.WriteString(`<span class="optional">[</span>`)
			return true
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			p.optionalLevel--
			t.WriteString(`<span class="optional">]</span>`)
		},
	})
	t.SetHandler("desc_annotation", wrap("em", "property"))
	t.SetHandler("productionlist", htmlw.Handler{Visit: p.visitProductionList})
	return t
}

func isAdmonition(e *doctree.Element) bool {
	switch e.Tag {
	case "admonition", "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "seealso":
		return true
	}
	return false
}

func hasTitle(e *doctree.Element) bool {
	for _, c := range e.ChildElements() {
		if c.Tag == "title" {
			return true
		}
	}
	return false
}

// admonitionLabel is Sphinx's admonitionlabels.
func admonitionLabel(name string) string {
	switch name {
	case "seealso":
		return "See also"
	case "attention":
		return "Attention"
	case "caution":
		return "Caution"
	case "danger":
		return "Danger"
	case "error":
		return "Error"
	case "hint":
		return "Hint"
	case "important":
		return "Important"
	case "note":
		return "Note"
	case "tip":
		return "Tip"
	case "warning":
		return "Warning"
	case "todo":
		return "Todo"
	}
	return name
}

// bulletList skips a list holding only a toctree, so no empty <ul>
// remains where an unresolved toctree was.
func bulletList(def htmlw.Handler) htmlw.Handler {
	return htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			kids := e.ChildElements()
			if len(e.Children) == 1 && len(kids) == 1 && kids[0].Tag == "toctree" {
				return false
			}
			return def.Visit(t, e)
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			kids := e.ChildElements()
			if len(e.Children) == 1 && len(kids) == 1 && kids[0].Tag == "toctree" {
				return
			}
			def.Depart(t, e)
		},
	}
}

func ancestor(e *doctree.Element, n int) *doctree.Element {
	for ; n > 0 && e != nil; n-- {
		e = e.Parent()
	}
	return e
}

func followedByClassifier(e *doctree.Element) bool {
	p := e.Parent()
	if p == nil {
		return false
	}
	i := p.Index(e)
	if i+1 < len(p.Children) {
		if n, ok := p.Children[i+1].(*doctree.Element); ok && n.Tag == "classifier" {
			return true
		}
	}
	return false
}

func (p *page) manpageURL(e *doctree.Element) string {
	v, ok := p.bd.cfg.Value("manpages_url")
	if !ok {
		return ""
	}
	format, _ := v.(string)
	if format == "" {
		return ""
	}
	repl := map[string]string{
		"page": e.GetString("page"), "section": e.GetString("section"), "path": e.GetString("path"),
	}
	return formatBraces(format, repl)
}

// formatBraces substitutes {name} fields, as Python's str.format with
// keyword arguments.
func formatBraces(format string, fields map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] == '{' {
			if end := strings.IndexByte(format[i:], '}'); end > 0 {
				if v, ok := fields[format[i+1:i+end]]; ok {
					b.WriteString(v)
					i += end
					continue
				}
			}
		}
		b.WriteByte(format[i])
	}
	return b.String()
}

// writePre writes literal text as Sphinx protects it: words in span.pre,
// single spaces and newlines free to wrap, runs of spaces kept as
// non-breaking spaces but the last.
func writePre(t *htmlw.Translator, text string) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for i := 0; i < len(text); {
		j := i
		switch {
		case !isSpace(text[i]):
			for j < len(text) && !isSpace(text[j]) {
				j++
			}
			t.WriteString(`<span class="pre">`)
			t.WriteText(text[i:j])
			t.WriteString(`</span>`)
		case text[i] == ' ':
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if n := j - i; n == 1 {
				t.WriteString(" ")
			} else {
				t.WriteString(strings.Repeat("&#160;", n-1) + " ")
			}
		default:
			for j < len(text) && isSpace(text[j]) && text[j] != ' ' {
				j++
			}
			if j-i == 1 && text[i] == '\n' {
				t.WriteString("\n")
			} else {
				t.WriteString(strings.Repeat("&#160;", j-i-1) + " ")
			}
		}
		i = j
	}
}

// renderProtected renders e's children with their text protected as in
// literals (Sphinx's protect_literal_text).
func (p *page) renderProtected(t *htmlw.Translator, e *doctree.Element) {
	for _, c := range e.Children {
		switch x := c.(type) {
		case *doctree.Text:
			writePre(t, x.AsText())
		case *doctree.Element:
			h, ok := t.Handler(x.Tag)
			if !ok {
				t.Render(x)
				continue
			}
			descend := true
			if h.Visit != nil {
				descend = h.Visit(t, x)
			}
			if descend {
				p.renderProtected(t, x)
			}
			if h.Depart != nil {
				h.Depart(t, x)
			}
		}
	}
}

func (p *page) visitLiteral(t *htmlw.Translator, e *doctree.Element) bool {
	if e.HasClass("kbd") {
		startTag(t, e, "kbd", "docutils literal notranslate")
		t.RenderChildren(e)
		t.WriteString("</kbd>")
		return false
	}
	lang := e.GetString("language")
	if !e.HasClass("code") || lang == "" {
		startTag(t, e, "code", "docutils literal notranslate")
		p.renderProtected(t, e)
		t.WriteString("</code>")
		return false
	}
	startTag(t, e, "code", "docutils literal highlight highlight-"+lang)
	t.WriteString(p.bd.hl.Inline(e.AsText(), lang))
	t.WriteString("</code>")
	return false
}

// visitLiteralBlock writes a code block as Sphinx does: highlighted in
// div.highlight-LANG, unless it is a parsed literal (its text differs from
// its source), which keeps its inline markup.
func (p *page) visitLiteralBlock(t *htmlw.Translator, e *doctree.Element) bool {
	text := e.AsText()
	if e.RawSource != "" && e.RawSource != text {
		startTag(t, e, "pre", "literal-block")
		t.RenderChildren(e)
		t.WriteString("</pre>\n")
		return false
	}
	if insideSystemMessage(e) {
		// The source of a markup error is not code: no highlighting,
		// and no warning about lexing it.
		startTag(t, e, "pre", "literal-block")
		t.WriteText(text)
		t.WriteString("</pre>\n")
		return false
	}
	lang := e.GetString("language")
	if lang == "" || e.Tag == "doctest_block" {
		lang = "default"
	}
	force, linenos := truthy(e, "force"), truthy(e, "linenos")
	opts := highlight.Options{LineNos: linenos, Force: force}
	if v, ok := e.Get("highlight_args"); ok {
		if a, ok := v.(sphinx.HighlightArgs); ok {
			opts.HLLines = a.HLLines
			if a.HasLinenoStart {
				opts.LineNoStart = a.LinenoStart
			}
		}
		if m, ok := v.(map[string]any); ok {
			opts.HLLines = intsOf(m["hl_lines"])
			if s := intsOf(m["linenostart"]); len(s) == 1 {
				opts.LineNoStart = s[0]
			}
			if f, ok := m["force"].(bool); ok && f {
				opts.Force = true
			}
		}
	}
	out, err := p.bd.hl.Block(text, lang, opts)
	if err != nil {
		p.warn(e, err.Error())
	}
	cls := "highlight-" + lang + " notranslate"
	if e.Tag == "doctest_block" {
		cls = "doctest " + cls
	}
	startTag(t, e, "div", cls)
	t.WriteString(out)
	t.WriteString("</div>\n")
	return false
}

// visitReference writes a reference as Sphinx's translator does: internal
// or external, the section number of toctree entries, the title.
func (p *page) visitReference(t *htmlw.Translator, e *doctree.Element) bool {
	cls := "reference"
	href := ""
	if uri, ok := e.Get("refuri"); ok {
		s, _ := uri.(string)
		if truthy(e, "internal") {
			cls += " internal"
			s = p.bd.fixInternalURI(s, p.docname)
		} else {
			cls += " external"
		}
		href = s
		if href == "" {
			href = "#"
		}
	} else {
		cls += " internal"
		href = "#" + e.GetString("refid")
	}
	if parent := e.Parent(); parent != nil && !parent.Is(doctree.ClassTextElement) {
		cls += " image-reference"
	}
	attrs := []string{"href", href}
	if e.Has("reftitle") {
		attrs = append(attrs, "title", e.GetString("reftitle"))
	}
	if e.Has("target") {
		attrs = append(attrs, "target", e.GetString("target"))
	}
	startTag(t, e, "a", cls, attrs...)
	if v, ok := e.Get("secnumber"); ok {
		if n := intsOf(v); len(n) > 0 {
			t.WriteText(joinInts(n) + p.bd.cfg.HTMLSecnumberSuffix)
		}
	}
	return true
}

func (p *page) visitProductionList(t *htmlw.Translator, e *doctree.Element) bool {
	startTag(t, e, "pre", "")
	t.WriteString("\n")
	maxlen := 0
	prods := e.ChildElements()
	for _, pr := range prods {
		if n := len([]rune(pr.GetString("tokenname"))); n > maxlen {
			maxlen = n
		}
	}
	last := ""
	for _, pr := range prods {
		name := pr.GetString("tokenname")
		if name != "" {
			last = name + strings.Repeat(" ", maxlen-len([]rune(name)))
			startTag(t, pr, "strong", "")
			t.WriteText(last)
			t.WriteString("</strong> ::= ")
		} else if last != "" {
			t.WriteString(strings.Repeat(" ", len([]rune(last))) + "     ")
		}
		t.RenderChildren(pr)
		t.WriteString("\n")
	}
	t.WriteString("</pre>\n")
	return false
}

// rewriteImage points an image at its copy in _images/.
func (p *page) rewriteImage(e *doctree.Element) {
	uri := e.GetString("uri")
	if uri == "" || isURL(uri) || strings.HasPrefix(uri, "data:") {
		return
	}
	src := p.bd.imageSource(p.docname, e)
	if name, ok := p.bd.images[src]; ok {
		e.Set("uri", p.rootPath+"_images/"+quotePath(name))
	}
}

// quotePath percent-encodes a path for a URL, keeping slashes, as
// Python's urllib.parse.quote.
func quotePath(s string) string {
	u := url.URL{Path: s}
	out := u.EscapedPath()
	return strings.TrimPrefix(out, "./")
}

// docDir is the folder of a document name ("" at the root).
func docDir(docname string) string {
	d := path.Dir(docname)
	if d == "." {
		return ""
	}
	return d
}

func insideSystemMessage(e *doctree.Element) bool {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if p.Tag == "system_message" {
			return true
		}
	}
	return false
}
