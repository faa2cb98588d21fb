package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Namespace holds the names a conf.py binds, in the order they were first
// bound, with their final values in the value model (see Tuple) and the line
// of the statement that last changed each.
type Namespace struct {
	names []string
	vars  map[string]any
	lines map[string]int
	// Tags are the tags the file added with tags.add().
	Tags []string
}

// Names returns the bound names in order of first binding.
func (ns *Namespace) Names() []string { return append([]string(nil), ns.names...) }

// Get returns the value of name and the line that last set it.
func (ns *Namespace) Get(name string) (value any, line int, ok bool) {
	value, ok = ns.vars[name]
	return value, ns.lines[name], ok
}

// compoundKeywords start statements with an indented body, which docbuild
// skips whole.
var compoundKeywords = map[string]bool{
	"if": true, "elif": true, "else": true, "for": true, "while": true,
	"try": true, "except": true, "finally": true, "with": true, "def": true,
	"class": true, "async": true,
}

// continuationKeywords continue the compound statement above them.
var continuationKeywords = map[string]bool{"elif": true, "else": true, "except": true, "finally": true}

// ParseConfPy reads a Sphinx conf.py without running Python: it evaluates
// the assignments of literal values it can and skips everything else.
//
// The rule for what is reported: every statement docbuild skips is reported
// once as an Ignored warning with the line it starts on, except statements
// that cannot affect the configuration:
//
//   - imports of os, sys, os.path and __future__ (import os, sys;
//     from os import path; import os.path as osp),
//   - statements that start with sys.path (sys.path.insert(0, ...),
//     sys.path.append(...), sys.path[0:0] = [...]),
//   - pass, global, nonlocal, docstrings and other bare literals.
//
// A compound statement (if, for, while, try, with, def, class, decorated
// definitions, with their elif/else/except/finally clauses) is skipped as a
// whole and reported once. Syntax errors are reported as warnings; reading
// resumes on the next line, so one bad statement does not hide the rest.
//
// Beyond assignments of literals (a = b = ..., a, b = ..., +=, d['k'] = v,
// del), it evaluates names already bound, string, list and number
// operators, %-formatting, str.format and f-strings, comparisons and
// conditional expressions, the builtins dict, list, tuple, set, sorted, str,
// repr, int, float, bool and len, list.append/extend/insert/remove, the
// usual dict and str methods, and tags.add()/tags.remove().
func ParseConfPy(file string, src []byte) (*Namespace, []Warning) {
	r := &confReader{
		file: file,
		ns:   &Namespace{vars: map[string]any{}, lines: map[string]int{}},
	}
	text := string(src)
	text = strings.TrimPrefix(text, "\ufeff")
	if !utf8.ValidString(text) {
		bad := 1 + strings.Count(text[:firstInvalid(text)], "\n")
		r.warn(bad, Warn, "file is not valid UTF-8; invalid bytes replaced", "")
		text = strings.ToValidUTF8(text, "\ufffd")
	}
	r.src = text
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	r.ev = &evaluator{
		vars: map[string]any{"__file__": abs},
		tags: &tagSet{},
		assigned: func(name string, deleted bool) {
			r.bound(name, deleted)
		},
	}
	r.run()
	r.ns.Tags = r.ev.tags.tags
	for name, v := range r.ev.vars {
		if _, ok := r.ns.lines[name]; !ok {
			continue
		}
		if _, isTags := v.(*tagSet); isTags {
			// The tags object is not a configuration value.
			r.bound(name, true)
			continue
		}
		r.ns.vars[name] = v
	}
	return r.ns, r.warns
}

func firstInvalid(s string) int {
	for i, c := range s {
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

type confReader struct {
	file  string
	src   string
	ns    *Namespace
	ev    *evaluator
	warns []Warning
	line  int // line of the statement being run
}

func (r *confReader) warn(line int, kind WarningKind, text, detail string) {
	r.warns = append(r.warns, Warning{File: r.file, Line: line, Kind: kind, Text: text, Detail: detail})
}

func (r *confReader) bound(name string, deleted bool) {
	if deleted {
		delete(r.ns.lines, name)
		for i, n := range r.ns.names {
			if n == name {
				r.ns.names = append(r.ns.names[:i:i], r.ns.names[i+1:]...)
				break
			}
		}
		return
	}
	if _, seen := r.ns.lines[name]; !seen {
		r.ns.names = append(r.ns.names, name)
	}
	r.ns.lines[name] = r.line
}

// firstLine returns the text of the statement starting at off, up to the end
// of its physical line or end (whichever comes first).
func (r *confReader) firstLine(off, end int) string {
	if off > len(r.src) {
		return ""
	}
	stop := strings.IndexByte(r.src[off:], '\n')
	if stop < 0 {
		stop = len(r.src)
	} else {
		stop += off
	}
	if end > off && end < stop {
		stop = end
	}
	return strings.TrimSpace(r.src[off:stop])
}

func (r *confReader) run() {
	lx := newLexer(r.src)
	var pending *logicalLine // read ahead while skipping a block
	nextLine := func() (logicalLine, bool) {
		if pending != nil {
			ll := *pending
			pending = nil
			return ll, true
		}
		return lx.next()
	}
	// skipBlock consumes the lines indented deeper than indent and returns
	// the first line that is not.
	skipBlock := func(indent int) (logicalLine, bool) {
		for {
			ll, ok := nextLine()
			if !ok {
				return ll, false
			}
			if ll.err != nil || ll.indent > indent {
				// Syntax errors inside a skipped block do not matter.
				if ll.err == nil || ll.indent > indent {
					continue
				}
			}
			return ll, true
		}
	}
	ll, ok := nextLine()
	for ok {
		if ll.err != nil {
			r.warn(ll.err.line, Warn, fmt.Sprintf("syntax error: %s; skipped: %s", ll.err.msg, r.firstLine(ll.off, -1)), "")
			ll, ok = nextLine()
			continue
		}
		first := ll.toks[0]
		head := ""
		if first.kind == tokName || first.kind == tokOp && first.text == "@" {
			head = first.text
		}
		isCompound := compoundKeywords[head] || head == "@" ||
			(head == "match" || head == "case") && len(ll.toks) > 2 && ll.toks[len(ll.toks)-1].text == ":" && ll.toks[1].text != "="
		if ll.indent > 0 || isCompound {
			text := r.firstLine(ll.off, -1)
			detail := "compound statement"
			if ll.indent > 0 {
				detail = "unexpected indent"
			}
			indent := ll.indent
			// A header's body is indented deeper; a stray indented line
			// takes the lines at its own depth with it.
			skipTo := indent
			if ll.indent > 0 && !isCompound {
				skipTo = indent - 1
			}
			next, more := skipBlock(skipTo)
			for more && next.err == nil && next.indent == indent && len(next.toks) > 0 && next.toks[0].kind == tokName &&
				(continuationKeywords[next.toks[0].text] || head == "@" && (next.toks[0].text == "def" || next.toks[0].text == "class" || next.toks[0].text == "async")) {
				if next.toks[0].text == "def" || next.toks[0].text == "class" || next.toks[0].text == "async" {
					head = ""
				}
				next, more = skipBlock(indent)
			}
			r.warn(ll.line, Ignored, text, detail)
			ll, ok = next, more
			continue
		}
		r.runSimple(ll)
		ll, ok = nextLine()
	}
}

// runSimple runs the statements of one logical line, split at semicolons.
func (r *confReader) runSimple(ll logicalLine) {
	depth := 0
	start := 0
	for i := 0; i <= len(ll.toks); i++ {
		if i < len(ll.toks) {
			t := ll.toks[i]
			if t.kind == tokOp {
				switch t.text {
				case "(", "[", "{":
					depth++
				case ")", "]", "}":
					depth--
				}
			}
			if !(t.kind == tokOp && t.text == ";" && depth == 0) {
				continue
			}
		}
		if i > start {
			stmt := ll.toks[start:i]
			r.line = stmt[0].line
			if err := r.runStatement(stmt); err != nil {
				last := stmt[len(stmt)-1]
				text := r.firstLine(stmt[0].off, last.off+len(last.text))
				var detail string
				if !errors.Is(err, errHarmless) {
					detail = err.Error()
					r.warn(stmt[0].line, Ignored, text, detail)
				}
			}
		}
		start = i + 1
	}
}

// errHarmless marks statements skipped without a report.
var errHarmless = errors.New("harmless")

var harmlessModules = map[string]bool{"os": true, "sys": true, "os.path": true, "__future__": true, "posixpath": true}

func (r *confReader) runStatement(toks []token) error {
	first := toks[0]
	if first.kind == tokName {
		switch first.text {
		case "import":
			mods, ok := importedModules(toks[1:])
			if ok && allHarmless(mods) {
				return errHarmless
			}
			return fmt.Errorf("import: %w", errUnsupported)
		case "from":
			mod, ok := dottedName(toks[1:])
			if ok && harmlessModules[mod] {
				return errHarmless
			}
			return fmt.Errorf("import: %w", errUnsupported)
		case "pass", "global", "nonlocal":
			return errHarmless
		case "del":
			p := &parser{toks: toks[1:], src: r.src}
			x, err := p.parseExprList(false)
			if err != nil {
				return err
			}
			if p.peek().kind != tokEOF {
				return p.errorf("unexpected token")
			}
			return r.ev.del(x)
		case "sys":
			if len(toks) >= 3 && toks[1].text == "." && toks[2].text == "path" {
				return errHarmless
			}
		}
		if keywords[first.text] && first.text != "not" && first.text != "lambda" && first.text != "None" && first.text != "True" && first.text != "False" {
			return fmt.Errorf("'%s' statement: %w", first.text, errUnsupported)
		}
	}
	if len(toks) == 1 && first.kind == tokOp && first.text == "..." {
		return errHarmless
	}
	// Split at assignment operators outside brackets.
	var eqs []int
	aug := -1
	colon := -1
	depth := 0
	for i, t := range toks {
		if t.kind != tokOp {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case "=":
			if depth == 0 {
				eqs = append(eqs, i)
			}
		case ":":
			if depth == 0 && colon < 0 && eqs == nil {
				colon = i
			}
		case "+=", "-=", "*=", "/=", "//=", "%=", "**=", "|=", "&=", "^=", ">>=", "<<=", "@=":
			if depth == 0 && aug < 0 {
				aug = i
			}
		}
	}
	parse := func(ts []token, allowStar bool) (expr, error) {
		if len(ts) == 0 {
			return nil, errors.New("invalid syntax: missing expression")
		}
		p := &parser{toks: ts, src: r.src}
		x, err := p.parseExprList(allowStar)
		if err != nil {
			return nil, err
		}
		if p.peek().kind != tokEOF {
			return nil, p.errorf("unexpected token")
		}
		return x, nil
	}
	switch {
	case aug >= 0:
		if eqs != nil {
			return errors.New("invalid syntax")
		}
		target, err := parse(toks[:aug], false)
		if err != nil {
			return err
		}
		if _, ok := target.(tupleExpr); ok {
			return errors.New("illegal expression for augmented assignment")
		}
		value, err := parse(toks[aug+1:], false)
		if err != nil {
			return err
		}
		cur, err := r.ev.eval(target)
		if err != nil {
			return err
		}
		v, err := r.ev.eval(value)
		if err != nil {
			return err
		}
		op := strings.TrimSuffix(toks[aug].text, "=")
		var result any
		if list, ok := cur.([]any); ok && op == "+" {
			// list += iterable extends, whatever the iterable is.
			items, err := iterate(v)
			if err != nil {
				return err
			}
			if result, err = concat(list, items); err != nil {
				return err
			}
		} else if result, err = binop(op, cur, v); err != nil {
			return err
		}
		return r.ev.assign(target, result)
	case colon >= 0:
		// Annotated assignment: name: type [= value].
		if len(eqs) > 1 {
			return errors.New("invalid syntax")
		}
		target, err := parse(toks[:colon], false)
		if err != nil {
			return err
		}
		if eqs == nil {
			return errHarmless
		}
		value, err := parse(toks[eqs[0]+1:], true)
		if err != nil {
			return err
		}
		v, err := r.ev.eval(value)
		if err != nil {
			return err
		}
		return r.ev.assign(target, v)
	case eqs != nil:
		value, err := parse(toks[eqs[len(eqs)-1]+1:], true)
		if err != nil {
			return err
		}
		var targets []expr
		from := 0
		for _, e := range eqs {
			t, err := parse(toks[from:e], true)
			if err != nil {
				return err
			}
			targets = append(targets, t)
			from = e + 1
		}
		v, err := r.ev.eval(value)
		if err != nil {
			return err
		}
		for _, t := range targets {
			if err := r.ev.assign(t, v); err != nil {
				return err
			}
		}
		return nil
	}
	x, err := parse(toks, false)
	if err != nil {
		return err
	}
	if _, err := r.ev.eval(x); err != nil {
		return err
	}
	return nil
}

// importedModules returns the modules of "import a.b as c, d".
func importedModules(toks []token) ([]string, bool) {
	var mods []string
	for len(toks) > 0 {
		name, n := dottedPrefix(toks)
		if n == 0 {
			return nil, false
		}
		mods = append(mods, name)
		toks = toks[n:]
		if len(toks) >= 2 && toks[0].text == "as" && toks[1].kind == tokName {
			toks = toks[2:]
		}
		if len(toks) > 0 {
			if toks[0].text != "," {
				return nil, false
			}
			toks = toks[1:]
		}
	}
	return mods, len(mods) > 0
}

// dottedName returns the module named at the start of "from a.b import ...".
func dottedName(toks []token) (string, bool) {
	name, n := dottedPrefix(toks)
	return name, n > 0 && n < len(toks) && toks[n].text == "import"
}

func dottedPrefix(toks []token) (string, int) {
	var parts []string
	i := 0
	for i < len(toks) && toks[i].kind == tokName && !keywords[toks[i].text] {
		parts = append(parts, toks[i].text)
		i++
		if i < len(toks) && toks[i].text == "." {
			i++
			continue
		}
		break
	}
	return strings.Join(parts, "."), i
}

func allHarmless(mods []string) bool {
	for _, m := range mods {
		if !harmlessModules[m] {
			return false
		}
	}
	return true
}
