// Package admonitions implements docutils' admonition directives
// (attention, caution, danger, error, hint, important, note, tip, warning
// and the generic admonition), from docutils.parsers.rst.directives.
// admonitions.
package admonitions

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// specific maps each fixed-title admonition directive to the element it
// makes; the title comes from the writer's localised labels, not from the
// document.
var specific = map[string]string{
	"attention": doctree.TagAttention,
	"caution":   doctree.TagCaution,
	"danger":    doctree.TagDanger,
	"error":     doctree.TagError,
	"hint":      doctree.TagHint,
	"important": doctree.TagImportant,
	"note":      doctree.TagNote,
	"tip":       doctree.TagTip,
	"warning":   doctree.TagWarning,
}

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	for name, tag := range specific {
		reg.AddDirective(name, newAdmonition(tag, 0))
	}
	reg.AddDirective("admonition", newAdmonition(doctree.TagAdmonition, 1))
}

// newAdmonition returns the directive for one admonition element; the
// generic admonition (tag "admonition") takes its title as an argument.
func newAdmonition(tag string, required int) *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       required,
		FinalArgumentWhitespace: true,
		OptionSpec:              optionSpec(),
		HasContent:              true,
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			return run(c, tag)
		},
	}
}

// run is docutils' BaseAdmonition.run.
func run(c *directives.Call, tag string) ([]doctree.Node, error) {
	classes, hasClass := classOption(c.Options)
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	node := doctree.NewElement(tag)
	node.RawSource = c.Content.Text()
	node.Classes = append(node.Classes, classes...)
	c.AddName(node)
	if tag == doctree.TagAdmonition && len(c.Arguments) > 0 {
		titleText := c.Arguments[0]
		textNodes, messages := c.Host.ParseInline(titleText, c.Lineno)
		title := doctree.NewTextElement(doctree.TagTitle, titleText, "", textNodes...)
		title.Source, title.Line = c.Host.SourceAndLine(c.Lineno)
		node.Append(title)
		for _, m := range messages {
			node.Append(m)
		}
		if !hasClass {
			node.Classes = append(node.Classes, "admonition-"+doctree.MakeID(titleText))
		}
	}
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	return []doctree.Node{node}, nil
}

// classOption returns the converted "class" option and whether it was
// given (docutils' set_classes moves it to "classes").
func classOption(opts map[string]any) ([]string, bool) {
	v, ok := opts["class"]
	if !ok {
		return nil, false
	}
	l, _ := v.([]string)
	return l, true
}
