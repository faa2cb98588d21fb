package domains

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/sphinx"
)

// fieldType is one of a domain's doc field types (sphinx.util.docfields
// Field, GroupedField, TypedField as the Python domain declares them).
type fieldType struct {
	name, label  string
	names        []string
	typeNames    []string
	hasArg       bool
	grouped      bool
	typed        bool
	canCollapse  bool
	roleName     string
	typeRoleName string
	bodyRoleName string
}

// pyFieldTypes are PyObject.doc_field_types.
var pyFieldTypes = []*fieldType{
	{name: "parameter", label: "Parameters", names: []string{"param", "parameter", "arg", "argument", "keyword", "kwarg", "kwparam"},
		typeNames: []string{"paramtype", "type"}, hasArg: true, grouped: true, typed: true, canCollapse: true, typeRoleName: "class"},
	{name: "variable", label: "Variables", names: []string{"var", "ivar", "cvar"}, typeNames: []string{"vartype"},
		hasArg: true, grouped: true, typed: true, canCollapse: true, typeRoleName: "class"},
	{name: "exceptions", label: "Raises", names: []string{"raises", "raise", "exception", "except"}, hasArg: true,
		grouped: true, canCollapse: true, roleName: "exc"},
	{name: "returnvalue", label: "Returns", names: []string{"returns", "return"}},
	{name: "returntype", label: "Return type", names: []string{"rtype"}, bodyRoleName: "class"},
}

type fieldTypeRef struct {
	ft     *fieldType
	isType bool
}

var pyFieldMap = func() map[string]fieldTypeRef {
	m := map[string]fieldTypeRef{}
	for _, ft := range pyFieldTypes {
		for _, n := range ft.names {
			m[n] = fieldTypeRef{ft, false}
		}
		for _, n := range ft.typeNames {
			m[n] = fieldTypeRef{ft, true}
		}
	}
	return m
}()

var pyXrefDelims = regexp.MustCompile(`(\s*[\[\]\(\),](?:\s*o[rf]\s)?\s*|\s+o[rf]\s+|\s*\|\s*|\.\.\.)`)

// pyMakeXref is PyXrefMixin.make_xref over Field.make_xref without an
// inliner: a pending_xref around innerTag, or the content alone without
// a role.
func pyMakeXref(doc *doctree.Document, role, target, innerTag string, contnode doctree.Node) doctree.Node {
	mk := func(s string) doctree.Node {
		if innerTag == "" {
			return doctree.NewText(s)
		}
		return doctree.NewTextElement(innerTag, s, s)
	}
	if role == "" {
		if contnode != nil {
			return contnode
		}
		return mk(target)
	}
	if role == "class" && target == "None" {
		role = "obj"
	}
	ref := doctree.NewElement(sphinx.TagPendingXref)
	ref.Set("refdomain", "py")
	ref.Set("refexplicit", false)
	ref.Set("reftype", role)
	ref.Set("reftarget", target)
	if contnode != nil {
		ref.Append(contnode)
	} else {
		ref.Append(mk(target))
	}
	ref.Set("refspecific", true)
	ctx := refContext(doc)
	for _, k := range []string{"py:module", "py:class"} {
		if v, ok := ctx[k]; ok {
			ref.Set(k, v)
		} else {
			ref.Set(k, nil)
		}
	}
	reftarget, title := target, target
	switch {
	case strings.HasPrefix(target, "."):
		reftarget = target[1:]
		title = reftarget
	case strings.HasPrefix(target, "~"):
		reftarget = target[1:]
		title = reftarget[strings.LastIndex(reftarget, ".")+1:]
	case strings.HasPrefix(target, "typing."):
		title = target[len("typing."):]
	}
	if reftarget != title {
		reftype := "class"
		if reftarget == "None" || strings.HasPrefix(reftarget, "typing.") {
			reftype = "obj"
		}
		ref.Set("reftype", reftype)
		ref.Set("reftarget", reftarget)
		ref.Clear()
		ref.Append(mk(title))
	}
	return ref
}

// pyMakeXrefs is PyXrefMixin.make_xrefs: one reference per name of a
// type expression ("int or None", "list[str]").
func pyMakeXrefs(doc *doctree.Document, role, target, innerTag string, contnode doctree.Node) []doctree.Node {
	var parts []string
	last := 0
	for _, loc := range pyXrefDelims.FindAllStringIndex(target, -1) {
		parts = append(parts, target[last:loc[0]], target[loc[0]:loc[1]])
		last = loc[1]
	}
	parts = append(parts, target[last:])
	split := contnode != nil && nodeText(contnode) == target
	inLiteral := false
	var out []doctree.Node
	for _, sub := range parts {
		if sub == "" {
			continue
		}
		if split {
			contnode = doctree.NewText(sub)
		}
		if m := pyXrefDelims.FindStringIndex(sub); inLiteral || m != nil && m[0] == 0 {
			if contnode != nil {
				out = append(out, contnode)
			} else if innerTag == "" {
				out = append(out, doctree.NewText(sub))
			} else {
				out = append(out, doctree.NewTextElement(innerTag, sub, sub))
			}
		} else {
			out = append(out, pyMakeXref(doc, role, sub, innerTag, contnode))
		}
		if sub == "Literal" || sub == "typing.Literal" || sub == "~typing.Literal" {
			inLiteral = true
		}
	}
	return out
}

func nodeText(n doctree.Node) string {
	switch x := n.(type) {
	case *doctree.Text:
		return x.AsText()
	case *doctree.Element:
		return x.AsText()
	}
	return ""
}

// isSingleParagraph is _is_single_paragraph.
func isSingleParagraph(body *doctree.Element) bool {
	if len(body.Children) == 0 {
		return false
	}
	for _, c := range body.Children[1:] {
		if e, ok := c.(*doctree.Element); !ok || e.Tag != "system_message" {
			return false
		}
	}
	e, ok := body.Children[0].(*doctree.Element)
	return ok && e.Tag == doctree.TagParagraph
}

type fieldItem struct {
	arg     string
	content []doctree.Node
}

type fieldGroup struct {
	ft    *fieldType
	items []fieldItem
	field *doctree.Element
	plain *doctree.Element // a field kept as is
}

// transformPyFields is DocFieldTransformer.transform_all for the Python
// domain's field types.
func transformPyFields(doc *doctree.Document, content *doctree.Element) {
	for _, fl := range content.ChildElements() {
		if fl.Tag == "field_list" {
			transformFieldList(doc, fl)
		}
	}
}

func transformFieldList(doc *doctree.Document, fl *doctree.Element) {
	var entries []*fieldGroup
	groups := map[string]*fieldGroup{}
	types := map[string]map[string][]doctree.Node{}
	for _, field := range fl.ChildElements() {
		kids := field.ChildElements()
		if field.Tag != "field" || len(kids) != 2 {
			return
		}
		fname, body := kids[0], kids[1]
		words := doctree.Fields(fname.AsText())
		if len(words) == 0 {
			return
		}
		typeName, arg := words[0], ""
		if t := doctree.TrimSpace(fname.AsText()); len(t) > len(typeName) {
			arg = doctree.TrimSpace(t[len(typeName):])
		}
		ref, known := pyFieldMap[typeName]
		var content []doctree.Node
		if isSingleParagraph(body) {
			content = body.Children[0].(*doctree.Element).Children
		} else {
			content = body.Children
		}
		if !known || ref.ft.hasArg != (arg != "") {
			name := strings.ToUpper(typeName[:1]) + typeName[1:]
			if arg != "" {
				name += " " + arg
			}
			fname.Clear()
			fname.Append(doctree.NewText(name))
			entries = append(entries, &fieldGroup{plain: field})
			if known && ref.isType && len(content) == 1 {
				if t, ok := content[0].(*doctree.Text); ok {
					xrefs := pyMakeXrefs(doc, ref.ft.typeRoleName, t.AsText(), "emphasis", t)
					if isSingleParagraph(body) {
						p := body.Children[0].(*doctree.Element)
						p.Clear()
						p.Append(xrefs...)
					} else {
						body.Clear()
						body.Append(doctree.NewElement(doctree.TagParagraph, xrefs...))
					}
				}
			}
			continue
		}
		ft := ref.ft
		if ref.isType {
			var kept []doctree.Node
			for _, n := range content {
				if e, ok := n.(*doctree.Element); !ok || doctree.ClassOf(e.Tag)&doctree.ClassInline != 0 {
					kept = append(kept, n)
				}
			}
			if len(kept) > 0 {
				if types[ft.name] == nil {
					types[ft.name] = map[string][]doctree.Node{}
				}
				types[ft.name][arg] = kept
			}
			continue
		}
		if ft.typed {
			if i := strings.LastIndexFunc(arg, doctree.IsSpace); i >= 0 {
				if types[ft.name] == nil {
					types[ft.name] = map[string][]doctree.Node{}
				}
				argtype := doctree.TrimSpace(arg[:i])
				types[ft.name][arg[i+1:]] = []doctree.Node{doctree.NewText(argtype)}
				arg = arg[i+1:]
			}
		}
		tc := doctree.NewElement(doctree.TagInline)
		tc.RawSource = body.RawSource
		tc.Set("translatable", true)
		tc.Source, tc.Line = field.Source, field.Line
		moved := append([]doctree.Node(nil), content...)
		detach(moved)
		tc.Append(moved...)
		item := fieldItem{arg: arg, content: []doctree.Node{tc}}
		if ft.grouped {
			g := groups[ft.name]
			if g == nil {
				g = &fieldGroup{ft: ft, field: field}
				groups[ft.name] = g
				entries = append(entries, g)
			}
			g.items = append(g.items, item)
		} else {
			entries = append(entries, &fieldGroup{ft: ft, items: []fieldItem{item}, field: field})
		}
	}
	newList := doctree.NewElement("field_list")
	for _, e := range entries {
		if e.plain != nil {
			detach([]doctree.Node{e.plain})
			newList.Append(e.plain)
			continue
		}
		newList.Append(makeField(doc, e, types[e.ft.name]))
	}
	doctree.ReplaceSelf(fl, newList)
}

// makeField is Field/GroupedField/TypedField.make_field.
func makeField(doc *doctree.Document, g *fieldGroup, types map[string][]doctree.Node) *doctree.Element {
	ft := g.ft
	fname := doctree.NewTextElement("field_name", "", ft.label)
	para := func(children ...doctree.Node) *doctree.Element {
		return doctree.NewElement(doctree.TagParagraph, children...)
	}
	field := func(body doctree.Node) *doctree.Element {
		return doctree.NewElement("field", fname, doctree.NewElement("field_body", body))
	}
	if !ft.grouped {
		it := g.items[0]
		if it.arg != "" {
			fname.Append(doctree.NewText(" "))
			fname.Append(pyMakeXrefs(doc, ft.roleName, it.arg, "", nil)...)
		}
		content := it.content
		if len(content) == 1 {
			if e, ok := content[0].(*doctree.Element); ok && e.Tag == doctree.TagInline && len(e.Children) == 1 {
				if _, isText := e.Children[0].(*doctree.Text); isText {
					content = pyMakeXrefs(doc, ft.bodyRoleName, e.AsText(), "emphasis", content[0])
				}
			}
		}
		return field(para(content...))
	}
	item := func(it fieldItem) *doctree.Element {
		p := para(pyMakeXrefs(doc, ft.roleName, it.arg, sphinx.TagLiteralStrong, nil)...)
		if ft.typed {
			if t, ok := types[it.arg]; ok {
				delete(types, it.arg)
				p.Append(doctree.NewText(" ("))
				if len(t) == 1 {
					if txt, isText := t[0].(*doctree.Text); isText {
						p.Append(pyMakeXrefs(doc, ft.typeRoleName, txt.AsText(), sphinx.TagLiteralEmphasis, nil)...)
					} else {
						p.Append(t...)
					}
				} else {
					detach(t)
					p.Append(t...)
				}
				p.Append(doctree.NewText(")"))
			}
		}
		p.Append(doctree.NewText(" -- "))
		p.Append(it.content...)
		return p
	}
	if len(g.items) == 1 && ft.canCollapse {
		return field(item(g.items[0]))
	}
	list := doctree.NewElement("bullet_list")
	for _, it := range g.items {
		list.Append(doctree.NewElement("list_item", item(it)))
	}
	return field(list)
}

// detach removes nodes from their parents before they move.
func detach(nodes []doctree.Node) {
	for _, n := range nodes {
		var p *doctree.Element
		switch x := n.(type) {
		case *doctree.Element:
			p = x.Parent()
		case *doctree.Text:
			p = x.Parent()
		}
		if p != nil {
			p.Remove(n)
		}
	}
}
