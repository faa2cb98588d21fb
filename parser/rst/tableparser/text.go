package tableparser

import "strings"

// text holds the lines of a table block as code points, the unit docutils
// (Python str) indexes by. Column positions everywhere are code-point
// indices into the padded lines.
type text struct {
	lines [][]rune
	// colIdx caches, per line, docutils.utils.column_indices: the indices of
	// the non-combining characters. A nil entry with hasComb false means the
	// line has no combining characters, so the mapping is the identity.
	colIdx  [][]int
	hasComb []bool
}

// newText converts block to code points, padding double-width characters
// the way docutils' StringList.pad_double_width does.
func newText(block []string) text {
	t := text{
		lines:   make([][]rune, len(block)),
		colIdx:  make([][]int, len(block)),
		hasComb: make([]bool, len(block)),
	}
	for i, s := range block {
		t.lines[i] = padRunes(s)
		for _, r := range t.lines[i] {
			if isCombining(r) {
				t.hasComb[i] = true
				break
			}
		}
	}
	return t
}

// padRunes returns s as code points with PadChar inserted after every
// East Asian wide or full-width character not already followed by one.
func padRunes(s string) []rune {
	rs := []rune(s)
	n := 0
	for i, r := range rs {
		if isWide(r) && (i+1 == len(rs) || rs[i+1] != PadChar) {
			n++
		}
	}
	if n == 0 {
		return rs
	}
	out := make([]rune, 0, len(rs)+n)
	for i, r := range rs {
		out = append(out, r)
		if isWide(r) && (i+1 == len(rs) || rs[i+1] != PadChar) {
			out = append(out, PadChar)
		}
	}
	return out
}

// colIndex maps column k of line i to a code-point index, skipping
// combining characters, with the fallback docutils' get_2D_block uses when
// k is past the last column.
func (t *text) colIndex(i, k int) int {
	if !t.hasComb[i] {
		return k
	}
	ci := t.colIdx[i]
	if ci == nil {
		ci = make([]int, 0, len(t.lines[i]))
		for j, r := range t.lines[i] {
			if !isCombining(r) {
				ci = append(ci, j)
			}
		}
		t.colIdx[i] = ci
	}
	if k < len(ci) {
		return ci[k]
	}
	return k + len(t.lines[i]) - len(ci)
}

// block2D is docutils' StringList.get_2D_block(top, left, bottom, right)
// followed by the removal of PadChar from the result. Like docutils, the
// left and right bounds carry over from one line to the next once they
// have been remapped around combining characters.
func (t *text) block2D(top, left, bottom, right int) []string {
	bottom = min(bottom, len(t.lines))
	top = min(top, bottom)
	indent := right
	segs := make([][]rune, 0, bottom-top)
	for i := top; i < bottom; i++ {
		left = t.colIndex(i, left)
		right = t.colIndex(i, right)
		seg := rstrip(slice(t.lines[i], left, right))
		if len(seg) > 0 {
			indent = min(indent, leadingSpace(seg))
		}
		segs = append(segs, seg)
	}
	out := make([]string, len(segs))
	for i, seg := range segs {
		if 0 < indent && indent < right {
			seg = slice(seg, indent, len(seg))
		}
		out[i] = strings.ReplaceAll(string(seg), string(PadChar), "")
	}
	return out
}

// slice is Python's l[a:b] for non-negative a and b: out-of-range bounds
// are clamped and an inverted range is empty.
func slice(l []rune, a, b int) []rune {
	b = min(b, len(l))
	if a >= b {
		return nil
	}
	return l[a:b]
}

// rstrip is Python's str.rstrip().
func rstrip(l []rune) []rune {
	n := len(l)
	for n > 0 && isSpace(l[n-1]) {
		n--
	}
	return l[:n]
}

// leadingSpace is len(l) - len(l.lstrip()).
func leadingSpace(l []rune) int {
	n := 0
	for n < len(l) && isSpace(l[n]) {
		n++
	}
	return n
}

// isBlank reports whether Python's l[a:b].strip() is empty.
func isBlank(l []rune, a, b int) bool {
	for _, r := range slice(l, a, b) {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// index is Python's l.find(c, start) for non-negative start.
func index(l []rune, c rune, start int) int {
	for i := start; i < len(l); i++ {
		if l[i] == c {
			return i
		}
	}
	return -1
}

// replaceRune replaces every old in l with new, in place.
func replaceRune(l []rune, old, new rune) {
	for i, r := range l {
		if r == old {
			l[i] = new
		}
	}
}

// dollar trims one final newline, so that a check against the result
// being fully consumed behaves like Python's non-multiline `$`.
func dollar(l []rune) []rune {
	if n := len(l); n > 0 && l[n-1] == '\n' {
		return l[:n-1]
	}
	return l
}

// matchRule reports whether l matches the Python pattern `c[ c]*$`, as
// docutils' simple-table separator ('=[ =]*$') and span ('-[ -]*$')
// patterns do.
func matchRule(l []rune, c rune) bool {
	l = dollar(l)
	if len(l) == 0 || l[0] != c {
		return false
	}
	for _, r := range l {
		if r != c && r != ' ' {
			return false
		}
	}
	return true
}

// matchGridSep reports whether l matches docutils' grid-table head/body
// separator pattern `\+=[=+]+=\+ *$`.
func matchGridSep(l []rune) bool {
	l = dollar(l)
	n := len(l)
	for n > 0 && l[n-1] == ' ' {
		n--
	}
	l = l[:n]
	if n < 5 || l[0] != '+' || l[1] != '=' || l[n-2] != '=' || l[n-1] != '+' {
		return false
	}
	for _, r := range l[2 : n-2] {
		if r != '=' && r != '+' {
			return false
		}
	}
	return true
}
