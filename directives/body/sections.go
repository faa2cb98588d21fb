package body

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// inSidebar reports whether the directive's output goes straight into a
// sidebar, where pseudo-sections are allowed even though titles are not.
func inSidebar(c *directives.Call) bool {
	n := c.Host.CurrentNode()
	return n != nil && n.Tag == doctree.TagSidebar
}

func runTopic(c *directives.Call) ([]doctree.Node, error) {
	return pseudoSection(c, doctree.TagTopic)
}

func runSidebar(c *directives.Call) ([]doctree.Node, error) {
	if inSidebar(c) {
		return nil, c.Errorf("The \"%s\" directive may not be used within a sidebar element.", c.Name)
	}
	if _, ok := c.Options["subtitle"]; ok && len(c.Arguments) == 0 {
		return nil, c.Errorf("The \"subtitle\" option may not be used without a title.")
	}
	return pseudoSection(c, doctree.TagSidebar)
}

// pseudoSection is docutils' BasePseudoSection.run: a titled element that
// stands in a section's place and so is only allowed where sections are.
func pseudoSection(c *directives.Call, tag string) ([]doctree.Node, error) {
	if !c.Host.MatchTitles() && !inSidebar(c) {
		return nil, c.Errorf("The \"%s\" directive may not be used within topics or body elements.", c.Name)
	}
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	var titles []doctree.Node
	var messages []*doctree.Element
	if len(c.Arguments) > 0 {
		titleText := c.Arguments[0]
		textNodes, msgs := c.Host.ParseInline(titleText, c.Lineno)
		messages = msgs
		titles = append(titles, doctree.NewTextElement(doctree.TagTitle, titleText, "", textNodes...))
		if v, ok := c.Options["subtitle"]; ok {
			sub, _ := v.(string)
			textNodes, more := c.Host.ParseInline(sub, c.Lineno)
			titles = append(titles, doctree.NewTextElement(doctree.TagSubtitle, sub, "", textNodes...))
			messages = append(messages, more...)
		}
	}
	text := c.Content.Text()
	node := doctree.NewElement(tag, appendMessages(titles, messages)...)
	node.RawSource = text
	node.Classes = append(node.Classes, classOption(c.Options)...)
	c.AddName(node)
	if text != "" {
		c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	}
	return []doctree.Node{node}, nil
}
