package rst

import (
	"unicode"
	"unicode/utf8"
)

// Hand-written equivalents of the regular expressions of docutils'
// states.Body.patterns and friends. Each returns the end of the match (a
// byte index) or -1; comments give the docutils pattern.

// transition names the transitions of the Body-family states, in
// docutils' order of trial.
type transition uint8

const (
	tBlank transition = iota
	tIndent
	tBullet
	tEnumerator
	tFieldMarker
	tOptionMarker
	tDoctest
	tLineBlock
	tGridTableTop
	tSimpleTableTop
	tExplicitMarkup
	tAnonymous
	tLine
	tText
)

// bodyMatch is the transition a line matches in a Body-family state.
type bodyMatch struct {
	t   transition
	end int // byte index of the end of the match
	// enumerator details
	enumFmt  enumFormat
	enumText string
}

// matchBody finds the first Body transition matching line.
func matchBody(line string) bodyMatch {
	if isBlankPat(line) {
		return bodyMatch{t: tBlank}
	}
	if line[0] == ' ' {
		return bodyMatch{t: tIndent, end: 1}
	}
	if e := matchBullet(line); e >= 0 {
		return bodyMatch{t: tBullet, end: e}
	}
	if e, f, txt := matchEnumerator(line); e >= 0 {
		return bodyMatch{t: tEnumerator, end: e, enumFmt: f, enumText: txt}
	}
	if e := matchFieldMarker(line); e >= 0 {
		return bodyMatch{t: tFieldMarker, end: e}
	}
	if e := matchOptionMarker(line); e >= 0 {
		return bodyMatch{t: tOptionMarker, end: e}
	}
	if e := matchMarkerSpace(line, ">>>"); e >= 0 {
		return bodyMatch{t: tDoctest, end: e}
	}
	if e := matchMarkerSpace(line, "|"); e >= 0 {
		return bodyMatch{t: tLineBlock, end: e}
	}
	if matchGridTableTop(line) {
		return bodyMatch{t: tGridTableTop, end: len(line)}
	}
	if matchSimpleTableTop(line) {
		return bodyMatch{t: tSimpleTableTop, end: len(line)}
	}
	if e := matchMarkerSpace(line, ".."); e >= 0 {
		return bodyMatch{t: tExplicitMarkup, end: e}
	}
	if e := matchMarkerSpace(line, "__"); e >= 0 {
		return bodyMatch{t: tAnonymous, end: e}
	}
	if matchLine(line) {
		return bodyMatch{t: tLine, end: len(line)}
	}
	return bodyMatch{t: tText}
}

// isBlankPat is the "blank" transition: ' *$'.
func isBlankPat(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] != ' ' {
			return false
		}
	}
	return true
}

// spacesOrEnd matches '( +|$)' at i and returns the end, or -1.
func spacesOrEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	if s[i] != ' ' {
		return -1
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// matchMarkerSpace matches a literal marker followed by '( +|$)'.
func matchMarkerSpace(line, marker string) int {
	if len(line) < len(marker) || line[:len(marker)] != marker {
		return -1
	}
	return spacesOrEnd(line, len(marker))
}

// matchBullet: '[-+*\u2022\u2023\u2043]( +|$)'.
func matchBullet(line string) int {
	r, size := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '+', '*', '\u2022', '\u2023', '\u2043':
		return spacesOrEnd(line, size)
	}
	return -1
}

// enumFormat is an enumerator format: parens "(1)", rparen "1)" or
// period "1.".
type enumFormat uint8

const (
	fmtNone enumFormat = iota
	fmtParens
	fmtRparen
	fmtPeriod
)

func (f enumFormat) prefix() string {
	if f == fmtParens {
		return "("
	}
	return ""
}

func (f enumFormat) suffix() string {
	if f == fmtPeriod {
		return "."
	}
	return ")"
}

func isEnumChar(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c == '#'
}

// validEnumText reports whether text matches docutils' enum pattern
// '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)' entirely.
func validEnumText(t string) bool {
	if t == "" {
		return false
	}
	if len(t) == 1 {
		return true // a digit, a letter or '#'
	}
	return allIn(t, "0123456789") || allIn(t, "ivxlcdm") || allIn(t, "IVXLCDM")
}

func allIn(s, set string) bool {
	for i := 0; i < len(s); i++ {
		found := false
		for j := 0; j < len(set); j++ {
			if s[i] == set[j] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchEnumerator: '(%(parens)s|%(rparen)s|%(period)s)( +|$)'. It returns
// the end, the format and the enumerator text.
func matchEnumerator(line string) (int, enumFormat, string) {
	start := 0
	if line[0] == '(' {
		start = 1
	}
	j := start
	for j < len(line) && isEnumChar(line[j]) {
		j++
	}
	text := line[start:j]
	if j >= len(line) || !validEnumText(text) {
		return -1, fmtNone, ""
	}
	var f enumFormat
	switch {
	case start == 1 && line[j] == ')':
		f = fmtParens
	case start == 0 && line[j] == ')':
		f = fmtRparen
	case start == 0 && line[j] == '.':
		f = fmtPeriod
	default:
		return -1, fmtNone, ""
	}
	e := spacesOrEnd(line, j+1)
	if e < 0 {
		return -1, fmtNone, ""
	}
	return e, f, text
}

// matchFieldMarker:
// ':(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)'.
func matchFieldMarker(line string) int {
	if len(line) < 2 || line[0] != ':' || line[1] == ':' || line[1] == ' ' {
		return -1
	}
	i := 1
	for i < len(line) {
		c := line[i]
		switch c {
		case '\\':
			if i+1 >= len(line) {
				return -1
			}
			_, size := utf8.DecodeRuneInString(line[i+1:])
			i += 1 + size
		case ':':
			if i+1 >= len(line) || line[i+1] == ' ' {
				if line[i-1] == ' ' {
					return -1
				}
				return spacesOrEnd(line, i+1)
			}
			if line[i+1] == '`' {
				return -1
			}
			i++
		default:
			i++
		}
	}
	return -1
}

func isAlnumASCII(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isAlphaASCII(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func isAlnumPlus(c byte) bool { return isAlnumASCII(c) || c == '_' || c == '-' }

// matchOptArg matches '([a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)' at i.
func matchOptArg(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	if isAlphaASCII(s[i]) {
		i++
		for i < len(s) && isAlnumPlus(s[i]) {
			i++
		}
		return i
	}
	if s[i] == '<' {
		j := i + 1
		for j < len(s) && s[j] != '<' && s[j] != '>' {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '>' {
			return -1
		}
		return j + 1
	}
	return -1
}

// matchOption matches one option: '(-|\+)[a-zA-Z0-9]( ?optarg)?' or
// '(--|/)optname([ =]optarg)?'.
func matchOption(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	if (s[i] == '-' || s[i] == '+') && i+1 < len(s) && isAlnumASCII(s[i+1]) {
		j := i + 2
		k := j
		if k < len(s) && s[k] == ' ' {
			k++
		}
		if e := matchOptArg(s, k); e >= 0 {
			return e
		}
		if k != j { // try without the space
			if e := matchOptArg(s, j); e >= 0 {
				return e
			}
		}
		return j
	}
	j := -1
	if len(s)-i >= 2 && s[i] == '-' && s[i+1] == '-' {
		j = i + 2
	} else if s[i] == '/' {
		j = i + 1
	}
	if j < 0 || j >= len(s) || !isAlnumASCII(s[j]) {
		return -1
	}
	j++
	for j < len(s) && isAlnumPlus(s[j]) {
		j++
	}
	if j < len(s) && (s[j] == ' ' || s[j] == '=') {
		if e := matchOptArg(s, j+1); e >= 0 {
			return e
		}
	}
	return j
}

// matchOptionMarker: '%(option)s(, %(option)s)*(  +| ?$)'.
func matchOptionMarker(line string) int {
	i := matchOption(line, 0)
	if i < 0 {
		return -1
	}
	for i+1 < len(line) && line[i] == ',' && line[i+1] == ' ' {
		e := matchOption(line, i+2)
		if e < 0 {
			break
		}
		i = e
	}
	// '(  +| ?$)'
	if i >= len(line) {
		return i
	}
	if line[i] != ' ' {
		return -1
	}
	if i+1 >= len(line) {
		return i + 1
	}
	if line[i+1] != ' ' {
		return -1
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}

// matchGridTableTop: '\+-[-+]+-\+ *$'.
func matchGridTableTop(line string) bool {
	s := trimRightSpaces(line)
	if len(s) < 5 || s[0] != '+' || s[1] != '-' || s[len(s)-1] != '+' || s[len(s)-2] != '-' {
		return false
	}
	for i := 2; i < len(s)-2; i++ {
		if s[i] != '-' && s[i] != '+' {
			return false
		}
	}
	return true
}

// matchSimpleTableTop: '=+( +=+)+ *$'.
func matchSimpleTableTop(line string) bool {
	s := trimRightSpaces(line)
	if s == "" || s[0] != '=' {
		return false
	}
	gaps := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '=':
		case ' ':
			if s[i-1] != ' ' {
				gaps++
			}
		default:
			return false
		}
	}
	return gaps > 0
}

// matchSimpleTableBorder: '=+[ =]*$'.
func matchSimpleTableBorder(line string) bool {
	if line == "" || line[0] != '=' {
		return false
	}
	for i := 1; i < len(line); i++ {
		if line[i] != ' ' && line[i] != '=' {
			return false
		}
	}
	return true
}

func trimRightSpaces(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// isNonAlphaNum7Bit is '[!-/:-@[-`{-~]'.
func isNonAlphaNum7Bit(c byte) bool {
	return ('!' <= c && c <= '/') || (':' <= c && c <= '@') || ('[' <= c && c <= '`') || ('{' <= c && c <= '~')
}

// matchLine: '(%(nonalphanum7bit)s)\1* *$' (a line of one repeated
// punctuation character).
func matchLine(line string) bool {
	if line == "" || !isNonAlphaNum7Bit(line[0]) {
		return false
	}
	c := line[0]
	i := 1
	for i < len(line) && line[i] == c {
		i++
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i == len(line)
}

// isWordRune is Python's \w for str patterns: alphanumerics and '_'.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnumASCII(byte(r)) || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// matchSimpleName matches docutils' Inliner.simplename at i:
// '(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*'. It returns the end or -1.
func matchSimpleName(s string, i int) int {
	word := func(j int) int { // end of a run of (?!_)\w from j
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '_' || !isWordRune(r) {
				break
			}
			j += size
		}
		return j
	}
	e := word(i)
	if e == i {
		return -1
	}
	for e < len(s) {
		switch s[e] {
		case '-', '.', '_', '+', ':':
			e2 := word(e + 1)
			if e2 == e+1 {
				return e
			}
			e = e2
		default:
			return e
		}
	}
	return e
}
