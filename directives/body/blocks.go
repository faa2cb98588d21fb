package body

import (
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// runLineBlock is docutils' LineBlock.run: each content line becomes a
// line element, nested by indentation.
func runLineBlock(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	block := doctree.NewElement(doctree.TagLineBlock)
	block.Classes = append(block.Classes, classOption(c.Options)...)
	c.AddName(block)
	out := []doctree.Node{block}
	indents := make([]int, 0, c.Content.Len())
	offset := c.ContentOffset
	for _, lineText := range c.Content.Lines {
		stripped := doctree.TrimSpace(lineText)
		// docutils passes lineno + content_offset here, a sum of an
		// absolute line number and an offset; its messages show it.
		textNodes, msgs := c.Host.ParseInline(stripped, c.Lineno+offset)
		line := doctree.NewTextElement(doctree.TagLine, lineText, "", textNodes...)
		indent := -1 // docutils: no indent attribute; inherits the previous one
		if stripped != "" {
			lead := strings.TrimLeftFunc(lineText, doctree.IsSpace)
			indent = utf8.RuneCountInString(lineText) - utf8.RuneCountInString(lead)
		}
		block.Append(line)
		indents = append(indents, indent)
		out = appendMessages(out, msgs)
		offset++
	}
	for i := 1; i < len(indents); i++ {
		if indents[i] < 0 {
			indents[i] = indents[i-1]
		}
	}
	for i := range indents {
		// Unreachable for trimmed content, whose first line is not blank.
		indents[i] = max(indents[i], 0)
	}
	// AddName may have put a "duplicate name" message before the lines;
	// docutils fails on it here, docbuild leaves it in place.
	all := make([]int, 0, len(block.Children))
	for range len(block.Children) - len(indents) {
		all = append(all, stay)
	}
	nestLineBlockSegment(block, append(all, indents...))
	return out, nil
}

// stay is the indentation of a line_block child that is not a line: it
// stays at the level where it is.
const stay = -1

// nestLineBlockSegment nests the children of block, whose indentations are
// indents, as docutils' nest_line_block_segment: runs of lines indented
// more than the least indented ones go into a nested line_block.
func nestLineBlockSegment(block *doctree.Element, indents []int) {
	least := stay
	for _, in := range indents {
		if in != stay && (least == stay || in < least) {
			least = in
		}
	}
	items := append([]doctree.Node(nil), block.Children...)
	block.Clear()
	var sub *doctree.Element
	var subIndents []int
	flush := func() {
		if sub != nil {
			nestLineBlockSegment(sub, subIndents)
			block.Append(sub)
			sub, subIndents = nil, nil
		}
	}
	for i, item := range items {
		if indents[i] > least {
			if sub == nil {
				sub = doctree.NewElement(doctree.TagLineBlock)
			}
			sub.Append(item)
			subIndents = append(subIndents, indents[i])
			continue
		}
		flush()
		block.Append(item)
	}
	flush()
}

// runParsedLiteral is docutils' ParsedLiteral.run: a literal block whose
// text is parsed for inline markup.
func runParsedLiteral(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	text := c.Content.Text()
	textNodes, msgs := c.Host.ParseInline(text, c.Lineno)
	node := doctree.NewTextElement(doctree.TagLiteralBlock, text, "", textNodes...)
	node.Classes = append(node.Classes, classOption(c.Options)...)
	node.Line = c.ContentOffset + 1
	c.AddName(node)
	return appendMessages([]doctree.Node{node}, msgs), nil
}

// runMath is docutils' MathBlock.run: one math_block per blank-line
// separated block of the content.
func runMath(c *directives.Call) ([]doctree.Node, error) {
	classes := classOption(c.Options)
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	var out []doctree.Node
	for _, block := range strings.Split(c.Content.Text(), "\n\n") {
		if block == "" {
			continue
		}
		node := doctree.NewTextElement(doctree.TagMathBlock, c.BlockText, block)
		node.Classes = append(node.Classes, classes...)
		node.Line = c.ContentOffset + 1
		c.AddName(node)
		out = append(out, node)
	}
	return out, nil
}

// runRubric is docutils' Rubric.run.
func runRubric(c *directives.Call) ([]doctree.Node, error) {
	rubricText := ""
	if len(c.Arguments) > 0 {
		rubricText = c.Arguments[0]
	}
	textNodes, msgs := c.Host.ParseInline(rubricText, c.Lineno)
	rubric := doctree.NewTextElement(doctree.TagRubric, rubricText, "", textNodes...)
	rubric.Classes = append(rubric.Classes, classOption(c.Options)...)
	c.AddName(rubric)
	return appendMessages([]doctree.Node{rubric}, msgs), nil
}

// blockQuote returns the run function of a block quote directive that
// marks its block quotes with class (docutils' BlockQuote subclasses).
func blockQuote(class string) func(c *directives.Call) ([]doctree.Node, error) {
	return func(c *directives.Call) ([]doctree.Node, error) {
		if err := c.AssertHasContent(); err != nil {
			return nil, err
		}
		elements := c.Host.BlockQuote(c.Content, c.ContentOffset)
		for _, n := range elements {
			if e, ok := n.(*doctree.Element); ok && e.Tag == doctree.TagBlockQuote {
				e.Classes = append(e.Classes, class)
			}
		}
		return elements, nil
	}
}

// runCompound is docutils' Compound.run.
func runCompound(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	node := doctree.NewElement(doctree.TagCompound)
	node.RawSource = c.Content.Text()
	node.Classes = append(node.Classes, classOption(c.Options)...)
	c.AddName(node)
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	return []doctree.Node{node}, nil
}

// runContainer is docutils' Container.run: the argument gives the classes.
func runContainer(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	var classes []string
	if len(c.Arguments) > 0 {
		v, err := directives.ClassOption(c.Arguments[0], false)
		if err != nil {
			return nil, c.Errorf("Invalid class attribute value for \"%s\" directive: \"%s\".", c.Name, c.Arguments[0])
		}
		classes, _ = v.([]string)
	}
	node := doctree.NewElement(doctree.TagContainer)
	node.RawSource = c.Content.Text()
	node.Classes = append(node.Classes, classes...)
	c.AddName(node)
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	return []doctree.Node{node}, nil
}
