package markdown

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/ast"
)

// In a Sphinx build (doc.Env set by the build), MyST renders with its
// SphinxRenderer: internal links become pending cross-references, code
// blocks keep their language for the HTML writer's highlighter, and
// warnings follow suppress_warnings. sphinxEnv is the part of the build's
// environment (sphinx.DocEnv) this needs; it is matched structurally so
// that this package does not depend on the Sphinx layer.
type sphinxEnv interface {
	DocName() string
	SrcDir() string
	Setting(name string) (any, bool)
	Temp() map[string]any
}

func (r *renderer) sphinxEnv() sphinxEnv {
	e, _ := r.doc.Env.(sphinxEnv)
	return e
}

// sphinxStrings reads a Sphinx setting that is a string or list of strings.
func sphinxStrings(e sphinxEnv, name string) []string {
	v, ok := e.Setting(name)
	if !ok {
		return nil
	}
	switch x := v.(type) {
	case string:
		return []string{x}
	case []string:
		return x
	case []any:
		var out []string
		for _, s := range x {
			if str, ok := s.(string); ok {
				out = append(out, str)
			}
		}
		return out
	case map[string]string:
		var out []string
		for k := range x {
			out = append(out, k)
		}
		return out
	case map[string]any:
		var out []string
		for k := range x {
			out = append(out, k)
		}
		return out
	case interface{ Keys() []any }:
		// a Python dict (config.Dict): its keys
		var out []string
		for _, k := range x.Keys() {
			if str, ok := k.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	return nil
}

// suppressed is Sphinx's is_suppressed_warning for "type.subtype".
func suppressed(e sphinxEnv, wtype, subtype string) bool {
	for _, s := range sphinxStrings(e, "suppress_warnings") {
		t, st, hasSub := strings.Cut(s, ".")
		if t == wtype && (!hasSub || st == "*" || st == subtype) {
			return true
		}
	}
	return false
}

// sphinxInternalLink renders a link that is not an external URL as
// MyST's SphinxRenderer.render_internal_link: a download reference for an
// existing file that is not a document, else a pending_xref of type
// "myst".
func (r *renderer) sphinxInternalLink(e sphinxEnv, href, title string, explicit bool, children func()) {
	dest, err := url.PathUnescape(href)
	if err != nil {
		dest = href
	}
	if rd := r.env.relativeDocs; rd != nil && strings.HasPrefix(dest, rd.prefix) {
		if rel, err := filepath.Rel(rd.sourceDir, filepath.Join(rd.includeDir, filepath.Clean(dest))); err == nil {
			dest = filepath.ToSlash(rel)
		}
	}
	docname := e.DocName()
	isFile := false
	if e.SrcDir() != "" && dest != "" {
		p := filepath.Join(e.SrcDir(), filepath.FromSlash(path.Dir(docname)), filepath.FromSlash(dest))
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			isFile = true
			for _, suf := range sphinxStrings(e, "source_suffix") {
				if strings.HasSuffix(dest, suf) {
					isFile = false
				}
			}
		}
	}
	var wrap *doctree.Element
	classes := []string{"xref", "myst"}
	text := ""
	if isFile {
		wrap = doctree.NewElement("download_reference")
		wrap.Set("refwarn", false)
		classes = []string{"xref", "download", "myst"}
		if !explicit {
			text = dest
		}
	} else {
		wrap = doctree.NewElement("pending_xref")
		wrap.Set("refwarn", true)
	}
	wrap.Set("refdoc", docname)
	wrap.Set("reftarget", dest)
	wrap.Set("reftype", "myst")
	wrap.Set("refdomain", nil)
	wrap.Set("refexplicit", explicit)
	r.setLine(wrap, r.line)
	if title != "" {
		wrap.Set("title", title)
	}
	r.appendNode(wrap)
	inner := doctree.NewTextElement(doctree.TagInline, "", text)
	inner.Classes = classes
	wrap.Append(inner)
	r.withCurrent(inner, children)
}

// sphinxHighlightLanguage is the language of a fence without one: the
// highlight directive's, else highlight_language.
func sphinxHighlightLanguage(e sphinxEnv) string {
	if v, ok := e.Temp()["highlight_language"].(string); ok {
		return v
	}
	if v, ok := e.Setting("highlight_language"); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return "default"
}

var slugStrip = regexp.MustCompile(`[^\p{L}\p{N}_\x{4e00}-\x{9fff}\- ]`)

// defaultSlug is the anchors plugin's slugify: GitHub's style.
func defaultSlug(title string) string {
	s := strings.ReplaceAll(strings.ToLower(pyStrip(title)), " ", "-")
	return slugStrip.ReplaceAllString(s, "")
}

// headingAnchor gives a section the slug of its heading (the anchors
// plugin, myst_heading_anchors). At docutils level MyST does not use it;
// in a Sphinx build the section records it as "myst-anchor", for
// references to "doc.md#slug".
func (r *renderer) headingAnchor(n ast.Node, section *doctree.Element) {
	var b strings.Builder
	r.anchorText(&b, n)
	slugify := r.cfg.HeadingSlugFunc
	if slugify == nil {
		slugify = defaultSlug
	}
	base := slugify(b.String())
	slug := base
	if r.u.slugs == nil {
		r.u.slugs = map[string]bool{}
	}
	for i := 1; r.u.slugs[slug]; i++ {
		slug = base + "-" + strconv.Itoa(i)
	}
	r.u.slugs[slug] = true
	e := r.sphinxEnv()
	if e == nil {
		return
	}
	name := e.DocName() + filepath.Ext(r.source) + "#" + slug
	section.Set("myst-anchor", name)
	if len(section.IDs) == 0 {
		return
	}
	// MyST's render_heading adds the slug to the std domain's labels
	// while parsing, with the title's text of that moment.
	var title string
	if t, ok := section.Children[0].(*doctree.Element); ok {
		title = cleanText(t)
	}
	anchors, _ := e.Temp()[AnchorsTempKey].([]HeadingAnchor)
	e.Temp()[AnchorsTempKey] = append(anchors, HeadingAnchor{Name: name, ID: section.IDs[0], Title: title, Line: section.Line})
}

// anchorText writes the text the anchors plugin makes a slug of: the
// content of the heading's text and code tokens, which markdown-it lists
// flat, so with the text inside emphasis and links, but not image alts.
func (r *renderer) anchorText(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			b.WriteString(decodeText(r.u.si.text(x.Segment)))
		case *ast.String:
			b.Write(x.Value)
		case *ast.CodeSpan:
			for t := x.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					b.Write(tt.Segment.Value(r.u.si.src))
				}
			}
		case *ast.AutoLink:
			b.WriteString(normalizeLinkText(string(x.Label(r.u.si.src))))
		case *ast.Emphasis, *ast.Link, *strikethrough:
			r.anchorText(b, c)
		}
	}
}

// AnchorsTempKey is the key under a document's scratch state
// (sphinx.DocEnv.Temp) where the parser lists the []HeadingAnchor of the
// headings it gave slugs (myst_heading_anchors), for the build to record
// as std labels: MyST makes "doc.md#slug" a label, which Markdown links
// and :ref: reach.
const AnchorsTempKey = "myst_anchors"

// HeadingAnchor is one heading's slug as a label: Name is "path#slug",
// the path being the document's source file relative to the source
// directory; ID is the section's id, Title its title's text.
type HeadingAnchor struct {
	Name, ID, Title string
	Line            int
}

// cleanText is doctree.CleanText (Sphinx's clean_astext).
func cleanText(e *doctree.Element) string { return doctree.CleanText(e) }
