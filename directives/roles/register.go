// Package roles implements docutils' standard interpreted-text roles
// (docutils.parsers.rst.roles) and the generic and custom roles that the
// role directive makes. Roles are registered under their canonical names
// only; the localised and short names ("sub", "t", "pep", ...) come from
// the language tables of package languages.
package roles

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/pygments"
	"github.com/docbuild/docbuild/doctree"
)

// DefaultRole is the canonical name of the role of interpreted text
// without an explicit role (docutils' DEFAULT_INTERPRETED_ROLE).
const DefaultRole = "title-reference"

// genericRoles are the roles that wrap the text in an element of a fixed
// class.
var genericRoles = []struct{ name, tag string }{
	{"abbreviation", doctree.TagAbbreviation},
	{"acronym", doctree.TagAcronym},
	{"emphasis", doctree.TagEmphasis},
	{"literal", doctree.TagLiteral},
	{"strong", doctree.TagStrong},
	{"subscript", doctree.TagSubscript},
	{"superscript", doctree.TagSuperscript},
	{"title-reference", doctree.TagTitleReference},
}

// unimplementedRoles are registered so that using them gives docutils'
// "not implemented" error rather than "unknown role".
var unimplementedRoles = []string{
	"index", "named-reference", "anonymous-reference", "uri-reference",
	"footnote-reference", "citation-reference", "substitution-reference",
	"target", "restructuredtext-unimplemented-role",
}

// Register adds docutils' standard roles to reg and makes title-reference
// the default role.
func Register(reg *directives.Registry) {
	for _, g := range genericRoles {
		reg.AddRole(g.name, Generic(g.tag))
	}
	reg.AddRole("pep-reference", withClassOption(&directives.Role{Fn: pepReference}))
	reg.AddRole("rfc-reference", withClassOption(&directives.Role{Fn: rfcReference}))
	reg.AddRole("raw", withClassOption(&directives.Role{
		Fn:         raw,
		OptionSpec: map[string]directives.OptionConv{"format": directives.Unchanged},
	}))
	reg.AddRole("code", withClassOption(&directives.Role{
		Fn:         code,
		OptionSpec: map[string]directives.OptionConv{"language": directives.Unchanged},
	}))
	reg.AddRole("math", withClassOption(&directives.Role{Fn: math}))
	for _, name := range unimplementedRoles {
		reg.AddRole(name, withClassOption(&directives.Role{Fn: unimplemented}))
	}
	reg.DefaultRole = DefaultRole
}

// withClassOption gives a role the "class" option unless it has one, as
// docutils' set_implicit_options does for every registered role.
func withClassOption(r *directives.Role) *directives.Role {
	spec := make(map[string]directives.OptionConv, len(r.OptionSpec)+1)
	for k, v := range r.OptionSpec {
		spec[k] = v
	}
	if _, ok := spec["class"]; !ok {
		spec["class"] = directives.ClassOption
	}
	r.OptionSpec = spec
	return r
}

// Generic returns a role that wraps the interpreted text in an element
// with the given tag (docutils' GenericRole), such as doctree.TagEmphasis.
func Generic(tag string) *directives.Role {
	return withClassOption(&directives.Role{
		Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
			node := doctree.NewTextElement(tag, c.RawText, c.Text)
			applyOptions(node, NormalizedOptions(c.Options))
			return []doctree.Node{node}, nil
		},
	})
}

// GenericCustom returns the base of custom roles defined without a base
// role: the text in an inline element (docutils' generic_custom_role).
func GenericCustom() *directives.Role { return Generic(doctree.TagInline) }

// Custom returns the role that the role directive defines: base (the
// generic custom role when nil) called with options and content added to
// those of each call, as docutils' CustomRole. options are the role
// directive's converted options, with "class" (not yet "classes"). name,
// the new role's name, is only descriptive: the caller registers the role.
//
// The returned role's Options and Content hold options and content, for
// the inline parser to pass in RoleCall; the role merges them only once
// even when the call's options and content are these same values.
func Custom(name string, base *directives.Role, options map[string]any, content []string) *directives.Role {
	if base == nil {
		base = GenericCustom()
	}
	baseFn := base.Fn
	own := NormalizedOptions(options)
	ownContent := content
	r := &directives.Role{
		OptionSpec: base.OptionSpec,
		HasContent: base.HasContent,
		Options:    options,
		Content:    content,
	}
	r.Fn = func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
		opts := make(map[string]any, len(own)+len(c.Options))
		for k, v := range own {
			opts[k] = v
		}
		// The call's options win; they are already normalised when they
		// come from a custom role based on this one.
		for k, v := range NormalizedOptions(c.Options) {
			opts[k] = v
		}
		callContent := c.Content
		if sameSlice(callContent, ownContent) {
			callContent = nil
		}
		var merged []string
		merged = append(merged, ownContent...)
		if len(ownContent) > 0 && len(callContent) > 0 {
			merged = append(merged, "\n")
		}
		merged = append(merged, callContent...)
		call := *c
		call.Options = opts
		call.Content = merged
		if baseFn == nil {
			return nil, nil
		}
		return baseFn(&call)
	}
	return withClassOption(r)
}

// sameSlice reports whether a and b are the same non-empty slice (the
// bound content passed back in by the inline parser).
func sameSlice(a, b []string) bool {
	return len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
}

// NormalizedOptions returns a copy of role options with the key "class"
// renamed to "classes" (docutils' normalized_role_options); nil gives an
// empty map.
func NormalizedOptions(options map[string]any) map[string]any {
	out := make(map[string]any, len(options))
	for k, v := range options {
		out[k] = v
	}
	SetClasses(out)
	return out
}

// SetClasses renames the option "class" to "classes" in place, as
// docutils' set_classes, which directives use on their options before
// passing them to an element.
func SetClasses(options map[string]any) {
	if v, ok := options["class"]; ok {
		options["classes"] = v
		delete(options, "class")
	}
}

// applyOptions sets each option as an attribute of node, as docutils'
// Element(**options) does; list values are copied.
func applyOptions(node *doctree.Element, options map[string]any) {
	keys := make([]string, 0, len(options))
	for k := range options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := options[k]
		if l, ok := v.([]string); ok {
			v = append([]string(nil), l...)
		}
		node.Set(strings.ToLower(k), v)
	}
}

// fail reports an error at the role's line and returns a problematic
// element for the whole role text, as docutils' roles do.
func fail(c *directives.RoleCall, msg *doctree.Element) ([]doctree.Node, []*doctree.Element) {
	prb := c.Inliner.Problematic(c.RawText, c.RawText, msg)
	return []doctree.Node{prb}, []*doctree.Element{msg}
}

func pepReference(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	opts := NormalizedOptions(c.Options)
	num, err := directives.PyInt(doctree.Unescape(c.Text, false), false)
	if err != nil || num < 0 || num > 9999 {
		msg := c.Inliner.Reporter().Error(fmt.Sprintf(
			"PEP number must be a number from 0 to 9999; \"%s\" is invalid.", c.Text),
			doctree.MsgOpts{Line: c.Lineno})
		return fail(c, msg)
	}
	s := c.Inliner.Document().Settings
	node := doctree.NewTextElement(doctree.TagReference, c.RawText, "PEP "+c.Text)
	node.Set("refuri", s.PEPBaseURL+PyFormatInt(s.PEPFileURL, num))
	applyOptions(node, opts)
	return []doctree.Node{node}, nil
}

// rfcURL is docutils' Inliner.rfc_url.
const rfcURL = "rfc%d.html"

func rfcReference(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	opts := NormalizedOptions(c.Options)
	text := doctree.Unescape(c.Text, false)
	numText, section, hasSection := text, "", false
	if strings.Contains(c.Text, "#") {
		numText, section, hasSection = strings.Cut(text, "#")
	}
	num, err := directives.PyInt(numText, false)
	if err != nil || num < 1 {
		msg := c.Inliner.Reporter().Error(fmt.Sprintf(
			"RFC number must be a number greater than or equal to 1; \"%s\" is invalid.", c.Text),
			doctree.MsgOpts{Line: c.Lineno})
		return fail(c, msg)
	}
	ref := c.Inliner.Document().Settings.RFCBaseURL + PyFormatInt(rfcURL, num)
	if hasSection {
		ref += "#" + section
	}
	node := doctree.NewTextElement(doctree.TagReference, c.RawText, "RFC "+strconv.Itoa(num))
	node.Set("refuri", ref)
	applyOptions(node, opts)
	return []doctree.Node{node}, nil
}

func raw(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	opts := NormalizedOptions(c.Options)
	rep := c.Inliner.Reporter()
	if !c.Inliner.Document().Settings.RawEnabled {
		return fail(c, rep.Warning("raw (and derived) roles disabled", doctree.MsgOpts{}))
	}
	if _, ok := opts["format"]; !ok {
		msg := rep.Error(fmt.Sprintf("No format (Writer name) is associated with this role: \"%s\".\n"+
			"The \"raw\" role cannot be used directly.\n"+
			"Instead, use the \"role\" directive to create a new role with "+
			"an associated format.", c.Name), doctree.MsgOpts{Line: c.Lineno})
		return fail(c, msg)
	}
	node := doctree.NewTextElement(doctree.TagRaw, c.RawText, doctree.Unescape(c.Text, true))
	applyOptions(node, opts)
	if rep.SourceAndLine != nil {
		if src, line, ok := rep.SourceAndLine(c.Lineno); ok {
			node.Source, node.Line = src, line
		}
	}
	return []doctree.Node{node}, nil
}

// code is docutils' code_role: the code split into tokens by Pygments'
// lexer for the language (package pygments). A language Pygments does not
// know is reported as docutils reports it; one Pygments knows but docbuild
// has no lexer for is kept as one text.
func code(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	opts := NormalizedOptions(c.Options)
	language, _ := opts["language"].(string)
	classes := []string{"code"}
	if l, ok := opts["classes"].([]string); ok {
		classes = append(classes, l...)
	}
	if language != "" && !contains(classes, language) {
		classes = append(classes, language)
	}
	text := doctree.Unescape(c.Text, true)
	tokens, err := pygments.Tokens(text, language, c.Inliner.Document().Settings.SyntaxHighlight)
	if err == pygments.ErrNoLexer {
		tokens, err = []pygments.Token{{Value: text}}, nil
	}
	if err != nil {
		return fail(c, c.Inliner.Reporter().Warning(err.Error(), doctree.MsgOpts{}))
	}
	node := doctree.NewTextElement(doctree.TagLiteral, c.RawText, "")
	node.Classes = classes
	for _, t := range tokens {
		if len(t.Classes) > 0 {
			in := doctree.NewTextElement(doctree.TagInline, t.Value, t.Value)
			in.Classes = t.Classes
			node.Append(in)
		} else {
			node.Append(doctree.NewText(t.Value))
		}
	}
	return []doctree.Node{node}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func math(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	node := doctree.NewTextElement(doctree.TagMath, c.RawText, doctree.Unescape(c.Text, true))
	applyOptions(node, NormalizedOptions(c.Options))
	return []doctree.Node{node}, nil
}

func unimplemented(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	msg := c.Inliner.Reporter().Error(fmt.Sprintf("Interpreted text role \"%s\" not implemented.", c.Name),
		doctree.MsgOpts{Line: c.Lineno})
	return fail(c, msg)
}

// PyFormatInt formats n into a template with one Python %-conversion, as
// Python's "template % n" (the pep_file_url_template setting, such as
// "pep-%04d"). Flags, width and the conversions d, i, u, x, X, o and s
// are supported; "%%" is a percent sign.
func PyFormatInt(template string, n int) string {
	var b strings.Builder
	used := false
	for i := 0; i < len(template); i++ {
		if template[i] != '%' {
			b.WriteByte(template[i])
			continue
		}
		j := i + 1
		for j < len(template) && strings.IndexByte("-+ #0", template[j]) >= 0 {
			j++
		}
		for j < len(template) && template[j] >= '0' && template[j] <= '9' {
			j++
		}
		if j >= len(template) {
			b.WriteString(template[i:])
			break
		}
		spec, verb := template[i+1:j], template[j]
		switch {
		case verb == '%':
			b.WriteByte('%')
		case used:
			b.WriteString(template[i : j+1])
		case verb == 'd' || verb == 'i' || verb == 'u':
			b.WriteString(fmt.Sprintf("%"+spec+"d", n))
			used = true
		case verb == 'x' || verb == 'X' || verb == 'o':
			b.WriteString(fmt.Sprintf("%"+spec+string(verb), n))
			used = true
		case verb == 's' || verb == 'r':
			b.WriteString(fmt.Sprintf("%"+strings.ReplaceAll(spec, "0", "")+"s", strconv.Itoa(n)))
			used = true
		default:
			b.WriteString(template[i : j+1])
		}
		i = j
	}
	return b.String()
}
