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
	b, _ := textUntil(block, func([]byte) bool { return false })
	return b
}

// textUntil returns the text of the block from the reader's position, line
// by line, until done is true of the text so far (found) or the block
// ends. The position is left unchanged.
func textUntil(block text.Reader, done func([]byte) bool) ([]byte, bool) {
	l, pos := block.Position()
	defer block.SetPosition(l, pos)
	var b []byte
	for {
		line, _ := block.PeekLine()
		if line == nil {
			return b, false
		}
		b = append(b, line...)
		if done(b) {
			return b, true
		}
		block.AdvanceLine()
	}
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

// notFoundKey holds, per inline block and closer, the source position
// from which a closer is known to be missing: a search that failed once
// is not repeated from later positions (markdown-it repeats it, which is
// quadratic on input full of unmatched openers).
var notFoundKey = parser.NewContextKey()

type notFoundMemo map[notFoundID]int

type notFoundID struct {
	block ast.Node
	what  string
}

func blockOf(n ast.Node) ast.Node {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			return n
		}
	}
	return nil
}

// knownMissing reports whether the closer what is known to be missing
// after the reader's position in parent's block.
func knownMissing(pc parser.Context, parent ast.Node, what string, block text.Reader) bool {
	m, _ := pc.Get(notFoundKey).(notFoundMemo)
	if m == nil {
		return false
	}
	from, ok := m[notFoundID{blockOf(parent), what}]
	_, seg := block.Position()
	return ok && seg.Start >= from
}

// noteMissing records that the closer what is missing after the reader's
// position.
func noteMissing(pc parser.Context, parent ast.Node, what string, block text.Reader) {
	m, _ := pc.Get(notFoundKey).(notFoundMemo)
	if m == nil {
		m = notFoundMemo{}
		pc.Set(notFoundKey, m)
	}
	_, seg := block.Position()
	id := notFoundID{blockOf(parent), what}
	if old, ok := m[id]; !ok || seg.Start < old {
		m[id] = seg.Start
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
	closer := bytes.Repeat([]byte{'`'}, ticks)
	what := "role" + string(closer)
	if knownMissing(pc, parent, what, block) {
		return nil
	}
	rest, found := textUntil(block, func(b []byte) bool {
		return len(b) > p+1 && bytes.Contains(b[p+1:], closer)
	})
	if !found {
		noteMissing(pc, parent, what, block)
		return nil
	}
	idx := bytes.Index(rest[p+1:], closer)
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
	first, _ := block.PeekLine()
	double := p.allowDouble && len(first) > 1 && first[1] == '$'
	what := "$"
	if double {
		what = "$$"
	}
	if knownMissing(pc, parent, what, block) {
		return nil
	}
	// Read on until the closing "$" (or "$$") that the loop below finds.
	checked := 1
	if double {
		checked = 2
	}
	rest, _ := textUntil(block, func(b []byte) bool {
		for ; checked < len(b); checked++ {
			if b[checked] != '$' || escapedAt(b, checked) {
				continue
			}
			if !double {
				return true
			}
			if checked+1 >= len(b) {
				return false
			}
			if b[checked+1] == '$' {
				return true
			}
		}
		return false
	})
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
	if p.allowDouble && len(rest) < 2 {
		return nil
	}
	pos := 1
	if double {
		pos = 2
	}
	var end int
	for {
		i := bytes.IndexByte(rest[pos:], '$')
		if i < 0 {
			noteMissing(pc, parent, what, block)
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
	closer := []byte{p.close, p.close}
	if knownMissing(pc, parent, "subst", block) {
		return nil
	}
	rest, found := textUntil(block, func(b []byte) bool {
		return len(b) > 2 && bytes.Contains(b[2:], closer)
	})
	if !found {
		noteMissing(pc, parent, "subst", block)
		return nil
	}
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

// Parse scans a run of tildes as markdown-it's strikethrough rule: an odd
// one out is text, the rest pairs of delimiters.
func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := scanDelimiter(line, before, 2, true, strikeDelimiters{})
	if node == nil {
		return nil
	}
	run := node.OriginalLength
	if run%2 == 1 {
		parent.AppendChild(parent, &loneTilde{})
		segment = segment.WithStart(segment.Start + 1)
		block.Advance(1)
		run--
		node = parser.NewDelimiter(node.CanOpen, node.CanClose, run, '~', strikeDelimiters{})
	}
	node.Segment = segment.WithStop(segment.Start + run)
	block.Advance(run)
	pc.PushDelimiter(node)
	return node
}

// ---- emphasis ----

// scanDelimiter scans a run of delimiter characters as markdown-it's
// scanDelims: flanking uses CommonMark 0.30's punctuation (ASCII
// punctuation and Unicode P), which markdown-it-py 2.1 follows, where
// goldmark counts symbols too.
func scanDelimiter(line []byte, before rune, minimum int, canSplitWord bool, processor parser.DelimiterProcessor) *parser.Delimiter {
	if len(line) == 0 || !processor.IsDelimiter(line[0]) {
		return nil
	}
	c := line[0]
	j := 0
	for j < len(line) && line[j] == c {
		j++
	}
	if j < minimum {
		return nil
	}
	after := rune(' ')
	if j < len(line) {
		after, _ = utf8.DecodeRune(line[j:])
	}
	lastPunct := isMdASCIIPunct(before) || isPunctChar(before)
	nextPunct := isMdASCIIPunct(after) || isPunctChar(after)
	lastWS := isMdWhiteSpace(before)
	nextWS := isMdWhiteSpace(after)
	left := !nextWS && (!nextPunct || lastWS || lastPunct)
	right := !lastWS && (!lastPunct || nextWS || nextPunct)
	var canOpen, canClose bool
	if canSplitWord {
		canOpen, canClose = left, right
	} else {
		canOpen = left && (!right || lastPunct)
		canClose = right && (!left || nextPunct)
	}
	return parser.NewDelimiter(canOpen, canClose, j, c, processor)
}

type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := scanDelimiter(line, before, 1, line[0] == '*', emphasisDelimiters{})
	if node == nil {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

// ---- raw HTML ----

// htmlComment and htmlDeclaration are markdown-it's (CommonMark 0.30)
// comment and declaration patterns; goldmark follows CommonMark 0.31,
// which accepts more comments ("<!-->") and lower-case declarations.
var (
	htmlComment     = regexp.MustCompile(`^(?:<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->)`)
	htmlDeclaration = regexp.MustCompile(`^<![A-Z]+\s+[^>]*>`)
)

// rawHTMLParser is goldmark's raw HTML parser with markdown-it's rules
// for comments and declarations.
type rawHTMLParser struct{ gm parser.InlineParser }

func (p rawHTMLParser) Trigger() []byte { return p.gm.Trigger() }

func (p rawHTMLParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 2 && line[1] == '!' {
		switch {
		case bytes.HasPrefix(line, []byte("<!--")):
			rest, _ := textUntil(block, func(b []byte) bool { return bytes.Contains(b[2:], []byte("-->")) })
			if !htmlComment.Match(rest) {
				return nil
			}
		case line[2] != '[':
			rest, _ := textUntil(block, func(b []byte) bool { return bytes.IndexByte(b, '>') >= 0 })
			if !htmlDeclaration.Match(rest) {
				return nil
			}
		}
	}
	return p.gm.Parse(parent, block, pc)
}
