package transforms

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// englishLanguage is docutils.languages.en, the fallback when the
// transformer has no language source: transforms must work on a bare
// document too.
var englishLanguage = &directives.Language{
	Code:   "en",
	Module: "docutils.languages.en",
	Labels: map[string]string{
		"author": "Author", "authors": "Authors", "organization": "Organization",
		"address": "Address", "contact": "Contact", "version": "Version",
		"revision": "Revision", "status": "Status", "date": "Date",
		"copyright": "Copyright", "dedication": "Dedication", "abstract": "Abstract",
		"attention": "Attention!", "caution": "Caution!", "danger": "!DANGER!",
		"error": "Error", "hint": "Hint", "important": "Important", "note": "Note",
		"tip": "Tip", "warning": "Warning", "contents": "Contents",
	},
	BibliographicFields: map[string]string{
		"author": "author", "authors": "authors", "organization": "organization",
		"address": "address", "contact": "contact", "version": "version",
		"revision": "revision", "status": "status", "date": "date",
		"copyright": "copyright", "dedication": "dedication", "abstract": "abstract",
	},
	AuthorSeparators: []string{";", ","},
}

// replaceSelf replaces n in its parent by repl exactly as docutils 0.19's
// Element.replace_self: the first replacement, when it is an element,
// takes over n's ids, classes, names and dupnames.
func replaceSelf(n *doctree.Element, repl ...doctree.Node) {
	p := n.Parent()
	if p == nil {
		return
	}
	if len(repl) > 0 {
		if first, ok := repl[0].(*doctree.Element); ok {
			first.UpdateBasicAtts(n)
		}
	}
	// Detach the replacements from any parent they still have (a
	// substitution definition's copy, a pending element's details).
	for _, r := range repl {
		if rp := r.Parent(); rp != nil && rp != p {
			rp.Remove(r)
		}
	}
	p.Replace(n, repl...)
}

// problematic returns a problematic element standing for ref, linked to
// the message msg (which gets an id when it has none) and back.
func problematic(doc *doctree.Document, ref *doctree.Element, msg *doctree.Element) *doctree.Element {
	msgid := doc.SetID(msg, nil, "")
	prb := doctree.NewTextElement(doctree.TagProblematic, ref.RawSource, ref.RawSource)
	prb.Set("refid", msgid)
	prbid := doc.SetID(prb, nil, "")
	msg.AddBackRef(prbid)
	return prb
}

// firstChildNotMatching returns the index of e's first child that is not
// an element in any of the categories and whose tag is not one of tags,
// or -1 (docutils' first_child_not_matching_class).
func firstChildNotMatching(e *doctree.Element, classes []doctree.Class, tags ...string) int {
outer:
	for i, c := range e.Children {
		ce, ok := c.(*doctree.Element)
		if !ok {
			return i
		}
		for _, cl := range classes {
			if doctree.ClassOf(ce.Tag)&cl != 0 {
				continue outer
			}
		}
		for _, t := range tags {
			if ce.Tag == t {
				continue outer
			}
		}
		return i
	}
	return -1
}

// childElement returns e's i-th child when it is an element.
func childElement(e *doctree.Element, i int) *doctree.Element {
	if i < 0 || i >= len(e.Children) {
		return nil
	}
	ce, _ := e.Children[i].(*doctree.Element)
	return ce
}

// isTag reports whether n is an element with the tag.
func isTag(n doctree.Node, tag string) bool {
	e, ok := n.(*doctree.Element)
	return ok && e.Tag == tag
}

// isClass reports whether n is an element in any of the categories in c.
func isClass(n doctree.Node, c doctree.Class) bool {
	e, ok := n.(*doctree.Element)
	return ok && doctree.ClassOf(e.Tag)&c != 0
}

// setChildren replaces e's children by nodes, which may include some of
// them (docutils' node[:] = ...).
func setChildren(e *doctree.Element, nodes []doctree.Node) {
	nodes = append([]doctree.Node(nil), nodes...)
	for _, n := range nodes {
		if p := n.Parent(); p != nil && p != e {
			p.Remove(n)
		}
	}
	e.Children = nil
	e.Append(nodes...)
}

// textNodes returns the text nodes under e, in document order.
func textNodes(e *doctree.Element) []*doctree.Text {
	var out []*doctree.Text
	doctree.Inspect(e, func(n doctree.Node) bool {
		if t, ok := n.(*doctree.Text); ok {
			out = append(out, t)
		}
		return true
	})
	return out
}

// hasAttr reports whether e has a non-list attribute (docutils'
// hasattr; list attributes count only when non-empty, which is how
// docutils' transforms use them).
func hasAttr(e *doctree.Element, name string) bool {
	v, ok := e.Get(name)
	switch name {
	case "ids", "classes", "names", "dupnames", "backrefs":
		l, _ := v.([]string)
		return len(l) > 0
	}
	return ok
}
