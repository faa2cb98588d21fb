// Package misc implements docutils' miscellaneous directives
// (docutils.parsers.rst.directives.misc): include, raw, replace, unicode,
// class, role, default-role, title, date and the test directive.
package misc

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Register adds this package's directives to reg. The include directive
// finds its standard data files at DefaultStandardIncludeDir.
func Register(reg *directives.Registry) {
	reg.AddDirective("include", IncludeDirective(""))
	reg.AddDirective("raw", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec: map[string]directives.OptionConv{
			"file":     directives.Path,
			"url":      directives.URI,
			"encoding": directives.Encoding,
			"class":    directives.ClassOption,
		},
		Run: runRaw,
	})
	reg.AddDirective("replace", &directives.Directive{HasContent: true, Run: runReplace})
	reg.AddDirective("unicode", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec: map[string]directives.OptionConv{
			"trim":  directives.Flag,
			"ltrim": directives.Flag,
			"rtrim": directives.Flag,
		},
		Run: runUnicode,
	})
	reg.AddDirective("class", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		Run:                     runClass,
	})
	reg.AddDirective("role", &directives.Directive{HasContent: true, Run: runRole})
	reg.AddDirective("default-role", &directives.Directive{OptionalArguments: 1, Run: runDefaultRole})
	reg.AddDirective("title", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		Run:                     runTitle,
	})
	reg.AddDirective("date", &directives.Directive{HasContent: true, Run: runDate})
	reg.AddDirective("restructuredtext-test-directive", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              map[string]directives.OptionConv{"option": directives.UnchangedRequired},
		Run:                     runTestDirective,
	})
}

// sysMsg reports msg at the directive's line with its block text attached,
// as docutils' directives do with reporter.error(..., literal_block,
// line=self.lineno).
func sysMsg(c *directives.Call, level int, msg string) *doctree.Element {
	return c.Host.Reporter().SystemMessage(level, msg, doctree.MsgOpts{Line: c.Lineno},
		doctree.NewTextElement(doctree.TagLiteralBlock, c.BlockText, c.BlockText))
}

// nodes converts messages to a node list.
func nodes(msgs []*doctree.Element) []doctree.Node {
	out := make([]doctree.Node, len(msgs))
	for i, m := range msgs {
		out[i] = m
	}
	return out
}

// inSubstitutionDefinition reports whether the directive is the body of a
// substitution definition, the only place where replace, unicode and date
// make sense (docutils checks for the SubstitutionDef parser state, whose
// node is the substitution_definition element).
func inSubstitutionDefinition(c *directives.Call) bool {
	n := c.Host.CurrentNode()
	return n != nil && n.Tag == doctree.TagSubstitutionDefinition
}

// substitutionOnly is the error for replace, unicode and date outside a
// substitution definition.
func substitutionOnly(c *directives.Call) error {
	return c.Errorf("Invalid context: the \"%s\" directive can only be used within a substitution definition.", c.Name)
}
