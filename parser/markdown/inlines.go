package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// This file holds the goldmark inline parsers for MyST's inline syntax,
// following the markdown-it-py rules of mdit_py_plugins. markdown-it runs
// inline rules over a paragraph's whole text, so a construct may span
// lines: blockText gives the parsers the rest of the block.

// blockText returns the text of the block from the reader's position to
// its end, leaving the position unchanged.
func blockText(block text.Reader) []byte {
	l, pos := block.Position()
	var b []byte
	for {
		line, _ := block.PeekLine()
		if line == nil {
			break
		}
		b = append(b, line...)
		block.AdvanceLine()
	}
	block.SetPosition(l, pos)
	return b
}

// advanceBy moves the reader n bytes forward, across lines, in the text
// that blockText returned.
func advanceBy(block text.Reader, n int) {
	for n > 0 {
		line, _ := block.PeekLine()
		if line == nil {
			return
		}
		if n < len(line) {
			block.Advance(n)
			return
		}
		n -= len(line)
		block.AdvanceLine()
	}
}

// ---- {name}`content` roles ----

type roleParser struct{}

var roleName = regexp.MustCompile(`^\{([a-zA-Z0-9_\-+:]+)\}`)

func (roleParser) Trigger() []byte { return []byte{'{'} }

func (roleParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if block.PrecendingCharacter() == '\\' {
		return nil
	}
	line, _ := block.PeekLine()
	m := roleName.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	name := string(line[m[2]:m[3]])
	p := m[1]
	for p < len(line) && line[p] == '`' {
		p++
	}
	ticks := p - m[1]
	if ticks == 0 || p >= len(line) {
		return nil
	}
	rest := blockText(block)
	if p+1 > len(rest) {
		return nil
	}
	idx := bytes.Index(rest[p+1:], bytes.Repeat([]byte{'`'}, ticks))
	if idx < 0 {
		return nil
	}
	content := strings.ReplaceAll(string(rest[p:p+idx+1]), "\n", " ")
	advanceBy(block, p+1+idx+ticks)
	return &role{Name: name, Content: content}
}

// ---- [^label] footnote references ----

type footnoteRefParser struct{}

func (footnoteRefParser) Trigger() []byte { return []byte{'['} }

func (footnoteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	e := getEnv(pc)
	if len(e.footnoteLabels) == 0 {
		return nil
	}
	pos := 2
	for ; pos < len(line); pos++ {
		c := line[pos]
		if c == ' ' || c == '\n' {
			return nil
		}
		if c == ']' {
			break
		}
	}
	if pos == 2 || pos >= len(line) {
		return nil
	}
	label := string(line[2:pos])
	if !e.footnoteLabels[label] {
		return nil
	}
	if pos+1 < len(line) && line[pos+1] == '(' {
		// "[^a](url)" is a link: markdown-it's link rule comes first.
		return nil
	}
	block.Advance(pos + 1)
	return &footnoteRef{Label: label}
}

// ---- $math$ (dollarmath) ----

type mathInlineParser struct {
	allowSpace, allowDigits, allowDouble bool
}

func (mathInlineParser) Trigger() []byte { return []byte{'$'} }

// isMdWhiteSpace is markdown-it's isWhiteSpace.
func isMdWhiteSpace(r rune) bool {
	if r >= 0x2000 && r <= 0x200A {
		return true
	}
	switch r {
	case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return true
	}
	return false
}

// escapedAt reports whether an odd number of backslashes precede s[i].
func escapedAt(s []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func (p mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	rest := blockText(block)
	if len(rest) == 0 || rest[0] != '$' {
		return nil
	}
	if !p.allowSpace {
		if len(rest) < 2 {
			return nil
		}
		r, _ := utf8.DecodeRune(rest[1:])
		if isMdWhiteSpace(r) {
			return nil
		}
	}
	if !p.allowDigits && unicode.IsDigit(block.PrecendingCharacter()) {
		return nil
	}
	double := false
	if p.allowDouble {
		if len(rest) < 2 {
			return nil
		}
		double = rest[1] == '$'
	}
	pos := 1
	if double {
		pos = 2
	}
	var end int
	for {
		i := bytes.IndexByte(rest[pos:], '$')
		if i < 0 {
			return nil
		}
		end = pos + i
		if escapedAt(rest, end) {
			pos = end + 1
			continue
		}
		if double {
			if end+1 >= len(rest) {
				return nil
			}
			if rest[end+1] != '$' {
				pos = end + 1
				continue
			}
			end++
		}
		break
	}
	if !p.allowSpace {
		r, _ := utf8.DecodeLastRune(rest[:end])
		if isMdWhiteSpace(r) {
			return nil
		}
	}
	if !p.allowDigits && end+1 < len(rest) {
		r, _ := utf8.DecodeRune(rest[end+1:])
		if unicode.IsDigit(r) {
			return nil
		}
	}
	var content string
	if double {
		if end-1 > 2 {
			content = string(rest[2 : end-1])
		}
	} else {
		content = string(rest[1:end])
	}
	if content == "" {
		return nil
	}
	advanceBy(block, end+1)
	return &mathInline{Content: content, Double: double}
}

// ---- {{ substitution }} ----

type substInlineParser struct{ open, close byte }

func (p substInlineParser) Trigger() []byte { return []byte{p.open} }

func (p substInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[0] != p.open || line[1] != p.open {
		return nil
	}
	rest := blockText(block)
	pos := 2
	var end int
	for {
		i := bytes.IndexByte(rest[pos:], p.close)
		if i < 0 {
			return nil
		}
		end = pos + i
		if end+1 >= len(rest) {
			return nil
		}
		if rest[end+1] == p.close {
			break
		}
		pos = end + 2
		if pos > len(rest) {
			return nil
		}
	}
	content := pyStrip(string(rest[2:end]))
	advanceBy(block, end+2)
	return &substInline{Content: content}
}

// ---- ~~strikethrough~~ ----

type strikeDelimiters struct{}

func (strikeDelimiters) IsDelimiter(b byte) bool { return b == '~' }

func (strikeDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikeDelimiters) OnMatch(consumes int) ast.Node { return &strikethrough{} }

type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 2, strikeDelimiters{})
	if node == nil || node.OriginalLength != 2 || before == '~' {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}
