package domains

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/sphinx"
)

// This file parses Python signatures as Sphinx's _parse_arglist and
// _parse_annotation do, with a tolerant splitter in place of Python's ast
// module: an argument list Python would reject (optional brackets, as in
// "f(a[, b])") goes to the pseudo parser as in Sphinx, and annotations are
// tokenized instead of parsed.

var pyParamRE = regexp.MustCompile(`^(\*{0,2})([\p{L}_][\p{L}\p{N}_]*)\s*(?::\s*([^=]+?))?\s*(?:=\s*(.+))?$`)

// splitTopLevel splits s at the commas outside brackets and strings; ok
// is false when brackets do not balance.
func splitTopLevel(s string) (parts []string, ok bool) {
	depth := 0
	var quote rune
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if quote != 0 {
			if r == '\\' {
				i++
			} else if r == quote {
				quote = 0
			}
			continue
		}
		switch r {
		case '\'', '"':
			quote = r
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth < 0 {
				return nil, false
			}
		case ',':
			if depth == 0 {
				parts = append(parts, string(rs[start:i]))
				start = i + 1
			}
		}
	}
	if depth != 0 || quote != 0 {
		return nil, false
	}
	return append(parts, string(rs[start:])), true
}

// parseArglist is _parse_arglist; nil means Python would not parse the
// list and the pseudo parser is to be used.
func parseArglist(doc *doctree.Document, arglist string) *doctree.Element {
	parts, ok := splitTopLevel(arglist)
	if !ok {
		return nil
	}
	if n := len(parts); n > 1 && strings.TrimSpace(parts[n-1]) == "" {
		parts = parts[:n-1] // a trailing comma
	}
	params := sphinx.NewDescNode(sphinx.TagDescParameterlist, "py", arglist, "")
	op := func(s string) *doctree.Element { return sphinx.NewDescNode(sphinx.TagDescSigOperator, "", "", s) }
	sep := func(s string) *doctree.Element {
		p := sphinx.NewDescNode(sphinx.TagDescParameter, "py", "", "")
		p.Append(op(s))
		return p
	}
	const (
		posOnly = iota + 1
		posOrKw
		varPos
		kwOnly
		varKw
	)
	// Python marks positional-only parameters with a later "/".
	slash := -1
	for i, p := range parts {
		if strings.TrimSpace(p) == "/" {
			slash = i
		}
	}
	last := 0
	for i, raw := range parts {
		p := strings.TrimSpace(raw)
		if p == "/" {
			continue
		}
		if p == "*" {
			last = varPos // a bare star makes the rest keyword-only
			params.Append(sep("*"))
			continue
		}
		m := pyParamRE.FindStringSubmatch(p)
		if m == nil {
			return nil
		}
		kind := posOrKw
		switch {
		case m[1] == "*":
			kind = varPos
		case m[1] == "**":
			kind = varKw
		case i < slash:
			kind = posOnly
		case last == varPos || last == kwOnly:
			kind = kwOnly
		}
		if m[1] != "" && m[4] != "" {
			return nil
		}
		if kind != posOnly && last == posOnly {
			params.Append(sep("/"))
		}
		node := sphinx.NewDescNode(sphinx.TagDescParameter, "py", "", "")
		if m[1] != "" {
			node.Append(op(m[1]))
		}
		node.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", "", m[2]))
		ann, def := strings.TrimSpace(m[3]), strings.TrimSpace(m[4])
		if ann != "" {
			node.Append(sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", ":"), sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
			n := sphinx.NewDescNode(sphinx.TagDescSigName, "", "", "")
			n.Append(parseAnnotation(doc, ann)...)
			node.Append(n)
		}
		if def != "" {
			if ann != "" {
				node.Append(sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""), op("="), sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
			} else {
				node.Append(op("="))
			}
			v := doctree.NewTextElement(doctree.TagInline, "", def)
			v.Classes = []string{"default_value"}
			v.Set("support_smartquotes", false)
			node.Append(v)
		}
		params.Append(node)
		if kind == varPos && last == kwOnly {
			return nil
		}
		last = kind
	}
	if last == posOnly {
		params.Append(sep("/"))
	}
	return params
}

// pseudoParseArglist is _pseudo_parse_arglist: parameters split at commas,
// with brackets making nested desc_optional nodes.
func pseudoParseArglist(arglist string) *doctree.Element {
	paramlist := sphinx.NewDescNode(sphinx.TagDescParameterlist, "py", "", "")
	stack := []*doctree.Element{paramlist}
	push := func() {
		o := sphinx.NewDescNode(sphinx.TagDescOptional, "py", "", "")
		stack[len(stack)-1].Append(o)
		stack = append(stack, o)
	}
	failed := false
	for _, arg := range strings.Split(arglist, ",") {
		arg = strings.TrimSpace(arg)
		endsOpen, endsClose := 0, 0
		for strings.HasPrefix(arg, "[") {
			push()
			arg = strings.TrimSpace(arg[1:])
		}
		for strings.HasPrefix(arg, "]") {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				failed = true
				break
			}
			arg = strings.TrimSpace(arg[1:])
		}
		if failed {
			break
		}
		for strings.HasSuffix(arg, "]") && !strings.HasSuffix(arg, "[]") {
			endsClose++
			arg = strings.TrimSpace(arg[:len(arg)-1])
		}
		for strings.HasSuffix(arg, "[") {
			endsOpen++
			arg = strings.TrimSpace(arg[:len(arg)-1])
		}
		if arg != "" {
			p := sphinx.NewDescNode(sphinx.TagDescParameter, "py", "", "")
			p.Append(sphinx.NewDescNode(sphinx.TagDescSigName, "", arg, arg))
			stack[len(stack)-1].Append(p)
		}
		for ; endsOpen > 0; endsOpen-- {
			push()
		}
		for ; endsClose > 0; endsClose-- {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				failed = true
				break
			}
		}
		if failed {
			break
		}
	}
	if failed || len(stack) != 1 {
		paramlist = sphinx.NewDescNode(sphinx.TagDescParameterlist, "py", "", "")
		paramlist.Append(sphinx.NewDescNode(sphinx.TagDescParameter, "py", arglist, arglist))
	}
	return paramlist
}

// parseAnnotation is _parse_annotation: names become class references
// (obj references for None and typing names), the rest signature
// punctuation and literals.
func parseAnnotation(doc *doctree.Document, ann string) []doctree.Node {
	var out []doctree.Node
	rs := []rune(strings.TrimSpace(ann))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsLetter(r) || r == '_' || r == '~' || r == '.' && i+1 < len(rs) && rs[i+1] != '.':
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_' || rs[j] == '.') {
				j++
			}
			word := string(rs[i:j])
			switch word {
			case "True", "False":
				out = append(out, sphinx.NewDescNode(sphinx.TagDescSigKeyword, "", "", word))
			default:
				out = append(out, typeToXref(doc, word))
			}
			i = j
		case unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' || unicode.IsLetter(rs[j])) {
				j++
			}
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigLiteralNumber, "", "", string(rs[i:j])))
			i = j
		case r == '\'' || r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != r {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			if j < len(rs) {
				j++
			}
			s := string(rs[i:min(j, len(rs))])
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigLiteralString, "", "", "'"+strings.Trim(s, `'"`)+"'"))
			i = j
		case r == '|':
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""), sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", "|"),
				sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
			i++
		case r == ',':
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", ","), sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
			i++
		case r == '.' && strings.HasPrefix(string(rs[i:]), "..."):
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", "..."))
			i += 3
		default:
			out = append(out, sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", string(r)))
			i++
		}
	}
	if len(out) == 0 {
		return []doctree.Node{typeToXref(doc, ann)}
	}
	return out
}

// typeToXref is type_to_xref: a pending_xref to a type named in a
// signature.
func typeToXref(doc *doctree.Document, target string) *doctree.Element {
	reftype := "class"
	if target == "None" || strings.HasPrefix(target, "typing.") {
		reftype = "obj"
	}
	ref := doctree.NewElement(sphinx.TagPendingXref)
	ref.Set("refdomain", "py")
	ref.Set("reftype", reftype)
	ctx := refContext(doc)
	for _, k := range []string{"py:module", "py:class"} {
		if v, ok := ctx[k]; ok {
			ref.Set(k, v)
		} else {
			ref.Set(k, nil)
		}
	}
	specific := false
	text := target
	switch {
	case strings.HasPrefix(target, "."):
		target = target[1:]
		text = target
		specific = true
	case strings.HasPrefix(target, "~"):
		target = target[1:]
		text = target[strings.LastIndex(target, ".")+1:]
	case strings.HasPrefix(target, "typing."):
		text = target[len("typing."):]
	}
	ref.Set("reftarget", target)
	ref.Set("refspecific", specific)
	ref.Append(doctree.NewText(text))
	return ref
}
