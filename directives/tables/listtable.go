package tables

import (
	"fmt"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// runListTable is docutils' ListTable.run: a table whose rows are the
// items of a two-level bullet list.
func runListTable(c *directives.Call) ([]doctree.Node, error) {
	if c.Content.Len() == 0 {
		return []doctree.Node{sysMsg(c, doctree.LevelError, fmt.Sprintf(
			"The \"%s\" directive is empty; content required.", c.Name))}, nil
	}
	title, msgs := makeTitle(c)
	node := doctree.NewElement("")
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	widths, err := checkListContent(c, node)
	if err != nil {
		return finish(nil, err)
	}
	var data [][][]doctree.Node
	for _, rowItem := range node.Children[0].(*doctree.Element).ChildElements() {
		var row [][]doctree.Node
		for _, item := range rowItem.Children[0].(*doctree.Element).ChildElements() {
			row = append(row, append([]doctree.Node(nil), item.Children...))
		}
		data = append(data, row)
	}
	headerRows := intOption(c, "header-rows")
	stubColumns := intOption(c, "stub-columns")
	rowLens := make([]int, len(data))
	for i, r := range data {
		rowLens[i] = len(r)
	}
	if err := checkTableDimensions(c, rowLens, headerRows, stubColumns); err != nil {
		return finish(nil, err)
	}
	table := buildTableFromList(c, data, widths, headerRows, stubColumns)
	return finishTable(c, table, title, msgs), nil
}

// checkListContent checks for a uniform two-level bullet list and returns
// the column widths (docutils' ListTable.check_list_content).
func checkListContent(c *directives.Call, node *doctree.Element) ([]int, error) {
	if len(node.Children) != 1 || !isTag(node.Children[0], doctree.TagBulletList) {
		return nil, fail(c, doctree.LevelError, fmt.Sprintf(
			"Error parsing content block for the \"%s\" directive: exactly one bullet list expected.", c.Name))
	}
	list := node.Children[0].(*doctree.Element)
	numCols := 0
	for i, ch := range list.Children {
		item, _ := ch.(*doctree.Element)
		if item == nil || len(item.Children) != 1 || !isTag(item.Children[0], doctree.TagBulletList) {
			return nil, fail(c, doctree.LevelError, fmt.Sprintf(
				"Error parsing content block for the \"%s\" directive: two-level bullet list expected, "+
					"but row %d does not contain a second-level bullet list.", c.Name, i+1))
		}
		n := len(item.Children[0].(*doctree.Element).Children)
		if i == 0 {
			numCols = n
		} else if n != numCols {
			return nil, fail(c, doctree.LevelError, fmt.Sprintf(
				"Error parsing content block for the \"%s\" directive: uniform two-level bullet list expected, "+
					"but row %d does not contain the same number of items as row 1 (%d vs %d).",
				c.Name, i+1, n, numCols))
		}
	}
	return columnWidths(c, numCols)
}

// buildTableFromList is docutils' ListTable.build_table_from_list.
func buildTableFromList(c *directives.Call, data [][][]doctree.Node, widths []int, headerRows, stubColumns int) *doctree.Element {
	table := doctree.NewElement(doctree.TagTable)
	word, list := widthsOption(c)
	if word == "auto" {
		table.Classes = append(table.Classes, "colwidths-auto")
	} else if word != "" || list != nil {
		table.Classes = append(table.Classes, "colwidths-given")
	}
	tgroup := doctree.NewElement(doctree.TagTgroup)
	tgroup.Set("cols", len(widths))
	table.Append(tgroup)
	for _, w := range widths {
		colspec := doctree.NewElement(doctree.TagColspec)
		colspec.Set("colwidth", w)
		if stubColumns > 0 {
			colspec.Set("stub", 1)
			stubColumns--
		}
		tgroup.Append(colspec)
	}
	rows := make([]doctree.Node, len(data))
	for i, cells := range data {
		row := doctree.NewElement(doctree.TagRow)
		for _, cell := range cells {
			entry := doctree.NewElement(doctree.TagEntry)
			entry.Append(cell...)
			row.Append(entry)
		}
		rows[i] = row
	}
	if headerRows > 0 {
		thead := doctree.NewElement(doctree.TagThead)
		thead.Append(rows[:headerRows]...)
		tgroup.Append(thead)
	}
	tbody := doctree.NewElement(doctree.TagTbody)
	tbody.Append(rows[headerRows:]...)
	tgroup.Append(tbody)
	return table
}
