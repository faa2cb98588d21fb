package text

import "strings"

// cell is one table cell; a cell spanning several rows or columns is
// referenced from every grid position it covers.
type cell struct {
	text             string
	wrapped          []string
	rowspan, colspan int
	row, col         int
}

// table is Sphinx's text-writer Table: a grid of cells filled row by row,
// drawn with +, -, = and | once complete.
type table struct {
	lines     [][]*cell
	separator int // index of the first body row when there is a head
	colwidth  []int
	measured  []int
	curLine   int
	curCol    int
}

func (t *table) addRow() {
	t.curLine++
	t.curCol = 0
}

func (t *table) setSeparator() { t.separator = len(t.lines) }

// addCell puts c in the first free position of the current row.
func (t *table) addCell(c *cell) {
	for t.get(t.curLine, t.curCol) != nil {
		t.curCol++
	}
	t.set(t.curLine, t.curCol, c)
	t.curCol += c.colspan
}

func (t *table) get(line, col int) *cell {
	t.ensureLines(line + 1)
	t.ensureColumns(col + 1)
	return t.lines[line][col]
}

func (t *table) set(line, col int, c *cell) {
	t.ensureLines(line + c.rowspan)
	t.ensureColumns(col + c.colspan)
	for dl := 0; dl < c.rowspan; dl++ {
		for dc := 0; dc < c.colspan; dc++ {
			t.lines[line+dl][col+dc] = c
		}
	}
	c.row, c.col = line, col
}

func (t *table) ensureLines(n int) {
	for len(t.lines) < n {
		t.lines = append(t.lines, nil)
	}
}

func (t *table) ensureColumns(n int) {
	for i := range t.lines {
		for len(t.lines[i]) < n {
			t.lines[i] = append(t.lines[i], nil)
		}
	}
}

// cellWidth is the width of a cell's text area given column widths:
// the spanned columns plus the three characters of each inner border.
func (t *table) cellWidth(c *cell, widths []int) int {
	w := 0
	for i := 0; i < c.colspan; i++ {
		if c.col+i < len(widths) {
			w += widths[c.col+i]
		}
	}
	return w + (c.colspan-1)*3
}

// cells returns each cell once, in reading order.
func (t *table) cells() []*cell {
	seen := map[*cell]bool{}
	var out []*cell
	for _, line := range t.lines {
		for _, c := range line {
			if c != nil && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// rewrap wraps every cell to its column widths and widens columns to the
// widest wrapped line (a spanning cell's width is shared evenly, rounded
// up).
func (t *table) rewrap(wrapWidth func(string, int) []string) {
	t.measured = append([]int(nil), t.colwidth...)
	for _, c := range t.cells() {
		c.wrapped = wrapWidth(c.text, t.cellWidth(c, t.colwidth))
		if len(c.wrapped) == 0 {
			continue
		}
		widest := 0
		for _, l := range c.wrapped {
			widest = max(widest, ColumnWidth(l))
		}
		w := (widest + c.colspan - 1) / c.colspan
		for col := c.col; col < c.col+c.colspan && col < len(t.measured); col++ {
			t.measured[col] = max(t.measured[col], w)
		}
	}
}

// separatorLine draws the border above line lineno (or the bottom border
// when lineno < 0), leaving gaps where a cell spans both rows.
func (t *table) separatorLine(char byte, lineno int) string {
	parts := make([]string, len(t.measured))
	for col, w := range t.measured {
		if lineno > 0 && t.get(lineno, col) == t.get(lineno-1, col) {
			parts[col] = strings.Repeat(" ", w+2)
		} else {
			parts[col] = strings.Repeat(string(char), w+2)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	var b strings.Builder
	if parts[0][0] == '-' {
		b.WriteByte('+')
	} else {
		b.WriteByte('|')
	}
	for i, p := range parts {
		b.WriteString(p)
		switch {
		case i+1 < len(parts) && (p[0] == '-' || parts[i+1][0] == '-'):
			b.WriteByte('+')
		case i+1 < len(parts):
			b.WriteByte('|')
		case p[0] == '-':
			b.WriteByte('+')
		default:
			b.WriteByte('|')
		}
	}
	return b.String()
}

// render draws the table (Sphinx's Table.__str__); lines are joined with
// "\n" whatever the writer's newline.
func (t *table) render(wrapWidth func(string, int) []string) string {
	t.rewrap(wrapWidth)
	var out []string
	for lineno, line := range t.lines {
		if t.separator != 0 && lineno == t.separator {
			out = append(out, t.separatorLine('=', lineno))
		} else {
			out = append(out, t.separatorLine('-', lineno))
		}
		physical := 1
		for _, c := range line {
			if c != nil {
				physical = max(physical, len(c.wrapped))
			}
		}
		for pl := 0; pl < physical; pl++ {
			var b strings.Builder
			b.WriteByte('|')
			for col, c := range line {
				if c == nil || c.col != col {
					continue
				}
				text := ""
				if lineno == c.row && pl < len(c.wrapped) {
					text = c.wrapped[pl]
				}
				n := len([]rune(text))
				pad := t.cellWidth(c, t.measured) + 1 + n - ColumnWidth(text)
				b.WriteByte(' ')
				b.WriteString(text)
				if pad > n {
					b.WriteString(strings.Repeat(" ", pad-n))
				}
				b.WriteByte('|')
			}
			out = append(out, b.String())
		}
	}
	out = append(out, t.separatorLine('-', -1))
	return strings.Join(out, "\n")
}
