package transforms

import (
	"fmt"
	"math"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// The transforms of docutils.transforms.parts.
var (
	// SectNum numbers the section titles (the sectnum directive).
	SectNum = &Transform{Name: docutilsPrefix + "parts.SectNum", Priority: 710, Apply: sectNum}
	// Contents builds a table of contents (the contents directive).
	Contents = &Transform{Name: docutilsPrefix + "parts.Contents", Priority: 720, Apply: contents}
)

// detail returns a pending element's detail.
func detail(p *doctree.Element, key string) (any, bool) {
	if p == nil || p.Pending == nil {
		return nil, false
	}
	v, ok := p.Pending.Details[key]
	return v, ok
}

// intDetail returns an integer detail; ok is false when it is absent or
// None.
func intDetail(p *doctree.Element, key string) (int, bool) {
	v, _ := detail(p, key)
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		return int(x), true
	}
	return 0, false
}

func stringDetail(p *doctree.Element, key string) string {
	v, _ := detail(p, key)
	s, _ := v.(string)
	return s
}

// SectnumInfo is what SectNum leaves for the writer when the
// sectnum_xform setting is off (docutils stores it in the settings as
// sectnum_depth, sectnum_start, sectnum_prefix and sectnum_suffix).
type SectnumInfo struct {
	Depth          int // 0: no limit
	Start          int
	Prefix, Suffix string
}

func sectNum(ctx *Context) error {
	p := ctx.Pending
	if p == nil {
		return fmt.Errorf("needs a pending element")
	}
	maxdepth, hasDepth := intDetail(p, "depth")
	start, ok := intDetail(p, "start")
	if !ok {
		start = 1
	}
	prefix := stringDetail(p, "prefix")
	suffix := stringDetail(p, "suffix")
	if parent := p.Parent(); parent != nil {
		parent.Remove(p)
	}
	if !ctx.Settings().SectnumXform {
		depth := 0
		if hasDepth {
			depth = maxdepth
		}
		ctx.Transformer.Sectnum = &SectnumInfo{Depth: depth, Start: start, Prefix: prefix, Suffix: suffix}
		return nil
	}
	if !hasDepth {
		maxdepth = math.MaxInt
	}
	var number func(node *doctree.Element, numbers []string, depth int)
	number = func(node *doctree.Element, numbers []string, depth int) {
		depth++
		sectnum := start
		if len(numbers) > 0 {
			sectnum = 1
		}
		for _, c := range node.Children {
			child, ok := c.(*doctree.Element)
			if !ok || child.Tag != doctree.TagSection {
				continue
			}
			nums := append(append([]string(nil), numbers...), fmt.Sprint(sectnum))
			if title := childElement(child, 0); title != nil {
				gen := doctree.NewTextElement(doctree.TagGenerated, "", prefix+strings.Join(nums, ".")+suffix+"\u00a0\u00a0\u00a0")
				gen.Classes = []string{"sectnum"}
				title.Insert(0, gen)
				title.Set("auto", 1)
			}
			if depth < maxdepth {
				number(child, nums, depth)
			}
			sectnum++
		}
	}
	number(ctx.Doc.Root, nil, 0)
	return nil
}

func contents(ctx *Context) error {
	p := ctx.Pending
	if p == nil || p.Parent() == nil {
		return fmt.Errorf("needs a pending element in a topic")
	}
	topic := p.Parent()
	startnode := ctx.Doc.Root
	if _, local := detail(p, "local"); local {
		startnode = topic.Parent()
		for startnode != nil && startnode.Tag != doctree.TagSection && startnode.Tag != doctree.TagDocument {
			startnode = startnode.Parent()
		}
		if startnode == nil {
			startnode = ctx.Doc.Root
		}
	}
	tocID := ""
	if len(topic.IDs) > 0 {
		tocID = topic.IDs[0]
	}
	backlinks := ctx.Settings().Toc
	if v, ok := detail(p, "backlinks"); ok {
		backlinks, _ = v.(string)
	}
	depth, ok := intDetail(p, "depth")
	if !ok {
		depth = math.MaxInt
	}
	b := &tocBuilder{doc: ctx.Doc, tocID: tocID, backlinks: backlinks, depth: depth}
	if list := b.build(startnode, 0); list != nil {
		replaceSelf(p, list)
	} else if gp := topic.Parent(); gp != nil {
		gp.Remove(topic)
	}
	return nil
}

type tocBuilder struct {
	doc       *doctree.Document
	tocID     string
	backlinks string
	depth     int
}

// build returns the bullet list of the sections in node, or nil.
func (b *tocBuilder) build(node *doctree.Element, level int) *doctree.Element {
	level++
	var entries []doctree.Node
	var auto bool
	for _, c := range node.Children {
		section, ok := c.(*doctree.Element)
		if !ok || section.Tag != doctree.TagSection {
			continue
		}
		title := childElement(section, 0)
		if title == nil {
			continue
		}
		// As in docutils, the last section's title decides (SectNum sets
		// "auto").
		auto = truthy(title.Get("auto"))
		ref := doctree.NewElement(doctree.TagReference, filterTitle(title)...)
		ref.RawSource = ""
		if len(section.IDs) > 0 {
			ref.Set("refid", section.IDs[0])
		}
		refID := b.doc.SetID(ref, nil, "toc-entry")
		entry := doctree.NewElement(doctree.TagParagraph, ref)
		item := doctree.NewElement(doctree.TagListItem, entry)
		if (b.backlinks == "entry" || b.backlinks == "top") && !hasDescendant(title, doctree.TagReference) {
			if b.backlinks == "entry" {
				title.Set("refid", refID)
			} else {
				title.Set("refid", b.tocID)
			}
		}
		if level < b.depth {
			if sub := b.build(section, level); sub != nil {
				item.Append(sub)
			}
		}
		entries = append(entries, item)
	}
	if len(entries) == 0 {
		return nil
	}
	list := doctree.NewElement(doctree.TagBulletList, entries...)
	if auto {
		list.Classes = append(list.Classes, "auto-toc")
	}
	return list
}

func hasDescendant(e *doctree.Element, tag string) bool {
	for _, c := range e.Children {
		if ce, ok := c.(*doctree.Element); ok {
			if ce.Tag == tag || hasDescendant(ce, tag) {
				return true
			}
		}
	}
	return false
}

// filterTitle copies a title's children for a contents entry, leaving
// out footnote and citation references, replacing images by their alt
// text and unwrapping references, targets and problematics (docutils'
// ContentsFilter).
func filterTitle(title *doctree.Element) []doctree.Node {
	holder := doctree.NewElement(doctree.TagTitle)
	var copyInto func(dst *doctree.Element, n doctree.Node)
	copyInto = func(dst *doctree.Element, n doctree.Node) {
		switch x := n.(type) {
		case *doctree.Text:
			dst.Append(doctree.NewText(x.Data))
		case *doctree.Element:
			switch x.Tag {
			case doctree.TagCitationReference, doctree.TagFootnoteReference:
				return
			case doctree.TagImage:
				if x.Has("alt") {
					dst.Append(doctree.NewText(x.GetString("alt")))
				}
				return
			case doctree.TagProblematic, doctree.TagReference, doctree.TagTarget:
				for _, c := range x.Children {
					copyInto(dst, c)
				}
				return
			}
			c := x.Copy()
			dst.Append(c)
			for _, cc := range x.Children {
				copyInto(c, cc)
			}
		}
	}
	for _, c := range title.Children {
		copyInto(holder, c)
	}
	kids := append([]doctree.Node(nil), holder.Children...)
	holder.Clear()
	return kids
}
