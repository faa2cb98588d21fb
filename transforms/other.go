package transforms

import (
	"fmt"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// The transforms of docutils.transforms.components, writer_aux and peps.
var (
	// Filter keeps the nodes of its pending element's details when the
	// named component supports the named format, and drops them otherwise.
	Filter = &Transform{Name: docutilsPrefix + "components.Filter", Priority: 780, Apply: filter}
	// Admonitions turns specific admonitions (note, warning, ...) into
	// generic ones with a localised title, for writers that want that.
	Admonitions = &Transform{Name: docutilsPrefix + "writer_aux.Admonitions", Priority: 920, Apply: admonitions}
	// PEPTargetNotes finds or makes a "References" section and schedules
	// TargetNotes for it (docutils.transforms.peps.TargetNotes).
	PEPTargetNotes = &Transform{Name: docutilsPrefix + "peps.TargetNotes", Priority: 520, Apply: pepTargetNotes}
)

func filter(ctx *Context) error {
	p := ctx.Pending
	if p == nil {
		return fmt.Errorf("needs a pending element")
	}
	kind := stringDetail(p, "component")
	comp := ctx.Transformer.Components[kind]
	var nodes []doctree.Node
	switch v, _ := detail(p, "nodes"); x := v.(type) {
	case []doctree.Node:
		nodes = x
	case doctree.Node:
		nodes = []doctree.Node{x}
	}
	if comp != nil {
		for _, format := range strings.Split(stringDetail(p, "format"), ",") {
			if comp.Supports(format) {
				replaceSelf(p, nodes...)
				return nil
			}
		}
	}
	if parent := p.Parent(); parent != nil {
		parent.Remove(p)
	}
	return nil
}

func admonitions(ctx *Context) error {
	labels := ctx.Language().Labels
	for _, node := range doctree.FindAll(ctx.Doc.Root, func(e *doctree.Element) bool { return e.Is(doctree.ClassAdmonition) }) {
		name := node.Tag
		node.Classes = append(node.Classes, name)
		if name == doctree.TagAdmonition {
			continue
		}
		adm := node.Copy()
		adm.Tag = doctree.TagAdmonition
		// A new element: docutils' constructor gives it no source or line.
		adm.Source, adm.Line = "", 0
		adm.Append(append([]doctree.Node(nil), node.Children...)...)
		label, ok := labels[name]
		if !ok {
			label = englishLanguage.Labels[name]
		}
		adm.Insert(0, doctree.NewTextElement(doctree.TagTitle, "", label))
		replaceSelf(node, adm)
	}
	return nil
}

func pepTargetNotes(ctx *Context) error {
	doc := ctx.Doc
	root := doc.Root
	var refsect *doctree.Element
	copyright := -1
	for i := len(root.Children) - 1; i >= 0; i-- {
		sect, ok := root.Children[i].(*doctree.Element)
		if !ok || sect.Tag != doctree.TagSection {
			break
		}
		words := []string{}
		if len(sect.Children) > 0 {
			words = doctree.Fields(strings.ToLower(sect.Children[0].AsText()))
		}
		if containsString(words, "references") {
			refsect = sect
			break
		} else if containsString(words, "copyright") {
			copyright = i
		}
	}
	if refsect == nil {
		refsect = doctree.NewElement(doctree.TagSection, doctree.NewTextElement(doctree.TagTitle, "", "References"))
		doc.SetID(refsect, nil, "")
		// docutils tests "if copyright:", so a copyright section first in
		// the document does not count.
		if copyright > 0 {
			root.Insert(copyright, refsect)
		} else {
			root.Append(refsect)
		}
	}
	p := doctree.NewElement(doctree.TagPending)
	p.Pending = &doctree.PendingInfo{Transform: TargetNotes.Name, Details: map[string]any{}}
	refsect.Append(p)
	doc.NotePending(p, 0)
	cb := doctree.NewElement(doctree.TagPending)
	cb.Pending = &doctree.PendingInfo{Transform: CallBack.Name, Details: map[string]any{
		"callback": func(pending *doctree.Element) {
			// Remove an empty "References" section (title and pending).
			if sect := pending.Parent(); sect != nil && len(sect.Children) == 2 {
				if gp := sect.Parent(); gp != nil {
					gp.Remove(sect)
				}
			}
		},
	}}
	refsect.Append(cb)
	doc.NotePending(cb, 1)
	return nil
}
