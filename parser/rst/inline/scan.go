package inline

import (
	"strings"
	"unicode/utf8"
)

// The scanners below replace the regular expressions of docutils' Inliner.
// Each one tries the alternatives of its expression in the order Python's
// backtracking engine would, so that the first match found is the one
// docutils finds. Positions are byte offsets into the string being
// searched; as in Python, which searches a fresh slice of the text after
// every construct, position 0 counts as the start of the string for "^"
// and for look-behind.

// runeAt decodes the character at byte offset i (i < len(s)).
func runeAt(s string, i int) rune {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// runeBefore decodes the character ending at byte offset i (i > 0).
func runeBefore(s string, i int) rune {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// spaceAt reports whether a white-space character is at i: the negation of
// the (?!\s) look-ahead.
func spaceAt(s string, i int) bool { return i < len(s) && isSpace(runeAt(s, i)) }

// spaceOrNULBefore reports whether the character before i is white space
// or an escape marker: the (?<![\s\x00]) look-behind failing.
func spaceOrNULBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r := runeBefore(s, i)
	return r == 0 || isSpace(r)
}

// startOK is the start-string prefix: the start of the string, or (by
// default) white space, an opener or a delimiter before p, or (with
// character-level inline markup) anything but an escape marker.
func (in *Inliner) startOK(s string, p int) bool {
	if p == 0 {
		return true
	}
	if in.charLevel {
		return s[p-1] != 0
	}
	return isStartPrefix(runeBefore(s, p))
}

// endOK is the end-string suffix: the end of the string or a character
// that may follow an end-string; always true with character-level markup.
func (in *Inliner) endOK(s string, i int) bool {
	if in.charLevel || i >= len(s) {
		return true
	}
	return isEndSuffix(runeAt(s, i))
}

// simpleNameEnd returns the end of the longest simple name (words of
// (?!_)\w joined by single [-._+:]) starting at p, or p when there is none.
// Every shorter name ends where a word character ends; the regexp tries
// those ends from the longest down.
func simpleNameEnd(s string, p int) int {
	i := wordsEnd(s, p)
	if i == p {
		return p
	}
	for i+1 < len(s) && isSimpleSep(s[i]) {
		j := wordsEnd(s, i+1)
		if j == i+1 {
			break
		}
		i = j
	}
	return i
}

// wordsEnd returns the end of the run of (?!_)\w characters at p.
func wordsEnd(s string, p int) int {
	i := p
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '_' || asciiClass[c]&cWord == 0 {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWord(r) {
			break
		}
		i += w
	}
	return i
}

// kind tells which construct the initial pattern found (the dispatch key
// of docutils' Inliner).
type kind uint8

const (
	kEmphasis kind = iota + 1
	kStrong
	kLiteral
	kTarget
	kSubst
	kInterpreted
	kFootnote
	kReference
	kAnonymous
)

// initial is a match of the initial pattern. start and end delimit the
// whole match (group 0). For start-strings and backquotes, ss and se
// delimit the start-string; a role prefix, if any, runs from start to ss.
// For references, ls and le delimit the reference name; for footnotes and
// citations, the label.
type initial struct {
	kind       kind
	start, end int
	ss, se     int
	ls, le     int
	citation   bool
}

// searchInitial finds the first start-string or whole construct in s
// (Inliner.patterns.initial). base is the offset of s in the escaped text,
// for the memo of simple names already known not to be references.
func (in *Inliner) searchInitial(s string, base int) (initial, bool) {
	// prevOK is the start-string prefix at p, known from the character
	// before it.
	prevOK := true
	for p := 0; p < len(s); {
		c := s[p]
		if c < utf8.RuneSelf {
			if prevOK && mayStart[c] {
				if m, ok := in.initialAt(s, p, rune(c), base); ok {
					return m, true
				}
			}
			if in.charLevel {
				prevOK = c != 0
			} else {
				prevOK = asciiClass[c]&cStartPrefix != 0
			}
			p++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[p:])
		if prevOK && isSimpleWord(r) {
			if m, ok := in.initialAt(s, p, r, base); ok {
				return m, true
			}
		}
		prevOK = in.charLevel || isStartPrefix(r)
		p += w
	}
	return initial{}, false
}

// mayStart marks the ASCII characters that can begin a match of the
// initial pattern: a start-string, a reference name or a footnote label.
var mayStart = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = asciiClass[c]&cWord != 0 || strings.IndexByte("*`_|[:", byte(c)) >= 0
	}
	return t
}()

// initialAt tries the initial pattern at p, whose character is r.
func (in *Inliner) initialAt(s string, p int, r rune, base int) (initial, bool) {
	n := len(s)
	next := func(i int) byte {
		if i < n {
			return s[i]
		}
		return 0xff
	}
	switch s[p] {
	case '*':
		if next(p+1) == '*' {
			if !spaceAt(s, p+2) {
				return initial{kind: kStrong, start: p, end: p + 2, ss: p, se: p + 2}, true
			}
			return initial{}, false
		}
		if !spaceAt(s, p+1) {
			return initial{kind: kEmphasis, start: p, end: p + 1, ss: p, se: p + 1}, true
		}
	case '`':
		if next(p+1) == '`' {
			if !spaceAt(s, p+2) {
				return initial{kind: kLiteral, start: p, end: p + 2, ss: p, se: p + 2}, true
			}
			return initial{}, false
		}
		if !spaceAt(s, p+1) {
			return initial{kind: kInterpreted, start: p, end: p + 1, ss: p, se: p + 1}, true
		}
	case '_':
		if next(p+1) == '`' && !spaceAt(s, p+2) {
			return initial{kind: kTarget, start: p, end: p + 2, ss: p, se: p + 2}, true
		}
	case '|':
		if next(p+1) != '|' && !spaceAt(s, p+1) {
			return initial{kind: kSubst, start: p, end: p + 1, ss: p, se: p + 1}, true
		}
	case '[':
		return in.footnoteAt(s, p)
	case ':':
		// (:simplename:)?`(?!`)(?!\s), the role's name ending at a colon.
		e := simpleNameEnd(s, p+1)
		for q := e; q > p+1; q-- {
			if s[q-1] == ':' || q >= n || s[q] != ':' {
				continue
			}
			if next(q+1) == '`' && next(q+2) != '`' && !spaceAt(s, q+2) {
				return initial{kind: kInterpreted, start: p, end: q + 2, ss: q + 1, se: q + 2}, true
			}
		}
	default:
		if base+p < in.refMemo || !isSimpleWord(r) {
			return initial{}, false
		}
		return in.referenceAt(s, p, base)
	}
	return initial{}, false
}

// referenceAt tries a simple reference, name_ or name__, at p.
func (in *Inliner) referenceAt(s string, p int, base int) (initial, bool) {
	e := simpleNameEnd(s, p)
	// The name must be followed by an underscore; shorter names than the
	// longest end at the underscores that join its words.
	for q := e; q > p; q-- {
		if q >= len(s) || s[q] != '_' {
			continue
		}
		if q+1 < len(s) && s[q+1] == '_' && in.endOK(s, q+2) {
			return initial{kind: kAnonymous, start: p, end: q + 2, ls: p, le: q}, true
		}
		if in.endOK(s, q+1) {
			return initial{kind: kReference, start: p, end: q + 1, ls: p, le: q}, true
		}
	}
	// Every name starting inside this one ends at the same places, so
	// none of them can be a reference either.
	in.refMemo = base + e
	return initial{}, false
}

// footnoteAt tries a footnote or citation reference, [label]_, at p.
func (in *Inliner) footnoteAt(s string, p int) (initial, bool) {
	n := len(s)
	j := p + 1
	closes := func(k int) bool {
		return k+1 < n && s[k] == ']' && s[k+1] == '_' && in.endOK(s, k+2)
	}
	found := func(k int, citation bool) (initial, bool) {
		return initial{kind: kFootnote, start: p, end: k + 2, ls: j, le: k, citation: citation}, true
	}
	// [0-9]+
	k := j
	for k < n && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > j && closes(k) {
		return found(k, false)
	}
	if j < n && s[j] == '#' {
		// \#(simplename)?
		if e := simpleNameEnd(s, j+1); e > j+1 && closes(e) {
			return found(e, false)
		}
		if closes(j + 1) {
			return found(j+1, false)
		}
	}
	if j < n && s[j] == '*' && closes(j+1) {
		return found(j+1, false)
	}
	if e := simpleNameEnd(s, j); e > j && closes(e) {
		return found(e, true)
	}
	return initial{}, false
}

// quotedStart reports whether the start-string spanning [start, end) is
// enclosed in a matching open/close pair, or ends the text
// (Inliner.quoted_start).
func quotedStart(s string, start, end int) bool {
	if start == 0 {
		return false
	}
	if end >= len(s) {
		return true
	}
	return matchChars(runeBefore(s, start), runeAt(s, end))
}

// endMatch is a match of an end pattern in the text after a start-string:
// the end-string starts at i and the match ends at j. For interpreted
// text, a :role: suffix spans [rs, re) (empty when there is none).
type endMatch struct {
	i, j   int
	rs, re int
}

// endWindow is how far from the start of a search the look-behind of the
// end patterns (at most two characters) may reach before it.
const endWindow = 2 * utf8.UTFMax

// findEnd searches s, the text after a start-string of kind k at offset
// abs of the escaped text, for its end pattern. Docutils searches the rest
// of the text anew for each start-string, which is quadratic when many
// start-strings lack an end; here the last search of each kind is
// remembered: a later search only needs to look afresh where the start of
// its string changes the look-behind, and beyond that finds what the last
// one found.
func (in *Inliner) findEnd(k kind, s string, abs int) (endMatch, bool) {
	m := &in.ends[k]
	if m.valid && abs >= m.from && (m.at < 0 || m.at >= abs+endWindow) {
		if e, ok := in.searchEnd(s, k, min(endWindow, len(s))); ok {
			return e, true
		}
		if m.at < 0 {
			return endMatch{}, false
		}
		e := m.match
		d := abs - m.from
		e.i, e.j, e.rs, e.re = e.i-d, e.j-d, e.rs-d, e.re-d
		return e, true
	}
	e, ok := in.searchEnd(s, k, len(s))
	*m = endMemo{valid: true, from: abs, at: -1, match: e}
	if ok {
		m.at = abs + e.i
	}
	return e, ok
}

// endMemo is the last search for an end pattern: made from offset from,
// it found match (relative to from) at offset at, or nothing (at < 0).
type endMemo struct {
	valid    bool
	from, at int
	match    endMatch
}

// searchEnd finds the first end-string of kind k in s starting before
// offset to. An end-string at 0 means none for the caller, as in docutils.
func (in *Inliner) searchEnd(s string, k kind, to int) (endMatch, bool) {
	if k == kInterpreted {
		return in.searchInterpretedEnd(s, to)
	}
	var delim byte = '*'
	width := 1
	switch k {
	case kStrong:
		width = 2
	case kLiteral:
		delim, width = '`', 2
	case kTarget:
		delim = '`'
	case kSubst:
		delim = '|'
	}
	for i := 0; i < to; i++ {
		x := indexByte(s[:to], i, delim)
		if x < 0 {
			break
		}
		i = x
		if width == 2 && (i+1 >= len(s) || s[i+1] != delim) {
			continue
		}
		if k == kLiteral {
			// (?<!\s): an escape marker may precede the end-string.
			if i > 0 && isSpace(runeBefore(s, i)) {
				continue
			}
		} else if spaceOrNULBefore(s, i) {
			continue
		}
		j := i + width
		if k == kSubst {
			// \|_{0,2}, the longest that the suffix allows.
			u := j
			for u < len(s) && u < j+2 && s[u] == '_' {
				u++
			}
			for ; u >= j; u-- {
				if in.endOK(s, u) {
					return endMatch{i: i, j: u}, true
				}
			}
			continue
		}
		if in.endOK(s, j) {
			return endMatch{i: i, j: j}, true
		}
	}
	return endMatch{}, false
}

func indexByte(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// searchInterpretedEnd finds the end of interpreted text or a phrase
// reference in s (Inliner.patterns.interpreted_or_phrase_ref), starting
// before offset to.
func (in *Inliner) searchInterpretedEnd(s string, to int) (endMatch, bool) {
	for i := 0; i < to; i++ {
		x := indexByte(s[:to], i, '`')
		if x < 0 {
			break
		}
		i = x
		// (?<!(?<!\x00)[\s\x00]): white space or an escape marker before
		// the backquote ends nothing unless it is itself escaped.
		if i > 0 {
			r := runeBefore(s, i)
			if r == 0 || isSpace(r) {
				w := utf8.RuneLen(r)
				if w < 0 {
					w = 1
				}
				if i-w == 0 || s[i-w-1] != 0 {
					continue
				}
			}
		}
		// (?P<role>:simplename:)?(?P<refend>__?)? then the suffix.
		if i+1 < len(s) && s[i+1] == ':' {
			e := simpleNameEnd(s, i+2)
			for q := e; q > i+2; q-- {
				if s[q-1] == ':' || q >= len(s) || s[q] != ':' {
					continue
				}
				if j, ok := in.refEnd(s, q+1); ok {
					return endMatch{i: i, j: j, rs: i + 1, re: q + 1}, true
				}
			}
		}
		if j, ok := in.refEnd(s, i+1); ok {
			return endMatch{i: i, j: j, rs: i + 1, re: i + 1}, true
		}
	}
	return endMatch{}, false
}

// refEnd matches (__?)? and the end-string suffix at k.
func (in *Inliner) refEnd(s string, k int) (int, bool) {
	if k < len(s) && s[k] == '_' {
		if k+1 < len(s) && s[k+1] == '_' && in.endOK(s, k+2) {
			return k + 2, true
		}
		if in.endOK(s, k+1) {
			return k + 1, true
		}
	}
	if in.endOK(s, k) {
		return k, true
	}
	return 0, false
}

// embeddedLink finds an embedded URI or alias, " <target>", at the end of
// a phrase reference's text (Inliner.patterns.embedded_link). It returns
// the start of the match (including the white space before "<") and the
// position of "<".
func embeddedLink(s string) (start, lt int, ok bool) {
	n := len(s)
	if n < 3 || s[n-1] != '>' {
		return 0, 0, false
	}
	if r := runeBefore(s, n-1); r == 0 || isSpace(r) {
		return 0, 0, false
	}
	// The target holds no angle bracket unless escaped, so it starts at
	// the last unescaped "<".
	lt = -1
	for k := n - 2; k >= 0; k-- {
		c := s[k]
		if c != '<' && c != '>' {
			continue
		}
		if k > 0 && s[k-1] == 0 {
			continue
		}
		if c == '>' {
			return 0, 0, false
		}
		lt = k
		break
	}
	if lt < 0 || lt+1 >= n-1 || spaceAt(s, lt+1) {
		return 0, 0, false
	}
	if lt == 0 {
		return 0, 0, true
	}
	start = lt
	for start > 0 && (s[start-1] == ' ' || s[start-1] == '\n') {
		start--
	}
	if start == lt {
		return 0, 0, false
	}
	return start, lt, true
}
