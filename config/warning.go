package config

import "fmt"

// WarningKind separates statements docbuild skipped in conf.py from real
// problems, so the command line can print or count them differently.
type WarningKind int

const (
	// Warn is a problem with the configuration: a syntax error, a value of
	// the wrong type, an unsupported extension, a missing file.
	Warn WarningKind = iota
	// Ignored is a conf.py statement docbuild did not evaluate; Text is
	// the statement's first line.
	Ignored
)

// Warning is one message about the configuration, located in its file.
type Warning struct {
	File string
	Line int // 0 when the message is about the whole file
	Kind WarningKind
	Text string
	// Detail says why a statement was ignored (the Python construct or the
	// evaluation error); it is not part of String, to keep reports short.
	Detail string
}

// String renders the warning the way docbuild reports problems in sources:
// "file:line: WARNING: text", or "file:line: ignored: statement" for skipped
// conf.py statements.
func (w Warning) String() string {
	loc := w.File
	if w.Line > 0 {
		loc = fmt.Sprintf("%s:%d", w.File, w.Line)
	}
	if w.Kind == Ignored {
		return loc + ": ignored: " + w.Text
	}
	return loc + ": WARNING: " + w.Text
}
