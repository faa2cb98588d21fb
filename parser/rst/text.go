package rst

import (
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst/tableparser"
	"golang.org/x/text/unicode/norm"
)

// This file holds the string helpers that reproduce Python's str methods
// on code points, which docutils' indentation arithmetic relies on. ASCII
// input takes a fast path everywhere.

// isPySpace reports whether r is white space for Python's str.isspace.
func isPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	}
	return doctree.IsSpace(r)
}

// pyStrip is Python's str.strip().
func pyStrip(s string) string { return pyRstrip(pyLstrip(s)) }

// pyLstrip is Python's str.lstrip().
func pyLstrip(s string) string {
	for i, r := range s {
		if !isPySpace(r) {
			return s[i:]
		}
	}
	return ""
}

// pyRstrip is Python's str.rstrip().
func pyRstrip(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if !isPySpace(rune(c)) {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !isPySpace(r) {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// isBlank reports whether s is empty or all white space ("not s.strip()").
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c < utf8.RuneSelf {
			if !isPySpace(rune(c)) {
				return false
			}
			continue
		}
		return pyLstrip(s[i:]) == ""
	}
	return true
}

// leadingSpace returns the number of code points of leading white space
// ("len(s) - len(s.lstrip())").
func leadingSpace(s string) int {
	n, _ := leadingSpaceAll(s)
	return n
}

// leadingSpaceAll is leadingSpace that also reports whether s is all
// white space.
func leadingSpaceAll(s string) (int, bool) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == len(s) {
		return i, true
	}
	if s[i] < utf8.RuneSelf && !isPySpace(rune(s[i])) {
		return i, false
	}
	n := i
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if !isPySpace(r) {
					return n, false
				}
				n++
			}
			return n, true
		}
		if !isPySpace(rune(c)) {
			return n, false
		}
		n++
	}
	return n, true
}

// cpLen is Python's len(s): the number of code points.
func cpLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i + utf8.RuneCountInString(s[i:])
		}
	}
	return len(s)
}

// cpIndex returns the byte index of code point n of s, or len(s) when s is
// shorter (so s[cpIndex(s, n):] is Python's s[n:]).
func cpIndex(s string, n int) int {
	if n <= 0 {
		return 0
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			k := i
			j := i
			for j < len(s) && k < n {
				_, size := utf8.DecodeRuneInString(s[j:])
				j += size
				k++
			}
			return j
		}
		if i == n {
			return i
		}
	}
	if n >= len(s) {
		return len(s)
	}
	return n
}

// cpFrom is Python's s[n:] for n >= 0.
func cpFrom(s string, n int) string { return s[cpIndex(s, n):] }

// cpTo is Python's s[:n] for n >= 0.
func cpTo(s string, n int) string { return s[:cpIndex(s, n)] }

// pySplit is Python's str.split() (no arguments).
func pySplit(s string) []string { return doctree.Fields(s) }

// columnWidth is docutils' utils.column_width: East Asian wide and
// full-width characters count twice, combining characters not at all.
func columnWidth(s string) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return len(s)
	}
	w := cpLen(tableparser.PadDoubleWidth(s))
	for _, r := range s {
		if isCombining(r) {
			w--
		}
	}
	return w
}

// isCombining reports whether r has a non-zero canonical combining class
// (Python's unicodedata.combining(r) != 0).
func isCombining(r rune) bool {
	if r < 0x300 {
		return false
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	return norm.NFC.Properties(buf[:n]).CCC() != 0
}

// expandTabs is Python's str.expandtabs(tabsize), counting columns in code
// points.
func expandTabs(s string, tabsize int) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				for i := 0; i < n; i++ {
					b.WriteByte(' ')
				}
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// string2lines is docutils' statemachine.string2lines with
// convert_whitespace: \v and \f become spaces, the text is split into
// lines as Python's splitlines, tabs are expanded and trailing white
// space is removed.
func string2lines(s string, tabWidth int) []string {
	if strings.ContainsAny(s, "\v\f") {
		s = strings.NewReplacer("\v", " ", "\f", " ").Replace(s)
	}
	lines := pyio.SplitLines(s, false)
	for i, l := range lines {
		lines[i] = pyRstrip(expandTabs(l, tabWidth))
	}
	return lines
}

// escape2null is docutils' utils.escape2null: each backslash-escape
// becomes a NUL followed by the escaped character.
func escape2null(text string) string {
	if strings.IndexByte(text, '\\') < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			b.WriteByte(0)
			if i+1 < len(text) {
				_, size := utf8.DecodeRuneInString(text[i+1:])
				b.WriteString(text[i+1 : i+1+size])
				i += size
			}
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// splitEscapedWhitespace is docutils' utils.split_escaped_whitespace.
func splitEscapedWhitespace(text string) []string {
	var out []string
	for _, s := range strings.Split(text, "\x00 ") {
		out = append(out, strings.Split(s, "\x00\n")...)
	}
	return out
}

// decodeRune decodes the rune at byte index i of s.
func decodeRune(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }
