package sphinx

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/roles"
	"github.com/docbuild/docbuild/doctree"
)

// refParts is what Sphinx's ReferenceRole makes of a role's text: whether
// it starts with "!" (no link), and the title and target, from
// "title <target>" or both the whole text. title and target are
// unescaped; the explicit form is recognised on the escaped text, so an
// escaped "<" does not start a target.
type refParts struct {
	disabled bool
	explicit bool
	title    string
	target   string
}

func parseReference(text string) refParts {
	r := refParts{disabled: strings.HasPrefix(text, "!")}
	if title, target, ok := matchExplicitTitle(text, false); ok {
		r.explicit = true
		r.title = doctree.Unescape(title, false)
		r.target = doctree.Unescape(target, false)
		return r
	}
	r.title = doctree.Unescape(text, false)
	r.target = r.title
	return r
}

// roleSourceLine is the source and line of a role (SphinxRole's
// get_source_info).
func roleSourceLine(c *directives.RoleCall) (string, int) {
	rep := c.Inliner.Reporter()
	if rep.SourceAndLine != nil {
		if s, l, ok := rep.SourceAndLine(c.Lineno); ok {
			return s, l
		}
	}
	return rep.Source, c.Lineno
}

// XRefRole is Sphinx's generic cross-reference role (sphinx.roles.XRefRole):
// it makes a pending_xref (or NodeTag) holding the title in an InnerTag
// node, for the build to resolve. Domains build their roles from it.
type XRefRole struct {
	// FixParens strips "()" from the target and normalises it on an
	// implicit title (adding "()" back when add_function_parentheses).
	FixParens bool
	// Lowercase lowercases the target (ref, numref).
	Lowercase bool
	// NodeTag is the reference's tag; "" means pending_xref.
	NodeTag string
	// InnerTag is the title node's tag; "" means literal.
	InnerTag string
	// WarnDangling sets refwarn: an unresolved reference is reported.
	WarnDangling bool
	// ProcessLink may change the reference node and return the title and
	// target to use (XRefRole.process_link); nil normalises white space in
	// the target.
	ProcessLink func(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string)
	// ResultNodes may replace or extend the result (XRefRole.result_nodes);
	// isRef is false when the reference was disabled with "!" and node is
	// the title node.
	ResultNodes func(c *directives.RoleCall, node *doctree.Element, isRef bool) ([]doctree.Node, []*doctree.Element)
	// Domain and Type, when Domain is set, fix the role's full name
	// "domain:type": Sphinx calls a domain's roles with that name whatever
	// name the role was used by (a custom role based on ref is still
	// std:ref). Otherwise the name used is the type, and a name with a
	// colon gives the domain.
	Domain, Type string
}

// Role returns the directives.Role running x.
func (x *XRefRole) Role() *directives.Role {
	return &directives.Role{Fn: x.run}
}

func (x *XRefRole) run(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	name := strings.ToLower(c.Name)
	if x.Domain != "" {
		name = x.Domain + ":" + x.Type
	}
	var domain, typ string
	var classes []string
	if d, t, ok := strings.Cut(name, ":"); ok {
		domain, typ = d, t
		classes = []string{"xref", domain, domain + "-" + typ}
	} else {
		typ = name
		classes = []string{"xref", typ}
	}
	rp := parseReference(c.Text)
	inner := x.InnerTag
	if inner == "" {
		inner = doctree.TagLiteral
	}
	if rp.disabled {
		text := dropRunes(doctree.Unescape(c.Text, false), 1)
		if x.FixParens {
			text, _ = x.fixParens(c, false, text, "")
		}
		node := doctree.NewTextElement(inner, c.RawText, text)
		node.Classes = classes
		return x.result(c, node, false)
	}
	title, target := rp.title, rp.target
	if x.Lowercase {
		target = strings.ToLower(target)
	}
	if x.FixParens {
		title, target = x.fixParens(c, rp.explicit, title, target)
	}
	tag := x.NodeTag
	if tag == "" {
		tag = TagPendingXref
	}
	ref := doctree.NewElement(tag)
	// Room for every attribute a domain's role sets (refdoc ... reftarget,
	// py:module, py:class): one allocation instead of four growths.
	ref.Attrs = make([]doctree.Attr, 0, 8)
	ref.RawSource = c.RawText
	ref.Set("refdoc", docName(EnvOf(c.Inliner.Document())))
	ref.Set("refdomain", domain)
	ref.Set("reftype", typ)
	ref.Set("refexplicit", rp.explicit)
	ref.Set("refwarn", x.WarnDangling)
	ref.Source, ref.Line = roleSourceLine(c)
	if x.ProcessLink != nil {
		title, target = x.ProcessLink(c, ref, rp.explicit, title, target)
	} else if strings.ContainsAny(target, "\t\n\v\f\r ") {
		target = wsRE.ReplaceAllString(target, " ")
	}
	ref.Set("reftarget", target)
	in := doctree.NewTextElement(inner, c.RawText, title)
	in.Classes = classes
	ref.Append(in)
	return x.result(c, ref, true)
}

func (x *XRefRole) result(c *directives.RoleCall, node *doctree.Element, isRef bool) ([]doctree.Node, []*doctree.Element) {
	if x.ResultNodes != nil {
		return x.ResultNodes(c, node, isRef)
	}
	return []doctree.Node{node}, nil
}

// fixParens is XRefRole.update_title_and_target.
func (x *XRefRole) fixParens(c *directives.RoleCall, explicit bool, title, target string) (string, string) {
	if !explicit {
		title = strings.TrimSuffix(title, "()")
		if settingBool(EnvOf(c.Inliner.Document()), "add_function_parentheses", true) {
			title += "()"
		}
	}
	return title, strings.TrimSuffix(target, "()")
}

// optionProcessLink records the current program (std:program) on option
// references.
func optionProcessLink(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string) {
	if p, ok := RefContext(c.Inliner.Document())["std:program"]; ok {
		ref.Set("std:program", p)
	} else {
		ref.Set("std:program", nil)
	}
	return title, target
}

// anyProcessLink adds the whole reference context to :any: references.
func anyProcessLink(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string) {
	target = wsRE.ReplaceAllString(target, " ")
	ctx := RefContext(c.Inliner.Document())
	for _, k := range sortedKeys(ctx) {
		ref.Set(k, ctx[k])
	}
	return title, target
}

// envvarResultNodes adds the index entries of an environment variable
// before its reference.
func envvarResultNodes(c *directives.RoleCall, node *doctree.Element, isRef bool) ([]doctree.Node, []*doctree.Element) {
	if !isRef {
		return []doctree.Node{node}, nil
	}
	doc := c.Inliner.Document()
	name := node.GetString("reftarget")
	id := "index-" + itoa(newSerialNo(doc, "index"))
	index := doctree.NewElement(TagIndex)
	index.Set("entries", IndexEntries{
		{Type: "single", Value: name, TargetID: id},
		{Type: "single", Value: "environment variable; " + name, TargetID: id},
	})
	target := doctree.NewElement(doctree.TagTarget)
	target.IDs = []string{id}
	doc.NoteExplicitTarget(target, nil)
	return []doctree.Node{index, target, node}, nil
}

// tokenProcessLink is TokenXRefRole.process_link: "~group:name" shows
// only the name.
func tokenProcessLink(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string) {
	target = strings.TrimLeft(target, "~")
	if !explicit && strings.HasPrefix(title, "~") {
		if _, after, ok := strings.Cut(title, ":"); ok {
			title = after
		} else {
			title = title[1:]
		}
	}
	return title, target
}

// mathResultNodes makes :eq: references belong to the math domain.
func mathResultNodes(c *directives.RoleCall, node *doctree.Element, isRef bool) ([]doctree.Node, []*doctree.Element) {
	node.Set("refdomain", "math")
	return []doctree.Node{node}, nil
}

// genericDocRoles are Sphinx's roles that wrap their text in one node with
// the role's name as class.
var genericDocRoles = []struct{ name, tag string }{
	{"command", TagLiteralStrong},
	{"dfn", doctree.TagEmphasis},
	{"kbd", doctree.TagLiteral},
	{"mailheader", TagLiteralEmphasis},
	{"makevar", TagLiteralStrong},
	{"manpage", TagManpage},
	{"mimetype", TagLiteralEmphasis},
	{"newsgroup", TagLiteralEmphasis},
	{"program", TagLiteralStrong},
	{"regexp", doctree.TagLiteral},
}

// genericDocRole is a docutils CustomRole over a GenericRole with the
// class of the role's name, as sphinx.roles.setup builds them.
func genericDocRole(name, tag string) *directives.Role {
	return roles.Custom(name, roles.Generic(tag), map[string]any{"class": []string{name}}, nil)
}

// pepRole is Sphinx's PEP role: an index entry, a target and a link to the
// PEP, the title in strong.
func pepRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	return pepRFC(c, true)
}

// rfcRole is Sphinx's RFC role, as pepRole for RFCs.
func rfcRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	return pepRFC(c, false)
}

func pepRFC(c *directives.RoleCall, pep bool) ([]doctree.Node, []*doctree.Element) {
	doc := c.Inliner.Document()
	rp := parseReference(c.Text)
	targetID := "index-" + itoa(newSerialNo(doc, "index"))
	value := "RFC; RFC " + rp.target
	if pep {
		value = "Python Enhancement Proposals; PEP " + rp.target
	}
	index := doctree.NewElement(TagIndex)
	index.Set("entries", IndexEntries{{Type: "single", Value: value, TargetID: targetID}})
	target := doctree.NewElement(doctree.TagTarget)
	target.IDs = []string{targetID}
	doc.NoteExplicitTarget(target, nil)

	num, section, hasSection := strings.Cut(rp.target, "#")
	n, err := pyIntStrict(num)
	if err != nil {
		kind := "RFC"
		if pep {
			kind = "PEP"
		}
		msg := c.Inliner.Reporter().Error(fmt.Sprintf("invalid %s number %s", kind, rp.target), doctree.MsgOpts{Line: c.Lineno})
		prb := c.Inliner.Problematic(c.RawText, c.RawText, msg)
		return []doctree.Node{prb}, []*doctree.Element{msg}
	}
	var uri, class, title string
	if pep {
		uri = doc.Settings.PEPBaseURL + fmt.Sprintf("pep-%04d/", n)
		if hasSection {
			uri += "#" + section
		}
		class, title = "pep", "PEP "+rp.title
	} else {
		uri = doc.Settings.RFCBaseURL + fmt.Sprintf("rfc%d.html", n)
		if hasSection {
			uri += "#" + section
		}
		class, title = "rfc", "RFC "+rp.title
	}
	if rp.explicit {
		title = rp.title
	}
	ref := doctree.NewElement(doctree.TagReference)
	ref.Set("internal", false)
	ref.Set("refuri", uri)
	ref.Classes = []string{class}
	ref.Append(doctree.NewTextElement(doctree.TagStrong, title, title))
	return []doctree.Node{index, target, ref}, nil
}

// pyIntStrict is Python's int() of a string, which the PEP and RFC roles
// use; it allows white space and underscores between digits.
func pyIntStrict(s string) (int, error) {
	return directives.PyInt(s, false)
}

// ampRE finds the accelerator markers of guilabel: a "&" not doubled and
// not before white space.
var ampRE = regexp.MustCompile(`&[^&\s]`)

// guiLabelRole is Sphinx's GUILabel: the text in an inline node with the
// role's name as class, the letters after single "&" marked as
// accelerators.
func guiLabelRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	return guiLabel(c, doctree.Unescape(c.Text, false))
}

// menuSelectionRole is Sphinx's MenuSelection: a guilabel where "-->"
// separates menu entries, shown as a triangular bullet.
func menuSelectionRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	return guiLabel(c, strings.ReplaceAll(doctree.Unescape(c.Text, false), "-->", "\u2023"))
}

func guiLabel(c *directives.RoleCall, text string) ([]doctree.Node, []*doctree.Element) {
	node := doctree.NewElement(doctree.TagInline)
	node.Set("rawtext", c.RawText)
	node.Classes = []string{strings.ToLower(c.Name)}
	spans := splitAmp(text)
	node.Append(doctree.NewText(spans[0]))
	for _, span := range spans[1:] {
		span = strings.ReplaceAll(span, "&&", "&")
		if span == "" {
			// Sphinx fails on a "&" that ends the text; keep it as text
			node.Append(doctree.NewText("&"))
			continue
		}
		first := prefixRunes(span, 1)
		acc := doctree.NewElement(doctree.TagInline, doctree.NewText(first))
		acc.Classes = []string{"accelerator"}
		node.Append(acc, doctree.NewText(span[len(first):]))
	}
	return []doctree.Node{node}, nil
}

// splitAmp is re.split on (?<!&)&(?![&\s]): the text between accelerator
// markers.
func splitAmp(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '&' || (i > 0 && text[i-1] == '&') {
			continue
		}
		if i+1 < len(text) {
			r := []rune(text[i+1:])[0]
			if r == '&' || doctree.IsSpace(r) {
				continue
			}
		}
		out = append(out, text[start:i])
		start = i + 1
	}
	return append(out, text[start:])
}

// emphasizedLiteralRole is Sphinx's EmphasizedLiteral (file and samp): a
// literal in which {variable} parts are emphasised; "\{" and "\}" are
// literal braces.
func emphasizedLiteralRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	name := strings.ToLower(c.Name)
	node := doctree.NewElement(doctree.TagLiteral, ParseEmphasizedLiteral(doctree.Unescape(c.Text, false))...)
	node.RawSource = c.RawText
	node.Set("role", name)
	node.Classes = []string{name}
	return []doctree.Node{node}, nil
}

// parensRE splits the text of file and samp roles at braces and escapes.
var parensRE = regexp.MustCompile(`(\\\\|\\\{|\\\}|\{|\})`)

// ParseEmphasizedLiteral is EmphasizedLiteral.parse: text and emphasis
// nodes for a samp-style text ("print({x})"). The std domain's option
// directive uses it for option arguments too.
func ParseEmphasizedLiteral(text string) []doctree.Node {
	var result []doctree.Node
	stack := []string{""}
	parts := splitKeep(parensRE, text)
	for _, part := range parts {
		switch part {
		case `\\`:
			stack[len(stack)-1] += `\`
		case "{":
			if len(stack) >= 2 && stack[len(stack)-2] == "{" {
				stack[len(stack)-1] += "{"
			} else {
				stack = append(stack, "{", "")
			}
		case "}":
			if len(stack) == 3 && stack[1] == "{" && stack[2] != "" {
				if stack[0] != "" {
					result = append(result, doctree.NewText(stack[0]))
				}
				result = append(result, doctree.NewTextElement(doctree.TagEmphasis, stack[2], stack[2]))
				stack = []string{""}
			} else {
				stack = append(stack, "}")
				stack = []string{strings.Join(stack, "")}
			}
		case `\{`:
			stack[len(stack)-1] += "{"
		case `\}`:
			stack[len(stack)-1] += "}"
		default:
			stack[len(stack)-1] += part
		}
	}
	if rest := strings.Join(stack, ""); rest != "" {
		result = append(result, doctree.NewText(rest))
	}
	return result
}

// splitKeep is Python's re.split with a capturing group: the pieces
// between matches and the matches themselves.
func splitKeep(re *regexp.Regexp, s string) []string {
	var out []string
	pos := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, s[pos:m[0]], s[m[0]:m[1]])
		pos = m[1]
	}
	return append(out, s[pos:])
}

// abbrRE finds the explanation of an abbreviation, in parentheses at the
// end.
var abbrRE = regexp.MustCompile(`(?s)\((.*)\)$`)

// abbrRole is Sphinx's Abbreviation: "LIFO (last-in, first-out)" gives an
// abbreviation with the explanation as attribute.
func abbrRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	text := doctree.Unescape(c.Text, false)
	opts := roles.NormalizedOptions(c.Options)
	node := doctree.NewElement(doctree.TagAbbreviation)
	node.RawSource = c.RawText
	if m := abbrRE.FindStringSubmatchIndex(text); m != nil {
		node.Set("explanation", text[m[2]:m[3]])
		text = doctree.TrimSpace(text[:m[0]])
	}
	if text != "" {
		node.Append(doctree.NewText(text))
	}
	for _, k := range sortedKeys(opts) {
		v := opts[k]
		if k == "classes" {
			l, _ := v.([]string)
			node.Classes = append(node.Classes, l...)
			continue
		}
		node.Set(k, v)
	}
	return []doctree.Node{node}, nil
}

// codeRole is Sphinx's replacement of docutils' code role: a literal with
// the language as attribute and classes, highlighted by the writer.
func codeRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	opts := roles.NormalizedOptions(c.Options)
	lang, _ := opts["language"].(string)
	classes := []string{"code"}
	if lang != "" {
		classes = append(classes, "highlight")
	}
	if l, ok := opts["classes"].([]string); ok {
		classes = append(classes, l...)
	}
	if lang != "" && !contains(classes, lang) {
		classes = append(classes, lang)
	}
	node := doctree.NewTextElement(doctree.TagLiteral, c.RawText, c.Text)
	node.Classes = classes
	node.Set("language", lang)
	return []doctree.Node{node}, nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// ShortenTitle applies the "~" prefix of the Python and JavaScript
// domains' reference roles (their process_link): the target loses its
// leading tildes and, when the title was not given explicitly and starts
// with "~", the title becomes its last part after sep (":meth:`~a.b.c`"
// shows "c").
func ShortenTitle(explicit bool, title, target, sep string) (string, string) {
	target = strings.TrimLeft(target, "~")
	if !explicit && strings.HasPrefix(title, "~") {
		title = title[1:]
		if i := strings.LastIndex(title, sep); i >= 0 {
			title = title[i+len(sep):]
		}
	}
	return title, target
}
