// Package body implements docutils' directives for additional body
// elements (docutils.parsers.rst.directives.body): topic, sidebar,
// line-block, parsed-literal, code, math, rubric, epigraph, highlights,
// pull-quote, compound and container.
package body

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	reg.AddDirective("topic", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              classNameSpec(),
		HasContent:              true,
		Run:                     runTopic,
	})
	reg.AddDirective("sidebar", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              sidebarSpec(),
		HasContent:              true,
		Run:                     runSidebar,
	})
	reg.AddDirective("line-block", &directives.Directive{
		OptionSpec: classNameSpec(),
		HasContent: true,
		Run:        runLineBlock,
	})
	reg.AddDirective("parsed-literal", &directives.Directive{
		OptionSpec: classNameSpec(),
		HasContent: true,
		Run:        runParsedLiteral,
	})
	reg.AddDirective("code", &directives.Directive{
		OptionalArguments: 1,
		OptionSpec:        codeSpec(),
		HasContent:        true,
		Run:               runCode,
	})
	reg.AddDirective("math", &directives.Directive{
		OptionSpec: classNameSpec(),
		HasContent: true,
		Run:        runMath,
	})
	reg.AddDirective("rubric", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              classNameSpec(),
		Run:                     runRubric,
	})
	for name, class := range map[string]string{
		"epigraph":   "epigraph",
		"highlights": "highlights",
		"pull-quote": "pull-quote",
	} {
		reg.AddDirective(name, &directives.Directive{
			HasContent: true,
			Run:        blockQuote(class),
		})
	}
	reg.AddDirective("compound", &directives.Directive{
		OptionSpec: classNameSpec(),
		HasContent: true,
		Run:        runCompound,
	})
	reg.AddDirective("container", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              nameSpec(),
		HasContent:              true,
		Run:                     runContainer,
	})
}

// classOption returns the converted "class" option, or nil.
func classOption(opts map[string]any) []string {
	l, _ := opts["class"].([]string)
	return l
}

// appendMessages appends system messages (from inline parsing) to the
// nodes a directive returns.
func appendMessages(out []doctree.Node, msgs []*doctree.Element) []doctree.Node {
	for _, m := range msgs {
		out = append(out, m)
	}
	return out
}
