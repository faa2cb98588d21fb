// Package tables implements docutils' table, csv-table and list-table
// directives (docutils.parsers.rst.directives.tables).
package tables

import (
	"fmt"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	reg.AddDirective("table", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              tableSpec([]string{"auto", "grid"}),
		Run:                     runTable,
	})
	csvSpec := tableSpec([]string{"auto"})
	for name, conv := range map[string]directives.OptionConv{
		"header-rows":  directives.NonnegativeInt,
		"stub-columns": directives.NonnegativeInt,
		"header":       directives.Unchanged,
		"file":         directives.Path,
		"url":          directives.URI,
		"encoding":     directives.Encoding,
		"delim":        directives.SingleCharOrWhitespaceOrUnicode,
		"keepspace":    directives.Flag,
		"quote":        directives.SingleCharOrUnicode,
		"escape":       directives.SingleCharOrUnicode,
	} {
		csvSpec[name] = conv
	}
	reg.AddDirective("csv-table", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              csvSpec,
		Run:                     runCSVTable,
	})
	listSpec := tableSpec([]string{"auto"})
	listSpec["header-rows"] = directives.NonnegativeInt
	listSpec["stub-columns"] = directives.NonnegativeInt
	reg.AddDirective("list-table", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              listSpec,
		Run:                     runListTable,
	})
}

// tableSpec is the option spec shared by the table directives; widthWords
// are the words the "widths" option accepts besides a list of integers.
func tableSpec(widthWords []string) map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"class":  directives.ClassOption,
		"name":   directives.Unchanged,
		"align":  directives.Choice("left", "center", "right"),
		"width":  directives.LengthOrPercentageOrUnitless(""),
		"widths": directives.ValueOr(widthWords, directives.PositiveIntList),
	}
}

// failure is a system message that ends a directive: docutils'
// SystemMessagePropagation, or a message the directive returns at once.
type failure struct{ msg *doctree.Element }

func (f *failure) Error() string { return f.msg.AsText() }

// sysMsg reports msg at the directive's line with its block text attached,
// as docutils' directives do with reporter.error(..., literal_block,
// line=self.lineno).
func sysMsg(c *directives.Call, level int, msg string) *doctree.Element {
	return c.Host.Reporter().SystemMessage(level, msg, doctree.MsgOpts{Line: c.Lineno},
		doctree.NewTextElement(doctree.TagLiteralBlock, c.BlockText, c.BlockText))
}

// fail returns a failure carrying a new message (see sysMsg).
func fail(c *directives.Call, level int, msg string) error {
	return &failure{sysMsg(c, level, msg)}
}

// finish turns a directive's outcome into its result: a failure becomes
// its message, as docutils' "except SystemMessagePropagation" does.
func finish(nodes []doctree.Node, err error) ([]doctree.Node, error) {
	if f, ok := err.(*failure); ok {
		return []doctree.Node{f.msg}, nil
	}
	return nodes, err
}

// classes returns the "class" option's value.
func classes(c *directives.Call) []string {
	v, _ := c.Options["class"].([]string)
	return v
}

// widthsOption returns the "widths" option: "" when absent, "auto" or
// "grid", or the list of widths.
func widthsOption(c *directives.Call) (word string, list []int) {
	switch v := c.Options["widths"].(type) {
	case string:
		return v, nil
	case []int:
		return "", v
	}
	return "", nil
}

// buildWidths is the widths argument of Host.BuildTable for the option.
func buildWidths(c *directives.Call) string {
	word, list := widthsOption(c)
	if list != nil {
		return "given"
	}
	return word
}

// intOption returns an integer option, 0 when absent.
func intOption(c *directives.Call, name string) int {
	v, _ := c.Options[name].(int)
	return v
}

// makeTitle parses the directive's argument into a title element, with the
// messages inline parsing gave (docutils' Table.make_title).
func makeTitle(c *directives.Call) (*doctree.Element, []doctree.Node) {
	if len(c.Arguments) == 0 {
		return nil, nil
	}
	text := c.Arguments[0]
	nodes, msgs := c.Host.ParseInline(text, c.Lineno)
	title := doctree.NewTextElement(doctree.TagTitle, text, "", nodes...)
	title.Source, title.Line = c.Host.SourceAndLine(c.Lineno)
	out := make([]doctree.Node, len(msgs))
	for i, m := range msgs {
		out[i] = m
	}
	return title, out
}

// finishTable applies the options every table directive shares and puts
// the title first.
func finishTable(c *directives.Call, table, title *doctree.Element, msgs []doctree.Node) []doctree.Node {
	table.Classes = append(table.Classes, classes(c)...)
	if v, ok := c.Options["align"]; ok {
		table.Set("align", v)
	}
	if v, ok := c.Options["width"]; ok {
		table.Set("width", v)
	}
	c.AddName(table)
	if title != nil {
		table.Insert(0, title)
	}
	return append([]doctree.Node{table}, msgs...)
}

// checkTableDimensions is docutils' Table.check_table_dimensions; rowLens
// holds the number of cells of each row.
func checkTableDimensions(c *directives.Call, rowLens []int, headerRows, stubColumns int) error {
	if len(rowLens) < headerRows {
		return fail(c, doctree.LevelError, fmt.Sprintf(
			"%d header row(s) specified but only %d row(s) of data supplied (\"%s\" directive).",
			headerRows, len(rowLens), c.Name))
	}
	if len(rowLens) == headerRows && headerRows > 0 {
		return fail(c, doctree.LevelError, fmt.Sprintf(
			"Insufficient data supplied (%d row(s)); no data remaining for table body, required by \"%s\" directive.",
			len(rowLens), c.Name))
	}
	for _, n := range rowLens {
		if n < stubColumns {
			return fail(c, doctree.LevelError, fmt.Sprintf(
				"%d stub column(s) specified but only %d columns(s) of data supplied (\"%s\" directive).",
				stubColumns, n, c.Name))
		}
		if n == stubColumns && stubColumns > 0 {
			return fail(c, doctree.LevelError, fmt.Sprintf(
				"Insufficient data supplied (%d columns(s)); no data remaining for table body, required by \"%s\" directive.",
				n, c.Name))
		}
	}
	return nil
}

// columnWidths is docutils' Table.get_column_widths.
func columnWidths(c *directives.Call, nCols int) ([]int, error) {
	if _, list := widthsOption(c); list != nil {
		if len(list) != nCols {
			return nil, fail(c, doctree.LevelError, fmt.Sprintf(
				"\"%s\" widths do not match the number of columns in table (%d).", c.Name, nCols))
		}
		return list, nil
	}
	if nCols == 0 {
		return nil, fail(c, doctree.LevelError, "No table data detected in CSV file.")
	}
	widths := make([]int, nCols)
	for i := range widths {
		widths[i] = 100 / nCols
	}
	return widths, nil
}

// runTable is docutils' RSTTable.run: a title and options for one grid
// or simple table given as content.
func runTable(c *directives.Call) ([]doctree.Node, error) {
	if c.Content.Len() == 0 {
		return []doctree.Node{sysMsg(c, doctree.LevelWarning, fmt.Sprintf(
			"Content block expected for the \"%s\" directive; none found.", c.Name))}, nil
	}
	title, msgs := makeTitle(c)
	node := doctree.NewElement("")
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	if len(node.Children) != 1 || !isTag(node.Children[0], doctree.TagTable) {
		return []doctree.Node{sysMsg(c, doctree.LevelError, fmt.Sprintf(
			"Error parsing content block for the \"%s\" directive: exactly one table expected.", c.Name))}, nil
	}
	table := node.Children[0].(*doctree.Element)
	node.Clear()
	word, list := widthsOption(c)
	if list != nil && len(table.Children) > 0 {
		if tgroup, ok := table.Children[0].(*doctree.Element); ok {
			widths, err := columnWidths(c, tgroup.GetInt("cols"))
			if err != nil {
				return finish(nil, err)
			}
			i := 0
			for _, ch := range tgroup.ChildElements() {
				if ch.Tag == doctree.TagColspec && i < len(widths) {
					ch.Set("colwidth", widths[i])
					i++
				}
			}
		}
	}
	// The options are applied in docutils' order: classes, width, align,
	// then the widths classes.
	table.Classes = append(table.Classes, classes(c)...)
	if v, ok := c.Options["width"]; ok {
		table.Set("width", v)
	}
	if v, ok := c.Options["align"]; ok {
		table.Set("align", v)
	}
	if word == "auto" {
		table.Classes = append(table.Classes, "colwidths-auto")
	} else if word != "" || list != nil {
		table.Classes = append(table.Classes, "colwidths-given")
	}
	c.AddName(table)
	if title != nil {
		table.Insert(0, title)
	}
	return append([]doctree.Node{table}, msgs...), nil
}

func isTag(n doctree.Node, tag string) bool {
	e, ok := n.(*doctree.Element)
	return ok && e.Tag == tag
}
