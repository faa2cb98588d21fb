package body

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/pygments"
	"github.com/docbuild/docbuild/doctree"
)

// token is one piece of a code block: text and the classes of the inline
// element that holds it (none: plain text).
type token struct {
	classes []string
	value   string
}

// runCode is docutils' CodeBlock.run: the code split into tokens by
// Pygments' lexer for the language (package pygments), with line numbers
// if asked. A language Pygments does not know is a warning, or plain text
// when warnings are not reported; a language Pygments knows but docbuild
// has no lexer for is kept as one text.
func runCode(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	language := ""
	if len(c.Arguments) > 0 {
		language = c.Arguments[0]
	}
	classes := []string{"code"}
	if language != "" {
		classes = append(classes, language)
	}
	classes = append(classes, classOption(c.Options)...)

	code := c.Content.Text()
	tokens, err := codeTokens(code, language, c.Host.Document().Settings)
	if err != nil {
		return nil, c.Warningf("%s", err.Error())
	}
	if v, ok := c.Options["number-lines"]; ok {
		// optional start line, 1 by default; Python's int has no size
		// limit, so neither has this one
		start := big.NewInt(1)
		if s, _ := v.(string); s != "" {
			n, err := directives.PyInt(s, false)
			switch {
			case err == nil:
				start.SetInt64(int64(n))
			case !bigInt(start, s):
				return nil, c.Errorf(":number-lines: with non-integer start value")
			}
		}
		end := new(big.Int).Add(start, big.NewInt(int64(c.Content.Len())))
		tokens = numberLines(tokens, start, end)
	}

	node := doctree.NewElement(doctree.TagLiteralBlock)
	node.RawSource = code
	node.Classes = classes
	c.AddName(node)
	if src, ok := c.Options["source"]; ok {
		// set by the include directive's "code" option
		node.Set("source", src)
	}
	for _, t := range tokens {
		if len(t.classes) > 0 {
			in := doctree.NewTextElement(doctree.TagInline, t.value, t.value)
			in.Classes = t.classes
			node.Append(in)
		} else {
			node.Append(doctree.NewText(t.value))
		}
	}
	return []doctree.Node{node}, nil
}

// codeTokens is code_analyzer.Lexer(code, language, syntax_highlight) as
// CodeBlock.run calls it: with report_level above 2 an unknown language
// gives the code unhighlighted rather than the error.
func codeTokens(code, language string, s *doctree.Settings) ([]token, error) {
	toks, err := pygments.Tokens(code, language, s.SyntaxHighlight)
	switch {
	case err == pygments.ErrNoLexer:
		return []token{{value: code}}, nil
	case err != nil && s.ReportLevel > 2:
		return []token{{value: code}}, nil
	case err != nil:
		return nil, err
	}
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = token{classes: t.Classes, value: t.Value}
	}
	return out, nil
}

// numberLines puts a line-number token ("ln") before every code line, as
// docutils' NumberLines; the numbers are right-aligned to the width of
// endline.
func numberLines(tokens []token, start, endline *big.Int) []token {
	width := len(endline.String())
	lineno := new(big.Int).Set(start)
	one := big.NewInt(1)
	ln := func() token {
		return token{classes: []string{"ln"}, value: fmt.Sprintf("%*s ", width, lineno.String())}
	}
	out := []token{ln()}
	for _, t := range tokens {
		lines := strings.Split(t.value, "\n")
		for _, line := range lines[:len(lines)-1] {
			out = append(out, token{classes: t.classes, value: line + "\n"})
			lineno.Add(lineno, one)
			out = append(out, ln())
		}
		out = append(out, token{classes: t.classes, value: lines[len(lines)-1]})
	}
	return out
}

// bigInt parses an integer too large for PyInt into z, accepting what
// Python's int() accepts for ASCII digits.
func bigInt(z *big.Int, s string) bool {
	s = doctree.TrimSpace(s)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
		return false
	}
	for _, r := range digits {
		if (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	_, ok := z.SetString(s[:len(s)-len(digits)]+strings.ReplaceAll(digits, "_", ""), 10)
	return ok
}
