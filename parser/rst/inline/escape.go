package inline

import "strings"

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
