package domains

import (
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/resolve"
)

// objEntry is an object as a domain's resolver indexes it.
type objEntry struct {
	env.Object
	DocName string
}

// Setup registers the Python and C resolvers with the build's resolution
// state; they index the documents' Objects when the state is prepared.
func Setup(s *resolve.State) {
	s.AddDomain(&PyDomain{})
	s.AddDomain(&CDomain{})
}

// objects collects a domain's objects from every document, in sorted
// document order, the last description of a name winning as in Sphinx.
func objects(s *resolve.State, domain string) map[string]objEntry {
	e := s.Build().Env
	out := map[string]objEntry{}
	for _, n := range e.DocNames() {
		for _, o := range e.Docs[n].Objects {
			if o.Domain == domain {
				out[o.Name] = objEntry{Object: o, DocName: n}
			}
		}
	}
	return out
}

// PyDomain resolves the Python domain's references (PythonDomain).
type PyDomain struct {
	objects map[string]objEntry
	// byLast maps the last component of each object name to the names
	// ending with it, sorted, for the fuzzy search.
	byLast map[string][]string
}

// Name implements resolve.Domain.
func (d *PyDomain) Name() string { return "py" }

// Prepare indexes the described objects once all documents are read.
func (d *PyDomain) Prepare(s *resolve.State) error {
	d.objects = objects(s, "py")
	d.index()
	return nil
}

func (d *PyDomain) index() {
	d.byLast = map[string][]string{}
	for _, n := range sortedKeys(d.objects) {
		_, last, _ := cutLast(n, ".")
		d.byLast[last] = append(d.byLast[last], n)
	}
}

// pyRoleTypes maps each role to the object types it may reach
// (PythonDomain.object_types read by role).
var pyRoleTypes = map[string][]string{
	"func":  {"function"},
	"data":  {"data"},
	"class": {"class", "exception"},
	"exc":   {"exception", "class"},
	"meth":  {"method", "classmethod", "staticmethod"},
	"attr":  {"attribute", "property"},
	"_prop": {"property"},
	"mod":   {"module"},
	"obj":   {"function", "data", "class", "exception", "method", "classmethod", "staticmethod", "attribute", "property", "module"},
}

// pyTypeRole is the first role of each object type (role_for_objtype).
var pyTypeRole = map[string]string{
	"function": "func", "data": "data", "class": "class", "exception": "exc", "method": "meth",
	"classmethod": "meth", "staticmethod": "meth", "attribute": "attr", "property": "attr", "module": "mod",
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// findObj is PythonDomain.find_obj; typ "" means any type.
func (d *PyDomain) findObj(modname, classname, name, typ string, specific bool) []objEntry {
	name = strings.TrimSuffix(name, "()")
	if name == "" {
		return nil
	}
	has := func(n string) bool { _, ok := d.objects[n]; return ok }
	newname := ""
	if specific {
		types := pyRoleTypes["obj"]
		if typ != "" {
			types = pyRoleTypes[typ]
		}
		ok := func(n string) bool { o, found := d.objects[n]; return found && contains(types, o.Type) }
		if modname != "" && classname != "" && ok(modname+"."+classname+"."+name) {
			newname = modname + "." + classname + "." + name
		}
		if newname == "" {
			switch {
			case modname != "" && ok(modname+"."+name):
				newname = modname + "." + name
			case ok(name):
				newname = name
			default:
				var out []objEntry
				_, lastPart, _ := cutLast(name, ".")
				for _, n := range d.byLast[lastPart] {
					if strings.HasSuffix(n, "."+name) && contains(types, d.objects[n].Type) {
						out = append(out, d.objects[n])
					}
				}
				return out
			}
		}
	} else {
		switch {
		case has(name):
			newname = name
		case typ == "mod":
			return nil
		case classname != "" && has(classname+"."+name):
			newname = classname + "." + name
		case modname != "" && has(modname+"."+name):
			newname = modname + "." + name
		case modname != "" && classname != "" && has(modname+"."+classname+"."+name):
			newname = modname + "." + classname + "." + name
		}
	}
	if newname == "" {
		return nil
	}
	return []objEntry{d.objects[newname]}
}

func (d *PyDomain) refNode(x *resolve.XRef, o objEntry) *doctree.Element {
	title := o.Name
	if o.Type == "module" {
		if o.Synopsis != "" {
			title += ": " + o.Synopsis
		}
		if o.Deprecated {
			title += " (deprecated)"
		}
		if o.Platform != "" {
			title += " (" + o.Platform + ")"
		}
	}
	return x.RefNode(o.DocName, o.ID, x.ContNode, title)
}

// ResolveXRef implements resolve.Domain (PythonDomain.resolve_xref).
func (d *PyDomain) ResolveXRef(x *resolve.XRef, typ, target string) *doctree.Element {
	modname, classname := x.Node.GetString("py:module"), x.Node.GetString("py:class")
	specific := x.Node.Has("refspecific") && truthy(x.Node, "refspecific")
	matches := d.findObj(modname, classname, target, typ, specific)
	if len(matches) == 0 && typ == "attr" {
		matches = d.findObj(modname, classname, target, "meth", specific)
	}
	if len(matches) == 0 && typ == "meth" {
		matches = d.findObj(modname, classname, target, "_prop", specific)
	}
	if len(matches) == 0 {
		return nil
	}
	if len(matches) > 1 {
		var names []string
		for _, m := range matches {
			names = append(names, m.Name)
		}
		x.Warn("more than one target found for cross-reference %s: %s", doctree.PyStrRepr(target), strings.Join(names, ", "))
	}
	return d.refNode(x, matches[0])
}

// ResolveAnyXRef implements resolve.Domain.
func (d *PyDomain) ResolveAnyXRef(x *resolve.XRef, target string) []resolve.AnyMatch {
	modname, classname := x.Node.GetString("py:module"), x.Node.GetString("py:class")
	var out []resolve.AnyMatch
	for _, m := range d.findObj(modname, classname, target, "", true) {
		c := *x
		c.ContNode = x.ContNode.DeepCopyElement()
		out = append(out, resolve.AnyMatch{Role: "py:" + pyTypeRole[m.Type], Node: d.refNode(&c, m)})
	}
	return out
}

// DanglingWarning implements resolve.Domain: the generic message.
func (d *PyDomain) DanglingWarning(typ, target string) string { return "" }

func truthy(n *doctree.Element, attr string) bool {
	v, ok := n.Get(attr)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	return !isBool || b
}

// CDomain resolves the C domain's references by name; Sphinx's scoped
// symbol lookup is reduced to trying the name as given, then within the
// referencing object's scope is not attempted.
type CDomain struct {
	objects map[string]objEntry
}

// Name implements resolve.Domain.
func (d *CDomain) Name() string { return "c" }

// Prepare indexes the described objects.
func (d *CDomain) Prepare(s *resolve.State) error {
	d.objects = objects(s, "c")
	return nil
}

// cRoleTypes maps each role to the object types it may reach.
var cRoleTypes = map[string][]string{
	"member":     {"member", "var"},
	"var":        {"member", "var"},
	"data":       {"member", "var"},
	"func":       {"function"},
	"macro":      {"macro"},
	"struct":     {"struct"},
	"union":      {"union"},
	"enum":       {"enum"},
	"enumerator": {"enumerator"},
	"type":       {"function", "struct", "union", "enum", "type"},
	"identifier": {"member", "var", "function", "macro", "struct", "union", "enum", "enumerator", "type"},
}

func (d *CDomain) find(typ, target string) (objEntry, bool) {
	target = strings.TrimSuffix(strings.TrimSpace(target), "()")
	for _, kw := range []string{"struct ", "union ", "enum "} {
		target = strings.TrimPrefix(target, kw)
	}
	o, ok := d.objects[target]
	if !ok {
		return o, false
	}
	if typ != "any" && !contains(cRoleTypes[typ], o.Type) {
		return o, false
	}
	return o, true
}

// ResolveXRef implements resolve.Domain: the name is looked up in the
// referencing object's scope, then in each enclosing scope.
func (d *CDomain) ResolveXRef(x *resolve.XRef, typ, target string) *doctree.Element {
	o, ok := d.find(typ, target)
	for scope := x.Node.GetString(cScopeKey); scope != "" && !ok; {
		o, ok = d.find(typ, scope+"."+strings.TrimSpace(target))
		scope, _, _ = cutLast(scope, ".")
	}
	if !ok {
		return nil
	}
	// Sphinx titles the reference with the name as written
	return x.RefNode(o.DocName, o.ID, x.ContNode, strings.TrimSpace(target))
}

// ResolveAnyXRef implements resolve.Domain.
func (d *CDomain) ResolveAnyXRef(x *resolve.XRef, target string) []resolve.AnyMatch {
	o, ok := d.find("any", target)
	if !ok {
		return nil
	}
	role := map[string]string{"member": "member", "var": "var", "function": "func", "macro": "macro", "struct": "struct",
		"union": "union", "enum": "enum", "enumerator": "enumerator", "type": "type"}[o.Type]
	return []resolve.AnyMatch{{Role: "c:" + role, Node: x.RefNode(o.DocName, o.ID, x.ContNode, o.Name)}}
}

// DanglingWarning implements resolve.Domain.
func (d *CDomain) DanglingWarning(typ, target string) string { return "" }
