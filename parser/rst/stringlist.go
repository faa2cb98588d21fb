package rst

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/parser/rst/tableparser"
)

// stringList is docutils' StringList (a ViewList of text lines): lines with
// the origin (source, offset) of each, and an optional link to the list it
// was sliced from. Insertions and removals through a slice propagate to its
// parents, as in docutils, which is how lines inserted by the include
// directive in a nested context reach the outer state machines.
//
// Slicing shares the underlying arrays (capacity-capped), so taking the
// rest of a document for each section costs nothing; the few operations
// that change lines in place copy first.
type stringList struct {
	data         []string
	items        []directives.LineItem
	parent       *stringList
	parentOffset int
}

// newStringList returns a list of lines all from source, numbered from 0.
func newStringList(lines []string, source string) *stringList {
	items := make([]directives.LineItem, len(lines))
	for i := range items {
		items[i] = directives.LineItem{Source: source, Offset: i}
	}
	return &stringList{data: lines, items: items}
}

// fromContent wraps directive content (without a parent link).
func fromContent(c directives.Content) *stringList {
	items := c.Items
	if len(items) != len(c.Lines) {
		items = make([]directives.LineItem, len(c.Lines))
		for i := range items {
			if i < len(c.Items) {
				items[i] = c.Items[i]
			}
		}
	}
	return &stringList{data: c.Lines, items: items}
}

// content returns the lines as directive content, sharing storage.
func (s *stringList) content() directives.Content {
	n := len(s.data)
	return directives.Content{Lines: s.data[:n:n], Items: s.items[:n:n]}
}

func (s *stringList) Len() int { return len(s.data) }

// slice is s[i:j], linked to s.
func (s *stringList) slice(i, j int) *stringList {
	if i < 0 {
		i = 0
	}
	if j > len(s.data) {
		j = len(s.data)
	}
	if i > j {
		i = j
	}
	return &stringList{data: s.data[i:j:j], items: s.items[i:j:j], parent: s, parentOffset: i}
}

// from is s[i:].
func (s *stringList) from(i int) *stringList { return s.slice(i, len(s.data)) }

// infoKind tells how info found a line.
type infoKind int

const (
	infoOK      infoKind = iota
	infoPastEnd          // just past the end: source known, offset None
	infoNone             // off the list (IndexError)
)

// info is ViewList.info with Python's index semantics (negative indices
// count from the end).
func (s *stringList) info(i int) (string, int, infoKind) {
	n := len(s.items)
	if i < 0 {
		i += n
		if i < 0 {
			return "", 0, infoNone
		}
	}
	if i < n {
		it := s.items[i]
		return it.Source, it.Offset, infoOK
	}
	if i == n && n > 0 {
		return s.items[n-1].Source, 0, infoPastEnd
	}
	return "", 0, infoNone
}

// at returns line i with Python's index semantics; ok is false for an
// IndexError.
func (s *stringList) at(i int) (string, bool) {
	n := len(s.data)
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return "", false
	}
	return s.data[i], true
}

// disconnect drops the parent link.
func (s *stringList) disconnect() { s.parent = nil }

// own makes the data array private to s before an in-place change.
func (s *stringList) own() {
	s.data = append([]string(nil), s.data...)
}

// trimStart removes n lines from the start (ViewList.trim_start).
func (s *stringList) trimStart(n int) {
	if n > len(s.data) {
		n = len(s.data)
	}
	s.data = s.data[n:]
	s.items = s.items[n:]
	if s.parent != nil {
		s.parentOffset += n
	}
}

// trimEnd removes n lines from the end (ViewList.trim_end).
func (s *stringList) trimEnd(n int) {
	if n > len(s.data) {
		n = len(s.data)
	}
	m := len(s.data) - n
	s.data = s.data[:m:m]
	s.items = s.items[:m:m]
}

// trimLeft removes length code points from the start of lines
// [start, end) (StringList.trim_left); it does not propagate.
func (s *stringList) trimLeft(length, start, end int) {
	if end > len(s.data) {
		end = len(s.data)
	}
	if start >= end {
		return
	}
	s.own()
	for i := start; i < end; i++ {
		s.data[i] = cpFrom(s.data[i], length)
	}
}

// setLine replaces line i without propagating (block.data[i] = ...).
func (s *stringList) setLine(i int, line string) {
	s.own()
	s.data[i] = line
}

// insertList inserts other's lines before index i, propagating to the
// parents (ViewList.insert with a ViewList).
func (s *stringList) insertList(i int, other *stringList) {
	if i < 0 {
		i += len(s.data)
		if i < 0 {
			i = 0
		}
	}
	if i > len(s.data) {
		i = len(s.data)
	}
	s.data = insertStrings(s.data, i, other.data)
	s.items = insertItems(s.items, i, other.items)
	if s.parent != nil {
		s.parent.insertList(i+s.parentOffset, other)
	}
}

// insertLine inserts one line with its origin before index i,
// propagating to the parents.
func (s *stringList) insertLine(i int, line, source string, offset int) {
	one := &stringList{data: []string{line}, items: []directives.LineItem{{Source: source, Offset: offset}}}
	s.insertList(i, one)
}

// popLine removes line i, propagating to the parents (ViewList.pop).
func (s *stringList) popLine(i int) {
	n := len(s.data)
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return
	}
	if s.parent != nil {
		s.parent.popLine(i + s.parentOffset)
	}
	s.data = append(s.data[:i:i], s.data[i+1:]...)
	s.items = append(s.items[:i:i], s.items[i+1:]...)
}

// truncate drops lines from i on without propagating (after disconnect:
// del block[i:]).
func (s *stringList) truncate(i int) {
	if i < len(s.data) {
		s.data = s.data[:i:i]
		s.items = s.items[:i:i]
	}
}

func insertStrings(dst []string, i int, src []string) []string {
	out := make([]string, 0, len(dst)+len(src))
	out = append(out, dst[:i]...)
	out = append(out, src...)
	return append(out, dst[i:]...)
}

func insertItems(dst []directives.LineItem, i int, src []directives.LineItem) []directives.LineItem {
	out := make([]directives.LineItem, 0, len(dst)+len(src))
	out = append(out, dst[:i]...)
	out = append(out, src...)
	return append(out, dst[i:]...)
}

// getTextBlock returns the lines from start up to the first blank line
// (StringList.get_text_block). With flushLeft, an indented line ends the
// block and indentLine is its 1-based source line (docutils'
// UnexpectedIndentationError), with indentSource its source.
func (s *stringList) getTextBlock(start int, flushLeft bool) (block *stringList, unexpected bool, indentSource string, indentLine int) {
	end := start
	for end < len(s.data) {
		line := s.data[end]
		if isBlank(line) {
			break
		}
		if flushLeft && line[0] == ' ' {
			src, off, _ := s.info(end)
			return s.slice(start, end), true, src, off + 1
		}
		end++
	}
	return s.slice(start, end), false, "", 0
}

// getIndented is StringList.get_indented: the indented block starting at
// start. blockIndent and firstIndent are -1 for None. It returns the
// block, its indentation and whether it ended with a blank line (or at
// the end of the input).
func (s *stringList) getIndented(start int, untilBlank, stripIndent bool, blockIndent, firstIndent int) (*stringList, int, bool) {
	indent := blockIndent
	end := start
	if blockIndent >= 0 && firstIndent < 0 {
		firstIndent = blockIndent
	}
	if firstIndent >= 0 {
		end++
	}
	last := len(s.data)
	blankFinish := true
	for end < last {
		line := s.data[end]
		if line != "" && (line[0] != ' ' || (blockIndent >= 0 && !isBlank(cpTo(line, blockIndent)))) {
			// Line not indented or insufficiently indented: the block
			// finished properly iff the last indented line is blank.
			blankFinish = end > start && isBlank(s.data[end-1])
			break
		}
		ws, all := leadingSpaceAll(line)
		if all { // blank line
			if untilBlank {
				blankFinish = true
				break
			}
		} else if blockIndent < 0 {
			if indent < 0 || ws < indent {
				indent = ws
			}
		}
		end++
	}
	block := s.slice(start, end)
	if firstIndent >= 0 && block.Len() > 0 {
		block.setLine(0, cpFrom(block.data[0], firstIndent))
	}
	if indent > 0 && stripIndent {
		st := 0
		if firstIndent >= 0 {
			st = 1
		}
		block.trimLeft(indent, st, block.Len())
	}
	if indent < 0 {
		indent = 0
	}
	return block, indent, blankFinish
}

// padDoubleWidth pads East Asian wide characters in place, as
// StringList.pad_double_width does for tables.
func (s *stringList) padDoubleWidth() {
	s.own()
	for i, l := range s.data {
		s.data[i] = padWide(l)
	}
}

// padWide pads East Asian wide and full-width characters with the table
// parser's pad character.
func padWide(line string) string { return tableparser.PadDoubleWidth(line) }
