package markdown

import (
	"bytes"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The attrs_image extension: "{#id .class key=value}" right after an
// image sets its attributes (mdit_py_plugins' attrs plugin, limited to
// images as MyST uses it).

// imageAttrs is a parsed attribute block; it renders nothing.
type imageAttrs struct {
	ast.BaseInline
	image *ast.Image
}

var kindImageAttrs = ast.NewNodeKind("MystImageAttrs")

func (n *imageAttrs) Kind() ast.NodeKind         { return kindImageAttrs }
func (n *imageAttrs) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type attrsParser struct{}

func (attrsParser) Trigger() []byte { return []byte{'{'} }

func (attrsParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	var img *ast.Image
	switch last := parent.LastChild().(type) {
	case *ast.Image:
		img = last
	case *imageAttrs:
		img = last.image
	}
	if img == nil {
		return nil
	}
	if knownMissing(pc, parent, "}", block) {
		return nil
	}
	restB, found := textUntil(block, func(b []byte) bool { return bytes.IndexByte(b, '}') >= 0 })
	if !found {
		noteMissing(pc, parent, "}", block)
	}
	rest := string(restB)
	n, attrs, ok := parseAttrs(rest)
	if !ok {
		return nil
	}
	for _, kv := range attrs {
		if kv[0] == "class" {
			if old, ok := img.AttributeString("class"); ok {
				if s, ok := old.(string); ok {
					kv[1] = s + " " + kv[1]
				}
			}
		}
		img.SetAttributeString(kv[0], kv[1])
	}
	advanceBy(block, min(n+1, len(rest)))
	return &imageAttrs{image: img}
}

func isKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':' || c == '-'
}

func isAttrSpacePunct(r rune) bool {
	return isPySpace(r) || r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,./;<=>?@[]^`{|}~", r)
}

// parseAttrs parses an attribute block at the start of s (the attrs
// plugin's state machine); n is the index of the closing brace (or the
// length of s, when there is none).
func parseAttrs(s string) (n int, attrs [][2]string, ok bool) {
	const (
		start = iota
		scanning
		inID
		inClass
		inKey
		inValue
		inBare
		inQuoted
		inComment
		inEscaped
	)
	type tok struct {
		typ        string
		start, end int
	}
	var toks []tok
	state := start
	tstart := 0
	rs := []rune(s)
	byteAt := make([]int, len(rs)+1)
	b := 0
	for i, r := range rs {
		byteAt[i] = b
		b += len(string(r))
	}
	byteAt[len(rs)] = b
	pos := 0
	done := false
	for ; pos < len(rs) && !done; pos++ {
		c := rs[pos]
		switch state {
		case start:
			if c != '{' {
				return 0, nil, false
			}
			state = scanning
		case scanning:
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			case c == '}':
				done = true
			case c == '#':
				tstart, state = pos, inID
			case c == '%':
				tstart, state = pos, inComment
			case c == '.':
				tstart, state = pos, inClass
			case c < 0x80 && isKeyChar(byte(c)):
				tstart, state = pos, inKey
			default:
				return 0, nil, false
			}
		case inComment:
			if c == '%' {
				state = scanning
			}
		case inID, inClass:
			if !isAttrSpacePunct(c) {
				continue
			}
			typ := "id"
			if state == inClass {
				typ = "class"
			}
			switch {
			case c == '}':
				if pos-1 > tstart {
					toks = append(toks, tok{typ, tstart + 1, pos})
				}
				done = true
			case isPySpace(c):
				if pos-1 > tstart {
					toks = append(toks, tok{typ, tstart + 1, pos})
				}
				state = scanning
			default:
				return 0, nil, false
			}
		case inKey:
			switch {
			case c == '=':
				toks = append(toks, tok{"key", tstart, pos})
				state = inValue
			case c < 0x80 && isKeyChar(byte(c)):
			default:
				return 0, nil, false
			}
		case inValue:
			switch {
			case c == '"':
				tstart, state = pos, inQuoted
			case c < 0x80 && isKeyChar(byte(c)):
				tstart, state = pos, inBare
			default:
				return 0, nil, false
			}
		case inBare:
			switch {
			case c < 0x80 && isKeyChar(byte(c)):
			case c == '}':
				toks = append(toks, tok{"value", tstart, pos})
				done = true
			case isPySpace(c):
				toks = append(toks, tok{"value", tstart, pos})
				state = scanning
			default:
				return 0, nil, false
			}
		case inEscaped:
			state = inQuoted
		case inQuoted:
			switch c {
			case '"':
				toks = append(toks, tok{"value", tstart + 1, pos})
				state = scanning
			case '\\':
				state = inEscaped
			case '{', '}':
				return 0, nil, false
			case '\n':
				toks = append(toks, tok{"value", tstart + 1, pos})
			}
		}
	}
	if done {
		pos--
	}
	text := func(t tok) string { return s[byteAt[t.start]:byteAt[t.end]] }
	var classes []string
	set := func(k, v string) {
		for i := range attrs {
			if attrs[i][0] == k {
				attrs[i][1] = v
				return
			}
		}
		attrs = append(attrs, [2]string{k, v})
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.typ {
		case "id":
			set("id", text(t))
		case "class":
			classes = append(classes, text(t))
		case "key":
			if i+1 < len(toks) && toks[i+1].typ == "value" {
				if k := text(t); k == "class" {
					classes = append(classes, text(toks[i+1]))
				} else {
					set(k, text(toks[i+1]))
				}
				i++
			}
		}
	}
	if len(classes) > 0 {
		set("class", strings.Join(classes, " "))
	}
	return byteAt[pos], attrs, true
}

// applyImageAttrs sets the attributes of an attribute block on an image
// element (MyST's render_image).
func (r *renderer) applyImageAttrs(n *ast.Image, img *doctree.Element) {
	get := func(name string) (string, bool) {
		v, ok := n.AttributeString(name)
		if !ok {
			return "", false
		}
		s, _ := v.(string)
		return s, true
	}
	if v, ok := get("class"); ok {
		img.Classes = append(img.Classes, strings.FieldsFunc(v, isPySpace)...)
	}
	if v, ok := get("width"); ok {
		if w, err := directives.LengthOrPercentageOrUnitless("")(v, false); err != nil {
			r.warn("Invalid width value for image: "+doctree.PyStrRepr(v), r.line, "image", r.cur)
		} else {
			img.Set("width", w)
		}
	}
	if v, ok := get("height"); ok {
		if h, err := directives.LengthOrUnitless(v, false); err != nil {
			r.warn("Invalid height value for image: "+doctree.PyStrRepr(v), r.line, "image", r.cur)
		} else {
			img.Set("height", h)
		}
	}
	if v, ok := get("align"); ok {
		if v != "left" && v != "center" && v != "right" {
			r.warn("Invalid align value for image: "+doctree.PyStrRepr(v), r.line, "image", r.cur)
		} else {
			img.Set("align", v)
		}
	}
	if v, ok := get("id"); ok {
		img.Names = append(img.Names, doctree.FullyNormalizeName(v))
		r.doc.NoteExplicitTarget(img, img)
	}
}
