package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// Python is by far the most highlighted language in Sphinx projects (it is
// the default), and chroma's regular-expression lexer is slow, so Python
// is lexed here by hand, following Pygments 2.14's PythonLexer rule by rule:
// the same token types, and an error wherever Pygments meets text no rule
// matches (a stray "$" or "?", a newline inside a one-line string), which
// is what makes Sphinx fall back to plain text for "default" blocks.

var pyKeywords = setOf("assert", "async", "await", "break", "continue", "del", "elif", "else", "except",
	"finally", "for", "global", "if", "lambda", "pass", "raise", "nonlocal", "return", "try", "while",
	"yield", "as", "with")

var pyConstants = setOf("True", "False", "None")

var pyOperatorWords = setOf("in", "is", "and", "or", "not")

var pyBuiltins = setOf("__import__", "abs", "all", "any", "bin", "bool", "bytearray", "breakpoint", "bytes",
	"chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval",
	"filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id", "input",
	"int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min",
	"next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed",
	"round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
	"vars", "zip")

var pyPseudo = setOf("self", "Ellipsis", "NotImplemented", "cls")

var pyExceptions = setOf("ArithmeticError", "AssertionError", "AttributeError", "BaseException",
	"BufferError", "BytesWarning", "DeprecationWarning", "EOFError", "EnvironmentError", "Exception",
	"FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
	"IndentationError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
	"NameError", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
	"ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopIteration", "SyntaxError",
	"SyntaxWarning", "SystemError", "SystemExit", "TabError", "TypeError", "UnboundLocalError",
	"UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning",
	"UserWarning", "ValueError", "VMSError", "Warning", "WindowsError", "ZeroDivisionError",
	"BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
	"ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
	"InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
	"TimeoutError", "StopAsyncIteration", "ModuleNotFoundError", "RecursionError", "EncodingWarning")

var pyMagicFuncs = setOf("__abs__", "__add__", "__aenter__", "__aexit__", "__aiter__", "__and__", "__anext__",
	"__await__", "__bool__", "__bytes__", "__call__", "__complex__", "__contains__", "__del__", "__delattr__",
	"__delete__", "__delitem__", "__dir__", "__divmod__", "__enter__", "__eq__", "__exit__", "__float__",
	"__floordiv__", "__format__", "__ge__", "__get__", "__getattr__", "__getattribute__", "__getitem__",
	"__gt__", "__hash__", "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__",
	"__imul__", "__index__", "__init__", "__instancecheck__", "__int__", "__invert__", "__ior__", "__ipow__",
	"__irshift__", "__isub__", "__iter__", "__itruediv__", "__ixor__", "__le__", "__len__",
	"__length_hint__", "__lshift__", "__lt__", "__matmul__", "__missing__", "__mod__", "__mul__", "__ne__",
	"__neg__", "__new__", "__next__", "__or__", "__pos__", "__pow__", "__prepare__", "__radd__", "__rand__",
	"__rdivmod__", "__repr__", "__reversed__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmod__",
	"__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__",
	"__rxor__", "__set__", "__setattr__", "__setitem__", "__str__", "__sub__", "__subclasscheck__",
	"__truediv__", "__xor__")

var pyMagicVars = setOf("__annotations__", "__bases__", "__class__", "__closure__", "__code__",
	"__defaults__", "__dict__", "__doc__", "__file__", "__func__", "__globals__", "__kwdefaults__",
	"__module__", "__mro__", "__name__", "__objclass__", "__qualname__", "__self__", "__slots__",
	"__weakref__")

// pyAllKeywords is Python's keyword.kwlist, for the soft keyword rule.
var pyAllKeywords = setOf("False", "None", "True", "and", "as", "assert", "async", "await", "break",
	"class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
	"import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
	"with", "yield")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// pyLexer holds one run of the Python lexer. Tokens are kept as offsets
// into src, so that neighbours of one type merge without copying.
type pyLexer struct {
	src    string
	pos    int
	toks   []pyTok
	failed bool
	// reset is set when an unmatched newline sends Pygments back to its
	// root state: nested states return up to root.
	reset bool
}

type pyTok struct {
	t          chroma.TokenType
	start, end int
}

// lexPython tokenises Python source as Pygments' PythonLexer, reporting
// whether it met text no rule matches.
func lexPython(src string) ([]chroma.Token, bool) {
	l := &pyLexer{src: src, toks: make([]pyTok, 0, len(src)/4+1)}
	l.root()
	out := make([]chroma.Token, len(l.toks))
	for i, t := range l.toks {
		out[i] = chroma.Token{Type: t.t, Value: src[t.start:t.end]}
	}
	return out, l.failed
}

func (l *pyLexer) emit(t chroma.TokenType, start, end int) {
	if start == end {
		return
	}
	if n := len(l.toks); n > 0 && l.toks[n-1].t == t && l.toks[n-1].end == start {
		l.toks[n-1].end = end
		return
	}
	l.toks = append(l.toks, pyTok{t, start, end})
}

// take emits the next n bytes as t.
func (l *pyLexer) take(t chroma.TokenType, n int) {
	l.emit(t, l.pos, l.pos+n)
	l.pos += n
}

// fail emits one character as an error token.
func (l *pyLexer) fail() {
	_, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.failed = true
	l.take(chroma.Error, n)
}

func (l *pyLexer) rest() string { return l.src[l.pos:] }

func (l *pyLexer) atLineStart() bool { return l.pos == 0 || l.src[l.pos-1] == '\n' }

func isIDStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
		unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Other_ID_Continue, r)
}

// ident returns the length of the identifier at the start of s, or 0.
func ident(s string) int {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		c := s[0]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
			return 0
		}
		i := 1
		for i < len(s) {
			c := s[i]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' {
				i++
				continue
			}
			if c >= utf8.RuneSelf {
				return i + identRest(s[i:])
			}
			break
		}
		return i
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !isIDStart(r) {
		return 0
	}
	i := n
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isIDContinue(r) {
			break
		}
		i += n
	}
	return i
}

// identRest is the length of the identifier characters at the start of s.
func identRest(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isIDContinue(r) {
			break
		}
		i += n
	}
	return i
}

// wordAt reports a regexp \w character for ASCII (word boundaries of
// the keyword rules).
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// spaceLen is the length of the whitespace (\s, newlines included) at the
// start of s.
func spaceLen(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') {
		i++
	}
	return i
}

// defSpace is the (?:\s|\\\s)+ after def, class, from and import.
func defSpace(s string) int {
	i := 0
	for i < len(s) {
		if n := spaceLen(s[i : i+1]); n == 1 {
			i++
		} else if s[i] == '\\' && i+1 < len(s) && spaceLen(s[i+1:i+2]) == 1 {
			i += 2
		} else {
			break
		}
	}
	return i
}

func (l *pyLexer) root() {
	for l.pos < len(l.src) {
		l.reset = false
		s := l.rest()
		c := s[0]
		switch {
		case c == '\n':
			l.take(chroma.TextWhitespace, 1)
			continue
		case l.atLineStart() && l.docstring():
			continue
		case c == '#':
			end := strings.IndexByte(s, '\n')
			if end < 0 {
				end = len(s)
			}
			t := chroma.CommentSingle
			if l.pos == 0 && strings.HasPrefix(s, "#!") && end > 2 {
				t = chroma.CommentHashbang
			}
			l.take(t, end)
			continue
		case c == '\\':
			if len(s) > 1 && s[1] == '\n' {
				l.take(chroma.Text, 2)
			} else {
				l.take(chroma.Text, 1)
			}
			continue
		}
		if n := ident(s); n > 0 {
			word := s[:n]
			if l.rootWord(word) {
				continue
			}
		}
		if !l.expr() {
			l.fail()
		}
	}
}

// rootWord handles the identifiers with rules of their own at statement
// level: keywords, soft keywords, def, class, from, import.
func (l *pyLexer) rootWord(word string) bool {
	s := l.rest()
	switch {
	case word == "yield" && strings.HasPrefix(s[5:], " from") && !wordAt(s, 10):
		l.take(chroma.Keyword, 10)
		return true
	case pyKeywords[word]:
		l.take(chroma.Keyword, len(word))
		return true
	case pyConstants[word]:
		l.take(chroma.KeywordConstant, len(word))
		return true
	case (word == "match" || word == "case") && l.softKeyword(len(word)):
		l.take(chroma.Keyword, len(word))
		l.softKeywordsInner()
		return true
	}
	if word != "def" && word != "class" && word != "from" && word != "import" {
		return false
	}
	sp := defSpace(s[len(word):])
	if sp == 0 {
		return false
	}
	switch word {
	case "def":
		l.take(chroma.Keyword, 3)
		l.take(chroma.Text, sp)
		if n := ident(l.rest()); n > 0 {
			name := l.rest()[:n]
			if pyMagicFuncs[name] {
				l.take(chroma.NameFunctionMagic, n)
			} else {
				l.take(chroma.NameFunction, n)
			}
		}
	case "class":
		l.take(chroma.Keyword, 5)
		l.take(chroma.Text, sp)
		// The classname state has no fallback: anything but a name or a
		// newline is an error, and the state waits for the name.
		for l.pos < len(l.src) && l.src[l.pos] != '\n' && ident(l.rest()) == 0 {
			l.fail()
		}
		if n := ident(l.rest()); n > 0 {
			l.take(chroma.NameClass, n)
		}
	case "from":
		l.take(chroma.KeywordNamespace, 4)
		l.take(chroma.Text, sp)
		l.fromImport()
	case "import":
		l.take(chroma.KeywordNamespace, 6)
		l.take(chroma.Text, sp)
		l.importNames()
	}
	return true
}

// softKeyword reports Pygments' soft keyword rule for match and case: at
// the start of a line (after indentation), not followed by a character or
// keyword that shows it is a name.
func (l *pyLexer) softKeyword(n int) bool {
	line := strings.LastIndexByte(l.src[:l.pos], '\n') + 1
	if strings.Trim(l.src[line:l.pos], " \t") != "" {
		return false
	}
	s := l.rest()
	if wordAt(s, n) {
		return false
	}
	after := strings.TrimLeft(s[n:], " \t")
	if after != "" && strings.ContainsRune(":,;=^&|@~)]}", rune(after[0])) {
		return false
	}
	if k := ident(after); k > 0 && pyAllKeywords[after[:k]] {
		return false
	}
	return true
}

// softKeywordsInner marks a lone "_" later on a match or case line as a
// keyword, as Pygments' soft-keywords-inner state.
func (l *pyLexer) softKeywordsInner() {
	s := l.rest()
	ws := spaceLen(s)
	if ws == 0 {
		return
	}
	end := strings.IndexByte(s, '\n')
	if end < 0 {
		end = len(s)
	}
	line := s[:end]
	i := strings.IndexByte(line[ws:], '_')
	if i < 0 {
		return
	}
	i += ws
	if wordAt(line, i+1) {
		return
	}
	l.take(chroma.TextWhitespace, ws)
	// The text before "_" is lexed on its own (Pygments' using(this)).
	sub := &pyLexer{src: l.src[:l.pos+i-ws], pos: l.pos, toks: l.toks}
	sub.root()
	l.toks = sub.toks
	if sub.failed {
		l.failed = true
	}
	l.pos += i - ws
	l.take(chroma.Keyword, 1)
}

// docstring handles a triple-quoted string at the start of a line
// (String.Doc), returning false when the rule does not match.
func (l *pyLexer) docstring() bool {
	s := l.rest()
	ws := spaceLen(s)
	i := ws
	aff := 0
	for aff < 2 && i+aff < len(s) && strings.IndexByte("rRuUbB", s[i+aff]) >= 0 {
		aff++
	}
	for a := aff; a >= 0; a-- {
		j := i + a
		if !strings.HasPrefix(s[j:], `"""`) && !strings.HasPrefix(s[j:], "'''") {
			continue
		}
		q := s[j : j+3]
		end := strings.Index(s[j+3:], q)
		if end < 0 {
			return false
		}
		l.take(chroma.TextWhitespace, ws)
		l.take(chroma.LiteralStringAffix, a)
		l.take(chroma.LiteralStringDoc, 3+end+3)
		return true
	}
	return false
}

// fromImport is Pygments' fromimport state.
func (l *pyLexer) fromImport() {
	for l.pos < len(l.src) {
		s := l.rest()
		if ws := spaceLen(s); ws > 0 && strings.HasPrefix(s[ws:], "import") && !wordAt(s, ws+6) {
			l.take(chroma.Text, ws)
			l.take(chroma.KeywordNamespace, 6)
			return
		}
		if s[0] == '.' {
			l.take(chroma.NameNamespace, 1)
			continue
		}
		if strings.HasPrefix(s, "None") && !wordAt(s, 4) {
			l.take(chroma.NameBuiltinPseudo, 4)
			return
		}
		if n := ident(s); n > 0 {
			l.take(chroma.NameNamespace, n)
			continue
		}
		return
	}
}

// importNames is Pygments' import state.
func (l *pyLexer) importNames() {
	for l.pos < len(l.src) {
		s := l.rest()
		if ws := spaceLen(s); ws > 0 && strings.HasPrefix(s[ws:], "as") && !wordAt(s, ws+2) {
			if ws2 := spaceLen(s[ws+2:]); ws2 > 0 {
				l.take(chroma.Text, ws)
				l.take(chroma.Keyword, 2)
				l.take(chroma.Text, ws2)
				continue
			}
		}
		if s[0] == '.' {
			l.take(chroma.NameNamespace, 1)
			continue
		}
		if n := ident(s); n > 0 {
			l.take(chroma.NameNamespace, n)
			continue
		}
		ws := 0
		for ws < len(s) && (s[ws] == ' ' || s[ws] == '\t' || s[ws] == '\n' || s[ws] == '\r' || s[ws] == '\f' || s[ws] == '\v') {
			ws++
		}
		if ws < len(s) && s[ws] == ',' {
			l.take(chroma.Text, ws)
			l.take(chroma.Operator, 1)
			l.take(chroma.Text, spaceLen(l.rest()))
			continue
		}
		return
	}
}

// expr is one step of Pygments' expr state; false means no rule matched.
func (l *pyLexer) expr() bool {
	s := l.rest()
	if l.stringStart() {
		return true
	}
	c := s[0]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		i := 1
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') {
			i++
		}
		l.take(chroma.Text, i)
		return true
	case c >= '0' && c <= '9' || c == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		if t, n := pyNumber(s); n > 0 {
			l.take(t, n)
			return true
		}
	}
	switch {
	case strings.HasPrefix(s, "!=") || strings.HasPrefix(s, "==") || strings.HasPrefix(s, "<<") ||
		strings.HasPrefix(s, ">>") || strings.HasPrefix(s, ":="):
		l.take(chroma.Operator, 2)
		return true
	case strings.IndexByte("-~+/*%=<>&^|.", c) >= 0:
		l.take(chroma.Operator, 1)
		return true
	case strings.IndexByte("]{}:(),;[", c) >= 0:
		l.take(chroma.Punctuation, 1)
		return true
	case c == '@':
		if n := ident(s[1:]); n > 0 {
			l.take(chroma.NameDecorator, 1+n)
		} else {
			l.take(chroma.Operator, 1)
		}
		return true
	}
	n := ident(s)
	if n == 0 {
		return false
	}
	word := s[:n]
	afterDot := l.pos > 0 && l.src[l.pos-1] == '.'
	switch {
	case pyOperatorWords[word]:
		l.take(chroma.OperatorWord, n)
	case word == "yield" && strings.HasPrefix(s[5:], " from") && !wordAt(s, 10):
		l.take(chroma.Keyword, 10)
	case word == "async" && strings.HasPrefix(s[5:], " for") && !wordAt(s, 9):
		l.take(chroma.Keyword, 9)
	case word == "await" || word == "else" || word == "for" || word == "if" || word == "lambda" || word == "yield":
		l.take(chroma.Keyword, n)
	case pyConstants[word]:
		l.take(chroma.KeywordConstant, n)
	case !afterDot && pyBuiltins[word]:
		l.take(chroma.NameBuiltin, n)
	case !afterDot && pyPseudo[word]:
		l.take(chroma.NameBuiltinPseudo, n)
	case !afterDot && pyExceptions[word]:
		l.take(chroma.NameException, n)
	case pyMagicFuncs[word]:
		l.take(chroma.NameFunctionMagic, n)
	case pyMagicVars[word]:
		l.take(chroma.NameVariableMagic, n)
	default:
		l.take(chroma.Name, n)
	}
	return true
}

// pyNumber matches Pygments' number rules at the start of s.
func pyNumber(s string) (chroma.TokenType, int) {
	digits := func(i int, ok func(byte) bool) int {
		// d(?:_?d)*
		if i >= len(s) || !ok(s[i]) {
			return i
		}
		i++
		for i < len(s) {
			if ok(s[i]) {
				i++
			} else if s[i] == '_' && i+1 < len(s) && ok(s[i+1]) {
				i += 2
			} else {
				break
			}
		}
		return i
	}
	dec := func(b byte) bool { return b >= '0' && b <= '9' }
	exponent := func(i int) int {
		if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
			j := i + 1
			if j < len(s) && (s[j] == '+' || s[j] == '-') {
				j++
			}
			if k := digits(j, dec); k > j {
				return k
			}
		}
		return i
	}
	// Floats: d.d?, .d, with an optional exponent.
	intEnd := digits(0, dec)
	if intEnd < len(s) && s[intEnd] == '.' {
		fracEnd := digits(intEnd+1, dec)
		if intEnd > 0 || fracEnd > intEnd+1 {
			return chroma.LiteralNumberFloat, exponent(fracEnd)
		}
	}
	if intEnd > 0 {
		if e := exponent(intEnd); e > intEnd {
			if e < len(s) && s[e] == 'j' {
				e++
			}
			return chroma.LiteralNumberFloat, e
		}
	}
	if len(s) > 2 && s[0] == '0' {
		var ok func(byte) bool
		var t chroma.TokenType
		switch s[1] {
		case 'o', 'O':
			ok, t = func(b byte) bool { return b >= '0' && b <= '7' }, chroma.LiteralNumberOct
		case 'b', 'B':
			ok, t = func(b byte) bool { return b == '0' || b == '1' }, chroma.LiteralNumberBin
		case 'x', 'X':
			ok, t = func(b byte) bool {
				return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
			}, chroma.LiteralNumberHex
		}
		if ok != nil {
			// (?:_?x)+
			i := 2
			for i < len(s) {
				if ok(s[i]) {
					i++
				} else if s[i] == '_' && i+1 < len(s) && ok(s[i+1]) {
					i += 2
				} else {
					break
				}
			}
			if i > 2 {
				return t, i
			}
		}
	}
	if intEnd > 0 {
		return chroma.LiteralNumberInteger, intEnd
	}
	return 0, 0
}

// stringStart recognises a string's prefix and opening quote and lexes
// the string.
func (l *pyLexer) stringStart() bool {
	s := l.rest()
	aff := 0
	for aff < 2 && aff < len(s) && strings.IndexByte("rRuUbBfF", s[aff]) >= 0 {
		aff++
	}
	for a := aff; a >= 0; a-- {
		if a >= len(s) || (s[a] != '"' && s[a] != '\'') {
			continue
		}
		prefix := strings.ToLower(s[:a])
		var raw, fmt, bytes bool
		switch prefix {
		case "":
		case "r":
			raw = true
		case "u":
		case "b":
			bytes = true
		case "rb", "br":
			raw, bytes = true, true
		case "f":
			fmt = true
		case "rf", "fr":
			raw, fmt = true, true
		default:
			continue
		}
		// A prefix must not be the end of a longer name ("xr'...'").
		if a > 0 && l.pos > 0 {
			if r, _ := utf8.DecodeLastRuneInString(l.src[:l.pos]); isIDContinue(r) {
				return false
			}
		}
		q := s[a : a+1]
		triple := strings.HasPrefix(s[a:], strings.Repeat(q, 3))
		t := chroma.LiteralStringDouble
		if q == "'" {
			t = chroma.LiteralStringSingle
		}
		l.take(chroma.LiteralStringAffix, a)
		if triple {
			l.take(t, 3)
			q = strings.Repeat(q, 3)
		} else {
			l.take(t, 1)
		}
		l.stringBody(t, q, raw, fmt, bytes)
		return true
	}
	return false
}

// stringBody lexes a string after its opening quote, up to and including
// the closing quote.
func (l *pyLexer) stringBody(t chroma.TokenType, q string, raw, fmtStr, bytes bool) {
	triple := len(q) == 3
	for l.pos < len(l.src) {
		s := l.rest()
		c := s[0]
		// Escapes: {{ and }} in f-strings, then backslash escapes unless
		// raw.
		if fmtStr && (strings.HasPrefix(s, "{{") || strings.HasPrefix(s, "}}")) {
			l.take(chroma.LiteralStringEscape, 2)
			continue
		}
		if c == '\\' && !raw {
			if n := pyEscape(s, bytes); n > 0 {
				l.take(chroma.LiteralStringEscape, n)
				continue
			}
		}
		if strings.HasPrefix(s, q) {
			l.take(t, len(q))
			return
		}
		if !triple && c == '\\' && len(s) > 1 && (s[1] == '\\' || s[1] == q[0] || s[1] == '\n') {
			l.take(chroma.LiteralStringEscape, 2)
			continue
		}
		if fmtStr {
			switch c {
			case '}':
				l.take(chroma.LiteralStringInterpol, 1)
				continue
			case '{':
				l.take(chroma.LiteralStringInterpol, 1)
				l.fstringExpr()
				if l.reset {
					return
				}
				continue
			}
		} else {
			if c == '%' {
				if n := pyPercentFormat(s); n > 0 {
					l.take(chroma.LiteralStringInterpol, n)
					continue
				}
			}
			if c == '{' {
				if n := pyBraceFormat(s); n > 0 {
					l.take(chroma.LiteralStringInterpol, n)
					continue
				}
			}
		}
		if c == '\n' {
			if triple {
				l.take(t, 1)
				continue
			}
			// No rule takes a newline in a one-line string: Pygments
			// then goes back to its root state, without an error.
			l.take(chroma.TextWhitespace, 1)
			l.reset = true
			return
		}
		// Plain text up to the next special character.
		stop := "\\'\"%{\n"
		if fmtStr {
			stop = "\\'\"{}\n"
		}
		i := 0
		for i < len(s) && strings.IndexByte(stop, s[i]) < 0 {
			i++
		}
		if i == 0 {
			i = 1
		}
		l.take(t, i)
	}
}

// pyEscape returns the length of a backslash escape at the start of s
// (Pygments' stringescape, or bytesescape for bytes).
func pyEscape(s string, bytes bool) int {
	if len(s) < 2 {
		return 0
	}
	hexn := func(i, n int) bool {
		if i+n > len(s) {
			return false
		}
		for _, c := range []byte(s[i : i+n]) {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
		return true
	}
	switch c := s[1]; {
	case !bytes && c == 'N' && len(s) > 2 && s[2] == '{':
		if end := strings.IndexByte(s[3:], '}'); end >= 0 && !strings.Contains(s[3:3+end], "\n") {
			return 3 + end + 1
		}
	case !bytes && c == 'u' && hexn(2, 4):
		return 6
	case !bytes && c == 'U' && hexn(2, 8):
		return 10
	}
	switch c := s[1]; {
	case strings.IndexByte("\\abfnrtv\"'\n", c) >= 0:
		return 2
	case c == 'x' && hexn(2, 2):
		return 4
	case c >= '0' && c <= '7':
		n := 2
		for n < 4 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
			n++
		}
		return n
	}
	return 0
}

// pyPercentFormat matches %-formatting:
// %(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsaux%]
func pyPercentFormat(s string) int {
	i := 1
	if i < len(s) && s[i] == '(' {
		j := i + 1
		for j < len(s) && wordAt(s, j) {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		if j > i+1 && j < len(s) && s[j] == ')' {
			i = j + 1
		}
	}
	for i < len(s) && strings.IndexByte("-#0 +", s[i]) >= 0 {
		i++
	}
	if i < len(s) && s[i] == '*' {
		i++
	} else {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		if j < len(s) && s[j] == '*' {
			i = j + 1
		} else {
			k := j
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k > j {
				i = k
			}
		}
	}
	if i < len(s) && strings.IndexByte("hlL", s[i]) >= 0 {
		i++
	}
	if i < len(s) {
		c := s[i]
		if c >= 'E' && c <= 'G' || c == 'X' || c >= 'c' && c <= 'g' || c == 'i' || c == 'o' || c == 'r' ||
			c == 's' || c == 'a' || c == 'u' || c == 'x' || c == '%' {
			return i + 1
		}
	}
	return 0
}

// pyBraceFormat matches a str.format field: {name.attr[key]!r:spec}.
func pyBraceFormat(s string) int {
	i := 1
	if n := wordRun(s[i:]); n > 0 {
		i += n
		for i < len(s) {
			if s[i] == '.' {
				if n := wordRun(s[i+1:]); n > 0 {
					i += 1 + n
					continue
				}
			}
			if s[i] == '[' {
				if end := strings.IndexByte(s[i+1:], ']'); end > 0 {
					i += end + 2
					continue
				}
			}
			break
		}
	}
	if i+1 < len(s) && s[i] == '!' && strings.IndexByte("sra", s[i+1]) >= 0 {
		i += 2
	}
	if i < len(s) && s[i] == ':' {
		i++
		// (.?[<>=\^])?
		if i+1 < len(s) && strings.IndexByte("<>=^", s[i+1]) >= 0 && s[i] != '}' {
			i += 2
		} else if i < len(s) && strings.IndexByte("<>=^", s[i]) >= 0 {
			i++
		}
		if i < len(s) && strings.IndexByte("-+ ", s[i]) >= 0 {
			i++
		}
		if i < len(s) && s[i] == '#' {
			i++
		}
		if i < len(s) && s[i] == '0' {
			i++
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s) && s[i] == ',' {
			i++
		}
		if i < len(s) && s[i] == '.' {
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j > i+1 {
				i = j
			}
		}
		if i < len(s) {
			c := s[i]
			if c >= 'E' && c <= 'G' || c == 'X' || c >= 'b' && c <= 'g' || c == 'n' || c == 'o' || c == 's' || c == 'x' || c == '%' {
				i++
			}
		}
	}
	if i < len(s) && s[i] == '}' {
		return i + 1
	}
	return 0
}

func wordRun(s string) int {
	i := 0
	for i < len(s) && wordAt(s, i) {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return i
}

// fstringExpr lexes the expression of an f-string replacement field after
// its "{", up to the "}" or ":" that ends it (Pygments'
// expr-inside-fstring).
func (l *pyLexer) fstringExpr() {
	depth := 0
	for l.pos < len(l.src) {
		s := l.rest()
		c := s[0]
		if depth == 0 {
			// (=\s*)?(\![sraf])?[}:]
			i := 0
			if c == '=' && !strings.HasPrefix(s, "==") {
				i = 1
				i += spaceLen(s[i:])
			}
			if i < len(s) && s[i] == '!' && i+1 < len(s) && strings.IndexByte("sraf", s[i+1]) >= 0 {
				i += 2
			}
			if i < len(s) && (s[i] == '}' || s[i] == ':') {
				l.take(chroma.LiteralStringInterpol, i+1)
				return
			}
		}
		switch {
		case strings.IndexByte("{([", c) >= 0:
			l.take(chroma.Punctuation, 1)
			depth++
			continue
		case depth > 0 && strings.IndexByte("])}", c) >= 0:
			l.take(chroma.Punctuation, 1)
			depth--
			continue
		case spaceLen(s) > 0:
			l.take(chroma.TextWhitespace, spaceLen(s))
			continue
		}
		if !l.expr() {
			l.fail()
		}
		if l.reset {
			return
		}
	}
}
