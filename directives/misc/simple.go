package misc

import (
	"fmt"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// ClassAttributeTransform is the transform that applies a class directive
// without content to the element that follows it.
const ClassAttributeTransform = "docutils.transforms.misc.ClassAttribute"

// runClass is docutils' Class.run: the classes go on each element of the
// content or, without content, on the next element, through a pending
// element that the ClassAttribute transform resolves.
func runClass(c *directives.Call) ([]doctree.Node, error) {
	v, err := directives.ClassOption(c.Arguments[0], false)
	if err != nil {
		return nil, c.Errorf("Invalid class attribute value for \"%s\" directive: \"%s\".", c.Name, c.Arguments[0])
	}
	classValue := v.([]string)
	if c.Content.Len() > 0 {
		container := doctree.NewElement("")
		c.Host.NestedParse(c.Content, c.ContentOffset, container, false)
		out := make([]doctree.Node, 0, len(container.Children))
		for _, n := range container.Children {
			if e, ok := n.(*doctree.Element); ok {
				e.Classes = append(e.Classes, classValue...)
			}
			out = append(out, n)
		}
		container.Children = nil
		return out, nil
	}
	pending := doctree.NewElement(doctree.TagPending)
	pending.RawSource = c.BlockText
	pending.Pending = &doctree.PendingInfo{
		Transform: ClassAttributeTransform,
		Details:   map[string]any{"class": classValue, "directive": c.Name},
	}
	c.Host.Document().NotePending(pending, -1)
	return []doctree.Node{pending}, nil
}

// runTitle is docutils' Title.run: it sets the document's title
// attribute, which writers use when the document has no title element.
func runTitle(c *directives.Call) ([]doctree.Node, error) {
	c.Host.Document().Root.Set("title", c.Arguments[0])
	return nil, nil
}

// runTestDirective is docutils' TestDirective.run: an INFO message
// describing how the directive block was split, for parser tests.
func runTestDirective(c *directives.Call) ([]doctree.Node, error) {
	args := c.Arguments
	if args == nil {
		args = []string{}
	}
	opts := c.Options
	if opts == nil {
		opts = map[string]any{}
	}
	head := fmt.Sprintf("Directive processed. Type=\"%s\", arguments=%s, options=%s, content:",
		c.Name, doctree.PyRepr(args), doctree.PyRepr(opts))
	rep := c.Host.Reporter()
	if c.Content.Len() > 0 {
		text := c.Content.Text()
		return []doctree.Node{rep.Info(head, doctree.MsgOpts{Line: c.Lineno},
			doctree.NewTextElement(doctree.TagLiteralBlock, text, text))}, nil
	}
	return []doctree.Node{rep.Info(head+" None", doctree.MsgOpts{Line: c.Lineno})}, nil
}

// runDefaultRole is docutils' DefaultRole.run: it sets the role of
// interpreted text without an explicit role, or restores the standard one
// when given no argument.
func runDefaultRole(c *directives.Call) ([]doctree.Node, error) {
	if len(c.Arguments) == 0 {
		c.Host.SetDefaultRole("", nil)
		return nil, nil
	}
	name := c.Arguments[0]
	role, msgs := c.Host.LookupRole(name, c.Lineno)
	if role == nil {
		msg := sysMsg(c, doctree.LevelError, fmt.Sprintf("Unknown interpreted text role \"%s\".", name))
		return append(nodes(msgs), msg), nil
	}
	c.Host.SetDefaultRole(name, role)
	return nodes(msgs), nil
}
