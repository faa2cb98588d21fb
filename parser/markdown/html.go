package markdown

import (
	"html"
	"regexp"
	"sort"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// The html_image and html_admonition extensions turn HTML made only of
// <img> elements, or of <div class="admonition"> elements, into image and
// admonition directives (MyST's html_to_nodes). The HTML is read into a
// small tree as MyST's tokenize_html does with Python's HTMLParser.

// htmlNode is an element of that tree: a tag (Name set) or a terminal
// (Kind "data", "comment", "decl", "pi", "charref", "entity").
type htmlNode struct {
	Name     string
	Kind     string
	Data     string
	Attrs    [][2]string // value "\x00" stands for an attribute without value
	Void     bool        // rendered without an end tag
	XTag     bool        // written as <name/>
	Children []*htmlNode
	parent   *htmlNode
}

const noValue = "\x00"

func (n *htmlNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a[0] == name {
			return a[1], true
		}
	}
	return "", false
}

func (n *htmlNode) classes() []string {
	v, _ := n.attr("class")
	if v == noValue {
		v = "None"
	}
	return strings.Fields(v)
}

func (n *htmlNode) hasClass(c string) bool {
	for _, x := range n.classes() {
		if x == c {
			return true
		}
	}
	return false
}

func (n *htmlNode) attrString() string {
	parts := make([]string, len(n.Attrs))
	for i, a := range n.Attrs {
		v := a[1]
		if v == noValue {
			v = "None"
		}
		parts[i] = a[0] + `="` + v + `"`
	}
	return strings.Join(parts, " ")
}

// render writes the node back as HTML, as MyST's Element.render.
func (n *htmlNode) render() string {
	switch n.Kind {
	case "data":
		return n.Data
	case "comment":
		return "<!--" + n.Data + "-->"
	case "decl":
		return "<!" + n.Data + ">"
	case "pi":
		return "<?" + n.Data + ">"
	case "charref":
		return "&#" + n.Data + ";"
	case "entity":
		return "&" + n.Data + ";"
	}
	var b strings.Builder
	if n.Name == "" {
		for _, c := range n.Children {
			b.WriteString(c.render())
		}
		return b.String()
	}
	b.WriteString("<" + n.Name)
	if len(n.Attrs) > 0 {
		b.WriteString(" " + n.attrString())
	}
	switch {
	case n.XTag:
		b.WriteString("/>")
		return b.String()
	case n.Void:
		b.WriteString(">")
		return b.String()
	}
	b.WriteString(">")
	for _, c := range n.Children {
		b.WriteString(c.render())
	}
	b.WriteString("</" + n.Name + ">")
	return b.String()
}

// stripped returns the children without white-space-only data.
func (n *htmlNode) stripped() []*htmlNode {
	var out []*htmlNode
	for _, c := range n.Children {
		if c.Kind == "data" && pyStrip(c.Data) == "" {
			continue
		}
		out = append(out, c)
	}
	return out
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

var (
	htmlTagName  = regexp.MustCompile(`^<([a-zA-Z][^\t\n\r\f />\x00]*)`)
	htmlAttr     = regexp.MustCompile(`^[\s/]*([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|[^>\s]*))?`)
	htmlEndTag   = regexp.MustCompile(`^</([a-zA-Z][^\t\n\r\f />\x00]*)\s*>`)
	htmlCharRef  = regexp.MustCompile(`^&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]`)
	htmlEntity   = regexp.MustCompile(`^&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]`)
	htmlCharRefN = regexp.MustCompile(`^&#([0-9]+|[xX][0-9a-fA-F]+)`)
)

// tokenizeHTML reads text into a tree as MyST's tokenize_html does.
func tokenizeHTML(text string) *htmlNode {
	root := &htmlNode{}
	stack := []*htmlNode{root}
	top := func() *htmlNode { return stack[len(stack)-1] }
	add := func(n *htmlNode) {
		p := top()
		n.parent = p
		p.Children = append(p.Children, n)
	}
	data := func(s string) {
		if s == "" {
			return
		}
		p := top()
		if k := len(p.Children); k > 0 && p.Children[k-1].Kind == "data" {
			p.Children[k-1].Data += s
			return
		}
		add(&htmlNode{Kind: "data", Data: s})
	}
	i := 0
	for i < len(text) {
		rest := text[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return root
			}
			add(&htmlNode{Kind: "comment", Data: rest[4 : 4+end]})
			i += 4 + end + 3
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return root
			}
			kind := "decl"
			if rest[1] == '?' {
				kind = "pi"
			}
			add(&htmlNode{Kind: kind, Data: rest[2:end]})
			i += end + 1
		case strings.HasPrefix(rest, "</"):
			m := htmlEndTag.FindStringSubmatch(rest)
			if m == nil {
				data("<")
				i++
				continue
			}
			name := strings.ToLower(m[1])
			if !voidElements[name] {
				for k := len(stack) - 1; k > 0; k-- {
					if stack[k].Name == name {
						stack = stack[:k]
						break
					}
				}
			}
			i += len(m[0])
		case rest[0] == '<':
			m := htmlTagName.FindStringSubmatch(rest)
			if m == nil {
				data("<")
				i++
				continue
			}
			n := &htmlNode{Name: strings.ToLower(m[1])}
			j := len(m[0])
			for {
				am := htmlAttr.FindStringSubmatch(rest[j:])
				if am == nil || am[1] == "" {
					break
				}
				val := noValue
				if am[2] != "" {
					val = am[3]
					if len(val) >= 2 && (val[0] == '\'' || val[0] == '"') && val[len(val)-1] == val[0] {
						val = val[1 : len(val)-1]
					}
					val = html.UnescapeString(val)
				}
				n.Attrs = append(n.Attrs, [2]string{strings.ToLower(am[1]), val})
				j += len(am[0])
			}
			for j < len(rest) && isSpaceTab(rest[j]) || j < len(rest) && (rest[j] == '\n' || rest[j] == '\r') {
				j++
			}
			switch {
			case strings.HasPrefix(rest[j:], "/>"):
				n.XTag = true
				add(n)
				i += j + 2
			case strings.HasPrefix(rest[j:], ">"):
				if voidElements[n.Name] {
					n.Void = true
					add(n)
				} else {
					add(n)
					stack = append(stack, n)
				}
				i += j + 1
			default:
				// an unfinished tag stays unread, as in HTMLParser.feed
				return root
			}
		case rest[0] == '&':
			if m := htmlCharRef.FindString(rest); m != "" {
				ref := htmlCharRefN.FindStringSubmatch(rest)
				add(&htmlNode{Kind: "charref", Data: ref[1]})
				i += len(ref[0])
				if strings.HasPrefix(text[i:], ";") {
					i++
				}
				continue
			}
			if m := htmlEntity.FindStringSubmatch(rest); m != nil {
				add(&htmlNode{Kind: "entity", Data: m[1]})
				i += 1 + len(m[1])
				if strings.HasPrefix(text[i:], ";") {
					i++
				}
				continue
			}
			data("&")
			i++
		default:
			j := strings.IndexAny(rest, "<&")
			if j < 0 {
				j = len(rest)
			}
			data(rest[:j])
			i += j
		}
	}
	return root
}

var (
	imageOptionKeys      = map[string]bool{"class": true, "alt": true, "height": true, "width": true, "align": true, "name": true}
	admonitionOptionKeys = map[string]bool{"class": true, "name": true}
)

// directiveOptions writes the attributes in keys as ":key: value" lines,
// sorted by key.
func directiveOptions(n *htmlNode, keys map[string]bool) string {
	var attrs [][2]string
	seen := map[string]bool{}
	for k := len(n.Attrs) - 1; k >= 0; k-- {
		a := n.Attrs[k]
		if keys[a[0]] && !seen[a[0]] {
			seen[a[0]] = true
			attrs = append(attrs, a)
		}
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i][0] < attrs[j][0] })
	lines := make([]string, len(attrs))
	for i, a := range attrs {
		v := a[1]
		if v == noValue {
			v = "None"
		}
		lines[i] = ":" + a[0] + ": " + v
	}
	return strings.Join(lines, "\n")
}

// htmlExtensions converts HTML made only of <img> elements (html_image) or
// admonition <div>s (html_admonition) into directives, as MyST's
// html_to_nodes does; ok is false when the HTML is something else.
func (r *renderer) htmlExtensions(text string, line int) ([]doctree.Node, bool) {
	enableImg, enableAdm := r.cfg.Has(ExtHTMLImage), r.cfg.Has(ExtHTMLAdmonition)
	root := tokenizeHTML(text)
	children := root.stripped()
	if len(children) == 0 {
		return nil, false
	}
	for _, c := range children {
		if !(enableImg && c.Name == "img") && !(enableAdm && c.Name == "div" && c.hasClass("admonition")) {
			return nil, false
		}
	}
	var out []doctree.Node
	for _, c := range children {
		if c.Name == "img" {
			src, ok := c.attr("src")
			if !ok {
				return []doctree.Node{r.doc.Reporter.Error("<img> missing 'src' attribute", doctree.MsgOpts{Line: line})}, true
			}
			if src == noValue {
				src = "None"
			}
			out = append(out, r.runDirective("image", src, directiveOptions(c, imageOptionKeys), line)...)
			continue
		}
		kids := c.stripped()
		title := "Note"
		if len(kids) > 0 && (kids[0].Name == "div" || kids[0].Name == "p") &&
			(kids[0].hasClass("title") || kids[0].hasClass("admonition-title")) {
			var b strings.Builder
			for _, t := range kids[0].Children {
				b.WriteString(t.render())
			}
			title = b.String()
			kids = kids[1:]
		}
		options := strings.TrimRightFunc(directiveOptions(c, admonitionOptionKeys), isPySpace)
		var body strings.Builder
		for _, k := range kids {
			if k.Name == "p" {
				for _, t := range k.Children {
					body.WriteString(t.render())
				}
				body.WriteString("\n\n")
				continue
			}
			body.WriteString(k.render())
		}
		content := options
		if options != "" {
			content += "\n\n"
		}
		content += pyLStrip(body.String())
		out = append(out, r.runDirective("admonition", title, content, line)...)
	}
	return out, true
}
