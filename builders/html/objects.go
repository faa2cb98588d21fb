package html

import "github.com/docbuild/docbuild/search"

// objectTypeNames are the labels of the object types of the domains whose
// objects the environment records (their domain's object_types), as
// Sphinx's get_type_name gives them for search results.
var objectTypeNames = map[string]map[string]string{
	"py": {"function": "function", "data": "data", "class": "class", "exception": "exception",
		"method": "method", "classmethod": "class method", "staticmethod": "static method",
		"attribute": "attribute", "property": "property", "module": "module"},
	"c": {"member": "member", "var": "variable", "function": "function", "macro": "macro",
		"struct": "struct", "union": "union", "enum": "enum", "enumerator": "enumerator",
		"type": "type", "functionParam": "function parameter"},
}

var domainLabels = map[string]string{"py": "Python", "c": "C"}

// searchObjects lists the objects the documents describe, for the search
// index, as the domains' get_objects: modules first in priority.
func (bd *Builder) searchObjects() []search.Object {
	var out []search.Object
	for _, name := range bd.b.Env.DocNames() {
		for _, o := range bd.b.Env.Docs[name].Objects {
			label := o.Type
			if l, ok := objectTypeNames[o.Domain][o.Type]; ok {
				label = l
			}
			if d, ok := domainLabels[o.Domain]; ok {
				label = d + " " + label
			}
			prio := 1
			if o.Domain == "py" && o.Type == "module" {
				prio = 0
			}
			out = append(out, search.Object{Domain: o.Domain, Type: o.Type, TypeName: label,
				FullName: o.Name, DispName: o.Name, DocName: name, Anchor: o.ID, Prio: prio})
		}
	}
	return out
}
