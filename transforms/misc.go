package transforms

import (
	"fmt"

	"github.com/docbuild/docbuild/doctree"
)

// The transforms of docutils.transforms.misc.
var (
	// CallBack calls the function in its pending element's "callback"
	// detail (a func(*doctree.Element)) and removes the element.
	CallBack = &Transform{Name: docutilsPrefix + "misc.CallBack", Priority: 990, Apply: callBack}
	// ClassAttribute moves the classes of the class directive to the next
	// element.
	ClassAttribute = &Transform{Name: docutilsPrefix + "misc.ClassAttribute", Priority: 210, Apply: classAttribute}
	// Transitions moves transitions at the end of sections up the tree and
	// reports misplaced ones.
	Transitions = &Transform{Name: docutilsPrefix + "misc.Transitions", Priority: 830, Apply: transitions}
)

func callBack(ctx *Context) error {
	p := ctx.Pending
	if p == nil {
		return fmt.Errorf("needs a pending element")
	}
	v, _ := detail(p, "callback")
	f, ok := v.(func(*doctree.Element))
	if !ok {
		return fmt.Errorf("pending element has no callback")
	}
	f(p)
	if parent := p.Parent(); parent != nil {
		parent.Remove(p)
	}
	return nil
}

func classAttribute(ctx *Context) error {
	p := ctx.Pending
	if p == nil {
		return fmt.Errorf("needs a pending element")
	}
	var classes []string
	switch c, _ := detail(p, "class"); x := c.(type) {
	case []string:
		classes = x
	case string:
		classes = doctree.Fields(x)
	}
	child := p
	for parent := p.Parent(); parent != nil; child, parent = parent, parent.Parent() {
		for _, n := range parent.Children[parent.Index(child)+1:] {
			el, ok := n.(*doctree.Element)
			if !ok || el.Is(doctree.ClassInvisible) || el.Tag == doctree.TagSystemMessage {
				continue
			}
			el.Classes = append(el.Classes, classes...)
			p.Parent().Remove(p)
			return nil
		}
	}
	msg := ctx.Reporter().Error(fmt.Sprintf("No suitable element following \"%s\" directive", stringDetail(p, "directive")), lineLocation(p.Line),
		doctree.NewTextElement(doctree.TagLiteralBlock, p.RawSource, p.RawSource))
	replaceSelf(p, msg)
	return nil
}

func transitions(ctx *Context) error {
	for _, node := range doctree.FindTag(ctx.Doc.Root, doctree.TagTransition) {
		visitTransition(ctx, node)
	}
	return nil
}

func visitTransition(ctx *Context, node *doctree.Element) {
	parent := node.Parent()
	if parent == nil {
		return
	}
	index := parent.Index(node)
	var msg *doctree.Element
	at := doctree.MsgOpts{Source: node.Source, SourceLine: node.Line}
	if node.Source == "" {
		at = lineLocation(node.Line)
	}
	if index == 0 || isTag(parent.Children[0], doctree.TagTitle) &&
		(index == 1 || len(parent.Children) > 1 && isTag(parent.Children[1], doctree.TagSubtitle) && index == 2) {
		msg = ctx.Reporter().Error("Document or section may not begin with a transition.", at)
	} else if isTag(parent.Children[index-1], doctree.TagTransition) {
		msg = ctx.Reporter().Error("At least one body element must separate transitions; adjacent transitions are not allowed.", at)
	}
	if msg != nil {
		parent.Insert(index, msg)
		index++
	}
	if index != len(parent.Children)-1 {
		return
	}
	sibling := node
	for index == len(sibling.Parent().Children)-1 {
		sibling = sibling.Parent()
		if sibling.Parent() == nil {
			msg := ctx.Reporter().Error("Document may not end with a transition.", lineLocation(node.Line))
			node.Parent().Insert(node.Parent().Index(node)+1, msg)
			return
		}
		index = sibling.Parent().Index(sibling)
	}
	node.Parent().Remove(node)
	sibling.Parent().Insert(index+1, node)
}
