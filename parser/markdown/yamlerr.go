package markdown

import (
	"fmt"
	"strings"
)

// MyST quotes PyYAML's error text in its "Invalid options YAML" message.
// yaml.v3 (a port of libyaml) finds the same errors but words and places
// them differently, so the usual mistakes in a directive's options, which
// are flat "key: value" mappings, are located again here and described
// as PyYAML describes them: a ": " inside a plain value, text after a
// quoted value (as in `:header: "A", "B"`), an unclosed quote or bracket.

type yamlPos struct{ ptr, line, col int }

// pyyamlMark renders a position as PyYAML's Mark.__str__ with its snippet.
func pyyamlMark(buf []rune, p yamlPos) string {
	s := fmt.Sprintf("  in \"<unicode string>\", line %d, column %d", p.line+1, p.col+1)
	isBreak := func(r rune) bool { return strings.ContainsRune("\x00\r\n\u0085\u2028\u2029", r) }
	const maxLength = 75
	head, start := "", p.ptr
	for start > 0 && !isBreak(buf[start-1]) {
		start--
		if p.ptr-start > maxLength/2-1 {
			head = " ... "
			start += 5
			break
		}
	}
	tail, end := "", p.ptr
	for end < len(buf) && !isBreak(buf[end]) {
		end++
		if end-p.ptr > maxLength/2-1 {
			tail = " ... "
			end -= 5
			break
		}
	}
	snippet := string(buf[start:end])
	return s + ":\n    " + head + snippet + tail + "\n" + strings.Repeat(" ", 4+p.ptr-start+len([]rune(head))) + "^"
}

// pyyamlError returns PyYAML's error text for a YAML text that failed to
// load, when the mistake is one this emulation knows.
func pyyamlError(text string) (string, bool) {
	buf := append([]rune(text), 0)
	var lines [][2]int // rune start and end of each line
	start := 0
	for i, r := range buf {
		if r == '\n' || r == 0 {
			lines = append(lines, [2]int{start, i})
			start = i + 1
		}
	}
	pos := func(ptr int) yamlPos {
		for ln, l := range lines {
			if ptr <= l[1] {
				return yamlPos{ptr, ln, ptr - l[0]}
			}
		}
		last := len(lines) - 1
		return yamlPos{ptr, last, ptr - lines[last][0]}
	}
	mark := func(ptr int) string { return pyyamlMark(buf, pos(ptr)) }
	notAllowed := func(ptr int) (string, bool) {
		return "mapping values are not allowed here\n" + mark(ptr), true
	}
	isSpace := func(r rune) bool { return r == ' ' || r == '\t' }
	// colonAt reports a ": " (or ":" at the end of the line) at i.
	colonAt := func(i, end int) bool {
		return buf[i] == ':' && (i+1 >= end || isSpace(buf[i+1]))
	}
	mappingStart := -1
	// plainOpen: a plain scalar may go on over the next lines (its
	// continuation lines need an indentation above minIndent).
	plainOpen, minIndent := false, -1
	for ln := 0; ln < len(lines); ln++ {
		ls, le := lines[ln][0], lines[ln][1]
		i := ls
		for i < le && buf[i] == ' ' {
			i++
		}
		if i < le && buf[i] == '\t' {
			return "", false
		}
		if i >= le || buf[i] == '#' {
			continue
		}
		indent := i - ls
		if plainOpen && indent > minIndent {
			// the plain scalar goes on: a ": " here is a mapping value
			// after a multi-line scalar, which cannot be a key
			for j := i; j < le; j++ {
				if buf[j] == '#' && isSpace(buf[j-1]) {
					break
				}
				if colonAt(j, le) {
					return notAllowed(j)
				}
			}
			continue
		}
		plainOpen = false
		if indent != 0 {
			return "", false
		}
		// a key
		keyStart := i
		if buf[i] == '"' || buf[i] == '\'' || buf[i] == '[' || buf[i] == '{' || buf[i] == '-' || buf[i] == '?' || buf[i] == '&' || buf[i] == '*' || buf[i] == '!' || buf[i] == '|' || buf[i] == '>' {
			return "", false
		}
		j := i
		for j < le && !colonAt(j, le) {
			if buf[j] == '#' && j > i && isSpace(buf[j-1]) {
				break
			}
			j++
		}
		if j >= le || buf[j] != ':' {
			// a plain scalar without a value: it may go on
			plainOpen, minIndent = true, -1
			if mappingStart >= 0 {
				return "", false
			}
			continue
		}
		if mappingStart < 0 {
			mappingStart = keyStart
		}
		// the value
		v := j + 1
		for v < le && isSpace(buf[v]) {
			v++
		}
		if v >= le || buf[v] == '#' {
			continue
		}
		switch buf[v] {
		case '"', '\'':
			q := buf[v]
			k := v + 1
			closed := false
			for k < len(buf)-1 {
				if q == '"' && buf[k] == '\\' {
					k += 2
					continue
				}
				if buf[k] == q {
					if q == '\'' && k+1 < len(buf) && buf[k+1] == '\'' {
						k += 2
						continue
					}
					closed = true
					break
				}
				k++
			}
			if !closed {
				return "while scanning a quoted scalar\n" + mark(v) + "\nfound unexpected end of stream\n" + mark(len(buf)-1), true
			}
			// move to the line that holds the closing quote
			for ln+1 < len(lines) && k > lines[ln][1] {
				ln++
			}
			le = lines[ln][1]
			a := k + 1
			for a < le && isSpace(buf[a]) {
				a++
			}
			if a >= le || buf[a] == '#' {
				continue
			}
			var tok string
			switch c := buf[a]; {
			case c == ',':
				tok = ","
			case c == '[' || c == ']' || c == '{' || c == '}':
				tok = string(c)
			case c == ':' || c == '?' || c == '-' || c == '#' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '%' || c == '@' || c == '`' || c == '"' || c == '\'':
				return "", false
			default:
				tok = "<scalar>"
			}
			return "while parsing a block mapping\n" + mark(mappingStart) + "\nexpected <block end>, but found '" + tok + "'\n" + mark(a), true
		case '[', '{':
			open := buf[v]
			closer := map[rune]rune{'[': ']', '{': '}'}[open]
			depth := 0
			k := v
			var quote rune
			for ; k < len(buf)-1; k++ {
				c := buf[k]
				switch {
				case quote != 0:
					if c == quote {
						quote = 0
					}
				case c == '"' || c == '\'':
					quote = c
				case c == '[' || c == '{':
					depth++
				case c == ']' || c == '}':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			if depth > 0 && quote == 0 {
				what := "sequence"
				if open == '{' {
					what = "mapping"
				}
				return "while parsing a flow " + what + "\n" + mark(v) + "\nexpected ',' or '" + string(closer) + "', but got '<stream end>'\n" + mark(len(buf)-1), true
			}
			return "", false
		case '|', '>', '&', '*', '!', '%', '@', '`':
			return "", false
		}
		// a plain value: ": " inside it is a mapping value
		for k := v; k < le; k++ {
			if buf[k] == '#' && isSpace(buf[k-1]) {
				break
			}
			if colonAt(k, le) {
				return notAllowed(k)
			}
		}
		plainOpen, minIndent = true, 0
	}
	return "", false
}
