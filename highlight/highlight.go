// Package highlight colours code blocks for HTML output with chroma, in the
// shape Sphinx gives them with Pygments: token spans carry Pygments' short
// class names ("k", "nf", "s2"...) and the colours live in a stylesheet
// (see CSS), never in style attributes, so a page can switch between light
// and dark styles and projects can restyle code with their own CSS.
//
// Language names are Pygments' lexer names and aliases as Sphinx projects
// use them (python3, pycon, console, none, default...). Python, Python
// console sessions and tracebacks, by far the most highlighted code, are
// lexed here by hand, rule for rule as Pygments 2.14 does (the same HTML,
// and the same lexing errors, which make "default" blocks fall back to
// plain text); other languages go through chroma, with its tokens shaped
// like Pygments' (blanks as Whitespace, prompts with their space). A name
// Pygments would not know is an error, as Sphinx reports it.
package highlight

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/docbuild/docbuild/directives"
)

// Options adjust one code block.
type Options struct {
	// LineNos numbers the lines, inline as Sphinx's default
	// html_codeblock_linenos_style writes them.
	LineNos bool
	// LineNoStart is the number of the first line; 0 means 1.
	LineNoStart int
	// HLLines are the lines to emphasise, counted from 1 within the block
	// (the code-block directive's emphasize-lines).
	HLLines []int
	// Force highlights even where the lexer reports an error, as Sphinx's
	// :force: option does.
	Force bool
}

// ErrUnknownLexer reports a language that no lexer, Pygments' or chroma's,
// knows; the code is written as plain text.
var ErrUnknownLexer = errors.New("unknown lexer")

// LexError reports code that the language's lexer could not tokenise
// cleanly; the code is written as plain text. Sphinx's message is
// `Could not lex literal_block as "LANG". Highlighting skipped.`.
type LexError struct{ Lang string }

func (e *LexError) Error() string {
	return fmt.Sprintf("Could not lex literal_block as %q. Highlighting skipped.", e.Lang)
}

// UnknownLexerError reports a language name no lexer knows. Sphinx's
// message is "Pygments lexer name 'LANG' is not known".
type UnknownLexerError struct{ Lang string }

func (e *UnknownLexerError) Error() string {
	return "Pygments lexer name " + pyRepr(e.Lang) + " is not known"
}

func (e *UnknownLexerError) Unwrap() error { return ErrUnknownLexer }

func pyRepr(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
}

// aliases maps Pygments names that chroma spells differently, or lacks, to
// the chroma lexer used in their place.
var aliases = map[string]string{
	"sh-session":         "console",
	"shell-session":      "console",
	"psql":               "postgres",
	"postgresql":         "postgres",
	"ipython":            "python",
	"ipython3":           "python",
	"python3":            "python",
	"py3":                "python",
	"numpy":              "python",
	"text":               "plaintext",
	"doscon":             "batch",
	"pwsh-session":       "powershell",
	"ps1con":             "powershell",
	"c-objdump":          "gas",
	"pypylog":            "plaintext",
	"pytb":               "pytb",
	"py3tb":              "pytb",
	"pycon":              "pycon",
	"pycon3":             "pycon",
	"python-console":     "pycon",
	"javascript+console": "javascript",
}

// plainNames are the names that mean "no highlighting".
var plainNames = map[string]bool{"none": true, "text": true, "plaintext": true, "": true}

// isPython reports a name Sphinx treats as Python, where a leading ">>>"
// switches to the console lexer.
func isPython(lang string) bool {
	switch lang {
	case "py", "python", "py3", "python3", "default":
		return true
	}
	return false
}

// kind is how a language is highlighted.
type kind int

const (
	kindPlain kind = iota
	kindChroma
	kindPycon
	kindPytb
	kindPython
)

type resolved struct {
	kind  kind
	lexer chroma.Lexer
	err   error
}

// Highlighter colours code. It is safe for concurrent use and caches the
// lexer of each language name.
type Highlighter struct {
	mu    sync.RWMutex
	cache map[string]resolved
}

// New returns a Highlighter.
func New() *Highlighter { return &Highlighter{cache: map[string]resolved{}} }

func (h *Highlighter) resolve(lang string) resolved {
	h.mu.RLock()
	r, ok := h.cache[lang]
	h.mu.RUnlock()
	if ok {
		return r
	}
	r = resolveLang(lang)
	h.mu.Lock()
	h.cache[lang] = r
	h.mu.Unlock()
	return r
}

func resolveLang(lang string) resolved {
	l := strings.ToLower(lang)
	if plainNames[l] {
		return resolved{kind: kindPlain}
	}
	name := l
	if a, ok := aliases[l]; ok {
		name = a
	}
	switch name {
	case "pycon":
		return resolved{kind: kindPycon}
	case "pytb":
		return resolved{kind: kindPytb}
	case "plaintext":
		return resolved{kind: kindPlain}
	case "python", "py", "python3", "py3", "sage":
		return resolved{kind: kindPython}
	}
	if lx := lexers.Get(name); lx != nil && lx != lexers.Fallback {
		return resolved{kind: kindChroma, lexer: chroma.Coalesce(lx)}
	}
	if directives.CheckLexer(l, "long") == nil {
		// Pygments knows it, chroma does not: plain text, no warning,
		// since the project is right and only the colours are missing.
		return resolved{kind: kindPlain}
	}
	return resolved{kind: kindPlain, err: &UnknownLexerError{Lang: lang}}
}

// Block highlights code written in lang and returns Pygments' HTML for
// it: <div class="highlight"><pre>…</pre></div> plus a newline. The
// caller wraps it in <div class="highlight-LANG notranslate">. The
// language "default" is Python 3 that silently falls back to plain text;
// any other language that fails to lex is written as plain text with a
// *LexError, and an unknown one with an *UnknownLexerError.
func (h *Highlighter) Block(code, lang string, opts Options) (string, error) {
	toks, err := h.Tokens(code, lang, opts.Force)
	return formatBlock(toks, opts), err
}

// Tokens splits code into tokens of lang, following Sphinx's rules for
// choosing and falling back (see Block).
func (h *Highlighter) Tokens(code, lang string, force bool) ([]chroma.Token, error) {
	// Pygments' lexers drop leading and trailing newlines (stripnl) and
	// end the text with one (ensurenl).
	code = strings.Trim(code, "\n") + "\n"
	name := lang
	if isPython(lang) {
		if strings.HasPrefix(code, ">>>") {
			name = "pycon"
		} else {
			name = "python"
		}
	}
	r := h.resolve(name)
	var toks []chroma.Token
	var failed bool
	switch r.kind {
	case kindPlain:
		return plain(code), r.err
	case kindChroma:
		// chroma's lexers are not Pygments': where they stumble, Pygments
		// usually does not, so their errors are shown as plain text
		// rather than reported.
		toks, _ = lex(r.lexer, code)
		toks = pygmentsShape(toks)
	case kindPython:
		toks, failed = lexPython(code)
	case kindPycon:
		toks, failed = lexPycon(code)
	case kindPytb:
		toks, failed = lexTraceback(code)
	}
	if failed && !force {
		if lang == "default" {
			return plain(code), nil
		}
		return plain(code), &LexError{Lang: lang}
	}
	return toks, nil
}

// pygmentsShape brings chroma's tokens closer to Pygments' for the same
// language: errors are shown as plain text (where chroma stumbles,
// Pygments usually does not), blanks between tokens are Whitespace as
// Pygments' lexers (but its Python lexer) emit them, and a shell prompt
// takes the space after it, as Pygments' session lexers do.
func pygmentsShape(toks []chroma.Token) []chroma.Token {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Type == chroma.Error {
			t.Type = chroma.Text
		}
		if t.Type != chroma.Text {
			out = append(out, t)
			continue
		}
		// Split plain text into words and the blanks between them.
		v := t.Value
		for v != "" {
			i := 0
			blank := v[0] == ' ' || v[0] == '\t' || v[0] == '\n'
			for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n') == blank {
				i++
			}
			typ := chroma.Text
			if blank {
				typ = chroma.TextWhitespace
			}
			out = append(out, chroma.Token{Type: typ, Value: v[:i]})
			v = v[i:]
		}
	}
	toks = out
	for i := 0; i+1 < len(toks); i++ {
		p, next := &toks[i], &toks[i+1]
		if p.Type == chroma.GenericPrompt && !strings.HasSuffix(p.Value, " ") && strings.HasPrefix(next.Value, " ") {
			p.Value += " "
			next.Value = next.Value[1:]
		}
	}
	return toks
}

func plain(code string) []chroma.Token {
	return []chroma.Token{{Type: chroma.Text, Value: code}}
}

// lex tokenises code, reporting whether the lexer met text it could not
// match (Pygments' raiseonerror filter).
func lex(lx chroma.Lexer, code string) (toks []chroma.Token, failed bool) {
	it, err := lx.Tokenise(&chroma.TokeniseOptions{State: "root", EnsureLF: true}, code)
	if err != nil {
		return nil, true
	}
	for t := it(); t != chroma.EOF; t = it() {
		if t.Type == chroma.Error {
			failed = true
		}
		toks = append(toks, t)
	}
	return toks, failed
}

// lexPycon splits an interactive Python session as Pygments'
// PythonConsoleLexer: prompts, the code after them (lexed as Python, one
// statement at a time), output lines and tracebacks.
func lexPycon(code string) ([]chroma.Token, bool) {
	var out []chroma.Token
	var buf strings.Builder
	var prompts []string // the prompt of each line of buf
	failed := false
	var tb strings.Builder
	inTB := false
	flushCode := func() {
		if buf.Len() == 0 {
			return
		}
		toks, f := lexPython(buf.String())
		failed = failed || f
		for i, line := range splitTokenLines(toks) {
			if i < len(prompts) {
				out = append(out, chroma.Token{Type: chroma.GenericPrompt, Value: prompts[i]})
			}
			out = append(out, line...)
		}
		buf.Reset()
		prompts = prompts[:0]
	}
	flushTB := func() {
		if tb.Len() == 0 {
			return
		}
		toks, f := lexTraceback(tb.String())
		failed = failed || f
		out = append(out, toks...)
		tb.Reset()
	}
	for _, line := range strings.SplitAfter(code, "\n") {
		if line == "" {
			continue
		}
		switch {
		case strings.HasPrefix(line, ">>> ") || strings.HasPrefix(line, "... "):
			inTB = false
			prompts = append(prompts, line[:4])
			buf.WriteString(line[4:])
		case strings.TrimRight(line, " \t\n\r\f\v") == "..." && !inTB:
			prompts = append(prompts, "...")
			buf.WriteString(line[3:])
		default:
			flushCode()
			switch {
			case strings.HasPrefix(line, "Traceback (most recent call last):") || tbFileOnly.MatchString(line):
				inTB = true
				flushTB()
				tb.WriteString(line)
			case line == "KeyboardInterrupt\n":
				out = append(out, lineTokens(chroma.NameClass, line)...)
			case inTB:
				tb.WriteString(line)
				if !(strings.HasPrefix(line, " ") || strings.TrimSpace(line) == "...") {
					inTB = false
					flushTB()
				}
			default:
				out = append(out, lineTokens(chroma.GenericOutput, line)...)
			}
		}
	}
	flushCode()
	flushTB()
	return out, failed
}

var (
	tbFileOnly  = regexp.MustCompile(`^  File "[^"]+", line \d+\n$`)
	tbHeader    = regexp.MustCompile(`^Traceback \(most recent call last\):\n`)
	tbChained   = regexp.MustCompile(`^(During handling of the above exception, another exception occurred:\n\n|The above exception was the direct cause of the following exception:\n\n)`)
	tbFileStart = regexp.MustCompile(`^  File "[^"]+", line \d+`)
	tbLine      = regexp.MustCompile(`^.*\n`)
	tbFileIn    = regexp.MustCompile(`^(  File )("[^"]+")(, line )(\d+)(, in )(.+)(\n)`)
	tbFile      = regexp.MustCompile(`^(  File )("[^"]+")(, line )(\d+)(\n)`)
	tbSource    = regexp.MustCompile(`^(    )(.+)(\n)`)
	tbEllipsis  = regexp.MustCompile(`^([ \t]*)(\.\.\.)(\n)`)
	tbError     = regexp.MustCompile(`^([^:]+)(: )(.+)(\n)`)
	tbErrorName = regexp.MustCompile(`^([a-zA-Z_][\w.]*)(:?\n)`)
	tbMarker    = regexp.MustCompile(`^( {4,})([~^]+)(\n)`)
)

// punctuationMarker is Pygments' Punctuation.Marker, which chroma lacks.
const punctuationMarker = chroma.Punctuation + 1

// lexTraceback highlights a Python traceback as Pygments'
// PythonTracebackLexer, rule by rule: the header, the frame lines, the
// quoted source lines (as Python), their markers, and the exception line
// (whose name part may run over several lines, as Pygments' [^:]+ does).
func lexTraceback(code string) ([]chroma.Token, bool) {
	var out []chroma.Token
	failed := false
	emit := func(t chroma.TokenType, v string) {
		if v != "" {
			out = append(out, chroma.Token{Type: t, Value: v})
		}
	}
	pos := 0
	// match tries a rule at the current position, which must be at the
	// start of a line (the rules' "^"), and emits its groups.
	match := func(re *regexp.Regexp, types ...chroma.TokenType) bool {
		if pos > 0 && code[pos-1] != '\n' {
			return false
		}
		m := re.FindStringSubmatch(code[pos:])
		if m == nil {
			return false
		}
		if len(types) == 1 && len(m) == 1 {
			emit(types[0], m[0])
		}
		for i, t := range types {
			if i+1 < len(m) {
				emit(t, m[i+1])
			}
		}
		pos += len(m[0])
		return true
	}
	state := "root"
	for pos < len(code) {
		switch state {
		case "root":
			switch {
			case code[pos] == '\n':
				emit(chroma.TextWhitespace, "\n")
				pos++
			case match(tbHeader, chroma.GenericTraceback):
				state = "intb"
			case match(tbChained, chroma.GenericTraceback):
			case (pos == 0 || code[pos-1] == '\n') && tbFileStart.MatchString(code[pos:]):
				state = "intb"
			case match(tbLine, chroma.Other):
			default:
				failed = true
				emit(chroma.Error, code[pos:pos+1])
				pos++
			}
		case "markers":
			state = "intb"
			match(tbMarker, chroma.TextWhitespace, punctuationMarker, chroma.TextWhitespace)
		case "intb":
			switch {
			case match(tbFileIn, chroma.Text, chroma.NameBuiltin, chroma.Text, chroma.LiteralNumber, chroma.Text, chroma.Name, chroma.TextWhitespace):
			case match(tbFile, chroma.Text, chroma.NameBuiltin, chroma.Text, chroma.LiteralNumber, chroma.TextWhitespace):
			case (pos == 0 || code[pos-1] == '\n') && tbSource.MatchString(code[pos:]):
				m := tbSource.FindStringSubmatch(code[pos:])
				emit(chroma.TextWhitespace, m[1])
				toks, f := lexPythonFragment(m[2])
				failed = failed || f
				out = append(out, toks...)
				emit(chroma.TextWhitespace, m[3])
				pos += len(m[0])
				state = "markers"
			case match(tbEllipsis, chroma.TextWhitespace, chroma.Comment, chroma.TextWhitespace):
			case match(tbError, chroma.GenericError, chroma.Text, chroma.Name, chroma.TextWhitespace):
				state = "root"
			case match(tbErrorName, chroma.GenericError, chroma.TextWhitespace):
				state = "root"
			case code[pos] == '\n':
				// No rule takes it: back to the root state.
				emit(chroma.TextWhitespace, "\n")
				pos++
				state = "root"
			default:
				failed = true
				emit(chroma.Error, code[pos:pos+1])
				pos++
			}
		}
	}
	return out, failed
}

// lexPythonFragment lexes Python without the trailing newline a whole
// block gets (Pygments' using(PythonLexer) on a part of a line).
func lexPythonFragment(code string) ([]chroma.Token, bool) {
	return lexPython(code)
}

// lineTokens is one line as a token of type t, its newline outside.
func lineTokens(t chroma.TokenType, line string) []chroma.Token {
	if strings.HasSuffix(line, "\n") {
		return []chroma.Token{{Type: t, Value: line[:len(line)-1]}, {Type: chroma.Text, Value: "\n"}}
	}
	return []chroma.Token{{Type: t, Value: line}}
}

// splitTokenLines groups tokens by line, splitting tokens at newlines; each
// line keeps its newline.
func splitTokenLines(toks []chroma.Token) [][]chroma.Token {
	var lines [][]chroma.Token
	var cur []chroma.Token
	for _, t := range toks {
		v := t.Value
		for {
			i := strings.IndexByte(v, '\n')
			if i < 0 {
				if v != "" {
					cur = append(cur, chroma.Token{Type: t.Type, Value: v})
				}
				break
			}
			if i > 0 {
				cur = append(cur, chroma.Token{Type: t.Type, Value: v[:i]})
			}
			cur = append(cur, chroma.Token{Type: chroma.Text, Value: "\n"})
			lines = append(lines, cur)
			cur = nil
			v = v[i+1:]
		}
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// Class returns Pygments' CSS class for a token type: its own short name,
// or the nearest ancestor's.
func Class(t chroma.TokenType) string {
	if c, ok := classCache[t]; ok {
		return c
	}
	return classOf(t)
}

// classCache holds the class of every standard type and its subtypes.
var classCache = func() map[chroma.TokenType]string {
	m := map[chroma.TokenType]string{}
	for t := range chroma.StandardTypes {
		m[t] = classOf(t)
	}
	m[punctuationMarker] = "pm"
	return m
}()

func classOf(t chroma.TokenType) string {
	for {
		if c, ok := chroma.StandardTypes[t]; ok {
			return c
		}
		p := t.Parent()
		if p == t || p == 0 {
			return ""
		}
		t = p
	}
}

// formatBlock writes tokens as Pygments' HtmlFormatter does with Sphinx's
// options: spans of one class merged within a line and closed at its
// end, inline line numbers, emphasised lines wrapped in span.hll.
func formatBlock(toks []chroma.Token, opts Options) string {
	size := 0
	lines := 0
	for _, t := range toks {
		size += len(t.Value)
		lines += strings.Count(t.Value, "\n")
	}
	var b strings.Builder
	b.Grow(size*6 + 64)
	b.WriteString(`<div class="highlight"><pre><span></span>`)
	var hl []bool
	if len(opts.HLLines) > 0 {
		hl = make([]bool, lines+2)
		for _, n := range opts.HLLines {
			if n > 0 && n < len(hl) {
				hl[n] = true
			}
		}
	}
	start := opts.LineNoStart
	if start == 0 {
		start = 1
	}
	width := len(strconv.Itoa(start + lines - 1))
	line := 0
	atStart := true
	open := ""
	beginLine := func() {
		line++
		atStart = false
		if hl != nil && hl[line] {
			b.WriteString(`<span class="hll">`)
		}
		if opts.LineNos {
			n := strconv.Itoa(start + line - 1)
			b.WriteString(`<span class="linenos">`)
			for i := len(n); i < width; i++ {
				b.WriteByte(' ')
			}
			b.WriteString(n)
			b.WriteString(`</span>`)
		}
	}
	for _, t := range toks {
		cls := Class(t.Type)
		v := t.Value
		for v != "" {
			if atStart {
				beginLine()
			}
			part := v
			nl := strings.IndexByte(v, '\n')
			if nl >= 0 {
				part = v[:nl]
			}
			if part != "" {
				if cls != open {
					if open != "" {
						b.WriteString("</span>")
					}
					if cls != "" {
						b.WriteString(`<span class="`)
						b.WriteString(cls)
						b.WriteString(`">`)
					}
					open = cls
				}
				escape(&b, part)
			}
			if nl < 0 {
				break
			}
			if open != "" {
				b.WriteString("</span>")
				open = ""
			}
			b.WriteByte('\n')
			if hl != nil && hl[line] {
				b.WriteString("</span>")
			}
			atStart = true
			v = v[nl+1:]
		}
	}
	if open != "" {
		b.WriteString("</span>")
	}
	b.WriteString("</pre></div>\n")
	return b.String()
}

// writeTokens writes the tokens of one line, merging neighbours of the
// same class.
func writeTokens(b *strings.Builder, toks []chroma.Token) {
	for i := 0; i < len(toks); {
		cls := Class(toks[i].Type)
		if toks[i].Value == "\n" {
			cls = ""
		}
		j := i + 1
		for j < len(toks) && toks[j].Value != "\n" && Class(toks[j].Type) == cls {
			j++
		}
		if cls != "" {
			b.WriteString(`<span class="`)
			b.WriteString(cls)
			b.WriteString(`">`)
		}
		for _, t := range toks[i:j] {
			escape(b, t.Value)
		}
		if cls != "" {
			b.WriteString("</span>")
		}
		i = j
	}
}

// Inline highlights code for the code role with a language: the token
// spans only, without pre or wrapper, for Sphinx's
// <code class="code highlight LANG docutils literal">. Failures give the
// escaped text.
func (h *Highlighter) Inline(code, lang string) string {
	toks, err := h.Tokens(code, lang, false)
	var b strings.Builder
	if err != nil {
		escape(&b, code)
		return b.String()
	}
	lines := splitTokenLines(toks)
	for _, l := range lines {
		writeTokens(&b, l)
	}
	s := b.String()
	if !strings.HasSuffix(code, "\n") {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

// escape writes s escaped as Pygments escapes HTML.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '&':
			r = "&amp;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '"':
			r = "&quot;"
		case '\'':
			r = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}
