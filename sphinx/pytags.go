package sphinx

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds where Python classes and functions are defined, for
// literalinclude's pyobject option: a port of sphinx.pycode's
// DefinitionFinder over a small Python tokenizer that knows just enough of
// tokenize's rules (strings, brackets, continuation lines, comments,
// INDENT and DEDENT) to give the same tokens where it matters.

type pyTokKind int

const (
	pyName pyTokKind = iota
	pyOp
	pyComment
	pyNewline
	pyNL
	pyIndent
	pyDedent
	pyOther
)

type pyToken struct {
	kind      pyTokKind
	value     string
	startLine int
	endLine   int
}

// pyTag is one definition: its kind ("class" or "def") and first and last
// lines (1-based, inclusive).
type pyTag struct {
	typ        string
	start, end int
}

var pyStringPrefix = regexp.MustCompile(`^(?i:rb|br|fr|rf|r|b|u|f)?('''|"""|'|")`)

// pyTokenize splits Python source lines into tokens.
func pyTokenize(lines []string) []pyToken {
	var toks []pyToken
	indents := []int{0}
	parenlev := 0
	continued := false
	// an open string: its closing quote and where it began
	var strEnd string
	strStart := 0
	for ln := 1; ln <= len(lines); ln++ {
		line := lines[ln-1]
		pos := 0
		if strEnd != "" {
			end := findStringEnd(line, 0, strEnd)
			if end < 0 {
				if len(strEnd) == 1 && !strings.HasSuffix(strings.TrimRight(line, "\r\n"), `\`) {
					// the continued one-line string ends unterminated
					strEnd = ""
				}
				continue
			}
			toks = append(toks, pyToken{pyOther, "", strStart, ln})
			strEnd = ""
			pos = end
		} else if parenlev == 0 && !continued {
			col := 0
			for pos < len(line) {
				c := line[pos]
				if c == ' ' {
					col++
				} else if c == '\t' {
					col = (col/8 + 1) * 8
				} else if c == '\f' {
					col = 0
				} else {
					break
				}
				pos++
			}
			if pos == len(line) {
				toks = append(toks, pyToken{pyNL, "", ln, ln})
				continue
			}
			if c := line[pos]; c == '#' || c == '\r' || c == '\n' {
				if c == '#' {
					toks = append(toks, pyToken{pyComment, "", ln, ln})
				}
				toks = append(toks, pyToken{pyNL, "", ln, ln})
				continue
			}
			if col > indents[len(indents)-1] {
				indents = append(indents, col)
				toks = append(toks, pyToken{pyIndent, "", ln, ln})
			}
			for len(indents) > 1 && col < indents[len(indents)-1] {
				indents = indents[:len(indents)-1]
				toks = append(toks, pyToken{pyDedent, "", ln, ln})
			}
		} else {
			continued = false
		}
		for pos < len(line) {
			c := line[pos]
			switch {
			case c == ' ' || c == '\t' || c == '\f':
				pos++
			case c == '#':
				toks = append(toks, pyToken{pyComment, "", ln, ln})
				pos = len(line)
			case c == '\r' || c == '\n':
				kind := pyNewline
				if parenlev > 0 {
					kind = pyNL
				}
				toks = append(toks, pyToken{kind, "", ln, ln})
				pos = len(line)
			case c == '\\':
				// a continuation line (at the end) or a stray backslash
				continued = true
				pos = len(line)
			default:
				if m := pyStringPrefix.FindStringSubmatchIndex(line[pos:]); m != nil {
					quote := line[pos+m[2] : pos+m[3]]
					end := findStringEnd(line, pos+m[1], quote)
					if end < 0 {
						if len(quote) == 1 && !strings.HasSuffix(strings.TrimRight(line, "\r\n"), `\`) {
							// an unterminated one-line string: tokenize
							// gives an error token for the quote
							pos += m[1]
							continue
						}
						strEnd, strStart = quote, ln
						pos = len(line)
						continue
					}
					toks = append(toks, pyToken{pyOther, "", ln, ln})
					pos = end
					continue
				}
				r, size := utf8.DecodeRuneInString(line[pos:])
				if r == '_' || unicode.IsLetter(r) {
					end := pos + size
					for end < len(line) {
						r, size := utf8.DecodeRuneInString(line[end:])
						if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
							break
						}
						end += size
					}
					toks = append(toks, pyToken{pyName, line[pos:end], ln, ln})
					pos = end
					continue
				}
				if unicode.IsDigit(r) || (c == '.' && pos+1 < len(line) && line[pos+1] >= '0' && line[pos+1] <= '9') {
					end := pos + 1
					for end < len(line) && (isAlnumByte(line[end]) || line[end] == '.' || line[end] == '_') {
						end++
					}
					toks = append(toks, pyToken{pyOther, "", ln, ln})
					pos = end
					continue
				}
				switch c {
				case '(', '[', '{':
					parenlev++
				case ')', ']', '}':
					if parenlev > 0 {
						parenlev--
					}
				}
				toks = append(toks, pyToken{pyOp, line[pos : pos+size], ln, ln})
				pos += size
			}
		}
		if pos == len(line) && !strings.HasSuffix(line, "\n") && !strings.HasSuffix(line, "\r") && ln == len(lines) && strEnd == "" && parenlev == 0 && !continued {
			// tokenize adds the NEWLINE a last line without one lacks
			if n := len(toks); n > 0 && toks[n-1].kind != pyNewline && toks[n-1].kind != pyNL {
				toks = append(toks, pyToken{pyNewline, "", ln, ln})
			}
		}
	}
	for range indents[1:] {
		toks = append(toks, pyToken{pyDedent, "", len(lines) + 1, len(lines) + 1})
	}
	return toks
}

func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// findStringEnd returns the index just past the closing quote of a string
// whose body starts at pos, or -1 when it does not close on this line.
func findStringEnd(line string, pos int, quote string) int {
	for pos < len(line) {
		switch {
		case line[pos] == '\\':
			pos += 2
		case strings.HasPrefix(line[pos:], quote):
			return pos + len(quote)
		default:
			pos++
		}
	}
	return -1
}

var pyEmptyLine = regexp.MustCompile(`^\s*(#.*)?$`)

// findPythonTags returns the definitions of a Python source, keyed by
// their dotted names ("Class.method"), as ModuleAnalyzer.find_tags.
func findPythonTags(lines []string) (map[string]pyTag, error) {
	toks := pyTokenize(lines)
	defs := map[string]pyTag{}
	type indent struct {
		typ, name string
		start     int
	}
	var indents []indent
	var context []string
	decorator := 0
	i := -1
	var cur, prev *pyToken
	next := func() *pyToken {
		prev = cur
		i++
		if i >= len(toks) {
			cur = nil
			return nil
		}
		cur = &toks[i]
		return cur
	}
	isOp := func(t *pyToken, v string) bool { return t != nil && t.kind == pyOp && t.value == v }
	var until func(v string)
	until = func(v string) {
		for next() != nil {
			switch {
			case cur.kind == pyOp && cur.value == v:
				return
			case isOp(cur, "("):
				until(")")
			case isOp(cur, "{"):
				until("}")
			case isOp(cur, "["):
				until("]")
			}
		}
	}
	untilKind := func(k pyTokKind) {
		for next() != nil && cur.kind != k {
		}
	}
	add := func(name string, t pyTag) {
		if len(indents) > 0 && indents[len(indents)-1].typ == "def" && t.typ == "def" {
			return // an inner function
		}
		defs[name] = t
	}
	line := func(n int) string {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return ""
	}
	for next() != nil {
		t := cur
		switch {
		case t.kind == pyOp && t.value == "@" && (prev == nil || prev.kind == pyNewline || prev.kind == pyNL || prev.kind == pyIndent || prev.kind == pyDedent):
			if decorator == 0 {
				decorator = t.startLine
			}
		case t.kind == pyName && (t.value == "class" || t.value == "def"):
			typ := t.value
			name := next()
			if name == nil {
				break
			}
			context = append(context, name.value)
			fullname := strings.Join(context, ".")
			start := name.startLine
			if decorator != 0 {
				start, decorator = decorator, 0
			}
			until(":")
			if n := next(); n != nil && (n.kind == pyComment || n.kind == pyNewline) {
				untilKind(pyIndent)
				indents = append(indents, indent{typ, fullname, start})
			} else {
				add(fullname, pyTag{typ, start, name.endLine})
				context = context[:len(context)-1]
			}
		case t.kind == pyIndent:
			indents = append(indents, indent{typ: "other"})
		case t.kind == pyDedent:
			if len(indents) == 0 {
				break
			}
			d := indents[len(indents)-1]
			indents = indents[:len(indents)-1]
			if d.typ == "other" {
				break
			}
			end := t.endLine - 1
			for end > 1 && pyEmptyLine.MatchString(strings.TrimSuffix(line(end), "\n")) {
				end--
			}
			add(d.name, pyTag{d.typ, d.start, end})
			if len(context) > 0 {
				context = context[:len(context)-1]
			}
		}
	}
	return defs, nil
}
