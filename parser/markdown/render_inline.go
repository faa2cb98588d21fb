package markdown

import (
	"path"
	"slices"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/ast"
)

// renderInlines renders the inline children of n into the current node.
func (r *renderer) renderInlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.renderInline(c)
	}
}

// addText adds decoded text.
func (r *renderer) addText(s string) { r.appendText(s) }

// openTok and closeTok record a container token for the typographer.
func (r *renderer) openTok(auto bool) {
	r.tok(typoToken{typ: tokOpen, auto: auto})
	r.typoLevel++
}

func (r *renderer) closeTok(auto bool) {
	r.typoLevel--
	r.tok(typoToken{typ: tokClose, auto: auto})
}

func (r *renderer) rawNode(format, text string) *doctree.Element {
	el := doctree.NewTextElement(doctree.TagRaw, "", text)
	el.Set("format", format)
	return el
}

func (r *renderer) renderInline(n ast.Node) {
	src := r.u.si.src
	switch x := n.(type) {
	case *ast.Text:
		r.addText(decodeText(r.u.si.text(x.Segment)))
		switch {
		case x.HardLineBreak():
			r.appendNode(r.rawNode("html", "<br />\n"), r.rawNode("latex", "\\\\\n"))
			r.tok(typoToken{typ: tokHardbreak})
		case x.SoftLineBreak():
			r.appendNode(doctree.NewText("\n"))
			r.tok(typoToken{typ: tokSoftbreak})
		}
	case *ast.String:
		if x.IsCode() {
			r.addText(string(x.Value))
		} else {
			r.addText(decodeText(string(x.Value)))
		}
	case *ast.CodeSpan:
		var content string
		if t, ok := x.FirstChild().(*ast.Text); ok && t.NextSibling() == nil {
			content = r.u.si.text(t.Segment)
		} else {
			var b strings.Builder
			for c := x.FirstChild(); c != nil; c = c.NextSibling() {
				switch t := c.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			content = b.String()
		}
		content = strings.ReplaceAll(content, "\n", " ")
		el := doctree.NewTextElement(doctree.TagLiteral, content, content)
		r.setLine(el, r.line)
		r.appendNode(el)
		r.tok(typoToken{typ: tokOther, other: content})
	case *ast.Emphasis:
		tag := doctree.TagEmphasis
		if x.Level == 2 {
			tag = doctree.TagStrong
		}
		el := doctree.NewElement(tag)
		r.setLine(el, r.line)
		r.appendNode(el)
		r.openTok(false)
		r.withCurrent(el, func() { r.renderInlines(n) })
		r.closeTok(false)
	case *ast.Link:
		r.renderLink(x)
	case *ast.AutoLink:
		r.renderAutoLink(x)
	case *ast.Image:
		r.renderImage(x)
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < x.Segments.Len(); i++ {
			seg := x.Segments.At(i)
			b.Write(seg.Value(src))
		}
		r.appendNode(r.htmlToNodes(b.String(), r.line)...)
		r.tok(typoToken{typ: tokOther, other: b.String()})
	case *role:
		r.renderRole(x)
		r.tok(typoToken{typ: tokOther, other: x.Content})
	case *footnoteRef:
		r.renderFootnoteRef(x)
		r.tok(typoToken{typ: tokOther})
	case *mathInline:
		r.tok(typoToken{typ: tokOther, other: x.Content})
		if x.Double {
			el := doctree.NewTextElement(doctree.TagMathBlock, x.Content, x.Content)
			el.Set("nowrap", false)
			el.Set("number", nil)
			r.setLine(el, r.line)
			r.appendNode(el)
			return
		}
		el := doctree.NewTextElement(doctree.TagMath, x.Content, x.Content)
		r.setLine(el, r.line)
		r.appendNode(el)
	case *substInline:
		saved := r.typo
		r.typo = nil
		r.renderSubstitution(x.Content, r.line, true)
		r.typo = saved
		r.tok(typoToken{typ: tokOther, other: x.Content})
	case *strikethrough:
		r.warn("Strikethrough is currently only supported in HTML output", r.line, "strikethrough", r.cur)
		r.appendNode(r.rawNode("html", "<s>"))
		r.openTok(false)
		lone := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*loneTilde); ok && c.NextSibling() == nil {
				lone = true
				continue
			}
			r.renderInline(c)
		}
		r.closeTok(false)
		r.appendNode(r.rawNode("html", "</s>"))
		if lone {
			r.appendText("~")
		}
	case *loneTilde:
		r.appendText("~")
	case *imageAttrs:
		// applied to the image
	default:
		if n.Type() == ast.TypeInline {
			r.warn("No render method for: "+n.Kind().String(), r.line, "render", r.cur)
		}
	}
}

var unsafeURLChars = strings.NewReplacer("\t", "", "\r", "", "\n", "")

// urlScheme returns the scheme of a URL as Python's urlparse finds it.
func urlScheme(u string) string {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if strings.ContainsAny(u, "\t\r\n") {
		u = unsafeURLChars.Replace(u)
	}
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return ""
	}
	c0 := u[0]
	if !(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z') {
		return ""
	}
	for _, c := range []byte(u[:i]) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return ""
		}
	}
	return strings.ToLower(u[:i])
}

// isExternalURL is MyST's is_external_url.
func isExternalURL(ref string, schemes []string, anyScheme, matchFragment bool) bool {
	scheme := urlScheme(ref)
	known := scheme != ""
	if !anyScheme {
		known = slices.Contains(schemes, scheme)
	}
	if known {
		return true
	}
	if matchFragment {
		if i := strings.IndexByte(ref, '#'); i >= 0 && i+1 < len(ref) {
			return true
		}
	}
	return false
}

func (r *renderer) linkHref(dest []byte) string {
	href := normalizeLink(unescapeAll(string(dest)))
	if !validateLink(href) {
		return ""
	}
	return href
}

// invalidLinkText renders a link or image whose URL markdown-it refuses
// (validateLink): markdown-it then reads it as text, with the label's
// inline markup.
func (r *renderer) invalidLinkText(n ast.Node, bang bool) {
	src := r.u.si.src
	start := n.Pos()
	end := -1
	if next := n.NextSibling(); next != nil && next.Pos() > start {
		end = next.Pos()
	} else {
		for b := n.Parent(); b != nil; b = b.Parent() {
			if b.Type() == ast.TypeBlock {
				if l := b.Lines(); l.Len() > 0 {
					end = l.At(l.Len() - 1).Stop
				}
				break
			}
		}
	}
	labelEnd := start + 1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > labelEnd {
			labelEnd = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	for labelEnd < len(src) && src[labelEnd] != ']' {
		labelEnd++
	}
	if bang {
		r.appendText("![")
	} else {
		r.appendText("[")
	}
	r.renderInlines(n)
	if start >= 0 && labelEnd < end && end <= len(src) {
		r.appendText(decodeText(r.u.si.str[labelEnd:end]))
	}
}

func (r *renderer) renderLink(n *ast.Link) {
	if !validateLink(normalizeLink(unescapeAll(string(n.Destination)))) && n.Pos() >= 0 {
		r.invalidLinkText(n, false)
		return
	}
	href := r.linkHref(n.Destination)
	title := unescapeAll(string(n.Title))
	ref := doctree.NewElement(doctree.TagReference)
	r.setLine(ref, r.line)
	external := !r.cfg.myst() || r.cfg.AllLinksExternal
	if !external {
		scheme := urlScheme(href)
		if r.cfg.URLSchemes == nil {
			external = scheme != ""
		} else {
			external = slices.Contains(r.cfg.URLSchemes, scheme)
		}
	}
	if !external {
		if e := r.sphinxEnv(); e != nil {
			r.openTok(false)
			r.sphinxInternalLink(e, href, title, n.HasChildren(), func() { r.renderInlines(n) })
			r.closeTok(false)
			return
		}
	}
	if external {
		ref.Set("refuri", href)
	} else {
		ref.Set("refname", href)
		r.doc.NoteRefName(ref)
	}
	if title != "" {
		ref.Set("title", title)
	}
	r.appendNode(ref)
	r.openTok(false)
	r.withCurrent(ref, func() { r.renderInlines(n) })
	r.closeTok(false)
}

func (r *renderer) renderAutoLink(n *ast.AutoLink) {
	label := string(n.Label(r.u.si.src))
	full := label
	switch {
	case n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(label), "mailto:"):
		full = "mailto:" + label
	case n.Protocol != nil && !strings.Contains(label, "://"):
		// a linkified "www." address
		full = string(n.Protocol) + "://" + label
	}
	full = normalizeLink(full)
	if !validateLink(full) {
		r.addText("<" + label + ">")
		return
	}
	ref := doctree.NewElement(doctree.TagReference)
	ref.Set("refuri", escapeHTML(full))
	r.setLine(ref, r.line)
	r.appendNode(ref)
	r.openTok(true)
	r.withCurrent(ref, func() { r.appendText(normalizeLinkText(label)) })
	r.closeTok(true)
}

// inlineAsText is MyST's renderInlineAsText: the text of the text tokens,
// for an image's alt.
func (r *renderer) inlineAsText(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			b.WriteString(decodeText(r.u.si.text(x.Segment)))
		case *ast.String:
			b.Write(x.Value)
		case *ast.CodeSpan, *ast.RawHTML, *role, *mathInline, *footnoteRef, *substInline:
			// tokens without children
		case *ast.AutoLink:
			b.WriteString(normalizeLinkText(string(x.Label(r.u.si.src))))
		default:
			b.WriteString(r.inlineAsText(c))
		}
	}
	return b.String()
}

func (r *renderer) renderImage(n *ast.Image) {
	if !validateLink(normalizeLink(unescapeAll(string(n.Destination)))) && n.Pos() >= 0 {
		r.invalidLinkText(n, true)
		return
	}
	img := doctree.NewElement(doctree.TagImage)
	r.setLine(img, r.line)
	dest := r.linkHref(n.Destination)
	if rel := r.env.relativeImages; rel != nil && !isExternalURL(dest, nil, true, true) {
		dest = path.Join(*rel, path.Clean(dest))
	}
	img.Set("uri", dest)
	img.Set("alt", r.inlineAsText(n))
	if title := unescapeAll(string(n.Title)); title != "" {
		img.Set("title", title)
	}
	r.applyImageAttrs(n, img)
	r.appendNode(img)
	r.tok(typoToken{typ: tokOther, other: img.GetString("alt")})
}

func (r *renderer) renderFootnoteRef(n *footnoteRef) {
	ref := doctree.NewTextElement(doctree.TagFootnoteReference, "[^"+n.Label+"]", "")
	r.setLine(ref, r.line)
	if !isPyDigits(n.Label) {
		ref.Set("auto", 1)
		r.doc.NoteAutoFootnoteRef(ref)
	} else {
		ref.Append(doctree.NewText(n.Label))
	}
	ref.Set("refname", n.Label)
	r.doc.NoteFootnoteRef(ref)
	r.appendNode(ref)
}

// renderRole runs a role (MyST's render_myst_role). The role's messages
// are not kept, as in MyST.
func (r *renderer) renderRole(n *role) {
	rawsource := ":" + n.Name + ":`" + n.Content + "`"
	lineno := r.line
	rl, _ := r.scope.LookupRole(n.Name, r.doc.Reporter, lineno)
	inliner := &inlineHost{r: r, parent: r.cur}
	if rl == nil || rl.Fn == nil {
		msg := r.doc.Reporter.Error(`Unknown interpreted text role "`+n.Name+`".`, doctree.MsgOpts{Line: lineno})
		r.appendNode(inliner.Problematic(n.Content, rawsource, msg))
		return
	}
	nodes, _ := rl.Fn(&directives.RoleCall{
		Name:    n.Name,
		RawText: rawsource,
		Text:    n.Content,
		Lineno:  lineno,
		Options: rl.Options,
		Content: rl.Content,
		Inliner: inliner,
	})
	r.appendNode(nodes...)
}

// htmlToNodes turns raw HTML into nodes (MyST's html_to_nodes): a raw
// node, unless html_image or html_admonition converts it.
func (r *renderer) htmlToNodes(text string, line int) []doctree.Node {
	if r.cfg.GFMOnly {
		text = gfmTagFilter(text)
	}
	if r.cfg.Has(ExtHTMLImage) || r.cfg.Has(ExtHTMLAdmonition) {
		if nodes, ok := r.htmlExtensions(text, line); ok {
			return nodes
		}
	}
	raw := r.rawNode("html", text)
	raw.Source = r.source
	raw.Line = line
	return []doctree.Node{raw}
}

// gfmTagFilter is GFM's tagfilter: the opening "<" of tags that must not
// pass through (script, style, iframe ...) is escaped.
func gfmTagFilter(s string) string {
	lower := strings.ToLower(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '/' {
			j++
		}
		for _, tag := range []string{"iframe", "noembed", "noframes", "plaintext", "script", "style", "title", "textarea", "xmp"} {
			if strings.HasPrefix(lower[j:], tag) {
				k := j + len(tag)
				if k < len(s) && strings.IndexByte("\t\n\f\r />", s[k]) >= 0 {
					b.WriteString(s[last:i])
					b.WriteString("&lt;")
					last = i + 1
				}
				break
			}
		}
	}
	b.WriteString(s[last:])
	return b.String()
}
