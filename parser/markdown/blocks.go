package markdown

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file holds the goldmark block parsers for MyST's block syntax. Each
// follows the markdown-it-py rule of mdit_py_plugins that MyST-Parser
// 0.18.1 uses, so that the same input gives the same blocks: where the
// markdown-it rule looks at raw source lines (ignoring the container it is
// in), these do too.

// srcKey holds the *srcInfo of the text being parsed in the goldmark
// context.
var srcKey = parser.NewContextKey()

// srcInfo indexes the lines of one parsed text.
type srcInfo struct {
	src []byte
	// str is src as a string, for text taken from the source without a
	// copy.
	str    string
	starts []int // offset of each line's first byte
}

func newSrcInfo(str string) *srcInfo {
	s := &srcInfo{src: []byte(str), str: str}
	if len(str) == 0 {
		return s
	}
	s.starts = make([]int, 1, strings.Count(str, "\n")+1)
	for i := 0; i < len(str); {
		j := strings.IndexByte(str[i:], '\n')
		if j < 0 || i+j+1 >= len(str) {
			break
		}
		i += j + 1
		s.starts = append(s.starts, i)
	}
	return s
}

// text returns the text of a segment of the source (with the spaces of
// its padding, as Segment.Value), sharing the source's memory.
func (s *srcInfo) text(seg text.Segment) string {
	if seg.Padding == 0 {
		return s.str[seg.Start:seg.Stop]
	}
	return string(seg.Value(s.src))
}

// nlines is the number of lines, as markdown-it counts them (a final
// newline does not start a line).
func (s *srcInfo) nlines() int { return len(s.starts) }

// lineOf returns the 0-based line holding byte offset pos.
func (s *srcInfo) lineOf(pos int) int {
	i := sort.SearchInts(s.starts, pos+1) - 1
	return max(i, 0)
}

// lineEnd returns the offset of line i's newline (or of the end).
func (s *srcInfo) lineEnd(i int) int {
	if i+1 < len(s.starts) {
		return s.starts[i+1] - 1
	}
	n := len(s.src)
	if n > 0 && s.src[n-1] == '\n' {
		return n - 1
	}
	return n
}

// firstNonSpace returns the offset of line i's first byte after spaces
// and tabs (markdown-it's bMarks + tShift).
func (s *srcInfo) firstNonSpace(i int) int {
	p, end := s.starts[i], s.lineEnd(i)
	for p < end && (s.src[p] == ' ' || s.src[p] == '\t') {
		p++
	}
	return p
}

// indentWidth returns line i's indentation in columns (markdown-it's
// sCount at block indent 0).
func (s *srcInfo) indentWidth(i int) int {
	w, _ := util.IndentWidth(s.src[s.starts[i]:s.lineEnd(i)], 0)
	return w
}

func getSrc(pc parser.Context) *srcInfo {
	if v, ok := pc.Get(srcKey).(*srcInfo); ok {
		return v
	}
	return newSrcInfo("")
}

// absPos maps index i of a line returned by PeekLine to its source offset.
func absPos(seg text.Segment, i int) int {
	if i < seg.Padding {
		return seg.Start
	}
	return seg.Start + i - seg.Padding
}

// lineBody returns line without its newline.
func lineBody(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	return line
}

func isSpaceTab(c byte) bool { return c == ' ' || c == '\t' }

// pyStrip strips white space as Python's str.strip().
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

func pyRStrip(s string) string { return strings.TrimRightFunc(s, isPySpace) }

func pyLStrip(s string) string { return strings.TrimLeftFunc(s, isPySpace) }

// singleLine is the Continue of blocks that take exactly one line.
func singleLine(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }

// ---- front matter ----

type frontMatterParser struct{}

func (frontMatterParser) Trigger() []byte { return []byte{'-'} }

func (frontMatterParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if parent.Kind() != ast.KindDocument || parent.HasChildren() {
		return nil, parser.NoChildren
	}
	_, seg := reader.PeekLine()
	if seg.Start != 0 || seg.Padding != 0 {
		return nil, parser.NoChildren
	}
	si := getSrc(pc)
	src := si.src
	n := 0
	for n < len(src) && src[n] == '-' {
		n++
	}
	if n < 3 {
		return nil, parser.NoChildren
	}
	// markdown-it-front-matter: the block ends at a line of at least as
	// many dashes, or after a line "..." (which it keeps).
	prevStart, prevEnd := 0, si.lineEnd(0)
	next := 0
	closed := false
	for {
		next++
		if next >= si.nlines() {
			return nil, parser.NoChildren
		}
		if string(src[prevStart:prevEnd]) == "..." {
			break
		}
		start, end := si.firstNonSpace(next), si.lineEnd(next)
		prevStart, prevEnd = start, end
		if start >= end || src[start] != '-' {
			continue
		}
		if si.indentWidth(next) >= 4 {
			continue
		}
		p := start
		for p < end && src[p] == '-' {
			p++
		}
		if p-start < n {
			continue
		}
		for p < end && isSpaceTab(src[p]) {
			p++
		}
		if p < end {
			continue
		}
		closed = true
		break
	}
	content := ""
	if from, to := si.starts[1], si.lineEnd(next-1); from < to {
		content = string(src[from:to])
	}
	node := &frontMatter{Content: content, lines: next - 1}
	if closed {
		node.lines++
	}
	return node, parser.NoChildren
}

func (frontMatterParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*frontMatter)
	if n.lines == 0 {
		return parser.Close
	}
	n.lines--
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (frontMatterParser) Close(ast.Node, text.Reader, parser.Context) {}
func (frontMatterParser) CanInterruptParagraph() bool                 { return true }
func (frontMatterParser) CanAcceptIndentedLine() bool                 { return false }

// ---- (target)= ----

type targetParser struct{}

func (targetParser) Trigger() []byte { return []byte{'('} }

func (targetParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	t := pyStrip(string(lineBody(line[pos:])))
	if !strings.HasPrefix(t, "(") || !strings.HasSuffix(t, ")=") || len(t) < 4 {
		return nil, parser.NoChildren
	}
	return &target{Label: t[1 : len(t)-2]}, parser.NoChildren
}

func (targetParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	return singleLine(n, r, pc)
}
func (targetParser) Close(ast.Node, text.Reader, parser.Context) {}
func (targetParser) CanInterruptParagraph() bool                 { return true }
func (targetParser) CanAcceptIndentedLine() bool                 { return false }

// ---- % comments ----

type lineCommentParser struct{}

func (lineCommentParser) Trigger() []byte { return []byte{'%'} }

func (lineCommentParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || line[pos] != '%' {
		return nil, parser.NoChildren
	}
	return &lineComment{Content: pyRStrip(string(lineBody(line[pos+1:])))}, parser.NoChildren
}

func (lineCommentParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	i := 0
	for i < len(line) && isSpaceTab(line[i]) {
		i++
	}
	if i >= len(line) || line[i] != '%' {
		return parser.Close
	}
	n := node.(*lineComment)
	n.Content += "\n" + pyRStrip(string(lineBody(line[i+1:])))
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (lineCommentParser) Close(ast.Node, text.Reader, parser.Context) {}
func (lineCommentParser) CanInterruptParagraph() bool                 { return true }
func (lineCommentParser) CanAcceptIndentedLine() bool                 { return false }

// ---- +++ block breaks ----

type blockBreakParser struct{}

func (blockBreakParser) Trigger() []byte { return []byte{'+'} }

func (blockBreakParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || line[pos] != '+' {
		return nil, parser.NoChildren
	}
	body := lineBody(line)
	cnt := 1
	p := pos + 1
	for ; p < len(body); p++ {
		c := body[p]
		if c != '+' && !isSpaceTab(c) {
			break
		}
		if c == '+' {
			cnt++
		}
	}
	if cnt < 3 {
		return nil, parser.NoChildren
	}
	return &blockBreak{Content: pyStrip(string(body[p:]))}, parser.NoChildren
}

func (blockBreakParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	return singleLine(n, r, pc)
}
func (blockBreakParser) Close(ast.Node, text.Reader, parser.Context) {}
func (blockBreakParser) CanInterruptParagraph() bool                 { return true }
func (blockBreakParser) CanAcceptIndentedLine() bool                 { return false }

// ---- ::: colon fences ----

type colonFenceParser struct{}

func (colonFenceParser) Trigger() []byte { return []byte{':'} }

func (colonFenceParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	body := lineBody(line)
	if pos+3 > len(body) || body[pos] != ':' {
		return nil, parser.NoChildren
	}
	i := pos
	for i < len(body) && body[i] == ':' {
		i++
	}
	if i-pos < 3 {
		return nil, parser.NoChildren
	}
	return &colonFence{Info: string(body[i:]), length: i - pos, indent: pc.BlockIndent()}, parser.NoChildren
}

func (colonFenceParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*colonFence)
	line, segment := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w < 4 {
		i := pos
		for i < len(line) && line[i] == ':' {
			i++
		}
		if i-pos >= n.length {
			j := i
			for j < len(line) && isSpaceTab(line[j]) {
				j++
			}
			if j >= len(lineBody(line)) {
				reader.AdvanceToEOL()
				n.closed = true
				return parser.Close
			}
		}
	}
	p, padding := util.IndentPositionPadding(line, reader.LineOffset(), segment.Padding, n.indent)
	if p < 0 {
		p = max(0, util.FirstNonSpacePosition(line)) - segment.Padding
		if util.FirstNonSpacePosition(line) < 0 {
			p = len(line) - 1 - segment.Padding
		}
		padding = 0
	}
	seg := text.NewSegmentPadding(segment.Start+p, segment.Stop, padding)
	seg.ForceNewline = true
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (colonFenceParser) Close(ast.Node, text.Reader, parser.Context) {}
func (colonFenceParser) CanInterruptParagraph() bool                 { return true }
func (colonFenceParser) CanAcceptIndentedLine() bool                 { return false }

// ---- $$ math blocks (dollarmath) ----

type mathBlockParser struct{ allowLabels bool }

// dollarEqnoRev matches a labelled closing "$$ (label)" on the reversed
// line, as mdit_py_plugins' DOLLAR_EQNO_REV.
var dollarEqnoRev = regexp.MustCompile(`^\s*\)([^)$\r\n]+?)\(\s*\${2}`)

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

func reverseString(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// closing checks lineText for the end of a math block: it returns the
// number of bytes to drop from the line's end and the label.
func (p mathBlockParser) closing(lineText string) (cut int, label string, ok bool) {
	stripped := pyStrip(lineText)
	if strings.HasSuffix(stripped, "$$") {
		return 2 + len(lineText) - len(stripped), "", true
	}
	if p.allowLabels {
		rev := reverseString(lineText)
		if m := dollarEqnoRev.FindStringSubmatchIndex(rev); m != nil {
			label = reverseString(rev[m[2]:m[3]])
			return m[1], label, true
		}
	}
	return 0, "", false
}

func (p mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	body := lineBody(line)
	if pos+2 > len(body) || body[pos] != '$' || body[pos+1] != '$' {
		return nil, parser.NoChildren
	}
	si := getSrc(pc)
	start := absPos(seg, pos)
	first := si.lineOf(start)
	end := si.lineEnd(first)
	lineText := string(si.src[start:end])
	var label string
	found := false
	last := first
	if len(pyStrip(lineText)) > 3 {
		if cut, l, ok := p.closing(lineText); ok {
			found, label, end = true, l, end-cut
		}
	}
	for !found {
		last++
		if last >= si.nlines() {
			return nil, parser.NoChildren
		}
		s, e := si.firstNonSpace(last), si.lineEnd(last)
		if e-s < 2 {
			continue
		}
		if cut, l, ok := p.closing(string(si.src[s:e])); ok {
			found, label, end = true, l, e-cut
		}
	}
	content := ""
	if start+2 < end {
		content = string(si.src[start+2 : end])
	}
	if label != "" {
		label = normalizeMathLabel(label)
	}
	return &mathBlock{Content: content, Label: label, lines: last - first}, parser.NoChildren
}

// normalizeMathLabel replaces runs of white space by "-" as the
// dollarmath plugin's default label normaliser (re.sub(r"\s+", "-")).
func normalizeMathLabel(s string) string {
	var b strings.Builder
	inSpace := false
	for _, r := range s {
		if isPySpace(r) {
			if !inSpace {
				b.WriteByte('-')
			}
			inSpace = true
			continue
		}
		inSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*mathBlock)
	if n.lines == 0 {
		return parser.Close
	}
	n.lines--
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (mathBlockParser) CanInterruptParagraph() bool                 { return false }
func (mathBlockParser) CanAcceptIndentedLine() bool                 { return false }

// ---- amsmath environments ----

type amsmathParser struct{}

var amsmathOpen = regexp.MustCompile(`^\\begin\{(equation|multline|gather|align|alignat|flalign|matrix|pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix|eqnarray)(\*?)\}`)

func (amsmathParser) Trigger() []byte { return []byte{'\\'} }

func (amsmathParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	si := getSrc(pc)
	begin := absPos(seg, pos)
	rest := si.src[begin:]
	m := amsmathOpen.FindSubmatch(rest)
	if m == nil {
		return nil, parser.NoChildren
	}
	closer := []byte(`\end{` + string(m[1]) + string(m[2]) + `}`)
	idx := bytes.Index(rest, closer)
	if idx < 0 {
		return nil, parser.NoChildren
	}
	endpos := begin + idx + len(closer)
	first := si.lineOf(begin)
	last := first
	for last < si.nlines() && !(endpos >= si.starts[last] && endpos <= si.lineEnd(last)) {
		last++
	}
	return &amsmath{
		Content:  string(si.src[begin:endpos]),
		Env:      string(m[1]),
		Numbered: len(m[2]) == 0,
		lines:    last - first,
	}, parser.NoChildren
}

func (amsmathParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*amsmath)
	if n.lines <= 0 {
		return parser.Close
	}
	n.lines--
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (amsmathParser) Close(ast.Node, text.Reader, parser.Context) {}
func (amsmathParser) CanInterruptParagraph() bool                 { return true }
func (amsmathParser) CanAcceptIndentedLine() bool                 { return false }

// ---- {{ substitution }} blocks ----

type substBlockParser struct{ open, close byte }

func (p substBlockParser) Trigger() []byte { return []byte{p.open} }

func (p substBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	t := pyStrip(string(lineBody(line[pos:])))
	n := len(t)
	if n < 5 || t[0] != p.open || t[1] != p.open || t[n-1] != p.close || t[n-2] != p.close {
		return nil, parser.NoChildren
	}
	content := pyStrip(t[2 : n-2])
	if strings.Contains(content, string([]byte{p.close, p.close})) {
		return nil, parser.NoChildren
	}
	return &substBlock{Content: content}, parser.NoChildren
}

func (substBlockParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	return singleLine(n, r, pc)
}
func (substBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (substBlockParser) CanInterruptParagraph() bool                 { return false }
func (substBlockParser) CanAcceptIndentedLine() bool                 { return false }

// ---- [^label]: footnote definitions ----

type footnoteDefParser struct{}

func (footnoteDefParser) Trigger() []byte { return []byte{'['} }

func (footnoteDefParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	start := pc.BlockOffset()
	if start < 0 {
		return nil, parser.NoChildren
	}
	body := lineBody(line)
	if start+4 > len(body) || body[start] != '[' || body[start+1] != '^' {
		return nil, parser.NoChildren
	}
	pos := start + 2
	for ; pos < len(body); pos++ {
		if body[pos] == ' ' {
			return nil, parser.NoChildren
		}
		if body[pos] == ']' {
			break
		}
	}
	if pos == start+2 || pos+1 >= len(body) || body[pos+1] != ':' {
		return nil, parser.NoChildren
	}
	label := string(body[start+2 : pos])
	getEnv(pc).footnoteLabels[label] = true
	// markdown-it indents the body by 4 columns: white space after the
	// colon up to that much is not part of the content's indentation.
	reader.Advance(pos + 2)
	rest, _ := reader.PeekLine()
	w, _ := util.IndentWidth(rest, reader.LineOffset())
	if w >= 4 && !util.IsBlank(rest) {
		p, padding := util.IndentPosition(rest, reader.LineOffset(), 4)
		reader.AdvanceAndSetPadding(p, padding)
	}
	return &footnoteDef{Label: label}, parser.HasChildren
}

func (footnoteDefParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	p, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if p < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(p, padding)
	return parser.Continue | parser.HasChildren
}

func (footnoteDefParser) Close(ast.Node, text.Reader, parser.Context) {}
func (footnoteDefParser) CanInterruptParagraph() bool                 { return true }
func (footnoteDefParser) CanAcceptIndentedLine() bool                 { return false }

// ---- :name: field lists (fieldlist) ----

// fieldMarker parses ":name:" at pos of line: it returns the index after
// the closing colon and the name's bounds, or -1.
func fieldMarker(line []byte, pos int) (after, nameStart, nameEnd int) {
	body := lineBody(line)
	if pos < 0 || pos+2 >= len(body) || body[pos] != ':' {
		return -1, 0, 0
	}
	i := pos + 1
	for i < len(body) && body[i] != ':' {
		i++
	}
	if i >= len(body) {
		return -1, 0, 0
	}
	if pyStrip(string(body[pos+1:i])) == "" {
		return -1, 0, 0
	}
	return i + 1, pos + 1, i
}

// isTableDelimRow reports whether line is a GFM table delimiter row
// ("|:--|--:|").
func isTableDelimRow(line []byte) bool {
	t := strings.TrimSpace(string(lineBody(line)))
	if !strings.Contains(t, "-") {
		return false
	}
	t = strings.Trim(t, "|")
	for _, cell := range strings.Split(t, "|") {
		c := strings.TrimSpace(cell)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

type fieldListParser struct{}

func (fieldListParser) Trigger() []byte { return []byte{':'} }

func (fieldListParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*fieldList); ok {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	if after, _, _ := fieldMarker(line, pc.BlockOffset()); after < 0 {
		return nil, parser.NoChildren
	}
	if last := pc.LastOpenedBlock().Node; last != nil && last.Kind() == ast.KindParagraph && isTableDelimRow(line) {
		// markdown-it's table rule comes first: this is a table's
		// delimiter row, not a field.
		return nil, parser.NoChildren
	}
	return &fieldList{}, parser.HasChildren
}

func (fieldListParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w < 4 {
		if after, _, _ := fieldMarker(line, pos); after >= 0 {
			return parser.Continue | parser.HasChildren
		}
	}
	if last, ok := node.LastChild().(*field); ok && w >= last.indent {
		return parser.Continue | parser.HasChildren
	}
	return parser.Close
}

func (fieldListParser) Close(ast.Node, text.Reader, parser.Context) {}
func (fieldListParser) CanInterruptParagraph() bool                 { return true }
func (fieldListParser) CanAcceptIndentedLine() bool                 { return false }

type fieldParser struct{}

func (fieldParser) Trigger() []byte { return []byte{':'} }

func (fieldParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*fieldList); !ok {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	after, ns, ne := fieldMarker(line, pos)
	if after < 0 {
		return nil, parser.NoChildren
	}
	body := lineBody(line)
	col := pc.BlockIndent() + (after - pos)
	i := after
	for i < len(body) && isSpaceTab(body[i]) {
		if body[i] == '\t' {
			col += util.TabWidth(reader.LineOffset() + col)
		} else {
			col++
		}
		i++
	}
	f := &field{indent: col}
	if i >= len(body) {
		f.indent = 2
	}
	name := &fieldName{}
	name.Lines().Append(text.NewSegment(absPos(seg, ns), absPos(seg, ne)))
	f.AppendChild(f, name)
	if i >= len(body) {
		reader.AdvanceToEOL()
		return f, parser.HasChildren
	}
	reader.Advance(after)
	return f, parser.HasChildren
}

func (fieldParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	f := node.(*field)
	p, padding := util.IndentPosition(line, reader.LineOffset(), f.indent)
	if p < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(p, padding)
	return parser.Continue | parser.HasChildren
}

func (fieldParser) Close(ast.Node, text.Reader, parser.Context) {}
func (fieldParser) CanInterruptParagraph() bool                 { return true }
func (fieldParser) CanAcceptIndentedLine() bool                 { return false }

// ---- definition lists (deflist) ----

// defMarker returns the index after a ":" or "~" marker and its spaces
// at pos of line, or -1 (markdown-it-deflist's skipMarker).
func defMarker(line []byte, pos int) int {
	body := lineBody(line)
	if pos < 0 || pos >= len(body) || (body[pos] != ':' && body[pos] != '~') {
		return -1
	}
	start := pos + 1
	p := start
	for p < len(body) && isSpaceTab(body[p]) {
		p++
	}
	if p == start || p >= len(body) {
		return -1
	}
	return start
}

// quoteDepth counts the block quotes around n: their markers are part of
// the raw lines that the deflist rule looks ahead at.
func quoteDepth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		if n.Kind() == ast.KindBlockquote {
			d++
		}
	}
	return d
}

// stripQuotes skips leading white space and depth block-quote markers:
// it returns the index of the first character after them and its column.
func stripQuotes(line []byte, depth int) (int, int) {
	i, col := 0, 0
	skipWS := func() {
		for i < len(line) && isSpaceTab(line[i]) {
			if line[i] == '\t' {
				col += util.TabWidth(col)
			} else {
				col++
			}
			i++
		}
	}
	skipWS()
	for ; depth > 0; depth-- {
		if i < len(line) && line[i] == '>' {
			i++
			col++
		}
		skipWS()
	}
	return i, col
}

// termFollows reports whether the line after the one ending at stop (or
// the one after it, when that is blank) starts with a definition marker at
// column minIndent or more (markdown-it-deflist's look-ahead from a term
// line; the marker line must not be less indented than the block).
func termFollows(si *srcInfo, stop, depth, minIndent int) bool {
	if stop <= 0 || stop > len(si.src) {
		return false
	}
	ln := si.lineOf(stop - 1)
	for k := 1; k <= 2; k++ {
		i := ln + k
		if i >= si.nlines() {
			return false
		}
		line := si.src[si.starts[i]:si.lineEnd(i)]
		p, col := stripQuotes(line, depth)
		if p >= len(line) {
			if k == 1 {
				continue
			}
			return false
		}
		return col >= minIndent && defMarker(line, p) >= 0
	}
	return false
}

// blockIndent is the column where the content of parent starts, as
// markdown-it's blkIndent: the reader's column, or for a definition the
// marker's column plus two.
func blockIndent(parent ast.Node, reader text.Reader) int {
	if d, ok := parent.(*defDesc); ok {
		return d.blkIndent
	}
	return reader.LineOffset()
}

type defListParser struct{}

func (defListParser) Trigger() []byte { return nil }

func (defListParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*defList); ok {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) || !termFollows(getSrc(pc), seg.Stop, quoteDepth(parent), blockIndent(parent, reader)) {
		return nil, parser.NoChildren
	}
	return &defList{}, parser.HasChildren
}

func (defListParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if defMarker(line, pos) >= 0 {
		return parser.Continue | parser.HasChildren
	}
	if last, ok := node.LastChild().(*defDesc); ok && w >= last.indent {
		return parser.Continue | parser.HasChildren
	}
	if termFollows(getSrc(pc), seg.Stop, quoteDepth(node), reader.LineOffset()) {
		return parser.Continue | parser.HasChildren
	}
	return parser.Close
}

func (defListParser) Close(ast.Node, text.Reader, parser.Context) {}
func (defListParser) CanInterruptParagraph() bool                 { return false }
func (defListParser) CanAcceptIndentedLine() bool                 { return false }

type defTermParser struct{}

func (defTermParser) Trigger() []byte { return nil }

func (defTermParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*defList); !ok {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) || defMarker(line, pc.BlockOffset()) >= 0 {
		return nil, parser.NoChildren
	}
	if !termFollows(getSrc(pc), seg.Stop, quoteDepth(parent), blockIndent(parent, reader)) {
		return nil, parser.NoChildren
	}
	s := seg.TrimLeftSpace(reader.Source())
	s = s.TrimRightSpace(reader.Source())
	s.Padding = 0
	t := &defTerm{}
	t.Lines().Append(s)
	reader.AdvanceToEOL()
	return t, parser.NoChildren
}

func (defTermParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	return singleLine(n, r, pc)
}
func (defTermParser) Close(ast.Node, text.Reader, parser.Context) {}
func (defTermParser) CanInterruptParagraph() bool                 { return false }
func (defTermParser) CanAcceptIndentedLine() bool                 { return false }

type defDescParser struct{}

func (defDescParser) Trigger() []byte { return []byte{':', '~'} }

func (defDescParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*defList); !ok {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	start := defMarker(line, pos)
	if start < 0 {
		return nil, parser.NoChildren
	}
	d := &defDesc{indent: pc.BlockIndent() + 2, blkIndent: reader.LineOffset() + pc.BlockIndent() + 2}
	// The content's own indentation counts from two columns past the
	// marker: beyond four more, it is an indented code block.
	body := lineBody(line)
	p := start
	for p < len(body) && isSpaceTab(body[p]) {
		p++
	}
	if p-start >= 5 {
		reader.Advance(start + 1)
	} else {
		reader.Advance(p)
	}
	return d, parser.HasChildren
}

func (defDescParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	d := node.(*defDesc)
	p, padding := util.IndentPosition(line, reader.LineOffset(), d.indent)
	if p < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(p, padding)
	return parser.Continue | parser.HasChildren
}

func (defDescParser) Close(ast.Node, text.Reader, parser.Context) {}
func (defDescParser) CanInterruptParagraph() bool                 { return true }
func (defDescParser) CanAcceptIndentedLine() bool                 { return false }

// ---- inline-only parsing ----

// inlineBlockParser takes the whole text as one block of inline content:
// the block structure of a parse that markdown-it runs with parseInline
// (role and directive inline text, front-matter values).
type inlineBlockParser struct{}

// inlineBlock is the single block of an inline-only parse.
type inlineBlock struct{ ast.BaseBlock }

var kindInlineBlock = ast.NewNodeKind("MystInlineBlock")

func (n *inlineBlock) Kind() ast.NodeKind         { return kindInlineBlock }
func (n *inlineBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (inlineBlockParser) Trigger() []byte { return nil }

func (p inlineBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n := &inlineBlock{}
	p.add(n, reader, true)
	return n, parser.NoChildren
}

func (p inlineBlockParser) add(n *inlineBlock, reader text.Reader, first bool) {
	line, seg := reader.PeekLine()
	if !first {
		// markdown-it's newline rule skips the next line's leading spaces.
		seg = seg.TrimLeftSpace(reader.Source())
		if seg.IsEmpty() {
			// a blank line: keep its line break (goldmark needs a
			// non-empty line)
			if len(line) == 0 || line[len(line)-1] != '\n' {
				reader.AdvanceToEOL()
				return
			}
			seg = text.NewSegment(seg.Stop-1, seg.Stop)
			if seg.Start < 0 || reader.Source()[seg.Start] != '\n' {
				reader.AdvanceToEOL()
				return
			}
		}
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
}

func (p inlineBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	p.add(node.(*inlineBlock), reader, false)
	return parser.Continue | parser.NoChildren
}

func (inlineBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (inlineBlockParser) CanInterruptParagraph() bool                 { return false }
func (inlineBlockParser) CanAcceptIndentedLine() bool                 { return true }
