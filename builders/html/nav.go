package html

import (
	"html/template"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	htmlw "github.com/docbuild/docbuild/writers/html"
)

// The navigation of a page comes from package resolve, which computes it
// as Sphinx does: the reading order (relations), the page's own table of
// contents, and the site's toctree with only the current page's branch
// expanded (its cost grows with the depth of the page, not the size of
// the site).

// addRelations fills parents, prev, next and the relation links of a
// document's page, as Sphinx's get_doc_context.
func (bd *Builder) addRelations(t *htmlw.Translator, pc *PageContext, docname string) {
	r := bd.state.Relations(docname)
	link := func(doc string) *Link {
		return &Link{Link: bd.pathTo(docname, doc), Title: template.HTML(bd.titleHTML(t, doc))}
	}
	if r.Next != "" {
		pc.Next = link(r.Next)
		pc.Rellinks = append(pc.Rellinks, Rellink{r.Next, bd.docTitle(r.Next), "N", "next"})
	}
	if r.Prev != "" {
		pc.Prev = link(r.Prev)
		pc.Rellinks = append(pc.Rellinks, Rellink{r.Prev, bd.docTitle(r.Prev), "P", "previous"})
	}
	for _, p := range bd.state.Parents(docname) {
		pc.Parents = append(pc.Parents, *link(p))
	}
}

// renderNav renders the sidebar's navigation tree for a page.
func (bd *Builder) renderNav(t *htmlw.Translator, page string) string {
	if bd.variant == Serialized {
		return ""
	}
	// By default collapsed to the current branch, hidden toctrees
	// included (projects often build their navigation from hidden
	// toctrees of the root document); html_theme_options change it.
	o := bd.themeOpts.Nav
	if bd.variant == SingleHTML && bd.isDoc(page) {
		// One page holds every document: the whole tree is its contents.
		// The other pages (index, search) show the top level only.
		o.Collapse = false
	}
	nav := bd.state.GlobalToc(page, o)
	if nav == nil {
		return ""
	}
	return t.RenderString(nav)
}

// localToc renders a document's title and its table of contents as
// Sphinx's get_doc_context gives them to templates, and returns the
// number of entries of the contents (shown when more than one).
func (bd *Builder) localToc(t *htmlw.Translator, docname string) (title, toc string, entries int) {
	title = bd.titleHTML(t, docname)
	if l := bd.state.LocalToc(docname); l != nil {
		toc = t.RenderString(l)
	}
	return title, toc, bd.state.TocEntries(docname)
}

// titleHTML is a document's title as HTML, with its section number, as
// Sphinx renders env.titles for pages and links; rendered once per build.
func (bd *Builder) titleHTML(t *htmlw.Translator, docname string) string {
	if v, ok := bd.titles.Load(docname); ok {
		return v.(string)
	}
	n := bd.state.Title(docname)
	if n == nil {
		return htmlw.Escape(bd.docTitle(docname))
	}
	html := renderTitle(t, n)
	var num []int
	if v, ok := n.Get("secnumber"); ok {
		num = intsOf(v)
	} else {
		num = bd.state.SectionNumbers(docname)[""]
	}
	if len(num) > 0 {
		html = `<span class="section-number">` + joinInts(num) + htmlw.Escape(bd.cfg.HTMLSecnumberSuffix) + "</span>" + html
	}
	bd.titles.Store(docname, html)
	return html
}

// renderTitle renders a title's content without its own markup: inline
// markup kept, links, targets and notes left out, as Sphinx's
// SphinxContentsFilter does for titles shown elsewhere.
func renderTitle(t *htmlw.Translator, title *doctree.Element) string {
	c := title.DeepCopyElement()
	var strip func(e *doctree.Element)
	strip = func(e *doctree.Element) {
		for i := 0; i < len(e.Children); i++ {
			k, ok := e.Children[i].(*doctree.Element)
			if !ok {
				continue
			}
			switch k.Tag {
			case "footnote_reference", "citation_reference", "image", "index", "target", "raw", "problematic", "system_message":
				e.RemoveAt(i)
				i--
				continue
			case "reference", "pending_xref", "number_reference", "download_reference":
				kids := append([]doctree.Node(nil), k.Children...)
				k.Clear()
				e.RemoveAt(i)
				e.Insert(i, kids...)
				i--
				continue
			}
			strip(k)
		}
	}
	strip(c)
	var out strings.Builder
	for _, k := range c.Children {
		out.WriteString(t.RenderString(k))
	}
	return out.String()
}
