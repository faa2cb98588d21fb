// Package input reads source files into text for the parsers: it removes a
// byte-order mark, decodes from the configured encoding, and turns binary or
// undecodable files into errors that name the file and the place, instead of
// letting garbage reach a parser.
package input

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// Error is a problem reading a source file.
type Error struct {
	Path string
	Line int // 0 when the problem is not at one line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// ReadFile reads path ("-" for standard input) and decodes it. encoding
// is an encoding label such as "utf-8" or "latin-1"; "" means UTF-8.
func ReadFile(path, encoding string) (string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		msg := err.Error()
		if pe, ok := err.(*os.PathError); ok {
			msg = pe.Err.Error()
		}
		return "", &Error{Path: path, Msg: "cannot read file: " + msg}
	}
	return Decode(path, data, encoding)
}

// Decode turns the bytes of a source file into text.
func Decode(path string, data []byte, encoding string) (string, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 && !isUTF16(data) {
		return "", &Error{Path: path, Line: lineAt(data, i), Msg: "contains a NUL byte: this looks like a binary file, not reStructuredText or Markdown"}
	}
	enc := strings.ToLower(strings.TrimSpace(encoding))
	if enc == "" && isUTF16(data) {
		enc = "utf-16le"
		if data[0] == 0xfe {
			enc = "utf-16be"
		}
	}
	if enc == "" || enc == "utf-8" || enc == "utf8" || enc == "utf-8-sig" {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			off := invalidOffset(data)
			return "", &Error{Path: path, Line: lineAt(data, off),
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8 or give its encoding (input_encoding)", data[off])}
		}
		return string(data), nil
	}
	e, err := htmlindex.Get(enc)
	if err != nil {
		return "", &Error{Path: path, Msg: fmt.Sprintf("unknown input encoding %q", encoding)}
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", &Error{Path: path, Msg: fmt.Sprintf("cannot decode as %s: %v", encoding, err)}
	}
	return strings.TrimPrefix(string(out), "\ufeff"), nil
}

func isUTF16(data []byte) bool {
	return len(data) >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff))
}

func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

func lineAt(data []byte, off int) int { return bytes.Count(data[:off], []byte{'\n'}) + 1 }
