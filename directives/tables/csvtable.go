package tables

import (
	"fmt"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// runCSVTable is docutils' CSVTable.run: a table from comma-separated
// values given as content, in a file or at a URL.
func runCSVTable(c *directives.Call) ([]doctree.Node, error) {
	settings := c.Host.Document().Settings
	_, hasFile := c.Options["file"]
	_, hasURL := c.Options["url"]
	if !settings.FileInsertionEnabled && (hasFile || hasURL) {
		return []doctree.Node{sysMsg(c, doctree.LevelWarning, fmt.Sprintf(
			"File and URL access deactivated; ignoring \"%s\" directive.", c.Name))}, nil
	}
	title, msgs := makeTitle(c)
	lines, source, err := csvData(c)
	if err != nil {
		return finish(nil, err)
	}
	headRows, maxHeaderCols, err := csvHeader(c)
	if err != nil {
		return finish(nil, err)
	}
	rows, maxCols, err := parseCSV(lines, csvOptionsDialect(c.Options), source)
	if err != nil {
		return finish(nil, csvFailure(c, err))
	}
	if maxHeaderCols > maxCols {
		maxCols = maxHeaderCols
	}
	headerRows := intOption(c, "header-rows")
	stubColumns := intOption(c, "stub-columns")
	rowLens := make([]int, len(rows))
	for i, r := range rows {
		rowLens[i] = len(r)
	}
	if err := checkTableDimensions(c, rowLens, headerRows, stubColumns); err != nil {
		return finish(nil, err)
	}
	headRows = append(headRows, rows[:headerRows]...)
	bodyRows := rows[headerRows:]
	widths, err := columnWidths(c, maxCols)
	if err != nil {
		return finish(nil, err)
	}
	for _, part := range [][][]*directives.TableCell{headRows, bodyRows} {
		for i, row := range part {
			for len(row) < maxCols {
				row = append(row, &directives.TableCell{})
			}
			part[i] = row
		}
	}
	spec := &directives.TableSpec{ColWidths: widths, HeadRows: headRows, BodyRows: bodyRows}
	table := c.Host.BuildTable(spec, c.ContentOffset, stubColumns, buildWidths(c))
	return finishTable(c, table, title, msgs), nil
}

// csvData returns the CSV lines and the source they come from (docutils'
// CSVTable.get_csv_data).
func csvData(c *directives.Call) ([]string, string, error) {
	doc := c.Host.Document()
	encoding := pyio.InputEncoding(c.Options["encoding"], doc.Settings)
	file, hasFile := c.Options["file"].(string)
	url, hasURL := c.Options["url"].(string)
	switch {
	case c.Content.Len() > 0:
		if hasFile || hasURL {
			return nil, "", fail(c, doctree.LevelError, fmt.Sprintf(
				"\"%s\" directive may not both specify an external file and have content.", c.Name))
		}
		source := ""
		if len(c.Content.Items) > 0 {
			source = c.Content.Items[0].Source
		}
		return c.Content.Lines, source, nil
	case hasFile:
		if hasURL {
			return nil, "", fail(c, doctree.LevelError, fmt.Sprintf(
				"The \"file\" and \"url\" options may not be simultaneously specified for the \"%s\" directive.", c.Name))
		}
		current, _ := c.Host.SourceAndLine(c.Lineno)
		source := pyio.ResolvePath(pyio.SourceDir(current, doc), file)
		data, err := pyio.ReadBytes(source)
		if err != nil {
			return nil, "", fail(c, doctree.LevelSevere, fmt.Sprintf(
				"Problems with \"%s\" directive path:\n%s.", c.Name, err))
		}
		text, err := pyio.DecodeText(data, encoding)
		if err != nil {
			// docutils lets this exception escape; docbuild reports it
			// as the include directive reports its decoding errors.
			return nil, "", fail(c, doctree.LevelSevere, fmt.Sprintf(
				"Problem with \"%s\" directive:\n%s", c.Name, pyio.ErrorString(err)))
		}
		return pyio.SplitLines(text, false), source, nil
	case hasURL:
		data, err := pyio.OpenURL(url)
		if err != nil {
			return nil, "", fail(c, doctree.LevelSevere, fmt.Sprintf(
				"Problems with \"%s\" directive URL \"%s\":\n%s.", c.Name, url, err))
		}
		var text string
		if encoding == "" {
			text, err = pyio.DecodeGuess(data)
		} else {
			text, err = pyio.Decode(data, encoding)
		}
		if err != nil {
			return nil, "", fail(c, doctree.LevelSevere, fmt.Sprintf(
				"Problem with \"%s\" directive:\n%s", c.Name, pyio.ErrorString(err)))
		}
		return pyio.SplitLines(text, false), url, nil
	}
	return nil, "", fail(c, doctree.LevelWarning, fmt.Sprintf(
		"The \"%s\" directive requires content; none supplied.", c.Name))
}

// csvHeader parses the "header" option (docutils'
// Table.process_header_option).
func csvHeader(c *directives.Call) ([][]*directives.TableCell, int, error) {
	header, ok := c.Options["header"].(string)
	if !ok {
		return nil, 0, nil
	}
	source, _ := c.Host.SourceAndLine(c.Lineno)
	// docutils' HeaderDialect.
	d := csvDialect{delimiter: ',', quotechar: '"', quoting: true, escapechar: '\\', hasEscape: true,
		skipInitialSpace: true, strict: true}
	rows, maxCols, err := parseCSV(splitHeader(header), d, source)
	if err != nil {
		return nil, 0, csvFailure(c, err)
	}
	return rows, maxCols, nil
}

// csvOptionsDialect is docutils' CSVTable.DocutilsDialect for the options.
func csvOptionsDialect(opts map[string]any) csvDialect {
	d := csvDialect{delimiter: ',', quotechar: '"', quoting: true, doublequote: true,
		skipInitialSpace: true, strict: true}
	if s, ok := opts["delim"].(string); ok && s != "" {
		d.delimiter = []rune(s)[0]
	}
	if _, ok := opts["keepspace"]; ok {
		d.skipInitialSpace = false
	}
	if s, ok := opts["quote"].(string); ok && s != "" {
		d.quotechar = []rune(s)[0]
	}
	if s, ok := opts["escape"].(string); ok && s != "" {
		d.doublequote = false
		d.escapechar, d.hasEscape = []rune(s)[0], true
	}
	return d
}

// parseCSV reads rows of cells from lines (docutils'
// CSVTable.parse_csv_data_into_rows). Each cell's lines are numbered
// from 0 in source, as docutils' StringList(cell.splitlines(), source).
func parseCSV(lines []string, d csvDialect, source string) ([][]*directives.TableCell, int, error) {
	records, err := csvRead(lines, d)
	if err != nil {
		return nil, 0, err
	}
	rows := make([][]*directives.TableCell, 0, len(records))
	maxCols := 0
	for _, rec := range records {
		row := make([]*directives.TableCell, len(rec))
		for i, cell := range rec {
			row[i] = &directives.TableCell{Content: directives.NewContent(pyio.SplitLines(cell, false), source, 0)}
		}
		rows = append(rows, row)
		if len(rec) > maxCols {
			maxCols = len(rec)
		}
	}
	return rows, maxCols, nil
}

// csvFailure reports a csv.Error as docutils does.
func csvFailure(c *directives.Call, err error) error {
	return fail(c, doctree.LevelError, fmt.Sprintf(
		"Error with CSV data in \"%s\" directive:\n%s", c.Name, err))
}
