package tableparser

import "strconv"

// gridParser holds the state of docutils' GridTableParser.
type gridParser struct {
	text
	bottom, right int   // last line index, last column index (of the first line)
	headBodySep   int   // head/body separator line, -1 for none
	done          []int // per text column, the last line seen
	rowSep        []bool
	colSep        []bool
	cells         []gridCell
	// Lazily computed runs that make docutils' scan_left and scan_up O(1):
	// hRun[r][c] counts the '-'/'+' characters from (r, c) rightwards,
	// vRun[c][r] the '|'/'+' characters from (r, c) downwards.
	hRun map[int][]int32
	vRun map[int][]int32
	err  *Error // set by the scanners when docutils would crash
}

type gridCell struct {
	top, left, bottom, right int
	lines                    []string
}

var (
	errRagged   = &Error{Msg: "Malformed table; lines of unequal length."}
	errNoCorner = &Error{Msg: "Malformed table; no cell corner at the top left."}
	errOverlap  = &Error{Msg: "Malformed table; overlapping cells."}
	errSepRow   = &Error{Msg: "Malformed table; head/body separator is not a row boundary."}
)

func newGridParser(block []string) *gridParser {
	p := &gridParser{text: newText(block), headBodySep: -1}
	width := len(p.lines[0])
	p.bottom = len(p.lines) - 1
	p.right = width - 1
	p.done = make([]int, width)
	for i := range p.done {
		p.done[i] = -1
	}
	p.rowSep = make([]bool, len(p.lines))
	p.colSep = make([]bool, max(width, 1))
	p.rowSep[0] = true
	p.colSep[0] = true
	p.hRun = map[int][]int32{}
	p.vRun = map[int][]int32{}
	return p
}

// findHeadBodySep is TableParser.find_head_body_sep for grid tables.
func (p *gridParser) findHeadBodySep() error {
	var matches []int
	for i, l := range p.lines {
		if matchGridSep(l) {
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

// parseTable is GridTableParser.parse_table: trace cells from a queue of
// upper-left corners, processed top to bottom, left to right.
func (p *gridParser) parseTable() error {
	q := cornerQueue{{0, 0}}
	for len(q) > 0 {
		c := q.pop()
		top, left := c[0], c[1]
		if top == p.bottom || left == p.right {
			continue
		}
		if left >= len(p.done) {
			return errRagged
		}
		if top <= p.done[left] {
			continue
		}
		bottom, right, ok := p.scanCell(top, left)
		if p.err != nil {
			return p.err
		}
		if !ok {
			continue
		}
		p.recordSeps(top, left, bottom, right)
		if err := p.markDone(top, left, bottom, right); err != nil {
			return err
		}
		p.cells = append(p.cells, gridCell{top, left, bottom, right,
			p.block2D(top+1, left+1, bottom, right)})
		q.push([2]int{top, right})
		q.push([2]int{bottom, left})
	}
	for col := 0; col < p.right; col++ {
		if p.done[col] != p.bottom-1 {
			return &Error{Msg: "Malformed table; parse incomplete."}
		}
	}
	return nil
}

// markDone is GridTableParser.mark_done; docutils asserts where this
// returns an error.
func (p *gridParser) markDone(top, left, bottom, right int) error {
	for col := left; col < right; col++ {
		if p.done[col] != top-1 {
			return errOverlap
		}
		p.done[col] = bottom - 1
	}
	return nil
}

// at returns line r's character at column c, recording docutils'
// IndexError when the line is too short.
func (p *gridParser) at(r, c int) rune {
	if c >= len(p.lines[r]) {
		p.err = errRagged
		return 0
	}
	return p.lines[r][c]
}

// scanCell is GridTableParser.scan_cell and scan_right: look for the
// top-right corner of the cell starting at (top, left).
func (p *gridParser) scanCell(top, left int) (bottom, right int, ok bool) {
	if ch := p.at(top, left); p.err != nil {
		return 0, 0, false
	} else if ch != '+' {
		p.err = errNoCorner
		return 0, 0, false
	}
	for i := left + 1; i <= p.right; i++ {
		switch p.at(top, i) {
		case '+':
			if bottom, ok := p.scanDown(top, left, i); ok || p.err != nil {
				return bottom, i, ok
			}
		case '-':
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// scanDown is GridTableParser.scan_down: look for the bottom-right corner.
func (p *gridParser) scanDown(top, left, right int) (int, bool) {
	for i := top + 1; i <= p.bottom; i++ {
		switch p.at(i, right) {
		case '+':
			if p.closes(top, left, i, right) {
				return i, true
			}
		case '|':
		default:
			return 0, false
		}
	}
	return 0, false
}

// closes combines GridTableParser.scan_left and scan_up: does the cell's
// bottom border run from (bottom, right) back to a '+' at (bottom, left),
// and its left border from there up to the starting corner?
func (p *gridParser) closes(top, left, bottom, right int) bool {
	row := p.lines[bottom]
	if row[left] != '+' {
		return false
	}
	if int(p.hRunAt(bottom, left+1)) < right-left-1 {
		return false
	}
	return int(p.vRunAt(top+1, left)) >= bottom-top-1
}

func isHoriz(r rune) bool { return r == '-' || r == '+' }
func isVert(r rune) bool  { return r == '|' || r == '+' }

// hRunAt returns the number of '-'/'+' characters from (r, c) rightwards.
func (p *gridParser) hRunAt(r, c int) int32 {
	run, ok := p.hRun[r]
	if !ok {
		line := p.lines[r]
		run = make([]int32, len(line)+1)
		for i := len(line) - 1; i >= 0; i-- {
			if isHoriz(line[i]) {
				run[i] = run[i+1] + 1
			}
		}
		p.hRun[r] = run
	}
	if c >= len(run) {
		return 0
	}
	return run[c]
}

// vRunAt returns the number of '|'/'+' characters from (r, c) downwards.
func (p *gridParser) vRunAt(r, c int) int32 {
	run, ok := p.vRun[c]
	if !ok {
		run = make([]int32, len(p.lines)+1)
		for i := len(p.lines) - 1; i >= 0; i-- {
			if c < len(p.lines[i]) && isVert(p.lines[i][c]) {
				run[i] = run[i+1] + 1
			}
		}
		p.vRun[c] = run
	}
	if r >= len(run) {
		return 0
	}
	return run[r]
}

// recordSeps notes the row and column boundaries docutils' scanners
// collect for a successfully traced cell: every '+' on its four sides.
func (p *gridParser) recordSeps(top, left, bottom, right int) {
	for i := left + 1; i <= right; i++ {
		if p.lines[top][i] == '+' {
			p.colSep[i] = true
		}
		if i < right && p.lines[bottom][i] == '+' {
			p.colSep[i] = true
		}
	}
	for i := top + 1; i <= bottom; i++ {
		if p.lines[i][right] == '+' {
			p.rowSep[i] = true
		}
		if i < bottom && p.lines[i][left] == '+' {
			p.rowSep[i] = true
		}
	}
}

// structure is GridTableParser.structure_from_cells.
func (p *gridParser) structure() (*Table, error) {
	rowIndex := make([]int, len(p.rowSep))
	nrows := 0
	for i, sep := range p.rowSep {
		rowIndex[i] = -1
		if sep {
			rowIndex[i] = nrows
			nrows++
		}
	}
	colIndex := make([]int, len(p.colSep))
	var colWidths []int
	ncols, prev := 0, 0
	for i, sep := range p.colSep {
		colIndex[i] = -1
		if sep {
			if ncols > 0 {
				colWidths = append(colWidths, i-prev-1)
			}
			colIndex[i] = ncols
			ncols++
			prev = i
		}
	}
	nrows--
	ncols--
	rows := make([][]*Cell, nrows)
	for i := range rows {
		rows[i] = make([]*Cell, ncols)
	}
	remaining := nrows * ncols
	for _, c := range p.cells {
		rownum, colnum := rowIndex[c.top], colIndex[c.left]
		if rows[rownum][colnum] != nil {
			return nil, &Error{Msg: "Malformed table; cell (row " +
				strconv.Itoa(rownum+1) + ", column " + strconv.Itoa(colnum+1) +
				") already used."}
		}
		morerows := rowIndex[c.bottom] - rownum - 1
		morecols := colIndex[c.right] - colnum - 1
		remaining -= (morerows + 1) * (morecols + 1)
		rows[rownum][colnum] = &Cell{
			MoreRows: morerows,
			MoreCols: morecols,
			Offset:   c.top + 1,
			Lines:    c.lines,
		}
	}
	if remaining != 0 {
		return nil, &Error{Msg: "Malformed table; unused cells remaining."}
	}
	t := &Table{ColWidths: colWidths, BodyRows: rows}
	if p.headBodySep > 0 {
		n := rowIndex[p.headBodySep]
		if n < 0 {
			return nil, errSepRow
		}
		t.HeadRows, t.BodyRows = rows[:n], rows[n:]
	}
	return t, nil
}

// cornerQueue is a min-heap of (top, left) corners; popping the least
// corner matches docutils' sort-then-pop(0) queue.
type cornerQueue [][2]int

func less(a, b [2]int) bool { return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]) }

func (q *cornerQueue) push(c [2]int) {
	h := append(*q, c)
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if !less(h[i], h[parent]) {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
	*q = h
}

func (q *cornerQueue) pop() [2]int {
	h := *q
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && less(h[l], h[m]) {
			m = l
		}
		if r < len(h) && less(h[r], h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
}
