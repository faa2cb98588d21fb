package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The parser builds a small expression tree so that evaluation can follow
// Python's rules for short-circuiting (a if c else b, and, or): a branch that
// is never taken may refer to things docbuild cannot evaluate.

type expr interface{ exprNode() }

type (
	constExpr   struct{ v any }
	nameExpr    struct{ name string }
	listExpr    struct{ elts []expr }
	tupleExpr   struct{ elts []expr }
	setExpr     struct{ elts []expr }
	dictExpr    struct{ keys, values []expr } // nil key: **value
	starredExpr struct{ x expr }
	binExpr     struct {
		op   string
		x, y expr
	}
	unaryExpr struct {
		op string
		x  expr
	}
	boolExpr struct {
		and bool
		xs  []expr
	}
	compareExpr struct {
		first expr
		ops   []string
		rest  []expr
	}
	condExpr struct{ cond, then, els expr }
	attrExpr struct {
		x    expr
		name string
	}
	callExpr struct {
		fn      expr
		args    []expr
		kwnames []string
		kwargs  []expr
	}
	indexExpr struct{ x, index expr }
	sliceExpr struct{ lo, hi, step expr }
	// fstrExpr is an f-string, possibly implicitly concatenated with plain
	// literals: literal text interleaved with replacement fields.
	fstrExpr struct{ parts []fpart }
)

type fpart struct {
	lit  string
	x    expr    // nil for literal text
	conv byte    // 0, 'r', 's', 'a'
	spec []fpart // format spec, itself possibly containing fields
}

func (constExpr) exprNode()   {}
func (nameExpr) exprNode()    {}
func (listExpr) exprNode()    {}
func (tupleExpr) exprNode()   {}
func (setExpr) exprNode()     {}
func (dictExpr) exprNode()    {}
func (starredExpr) exprNode() {}
func (binExpr) exprNode()     {}
func (unaryExpr) exprNode()   {}
func (boolExpr) exprNode()    {}
func (compareExpr) exprNode() {}
func (condExpr) exprNode()    {}
func (attrExpr) exprNode()    {}
func (callExpr) exprNode()    {}
func (indexExpr) exprNode()   {}
func (sliceExpr) exprNode()   {}
func (fstrExpr) exprNode()    {}

// errUnsupported marks valid Python that docbuild does not evaluate
// (lambda, comprehensions...), as opposed to a syntax error.
var errUnsupported = errors.New("not supported")

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

type parser struct {
	toks  []token
	pos   int
	depth int
	src   string
}

func (p *parser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{kind: tokEOF}
}

func (p *parser) peekAt(n int) token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return token{kind: tokEOF}
}

func (p *parser) isOp(s string) bool {
	t := p.peek()
	return t.kind == tokOp && t.text == s
}

func (p *parser) isKw(s string) bool {
	t := p.peek()
	return t.kind == tokName && t.text == s
}

func (p *parser) accept(s string) bool {
	if p.isOp(s) || p.isKw(s) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(s string) error {
	if p.accept(s) {
		return nil
	}
	return p.errorf("expected '%s'", s)
}

func (p *parser) errorf(format string, args ...any) error {
	t := p.peek()
	where := "end of statement"
	if t.kind != tokEOF {
		where = fmt.Sprintf("'%s'", t.text)
	}
	return fmt.Errorf("invalid syntax near %s: %s", where, fmt.Sprintf(format, args...))
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxNesting {
		return errors.New("expression nested too deeply")
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// parseExprList parses a comma-separated expression list as in an assignment
// right-hand side: a trailing comma or several items make a tuple.
func (p *parser) parseExprList(allowStar bool) (expr, error) {
	first, err := p.parseItem(allowStar)
	if err != nil {
		return nil, err
	}
	if !p.isOp(",") {
		if _, ok := first.(starredExpr); ok {
			return nil, p.errorf("can't use starred expression here")
		}
		return first, nil
	}
	elts := []expr{first}
	for p.accept(",") {
		if p.atExprEnd() {
			break
		}
		x, err := p.parseItem(allowStar)
		if err != nil {
			return nil, err
		}
		elts = append(elts, x)
	}
	return tupleExpr{elts}, nil
}

// atExprEnd reports whether the next token cannot start an expression, which
// ends a list after a trailing comma.
func (p *parser) atExprEnd() bool {
	t := p.peek()
	switch t.kind {
	case tokEOF:
		return true
	case tokOp:
		switch t.text {
		case ")", "]", "}", "=", ":", ";", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "|=", "&=", "^=", ">>=", "<<=", "@=":
			return true
		}
	}
	return false
}

func (p *parser) parseItem(allowStar bool) (expr, error) {
	if allowStar && p.isOp("*") {
		p.pos++
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		return starredExpr{x}, nil
	}
	return p.parseTest()
}

// parseTest parses a conditional expression (Python's "test").
func (p *parser) parseTest() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if p.isKw("lambda") {
		return nil, fmt.Errorf("lambda: %w", errUnsupported)
	}
	x, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.isOp(":=") {
		return nil, fmt.Errorf("assignment expression: %w", errUnsupported)
	}
	if !p.accept("if") {
		return x, nil
	}
	cond, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if err := p.expect("else"); err != nil {
		return nil, err
	}
	els, err := p.parseTest()
	if err != nil {
		return nil, err
	}
	return condExpr{cond: cond, then: x, els: els}, nil
}

func (p *parser) parseOr() (expr, error) {
	x, err := p.parseAnd()
	if err != nil || !p.isKw("or") {
		return x, err
	}
	xs := []expr{x}
	for p.accept("or") {
		y, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		xs = append(xs, y)
	}
	return boolExpr{and: false, xs: xs}, nil
}

func (p *parser) parseAnd() (expr, error) {
	x, err := p.parseNot()
	if err != nil || !p.isKw("and") {
		return x, err
	}
	xs := []expr{x}
	for p.accept("and") {
		y, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		xs = append(xs, y)
	}
	return boolExpr{and: true, xs: xs}, nil
}

func (p *parser) parseNot() (expr, error) {
	if p.accept("not") {
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		return unaryExpr{op: "not", x: x}, nil
	}
	return p.parseComparison()
}

func (p *parser) compOp() string {
	t := p.peek()
	if t.kind == tokOp {
		switch t.text {
		case "<", ">", "==", ">=", "<=", "!=":
			p.pos++
			return t.text
		}
		return ""
	}
	if t.kind != tokName {
		return ""
	}
	switch t.text {
	case "in":
		p.pos++
		return "in"
	case "is":
		p.pos++
		if p.accept("not") {
			return "is not"
		}
		return "is"
	case "not":
		if n := p.peekAt(1); n.kind == tokName && n.text == "in" {
			p.pos += 2
			return "not in"
		}
	}
	return ""
}

func (p *parser) parseComparison() (expr, error) {
	x, err := p.parseBinary(0)
	if err != nil {
		return nil, err
	}
	var ops []string
	var rest []expr
	for {
		op := p.compOp()
		if op == "" {
			break
		}
		y, err := p.parseBinary(0)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
		rest = append(rest, y)
	}
	if ops == nil {
		return x, nil
	}
	return compareExpr{first: x, ops: ops, rest: rest}, nil
}

// binaryLevels lists Python's binary operators from loosest to tightest.
var binaryLevels = [][]string{
	{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"},
}

func (p *parser) parseBinary(level int) (expr, error) {
	if level == len(binaryLevels) {
		return p.parseFactor()
	}
	x, err := p.parseBinary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		matched := false
		if t.kind == tokOp {
			for _, op := range binaryLevels[level] {
				if t.text == op {
					matched = true
				}
			}
		}
		if !matched {
			return x, nil
		}
		p.pos++
		y, err := p.parseBinary(level + 1)
		if err != nil {
			return nil, err
		}
		x = binExpr{op: t.text, x: x, y: y}
	}
}

func (p *parser) parseFactor() (expr, error) {
	t := p.peek()
	if t.kind == tokOp && (t.text == "-" || t.text == "+" || t.text == "~") {
		p.pos++
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.parseFactor()
		if err != nil {
			return nil, err
		}
		return unaryExpr{op: t.text, x: x}, nil
	}
	return p.parsePower()
}

func (p *parser) parsePower() (expr, error) {
	if p.isKw("await") {
		return nil, fmt.Errorf("await: %w", errUnsupported)
	}
	x, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	if !p.accept("**") {
		return x, nil
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	y, err := p.parseFactor()
	if err != nil {
		return nil, err
	}
	return binExpr{op: "**", x: x, y: y}, nil
}

func (p *parser) parsePrimary() (expr, error) {
	x, err := p.parseAtom()
	if err != nil {
		return nil, err
	}
	for {
		switch {
		case p.isOp("."):
			p.pos++
			t := p.peek()
			if t.kind != tokName || keywords[t.text] {
				return nil, p.errorf("expected a name after '.'")
			}
			p.pos++
			x = attrExpr{x: x, name: t.text}
		case p.isOp("("):
			p.pos++
			call, err := p.parseCall(x)
			if err != nil {
				return nil, err
			}
			x = call
		case p.isOp("["):
			p.pos++
			idx, err := p.parseSubscript()
			if err != nil {
				return nil, err
			}
			x = indexExpr{x: x, index: idx}
		default:
			return x, nil
		}
	}
}

func (p *parser) parseCall(fn expr) (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	call := callExpr{fn: fn}
	for !p.accept(")") {
		switch {
		case p.isOp("*") || p.isOp("**"):
			return nil, fmt.Errorf("argument unpacking: %w", errUnsupported)
		case p.peek().kind == tokName && !keywords[p.peek().text] && p.peekAt(1).kind == tokOp && p.peekAt(1).text == "=":
			name := p.peek().text
			p.pos += 2
			v, err := p.parseTest()
			if err != nil {
				return nil, err
			}
			call.kwnames = append(call.kwnames, name)
			call.kwargs = append(call.kwargs, v)
		default:
			if call.kwnames != nil {
				return nil, p.errorf("positional argument follows keyword argument")
			}
			v, err := p.parseTest()
			if err != nil {
				return nil, err
			}
			if p.isKw("for") || p.isKw("async") {
				return nil, fmt.Errorf("generator expression: %w", errUnsupported)
			}
			call.args = append(call.args, v)
		}
		if !p.accept(",") {
			if err := p.expect(")"); err != nil {
				return nil, err
			}
			break
		}
	}
	return call, nil
}

func (p *parser) parseSubscript() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	var items []expr
	for {
		it, err := p.parseSliceItem()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		if !p.accept(",") {
			break
		}
		if p.isOp("]") {
			items = append(items, nil) // marks a trailing comma: a tuple
			break
		}
	}
	if err := p.expect("]"); err != nil {
		return nil, err
	}
	if len(items) == 1 {
		return items[0], nil
	}
	if items[len(items)-1] == nil {
		items = items[:len(items)-1]
	}
	return tupleExpr{items}, nil
}

func (p *parser) parseSliceItem() (expr, error) {
	var lo, hi, step expr
	var err error
	if !p.isOp(":") {
		lo, err = p.parseTest()
		if err != nil {
			return nil, err
		}
		if !p.isOp(":") {
			return lo, nil
		}
	}
	p.pos++ // ':'
	if !p.isOp(":") && !p.isOp("]") && !p.isOp(",") {
		if hi, err = p.parseTest(); err != nil {
			return nil, err
		}
	}
	if p.accept(":") && !p.isOp("]") && !p.isOp(",") {
		if step, err = p.parseTest(); err != nil {
			return nil, err
		}
	}
	return sliceExpr{lo: lo, hi: hi, step: step}, nil
}

func (p *parser) parseAtom() (expr, error) {
	t := p.peek()
	switch t.kind {
	case tokEOF:
		return nil, p.errorf("expected an expression")
	case tokNumber:
		p.pos++
		v, err := parseNumber(t.text)
		if err != nil {
			return nil, err
		}
		return constExpr{v}, nil
	case tokString:
		return p.parseStrings()
	case tokName:
		switch t.text {
		case "None":
			p.pos++
			return constExpr{nil}, nil
		case "True":
			p.pos++
			return constExpr{true}, nil
		case "False":
			p.pos++
			return constExpr{false}, nil
		case "yield":
			return nil, fmt.Errorf("yield: %w", errUnsupported)
		}
		if keywords[t.text] {
			return nil, p.errorf("unexpected keyword")
		}
		p.pos++
		return nameExpr{t.text}, nil
	}
	switch t.text {
	case "(":
		p.pos++
		return p.parseParen()
	case "[":
		p.pos++
		return p.parseList()
	case "{":
		p.pos++
		return p.parseBrace()
	case "...":
		return nil, fmt.Errorf("Ellipsis: %w", errUnsupported)
	}
	return nil, p.errorf("expected an expression")
}

func (p *parser) parseParen() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if p.accept(")") {
		return tupleExpr{}, nil
	}
	first, err := p.parseItem(true)
	if err != nil {
		return nil, err
	}
	if p.isKw("for") || p.isKw("async") {
		return nil, fmt.Errorf("generator expression: %w", errUnsupported)
	}
	if p.accept(")") {
		if _, ok := first.(starredExpr); ok {
			return nil, p.errorf("can't use starred expression here")
		}
		return first, nil
	}
	elts := []expr{first}
	for p.accept(",") {
		if p.isOp(")") {
			break
		}
		x, err := p.parseItem(true)
		if err != nil {
			return nil, err
		}
		elts = append(elts, x)
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	return tupleExpr{elts}, nil
}

func (p *parser) parseList() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	var elts []expr
	for !p.accept("]") {
		x, err := p.parseItem(true)
		if err != nil {
			return nil, err
		}
		if p.isKw("for") || p.isKw("async") {
			return nil, fmt.Errorf("list comprehension: %w", errUnsupported)
		}
		elts = append(elts, x)
		if !p.accept(",") {
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			break
		}
	}
	return listExpr{elts}, nil
}

func (p *parser) parseBrace() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if p.accept("}") {
		return dictExpr{}, nil
	}
	var d dictExpr
	var s setExpr
	isDict := false
	for i := 0; ; i++ {
		if p.accept("**") {
			if i > 0 && !isDict {
				return nil, p.errorf("'**' in a set")
			}
			isDict = true
			v, err := p.parseBinary(0)
			if err != nil {
				return nil, err
			}
			d.keys = append(d.keys, nil)
			d.values = append(d.values, v)
		} else {
			k, err := p.parseItem(!isDict)
			if err != nil {
				return nil, err
			}
			if i == 0 && p.isOp(":") {
				isDict = true
			}
			if isDict {
				if _, star := k.(starredExpr); star {
					return nil, p.errorf("starred expression in a dict")
				}
				if err := p.expect(":"); err != nil {
					return nil, err
				}
				v, err := p.parseTest()
				if err != nil {
					return nil, err
				}
				d.keys = append(d.keys, k)
				d.values = append(d.values, v)
			} else {
				s.elts = append(s.elts, k)
			}
		}
		if p.isKw("for") || p.isKw("async") {
			return nil, fmt.Errorf("comprehension: %w", errUnsupported)
		}
		if !p.accept(",") {
			if err := p.expect("}"); err != nil {
				return nil, err
			}
			break
		}
		if p.accept("}") {
			break
		}
	}
	if isDict {
		return d, nil
	}
	return s, nil
}

// parseStrings joins adjacent string literals, as Python's compiler does.
func (p *parser) parseStrings() (expr, error) {
	var parts []fpart
	var kind int // 0 unknown, 1 str, 2 bytes
	hasF := false
	for p.peek().kind == tokString {
		t := p.peek()
		p.pos++
		lit := t.str
		k := 1
		if lit.bytes {
			k = 2
		}
		if kind != 0 && kind != k {
			return nil, errors.New("cannot mix bytes and nonbytes literals")
		}
		kind = k
		if !lit.fstr {
			parts = append(parts, fpart{lit: lit.value})
			continue
		}
		hasF = true
		fp, err := parseFString(lit.body, lit.raw, p.depth)
		if err != nil {
			return nil, err
		}
		parts = append(parts, fp...)
	}
	if kind == 2 {
		var b strings.Builder
		for _, pt := range parts {
			b.WriteString(pt.lit)
		}
		return constExpr{Bytes(b.String())}, nil
	}
	if !hasF {
		var b strings.Builder
		for _, pt := range parts {
			b.WriteString(pt.lit)
		}
		return constExpr{b.String()}, nil
	}
	return fstrExpr{parts}, nil
}

// parseFString splits the body of an f-string into literal text and
// replacement fields. Field expressions are parsed by the same parser; the
// rules are those of Python 3.11 (a field may not contain a backslash).
func parseFString(body string, raw bool, depth int) ([]fpart, error) {
	if depth > maxNesting {
		return nil, errors.New("f-string nested too deeply")
	}
	var parts []fpart
	var lit strings.Builder
	flush := func() error {
		if lit.Len() == 0 {
			return nil
		}
		s, msg := decodeString(lit.String(), raw, false)
		if msg != "" {
			return errors.New(msg)
		}
		parts = append(parts, fpart{lit: s})
		lit.Reset()
		return nil
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\' && !raw && i+1 < len(body):
			// Keep escapes for decodeString; "\{" is not an escape, so
			// only skip the escaped character when it is not a brace.
			lit.WriteByte(c)
			if strings.HasPrefix(body[i+1:], "N{") {
				// \N{NAME}: the braces belong to the escape.
				if end := strings.IndexByte(body[i:], '}'); end >= 0 {
					lit.WriteString(body[i+1 : i+end+1])
					i += end
					continue
				}
			}
			if body[i+1] != '{' && body[i+1] != '}' {
				i++
				lit.WriteByte(body[i])
			}
		case c == '{' && i+1 < len(body) && body[i+1] == '{':
			lit.WriteByte('{')
			i++
		case c == '}' && i+1 < len(body) && body[i+1] == '}':
			lit.WriteByte('}')
			i++
		case c == '}':
			return nil, errors.New("f-string: single '}' is not allowed")
		case c == '{':
			if err := flush(); err != nil {
				return nil, err
			}
			field, end, err := parseFField(body, i+1, raw, depth)
			if err != nil {
				return nil, err
			}
			parts = append(parts, field)
			i = end
		default:
			lit.WriteByte(c)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return parts, nil
}

// parseFField parses one replacement field starting after its '{' and
// returns it with the offset of its closing '}'.
func parseFField(body string, start int, raw bool, depth int) (fpart, int, error) {
	// Find where the expression ends: the first '!', ':', '=' or '}' at
	// bracket depth 0 outside nested strings.
	i := start
	level := 0
	var quote byte
	for ; i < len(body); i++ {
		c := body[i]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '\\':
			return fpart{}, 0, errors.New("f-string expression part cannot include a backslash")
		case '(', '[', '{':
			level++
		case ')', ']':
			level--
		case '}':
			if level == 0 {
				goto done
			}
			level--
		case '!':
			if level == 0 && (i+1 >= len(body) || body[i+1] != '=') {
				goto done
			}
			i++
		case ':':
			if level == 0 {
				goto done
			}
		case '=', '<', '>':
			if i+1 < len(body) && body[i+1] == '=' {
				i++
				continue
			}
			if c == '=' && level == 0 {
				return fpart{}, 0, fmt.Errorf("f-string '=' specifier: %w", errUnsupported)
			}
		case '#':
			return fpart{}, 0, errors.New("f-string expression part cannot include '#'")
		}
	}
	return fpart{}, 0, errors.New("f-string: expecting '}'")
done:
	text := body[start:i]
	if strings.TrimSpace(text) == "" {
		return fpart{}, 0, errors.New("f-string: empty expression not allowed")
	}
	x, err := parseExprText("("+text+")", depth+1)
	if err != nil {
		return fpart{}, 0, err
	}
	field := fpart{x: x}
	if body[i] == '!' {
		if i+1 >= len(body) || !strings.ContainsRune("rsa", rune(body[i+1])) {
			return fpart{}, 0, errors.New("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		field.conv = body[i+1]
		i += 2
		if i >= len(body) || (body[i] != ':' && body[i] != '}') {
			return fpart{}, 0, errors.New("f-string: expecting '}'")
		}
	}
	if body[i] == ':' {
		// The spec runs to the matching '}' and may hold nested fields.
		j := i + 1
		nest := 0
		for ; j < len(body); j++ {
			if body[j] == '{' {
				nest++
			} else if body[j] == '}' {
				if nest == 0 {
					break
				}
				nest--
			}
		}
		if j >= len(body) {
			return fpart{}, 0, errors.New("f-string: expecting '}'")
		}
		spec, err := parseFString(body[i+1:j], raw, depth+1)
		if err != nil {
			return fpart{}, 0, err
		}
		field.spec = spec
		i = j
	}
	return field, i, nil
}

// parseExprText parses a complete expression from source text; it serves
// f-string fields.
func parseExprText(text string, depth int) (expr, error) {
	lx := newLexer(text)
	ll, ok := lx.next()
	if !ok {
		return nil, errors.New("empty expression")
	}
	if ll.err != nil {
		return nil, ll.err
	}
	if _, more := lx.next(); more {
		return nil, errors.New("invalid syntax in f-string expression")
	}
	p := &parser{toks: ll.toks, depth: depth, src: text}
	x, err := p.parseExprList(false)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tokEOF {
		return nil, p.errorf("unexpected token")
	}
	return x, nil
}

// parseNumber converts a Python numeric literal. Integers beyond int64 and
// imaginary numbers are not supported.
func parseNumber(text string) (any, error) {
	bad := fmt.Errorf("invalid number literal '%s'", text)
	if strings.HasSuffix(text, "j") || strings.HasSuffix(text, "J") {
		return nil, fmt.Errorf("complex number: %w", errUnsupported)
	}
	// Underscores only between digits.
	if strings.Contains(text, "__") || strings.HasSuffix(text, "_") || strings.Contains(text, "_.") || strings.Contains(text, "._") {
		return nil, bad
	}
	if lw := strings.ToLower(text); !strings.HasPrefix(lw, "0x") && (strings.Contains(lw, "_e") || strings.Contains(lw, "e_")) {
		return nil, bad
	}
	lower := strings.ToLower(text)
	if len(lower) > 1 && lower[0] == '0' && strings.ContainsRune("xob", rune(lower[1])) {
		base := map[byte]int{'x': 16, 'o': 8, 'b': 2}[lower[1]]
		digits := strings.ReplaceAll(lower[2:], "_", "")
		if digits == "" {
			return nil, bad
		}
		n, err := strconv.ParseInt(digits, base, 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return nil, fmt.Errorf("integer too large: %w", errUnsupported)
			}
			return nil, bad
		}
		return n, nil
	}
	clean := strings.ReplaceAll(lower, "_", "")
	if strings.ContainsAny(clean, ".e") {
		if strings.Contains(clean, "_") || strings.ContainsAny(clean, "abcdfghijklmnopqrstuvwxyz") {
			return nil, bad
		}
		// Python accepts "1." and ".5" and "1e5" but not "1.e" or "e5".
		mant, exp, hasExp := strings.Cut(clean, "e")
		if mant == "." || mant == "" || strings.Count(mant, ".") > 1 || (hasExp && !validExponent(exp)) {
			return nil, bad
		}
		f, err := strconv.ParseFloat(clean, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, bad
		}
		if math.IsNaN(f) {
			return nil, bad
		}
		return f, nil
	}
	for _, c := range []byte(clean) {
		if !isDigit(c) {
			return nil, bad
		}
	}
	if len(clean) > 1 && clean[0] == '0' && strings.Trim(clean, "0") != "" {
		return nil, errors.New("leading zeros in decimal integer literals are not permitted")
	}
	n, err := strconv.ParseInt(clean, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("integer too large: %w", errUnsupported)
	}
	return n, nil
}

func validExponent(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
