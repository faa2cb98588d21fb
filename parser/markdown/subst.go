package markdown

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// MyST renders substitutions with Jinja2. docbuild evaluates the part of
// Jinja's expression language that substitutions use: variables,
// attribute and item access, string and number literals, "~"
// concatenation and the common string filters. Undefined names fail as
// with Jinja's StrictUndefined.

// directiveStart is MyST's REGEX_DIRECTIVE_START: a rendered inline
// substitution that starts a directive is parsed as blocks.
var directiveStart = regexp.MustCompile("^[\\s]{0,3}([`]{3,10}|[~]{3,10}|[:]{3,10})\\{")

// renderSubstitution renders "{{ content }}" (MyST's render_substitution).
func (r *renderer) renderSubstitution(content string, position int, inline bool) {
	vars := map[string]any{}
	for k, v := range r.cfg.Substitutions {
		vars[k] = v
	}
	ev := &jinjaEval{src: content, vars: vars}
	rendered, err := ev.render()
	if err != nil {
		r.appendNode(r.doc.Reporter.Error("Substitution error:"+err.Error(), doctree.MsgOpts{Line: position}))
		return
	}
	refs := ev.names
	var cyclic []string
	for name := range refs {
		if r.env.subRefs[name] > 0 {
			cyclic = append(cyclic, "'"+name+"'")
		}
	}
	if len(cyclic) > 0 {
		sort.Strings(cyclic)
		r.appendNode(r.doc.Reporter.Error("circular substitution reference: {"+strings.Join(cyclic, ", ")+"}", doctree.MsgOpts{Line: position}))
		return
	}
	for name := range refs {
		r.env.subRefs[name]++
	}
	defer func() {
		for name := range refs {
			r.env.subRefs[name]--
		}
	}()
	if inline && !directiveStart.MatchString(rendered) {
		r.nestedRender(rendered, position, true, r.matchTitlesOr(true))
		return
	}
	r.nestedRender(rendered, position, false, false)
}

// jinjaEval evaluates one Jinja expression.
type jinjaEval struct {
	src   string
	pos   int
	vars  map[string]any
	names map[string]bool
}

type jinjaError struct{ class, msg string }

func (e *jinjaError) Error() string { return e.class + ": " + e.msg }

func undefinedErr(format string, args ...any) error {
	return &jinjaError{"UndefinedError", fmt.Sprintf(format, args...)}
}

func syntaxErr(format string, args ...any) error {
	return &jinjaError{"TemplateSyntaxError", fmt.Sprintf(format, args...)}
}

func (e *jinjaEval) render() (string, error) {
	e.names = map[string]bool{}
	// Collect the names first: MyST looks for cycles even when rendering
	// fails later.
	v, err := e.expr()
	if err != nil {
		return "", err
	}
	e.skip()
	if e.pos < len(e.src) {
		return "", syntaxErr("unexpected '%s'", string(e.src[e.pos]))
	}
	return pyStr(v), nil
}

func (e *jinjaEval) skip() {
	for e.pos < len(e.src) && strings.IndexByte(" \t\n\r", e.src[e.pos]) >= 0 {
		e.pos++
	}
}

func (e *jinjaEval) peek() byte {
	e.skip()
	if e.pos < len(e.src) {
		return e.src[e.pos]
	}
	return 0
}

// expr parses concatenation: filtered ("~" filtered)*.
func (e *jinjaEval) expr() (any, error) {
	v, err := e.filtered()
	if err != nil {
		return nil, err
	}
	for e.peek() == '~' {
		e.pos++
		w, err := e.filtered()
		if err != nil {
			return nil, err
		}
		v = pyStr(v) + pyStr(w)
	}
	return v, nil
}

func (e *jinjaEval) filtered() (any, error) {
	v, err := e.postfix()
	if err != nil {
		return nil, err
	}
	for e.peek() == '|' {
		e.pos++
		e.skip()
		name := e.ident()
		if name == "" {
			return nil, syntaxErr("expected token 'name'")
		}
		var args []any
		if e.peek() == '(' {
			e.pos++
			for e.peek() != ')' {
				a, err := e.expr()
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				if e.peek() == ',' {
					e.pos++
				} else if e.peek() != ')' {
					return nil, syntaxErr("expected token ',' or ')'")
				}
			}
			e.pos++
		}
		if v, err = applyFilter(name, v, args); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func applyFilter(name string, v any, args []any) (any, error) {
	if u, ok := v.(undefinedValue); ok && name != "default" && name != "d" {
		return nil, undefinedErr("%s", u.msg)
	}
	switch name {
	case "upper":
		return strings.ToUpper(pyStr(v)), nil
	case "lower":
		return strings.ToLower(pyStr(v)), nil
	case "trim":
		return pyStrip(pyStr(v)), nil
	case "string":
		return pyStr(v), nil
	case "capitalize":
		s := []rune(strings.ToLower(pyStr(v)))
		if len(s) > 0 {
			s[0] = []rune(strings.ToUpper(string(s[0])))[0]
		}
		return string(s), nil
	case "title":
		words := strings.Fields(pyStr(v))
		out := pyStr(v)
		for _, w := range words {
			rs := []rune(strings.ToLower(w))
			rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
			out = strings.Replace(out, w, string(rs), 1)
		}
		return out, nil
	case "length", "count":
		switch x := v.(type) {
		case string:
			return len([]rune(x)), nil
		case []any:
			return len(x), nil
		case *yamlMap:
			return len(x.Keys), nil
		}
		return nil, &jinjaError{"TypeError", fmt.Sprintf("object of type '%s' has no len()", strings.TrimSuffix(strings.TrimPrefix(pyTypeName(v), "<class '"), "'>"))}
	case "default", "d":
		if _, ok := v.(undefinedValue); ok {
			if len(args) > 0 {
				return args[0], nil
			}
			return "", nil
		}
		return v, nil
	case "replace":
		if len(args) < 2 {
			return nil, &jinjaError{"TypeError", "replace() missing arguments"}
		}
		return strings.ReplaceAll(pyStr(v), pyStr(args[0]), pyStr(args[1])), nil
	case "join":
		sep := ""
		if len(args) > 0 {
			sep = pyStr(args[0])
		}
		l, ok := v.([]any)
		if !ok {
			return pyStr(v), nil
		}
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = pyStr(x)
		}
		return strings.Join(parts, sep), nil
	}
	return nil, &jinjaError{"TemplateAssertionError", fmt.Sprintf("No filter named '%s'.", name)}
}

// undefinedValue is a Jinja Undefined: an error when used.
type undefinedValue struct{ msg string }

func (e *jinjaEval) ident() string {
	start := e.pos
	for e.pos < len(e.src) {
		c := e.src[e.pos]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (e.pos > start && c >= '0' && c <= '9') || c >= 0x80 {
			e.pos++
			continue
		}
		break
	}
	return e.src[start:e.pos]
}

func (e *jinjaEval) postfix() (any, error) {
	v, err := e.primary()
	if err != nil {
		return nil, err
	}
	for {
		switch e.peek() {
		case '.':
			e.pos++
			e.skip()
			name := e.ident()
			if name == "" {
				return nil, syntaxErr("expected name or number")
			}
			v = getAttr(v, name)
		case '[':
			e.pos++
			key, err := e.expr()
			if err != nil {
				return nil, err
			}
			if e.peek() != ']' {
				return nil, syntaxErr("expected token ']'")
			}
			e.pos++
			v = getItem(v, key)
		default:
			if u, ok := v.(undefinedValue); ok {
				// Using an undefined value fails, except through "default".
				if e.peek() != '|' {
					return nil, undefinedErr("%s", u.msg)
				}
			}
			return v, nil
		}
	}
}

func typeLabel(v any) string {
	switch v.(type) {
	case *yamlMap, map[string]any:
		return "dict object"
	case []any:
		return "list object"
	case string:
		return "str object"
	case int:
		return "int object"
	case float64:
		return "float object"
	}
	return "object"
}

func getAttr(v any, name string) any {
	if _, ok := v.(undefinedValue); ok {
		return v
	}
	switch x := v.(type) {
	case *yamlMap:
		if val, ok := x.Get(name); ok {
			return val
		}
	case map[string]any:
		if val, ok := x[name]; ok {
			return val
		}
	}
	return undefinedValue{fmt.Sprintf("'%s' has no attribute '%s'", typeLabel(v), name)}
}

func getItem(v any, key any) any {
	if _, ok := v.(undefinedValue); ok {
		return v
	}
	switch x := v.(type) {
	case *yamlMap:
		for i, k := range x.Keys {
			if k == key {
				return x.Vals[i]
			}
		}
	case map[string]any:
		if s, ok := key.(string); ok {
			if val, ok := x[s]; ok {
				return val
			}
		}
	case []any:
		if i, ok := key.(int); ok {
			if i < 0 {
				i += len(x)
			}
			if i >= 0 && i < len(x) {
				return x[i]
			}
		}
	}
	return undefinedValue{fmt.Sprintf("%s has no element %s", typeLabel(v), pyRepr(key))}
}

func (e *jinjaEval) primary() (any, error) {
	c := e.peek()
	switch {
	case c == 0:
		return nil, syntaxErr("Expected an expression, got 'end of print statement'")
	case c == '\'' || c == '"':
		e.pos++
		var b strings.Builder
		for e.pos < len(e.src) && e.src[e.pos] != c {
			if e.src[e.pos] == '\\' && e.pos+1 < len(e.src) {
				e.pos++
			}
			b.WriteByte(e.src[e.pos])
			e.pos++
		}
		if e.pos >= len(e.src) {
			return nil, syntaxErr("unexpected char %s", strconv.Quote(string(c)))
		}
		e.pos++
		return b.String(), nil
	case c >= '0' && c <= '9' || c == '-':
		start := e.pos
		e.pos++
		for e.pos < len(e.src) && (e.src[e.pos] >= '0' && e.src[e.pos] <= '9' || e.src[e.pos] == '.' || e.src[e.pos] == '_') {
			e.pos++
		}
		lit := strings.ReplaceAll(e.src[start:e.pos], "_", "")
		if n, err := strconv.Atoi(lit); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(lit, 64); err == nil {
			return f, nil
		}
		return nil, syntaxErr("unexpected '%s'", lit)
	case c == '(':
		e.pos++
		v, err := e.expr()
		if err != nil {
			return nil, err
		}
		if e.peek() != ')' {
			return nil, syntaxErr("expected token ')'")
		}
		e.pos++
		return v, nil
	}
	name := e.ident()
	if name == "" {
		return nil, syntaxErr("unexpected '%s'", string(c))
	}
	switch name {
	case "true", "True":
		return true, nil
	case "false", "False":
		return false, nil
	case "none", "None":
		return nil, nil
	}
	if name != "env" {
		e.names[name] = true
	}
	if v, ok := e.vars[name]; ok {
		return v, nil
	}
	return undefinedValue{fmt.Sprintf("'%s' is undefined", name)}, nil
}
