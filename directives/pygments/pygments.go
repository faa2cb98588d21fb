// Package pygments splits code into classified tokens exactly as docutils'
// code_analyzer.Lexer does with Pygments: the code directive, the code
// role and MyST's highlighted code blocks print these tokens as inline
// elements whose classes name the token types.
//
// The lexers are Pygments' own: the regular-expression lexers' state
// tables are exported from the Pygments that the reference tools run (see
// gen_lexers.py and lexers.json) and run here by a port of RegexLexer's
// loop (and ExtendedRegexLexer's) on regexp2; the lexers Pygments writes
// by hand (console sessions, JSON, Makefile) are ported in custom.go and
// the Python callbacks some tables use (YAML's indentation, code blocks in
// Markdown and reST, HTTP bodies, BibTeX braces) in callbacks.go. A
// language Pygments knows but this package has no lexer for is reported
// with ErrNoLexer, so that callers can keep the code as one text.
package pygments

//go:generate /usr/bin/python3 gen_lexers.py

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/directives"
)

// Token is one piece of code with the classes docutils gives it; no
// classes means plain text.
type Token struct {
	Classes []string
	Value   string
}

// ErrNoLexer reports a language Pygments has a lexer for that this package
// does not run.
var ErrNoLexer = errors.New("pygments: no ported lexer for this language")

// TokenType is a Pygments token type as its dotted name without the
// leading "Token." ("Keyword.Namespace"); "" is Token itself.
type TokenType string

// Parent returns the parent type (Token's parent is Token).
func (t TokenType) Parent() TokenType {
	if i := strings.LastIndexByte(string(t), '.'); i >= 0 {
		return t[:i]
	}
	return ""
}

// tok is one token of get_tokens_unprocessed: the rune index where it
// starts, its type and its text.
type tok struct {
	pos int
	typ TokenType
	val []rune
}

// lexer is a Pygments lexer's get_tokens_unprocessed.
type lexer interface {
	tokens(text []rune) []tok
}

//go:embed lexers.json
var lexersJSON []byte

type tables struct {
	Pygments      string                     `json:"pygments"`
	StandardTypes map[string]string          `json:"standard_types"`
	Aliases       map[string]string          `json:"aliases"`
	Mimetypes     map[string]string          `json:"mimetypes"`
	Patterns      [][2]string                `json:"patterns"`
	Lexers        map[string]*regexLexerDef  `json:"lexers"`
	Data          map[string][]string        `json:"data"`
	Custom        customData                 `json:"custom"`
	sets          map[string]map[string]bool // Data as sets
	cache         map[string]lexer           // built lexers by class name
	patterns      []*pattern                 // compiled lazily
	mu            sync.Mutex
}

var (
	loadOnce sync.Once
	tab      *tables
)

func load() *tables {
	loadOnce.Do(func() {
		t := &tables{}
		if err := json.Unmarshal(lexersJSON, t); err != nil {
			panic("pygments: lexers.json: " + err.Error())
		}
		t.sets = map[string]map[string]bool{}
		for k, v := range t.Data {
			s := make(map[string]bool, len(v))
			for _, x := range v {
				s[x] = true
			}
			t.sets[k] = s
		}
		t.cache = map[string]lexer{}
		t.patterns = make([]*pattern, len(t.Patterns))
		for i, p := range t.Patterns {
			t.patterns[i] = &pattern{src: p[0], flags: p[1]}
		}
		tab = t
	})
	return tab
}

func (t *tables) custom() *customData { return &t.Custom }

// Version is the version of Pygments the lexers were exported from.
func Version() string { return load().Pygments }

// Supported reports whether language names a lexer this package runs.
func Supported(language string) bool {
	_, ok := load().Aliases[strings.ToLower(language)]
	return ok
}

// byClass returns the lexer of a Pygments lexer class.
func (t *tables) byClass(name string) lexer {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.byClassLocked(name)
}

func (t *tables) byClassLocked(name string) lexer {
	if lx, ok := t.cache[name]; ok {
		return lx
	}
	var lx lexer
	if custom, ok := customLexers[name]; ok {
		lx = custom(t)
	} else if def, ok := t.Lexers[name]; ok && def.States != nil {
		lx = newRegexLexer(t, name, def)
	} else {
		panic("pygments: no lexer " + name)
	}
	t.cache[name] = lx
	return lx
}

// Lex returns the tokens of get_tokens (after Pygments' input
// preprocessing), unmerged.
func lex(language, code string) (toks []tok, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r != errNoLexer {
				panic(r)
			}
			toks, err = nil, ErrNoLexer
		}
	}()
	t := load()
	name, ok := t.Aliases[strings.ToLower(language)]
	if !ok {
		return nil, ErrNoLexer
	}
	return t.byClass(name).tokens(preprocess(code)), nil
}

// preprocess is Lexer.get_tokens' preparation of the text with the default
// options: no BOM, newlines as "\n", leading and trailing newlines
// stripped (stripnl) and a final newline added (ensurenl).
func preprocess(code string) []rune {
	code = strings.TrimPrefix(code, "\ufeff")
	code = strings.ReplaceAll(code, "\r\n", "\n")
	code = strings.ReplaceAll(code, "\r", "\n")
	code = strings.Trim(code, "\n")
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return []rune(code)
}

// Tokens is docutils' code_analyzer.Lexer(code, language, tokennames):
// the code split into tokens of merged runs of one type, the final newline
// dropped, each with its classes ("long": the lower-cased parts of the
// type's name, "short": Pygments' CSS class; "none", or the language ""
// or "text": the whole code as one plain token). An unknown language is
// docutils' LexerError message; a language known to Pygments but not
// ported here is ErrNoLexer.
func Tokens(code, language, tokennames string) ([]Token, error) {
	if language == "" || language == "text" || tokennames == "none" {
		return []Token{{Value: code}}, nil
	}
	if err := directives.CheckLexer(language, tokennames); err != nil {
		return nil, err
	}
	toks, err := lex(language, code)
	if err != nil {
		return nil, err
	}
	var out []Token
	for _, m := range merge(toks) {
		out = append(out, Token{Classes: classes(m.typ, tokennames), Value: m.val})
	}
	return out, nil
}

type merged struct {
	typ TokenType
	val string
}

// merge is code_analyzer.Lexer.merge: runs of one type joined, the final
// newline stripped, an empty last token dropped.
func merge(toks []tok) []merged {
	var out []merged
	if len(toks) == 0 {
		return nil
	}
	lastType := toks[0].typ
	var last strings.Builder
	last.WriteString(string(toks[0].val))
	for _, t := range toks[1:] {
		if t.typ == lastType {
			last.WriteString(string(t.val))
			continue
		}
		out = append(out, merged{lastType, last.String()})
		lastType = t.typ
		last.Reset()
		last.WriteString(string(t.val))
	}
	lv := strings.TrimSuffix(last.String(), "\n")
	if lv != "" {
		out = append(out, merged{lastType, lv})
	}
	return out
}

// classes returns the classes docutils gives a token type, without the
// unstyled ones ("token", "text", "").
func classes(t TokenType, tokennames string) []string {
	var cls []string
	if tokennames == "long" {
		cls = strings.Split(strings.ToLower("token."+string(t)), ".")
	} else {
		cls = []string{shortName(t)}
	}
	out := cls[:0]
	for _, c := range cls {
		if c != "token" && c != "text" && c != "" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// shortName is Pygments' _get_ttype_class: the standard short name of the
// type or of its nearest standard ancestor followed by the last parts of
// the non-standard ones.
func shortName(t TokenType) string {
	std := load().StandardTypes
	if s, ok := std[string(t)]; ok {
		return s
	}
	suffix := ""
	for {
		i := strings.LastIndexByte(string(t), '.')
		suffix = "-" + string(t[i+1:]) + suffix
		if i < 0 {
			t = ""
		} else {
			t = t[:i]
		}
		if s, ok := std[string(t)]; ok {
			return s + suffix
		}
	}
}

// NumberLines is docutils' code_analyzer.NumberLines: a line-number token
// (class "ln", the number right-aligned to the width of endline and
// followed by a space) before the tokens of every line, the tokens split
// at newlines.
func NumberLines(tokens []Token, startline, endline int) []Token {
	width := len(strconv.Itoa(endline))
	lineno := startline
	ln := func() Token {
		return Token{Classes: []string{"ln"}, Value: fmt.Sprintf("%*d ", width, lineno)}
	}
	out := []Token{ln()}
	for _, t := range tokens {
		lines := strings.Split(t.Value, "\n")
		for _, l := range lines[:len(lines)-1] {
			out = append(out, Token{Classes: t.Classes, Value: l + "\n"})
			lineno++
			out = append(out, ln())
		}
		out = append(out, Token{Classes: t.Classes, Value: lines[len(lines)-1]})
	}
	return out
}
