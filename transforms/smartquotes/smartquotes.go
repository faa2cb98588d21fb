// Package smartquotes ports docutils 0.19's docutils.utils.smartquotes
// (after SmartyPants): it replaces ASCII quotes, dashes and ellipses in
// runs of text by their typographic forms, language by language.
package smartquotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is a language's quotation marks: primary open and close,
// secondary open and close.
type Quote [4]string

// The typographic characters that do not depend on the language.
const (
	EnDash     = "\u2013"
	EmDash     = "\u2014"
	Ellipsis   = "\u2026"
	Apostrophe = "\u2019"
)

// DefaultQuotes returns a fresh copy of docutils' quotation marks by
// language tag (smartchars.quotes); callers may add locales to it.
func DefaultQuotes() map[string]Quote {
	m := make(map[string]Quote, len(defaultQuotes))
	for k, v := range defaultQuotes {
		m[k] = v
	}
	return m
}

// ParseQuote reads a quote definition as the smartquotes_locales setting
// gives it: four characters, or four strings separated by colons.
func ParseQuote(s string) (Quote, bool) {
	if parts := strings.Split(s, ":"); len(parts) == 4 {
		return Quote{parts[0], parts[1], parts[2], parts[3]}, true
	}
	if utf8.RuneCountInString(s) != 4 {
		return Quote{}, false
	}
	var q Quote
	i := 0
	for _, r := range s {
		q[i] = string(r)
		i++
	}
	return q, true
}

func q4(s string) Quote {
	q, _ := ParseQuote(s)
	return q
}

var defaultQuotes = map[string]Quote{
	"af":              q4("“”‘’"),
	"af-x-altquot":    q4("„”‚’"),
	"bg":              q4("„“‚‘"),
	"ca":              q4("«»“”"),
	"ca-x-altquot":    q4("“”‘’"),
	"cs":              q4("„“‚‘"),
	"cs-x-altquot":    q4("»«›‹"),
	"da":              q4("»«›‹"),
	"da-x-altquot":    q4("„“‚‘"),
	"de":              q4("„“‚‘"),
	"de-x-altquot":    q4("»«›‹"),
	"de-ch":           q4("«»‹›"),
	"el":              q4("«»“”"),
	"en":              q4("“”‘’"),
	"en-uk-x-altquot": q4("‘’“”"),
	"eo":              q4("“”‘’"),
	"es":              q4("«»“”"),
	"es-x-altquot":    q4("“”‘’"),
	"et":              q4("„“‚‘"),
	"et-x-altquot":    q4("«»‹›"),
	"eu":              q4("«»‹›"),
	"fi":              q4("””’’"),
	"fi-x-altquot":    q4("»»››"),
	"fr":              {"«\u00a0", "\u00a0»", "“", "”"},
	"fr-x-altquot":    {"«\u202f", "\u202f»", "“", "”"},
	"fr-ch":           q4("«»‹›"),
	"fr-ch-x-altquot": {"«\u202f", "\u202f»", "‹\u202f", "\u202f›"},
	"gl":              q4("«»“”"),
	"he":              q4("”“»«"),
	"he-x-altquot":    q4("„”‚’"),
	"hr":              q4("„”‘’"),
	"hr-x-altquot":    q4("»«›‹"),
	"hsb":             q4("„“‚‘"),
	"hsb-x-altquot":   q4("»«›‹"),
	"hu":              q4("„”«»"),
	"is":              q4("„“‚‘"),
	"it":              q4("«»“”"),
	"it-ch":           q4("«»‹›"),
	"it-x-altquot":    q4("“”‘’"),
	"ja":              q4("「」『』"),
	"ko":              q4("“”‘’"),
	"lt":              q4("„“‚‘"),
	"lv":              q4("„“‚‘"),
	"mk":              q4("„“‚‘"),
	"nl":              q4("“”‘’"),
	"nl-x-altquot":    q4("„”‚’"),
	"nb":              q4("«»’’"),
	"nn":              q4("«»’’"),
	"nn-x-altquot":    q4("«»‘’"),
	"no":              q4("«»’’"),
	"no-x-altquot":    q4("«»‘’"),
	"pl":              q4("„”«»"),
	"pl-x-altquot":    q4("«»‚’"),
	"pt":              q4("«»“”"),
	"pt-br":           q4("“”‘’"),
	"ro":              q4("„”«»"),
	"ru":              q4("«»„“"),
	"sh":              q4("„”‚’"),
	"sh-x-altquot":    q4("»«›‹"),
	"sk":              q4("„“‚‘"),
	"sk-x-altquot":    q4("»«›‹"),
	"sl":              q4("„“‚‘"),
	"sl-x-altquot":    q4("»«›‹"),
	"sq":              q4("«»‹›"),
	"sq-x-altquot":    q4("“„‘‚"),
	"sr":              q4("„”’’"),
	"sr-x-altquot":    q4("»«›‹"),
	"sv":              q4("””’’"),
	"sv-x-altquot":    q4("»»››"),
	"tr":              q4("“”‘’"),
	"tr-x-altquot":    q4("«»‹›"),
	"uk":              q4("«»„“"),
	"uk-x-altquot":    q4("„“‚‘"),
	"zh-cn":           q4("“”‘’"),
	"zh-tw":           q4("「」『』"),
}

// Token is a run of text to educate; Literal runs are passed through but
// give context to the next run.
type Token struct {
	Literal bool
	Text    string
}

// Educator educates tokens for one language with the given quote table.
type Educator struct {
	// Attr selects the transformations as SmartyPants' attribute string:
	// "1" (all), "2", "3", "-1" (stupefy), or letters among q, b, B, d, D,
	// i, e, w. Docutils uses "qDe".
	Attr     string
	Language string
	Quotes   map[string]Quote
}

// chars returns the quote characters for the language (docutils'
// smartchars), ASCII quotes when it has none.
func (e *Educator) chars() Quote {
	if q, ok := e.Quotes[strings.ToLower(e.Language)]; ok {
		return q
	}
	return Quote{`"`, `"`, "'", "'"}
}

// Educate returns the educated text of each token, in order
// (educate_tokens).
func (e *Educator) Educate(tokens []Token) []string {
	var convertQuot, doBackticks, doQuotes, doEllipses, doStupefy bool
	backticks2 := false
	doDashes := 0
	switch e.Attr {
	case "0":
	case "1":
		doQuotes, doBackticks, doDashes, doEllipses = true, true, 1, true
	case "2":
		doQuotes, doBackticks, doDashes, doEllipses = true, true, 2, true
	case "3":
		doQuotes, doBackticks, doDashes, doEllipses = true, true, 3, true
	case "-1":
		doStupefy = true
	default:
		a := e.Attr
		doQuotes = strings.Contains(a, "q")
		doBackticks = strings.Contains(a, "b")
		if strings.Contains(a, "B") {
			doBackticks, backticks2 = true, true
		}
		if strings.Contains(a, "d") {
			doDashes = 1
		}
		if strings.Contains(a, "D") {
			doDashes = 2
		}
		if strings.Contains(a, "i") {
			doDashes = 3
		}
		doEllipses = strings.Contains(a, "e")
		convertQuot = strings.Contains(a, "w")
	}
	q := e.chars()
	prevLast := " "
	out := make([]string, 0, len(tokens))
	for _, tok := range tokens {
		text := tok.Text
		if text == "" {
			out = append(out, text)
			continue
		}
		if tok.Literal {
			prevLast = lastChar(text)
			out = append(out, text)
			continue
		}
		last := lastChar(text)
		if !doStupefy && strings.IndexAny(text, "\\\"'-.`&") < 0 {
			// Nothing here that any educating step changes: no quote,
			// dash, dot, backtick, entity or escape.
			prevLast = last
			out = append(out, text)
			continue
		}
		text = processEscapes(text, false)
		if convertQuot {
			text = strings.ReplaceAll(text, "&quot;", `"`)
		}
		switch doDashes {
		case 1, 3:
			text = strings.ReplaceAll(text, "---", EnDash)
			text = strings.ReplaceAll(text, "--", EmDash)
		case 2:
			text = strings.ReplaceAll(text, "---", EmDash)
			text = strings.ReplaceAll(text, "--", EnDash)
		}
		if doEllipses {
			text = strings.ReplaceAll(text, "...", Ellipsis)
			text = strings.ReplaceAll(text, ". . .", Ellipsis)
		}
		if doBackticks {
			text = strings.ReplaceAll(text, "``", q[0])
			text = strings.ReplaceAll(text, "''", q[1])
		}
		if backticks2 {
			text = strings.ReplaceAll(text, "`", q[2])
			text = strings.ReplaceAll(text, "'", q[3])
		}
		if doQuotes && strings.ContainsAny(text, `"'`) {
			// Plain quotes as context would be educated again; a
			// semicolon stands in for them. Text without straight
			// quotes has nothing to educate: most text nodes.
			context := prevLast
			if context == `"` || context == "'" {
				context = ";"
			}
			text = EducateQuotes(context+text, e.Language, q)[len(context):]
		}
		if doStupefy {
			text = stupefy(text, q)
		}
		prevLast = last
		text = processEscapes(text, true)
		out = append(out, text)
	}
	return out
}

func lastChar(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

var escapes = [][2]string{
	{`\\`, `&#92;`},
	{`\"`, `&#34;`},
	{`\'`, `&#39;`},
	{`\.`, `&#46;`},
	{`\-`, `&#45;`},
	{"\\`", `&#96;`},
}

// processEscapes hides backslash-escaped quotes, dots, dashes and
// backticks from education (as HTML character references), or restores
// them.
func processEscapes(text string, restore bool) string {
	for _, e := range escapes {
		if restore {
			text = strings.ReplaceAll(text, e[1], e[0][1:])
		} else {
			text = strings.ReplaceAll(text, e[0], e[1])
		}
	}
	return text
}

func stupefy(text string, q Quote) string {
	text = strings.ReplaceAll(text, EnDash, "-")
	text = strings.ReplaceAll(text, EmDash, "--")
	text = strings.ReplaceAll(text, q[2], "'")
	text = strings.ReplaceAll(text, q[3], "'")
	text = strings.ReplaceAll(text, q[0], `"`)
	text = strings.ReplaceAll(text, q[1], `"`)
	return strings.ReplaceAll(text, Ellipsis, "...")
}

// isWord is Python's \w for str patterns: letters, numbers, underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// isPunct is the punct character class of educateQuotes (note the space).
func isPunct(r rune) bool {
	return r < 0x80 && strings.ContainsRune("-!\" #$%'()*+,./:;<=>?@[\\]^_`{|}~", r)
}

func isOpen(r rune) bool { return r == '(' || r == '[' || r == '{' }

// dashEntities are the entity forms the dash class accepts.
var dashEntities = []string{"&mdash;", "&ndash;", "&#8211;", "&#8212;", "&#x2013;", "&#x2014;"}

// endsWithPrefix reports whether s[:i] ends with one of the classes that
// may precede an opening quote: open brackets or dashes, and white space
// (ZWSP, ZWNJ, &nbsp; included) when sep is true.
func endsWithPrefix(s []rune, i int, sep bool) bool {
	if i == 0 {
		return false
	}
	r := s[i-1]
	if isOpen(r) || r == '-' || r == '\u2013' || r == '\u2014' {
		return true
	}
	if sep && (isSpace(r) || r == '\u200b' || r == '\u200c') {
		return true
	}
	before := string(s[:i])
	for _, e := range dashEntities {
		if strings.HasSuffix(before, e) {
			return true
		}
	}
	return sep && strings.HasSuffix(before, "&nbsp;")
}

// at returns s[i], or 0 past the ends.
func at(s []rune, i int) rune {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

// pass rewrites s from left to right: where f returns n > 0, the n runes
// at i are replaced by rep and the scan goes on after them, as a regular
// expression substitution does. Conditions are tested on the input of the
// pass.
func pass(s []rune, f func(s []rune, i int) (rep string, n int)) []rune {
	// Most passes change nothing: nothing is copied until the first
	// replacement.
	var out []rune
	for i := 0; i < len(s); {
		rep, n := f(s, i)
		if n == 0 {
			if out != nil {
				out = append(out, s[i])
			}
			i++
			continue
		}
		if out == nil {
			out = make([]rune, i, len(s)+8)
			copy(out, s[:i])
		}
		for _, r := range rep {
			out = append(out, r)
		}
		i += n
	}
	if out == nil {
		return s
	}
	return out
}

// EducateQuotes replaces the straight quotes of text by the language's
// curly ones, from their context (educateQuotes). q is the language's
// quote set.
func EducateQuotes(text, language string, q Quote) string {
	s := []rune(text)
	wordAt := func(s []rune, i int) bool { return i >= 0 && i < len(s) && isWord(s[i]) }
	// A quote first, before punctuation at a non-word-break: closing.
	if len(s) > 1 && (s[0] == '\'' || s[0] == '"') && isPunct(s[1]) && wordAt(s, 1) == wordAt(s, 2) {
		rep := q[3]
		if s[0] == '"' {
			rep = q[1]
		}
		s = append([]rune(rep), s[1:]...)
	}
	// Adjacent quotes: "'Quoted' words in a larger quote."
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '"' && at(s, i+1) == '\'' && wordAt(s, i+2) {
			return q[0] + q[2], 2
		}
		return "", 0
	})
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '\'' && at(s, i+1) == '"' && wordAt(s, i+2) {
			return q[2] + q[0], 2
		}
		return "", 0
	})
	// An opening bracket or dash, a quote, then optional punctuation and
	// a space: closing.
	closeAfterOpen := func(quote rune, rep string) {
		s = pass(s, func(s []rune, i int) (string, int) {
			if s[i] != quote || !endsWithPrefix(s, i, false) {
				return "", 0
			}
			if at(s, i+1) == ' ' || (isPunct(at(s, i+1)) && at(s, i+2) == ' ') {
				return rep, 1
			}
			return "", 0
		})
	}
	closeAfterOpen('\'', q[3])
	closeAfterOpen('"', q[1])
	// Decade abbreviations: the '80s.
	if strings.HasPrefix(language, "en") {
		s = pass(s, func(s []rune, i int) (string, int) {
			if s[i] == '\'' && unicode.IsDigit(at(s, i+1)) && unicode.IsDigit(at(s, i+2)) && at(s, i+3) == 's' {
				return Apostrophe, 1
			}
			return "", 0
		})
	}
	// Most opening secondary quotes.
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '\'' && endsWithPrefix(s, i, true) && (wordAt(s, i+1) || isPunct(at(s, i+1))) {
			return q[2], 1
		}
		return "", 0
	})
	// Apostrophes, where they differ from closing secondary quotes.
	if q[3] != Apostrophe {
		s = pass(s, func(s []rune, i int) (string, int) {
			if s[i] == '\'' && wordAt(s, i-1) && wordAt(s, i+1) {
				return Apostrophe, 1
			}
			return "", 0
		})
	}
	// Closing secondary quotes: not after white space.
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '\'' && (i == 0 || !isSpace(s[i-1])) {
			return q[3], 1
		}
		return "", 0
	})
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '\'' {
			return q[2], 1
		}
		return "", 0
	})
	// Most opening primary quotes.
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '"' && endsWithPrefix(s, i, true) && (wordAt(s, i+1) || isPunct(at(s, i+1))) {
			return q[0], 1
		}
		return "", 0
	})
	// Closing primary quotes: not after white space, or before it.
	s = pass(s, func(s []rune, i int) (string, int) {
		if s[i] == '"' && (i == 0 || !isSpace(s[i-1]) || (i+1 < len(s) && isSpace(s[i+1]))) {
			return q[1], 1
		}
		return "", 0
	})
	return strings.ReplaceAll(string(s), `"`, q[0])
}
