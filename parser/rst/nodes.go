package rst

import (
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// containerRaw returns the rawsource docutils gives a compound container
// (block_quote, list_item, definition_list_item, field_body, description,
// footnote, citation): the text of its whole block. Nothing in the output
// shows it but expose_internals, and in deeply nested input building it
// costs time proportional to the block at every level (cubic for nested
// block quotes), so the parser spends a budget proportional to the input
// on it; past the budget, containers get no rawsource.
func (ds *docState) containerRaw(lines ...[]string) string {
	n := 0
	for _, l := range lines {
		for _, s := range l {
			n += len(s) + 1
		}
	}
	if n > ds.rawBudget {
		ds.rawBudget = 0
		return ""
	}
	ds.rawBudget -= n
	var b strings.Builder
	b.Grow(n)
	first := true
	for _, l := range lines {
		for _, s := range l {
			if !first {
				b.WriteByte('\n')
			}
			first = false
			b.WriteString(s)
		}
	}
	return b.String()
}

// attached reports whether e is in the document tree (docutils:
// e.document is set).
func (ds *docState) attached(e *doctree.Element) bool {
	root := ds.doc.Root
	for ; e != nil; e = e.Parent() {
		if e == root {
			return true
		}
	}
	return false
}

// appendTo appends nodes to parent as docutils' Element.append does: a
// child added to an element that is in the document takes the document's
// current source and line when it has none (Node.setup_child). Nil
// elements are skipped, as docutils skips None.
func (ds *docState) appendTo(parent *doctree.Element, nodes ...doctree.Node) {
	if parent == nil {
		return
	}
	att := -1
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if e, ok := n.(*doctree.Element); ok {
			if e == nil {
				continue
			}
			if att < 0 {
				att = 0
				if ds.attached(parent) {
					att = 1
				}
			}
			if att == 1 {
				ds.setupChild(e)
			}
		}
		parent.Append(n)
	}
}

func (ds *docState) setupChild(e *doctree.Element) {
	if e.Source == "" {
		e.Source = ds.doc.CurrentSource
	}
	if e.Line == 0 {
		e.Line = ds.doc.CurrentLine
	}
}

// appendMsgs appends system messages.
func (ds *docState) appendMsgs(parent *doctree.Element, msgs []*doctree.Element) {
	for _, m := range msgs {
		ds.appendTo(parent, m)
	}
}

// add appends to the machine's node (self.parent += ...).
func (m *machine) add(nodes ...doctree.Node) { m.ds.appendTo(m.node, nodes...) }

// addMsgs appends system messages to the machine's node.
func (m *machine) addMsgs(msgs []*doctree.Element) { m.ds.appendMsgs(m.node, msgs) }

// literalBlock returns nodes.literal_block(raw, text).
func literalBlock(raw, text string) *doctree.Element {
	return doctree.NewTextElement(doctree.TagLiteralBlock, raw, text)
}

// elems converts elements to nodes.
func elems(es []*doctree.Element) []doctree.Node {
	out := make([]doctree.Node, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// lineOpts locates a message at an absolute line number. Line numbers
// below 1 (which docutils computes for some malformed input) are mapped
// here as docutils maps them, counting from the end of the input.
func (ds *docState) lineOpts(line int) doctree.MsgOpts {
	if line > 0 || ds.root == nil {
		return doctree.MsgOpts{Line: line}
	}
	src, l := ds.root.getSourceAndLine(line, true)
	return doctree.MsgOpts{Source: src, SourceLine: l}
}
