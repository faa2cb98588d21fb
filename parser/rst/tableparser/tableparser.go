// Package tableparser turns the text of reStructuredText grid and simple
// tables into rows of cells. It owns only geometry: cell contents stay as
// text lines for the caller to parse.
//
// The package reproduces the behaviour of docutils 0.19's
// docutils/parsers/rst/tableparser.py (GridTableParser and
// SimpleTableParser), including its error messages and the line offsets it
// reports. Positions are counted in code points after East Asian wide and
// full-width characters have been padded with PadChar, exactly as docutils
// counts them; the padding is removed again from the cell text.
package tableparser

import "strconv"

// PadChar is the character docutils appends to every East Asian wide or
// full-width character so that one code point occupies one display column
// (docutils' TableParser.double_width_pad_char).
const PadChar = '\x00'

// Cell is one table cell: its span and its text block.
type Cell struct {
	MoreRows, MoreCols int      // extra rows/columns spanned (docutils' morerows/morecols)
	Offset             int      // line offset of the cell's first text line, relative to the table's first line
	Lines              []string // the cell's text block (docutils' cellblock), border and common indentation removed, PadChar deleted
}

// Table is a parsed table: column widths, header rows and body rows. A nil
// *Cell in a row stands for a position covered by a spanning cell, exactly
// where docutils puts None. (Simple-table rows, like docutils', have no
// placeholders: a row holds one cell per column span.)
type Table struct {
	ColWidths []int
	HeadRows  [][]*Cell
	BodyRows  [][]*Cell
}

// Error is a malformed-table error; Msg is docutils' wording (the text of
// TableMarkupError), Offset is the line offset within the block where
// docutils reports it (docutils' offset attribute, 0 when docutils gives
// none).
//
// For the few inputs on which docutils itself fails with an internal
// exception (IndexError, AssertionError, KeyError) instead of a
// TableMarkupError, an *Error with a message of this package's own (all
// starting with "Malformed table") and Offset 0 is returned. The reST
// parser's table isolation rules out most of them (empty blocks, ragged
// grid lines, a missing top-left corner), but some contorted grid tables
// that pass it still make docutils trip over an assertion, e.g.
//
//	+-+----+
//	+-++- -+
//	+--+-+-+
//
// for which ParseGrid reports "Malformed table; overlapping cells.".
type Error struct {
	Msg    string
	Offset int
}

// Error returns Msg, like str() of docutils' TableMarkupError.
func (e *Error) Error() string { return e.Msg }

// PadDoubleWidth returns line with PadChar inserted after each East Asian
// wide or full-width character (Unicode East_Asian_Width W or F, using
// Python's Unicode 14 data as docutils does), as docutils'
// StringList.pad_double_width does; the length of the result in code
// points is the line's width in display columns (combining characters
// aside). A wide character already followed by PadChar is left alone, so
// padding twice is harmless. The reST parser pads lines this way before it
// measures and isolates a table.
func PadDoubleWidth(line string) string {
	for _, r := range line {
		if isWide(r) {
			return string(padRunes(line))
		}
	}
	return line
}

// ParseGrid parses a grid table (docutils' GridTableParser.parse). block
// holds the table's lines, the first being its top border, without
// surrounding whitespace (docutils' isolate_grid_table strips it). Lines
// may be given raw or already passed through PadDoubleWidth.
//
// A malformed table yields an *Error.
func ParseGrid(block []string) (*Table, error) {
	if len(block) == 0 {
		return nil, errEmpty
	}
	p := newGridParser(block)
	if err := p.findHeadBodySep(); err != nil {
		return nil, err
	}
	if err := p.parseTable(); err != nil {
		return nil, err
	}
	return p.structure()
}

// ParseSimple parses a simple table (docutils' SimpleTableParser.parse).
// block holds the table's lines from its top border to its bottom border,
// as docutils' isolate_simple_table passes them. Lines may be given raw or
// already passed through PadDoubleWidth.
//
// A malformed table yields an *Error.
func ParseSimple(block []string) (*Table, error) {
	if len(block) == 0 {
		return nil, errEmpty
	}
	p := newSimpleParser(block)
	if err := p.findHeadBodySep(); err != nil {
		return nil, err
	}
	if err := p.parseTable(); err != nil {
		return nil, err
	}
	return p.structure(), nil
}

// errEmpty is returned for an empty block (docutils: IndexError).
var errEmpty = &Error{Msg: "Malformed table; empty block."}

// headBodySep is the checking part of docutils'
// TableParser.find_head_body_sep: given the indices of the lines matching
// the separator pattern and the block length, it returns the separator
// index (-1 for none) or docutils' error. As in docutils, a separator on the first
// line does not count when checking for a second one.
func headBodySep(matches []int, n int) (int, error) {
	sep := -1
	for _, i := range matches {
		if sep > 0 {
			return -1, &Error{
				Msg: "Multiple head/body row separators (table lines " +
					strconv.Itoa(sep+1) + " and " + strconv.Itoa(i+1) + "); only one allowed.",
				Offset: i,
			}
		}
		sep = i
	}
	if sep == 0 || sep == n-1 {
		return -1, &Error{
			Msg:    "The head/body row separator may not be the first or last line of the table.",
			Offset: n - 1,
		}
	}
	return sep, nil
}
