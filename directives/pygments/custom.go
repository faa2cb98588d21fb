package pygments

import (
	"strings"
	"unicode"

	"github.com/dlclark/regexp2/v2"
)

// customLexers are the lexers Pygments writes by hand, ported.
var customLexers map[string]func(t *tables) lexer

func init() {
	customLexers = map[string]func(t *tables) lexer{
		"TextLexer":              func(*tables) lexer { return textLexer{} },
		"PythonConsoleLexer":     newPythonConsole,
		"BashSessionLexer":       sessionLexer("BashSessionLexer"),
		"MSDOSSessionLexer":      sessionLexer("MSDOSSessionLexer"),
		"PowerShellSessionLexer": sessionLexer("PowerShellSessionLexer"),
		"TcshSessionLexer":       sessionLexer("TcshSessionLexer"),
		"JsonLexer":              func(*tables) lexer { return jsonLexer{} },
		"JsonLdLexer":            func(*tables) lexer { return jsonLexer{} },
		"MakefileLexer":          newMakefile,
	}
}

// customData is the "custom" part of lexers.json.
type customData struct {
	Sessions map[string]struct {
		Inner            string `json:"inner"`
		PS1              string `json:"ps1"`
		PS2              string `json:"ps2"`
		BareContinuation bool   `json:"bare_continuation"`
		Venv             string `json:"venv"`
	} `json:"sessions"`
	MakeSpecial string `json:"make_special"`
	MakeComment string `json:"make_comment"`
}

func mustRegexp(src string) *pattern { return &pattern{src: src} }

// textLexer is TextLexer: the whole text as one Text token.
type textLexer struct{}

func (textLexer) tokens(text []rune) []tok { return []tok{{0, "Text", text}} }

// lines splits text as line_re.finditer(text) with line_re = '.*?\n':
// every line with its newline; a last line without one is dropped.
func lines(text []rune) (starts []int, out [][]rune) {
	start := 0
	for i, r := range text {
		if r == '\n' {
			starts = append(starts, start)
			out = append(out, text[start:i+1])
			start = i + 1
		}
	}
	return starts, out
}

// insertion is one entry of do_insertions' list: tokens to put in at
// index of the code.
type insertion struct {
	index int
	toks  []tok
}

// doInsertions is pygments.lexer.do_insertions.
func doInsertions(ins []insertion, toks []tok) []tok {
	if len(ins) == 0 {
		return toks
	}
	var out []tok
	k := 0
	index, itoks := ins[0].index, ins[0].toks
	realpos := -1
	insleft := true
	next := func() bool {
		k++
		if k >= len(ins) {
			insleft = false
			return false
		}
		index, itoks = ins[k].index, ins[k].toks
		return true
	}
	for _, t := range toks {
		i, v := t.pos, t.val
		if realpos < 0 {
			realpos = i
		}
		oldi := 0
		for insleft && i+len(v) >= index {
			tmp := pySlice(v, oldi, index-i)
			if len(tmp) > 0 {
				out = append(out, tok{realpos, t.typ, tmp})
				realpos += len(tmp)
			}
			for _, it := range itoks {
				out = append(out, tok{realpos, it.typ, it.val})
				realpos += len(it.val)
			}
			oldi = index - i
			if !next() {
				break
			}
		}
		if oldi < len(v) {
			out = append(out, tok{realpos, t.typ, v[oldi:]})
			realpos += len(v) - oldi
		}
	}
	for insleft {
		if realpos < 0 {
			realpos = 0
		}
		for _, it := range itoks {
			out = append(out, tok{realpos, it.typ, it.val})
			realpos += len(it.val)
		}
		next()
	}
	return out
}

// pySlice is Python's v[a:b].
func pySlice(v []rune, a, b int) []rune {
	clamp := func(i int) int {
		if i < 0 {
			i += len(v)
			if i < 0 {
				i = 0
			}
		}
		if i > len(v) {
			i = len(v)
		}
		return i
	}
	a, b = clamp(a), clamp(b)
	if b < a {
		return nil
	}
	return v[a:b]
}

// pythonConsole is PythonConsoleLexer (python3=True).
type pythonConsole struct{ py, tb lexer }

func newPythonConsole(t *tables) lexer {
	return &pythonConsole{py: t.byClassLocked("PythonLexer"), tb: t.byClassLocked("PythonTracebackLexer")}
}

var tbFileLine = mustRegexp(`  File "[^"]+", line \d+\n$`)

func hasPrefix(r []rune, p string) bool { return strings.HasPrefix(string(r), p) }

// pyRstrip is Python's str.rstrip().
func pyRstrip(s string) string { return strings.TrimRightFunc(s, pyIsSpace) }

func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func (lx *pythonConsole) tokens(text []rune) []tok {
	var out []tok
	var curcode []rune
	var ins []insertion
	var curtb []rune
	tbindex, tb := 0, false
	starts, ls := lines(text)
	for n, line := range ls {
		start := starts[n]
		sline := string(line)
		switch {
		case strings.HasPrefix(sline, ">>> ") || strings.HasPrefix(sline, "... "):
			tb = false
			ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt", line[:4]}}})
			curcode = append(curcode, line[4:]...)
		case pyRstrip(sline) == "..." && !tb:
			ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt", []rune("...")}}})
			curcode = append(curcode, line[3:]...)
		default:
			if len(curcode) > 0 {
				out = append(out, doInsertions(ins, lx.py.tokens(curcode))...)
				curcode, ins = nil, nil
			}
			switch {
			case strings.HasPrefix(sline, "Traceback (most recent call last):") || tbFileLine.match(line, 0) != nil:
				tb = true
				curtb = append([]rune(nil), line...)
				tbindex = start
			case sline == "KeyboardInterrupt\n":
				out = append(out, tok{start, "Name.Class", line})
			case tb:
				curtb = append(curtb, line...)
				if !(strings.HasPrefix(sline, " ") || strings.TrimFunc(sline, pyIsSpace) == "...") {
					tb = false
					for _, t := range lx.tb.tokens(curtb) {
						t.pos += tbindex
						out = append(out, t)
					}
					curtb = nil
				}
			default:
				out = append(out, tok{start, "Generic.Output", line})
			}
		}
	}
	if len(curcode) > 0 {
		out = append(out, doInsertions(ins, lx.py.tokens(curcode))...)
	}
	if len(curtb) > 0 {
		for _, t := range lx.tb.tokens(curtb) {
			t.pos += tbindex
			out = append(out, t)
		}
	}
	return out
}

// session is ShellSessionBaseLexer with one subclass's settings.
type session struct {
	inner            lexer
	ps1, venv        *pattern
	ps2              string
	bareContinuation bool
}

func sessionLexer(name string) func(t *tables) lexer {
	return func(t *tables) lexer {
		d := t.custom().Sessions[name]
		return &session{
			inner:            t.byClassLocked(d.Inner),
			ps1:              mustRegexp(d.PS1),
			venv:             mustRegexp(d.Venv),
			ps2:              d.PS2,
			bareContinuation: d.BareContinuation,
		}
	}
}

func group(m *regexp2.Match, n int) []rune {
	g := m.GroupByNumber(n)
	if g == nil || len(g.Captures) == 0 {
		return nil
	}
	return g.Runes()
}

func (lx *session) tokens(text []rune) []tok {
	var out []tok
	pos := 0
	var curcode []rune
	var ins []insertion
	backslash := false
	ps2 := []rune(lx.ps2)
	starts, ls := lines(text)
	for n, line := range ls {
		start := starts[n]
		if m := lx.venv.match(line, 0); m != nil {
			venv, ws := group(m, 1), group(m, 2)
			ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt.VirtualEnv", venv}}})
			if len(ws) > 0 {
				ins = append(ins, insertion{len(curcode), []tok{{0, "Text", ws}}})
			}
			line = line[m.RuneIndex+m.RuneLength:]
		}
		if m := lx.ps1.match(line, 0); m != nil {
			if len(ins) == 0 {
				pos = start
			}
			ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt", group(m, 1)}}})
			curcode = append(curcode, group(m, 2)...)
			backslash = strings.HasSuffix(string(curcode), "\\\n")
		} else if backslash {
			if hasPrefix(line, lx.ps2) {
				ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt", line[:len(ps2)]}}})
				curcode = append(curcode, line[len(ps2):]...)
			} else {
				curcode = append(curcode, line...)
			}
			backslash = strings.HasSuffix(string(curcode), "\\\n")
		} else if lx.bareContinuation && hasPrefix(line, lx.ps2) {
			ins = append(ins, insertion{len(curcode), []tok{{0, "Generic.Prompt", line[:len(ps2)]}}})
			curcode = append(curcode, line[len(ps2):]...)
		} else {
			if len(ins) > 0 {
				for _, t := range doInsertions(ins, lx.inner.tokens(curcode)) {
					t.pos += pos
					out = append(out, t)
				}
			}
			out = append(out, tok{start, "Generic.Output", line})
			ins, curcode = nil, nil
		}
	}
	if len(ins) > 0 {
		for _, t := range doInsertions(ins, lx.inner.tokens(curcode)) {
			t.pos += pos
			out = append(out, t)
		}
	}
	return out
}

// makefile is MakefileLexer: directives and comments taken out, the rest
// lexed by BaseMakefileLexer.
type makefile struct {
	base             lexer
	special, comment *pattern
}

func newMakefile(t *tables) lexer {
	c := t.custom()
	return &makefile{base: t.byClassLocked("BaseMakefileLexer"), special: mustRegexp(c.MakeSpecial), comment: mustRegexp(c.MakeComment)}
}

// splitLinesKeepEnds is Python's str.splitlines(keepends=True).
func splitLinesKeepEnds(text []rune) [][]rune {
	var out [][]rune
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\u0085', '\u2028', '\u2029':
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
		default:
			continue
		}
		out = append(out, text[start:i+1])
		start = i + 1
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

func (lx *makefile) tokens(text []rune) []tok {
	var ins []insertion
	var done []rune
	backslash := false
	for _, line := range splitLinesKeepEnds(text) {
		if lx.special.match(line, 0) != nil || backslash {
			ins = append(ins, insertion{len(done), []tok{{0, "Comment.Preproc", line}}})
			backslash = strings.HasSuffix(strings.TrimFunc(string(line), pyIsSpace), "\\")
		} else if lx.comment.match(line, 0) != nil {
			ins = append(ins, insertion{len(done), []tok{{0, "Comment", line}}})
		} else {
			done = append(done, line...)
		}
	}
	return doInsertions(ins, lx.base.tokens(done))
}

// jsonLexer is JsonLexer, a hand-written scanner.
type jsonLexer struct{}

func (jsonLexer) tokens(text []rune) []tok {
	isInteger := func(r rune) bool { return r == '-' || (r >= '0' && r <= '9') }
	isFloat := func(r rune) bool { return r == '.' || r == 'e' || r == 'E' || r == '+' }
	isConstant := func(r rune) bool { return strings.ContainsRune("truefalsenull", r) }
	isHex := func(r rune) bool {
		return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
	}
	isPunct := func(r rune) bool { return r == '{' || r == '}' || r == '[' || r == ']' || r == ',' }
	isWS := func(r rune) bool { return r == ' ' || r == '\n' || r == '\r' || r == '\t' }

	var out, queue []tok
	inString, inEscape := false, false
	inUnicodeEscape := 0
	inWhitespace, inConstant, inNumber, inFloat, inPunct := false, false, false, false, false
	inCommentSingle, inCommentMulti := false, false
	expectOpener, expectCloser := false, false
	start := 0
	flush := func() {
		out = append(out, queue...)
		queue = queue[:0]
	}
	for stop, ch := range text {
		if inString {
			switch {
			case inUnicodeEscape > 0:
				if isHex(ch) {
					inUnicodeEscape--
					if inUnicodeEscape == 0 {
						inEscape = false
					}
				} else {
					inUnicodeEscape = 0
					inEscape = false
				}
			case inEscape:
				if ch == 'u' {
					inUnicodeEscape = 4
				} else {
					inEscape = false
				}
			case ch == '\\':
				inEscape = true
			case ch == '"':
				queue = append(queue, tok{start, "Literal.String.Double", text[start : stop+1]})
				inString, inEscape, inUnicodeEscape = false, false, 0
			}
			continue
		} else if inWhitespace {
			if isWS(ch) {
				continue
			}
			if len(queue) > 0 {
				queue = append(queue, tok{start, "Text.Whitespace", text[start:stop]})
			} else {
				out = append(out, tok{start, "Text.Whitespace", text[start:stop]})
			}
			inWhitespace = false
		} else if inConstant {
			if isConstant(ch) {
				continue
			}
			out = append(out, tok{start, "Keyword.Constant", text[start:stop]})
			inConstant = false
		} else if inNumber {
			if isInteger(ch) {
				continue
			} else if isFloat(ch) {
				inFloat = true
				continue
			}
			if inFloat {
				out = append(out, tok{start, "Literal.Number.Float", text[start:stop]})
			} else {
				out = append(out, tok{start, "Literal.Number.Integer", text[start:stop]})
			}
			inNumber, inFloat = false, false
		} else if inPunct {
			if isPunct(ch) {
				continue
			}
			out = append(out, tok{start, "Punctuation", text[start:stop]})
			inPunct = false
		} else if inCommentSingle {
			if ch != '\n' {
				continue
			}
			if len(queue) > 0 {
				queue = append(queue, tok{start, "Comment.Single", text[start:stop]})
			} else {
				out = append(out, tok{start, "Comment.Single", text[start:stop]})
			}
			inCommentSingle = false
		} else if inCommentMulti {
			if ch == '*' {
				expectCloser = true
			} else if expectCloser {
				expectCloser = false
				if ch == '/' {
					if len(queue) > 0 {
						queue = append(queue, tok{start, "Comment.Multiline", text[start : stop+1]})
					} else {
						out = append(out, tok{start, "Comment.Multiline", text[start : stop+1]})
					}
					inCommentMulti = false
				}
			}
			continue
		} else if expectOpener {
			expectOpener = false
			if ch == '/' {
				inCommentSingle = true
				continue
			} else if ch == '*' {
				inCommentMulti = true
				continue
			}
			flush()
			out = append(out, tok{start, "Error", text[start:stop]})
		}

		start = stop
		switch {
		case ch == '"':
			inString = true
		case isWS(ch):
			inWhitespace = true
		case ch == 'f' || ch == 'n' || ch == 't':
			flush()
			inConstant = true
		case isInteger(ch):
			flush()
			inNumber = true
		case ch == ':':
			for _, q := range queue {
				if q.typ == "Literal.String.Double" {
					q.typ = "Name.Tag"
				}
				out = append(out, q)
			}
			queue = queue[:0]
			inPunct = true
		case isPunct(ch):
			flush()
			inPunct = true
		case ch == '/':
			expectOpener = true
		default:
			flush()
			out = append(out, tok{start, "Error", []rune{ch}})
		}
	}
	flush()
	rest := text[start:]
	switch {
	case inString:
		out = append(out, tok{start, "Error", rest})
	case inFloat:
		out = append(out, tok{start, "Literal.Number.Float", rest})
	case inNumber:
		out = append(out, tok{start, "Literal.Number.Integer", rest})
	case inConstant:
		out = append(out, tok{start, "Keyword.Constant", rest})
	case inWhitespace:
		out = append(out, tok{start, "Text.Whitespace", rest})
	case inPunct:
		out = append(out, tok{start, "Punctuation", rest})
	case inCommentSingle:
		out = append(out, tok{start, "Comment.Single", rest})
	case inCommentMulti:
		out = append(out, tok{start, "Error", rest})
	case expectOpener:
		out = append(out, tok{start, "Error", rest})
	}
	return out
}
