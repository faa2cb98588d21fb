package sphinx

import (
	"sync"

	"github.com/docbuild/docbuild/directives"
)

func init() { RegisterNodes() }

// Register adds Sphinx's directives and roles to reg, which should hold
// docutils' standard set already (package std): Sphinx replaces some of
// them (code, math, figure, include, csv-table) by wrapping or overriding
// them, as Sphinx 5.3's setup functions do. The names are registered as
// docutils' register_directive and register_local_role do, so they are
// found in documents of any language without a fallback message. The
// roles of sphinx.ext.extlinks depend on the configuration: see
// ExtlinkRoles. It also registers Sphinx's node classes (RegisterNodes).
func Register(reg *directives.Registry) {
	RegisterNodes()

	// sphinx.directives.other
	reg.AddLocalDirective("toctree", toctreeDirective())
	for _, name := range []string{"sectionauthor", "moduleauthor", "codeauthor"} {
		reg.AddLocalDirective(name, authorDirective())
	}
	reg.AddLocalDirective("seealso", admonitionDirective(TagSeeAlso))
	reg.AddLocalDirective("tabularcolumns", tabularColumnsDirective())
	reg.AddLocalDirective("centered", centeredDirective())
	reg.AddLocalDirective("acks", acksDirective())
	reg.AddLocalDirective("hlist", hlistDirective())
	reg.AddLocalDirective("only", onlyDirective())
	wrap(reg, "include", includeDirective)
	if d := reg.Directive("class"); d != nil {
		reg.AddLocalDirective("cssclass", d)
		reg.AddLocalDirective("rst-class", d)
	}

	// sphinx.directives.code
	reg.AddLocalDirective("highlight", highlightDirective())
	reg.AddLocalDirective("code-block", codeBlockDirective())
	reg.AddLocalDirective("sourcecode", codeBlockDirective())
	reg.AddLocalDirective("literalinclude", literalIncludeDirective())

	// sphinx.directives.patches
	wrap(reg, "figure", figureDirective)
	wrap(reg, "csv-table", csvTableDirective)
	reg.AddLocalDirective("code", codeDirective())
	reg.AddLocalDirective("math", mathDirective())

	// sphinx.domains.changeset
	for _, name := range []string{"versionadded", "versionchanged", "deprecated"} {
		reg.AddLocalDirective(name, versionChangeDirective(name))
	}

	// sphinx.domains.index
	reg.AddLocalDirective("index", indexDirective())
	reg.AddLocalRole("index", &directives.Role{Fn: indexRole})

	// sphinx.domains.std: directives that are not object descriptions,
	// and the roles, under their plain and "std:" names
	for _, name := range []string{"glossary", "std:glossary"} {
		reg.AddLocalDirective(name, glossaryDirective())
	}
	for _, name := range []string{"program", "std:program"} {
		reg.AddLocalDirective(name, programDirective())
	}
	for _, name := range []string{"productionlist", "std:productionlist"} {
		reg.AddLocalDirective(name, productionListDirective())
	}
	for name, x := range StdRoles() {
		reg.AddLocalRole(name, x.Role())
		reg.AddLocalRole("std:"+name, x.Role())
	}

	// sphinx.domains.math
	eq := &XRefRole{WarnDangling: true, ResultNodes: mathResultNodes}
	reg.AddLocalRole("eq", eq.Role())
	reg.AddLocalRole("math:numref", (&XRefRole{Domain: "math", Type: "numref", ResultNodes: mathResultNodes}).Role())

	// sphinx.ext.todo
	reg.AddLocalDirective("todo", todoDirective())
	reg.AddLocalDirective("todolist", todoListDirective())

	// sphinx.roles
	for _, g := range genericDocRoles {
		reg.AddLocalRole(g.name, genericDocRole(g.name, g.tag))
	}
	reg.AddLocalRole("download", (&XRefRole{NodeTag: TagDownloadReference}).Role())
	reg.AddLocalRole("any", (&XRefRole{WarnDangling: true, ProcessLink: anyProcessLink}).Role())
	reg.AddLocalRole("pep", &directives.Role{Fn: pepRole})
	reg.AddLocalRole("rfc", &directives.Role{Fn: rfcRole})
	reg.AddLocalRole("guilabel", &directives.Role{Fn: guiLabelRole})
	reg.AddLocalRole("menuselection", &directives.Role{Fn: menuSelectionRole})
	reg.AddLocalRole("file", &directives.Role{Fn: emphasizedLiteralRole})
	reg.AddLocalRole("samp", &directives.Role{Fn: emphasizedLiteralRole})
	reg.AddLocalRole("abbr", &directives.Role{Fn: abbrRole})
	// Sphinx overrides docutils' code role as a canonical role
	reg.AddRole("code", withOptions(&directives.Role{Fn: codeRole}, map[string]directives.OptionConv{
		"class":    directives.ClassOption,
		"language": directives.Unchanged,
	}))
}

// StdRoles returns the cross-reference roles of Sphinx's standard domain
// by name (ref, doc, numref, term, keyword, option, envvar, token), used through the std
// domain as Sphinx does, so their nodes have refdomain "std".
func StdRoles() map[string]*XRefRole {
	roles := map[string]*XRefRole{
		"option":  {WarnDangling: true, ProcessLink: optionProcessLink},
		"term":    {InnerTag: "inline", WarnDangling: true},
		"ref":     {Lowercase: true, InnerTag: "inline", WarnDangling: true},
		"numref":  {Lowercase: true, WarnDangling: true},
		"keyword": {WarnDangling: true},
		"doc":     {InnerTag: "inline", WarnDangling: true},
		"envvar":  {ResultNodes: envvarResultNodes},
		"token":   {ProcessLink: tokenProcessLink},
	}
	for name, r := range roles {
		r.Domain, r.Type = "std", name
	}
	return roles
}

// wrappers records the directives made by wrap, so that registering
// twice does not wrap a wrapper.
var wrappers sync.Map

// wrap replaces docutils' directive name in reg by Sphinx's version made
// by with from it.
func wrap(reg *directives.Registry, name string, with func(*directives.Directive) *directives.Directive) {
	d := reg.Directive(name)
	if d == nil {
		return
	}
	if _, done := wrappers.Load(d); done {
		reg.AddLocalDirective(name, d)
		return
	}
	w := with(d)
	wrappers.Store(w, true)
	reg.AddLocalDirective(name, w)
}

// withOptions sets the options a custom role based on r may take.
func withOptions(r *directives.Role, spec map[string]directives.OptionConv) *directives.Role {
	r.OptionSpec = spec
	return r
}
