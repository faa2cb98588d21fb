package pygments

import (
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
)

// errNoLexer is panicked when the code needs a lexer this package does
// not have (a fenced block's language, say); lex turns it into
// ErrNoLexer.
var errNoLexer = ErrNoLexer

// callbacks are the lexer callbacks ported from Pygments, by the names
// gen_lexers.py gives them.
var callbacks map[string]func(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo)

func init() {
	callbacks = map[string]func(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo){
		"markdown.codeblock":                 markdownCodeblock,
		"rst.sourcecode":                     rstSourcecode,
		"yaml.something":                     yamlSomething,
		"yaml.reset_indent":                  yamlResetIndent,
		"yaml.save_indent":                   yamlSaveIndent,
		"yaml.set_indent":                    yamlSetIndent,
		"yaml.set_block_scalar_indent":       yamlSetBlockScalarIndent,
		"yaml.parse_block_scalar_empty_line": yamlParseBlockScalarEmptyLine,
		"yaml.parse_block_scalar_indent":     yamlParseBlockScalarIndent,
		"yaml.parse_plain_scalar_indent":     yamlParsePlainScalarIndent,
		"http.header":                        httpHeader,
		"http.continuous_header":             httpContinuousHeader,
		"http.content":                       httpContent,
		"bibtex.open_brace":                  bibtexOpenBrace,
		"bibtex.close_brace":                 bibtexCloseBrace,
	}
}

// lexerByName is get_lexer_by_name for a code block inside code: nil if
// Pygments has no lexer for the name; a Pygments lexer this package lacks
// ends the highlighting with ErrNoLexer.
func (t *tables) lexerByName(name string) lexer {
	if name == "" || directives.CheckLexer(name, "short") != nil {
		return nil
	}
	class, ok := t.Aliases[strings.ToLower(name)]
	if !ok {
		panic(errNoLexer)
	}
	return t.byClass(class)
}

func (mi matchInfo) mustGroup(n int) []rune {
	g, _ := mi.group(n)
	return g
}

// markdownCodeblock is MarkdownLexer._handle_codeblock: a fenced block
// lexed with its language's lexer.
func markdownCodeblock(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	ctx.out = append(ctx.out,
		tok{mi.groupStart(1), "Literal.String.Backtick", mi.mustGroup(1)},
		tok{mi.groupStart(2), "Literal.String.Backtick", mi.mustGroup(2)},
		tok{mi.groupStart(3), "Text", mi.mustGroup(3)})
	inner := lx.t.lexerByName(strings.TrimFunc(string(mi.mustGroup(2)), pyIsSpace))
	code := mi.mustGroup(4)
	if inner == nil {
		ctx.out = append(ctx.out, tok{mi.groupStart(4), "Literal.String", code})
	} else {
		ctx.out = append(ctx.out, inner.tokens(code)...)
	}
	ctx.out = append(ctx.out, tok{mi.groupStart(5), "Literal.String.Backtick", mi.mustGroup(5)})
}

// rstSourcecode is RstLexer._handle_sourcecode: a code directive's
// content lexed with its language's lexer.
func rstSourcecode(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	types := []TokenType{"Punctuation", "Text", "Operator.Word", "Punctuation", "Text", "Keyword", "Text"}
	for i, t := range types {
		ctx.out = append(ctx.out, tok{mi.groupStart(i + 1), t, mi.mustGroup(i + 1)})
	}
	inner := lx.t.lexerByName(strings.TrimFunc(string(mi.mustGroup(6)), pyIsSpace))
	indent := mi.mustGroup(8)
	code := append(append(append(append([]rune(nil), indent...), mi.mustGroup(9)...), mi.mustGroup(10)...), mi.mustGroup(11)...)
	if inner == nil {
		ctx.out = append(ctx.out, tok{mi.groupStart(8), "Literal.String", code})
		return
	}
	var ins []insertion
	var body []rune
	for _, line := range splitLinesKeepEnds(code) {
		if len(line) > len(indent) {
			ins = append(ins, insertion{len(body), []tok{{0, "Text", line[:len(indent)]}}})
			body = append(body, line[len(indent):]...)
		} else {
			body = append(body, line...)
		}
	}
	ctx.out = append(ctx.out, doInsertions(ins, inner.tokens(body))...)
}

// The YamlLexer callbacks, with YamlLexerContext's indentation fields in
// lexCtx.

func (ctx *lexCtx) popState() {
	if len(ctx.stack) == 0 {
		panic(errNoLexer) // IndexError in Pygments
	}
	ctx.stack = ctx.stack[:len(ctx.stack)-1]
}

func yamlSomething(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	if len(mi.text) == 0 {
		return
	}
	ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), mi.text})
	ctx.pos = mi.end()
}

func yamlResetIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	ctx.indentStack = nil
	ctx.indent = -1
	ctx.nextIndent = 0
	ctx.blockScalarIndent = -1
	ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), mi.text})
	ctx.pos = mi.end()
}

func yamlSaveIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	text := mi.text
	var extra []rune
	if a.boolArg("start") {
		ctx.nextIndent = len(text)
		if ctx.nextIndent < ctx.indent {
			for ctx.nextIndent < ctx.indent {
				if len(ctx.indentStack) == 0 {
					panic(errNoLexer)
				}
				ctx.indent = ctx.indentStack[len(ctx.indentStack)-1]
				ctx.indentStack = ctx.indentStack[:len(ctx.indentStack)-1]
			}
			if ctx.nextIndent > ctx.indent {
				extra = pySlice(text, ctx.indent, len(text))
				text = pySlice(text, 0, ctx.indent)
			}
		}
	} else {
		ctx.nextIndent += len(text)
	}
	tc := a.tokenArg("token_class")
	if len(text) > 0 {
		ctx.out = append(ctx.out, tok{mi.start, tc, text})
	}
	if len(extra) > 0 {
		ctx.out = append(ctx.out, tok{mi.start + len(text), tc + ".Error", extra})
	}
	ctx.pos = mi.end()
}

func yamlSetIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	if ctx.indent < ctx.nextIndent {
		ctx.indentStack = append(ctx.indentStack, ctx.indent)
		ctx.indent = ctx.nextIndent
	}
	if !a.boolArg("implicit") {
		ctx.nextIndent += len(mi.text)
	}
	ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), mi.text})
	ctx.pos = mi.end()
}

func yamlSetBlockScalarIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	ctx.blockScalarIndent = -1
	if len(mi.text) == 0 {
		return
	}
	if inc, _ := mi.group(1); len(inc) > 0 {
		n, err := strconv.Atoi(string(inc))
		if err != nil {
			panic(errNoLexer)
		}
		ctx.blockScalarIndent = max(ctx.indent, 0) + n
	}
	ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), mi.text})
	ctx.pos = mi.end()
}

func yamlParseBlockScalarEmptyLine(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	text := mi.text
	if ctx.blockScalarIndent < 0 || len(text) <= ctx.blockScalarIndent {
		if len(text) > 0 {
			ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("indent_token_class"), text})
		}
	} else {
		ctx.out = append(ctx.out,
			tok{mi.start, a.tokenArg("indent_token_class"), text[:ctx.blockScalarIndent]},
			tok{mi.start + ctx.blockScalarIndent, a.tokenArg("content_token_class"), text[ctx.blockScalarIndent:]})
	}
	ctx.pos = mi.end()
}

func yamlParseBlockScalarIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	text := mi.text
	if ctx.blockScalarIndent < 0 {
		if len(text) <= max(ctx.indent, 0) {
			ctx.popState()
			ctx.popState()
			return
		}
		ctx.blockScalarIndent = len(text)
	} else if len(text) < ctx.blockScalarIndent {
		ctx.popState()
		ctx.popState()
		return
	}
	if len(text) > 0 {
		ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), text})
		ctx.pos = mi.end()
	}
}

func yamlParsePlainScalarIndent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	text := mi.text
	if len(text) <= ctx.indent {
		ctx.popState()
		ctx.popState()
		return
	}
	if len(text) > 0 {
		ctx.out = append(ctx.out, tok{mi.start, a.tokenArg("token_class"), text})
		ctx.pos = mi.end()
	}
}

// HttpLexer's callbacks; the lexer's content_type is kept in lexCtx.

func httpHeader(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	if strings.ToLower(string(mi.mustGroup(1))) == "content-type" {
		ct := strings.TrimFunc(string(mi.mustGroup(5)), pyIsSpace)
		if i := strings.IndexByte(ct, ';'); i >= 0 {
			ct = strings.TrimFunc(ct[:i], pyIsSpace)
		}
		ctx.contentType = ct
	}
	types := []TokenType{"Name.Attribute", "Text", "Operator", "Text", "Literal", "Text"}
	for i, t := range types {
		ctx.out = append(ctx.out, tok{mi.groupStart(i + 1), t, mi.mustGroup(i + 1)})
	}
}

func httpContinuousHeader(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	types := []TokenType{"Text", "Literal", "Text"}
	for i, t := range types {
		ctx.out = append(ctx.out, tok{mi.groupStart(i + 1), t, mi.mustGroup(i + 1)})
	}
}

var generalMimetype = mustRegexp(`^(.*)/.*\+(.*)$`)

func httpContent(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	if ct := ctx.contentType; ct != "" {
		mimes := []string{ct}
		if strings.Contains(ct, "+") {
			// re.sub(r'^(.*)/.*\+(.*)$', r'\1/\2', content_type)
			if m := generalMimetype.match([]rune(ct), 0); m != nil && m.RuneLength == len([]rune(ct)) {
				g1, _ := matchInfo{m: m}.group(1)
				g2, _ := matchInfo{m: m}.group(2)
				mimes = append(mimes, string(g1)+"/"+string(g2))
			}
		}
		for _, mime := range mimes {
			class, ok := lx.t.Mimetypes[mime]
			if !ok {
				continue
			}
			if _, ported := lx.t.Lexers[class]; !ported {
				panic(errNoLexer)
			}
			for _, t := range lx.t.byClass(class).tokens(mi.text) {
				t.pos += mi.start
				ctx.out = append(ctx.out, t)
			}
			return
		}
	}
	ctx.out = append(ctx.out, tok{mi.start, "Text", mi.text})
}

// BibTeXLexer's callbacks, an ExtendedRegexLexer's.

func bibtexOpenBrace(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	ctx.openingBrace, ctx.hasOpeningBrace = string(mi.text), true
	ctx.out = append(ctx.out, tok{mi.start, "Punctuation", mi.text})
	ctx.pos = mi.end()
}

func bibtexCloseBrace(lx *regexLexer, ctx *lexCtx, a *action, mi matchInfo) {
	if !ctx.hasOpeningBrace {
		panic(errNoLexer) // AttributeError in Pygments
	}
	closing := string(mi.text)
	typ := TokenType("Punctuation")
	if ctx.openingBrace == "{" && closing != "}" || ctx.openingBrace == "(" && closing != ")" {
		typ = "Error"
	}
	ctx.out = append(ctx.out, tok{mi.start, typ, mi.text})
	ctx.openingBrace, ctx.hasOpeningBrace = "", false
	ctx.pos = mi.end()
}
