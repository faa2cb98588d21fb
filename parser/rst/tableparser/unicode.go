package tableparser

import (
	"sort"
	"unicode"
)

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// inRanges reports whether r falls in one of the sorted ranges rs.
func inRanges(r rune, rs []runeRange) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// isCombining mirrors Python's unicodedata.combining(c) != 0.
func isCombining(r rune) bool {
	return r >= 0x300 && inRanges(r, combiningRanges)
}

// isWide mirrors Python's unicodedata.east_asian_width(c) in 'WF'. Note that
// CPython reports many unassigned code points as 'F'; the generated table
// keeps that quirk so padding matches docutils exactly.
func isWide(r rune) bool {
	return r >= 0x300 && inRanges(r, wideRanges)
}

// isSpace mirrors Python's str.isspace for a single character: Go's
// White_Space set plus the information separators U+001C..U+001F, which
// Python counts as whitespace (bidirectional class B or S).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}
