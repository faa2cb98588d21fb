package markdown

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/ast"
)

// The replacements and smartquotes extensions are markdown-it's
// typographer: core rules that rewrite the text tokens of each inline
// run. The renderer records a shadow of markdown-it's flat token list
// while it renders a block's inline content, and the rules then rewrite
// the text nodes that stand for text tokens.

// tokKind is the type of a markdown-it inline token, as the typographer
// tells them apart.
type tokKind uint8

const (
	tokText tokKind = iota
	tokSoftbreak
	tokHardbreak
	tokOpen // a container's opening token (link_open, em_open ...)
	tokClose
	tokOther // a token without text children (code, math, roles ...)
)

type typoToken struct {
	text  *doctree.Text
	other string
	level int
	typ   tokKind
	auto  bool // link_open/close of an autolink
}

func (t *typoToken) content() string {
	if t.text != nil {
		return t.text.Data
	}
	return t.other
}

func (r *renderer) typographer() bool {
	return r.cfg.Has(ExtReplacements) || r.cfg.Has(ExtSmartquotes)
}

// tok records a token while typography is collected.
func (r *renderer) tok(t typoToken) {
	if r.typo != nil {
		t.level = r.typoLevel
		*r.typo = append(*r.typo, t)
	}
}

// renderInlineContent renders the inline content of block n (an inline
// token) into the current node, then applies the typographer.
func (r *renderer) renderInlineContent(n ast.Node, line int) {
	r.line = line
	if !r.typographer() {
		r.renderInlines(n)
		return
	}
	// The rules only run when the raw text has what they rewrite; the
	// tokens are recorded only then, as most text has none of it.
	raw := r.inlineContent(n)
	scoped, rare, quotes := false, false, false
	if r.cfg.Has(ExtReplacements) {
		scoped = strings.Contains(raw, "(") && scopedAbbr.MatchString(raw)
		rare = hasRare(raw)
	}
	quotes = r.cfg.Has(ExtSmartquotes) && strings.ContainsAny(raw, `'"`)
	saved, savedLevel := r.typo, r.typoLevel
	r.typo, r.typoLevel = nil, 0
	if !scoped && !rare && !quotes {
		r.renderInlines(n)
		r.typo, r.typoLevel = saved, savedLevel
		return
	}
	toks := new([]typoToken)
	r.typo = toks
	r.renderInlines(n)
	r.typo, r.typoLevel = saved, savedLevel
	if scoped {
		replaceTokens(*toks, replaceScoped)
	}
	if rare {
		replaceTokens(*toks, replaceRare)
	}
	if quotes {
		smartquotes(*toks)
	}
}

var (
	scopedAbbr     = regexp.MustCompile(`(?i)\((c|tm|r|p)\)`)
	plusMinus      = regexp.MustCompile(`\+-`)
	ellipsis       = regexp.MustCompile(`\.{2,}`)
	ellipsisQE     = regexp.MustCompile(`([?!])…`)
	questionExcl   = regexp.MustCompile(`([?!]){4,}`)
	commaRE        = regexp.MustCompile(`,{2,}`)
	scopedAbbrRepl = map[string]string{"c": "©", "r": "®", "p": "§", "tm": "™"}
)

func replaceTokens(toks []typoToken, f func(string) string) {
	insideAutolink := 0
	for i := range toks {
		t := &toks[i]
		if t.typ == tokText && insideAutolink == 0 && t.text != nil {
			t.text.Data = f(t.text.Data)
		}
		if t.auto && t.typ == tokOpen {
			insideAutolink--
		}
		if t.auto && t.typ == tokClose {
			insideAutolink++
		}
	}
}

func replaceScoped(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	return scopedAbbr.ReplaceAllStringFunc(s, func(m string) string {
		return scopedAbbrRepl[strings.ToLower(m[1:len(m)-1])]
	})
}

// hasRare is rareRE.MatchString without the regular expression engine.
func hasRare(s string) bool {
	for _, p := range []string{"+-", "..", "????", "!!!!", ",,", "--"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func replaceRare(s string) string {
	if !hasRare(s) {
		return s
	}
	s = plusMinus.ReplaceAllString(s, "±")
	s = ellipsis.ReplaceAllString(s, "…")
	s = ellipsisQE.ReplaceAllString(s, "$1..")
	s = questionExcl.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(m[:1], 3) })
	s = commaRE.ReplaceAllString(s, ",")
	s = replaceDashes(s)
	return s
}

// replaceDashes is markdown-it's three dash substitutions, which use
// look-ahead that Go's regexp lacks.
func replaceDashes(s string) string {
	rs := []rune(s)
	isLineStart := func(i int) bool { return i == 0 || rs[i-1] == '\n' }
	isLineEnd := func(i int) bool { return i >= len(rs) || rs[i] == '\n' }
	// EM_DASH_RE: (^|[^-])---(?=[^-]|$)
	var out []rune
	for i := 0; i < len(rs); {
		if i+3 <= len(rs) && rs[i] == '-' && rs[i+1] == '-' && rs[i+2] == '-' &&
			(isLineStart(i) || rs[i-1] != '-') && (isLineEnd(i+3) || rs[i+3] != '-') {
			out = append(out, '\u2014')
			i += 3
			continue
		}
		out = append(out, rs[i])
		i++
	}
	rs = out
	// EN_DASH_RE: (^|\s)--(?=\s|$)
	out = nil
	for i := 0; i < len(rs); {
		if i+2 <= len(rs) && rs[i] == '-' && rs[i+1] == '-' &&
			(isLineStart(i) || unicode.IsSpace(rs[i-1])) && (isLineEnd(i+2) || unicode.IsSpace(rs[i+2])) {
			out = append(out, '\u2013')
			i += 2
			continue
		}
		out = append(out, rs[i])
		i++
	}
	rs = out
	// EN_DASH_INDENT_RE: (^|[^-\s])--(?=[^-\s]|$)
	out = nil
	for i := 0; i < len(rs); {
		if i+2 <= len(rs) && rs[i] == '-' && rs[i+1] == '-' &&
			(isLineStart(i) || (rs[i-1] != '-' && !unicode.IsSpace(rs[i-1]))) &&
			(isLineEnd(i+2) || (rs[i+2] != '-' && !unicode.IsSpace(rs[i+2]))) {
			out = append(out, '\u2013')
			i += 2
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return string(out)
}

// isMdASCIIPunct is markdown-it's isMdAsciiPunct.
func isMdASCIIPunct(r rune) bool {
	return r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
}

// isPunctChar is markdown-it's isPunctChar (Unicode punctuation).
func isPunctChar(r rune) bool { return unicode.IsPunct(r) }

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

type quoteItem struct {
	tok    int
	pos    int // rune index
	single bool
	level  int
}

// smartquotes is markdown-it's smartquotes core rule.
func smartquotes(toks []typoToken) {
	const quotes = "“”‘’"
	q := []rune(quotes)
	var stack []quoteItem
	for i := range toks {
		t := &toks[i]
		thisLevel := t.level
		j := len(stack) - 1
		for ; j >= 0; j-- {
			if stack[j].level <= thisLevel {
				break
			}
		}
		stack = stack[:j+1]
		if t.typ != tokText || t.text == nil {
			continue
		}
		text := []rune(t.text.Data)
		pos := 0
	outer:
		for pos < len(text) {
			idx := -1
			for k := pos; k < len(text); k++ {
				if text[k] == '\'' || text[k] == '"' {
					idx = k
					break
				}
			}
			if idx < 0 {
				break
			}
			canOpen, canClose := true, true
			pos = idx + 1
			isSingle := text[idx] == '\''
			lastChar := rune(0x20)
			if idx-1 >= 0 {
				lastChar = text[idx-1]
			} else {
				for k := i - 1; k >= 0; k-- {
					if toks[k].typ == tokSoftbreak || toks[k].typ == tokHardbreak {
						break
					}
					if c := toks[k].content(); c != "" {
						lastChar = lastRune(c)
						break
					}
				}
			}
			nextChar := rune(0x20)
			if pos < len(text) {
				nextChar = text[pos]
			} else {
				for k := i + 1; k < len(toks); k++ {
					if toks[k].typ == tokSoftbreak || toks[k].typ == tokHardbreak {
						break
					}
					if c := toks[k].content(); c != "" {
						nextChar = firstRune(c)
						break
					}
				}
			}
			isLastPunct := isMdASCIIPunct(lastChar) || isPunctChar(lastChar)
			isNextPunct := isMdASCIIPunct(nextChar) || isPunctChar(nextChar)
			isLastWS := isMdWhiteSpace(lastChar)
			isNextWS := isMdWhiteSpace(nextChar)
			if isNextWS {
				canOpen = false
			} else if isNextPunct && !(isLastWS || isLastPunct) {
				canOpen = false
			}
			if isLastWS {
				canClose = false
			} else if isLastPunct && !(isNextWS || isNextPunct) {
				canClose = false
			}
			if nextChar == '"' && text[idx] == '"' && lastChar >= '0' && lastChar <= '9' {
				canClose, canOpen = false, false
			}
			if canOpen && canClose {
				canOpen, canClose = isLastPunct, isNextPunct
			}
			if !canOpen && !canClose {
				if isSingle {
					text[idx] = '’'
				}
				continue
			}
			if canClose {
				for k := len(stack) - 1; k >= 0; k-- {
					item := stack[k]
					if item.level < thisLevel {
						break
					}
					if item.single == isSingle && item.level == thisLevel {
						open, cl := q[0], q[1]
						if isSingle {
							open, cl = q[2], q[3]
						}
						text[idx] = cl
						if item.tok == i {
							text[item.pos] = open
						} else {
							ot := []rune(toks[item.tok].text.Data)
							ot[item.pos] = open
							toks[item.tok].text.Data = string(ot)
						}
						stack = stack[:k]
						continue outer
					}
				}
			}
			if canOpen {
				t.text.Data = string(text)
				stack = append(stack, quoteItem{tok: i, pos: idx, single: isSingle, level: thisLevel})
			} else if canClose && isSingle {
				text[idx] = '’'
			}
		}
		t.text.Data = string(text)
	}
}
