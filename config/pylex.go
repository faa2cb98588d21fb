package config

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer follows Python's own (Lib/tokenize.py, Parser/tokenizer.c)
// closely enough for conf.py files: logical lines joined across brackets and
// backslash continuations, indentation measured with tabs to multiples of 8,
// comments and blank lines dropped. String literals are decoded here so the
// parser deals with values only.

type tokKind int

const (
	tokEOF tokKind = iota
	tokName
	tokNumber
	tokString
	tokOp
)

// token is one Python token; off is its byte offset in the source, so that
// reports can quote the statement's own text.
type token struct {
	kind tokKind
	text string // source text (for strings: the whole literal)
	off  int
	line int
	str  *strLit // decoded literal, for tokString
}

// strLit is a decoded string literal. For f-strings, body is the raw text
// between the quotes, interpreted by the parser.
type strLit struct {
	value  string
	bytes  bool
	fstr   bool
	raw    bool
	body   string
	bodyAt int // offset of body in the source
}

// logicalLine is one Python logical line: a statement or several joined by
// semicolons, or a compound statement header.
type logicalLine struct {
	indent int
	line   int
	off    int
	toks   []token
	err    *syntaxError
}

type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string { return e.msg }

// maxNesting matches CPython's limit on nested brackets (MAXLEVEL), which
// also bounds the parser's recursion.
const maxNesting = 200

type lexer struct {
	src  string
	pos  int
	line int
}

func newLexer(src string) *lexer { return &lexer{src: src, line: 1} }

// lineStart returns the offset of the physical line containing off.
func lineStart(src string, off int) int {
	return strings.LastIndexByte(src[:off], '\n') + 1
}

// skipToLine moves to the start of physical line n (1-based), used to resume
// after a syntax error.
func (lx *lexer) skipToLine(n int) {
	for lx.line < n && lx.pos < len(lx.src) {
		i := strings.IndexByte(lx.src[lx.pos:], '\n')
		if i < 0 {
			lx.pos = len(lx.src)
			return
		}
		lx.pos += i + 1
		lx.line++
	}
}

// next returns the next logical line, or false at the end of the source. On
// a syntax error the returned line has err set and the lexer has moved past
// the damage, so callers report and continue.
func (lx *lexer) next() (logicalLine, bool) {
	for lx.pos < len(lx.src) {
		// Measure indentation of a new physical line.
		col := 0
		p := lx.pos
	indent:
		for p < len(lx.src) {
			switch lx.src[p] {
			case ' ':
				col++
			case '\t':
				col = (col/8 + 1) * 8
			case '\f':
				col = 0
			default:
				break indent
			}
			p++
		}
		if p >= len(lx.src) {
			lx.pos = p
			return logicalLine{}, false
		}
		switch lx.src[p] {
		case '\n', '#', '\r':
			// Blank or comment-only line: no token, no indentation.
			i := strings.IndexByte(lx.src[p:], '\n')
			if i < 0 {
				lx.pos = len(lx.src)
				return logicalLine{}, false
			}
			lx.pos = p + i + 1
			lx.line++
			continue
		case '\\':
			// A backslash continuation on an otherwise empty line joins
			// the next line; rare enough to treat it as the line itself.
		}
		lx.pos = p
		ll := lx.logical(col)
		if ll.err == nil && len(ll.toks) == 0 {
			continue // only a backslash continuation
		}
		return ll, true
	}
	return logicalLine{}, false
}

func (lx *lexer) logical(indent int) logicalLine {
	ll := logicalLine{indent: indent, line: lx.line, off: lx.pos}
	var stack []byte
	var opens []int // line of each open bracket
	fail := func(line int, format string, args ...any) logicalLine {
		ll.err = &syntaxError{line: line, msg: fmt.Sprintf(format, args...)}
		// Resume on the physical line after the damage.
		// Scanning from the statement's start costs no more than the scan
		// that found the error, so recovery stays linear.
		if line < lx.line {
			lx.pos, lx.line = ll.off, ll.line
		}
		lx.skipToLine(line + 1)
		return ll
	}
	for {
		if lx.pos >= len(lx.src) {
			if len(stack) > 0 {
				return fail(opens[len(opens)-1], "'%c' was never closed", stack[len(stack)-1])
			}
			return ll
		}
		c := lx.src[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			lx.pos++
		case c == '#':
			i := strings.IndexByte(lx.src[lx.pos:], '\n')
			if i < 0 {
				lx.pos = len(lx.src)
			} else {
				lx.pos += i
			}
		case c == '\n':
			lx.pos++
			lx.line++
			if len(stack) == 0 {
				return ll
			}
		case c == '\\':
			rest := lx.src[lx.pos+1:]
			switch {
			case strings.HasPrefix(rest, "\n"):
				lx.pos += 2
				lx.line++
			case strings.HasPrefix(rest, "\r\n"):
				lx.pos += 3
				lx.line++
			case rest == "":
				lx.pos++
				return fail(lx.line, "unexpected EOF while parsing")
			default:
				return fail(lx.line, "unexpected character after line continuation character")
			}
		case isDigit(c) || (c == '.' && lx.pos+1 < len(lx.src) && isDigit(lx.src[lx.pos+1])):
			ll.toks = append(ll.toks, lx.number())
		case c == '"' || c == '\'':
			t, err := lx.string(lx.pos, lx.pos)
			if err != nil {
				return fail(err.line, "%s", err.msg)
			}
			ll.toks = append(ll.toks, t)
		case c < utf8.RuneSelf && (c == '_' || isASCIILetter(c)) || c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(lx.src[lx.pos:])
			if !isIdentStart(r) {
				return fail(lx.line, "invalid character '%c' (U+%04X)", r, r)
			}
			start := lx.pos
			lx.pos += size
			for lx.pos < len(lx.src) {
				r, size := utf8.DecodeRuneInString(lx.src[lx.pos:])
				if !isIdentContinue(r) {
					break
				}
				lx.pos += size
			}
			word := lx.src[start:lx.pos]
			if lx.pos < len(lx.src) && (lx.src[lx.pos] == '\'' || lx.src[lx.pos] == '"') && isStringPrefix(word) {
				t, err := lx.string(start, lx.pos)
				if err != nil {
					return fail(err.line, "%s", err.msg)
				}
				ll.toks = append(ll.toks, t)
				continue
			}
			ll.toks = append(ll.toks, token{kind: tokName, text: word, off: start, line: lx.line})
		default:
			op := matchOp(lx.src[lx.pos:])
			if op == "" {
				r, _ := utf8.DecodeRuneInString(lx.src[lx.pos:])
				return fail(lx.line, "invalid character '%c' (U+%04X)", r, r)
			}
			switch op {
			case "(", "[", "{":
				if len(stack) >= maxNesting {
					return fail(lx.line, "too many nested parentheses")
				}
				stack = append(stack, op[0])
				opens = append(opens, lx.line)
			case ")", "]", "}":
				want := map[byte]byte{')': '(', ']': '[', '}': '{'}[op[0]]
				if len(stack) == 0 {
					return fail(lx.line, "unmatched '%s'", op)
				}
				if stack[len(stack)-1] != want {
					return fail(lx.line, "closing parenthesis '%s' does not match opening parenthesis '%c'", op, stack[len(stack)-1])
				}
				stack = stack[:len(stack)-1]
				opens = opens[:len(opens)-1]
			}
			ll.toks = append(ll.toks, token{kind: tokOp, text: op, off: lx.pos, line: lx.line})
			lx.pos += len(op)
		}
	}
}

var operators = []string{
	"**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=",
	"->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=",
	"%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">",
	"@", "[", "]", "^", "{", "|", "}", "~",
}

func matchOp(s string) string {
	for _, op := range operators {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentContinue(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// number scans a numeric literal the way Python's tokenizer delimits it; the
// parser validates and converts the text.
func (lx *lexer) number() token {
	start := lx.pos
	hexlike := len(lx.src) > lx.pos+1 && lx.src[lx.pos] == '0' && strings.ContainsRune("xXoObB", rune(lx.src[lx.pos+1]))
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case isDigit(c) || isASCIILetter(c) || c == '_':
			lx.pos++
		case c == '.' && !hexlike:
			lx.pos++
		case (c == '+' || c == '-') && !hexlike && (lx.src[lx.pos-1]|0x20) == 'e':
			lx.pos++
		default:
			return token{kind: tokNumber, text: lx.src[start:lx.pos], off: start, line: lx.line}
		}
	}
	return token{kind: tokNumber, text: lx.src[start:lx.pos], off: start, line: lx.line}
}

// string scans and decodes a string literal whose prefix starts at start and
// whose opening quote is at q.
func (lx *lexer) string(start, q int) (token, *syntaxError) {
	prefix := strings.ToLower(lx.src[start:q])
	lit := &strLit{
		raw:   strings.Contains(prefix, "r"),
		bytes: strings.Contains(prefix, "b"),
		fstr:  strings.Contains(prefix, "f"),
	}
	quote := lx.src[q]
	triple := strings.HasPrefix(lx.src[q:], strings.Repeat(string(quote), 3))
	qlen := 1
	if triple {
		qlen = 3
	}
	startLine := lx.line
	p := q + qlen
	bodyStart := p
	for {
		if p >= len(lx.src) {
			if triple {
				return token{}, &syntaxError{line: startLine, msg: "unterminated triple-quoted string literal"}
			}
			return token{}, &syntaxError{line: startLine, msg: "unterminated string literal"}
		}
		c := lx.src[p]
		if c == '\\' && p+1 < len(lx.src) {
			if lx.src[p+1] == '\n' {
				lx.line++
			}
			p += 2
			continue
		}
		if c == '\n' {
			if !triple {
				return token{}, &syntaxError{line: startLine, msg: "unterminated string literal"}
			}
			lx.line++
		}
		if c == quote && (!triple || strings.HasPrefix(lx.src[p:], strings.Repeat(string(quote), 3))) {
			break
		}
		p++
	}
	body := lx.src[bodyStart:p]
	lx.pos = p + qlen
	tok := token{kind: tokString, text: lx.src[start:lx.pos], off: start, line: startLine, str: lit}
	lit.body, lit.bodyAt = body, bodyStart
	if lit.fstr {
		return tok, nil
	}
	v, err := decodeString(body, lit.raw, lit.bytes)
	if err != "" {
		return token{}, &syntaxError{line: startLine, msg: err}
	}
	lit.value = v
	return tok, nil
}

// decodeString interprets escapes as Python does; it returns a message on
// errors Python reports at compile time.
func decodeString(body string, raw, isBytes bool) (string, string) {
	if isBytes {
		for i := 0; i < len(body); i++ {
			if body[i] >= 0x80 {
				return "", "bytes can only contain ASCII literal characters"
			}
		}
	}
	// Python normalises newlines in source to \n before tokenizing.
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if raw || !strings.Contains(body, `\`) {
		return body, ""
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		e := body[i]
		switch e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n, j := 0, i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				n = n*8 + int(body[j]-'0')
				j++
			}
			i = j - 1
			writeCode(&b, n, isBytes)
		case 'x':
			n, ok := hexDigits(body, i+1, 2)
			if !ok {
				return "", fmt.Sprintf("(unicode error) truncated \\xXX escape")
			}
			i += 2
			writeCode(&b, n, isBytes)
		case 'u', 'U', 'N':
			if isBytes {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			if e == 'N' {
				if i+1 >= len(body) || body[i+1] != '{' {
					return "", "(unicode error) malformed \\N character escape"
				}
				end := strings.IndexByte(body[i+1:], '}')
				if end < 0 {
					return "", "(unicode error) malformed \\N character escape"
				}
				name := body[i+2 : i+1+end]
				r, ok := lookupRuneName(name)
				if !ok {
					return "", "(unicode error) unknown Unicode character name"
				}
				b.WriteRune(r)
				i += 1 + end
				continue
			}
			width := 4
			if e == 'U' {
				width = 8
			}
			n, ok := hexDigits(body, i+1, width)
			if !ok {
				return "", fmt.Sprintf("(unicode error) truncated \\%cXXXX escape", e)
			}
			if n > unicode.MaxRune {
				return "", "(unicode error) illegal Unicode character"
			}
			i += width
			writeCode(&b, n, false)
		default:
			// Unknown escapes keep their backslash (Python warns).
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), ""
}

func hexDigits(s string, at, n int) (int, bool) {
	if at+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[at : at+n]) {
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			v = v*16 + int(c|0x20-'a') + 10
		default:
			return 0, false
		}
	}
	return v, true
}

// writeCode appends code point n; in bytes literals it is a byte. Lone
// surrogates cannot live in a Go string and become U+FFFD.
func writeCode(b *strings.Builder, n int, isBytes bool) {
	if isBytes {
		b.WriteByte(byte(n))
		return
	}
	b.WriteRune(rune(n))
}
