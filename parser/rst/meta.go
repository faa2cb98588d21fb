package rst

import (
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// RegisterDirectives adds the directives that need the reST parser's own
// states: "meta", whose content is parsed by docutils' MetaBody state.
func RegisterDirectives(reg *directives.Registry) {
	reg.AddDirective("meta", &directives.Directive{HasContent: true, Run: runMeta})
}

// runMeta is docutils' directives.misc.Meta.run.
func runMeta(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	h, ok := c.Host.(*host)
	if !ok {
		return nil, c.Errorf("The \"%s\" directive needs the reStructuredText parser.", c.Name)
	}
	m := h.m
	node := doctree.NewElement("")
	content := h.view(c.Content)
	newOffset, _ := m.nestedListParse(content, c.ContentOffset, node, stMetaBody, true, listParseOpts{})
	if newOffset-c.ContentOffset != content.Len() { // incomplete parse of block?
		node.Append(m.ds.rep.Error("Invalid meta directive.", doctree.MsgOpts{Line: c.Lineno}, literalBlock(c.BlockText, c.BlockText)))
	}
	// insert at the beginning of the document, after titles and meta
	root := m.ds.doc.Root
	index := 0
	for i, ch := range root.Children {
		if e, ok := ch.(*doctree.Element); ok && (e.Is(doctree.ClassTitular) || e.Tag == doctree.TagMeta) {
			continue
		}
		index = i
		break
	}
	children := node.Children
	node.Children = nil
	for _, ch := range children {
		if e, ok := ch.(*doctree.Element); ok {
			m.ds.setupChild(e)
		}
	}
	root.Insert(index, children...)
	return nil, nil
}

// metaField is MetaBody.field_marker.
func (m *machine) metaField(bm bodyMatch) result {
	node, _ := m.parseMeta(bm)
	m.add(node)
	return resStay
}

// parseMeta is MetaBody.parsemeta.
func (m *machine) parseMeta(bm bodyMatch) (*doctree.Element, bool) {
	rep := m.ds.rep
	name := doctree.Unescape(escape2null(parseFieldMarker(m.line[:bm.end])), false)
	indented, _, _, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:bm.end]), false, true, true)
	node := doctree.NewElement(doctree.TagMeta)
	node.Set("content", doctree.Unescape(escape2null(strings.Join(indented.data, " ")), false))
	if indented.Len() == 0 {
		line := m.line
		return rep.Info("No content for meta tag \""+name+"\".", doctree.MsgOpts{}, literalBlock(line, line)), blankFinish
	}
	tokens := pySplit(name)
	if len(tokens) == 0 {
		// docutils fails on an empty name (IndexError); keep the node.
		return node, blankFinish
	}
	if attname, val, err := extractNameValue(tokens[0]); err == "" {
		node.Set(strings.ToLower(attname), val)
	} else {
		node.Set("name", tokens[0])
	}
	for _, token := range tokens[1:] {
		attname, val, err := extractNameValue(token)
		if err != "" {
			line := m.line
			return rep.Error("Error parsing meta tag attribute \""+token+"\": "+err+".", doctree.MsgOpts{}, literalBlock(line, line)), blankFinish
		}
		node.Set(strings.ToLower(attname), val)
	}
	return node, blankFinish
}

// extractNameValue returns the first pair of utils.extract_name_value, or
// its NameValueError text.
func extractNameValue(line string) (string, string, string) {
	type pair struct{ name, value string }
	var attlist []pair
	for line != "" {
		equals := strings.IndexByte(line, '=')
		if equals < 0 {
			return "", "", "missing \"=\""
		}
		attname := pyStrip(line[:equals])
		if equals == 0 || attname == "" {
			return "", "", "missing attribute name before \"=\""
		}
		line = pyLstrip(line[equals+1:])
		if line == "" {
			return "", "", "missing value after \"" + attname + "=\""
		}
		var data string
		if q := line[0]; q == '\'' || q == '"' {
			endquote := strings.IndexByte(line[1:], q)
			if endquote < 0 {
				return "", "", "attribute \"" + attname + "\" missing end quote (" + string(q) + ")"
			}
			endquote++
			if len(line) > endquote+1 {
				if r, _ := decodeRune(line, endquote+1); !isPySpace(r) {
					return "", "", "attribute \"" + attname + "\" end quote (" + string(q) + ") not followed by whitespace"
				}
			}
			data = line[1:endquote]
			line = pyLstrip(line[endquote+1:])
		} else if space := strings.IndexByte(line, ' '); space < 0 {
			data, line = line, ""
		} else {
			data = line[:space]
			line = pyLstrip(line[space+1:])
		}
		attlist = append(attlist, pair{strings.ToLower(attname), data})
	}
	if len(attlist) == 0 {
		return "", "", "missing \"=\""
	}
	return attlist[0].name, attlist[0].value, ""
}
