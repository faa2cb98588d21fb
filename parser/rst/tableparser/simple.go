package tableparser

import (
	"math"
	"strconv"
)

// simpleParser holds the state of docutils' SimpleTableParser.
type simpleParser struct {
	text
	headBodySep int      // head/body separator line, -1 for none
	columns     [][2]int // [start, end) of each column, from the top border
	borderEnd   int      // end of the top border's last column
	table       [][]*Cell
}

var errNoColumns = &Error{Msg: "Malformed table; no columns in the top border."}

func newSimpleParser(block []string) *simpleParser {
	p := &simpleParser{text: newText(block), headBodySep: -1}
	// Convert top and bottom borders to column span underlines.
	replaceRune(p.lines[0], '=', '-')
	replaceRune(p.lines[len(p.lines)-1], '=', '-')
	return p
}

// findHeadBodySep is TableParser.find_head_body_sep for simple tables.
func (p *simpleParser) findHeadBodySep() error {
	var matches []int
	for i, l := range p.lines {
		if matchRule(l, '=') {
			matches = append(matches, i)
		}
	}
	sep, err := headBodySep(matches, len(p.lines))
	if err != nil {
		return err
	}
	for _, i := range matches {
		replaceRune(p.lines[i], '=', '-')
	}
	p.headBodySep = sep
	return nil
}

// parseTable is SimpleTableParser.parse_table: take the columns from the
// top border, then gather the lines of each row and parse it.
func (p *simpleParser) parseTable() error {
	cols, err := p.parseColumns(p.lines[0], 0)
	if err != nil {
		return err
	}
	if len(cols) == 0 {
		return errNoColumns
	}
	p.columns = cols
	p.borderEnd = cols[len(cols)-1][1]
	firstStart, firstEnd := cols[0][0], cols[0][1]
	start := 1
	textFound := false
	for offset := 1; offset < len(p.lines); offset++ {
		line := p.lines[offset]
		switch {
		case matchRule(line, '-'):
			// Column span underline or border; the row is complete.
			if err := p.parseRow(start, offset, rstrip(line), offset); err != nil {
				return err
			}
			start = offset + 1
			textFound = false
		case !isBlank(line, firstStart, firstEnd):
			// First column not blank, therefore it's a new row.
			if textFound && offset != start {
				if err := p.parseRow(start, offset, nil, 0); err != nil {
					return err
				}
			}
			start = offset
			textFound = true
		case !textFound:
			start = offset + 1
		}
	}
	return nil
}

// parseColumns is SimpleTableParser.parse_columns: the [start, end) pairs
// of the dash runs in a column span underline at line offset.
func (p *simpleParser) parseColumns(line []rune, offset int) ([][2]int, error) {
	var cols [][2]int
	end := 0
	for {
		begin := index(line, '-', end)
		if begin < 0 {
			break
		}
		end = index(line, ' ', begin)
		if end < 0 {
			end = len(line)
		}
		cols = append(cols, [2]int{begin, end})
	}
	if len(p.columns) > 0 {
		if len(cols) == 0 {
			return nil, errNoColumns
		}
		last := len(cols) - 1
		if cols[last][1] != p.borderEnd {
			return nil, &Error{
				Msg:    "Column span incomplete in table line " + strconv.Itoa(offset+1) + ".",
				Offset: offset,
			}
		}
		// Allow for an unbounded rightmost column.
		cols[last][1] = p.columns[len(p.columns)-1][1]
	}
	return cols, nil
}

// parseRow is SimpleTableParser.parse_row for block lines [start, end);
// span is the row's column span underline (nil for none) at line
// spanOffset.
func (p *simpleParser) parseRow(start, end int, span []rune, spanOffset int) error {
	end = max(start, end)
	if start == end && span == nil {
		return nil // no new row, just blank lines
	}
	var columns [][2]int
	if span != nil {
		var err error
		if columns, err = p.parseColumns(span, spanOffset); err != nil {
			return err
		}
	} else {
		columns = append([][2]int(nil), p.columns...)
	}
	if err := p.checkColumns(start, end, columns); err != nil {
		return err
	}
	row, err := p.initRow(columns, start)
	if err != nil {
		return err
	}
	for i, c := range columns {
		row[i].Lines = p.block2D(start, c[0], end, c[1])
	}
	p.table = append(p.table, row)
	return nil
}

// checkColumns is SimpleTableParser.check_columns: reject text in column
// margins and widen the last column for text extending past it.
func (p *simpleParser) checkColumns(first, end int, columns [][2]int) error {
	// Combining characters do not contribute to the column width.
	lines := make([][]rune, end-first)
	for i := range lines {
		lines[i] = stripCombining(p.lines[first+i])
	}
	last := len(columns) - 1
	for i := range columns {
		start, colEnd := columns[i][0], columns[i][1]
		nextStart := math.MaxInt
		if i < last {
			nextStart = columns[i+1][0]
		}
		for off, line := range lines {
			if i == last && !isBlank(line, colEnd, len(line)) {
				newEnd := start + len(rstrip(slice(line, start, len(line))))
				main := &p.columns[len(p.columns)-1]
				columns[i] = [2]int{start, max(main[1], newEnd)}
				if newEnd > main[1] {
					main[1] = newEnd
				}
			} else if !isBlank(line, colEnd, nextStart) {
				return &Error{
					Msg:    "Text in column margin in table line " + strconv.Itoa(first+off+1) + ".",
					Offset: first + off,
				}
			}
		}
	}
	return nil
}

// stripCombining is docutils.utils.strip_combining_chars.
func stripCombining(l []rune) []rune {
	var out []rune
	for i, r := range l {
		if isCombining(r) {
			if out == nil {
				out = append(make([]rune, 0, len(l)), l[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, r)
		}
	}
	if out == nil {
		return l
	}
	return out
}

// initRow is SimpleTableParser.init_row: one empty cell per column span,
// with its morecols counted against the table's columns.
func (p *simpleParser) initRow(colspec [][2]int, offset int) ([]*Cell, error) {
	alignErr := &Error{
		Msg:    "Column span alignment problem in table line " + strconv.Itoa(offset+2) + ".",
		Offset: offset + 1,
	}
	cells := make([]*Cell, 0, len(colspec))
	i := 0
	for _, c := range colspec {
		if i >= len(p.columns) || c[0] != p.columns[i][0] {
			return nil, alignErr
		}
		morecols := 0
		for c[1] != p.columns[i][1] {
			i++
			morecols++
			if i >= len(p.columns) {
				return nil, alignErr
			}
		}
		cells = append(cells, &Cell{MoreCols: morecols, Offset: offset})
		i++
	}
	return cells, nil
}

// structure is SimpleTableParser.structure_from_cells.
func (p *simpleParser) structure() *Table {
	widths := make([]int, len(p.columns))
	for i, c := range p.columns {
		widths[i] = c[1] - c[0]
	}
	firstBody := 0
	if p.headBodySep > 0 {
		for i, row := range p.table {
			if len(row) > 0 && row[0].Offset > p.headBodySep {
				firstBody = i
				break
			}
		}
	}
	return &Table{
		ColWidths: widths,
		HeadRows:  p.table[:firstBody],
		BodyRows:  p.table[firstBody:],
	}
}
