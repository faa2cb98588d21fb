package domains

import (
	"strings"
	"unicode"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/sphinx"
)

// The C domain here tokenizes declarations instead of parsing them with
// Sphinx's DefinitionParser: declaration specifiers, pointers, the
// declared name and the parameter list become the same desc_* nodes, but
// complex declarators (function pointers, arrays of pointers) are shown
// token by token, and namespaces (c:namespace) are not supported.

var cKeywordTypes = map[string]bool{
	"void": true, "char": true, "short": true, "int": true, "long": true, "float": true, "double": true,
	"signed": true, "unsigned": true, "_Bool": true, "bool": true, "_Complex": true, "complex": true,
	"__int64": true,
}

var cKeywords = map[string]bool{
	"const": true, "volatile": true, "restrict": true, "static": true, "extern": true, "inline": true,
	"register": true, "struct": true, "union": true, "enum": true, "typedef": true, "auto": true,
	"_Thread_local": true, "thread_local": true, "sizeof": true,
}

type cToken struct {
	kind string // "id", "num", "str", "punct"
	text string
	// spaceBefore records white space before the token in the source.
	spaceBefore bool
}

func cTokenize(s string) []cToken {
	var out []cToken
	rs := []rune(s)
	space := false
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			space = true
			i++
			continue
		case unicode.IsLetter(r) || r == '_':
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_' || rs[j] == '.' && j+1 < len(rs) && (unicode.IsLetter(rs[j+1]) || rs[j+1] == '_')) {
				j++
			}
			out = append(out, cToken{"id", string(rs[i:j]), space})
			i = j
		case unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsDigit(rs[j]) || unicode.IsLetter(rs[j]) || rs[j] == '.') {
				j++
			}
			out = append(out, cToken{"num", string(rs[i:j]), space})
			i = j
		case r == '"' || r == '\'':
			j := i + 1
			for j < len(rs) && rs[j] != r {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(rs))
			out = append(out, cToken{"str", string(rs[i:j]), space})
			i = j
		case strings.HasPrefix(string(rs[i:]), "..."):
			out = append(out, cToken{"punct", "...", space})
			i += 3
		default:
			out = append(out, cToken{"punct", string(r), space})
			i++
		}
		space = false
	}
	return out
}

// cRender appends the nodes of type tokens: keywords, references to
// named types and punctuation, with a space between words.
type cRender struct {
	doc *doctree.Document
	// starSpace puts a space between a word and a following "*" or "&",
	// as Sphinx does before a declarator that has a name.
	starSpace bool
}

func (r cRender) word(t string) *doctree.Element {
	switch {
	case cKeywordTypes[t]:
		return sphinx.NewDescNode(sphinx.TagDescSigKeywordType, "", "", t)
	case cKeywords[t]:
		return sphinx.NewDescNode(sphinx.TagDescSigKeyword, "", "", t)
	}
	return cXref(t)
}

// cXref is the pending_xref Sphinx's C domain makes for an identifier in
// a declaration.
func cXref(target string) *doctree.Element {
	ref := doctree.NewElement(sphinx.TagPendingXref)
	ref.Set("refdomain", "c")
	ref.Set("reftype", "identifier")
	ref.Set("reftarget", target)
	ref.Set("modname", nil)
	ref.Set("classname", nil)
	ref.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", target, target))
	return ref
}

func space() *doctree.Element { return sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", "") }

func punct(s string) *doctree.Element {
	if s == "=" || s == "+" || s == "-" || s == "|" || s == "<" || s == ">" || s == "!" || s == "~" || s == "^" || s == "%" || s == "/" {
		return sphinx.NewDescNode(sphinx.TagDescSigOperator, "", "", s)
	}
	return sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", s)
}

// tokens renders a token run: words separated by one space, a space
// before a word that follows punctuation written with a space, "*" kept
// next to what follows.
func (r cRender) tokens(parent *doctree.Element, toks []cToken) {
	for i, t := range toks {
		if i > 0 {
			prev := toks[i-1]
			if prev.kind != "punct" && t.kind != "punct" || r.starSpace && prev.kind != "punct" && (t.text == "*" || t.text == "&") || t.spaceBefore && t.kind != "punct" || prev.text == "," {
				parent.Append(space())
			}
		}
		switch t.kind {
		case "id":
			parent.Append(r.word(t.text))
		case "num":
			parent.Append(sphinx.NewDescNode(sphinx.TagDescSigLiteralNumber, "", "", t.text))
		case "str":
			parent.Append(sphinx.NewDescNode(sphinx.TagDescSigLiteralString, "", "", t.text))
		default:
			parent.Append(punct(t.text))
		}
	}
}

// cObject is one C object type.
type cObject struct{ objtype string }

// nameIndex finds the declared name among the tokens: the last
// identifier before the parameter list (functions) or before an array
// bound, initializer or the end.
func (o *cObject) nameIndex(toks []cToken) (name int, params int) {
	name, params = -1, -1
	depth := 0
	for i, t := range toks {
		if t.kind == "punct" {
			switch t.text {
			case "(", "[":
				if depth == 0 && t.text == "(" && i+1 < len(toks) && toks[i+1].text == "*" {
					// a declarator in parentheses: function pointers
					return -1, -1
				}
				if depth == 0 && t.text == "(" && name >= 0 && params < 0 && toks[i-1].kind == "id" && i-1 == name {
					params = i
				}
				if depth == 0 && (t.text == "[" || params >= 0) {
					return name, params
				}
				depth++
			case ")", "]":
				depth--
			case "=", ":":
				if depth == 0 && o.objtype != "type" {
					return name, params
				}
			}
			continue
		}
		if t.kind == "id" && depth == 0 && !cKeywords[t.text] && !cKeywordTypes[t.text] {
			name = i
		}
	}
	return name, params
}

func (o *cObject) handleSignature(d *descRun, sig string, signode *doctree.Element) (objName, bool) {
	toks := cTokenize(sig)
	if len(toks) == 0 {
		return objName{}, false
	}
	signode.Set("is_multiline", true)
	line := sphinx.NewDescNode(sphinx.TagDescSignatureLine, "c", "", "")
	line.Set("add_permalink", true)
	signode.Append(line)
	r := cRender{doc: d.doc, starSpace: true}
	switch o.objtype {
	case "type", "struct", "union", "enum":
		kw := o.objtype
		if o.objtype == "type" && len(toks) > 1 {
			kw = "typedef"
		}
		line.Append(sphinx.NewDescNode(sphinx.TagDescSigKeyword, "", "", kw), space())
	}
	var name, params int
	if o.objtype == "macro" {
		name, params = 0, -1
		if len(toks) > 1 && toks[1].text == "(" {
			params = 1
		}
	} else {
		name, params = o.nameIndex(toks)
	}
	if name < 0 {
		return o.declaratorInParens(r, line, toks)
	}
	if toks[name].kind != "id" {
		return objName{}, false
	}
	before := toks[:name]
	if len(before) > 0 {
		// specifiers, then pointers and qualifiers attached to the name
		split := len(before)
		for split > 0 && (before[split-1].kind == "punct" || split < len(before) && cKeywords[before[split-1].text]) {
			split--
		}
		r.tokens(line, before[:split])
		if split > 0 {
			line.Append(space())
		}
		for i, t := range before[split:] {
			if t.kind == "id" {
				if i > 0 {
					line.Append(space())
				}
				line.Append(r.word(t.text))
			} else {
				line.Append(punct(t.text))
			}
		}
		if ptr := before[split:]; len(ptr) > 0 && ptr[len(ptr)-1].kind == "id" {
			line.Append(space())
		}
	}
	full := toks[name].text
	scope, last, scoped := cutLast(full, ".")
	if scoped {
		add := sphinx.NewDescNode(sphinx.TagDescAddname, "c", "", "")
		for i, part := range strings.Split(scope, ".") {
			if i > 0 {
				add.Append(punct("."))
			}
			add.Append(cXref(part))
		}
		add.Append(punct("."))
		line.Append(add)
	}
	dn := sphinx.NewDescNode(sphinx.TagDescName, "c", "", "")
	dn.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", last, last))
	line.Append(dn)
	rest := toks[name+1:]
	if params >= 0 {
		// the parameter list up to its closing parenthesis
		depth, end := 0, -1
		for i := params; i < len(toks); i++ {
			switch toks[i].text {
			case "(":
				depth++
			case ")":
				depth--
			}
			if depth == 0 && toks[i].kind == "punct" && toks[i].text == ")" {
				end = i
				break
			}
		}
		if end < 0 {
			return objName{}, false
		}
		pl := sphinx.NewDescNode(sphinx.TagDescParameterlist, "c", "", "")
		for _, p := range splitTokens(toks[params+1 : end]) {
			if len(p) == 0 {
				continue
			}
			pn := sphinx.NewDescNode(sphinx.TagDescParameter, "c", "", "")
			pn.Set("noemph", true)
			if o.objtype == "macro" || len(p) == 1 && p[0].text == "..." {
				for _, t := range p {
					if t.kind == "id" {
						pn.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", "", t.text))
					} else {
						pn.Append(punct(t.text))
					}
				}
			} else {
				o.param(r, pn, p)
			}
			pl.Append(pn)
		}
		line.Append(pl)
		rest = toks[end+1:]
	}
	if len(rest) > 0 {
		if rest[0].kind == "id" || rest[0].text == "=" {
			line.Append(space())
		}
		r.tokens(line, rest)
	}
	return objName{full: full}, true
}

// param renders one function parameter: its type, then its name as a
// plain desc_sig_name.
func (o *cObject) param(r cRender, pn *doctree.Element, p []cToken) {
	nameAt := -1
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].kind == "id" && !cKeywords[p[i].text] && !cKeywordTypes[p[i].text] {
			// a lone type name is the type, not a parameter name
			words := 0
			for _, t := range p[:i] {
				if t.kind == "id" && !cKeywords[t.text] {
					words++
				}
			}
			if words > 0 || i > 0 && p[i-1].kind == "punct" {
				nameAt = i
			}
			break
		}
	}
	if nameAt < 0 {
		r.starSpace = false
		r.tokens(pn, p)
		return
	}
	r.tokens(pn, p[:nameAt])
	if prev := p[nameAt-1]; prev.kind != "punct" || prev.text == "*" && nameAt >= 2 && false {
		pn.Append(space())
	}
	pn.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", "", p[nameAt].text))
	r.tokens(pn, p[nameAt+1:])
}

// declaratorInParens handles declarations whose name is inside
// parentheses, such as function pointer types ("int (*visitproc)(PyObject
// *object, void *arg)"): the tokens up to the name, the name, then the
// parameter lists as punctuation around rendered parameters.
func (o *cObject) declaratorInParens(r cRender, line *doctree.Element, toks []cToken) (objName, bool) {
	name := -1
	for i, t := range toks {
		if t.kind == "id" && !cKeywords[t.text] && !cKeywordTypes[t.text] && i > 0 && toks[i-1].kind == "punct" {
			name = i
			break
		}
	}
	if name < 0 {
		return objName{}, false
	}
	open := 0
	for open < name && toks[open].kind != "punct" {
		open++
	}
	r.tokens(line, toks[:open])
	if open > 0 {
		line.Append(space())
	}
	for _, t := range toks[open:name] {
		line.Append(punct(t.text))
	}
	dn := sphinx.NewDescNode(sphinx.TagDescName, "c", "", "")
	dn.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", toks[name].text, toks[name].text))
	line.Append(dn)
	rest := toks[name+1:]
	for len(rest) > 0 && rest[0].text == ")" {
		line.Append(punct(")"))
		rest = rest[1:]
	}
	for len(rest) > 0 {
		if rest[0].text != "(" {
			r.tokens(line, rest)
			break
		}
		depth, end := 0, -1
		for i, t := range rest {
			if t.text == "(" {
				depth++
			} else if t.text == ")" {
				depth--
				if depth == 0 {
					end = i
					break
				}
			}
		}
		if end < 0 {
			r.tokens(line, rest)
			break
		}
		line.Append(punct("("))
		for i, p := range splitTokens(rest[1:end]) {
			if i > 0 {
				line.Append(punct(","), space())
			}
			if len(p) > 0 {
				o.param(r, line, p)
			}
		}
		line.Append(punct(")"))
		rest = rest[end+1:]
	}
	return objName{full: toks[name].text}, true
}

func splitTokens(toks []cToken) [][]cToken {
	var out [][]cToken
	depth, start := 0, 0
	for i, t := range toks {
		switch t.text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		case ",":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// cScopeKey is the reference context key of the enclosing C object,
// Sphinx's c:parent_key reduced to the parent's full name.
const cScopeKey = "c:parent_key"

// scoped is the full name of a declared name within the enclosing
// object's content.
func scoped(d *descRun, name string) string {
	if p := refContext(d.doc)[cScopeKey]; p != "" {
		return p + "." + name
	}
	return name
}

func (o *cObject) addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element) {
	name.full = scoped(d, name.full)
	id := "c." + name.full
	if d.doc.IDs[id] == nil {
		signode.IDs = append(signode.IDs, id)
		d.doc.NoteExplicitTarget(signode, nil)
	}
	noteObject(d.doc, env.Object{Domain: "c", Type: o.objtype, Name: name.full, ID: id})
	if !d.has("noindexentry") {
		d.addEntry("single", name.full+" (C "+o.objtype+")", id)
	}
}

// beforeContent makes the object the scope of the declarations in its
// content, as Sphinx's c:parent_symbol.
func (o *cObject) beforeContent(d *descRun) {
	ctx := refContext(d.doc)
	stack := scratch(d.doc, "c:parents")
	*stack = append(*stack, ctx[cScopeKey])
	if len(d.names) > 0 {
		ctx[cScopeKey] = scoped(d, d.names[len(d.names)-1].full)
	}
}

func (o *cObject) afterContent(d *descRun) {
	ctx := refContext(d.doc)
	stack := scratch(d.doc, "c:parents")
	if n := len(*stack); n > 0 {
		if p := (*stack)[n-1]; p != "" {
			ctx[cScopeKey] = p
		} else {
			delete(ctx, cScopeKey)
		}
		*stack = (*stack)[:n-1]
	}
}
func (o *cObject) tocParts(d *descRun, signode *doctree.Element) []string {
	return nil
}
func (o *cObject) tocName(d *descRun, signode *doctree.Element) string { return "" }

// cProcessLink is CXRefRole.process_link.
func cProcessLink(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string) {
	ctx := refContext(c.Inliner.Document())
	for _, k := range sortedKeys(ctx) {
		ref.Set(k, ctx[k])
	}
	if !explicit {
		target = strings.TrimLeft(target, "~")
		if strings.HasPrefix(title, "~") {
			title = title[1:]
			if i := strings.LastIndex(title, "."); i >= 0 {
				title = title[i+1:]
			}
		}
	}
	return title, target
}

// cExprRole is CExprRole: an expression or type rendered inline with
// references to its identifiers.
func cExprRole(class string) *directives.Role {
	return &directives.Role{Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
		text := strings.ReplaceAll(doctree.Unescape(c.Text, false), "\n", " ")
		node := sphinx.NewDescNode(sphinx.TagDescInline, "c", text, "")
		cRender{doc: c.Inliner.Document()}.tokens(node, cTokenize(text))
		// Sphinx 5.3 gives the class and, by a slip, the expression as
		// it prints it as classes
		var flat strings.Builder
		doctree.Inspect(node, func(n doctree.Node) bool {
			if t, ok := n.(*doctree.Text); ok {
				flat.WriteString(t.AsText())
			}
			return true
		})
		node.Classes = append([]string{class}, append(node.Classes, flat.String())...)
		return []doctree.Node{node}, nil
	}}
}

var cTypes = []string{"member", "var", "function", "macro", "struct", "union", "enum", "enumerator", "type"}

var cRoleParens = map[string]bool{
	"member": false, "data": false, "var": false, "func": true, "macro": false, "struct": false,
	"union": false, "enum": false, "enumerator": false, "type": false,
}

func registerC(reg *directives.Registry) {
	for _, t := range cTypes {
		o := cObject{objtype: t}
		reg.AddLocalDirective("c:"+t, descDirective("c:"+t, nil, func(*directives.Call) describer {
			p := o
			return &p
		}))
	}
	for name, parens := range cRoleParens {
		reg.AddLocalRole("c:"+name, (&sphinx.XRefRole{Domain: "c", Type: name, FixParens: parens, ProcessLink: cProcessLink}).Role())
	}
	reg.AddLocalRole("c:expr", cExprRole("c-expr"))
	reg.AddLocalRole("c:texpr", cExprRole("c-texpr"))
}
