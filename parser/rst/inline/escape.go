package inline

import (
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
)

// escape2null turns every backslash into a NUL marker and keeps the
// character it escapes, so that later scans see escaped characters as
// "preceded by NUL" (docutils.utils.escape2null). The result has the same
// length as text.
func escape2null(text string) string {
	i := strings.IndexByte(text, '\\')
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if b[i] == '\\' {
			b[i] = 0
			i++ // the escaped character is kept as it is, even a backslash
		}
	}
	return string(b)
}

// unescape removes the NUL markers, and the white space they escape, in
// the three passes docutils.utils.unescape makes.
func unescape(text string) string {
	if strings.IndexByte(text, 0) < 0 {
		return text
	}
	text = strings.ReplaceAll(text, "\x00 ", "")
	text = strings.ReplaceAll(text, "\x00\n", "")
	return strings.ReplaceAll(text, "\x00", "")
}

// restore turns the NUL markers back into backslashes (unescape with
// restore_backslashes), for raw source text.
func restore(text string) string {
	if strings.IndexByte(text, 0) < 0 {
		return text
	}
	return strings.ReplaceAll(text, "\x00", `\`)
}

// splitEscapedWhitespace splits text at escaped spaces and newlines
// (docutils.utils.split_escaped_whitespace).
func splitEscapedWhitespace(text string) []string {
	var out []string
	for _, part := range strings.Split(text, "\x00 ") {
		out = append(out, strings.Split(part, "\x00\n")...)
	}
	return out
}

// pyFields splits s around runs of white space as Python's str.split().
func pyFields(s string) []string { return strings.FieldsFunc(s, isSpace) }

// trimRightSpace strips trailing white space as Python's str.rstrip().
func trimRightSpace(s string) string { return strings.TrimRightFunc(s, isSpace) }

// normalizeName is doctree.FullyNormalizeName (lowercase, single spaces),
// without allocating for the common names that are already normal.
func normalizeName(name string) string {
	if isNormalName(name, true) {
		return name
	}
	return doctree.FullyNormalizeName(name)
}

// whitespaceNormalizeName is doctree.WhitespaceNormalizeName, without
// allocating for names that are already normal.
func whitespaceNormalizeName(name string) string {
	if isNormalName(name, false) {
		return name
	}
	return doctree.WhitespaceNormalizeName(name)
}

// isNormalName reports whether name is ASCII with single spaces between
// words, and (when lower) no capitals: what normalisation leaves alone.
func isNormalName(name string, lower bool) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case lower && 'A' <= c && c <= 'Z':
			return false
		case asciiClass[c]&cSpace != 0:
			if c != ' ' || i == 0 || i == len(name)-1 || name[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}
