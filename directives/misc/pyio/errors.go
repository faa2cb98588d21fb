// Package pyio reproduces the parts of Python's and docutils' I/O layer that
// the include, raw and csv-table directives expose in their messages:
// opening and decoding files (docutils.io.FileInput), URL fetches
// (urllib.request.urlopen, restricted to local schemes), path
// arithmetic (os.path, docutils.utils.relative_path) and line splitting
// (str.splitlines, statemachine.string2lines). Errors carry the text of the
// Python exception they stand for, so directive messages read exactly as
// docutils' do.
package pyio

import (
	"fmt"

	"github.com/docbuild/docbuild/doctree"
)

// Error is a Python exception: Class is its class name and Error() its
// str(); docutils' io.error_string joins the two.
type Error interface {
	error
	Class() string
}

// ErrorString renders err as docutils' io.error_string does:
// "ClassName: message".
func ErrorString(err error) string {
	if e, ok := err.(Error); ok {
		return e.Class() + ": " + e.Error()
	}
	return "Error: " + err.Error()
}

// OSError is an OSError subclass carrying errno, strerror and filename,
// such as docutils' InputError or Python's FileNotFoundError.
type OSError struct {
	ClassName string
	Errno     int
	Strerror  string
	Filename  string
}

// Class returns the exception class name.
func (e *OSError) Class() string { return e.ClassName }

// Error returns the exception's str().
func (e *OSError) Error() string {
	if e.Filename == "" {
		return fmt.Sprintf("[Errno %d] %s", e.Errno, e.Strerror)
	}
	return fmt.Sprintf("[Errno %d] %s: %s", e.Errno, e.Strerror, doctree.PyStrRepr(e.Filename))
}

// UnicodeDecodeError is Python's decoding error. Start and End are byte
// positions in the decoded data (End exclusive).
type UnicodeDecodeError struct {
	Encoding   string
	Data       []byte
	Start, End int
	Reason     string
}

// Class returns the exception class name.
func (e *UnicodeDecodeError) Class() string { return "UnicodeDecodeError" }

// Error returns the exception's str().
func (e *UnicodeDecodeError) Error() string {
	if e.End-e.Start == 1 && e.Start < len(e.Data) {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s",
			e.Encoding, e.Data[e.Start], e.Start, e.Reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s",
		e.Encoding, e.Start, e.End-1, e.Reason)
}

// UnicodeError is Python's generic UnicodeError, which docutils raises when
// no candidate encoding fits.
type UnicodeError struct{ Msg string }

// Class returns the exception class name.
func (e *UnicodeError) Class() string { return "UnicodeError" }

// Error returns the exception's str().
func (e *UnicodeError) Error() string { return e.Msg }

// LookupError is raised for an unknown encoding name.
type LookupError struct{ Msg string }

// Class returns the exception class name.
func (e *LookupError) Class() string { return "LookupError" }

// Error returns the exception's str().
func (e *LookupError) Error() string { return e.Msg }

// ValueError is Python's ValueError.
type ValueError struct{ Msg string }

// Class returns the exception class name.
func (e *ValueError) Class() string { return "ValueError" }

// Error returns the exception's str().
func (e *ValueError) Error() string { return e.Msg }

// URLError is urllib's URLError; Reason is its reason's str().
type URLError struct{ Reason string }

// Class returns the exception class name.
func (e *URLError) Class() string { return "URLError" }

// Error returns the exception's str().
func (e *URLError) Error() string { return "<urlopen error " + e.Reason + ">" }
