package misc

import (
	"regexp"
	"strings"
	"time"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// runReplace is docutils' Replace.run: the substitution text is the inline
// content of the single paragraph the content makes.
func runReplace(c *directives.Call) ([]doctree.Node, error) {
	if !inSubstitutionDefinition(c) {
		return nil, substitutionOnly(c)
	}
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	element := doctree.NewElement("")
	element.RawSource = c.Content.Text()
	c.Host.NestedParse(c.Content, c.ContentOffset, element, false)
	var node *doctree.Element
	var messages []doctree.Node
	for _, ch := range element.Children {
		e, _ := ch.(*doctree.Element)
		switch {
		case e != nil && node == nil && e.Tag == doctree.TagParagraph:
			node = e
		case e != nil && e.Tag == doctree.TagSystemMessage:
			e.SetBackRefs(nil)
			messages = append(messages, e)
		default:
			return []doctree.Node{c.Host.Reporter().Error(
				"Error in \""+c.Name+"\" directive: may contain a single paragraph only.",
				doctree.MsgOpts{Line: c.Lineno})}, nil
		}
	}
	element.Children = nil
	if node != nil {
		children := node.Children
		node.Children = nil
		return append(messages, children...), nil
	}
	return messages, nil
}

// unicodeComment starts the comment that may follow the codes of a
// unicode directive: ".. " at the start or after a space or newline.
var unicodeComment = regexp.MustCompile(`(?: |\n|^)\.\. `)

// runUnicode is docutils' Unicode.run: each code of the argument becomes
// the character it names; other words stay as they are.
func runUnicode(c *directives.Call) ([]doctree.Node, error) {
	if !inSubstitutionDefinition(c) {
		return nil, substitutionOnly(c)
	}
	def := c.Host.CurrentNode()
	if _, ok := c.Options["trim"]; ok {
		def.Set("ltrim", 1)
		def.Set("rtrim", 1)
	}
	if _, ok := c.Options["ltrim"]; ok {
		def.Set("ltrim", 1)
	}
	if _, ok := c.Options["rtrim"]; ok {
		def.Set("rtrim", 1)
	}
	arg := c.Arguments[0]
	if loc := unicodeComment.FindStringIndex(arg); loc != nil {
		arg = arg[:loc[0]]
	}
	var out []doctree.Node
	for _, code := range doctree.Fields(arg) {
		decoded, err := directives.UnicodeCode(code)
		if err != nil {
			return nil, c.Errorf("Invalid character code: %s\nValueError: %s", code, err)
		}
		out = append(out, doctree.NewText(decoded))
	}
	return out, nil
}

// runDate is docutils' Date.run: the current date and time, formatted
// with the content as a strftime format ("%Y-%m-%d" without content).
func runDate(c *directives.Call) ([]doctree.Node, error) {
	if !inSubstitutionDefinition(c) {
		return nil, substitutionOnly(c)
	}
	format := strings.Join(c.Content.Lines, "\n")
	if format == "" {
		format = "%Y-%m-%d"
	}
	now := time.Now()
	if t := c.Host.Document().Settings.Now; !t.IsZero() {
		now = t
	}
	return []doctree.Node{doctree.NewText(Strftime(format, now))}, nil
}
