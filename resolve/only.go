package resolve

import (
	"fmt"
	"unicode"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

// ProcessOnly evaluates the only nodes of a document against the build's
// tags: a true one is replaced by its content, a false one by an empty
// comment, as Sphinx's OnlyNodeTransform (the comment keeps ids a target
// might move onto).
func (s *State) ProcessOnly(docname string, root *doctree.Element) []project.Message {
	var msgs []project.Message
	processOnlyNodes(root, s.tags, func(n *doctree.Element, err error) {
		msgs = append(msgs, s.warn(docname, n, "exception while evaluating only directive expression: %s", err))
	})
	return msgs
}

func processOnlyNodes(root *doctree.Element, tags map[string]bool, onErr func(*doctree.Element, error)) {
	for _, n := range doctree.FindTag(root, "only") {
		if n.Parent() == nil {
			continue
		}
		ok, err := EvalTags(n.GetString("expr"), tags)
		if err != nil {
			if onErr != nil {
				onErr(n, err)
			}
			ok = true
		}
		if ok && len(n.Children) > 0 {
			kids := append([]doctree.Node(nil), n.Children...)
			n.Clear()
			doctree.ReplaceSelf(n, kids...)
		} else {
			doctree.ReplaceSelf(n, doctree.NewElement("comment"))
		}
	}
}

// EvalTags evaluates an only expression ("html and not latex", "(a or
// b)", "x if y else z") against a set of tags, as Sphinx's
// Tags.eval_condition.
func EvalTags(expr string, tags map[string]bool) (bool, error) {
	p := &tagParser{toks: tokenizeTags(expr), tags: tags}
	if p.err != nil {
		return false, p.err
	}
	v := p.condExpr()
	if p.err != nil {
		return false, p.err
	}
	if p.pos < len(p.toks) {
		return false, fmt.Errorf("chunk after expression")
	}
	return v, nil
}

type tagParser struct {
	toks []string
	pos  int
	tags map[string]bool
	err  error
}

func tokenizeTags(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r := rune(s[i])
		switch {
		case r == ' ' || r == '\t' || r == '\n':
			i++
		case r == '(' || r == ')':
			out = append(out, string(r))
			i++
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '(' && s[j] != ')' {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

func (p *tagParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *tagParser) fail(format string, args ...any) bool {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
	return false
}

// condExpr: or_expr ["if" or_expr "else" cond_expr]
func (p *tagParser) condExpr() bool {
	v := p.orExpr()
	if p.peek() == "if" {
		p.pos++
		test := p.orExpr()
		if p.peek() != "else" {
			return p.fail("expected token 'else'")
		}
		p.pos++
		other := p.condExpr()
		if test {
			return v
		}
		return other
	}
	return v
}

func (p *tagParser) orExpr() bool {
	v := p.andExpr()
	for p.err == nil && p.peek() == "or" {
		p.pos++
		r := p.andExpr()
		v = v || r
	}
	return v
}

func (p *tagParser) andExpr() bool {
	v := p.notExpr()
	for p.err == nil && p.peek() == "and" {
		p.pos++
		r := p.notExpr()
		v = v && r
	}
	return v
}

func (p *tagParser) notExpr() bool {
	if p.peek() == "not" {
		p.pos++
		return !p.notExpr()
	}
	return p.atom()
}

func (p *tagParser) atom() bool {
	tok := p.peek()
	switch {
	case tok == "":
		return p.fail("unexpected end of expression")
	case tok == "(":
		p.pos++
		v := p.condExpr()
		if p.peek() != ")" {
			return p.fail("expected token ')'")
		}
		p.pos++
		return v
	case tok == "true" || tok == "True" || tok == "false" || tok == "False" || tok == "none" || tok == "None":
		// Constants parse but Sphinx does not evaluate them.
		return p.fail("invalid node, check parsing")
	case isIdent(tok):
		p.pos++
		return p.tags[tok]
	}
	return p.fail("unexpected token '%s'", tok)
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	switch s {
	case "", "and", "or", "not", "if", "else":
		return false
	}
	return true
}
