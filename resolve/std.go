package resolve

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/project"
)

// stdObject is an object of the standard domain: a term, token,
// environment variable, program option or an object type added by an
// extension (Sphinx's objects and progoptions).
type stdObject struct {
	typ, name string
	program   string // for cmdoption
	doc, id   string
}

type stdKey struct{ typ, name string }

// StdDomain resolves the standard domain's references: ref, numref,
// keyword, doc, option, term and object types (envvar, token, and those
// extensions add).
type StdDomain struct {
	s *State
	// roleTypes maps a role to the object types it can reach
	// (objtypes_for_role); typeRole is the reverse, for 'any'.
	roleTypes map[string][]string
	typeRole  map[string]string
	typeOrder []string

	objects     map[stdKey]stdObject
	progoptions map[stdKey]stdObject // keyed by (program, option)
}

// generatedLabels are the labels of the pages the HTML builder generates
// (the std domain's initial data).
var generatedLabels = map[string]env.Label{
	"genindex": {DocName: "genindex", Title: "Index"},
	"modindex": {DocName: "py-modindex", Title: "Module Index"},
	"search":   {DocName: "search", Title: "Search Page"},
}

func newStdDomain(s *State) *StdDomain {
	d := &StdDomain{s: s, roleTypes: map[string][]string{}, typeRole: map[string]string{}}
	for _, t := range [][2]string{
		{"term", "term"}, {"token", "token"}, {"label", "ref"}, {"envvar", "envvar"},
		{"cmdoption", "option"}, {"doc", "doc"},
	} {
		d.AddObjectType(t[0], t[1])
	}
	d.roleTypes["keyword"] = append(d.roleTypes["keyword"], "label")
	return d
}

// Name returns "std".
func (d *StdDomain) Name() string { return "std" }

// AddObjectType registers an object type and the role that references it,
// as Sphinx's app.add_object_type (for example ("opcode", "opcode")).
func (d *StdDomain) AddObjectType(objtype, role string) {
	if _, ok := d.typeRole[objtype]; !ok {
		d.typeOrder = append(d.typeOrder, objtype)
	}
	d.typeRole[objtype] = role
	d.roleTypes[role] = append(d.roleTypes[role], objtype)
}

// merge gathers the objects of every document, in document order; the
// first definition of a program option wins, later objects replace earlier
// ones (as Sphinx's dictionaries do).
func (d *StdDomain) merge(names []string) {
	d.objects = map[stdKey]stdObject{}
	d.progoptions = map[stdKey]stdObject{}
	for _, n := range names {
		for _, o := range d.s.docs[n].objects {
			if o.typ == "cmdoption" {
				k := stdKey{o.program, o.name}
				if _, ok := d.progoptions[k]; !ok {
					d.progoptions[k] = o
				}
				continue
			}
			d.objects[stdKey{o.typ, o.name}] = o
		}
	}
	for _, t := range d.s.b.Env.Terms {
		d.objects[stdKey{"term", t.Text}] = stdObject{typ: "term", name: t.Text, doc: t.DocName, id: t.ID}
	}
}

func (d *StdDomain) label(name string) (env.Label, bool) {
	if l, ok := d.s.b.Env.Labels[name]; ok {
		return l, true
	}
	l, ok := generatedLabels[name]
	return l, ok
}

func (d *StdDomain) anonLabel(name string) (env.Label, bool) {
	if l, ok := d.s.b.Env.AnonLabels[name]; ok {
		return l, true
	}
	l, ok := generatedLabels[name]
	return l, ok
}

// DanglingWarning returns the std domain's messages for unresolved term,
// numref, keyword, doc and option references.
func (d *StdDomain) DanglingWarning(typ, target string) string {
	switch typ {
	case "term":
		return "term not in glossary: " + pyRepr(target)
	case "numref":
		return "undefined label: " + pyRepr(target)
	case "keyword":
		return "unknown keyword: " + pyRepr(target)
	case "doc":
		return "unknown document: " + pyRepr(target)
	case "option":
		return "unknown option: " + pyRepr(target)
	}
	return ""
}

// ResolveXRef resolves one std reference.
func (d *StdDomain) ResolveXRef(x *XRef, typ, target string) *doctree.Element {
	switch typ {
	case "ref":
		return d.resolveRef(x, target)
	case "numref":
		return d.resolveNumref(x, target)
	case "keyword":
		l, ok := d.label(target)
		if !ok || l.DocName == "" {
			return nil
		}
		return x.RefNode(l.DocName, l.ID, x.ContNode, "")
	case "doc":
		return d.resolveDoc(x)
	case "option":
		return d.resolveOption(x, target)
	case "term":
		if n := d.resolveObj(x, typ, target); n != nil {
			return n
		}
		if t, ok := d.s.b.Env.Terms[strings.ToLower(target)]; ok {
			return x.RefNode(t.DocName, t.ID, x.ContNode, "")
		}
		return nil
	}
	return d.resolveObj(x, typ, target)
}

// buildReferenceNode is the std domain's build_reference_node: a
// reference holding an inline with the std classes.
func (d *StdDomain) buildReferenceNode(x *XRef, docname, labelID, sectname, role, tag string) *doctree.Element {
	n := doctree.NewElement(tag)
	n.Set("internal", true)
	inner := doctree.NewTextElement("inline", sectname, sectname)
	inner.Classes = append(inner.Classes, "std", "std-"+role)
	if docname == x.FromDoc {
		n.Set("refid", labelID)
	} else {
		uri := x.URI(docname)
		if labelID != "" {
			uri += "#" + labelID
		}
		n.Set("refuri", uri)
	}
	n.Append(inner)
	return n
}

func (d *StdDomain) resolveRef(x *XRef, target string) *doctree.Element {
	var l env.Label
	var sectname string
	if x.Explicit() {
		l, _ = d.anonLabel(target)
		sectname = x.Node.AsText()
	} else {
		l, _ = d.label(target)
		sectname = l.Title
	}
	if l.DocName == "" {
		return nil
	}
	return d.buildReferenceNode(x, l.DocName, l.ID, sectname, "ref", "reference")
}

func (d *StdDomain) resolveDoc(x *XRef) *doctree.Element {
	refdoc := x.Node.GetString("refdoc")
	if refdoc == "" {
		refdoc = x.FromDoc
	}
	docname := DocNameJoin(refdoc, x.Node.GetString("reftarget"))
	if !d.s.HasDoc(docname) {
		return nil
	}
	caption := d.s.TitleText(docname)
	if x.Explicit() {
		caption = x.Node.AsText()
	}
	inner := doctree.NewTextElement("inline", caption, caption)
	inner.Classes = []string{"doc"}
	return x.RefNode(docname, "", inner, "")
}

// DocNameJoin resolves a document name relative to another one, as
// Sphinx's docname_join: "/x" is absolute, "../x" goes up.
func DocNameJoin(base, name string) string {
	if strings.HasPrefix(name, "/") {
		return strings.TrimPrefix(path.Clean(name), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/"+base, "..", name)), "/")
}

var wsRE = regexp.MustCompile(`\s+`)

func (d *StdDomain) resolveOption(x *XRef, target string) *doctree.Element {
	progname := x.Node.GetString("std:program")
	target = strings.TrimSpace(target)
	o, ok := d.progoptions[stdKey{progname, target}]
	if !ok {
		// :option:`-foo=bar`, :option:`-foo[=bar]`, :option:`-foo bar`
		for _, needle := range []string{"=", "[=", " "} {
			if i := strings.Index(target, needle); i >= 0 {
				if o, ok = d.progoptions[stdKey{progname, target[:i]}]; ok {
					break
				}
			}
		}
	}
	if !ok {
		var commands []string
		for {
			loc := wsRE.FindStringIndex(target)
			if loc == nil {
				return nil
			}
			commands = append(commands, target[:loc[0]])
			target = target[loc[1]:]
			progname = strings.Join(commands, "-")
			if o, ok = d.progoptions[stdKey{progname, target}]; ok {
				break
			}
		}
	}
	return x.RefNode(o.doc, o.id, x.ContNode, "")
}

func (d *StdDomain) resolveObj(x *XRef, typ, target string) *doctree.Element {
	for _, objtype := range d.roleTypes[typ] {
		if o, ok := d.objects[stdKey{objtype, target}]; ok {
			return x.RefNode(o.doc, o.id, x.ContNode, "")
		}
	}
	return nil
}

// ResolveAnyXRef tries ref (lower-cased) and option, then every object
// type.
func (d *StdDomain) ResolveAnyXRef(x *XRef, target string) []AnyMatch {
	var out []AnyMatch
	ltarget := strings.ToLower(target)
	if n := d.ResolveXRef(x.copy(), "ref", ltarget); n != nil {
		out = append(out, AnyMatch{Role: "std:ref", Node: n})
	}
	if n := d.ResolveXRef(x.copy(), "option", target); n != nil {
		out = append(out, AnyMatch{Role: "std:option", Node: n})
	}
	return append(out, d.objectMatches(x, target)...)
}

// objectMatches returns the std objects named target, one per object
// type (terms by their lower-cased name), as 'any' and Markdown links
// look them up.
func (d *StdDomain) objectMatches(x *XRef, target string) []AnyMatch {
	var out []AnyMatch
	for _, objtype := range d.typeOrder {
		key := stdKey{objtype, target}
		if objtype == "term" {
			key.name = strings.ToLower(target)
		}
		o, ok := d.objects[key]
		if !ok {
			continue
		}
		out = append(out, AnyMatch{Role: "std:" + d.typeRole[objtype], Node: x.RefNode(o.doc, o.id, x.ContNode.DeepCopy(), "")})
	}
	return out
}

// resolveNumref resolves :numref: to a number_reference whose text is the
// numfig format filled with the target's number and caption.
func (d *StdDomain) resolveNumref(x *XRef, target string) *doctree.Element {
	var l env.Label
	var figname *string
	if lab, ok := d.label(target); ok {
		l = lab
		t := lab.Title
		figname = &t
	} else {
		l, _ = d.anonLabel(target)
	}
	if l.DocName == "" {
		return nil
	}
	dd := d.s.docs[l.DocName]
	if dd == nil {
		return nil
	}
	ft, ok := dd.figtypes[l.ID]
	if !ok {
		return nil
	}
	figtype := ft.typ
	cfg := d.s.b.Cfg
	if figtype != "section" && !cfg.Numfig {
		x.Warn("numfig is disabled. :numref: is ignored.")
		return x.ContNode
	}
	fignumber, ok := d.s.figNumber(figtype, l.DocName, ft.firstID)
	if !ok {
		x.Warn("Failed to create a cross reference. Any number is not assigned: %s", l.ID)
		return x.ContNode
	}
	if fignumber == nil {
		return x.ContNode
	}
	var title string
	if x.Explicit() {
		title = x.ContNode.AsText()
	} else {
		title = cfg.NumfigFormat[figtype]
	}
	if figname == nil && strings.Contains(title, "{name}") {
		x.Warn("the link has no caption: %s", title)
		return x.ContNode
	}
	parts := make([]string, len(fignumber))
	for i, n := range fignumber {
		parts[i] = fmt.Sprint(n)
	}
	fignum := strings.Join(parts, ".")
	var newtitle string
	var err error
	if strings.Contains(title, "{name}") || strings.Contains(title, "number") {
		name := ""
		if figname != nil {
			name = *figname
		}
		newtitle, err = formatNumfig(title, fignum, name, figname != nil)
		if err != nil {
			x.Warn("invalid numfig_format: %s (%s)", title, err.Error())
			return x.ContNode
		}
	} else {
		var ok bool
		newtitle, ok = percentNumfig(title, fignum)
		if !ok {
			x.Warn("invalid numfig_format: %s", title)
			return x.ContNode
		}
	}
	n := d.buildReferenceNode(x, l.DocName, l.ID, newtitle, "numref", "number_reference")
	n.Set("title", title)
	return n
}

// figNumber returns a target's number (Sphinx's get_fignumber): false when
// none is assigned, a nil number when its section is beyond the numbered
// depth.
func (s *State) figNumber(figtype, docname, id string) ([]int, bool) {
	if figtype == "section" {
		secs, ok := s.secnumbers[docname]
		if !ok {
			return nil, false
		}
		if n, ok := secs["#"+id]; ok {
			return n, true
		}
		return secs[""], true
	}
	n, ok := s.fignumbers[docname][figtype][id]
	return n, ok
}

// formatNumfig fills a new-style numfig format ("Fig. {number}",
// "{name}") as Python's str.format with the keywords number and, when
// hasName, name.
func formatNumfig(format, number, name string, hasName bool) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch c {
		case '{':
			if i+1 < len(format) && format[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			j := strings.IndexByte(format[i:], '}')
			if j < 0 {
				return "", fmt.Errorf("ValueError(\"Single '{' encountered in format string\")")
			}
			field := format[i+1 : i+j]
			key := field
			if k := strings.IndexAny(field, ".[!:"); k >= 0 {
				key = field[:k]
			}
			switch {
			case key == "number":
				b.WriteString(number)
			case key == "name" && hasName:
				b.WriteString(name)
			default:
				return "", fmt.Errorf("KeyError(%s)", pyRepr(key))
			}
			i += j
		case '}':
			if i+1 < len(format) && format[i+1] == '}' {
				i++
			}
			b.WriteByte('}')
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// percentNumfig fills an old-style numfig format ("Fig. %s") as Python's
// % operator with one argument; false when the format does not take
// exactly one %s.
func percentNumfig(format, number string) (string, bool) {
	var b strings.Builder
	used := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		switch format[i+1] {
		case '%':
			b.WriteByte('%')
		case 's', 'r', 'a':
			if used {
				return "", false
			}
			used = true
			b.WriteString(number)
		default:
			return "", false
		}
		i++
	}
	return b.String(), used
}

// stdObjectsOf reads the std objects an object description defines: its
// signatures' ids and names, and for program options the program from the
// index entries ("prog command line option; -v").
func stdObjectsOf(docname string, desc *doctree.Element) []stdObject {
	objtype := desc.GetString("objtype")
	var out []stdObject
	for _, sig := range desc.ChildElements() {
		if sig.Tag != "desc_signature" || len(sig.IDs) == 0 {
			continue
		}
		if objtype == "option" || objtype == "cmdoption" {
			program := optionProgram(desc, sig.IDs[0])
			for _, name := range sig.GetStrings("allnames") {
				out = append(out, stdObject{typ: "cmdoption", name: name, program: program, doc: docname, id: sig.IDs[0]})
			}
			continue
		}
		name := ""
		for _, c := range sig.ChildElements() {
			if c.Tag == "desc_name" {
				name += c.AsText()
			}
		}
		if name == "" {
			name = sig.AsText()
		}
		name = wsRE.ReplaceAllString(strings.TrimSpace(name), " ")
		out = append(out, stdObject{typ: objtype, name: name, doc: docname, id: sig.IDs[0]})
	}
	return out
}

// optionProgram finds the program of an option signature in the index
// node Sphinx puts before the description.
func optionProgram(desc *doctree.Element, id string) string {
	p := desc.Parent()
	if p == nil {
		return ""
	}
	i := p.Index(desc)
	for j := i - 1; j >= 0; j-- {
		idx, ok := p.Children[j].(*doctree.Element)
		if !ok || idx.Tag != "index" {
			break
		}
		for _, entry := range project.IndexEntriesOf(idx) {
			if entry.TargetID != id {
				continue
			}
			text, _, _ := strings.Cut(entry.Value, ";")
			if prog, ok := strings.CutSuffix(strings.TrimSpace(text), " command line option"); ok {
				return prog
			}
			return ""
		}
	}
	return ""
}
