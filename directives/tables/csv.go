package tables

import (
	"fmt"
	"strings"
)

// csvDialect holds the reader settings of a Python csv dialect.
type csvDialect struct {
	delimiter        rune
	quotechar        rune
	quoting          bool // quoting is not csv.QUOTE_NONE
	escapechar       rune
	hasEscape        bool
	doublequote      bool
	skipInitialSpace bool
	strict           bool
}

// csvFieldLimit is csv.field_size_limit()'s default.
const csvFieldLimit = 128 * 1024

// csvError is a csv.Error; its text is Python's.
type csvError struct{ msg string }

func (e *csvError) Error() string { return e.msg }

type csvState int

const (
	startRecord csvState = iota
	startField
	escapedChar
	inField
	inQuotedField
	escapeInQuotedField
	quoteInQuotedField
	eatCRNL
	afterEscapedCRNL
)

// eol stands for the end of one input line, as the C reader's EOL marker.
const eol rune = -2

// csvReader is a port of the state machine of CPython 3.11's _csv
// reader, so that docutils' CSV tables split exactly as they do there.
type csvReader struct {
	d      csvDialect
	state  csvState
	field  []rune
	fields []string
}

// csvRead parses lines as csv.reader([line + "\n" for line in lines],
// dialect) and returns all rows.
func csvRead(lines []string, d csvDialect) ([][]string, error) {
	r := &csvReader{d: d}
	var rows [][]string
	i := 0
	for {
		r.state, r.field, r.fields = startRecord, r.field[:0], []string{}
		for {
			if i == len(lines) {
				if len(r.field) != 0 || r.state == inQuotedField {
					if d.strict {
						return rows, &csvError{"unexpected end of data"}
					}
					r.saveField()
					return append(rows, r.fields), nil
				}
				return rows, nil
			}
			line := lines[i]
			i++
			for _, c := range line {
				if err := r.process(c); err != nil {
					return rows, err
				}
			}
			if err := r.process('\n'); err != nil {
				return rows, err
			}
			if err := r.process(eol); err != nil {
				return rows, err
			}
			if r.state == startRecord {
				break
			}
		}
		rows = append(rows, r.fields)
	}
}

func (r *csvReader) saveField() {
	r.fields = append(r.fields, string(r.field))
	r.field = r.field[:0]
}

func (r *csvReader) addChar(c rune) error {
	if len(r.field) >= csvFieldLimit {
		return &csvError{fmt.Sprintf("field larger than field limit (%d)", csvFieldLimit)}
	}
	r.field = append(r.field, c)
	return nil
}

func (r *csvReader) isEscape(c rune) bool { return r.d.hasEscape && c == r.d.escapechar }

func (r *csvReader) isQuote(c rune) bool { return r.d.quoting && c == r.d.quotechar }

// endRecord saves the field at a line end and moves to the state that
// follows it.
func (r *csvReader) endRecord(c rune) {
	r.saveField()
	if c == eol {
		r.state = startRecord
	} else {
		r.state = eatCRNL
	}
}

func (r *csvReader) process(c rune) error {
	d := &r.d
	switch r.state {
	case startRecord:
		if c == eol {
			return nil
		}
		if c == '\n' || c == '\r' {
			r.state = eatCRNL
			return nil
		}
		r.state = startField
		return r.startField(c)
	case startField:
		return r.startField(c)
	case escapedChar:
		if c == '\n' || c == '\r' {
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = afterEscapedCRNL
			return nil
		}
		if c == eol {
			c = '\n'
		}
		if err := r.addChar(c); err != nil {
			return err
		}
		r.state = inField
	case afterEscapedCRNL:
		if c == eol {
			return nil
		}
		return r.inField(c)
	case inField:
		return r.inField(c)
	case inQuotedField:
		switch {
		case c == eol:
		case r.isEscape(c):
			r.state = escapeInQuotedField
		case r.isQuote(c):
			if d.doublequote {
				r.state = quoteInQuotedField
			} else {
				r.state = inField
			}
		default:
			return r.addChar(c)
		}
	case escapeInQuotedField:
		if c == eol {
			c = '\n'
		}
		if err := r.addChar(c); err != nil {
			return err
		}
		r.state = inQuotedField
	case quoteInQuotedField:
		switch {
		case r.isQuote(c):
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = inQuotedField
		case c == d.delimiter:
			r.saveField()
			r.state = startField
		case c == '\n' || c == '\r' || c == eol:
			r.endRecord(c)
		case !d.strict:
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = inField
		default:
			return &csvError{fmt.Sprintf("'%c' expected after '%c'", d.delimiter, d.quotechar)}
		}
	case eatCRNL:
		switch {
		case c == '\n' || c == '\r':
		case c == eol:
			r.state = startRecord
		default:
			return &csvError{"new-line character seen in unquoted field - do you need to open the file in universal-newline mode?"}
		}
	}
	return nil
}

func (r *csvReader) startField(c rune) error {
	d := &r.d
	switch {
	case c == '\n' || c == '\r' || c == eol:
		r.endRecord(c)
	case r.isQuote(c):
		r.state = inQuotedField
	case r.isEscape(c):
		r.state = escapedChar
	case c == ' ' && d.skipInitialSpace:
	case c == d.delimiter:
		r.saveField()
	default:
		if err := r.addChar(c); err != nil {
			return err
		}
		r.state = inField
	}
	return nil
}

func (r *csvReader) inField(c rune) error {
	switch {
	case c == '\n' || c == '\r' || c == eol:
		r.endRecord(c)
	case r.isEscape(c):
		r.state = escapedChar
	case c == r.d.delimiter:
		r.saveField()
		r.state = startField
	default:
		if err := r.addChar(c); err != nil {
			return err
		}
	}
	return nil
}

// splitHeader splits the header option's text as str.split("\n").
func splitHeader(s string) []string { return strings.Split(s, "\n") }
