package domains

import (
	"sort"

	"github.com/docbuild/docbuild/doctree"

	"github.com/docbuild/docbuild/directives"
)

// Register adds the Python domain (also under the plain names, py being
// Sphinx's default primary_domain), the C domain and sphinx.ext.doctest's
// directives to reg.
func Register(reg *directives.Registry) {
	for _, name := range []string{"describe", "object"} {
		reg.AddLocalDirective(name, descDirective(name, nil, func(*directives.Call) describer { return plainObject{} }))
	}
	registerPy(reg)
	registerC(reg)
	registerStd(reg)
	for _, name := range []string{"doctest", "testcode", "testoutput", "testsetup", "testcleanup"} {
		reg.AddLocalDirective(name, testDirective(name))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// MoveModuleTargets is sphinx.transforms.MoveModuleTargets: a module's
// target that comes first in a section (after its title) gives its ids to
// the section, so that links to the module land on the section.
func MoveModuleTargets(root *doctree.Element) {
	for _, t := range doctree.FindTag(root, doctree.TagTarget) {
		p := t.Parent()
		if len(t.IDs) == 0 || !t.Has("ismod") || p == nil || p.Tag != "section" {
			continue
		}
		if len(p.Children) > 1 && p.Children[1] == doctree.Node(t) {
			p.IDs = append(append([]string(nil), t.IDs...), p.IDs...)
			p.Remove(t)
		}
	}
}

// RemoveTranslatableInline is sphinx.transforms.i18n.RemoveTranslatableInline
// for builders other than gettext: the inline nodes that mark translatable
// content (doc field bodies, version notes) are dropped, their children
// appended to the parent as Sphinx does.
func RemoveTranslatableInline(root *doctree.Element) {
	for _, in := range doctree.FindTag(root, doctree.TagInline) {
		p := in.Parent()
		if p == nil || !in.Has("translatable") {
			continue
		}
		kids := append([]doctree.Node(nil), in.Children...)
		in.Clear()
		p.Remove(in)
		p.Append(kids...)
	}
}
