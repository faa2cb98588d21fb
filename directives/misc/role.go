package misc

import (
	"fmt"
	"regexp"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/roles"
	"github.com/docbuild/docbuild/doctree"
)

// simpleName is docutils' Inliner.simplename: words of letters and digits
// joined by single "-", ".", "_", "+" or ":".
const simpleName = `[\pL\pN]+(?:[-._+:][\pL\pN]+)*`

// pySpace is Python's \s for str patterns.
const pySpace = `[\pZ\t\n\v\f\r\x1c-\x1f\x85]`

// roleArguments matches the first line of a role directive: the new role's
// name and, in parentheses, the base role's (docutils'
// Role.argument_pattern).
var roleArguments = regexp.MustCompile(`^(` + simpleName + `)` + pySpace + `*(\(` + pySpace + `*(` +
	simpleName + `)` + pySpace + `*\)` + pySpace + `*)?\n?$`)

// runRole is docutils' Role.run: it defines a custom interpreted-text role
// for the rest of the document, based on an existing role or on the
// generic inline role, with the options and content the block gives.
func runRole(c *directives.Call) ([]doctree.Node, error) {
	if c.ContentOffset > c.Lineno || c.Content.Len() == 0 {
		return nil, c.Errorf("\"%s\" directive requires arguments on the first line.", c.Name)
	}
	args := c.Content.Lines[0]
	m := roleArguments.FindStringSubmatch(args)
	if m == nil {
		return nil, c.Errorf("\"%s\" directive arguments not valid role names: \"%s\".", c.Name, args)
	}
	newName, baseName := m[1], m[3]
	var msgs []*doctree.Element
	var base *directives.Role
	if baseName != "" {
		base, msgs = c.Host.LookupRole(baseName, c.Lineno)
		if base == nil {
			msg := sysMsg(c, doctree.LevelError, fmt.Sprintf("Unknown interpreted text role \"%s\".", baseName))
			return append(nodes(msgs), msg), nil
		}
	} else {
		base = roles.GenericCustom()
	}
	// docutils' convert_directive_function: the base role's options and
	// content, and no arguments.
	converted := &directives.Directive{OptionSpec: base.OptionSpec, HasContent: base.HasContent}
	_, options, content, _, err := c.Host.ParseDirectiveBlock(c.Content.Slice(1, c.Content.Len()),
		c.ContentOffset, converted, map[string]any{})
	if err != nil {
		msg := sysMsg(c, doctree.LevelError, fmt.Sprintf("Error in \"%s\" directive:\n%s.", c.Name, err))
		return append(nodes(msgs), msg), nil
	}
	if options == nil {
		options = map[string]any{}
	}
	if _, ok := options["class"]; !ok {
		cls, err := directives.ClassOption(newName, false)
		if err != nil {
			msg := sysMsg(c, doctree.LevelError, fmt.Sprintf("Invalid argument for \"%s\" directive:\n%s.", c.Name, err))
			return append(nodes(msgs), msg), nil
		}
		options["class"] = cls
	}
	c.Host.DefineRole(newName, roles.Custom(newName, base, options, content.Lines))
	return nodes(msgs), nil
}
