package pyio

import (
	"strings"
	"unicode"
)

// SplitLines splits s as Python's str.splitlines(): at \n, \r, \r\n, \v,
// \f, \x1c, \x1d, \x1e, \x85, \u2028 and \u2029, without an empty last
// line for a trailing break. keepEnds keeps the line breaks.
//
// It is the one line splitter of the project: the reST parser, the
// Markdown reader and the writers all split as Python does.
func SplitLines(s string, keepEnds bool) []string {
	out := make([]string, 0, strings.Count(s, "\n")+1)
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		size := 0
		switch {
		case c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e:
			size = 1
		case c == '\r':
			size = 1
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x85:
			size = 2
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			size = 3
		}
		if size == 0 {
			i++
			continue
		}
		end := i
		if keepEnds {
			end = i + size
		}
		out = append(out, s[start:end])
		i += size
		start = i
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// NormalizeNewlines turns every line break into \n and ends non-empty text
// with one, as docutils' FileInput.read does.
func NormalizeNewlines(s string) string {
	lines := SplitLines(s, false)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// IsSpace reports whether Python's str.isspace() holds for r.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// RStrip is Python's str.rstrip() without arguments.
func RStrip(s string) string { return strings.TrimRightFunc(s, IsSpace) }

// ExpandTabs is Python's str.expandtabs(tabsize): a tab advances to the
// next multiple of tabsize; a tabsize of zero or less removes tabs.
func ExpandTabs(s string, tabsize int) string {
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
				b.WriteString(strings.Repeat(" ", n))
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

// String2Lines is docutils' statemachine.string2lines: split text into
// lines, expand tabs and strip trailing whitespace; with
// convertWhitespace, vertical tabs and form feeds become spaces first.
func String2Lines(text string, tabWidth int, convertWhitespace bool) []string {
	if convertWhitespace {
		text = strings.NewReplacer("\v", " ", "\f", " ").Replace(text)
	}
	lines := SplitLines(text, false)
	for i, l := range lines {
		lines[i] = RStrip(ExpandTabs(l, tabWidth))
	}
	return lines
}
