package rst

import (
	"errors"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst/tableparser"
)

// This file holds Body's table transitions (grid and simple tables) and
// build_table, which the table directives use too.

// tableTop is Body.grid_table_top / simple_table_top.
func (m *machine) tableTop(grid bool) result {
	nodes, blankFinish := m.table(grid)
	m.add(nodes...)
	if !blankFinish {
		m.add(m.ds.rep.Warning("Blank line required after table.", doctree.MsgOpts{Line: m.absLineNumber() + 1}))
	}
	return resStay
}

// table is Body.table.
func (m *machine) table(grid bool) ([]doctree.Node, bool) {
	var block *stringList
	var messages []*doctree.Element
	var blankFinish bool
	if grid {
		block, messages, blankFinish = m.isolateGridTable()
	} else {
		block, messages, blankFinish = m.isolateSimpleTable()
	}
	if block == nil || block.Len() == 0 {
		return elems(messages), blankFinish
	}
	var t *tableparser.Table
	var err error
	if grid {
		t, err = tableparser.ParseGrid(block.data)
	} else {
		t, err = tableparser.ParseSimple(block.data)
	}
	if err != nil {
		detail, offset := err.Error(), 0
		var te *tableparser.Error
		if errors.As(err, &te) {
			detail, offset = te.Msg, te.Offset
		}
		out := elems(m.malformedTable(block, detail, offset))
		return append(out, elems(messages)...), blankFinish
	}
	tableLine := m.absLineNumber() - block.Len() + 1
	table := m.buildTable(specFromTable(t, block), tableLine, 0, "")
	out := []doctree.Node{table}
	return append(out, elems(messages)...), blankFinish
}

// specFromTable turns the table parser's result into a table spec whose
// cells carry the origins of their lines.
func specFromTable(t *tableparser.Table, block *stringList) *directives.TableSpec {
	conv := func(rows [][]*tableparser.Cell) [][]*directives.TableCell {
		out := make([][]*directives.TableCell, len(rows))
		for i, row := range rows {
			r := make([]*directives.TableCell, len(row))
			for j, c := range row {
				if c == nil {
					continue
				}
				items := make([]directives.LineItem, len(c.Lines))
				for k := range items {
					if idx := c.Offset + k; idx >= 0 && idx < len(block.items) {
						items[k] = block.items[idx]
					}
				}
				r[j] = &directives.TableCell{
					MoreRows: c.MoreRows, MoreCols: c.MoreCols, Offset: c.Offset,
					Content: directives.Content{Lines: c.Lines, Items: items},
				}
			}
			out[i] = r
		}
		return out
	}
	return &directives.TableSpec{ColWidths: t.ColWidths, HeadRows: conv(t.HeadRows), BodyRows: conv(t.BodyRows)}
}

// isolateGridTable is Body.isolate_grid_table.
func (m *machine) isolateGridTable() (*stringList, []*doctree.Element, bool) {
	var messages []*doctree.Element
	blankFinish := true
	block, unexpected, src, srcline := m.getTextBlock(true)
	if unexpected {
		messages = append(messages, m.ds.rep.Error("Unexpected indentation.", doctree.MsgOpts{Source: src, SourceLine: srcline}))
		blankFinish = false
	}
	block.disconnect()
	block.padDoubleWidth()
	if block.Len() == 0 {
		return nil, messages, blankFinish
	}
	width := cpLen(pyStrip(block.data[0]))
	for i := 0; i < block.Len(); i++ {
		block.data[i] = pyStrip(block.data[i])
		if c := block.data[i]; c == "" || (c[0] != '+' && c[0] != '|') {
			blankFinish = false
			m.previousLine(block.Len() - i)
			block.truncate(i)
			break
		}
	}
	if block.Len() == 0 || !matchGridTableTop(block.data[block.Len()-1]) { // find bottom
		blankFinish = false
		found := false
		// from second-last to third line of table:
		for i := block.Len() - 2; i > 1; i-- {
			if matchGridTableTop(block.data[i]) {
				m.previousLine(block.Len() - i + 1)
				block.truncate(i + 1)
				found = true
				break
			}
		}
		if !found {
			messages = append(messages, m.malformedTable(block, "", 0)...)
			return nil, messages, blankFinish
		}
	}
	for _, line := range block.data { // check right edge
		if cpLen(line) != width || (line[len(line)-1] != '+' && line[len(line)-1] != '|') {
			messages = append(messages, m.malformedTable(block, "", 0)...)
			return nil, messages, blankFinish
		}
	}
	return block, messages, blankFinish
}

// isolateSimpleTable is Body.isolate_simple_table.
func (m *machine) isolateSimpleTable() (*stringList, []*doctree.Element, bool) {
	start := m.lineOffset
	lines := m.input
	limit := lines.Len() - 1
	topLen := cpLen(pyStrip(lines.data[start]))
	found := 0
	foundAt := -1
	end := -1
	nextBlank := func(i int) bool { return i == limit || isBlank(lines.data[i+1]) }
	i := start + 1
	for ; i <= limit; i++ {
		line := lines.data[i]
		if !matchSimpleTableBorder(line) {
			continue
		}
		if cpLen(pyStrip(line)) != topLen {
			m.nextLine(i - start)
			messages := m.malformedTable(lines.slice(start, i+1),
				"Bottom/header table border does not match top border.", 0)
			return nil, messages, nextBlank(i)
		}
		found++
		foundAt = i
		if found == 2 || nextBlank(i) {
			end = i
			break
		}
	}
	if end < 0 { // reached the end of the input
		var extra string
		var block *stringList
		if found > 0 {
			extra = " or no blank line after table bottom"
			m.nextLine(foundAt - start)
			block = lines.slice(start, foundAt+1)
		} else {
			m.nextLine(i - start - 1)
			block = lines.from(start)
		}
		messages := m.malformedTable(block, "No bottom table border found"+extra+".", 0)
		return nil, messages, extra == ""
	}
	m.nextLine(end - start)
	block := lines.slice(start, end+1)
	block.padDoubleWidth()
	return block, nil, nextBlank(end)
}

// malformedTable is Body.malformed_table.
func (m *machine) malformedTable(block *stringList, detail string, offset int) []*doctree.Element {
	block.own()
	for i, l := range block.data {
		block.data[i] = strings.ReplaceAll(l, string(tableparser.PadChar), "")
	}
	data := strings.Join(block.data, "\n")
	message := "Malformed table."
	startLine := m.absLineNumber() - block.Len() + 1
	if detail != "" {
		message += "\n" + detail
	}
	return []*doctree.Element{m.ds.rep.Error(message, m.ds.lineOpts(startLine+offset), literalBlock(data, data))}
}

// buildTable is Body.build_table.
func (m *machine) buildTable(t *directives.TableSpec, tableLine, stubColumns int, widths string) *doctree.Element {
	table := doctree.NewElement(doctree.TagTable)
	switch widths {
	case "":
	case "auto":
		table.Classes = append(table.Classes, "colwidths-auto")
	default: // "grid" or given widths
		table.Classes = append(table.Classes, "colwidths-given")
	}
	tgroup := doctree.NewElement(doctree.TagTgroup)
	tgroup.Set("cols", len(t.ColWidths))
	m.ds.appendTo(table, tgroup)
	for _, w := range t.ColWidths {
		colspec := doctree.NewElement(doctree.TagColspec)
		colspec.Set("colwidth", w)
		if stubColumns > 0 {
			colspec.Set("stub", 1)
			stubColumns--
		}
		m.ds.appendTo(tgroup, colspec)
	}
	if len(t.HeadRows) > 0 {
		thead := doctree.NewElement(doctree.TagThead)
		m.ds.appendTo(tgroup, thead)
		for _, row := range t.HeadRows {
			m.ds.appendTo(thead, m.buildTableRow(row, tableLine))
		}
	}
	tbody := doctree.NewElement(doctree.TagTbody)
	m.ds.appendTo(tgroup, tbody)
	for _, row := range t.BodyRows {
		m.ds.appendTo(tbody, m.buildTableRow(row, tableLine))
	}
	return table
}

// buildTableRow is Body.build_table_row.
func (m *machine) buildTableRow(cells []*directives.TableCell, tableLine int) *doctree.Element {
	row := doctree.NewElement(doctree.TagRow)
	for _, c := range cells {
		if c == nil {
			continue
		}
		entry := doctree.NewElement(doctree.TagEntry)
		if c.MoreRows != 0 {
			entry.Set("morerows", c.MoreRows)
		}
		if c.MoreCols != 0 {
			entry.Set("morecols", c.MoreCols)
		}
		m.ds.appendTo(row, entry)
		if strings.Join(c.Content.Lines, "") != "" {
			m.nestedParse(fromContent(c.Content), tableLine+c.Offset, entry, false, stBody)
		}
	}
	return row
}
