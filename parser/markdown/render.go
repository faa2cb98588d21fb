package markdown

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/pygments"
	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// unit is one parsed text: the document itself or a nested text
// (directive content, an included file), with the line offset that maps
// its lines to the document's.
type unit struct {
	si     *srcInfo
	offset int
	// slugs are the heading anchors given in this text (markdown-it's
	// anchors plugin keeps them per parse).
	slugs map[string]bool
}

// lineAt returns the 1-based document line of byte offset pos, as MyST
// numbers tokens (token.map[0] + 1, plus the nested offset).
func (u *unit) lineAt(pos int) int {
	if pos < 0 || u == nil || u.si == nil {
		return 0
	}
	return u.offset + u.si.lineOf(pos) + 1
}

// levelElem maps a heading level to the section (or document) that a
// deeper heading goes into (MyST's _level_to_elem).
type levelElem struct {
	level int
	elem  *doctree.Element
}

// renderer turns goldmark trees into doctree nodes, as MyST's
// DocutilsRenderer does with markdown-it tokens. One renderer serves one
// document, including the nested parses of its directives.
type renderer struct {
	// nestingStop is set when markdown-it's block nesting limit stopped
	// the tokenizer (see blockNestingLimit): nothing more is rendered up
	// to the end of the enclosing block quote or nested parse.
	nestingStop bool

	reg    *directives.Registry
	cfg    Config
	doc    *doctree.Document
	scope  *directives.Scope
	env    *mdEnv
	block  parser.Parser
	inline parser.Parser

	cur      *doctree.Element
	levels   []levelElem
	u        *unit
	source   string
	lastText *doctree.Text
	// line is the line of the block whose inline content is rendered:
	// markdown-it gives inline tokens their block's map.
	line int
	// checkbox is the task-list checkbox for the next paragraph.
	checkbox string
	// typo collects markdown-it's inline tokens for the typographer.
	typo      *[]typoToken
	typoLevel int
	depth     int
}

// setLine gives el the source and line MyST's add_line_and_source_path
// gives it.
func (r *renderer) setLine(el *doctree.Element, line int) {
	if line > 0 {
		el.Line = line
	}
	el.Source = r.source
}

// nodeLine returns the document line of a goldmark block.
func (r *renderer) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Pos() >= 0 {
			return r.u.lineAt(n.Pos())
		}
		if n.Type() != ast.TypeInline && n.Lines().Len() > 0 {
			return r.u.lineAt(n.Lines().At(0).Start)
		}
		if t, ok := n.(*ast.Text); ok {
			return r.u.lineAt(t.Segment.Start)
		}
	}
	return 0
}

// withCurrent runs f with el as the current node (current_node_context).
func (r *renderer) withCurrent(el *doctree.Element, f func()) {
	saved := r.cur
	r.cur = el
	defer func() { r.cur = saved }()
	f()
}

// appendNode adds nodes to the current node. As docutils' setup_child, an
// element without a line added to the document's tree takes the
// document's current line (the last directive's).
func (r *renderer) appendNode(nodes ...doctree.Node) {
	if r.doc.CurrentLine > 0 && r.attached(r.cur) {
		for _, n := range nodes {
			if e, ok := n.(*doctree.Element); ok && e.Line == 0 {
				e.Line = r.doc.CurrentLine
				if e.Source == "" {
					e.Source = r.doc.CurrentSource
				}
			}
		}
	}
	r.cur.Append(nodes...)
}

// attached reports whether el is in the document's tree.
func (r *renderer) attached(el *doctree.Element) bool {
	for ; el != nil; el = el.Parent() {
		if el == r.doc.Root {
			return true
		}
	}
	return false
}

// appendText adds text, joining it to the text just added: markdown-it
// merges adjacent text tokens.
func (r *renderer) appendText(s string) {
	if s == "" {
		return
	}
	if r.lastText != nil && r.cur.LastChild() == doctree.Node(r.lastText) {
		r.lastText.Data += s
		return
	}
	t := doctree.NewText(s)
	r.cur.Append(t)
	r.lastText = t
	r.tok(typoToken{typ: tokText, text: t})
}

// warn makes MyST's create_warning: a WARNING "<message> [myst.<subtype>]",
// appended to appendTo when not nil.
func (r *renderer) warn(message string, line int, subtype string, appendTo *doctree.Element) *doctree.Element {
	if e := r.sphinxEnv(); e != nil && suppressed(e, "myst", subtype) {
		return nil
	}
	msg := r.doc.Reporter.Warning(message+" [myst."+subtype+"]", doctree.MsgOpts{Line: line})
	if appendTo != nil {
		appendTo.Append(msg)
	}
	return msg
}

// parseText parses text (a whole document or a nested text) with
// goldmark and returns its tree and unit; lineOffset is added to its line
// numbers.
func (r *renderer) parseText(src string, lineOffset int, inline bool) (ast.Node, *unit) {
	si := newSrcInfo(src)
	b := si.src
	ctx := newContext(r.env, si)
	firstDup := len(r.env.dupRefs)
	p := r.block
	if inline {
		p = r.inline
	}
	root := p.Parse(text.NewReader(b), parser.WithContext(ctx))
	if dups := r.env.dupRefs[firstDup:]; len(dups) > 0 {
		var defs []ast.Node
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == ast.KindLinkReferenceDefinition {
				defs = append(defs, n)
			}
			return ast.WalkContinue, nil
		})
		for _, d := range dups {
			if d.seq < len(defs) && defs[d.seq].Lines().Len() > 0 {
				d.line = si.lineOf(defs[d.seq].Lines().At(0).Start) + 1
			}
		}
	}
	return root, &unit{si: si, offset: lineOffset}
}

// renderTokens renders a parsed tree's blocks into the current node,
// first moving its footnote definitions aside (MyST's _render_tokens).
func (r *renderer) renderTokens(root ast.Node, u *unit) {
	saved := r.u
	r.u = u
	defer func() { r.u = saved }()
	r.collectFootnotes(root, u)
	for c := root.FirstChild(); c != nil && !r.nestingStop; {
		next := c.NextSibling()
		r.renderBlock(c)
		c = next
	}
}

func (r *renderer) collectFootnotes(n ast.Node, u *unit) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if fd, ok := c.(*footnoteDef); ok {
			n.RemoveChild(n, c)
			r.env.footDefs[fd.Label] = append(r.env.footDefs[fd.Label], footDef{node: fd, u: u})
		} else {
			r.collectFootnotes(c, u)
		}
		c = next
	}
}

// nestedRender parses text as Markdown into the current node (MyST's
// nested_render_text); lineno is the document line before the text's
// first line.
func (r *renderer) nestedRender(src string, lineno int, inline, allowHeadings bool) {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > maxNesting {
		r.doc.Reporter.Error("Maximum nesting depth exceeded.", doctree.MsgOpts{Line: lineno})
		return
	}
	var root ast.Node
	var u *unit
	if inline {
		root, u = r.parseText(src, lineno, true)
	} else {
		root, u = r.parseText(src+"\n", lineno, false)
		if first := root.FirstChild(); first != nil && first.Kind() == kindFrontMatter {
			root.RemoveChild(root, first)
		}
	}
	saved := r.env.matchTitles
	mt := allowHeadings
	r.env.matchTitles = &mt
	// Text of a nested parse is never joined to the text around it.
	r.lastText = nil
	savedStop := r.nestingStop
	r.nestingStop = false
	defer func() {
		r.env.matchTitles = saved
		r.lastText = nil
		r.nestingStop = savedStop
	}()
	r.renderTokens(root, u)
}

// maxNesting bounds the nesting of directives and substitutions, so that
// self-including input cannot recurse without end.
const maxNesting = 100

// renderChildren renders the block children of n.
func (r *renderer) renderChildren(n ast.Node) {
	for c := n.FirstChild(); c != nil && !r.nestingStop; {
		next := c.NextSibling()
		r.renderBlock(c)
		c = next
	}
}

// renderBlock renders one block node.
func (r *renderer) renderBlock(n ast.Node) {
	switch x := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		r.renderParagraph(n)
	case *ast.Heading:
		r.renderHeading(x)
	case *ast.ThematicBreak:
		el := doctree.NewElement(doctree.TagTransition)
		r.setLine(el, r.nodeLine(n))
		r.appendNode(el)
	case *ast.Blockquote:
		el := doctree.NewElement(doctree.TagBlockQuote)
		r.setLine(el, r.nodeLine(n))
		r.appendNode(el)
		if mditLevel(n) < blockNestingLimit {
			r.withCurrent(el, func() { r.renderChildren(n) })
		}
		// A block quote's content is tokenized within the quote's own
		// lines: a stop at the nesting limit inside ends there.
		r.nestingStop = false
	case *ast.List:
		r.renderList(x)
	case *ast.ListItem:
		r.renderListItem(x)
	case *ast.CodeBlock:
		line := r.nodeLine(n)
		r.appendNode(r.codeBlock(r.linesText(n), "", false, line))
	case *ast.FencedCodeBlock:
		r.renderFence(r.fenceInfo(x), r.linesText(n), r.nodeLine(n))
	case *colonFence:
		content := r.linesText(n)
		if strings.HasPrefix(content, ":::") {
			content = "\n" + content
		}
		r.renderFence(x.Info, content, r.nodeLine(n))
	case *ast.HTMLBlock:
		content := r.linesText(n)
		if x.HasClosure() {
			content += r.u.si.text(x.ClosureLine)
		}
		r.appendNode(r.htmlToNodes(content, r.nodeLine(n))...)
	case *ast.LinkReferenceDefinition:
		// consumed by the parser
	case *east.Table:
		r.renderTable(x)
	case *frontMatter:
		r.renderFrontMatter(x)
	case *target:
		r.renderTarget(x)
	case *lineComment:
		r.appendNode(doctree.NewTextElement(doctree.TagComment, x.Content, pyStrip(x.Content)))
	case *blockBreak:
		el := doctree.NewTextElement(doctree.TagComment, x.Content, x.Content)
		el.Classes = append(el.Classes, "block_break")
		r.setLine(el, r.nodeLine(n))
		r.appendNode(el)
	case *mathBlock:
		line := r.nodeLine(n)
		if x.Label != "" {
			r.warn("No render method for: math_block_label", line, "render", r.cur)
			return
		}
		el := doctree.NewTextElement(doctree.TagMathBlock, x.Content, x.Content)
		el.Set("nowrap", false)
		el.Set("number", nil)
		r.setLine(el, line)
		r.appendNode(el)
	case *amsmath:
		el := doctree.NewTextElement(doctree.TagMathBlock, x.Content, x.Content)
		el.Set("nowrap", true)
		el.Classes = append(el.Classes, "amsmath")
		if x.Numbered {
			el.Set("numbered", true)
		}
		r.setLine(el, r.nodeLine(n))
		r.appendNode(el)
	case *fieldList:
		r.renderFieldList(x)
	case *defList:
		r.renderDefList(x)
	case *footnoteDef:
		// A definition nested in another definition: MyST renders it in
		// place.
		r.renderFootnoteDef(x, r.u)
	case *substBlock:
		r.renderSubstitution(x.Content, r.nodeLine(n), false)
	case *inlineBlock:
		r.renderInlineContent(n, r.nodeLine(n))
	default:
		r.warn("No render method for: "+n.Kind().String(), r.nodeLine(n), "render", r.cur)
	}
}

// linesText returns the text of a block's lines.
func (r *renderer) linesText(n ast.Node) string {
	lines := n.Lines()
	si := r.u.si
	switch lines.Len() {
	case 0:
		return ""
	case 1:
		return si.text(lines.At(0))
	}
	// Lines that follow each other in the source are one slice of it.
	first := lines.At(0)
	contiguous := first.Padding == 0
	size := first.Len()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len() + seg.Padding
		if seg.Padding != 0 || seg.Start != lines.At(i-1).Stop {
			contiguous = false
		}
	}
	if contiguous {
		return si.str[first.Start:lines.At(lines.Len()-1).Stop]
	}
	var b strings.Builder
	b.Grow(size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(si.src))
	}
	return b.String()
}

// inlineContent returns the raw inline text of a block (a paragraph's
// content as markdown-it holds it).
func (r *renderer) inlineContent(n ast.Node) string {
	return strings.TrimRightFunc(r.linesText(n), isPySpace)
}

// fenceInfo returns the raw text after a fence's backticks or tildes, as
// markdown-it keeps it in token.info.
func (r *renderer) fenceInfo(n *ast.FencedCodeBlock) string {
	if n.Info == nil {
		return ""
	}
	si := r.u.si
	start := n.Info.Segment.Start
	ln := si.lineOf(start)
	end := si.lineEnd(ln)
	// back up over the white space that goldmark trimmed
	p := start
	for p > si.starts[ln] && isSpaceTab(si.src[p-1]) {
		p--
	}
	return string(si.src[p:end])
}

func (r *renderer) renderParagraph(n ast.Node) {
	para := doctree.NewTextElement(doctree.TagParagraph, r.inlineContent(n), "")
	line := r.nodeLine(n)
	r.setLine(para, line)
	r.appendNode(para)
	r.withCurrent(para, func() {
		checkbox := r.checkbox
		if checkbox != "" {
			r.appendNode(r.rawNode("html", checkbox))
			r.checkbox = ""
		}
		r.renderInlineContent(n, line)
		if checkbox != "" && len(para.Children) > 1 {
			// markdown-it's tasklist drops "[ ]" from the first token.
			if t, ok := para.Children[1].(*doctree.Text); ok {
				rs := []rune(t.Data)
				t.Data = string(rs[min(3, len(rs)):])
			}
		}
	})
}

func (r *renderer) renderHeading(n *ast.Heading) {
	line := r.nodeLine(n)
	content := r.inlineContent(n)
	if r.env.matchTitles != nil && !*r.env.matchTitles {
		r.warn("Disallowed nested header found, converting to rubric", line, "nested_header", r.cur)
		rubric := doctree.NewTextElement(doctree.TagRubric, content, "")
		r.setLine(rubric, line)
		r.appendNode(rubric)
		r.withCurrent(rubric, func() { r.renderInlineContent(n, line) })
		return
	}
	section := doctree.NewElement(doctree.TagSection)
	r.setLine(section, line)
	if n.Level == 1 && r.sphinxEnv() != nil && r.cfg.Has(ExtDollarmath) && r.cfg.UpdateMathjax {
		section.Classes = append(section.Classes, "tex2jax_ignore", "mathjax_ignore")
	}
	r.updateSectionLevel(section, n.Level)
	title := doctree.NewTextElement(doctree.TagTitle, content, "")
	r.setLine(title, line)
	section.Append(title)
	r.withCurrent(title, func() { r.renderInlineContent(n, line) })
	section.Names = append(section.Names, doctree.FullyNormalizeName(title.AsText()))
	r.doc.NoteImplicitTarget(section, section)
	r.cur = section
	if r.cfg.HeadingAnchors >= n.Level {
		r.headingAnchor(n, section)
	}
}

// updateSectionLevel puts a new section under the closest section of a
// lower level (MyST's update_section_level_state).
func (r *renderer) updateSectionLevel(section *doctree.Element, level int) {
	parent := r.levels[0]
	for _, le := range r.levels {
		if le.level < level && le.level >= parent.level {
			parent = le
		}
	}
	if level > parent.level && parent.level+1 != level {
		msg := fmt.Sprintf("Non-consecutive header level increase; H%d to H%d", parent.level, level)
		if parent.level == 0 {
			msg = fmt.Sprintf("Document headings start at H%d, not H1", level)
		}
		r.warn(msg, section.Line, "header", r.cur)
	}
	parent.elem.Append(section)
	kept := r.levels[:0]
	for _, le := range r.levels {
		if le.level < level {
			kept = append(kept, le)
		}
	}
	r.levels = append(kept, levelElem{level, section})
}

func (r *renderer) renderList(n *ast.List) {
	var el *doctree.Element
	if n.IsOrdered() {
		el = doctree.NewElement(doctree.TagEnumeratedList)
		el.Set("enumtype", "arabic")
		el.Set("prefix", "")
		el.Set("suffix", string(n.Marker))
		if n.Start != 1 {
			el.Set("start", n.Start)
		}
	} else {
		el = doctree.NewElement(doctree.TagBulletList)
		el.Set("bullet", string(n.Marker))
	}
	r.setLine(el, r.nodeLine(n))
	r.appendNode(el)
	r.withCurrent(el, func() { r.renderChildren(n) })
}

var todoPrefix = regexp.MustCompile(`^\[[ xX]\][ \t\n\v\f\r]+`)

func (r *renderer) renderListItem(n *ast.ListItem) {
	item := doctree.NewElement(doctree.TagListItem)
	if r.cfg.Has(ExtTasklist) || r.cfg.GFMOnly {
		if first := n.FirstChild(); first != nil && (first.Kind() == ast.KindParagraph || first.Kind() == ast.KindTextBlock) {
			content := r.inlineContent(first)
			if todoPrefix.MatchString(content) {
				item.Classes = []string{"task-list-item"}
				if r.cur.Tag == doctree.TagBulletList {
					r.cur.Classes = []string{"contains-task-list"}
				}
				checked := ""
				if content[1] != ' ' {
					checked = `checked="checked" `
				}
				r.checkbox = `<input class="task-list-item-checkbox" ` + checked + `disabled="disabled" type="checkbox">`
			}
		}
	}
	r.setLine(item, r.nodeLine(n))
	r.appendNode(item)
	if mditLevel(n) < blockNestingLimit {
		r.withCurrent(item, func() { r.renderChildren(n) })
	} else if n.HasChildren() {
		// markdown-it stops at the limit and skips to the end of the
		// enclosing tokenize call, which for a list item is its
		// container's: the rest of the enclosing block quote, nested
		// text or document is dropped.
		r.nestingStop = true
	}
	r.checkbox = ""
}

// codeBlock makes a literal block as MyST's create_highlighted_code_block
// does: without Sphinx, the code split into tokens by Pygments' lexer
// (package pygments) when highlight_code_blocks is on; a language that
// docbuild has no lexer for keeps the code as one text.
func (r *renderer) codeBlock(code, lexer string, numberLines bool, line int) *doctree.Element {
	el := doctree.NewElement(doctree.TagLiteralBlock)
	el.RawSource = code
	if r.sphinxEnv() != nil {
		// Sphinx highlights when writing: the block keeps its language.
		if lexer == "" {
			lexer = "none"
		}
		el.Set("language", lexer)
		if numberLines {
			el.Set("linenos", true)
		}
		el.Append(doctree.NewText(code))
		el.Source = r.source
		if line > 0 {
			el.Line = line
		}
		return el
	}
	el.Classes = append(el.Classes, "code")
	if lexer != "" {
		el.Classes = append(el.Classes, lexer)
	}
	highlight := "none"
	if r.cfg.HighlightCodeBlocks {
		highlight = "short"
	}
	toks := []codeToken{{value: code}}
	lexed, err := pygments.Tokens(code, lexer, highlight)
	switch {
	case err == pygments.ErrNoLexer:
	case err != nil:
		r.doc.Reporter.Warning(err.Error(), doctree.MsgOpts{Source: r.source, SourceLine: line})
	default:
		toks = toks[:0]
		for _, t := range lexed {
			toks = append(toks, codeToken{t.Classes, t.Value})
		}
	}
	if numberLines {
		toks = numberCodeLines(toks, 1, 1+len(pySplitLines(code)))
	}
	appendCodeTokens(el, toks)
	el.Source = r.source
	if line > 0 {
		el.Line = line
	}
	return el
}

// appendCodeTokens adds tokens to a literal block as docutils and MyST
// do: an inline element for a token with classes, else a text.
func appendCodeTokens(el *doctree.Element, toks []codeToken) {
	for _, t := range toks {
		if len(t.classes) > 0 {
			in := doctree.NewTextElement(doctree.TagInline, t.value, t.value)
			in.Classes = t.classes
			el.Append(in)
		} else {
			el.Append(doctree.NewText(t.value))
		}
	}
}

type codeToken struct {
	classes []string
	value   string
}

var lineNumberClass = []string{"ln"}

// numberCodeLines is docutils' NumberLines: a line number token before
// each line of the tokens.
func numberCodeLines(toks []codeToken, start, end int) []codeToken {
	width := len(strconv.Itoa(end))
	num := func(n int) codeToken {
		s := strconv.Itoa(n)
		if len(s) < width {
			s = strings.Repeat(" ", width-len(s)) + s
		}
		return codeToken{lineNumberClass, s + " "}
	}
	lineno := start
	out := []codeToken{num(lineno)}
	for _, t := range toks {
		lines := strings.Split(t.value, "\n")
		for _, l := range lines[:len(lines)-1] {
			out = append(out, codeToken{t.classes, l + "\n"})
			lineno++
			out = append(out, num(lineno))
		}
		out = append(out, codeToken{t.classes, lines[len(lines)-1]})
	}
	return out
}

// renderFence renders a fenced block: a directive, reST, or code (MyST's
// render_fence).
func (r *renderer) renderFence(info, content string, line int) {
	language, _ := pySplit1(info)
	if r.cfg.myst() {
		if language == "{eval-rst}" {
			r.renderRST(content, line)
			return
		}
		if strings.HasPrefix(language, "{") && strings.HasSuffix(language, "}") {
			name, args := pySplit1(info)
			name = name[1 : len(name)-1]
			r.appendNode(r.runDirective(name, args, content, line)...)
			return
		}
	}
	if e := r.sphinxEnv(); e != nil && language == "" {
		language = sphinxHighlightLanguage(e)
	}
	r.appendNode(r.codeBlock(content, language, language != "" && slices.Contains(r.cfg.NumberCodeBlocks, language), line))
}

// pySplit1 is Python's s.split(maxsplit=1): the first word and the rest,
// without its leading white space.
func pySplit1(s string) (string, string) {
	s = pyLStrip(s)
	i := strings.IndexFunc(s, isPySpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], pyLStrip(s[i:])
}

func (r *renderer) renderTarget(n *target) {
	el := doctree.NewTextElement(doctree.TagTarget, n.Label, "")
	el.Names = append(el.Names, doctree.FullyNormalizeName(n.Label))
	r.setLine(el, r.nodeLine(n))
	r.doc.NoteExplicitTarget(el, r.cur)
	r.appendNode(el)
}

func (r *renderer) renderTable(n *east.Table) {
	header, _ := n.FirstChild().(*east.TableHeader)
	if header == nil {
		return
	}
	table := doctree.NewElement(doctree.TagTable)
	table.Classes = append(table.Classes, "colwidths-auto")
	r.setLine(table, r.nodeLine(n))
	r.appendNode(table)
	maxcols := header.ChildCount()
	if maxcols == 0 {
		return
	}
	tgroup := doctree.NewElement(doctree.TagTgroup)
	tgroup.Set("cols", maxcols)
	table.Append(tgroup)
	for i := 0; i < maxcols; i++ {
		cs := doctree.NewElement(doctree.TagColspec)
		cs.Set("colwidth", 100/maxcols)
		tgroup.Append(cs)
	}
	thead := doctree.NewElement(doctree.TagThead)
	tgroup.Append(thead)
	line := r.nodeLine(n)
	r.withCurrent(thead, func() { r.renderTableRow(header, n.Alignments, line) })
	if header.NextSibling() != nil {
		tbody := doctree.NewElement(doctree.TagTbody)
		tgroup.Append(tbody)
		r.withCurrent(tbody, func() {
			// A GFM table row is one line: the header, the delimiter row,
			// then one line per body row, which markdown-it maps each row
			// (and so its inline content) to.
			rowLine := line + 2
			for row := header.NextSibling(); row != nil; row = row.NextSibling() {
				r.renderTableRow(row, n.Alignments, rowLine)
				rowLine++
			}
		})
	}
}

func (r *renderer) renderTableRow(n ast.Node, aligns []east.Alignment, line int) {
	row := doctree.NewElement(doctree.TagRow)
	r.appendNode(row)
	r.withCurrent(row, func() {
		col := 0
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			entry := doctree.NewElement(doctree.TagEntry)
			if col < len(aligns) {
				switch aligns[col] {
				case east.AlignLeft:
					entry.Classes = append(entry.Classes, "text-left")
				case east.AlignRight:
					entry.Classes = append(entry.Classes, "text-right")
				case east.AlignCenter:
					entry.Classes = append(entry.Classes, "text-center")
				}
			}
			col++
			para := doctree.NewTextElement(doctree.TagParagraph, r.inlineContent(c), "")
			r.appendNode(entry)
			entry.Append(para)
			r.withCurrent(para, func() { r.renderInlineContent(c, line) })
		}
	})
}

func (r *renderer) renderFieldList(n *fieldList) {
	fl := doctree.NewElement(doctree.TagFieldList)
	fl.Classes = append(fl.Classes, "myst")
	r.setLine(fl, r.nodeLine(n))
	r.appendNode(fl)
	r.withCurrent(fl, func() {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			f, ok := c.(*field)
			if !ok {
				continue
			}
			line := r.nodeLine(f)
			fe := doctree.NewElement(doctree.TagField)
			r.setLine(fe, line)
			fl.Append(fe)
			name := doctree.NewElement(doctree.TagFieldName)
			r.setLine(name, line)
			fe.Append(name)
			body := doctree.NewElement(doctree.TagFieldBody)
			fe.Append(body)
			var nameNode ast.Node = f.FirstChild()
			if nameNode != nil && nameNode.Kind() == kindFieldName {
				r.withCurrent(name, func() { r.renderInlineContent(nameNode, line) })
				nameNode = nameNode.NextSibling()
			}
			r.withCurrent(body, func() {
				for b := nameNode; b != nil; {
					next := b.NextSibling()
					r.renderBlock(b)
					b = next
				}
			})
		}
	})
}

func (r *renderer) renderDefList(n *defList) {
	dl := doctree.NewElement(doctree.TagDefinitionList)
	dl.Classes = append(dl.Classes, "simple", "myst")
	r.setLine(dl, r.nodeLine(n))
	r.appendNode(dl)
	r.withCurrent(dl, func() {
		var item *doctree.Element
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *defTerm:
				line := r.nodeLine(c)
				item = doctree.NewElement(doctree.TagDefinitionListItem)
				r.setLine(item, line)
				dl.Append(item)
				term := doctree.NewTextElement(doctree.TagTerm, r.inlineContent(c), "")
				r.setLine(term, line)
				item.Append(term)
				r.withCurrent(term, func() { r.renderInlineContent(c, line) })
			case *defDesc:
				line := r.nodeLine(c)
				if item == nil {
					dl.Append(r.doc.Reporter.Error("Found a definition in a definition list, with no preceding term", doctree.MsgOpts{Line: line}))
					continue
				}
				def := doctree.NewElement(doctree.TagDefinition)
				r.setLine(def, line)
				item.Append(def)
				r.withCurrent(def, func() { r.renderChildren(c) })
			}
		}
	})
}

// renderFootnoteDef renders a footnote definition (MyST's
// render_footnote_reference).
func (r *renderer) renderFootnoteDef(n *footnoteDef, u *unit) {
	saved := r.u
	r.u = u
	defer func() { r.u = saved }()
	fn := doctree.NewElement(doctree.TagFootnote)
	r.setLine(fn, r.nodeLine(n))
	fn.Names = append(fn.Names, n.Label)
	if !isPyDigits(n.Label) {
		fn.Set("auto", 1)
		r.doc.NoteAutoFootnote(fn)
	} else {
		fn.Append(doctree.NewTextElement(doctree.TagLabel, "", n.Label))
		r.doc.NoteFootnote(fn)
	}
	r.doc.NoteExplicitTarget(fn, fn)
	r.appendNode(fn)
	r.withCurrent(fn, func() { r.renderChildren(n) })
}

// isPyDigits is Python's str.isdigit.
func isPyDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !unicode.IsDigit(c) && !unicode.Is(unicode.No, c) {
			return false
		}
	}
	return true
}

// finalise reports duplicate link definitions and adds the footnotes
// (MyST's _render_finalise).
func (r *renderer) finalise() {
	for _, d := range r.env.dupRefs {
		r.warn("Duplicate reference definition: "+d.label, d.line, "ref", r.doc.Root)
	}
	var labels []string
	seen := map[string]bool{}
	for _, e := range doctree.FindTag(r.doc.Root, doctree.TagFootnoteReference) {
		name := e.GetString("refname")
		if !seen[name] {
			seen[name] = true
			labels = append(labels, name)
		}
	}
	if len(labels) > 0 && r.cfg.FootnoteTransition {
		t := doctree.NewElement(doctree.TagTransition)
		t.Classes = []string{"footnotes"}
		r.appendNode(t)
	}
	for _, label := range labels {
		defs := r.env.footDefs[label]
		if len(defs) > 1 {
			r.warn(fmt.Sprintf("Multiple footnote definitions found for label: '%s'", label), 0, "footnote", r.cur)
		}
		if len(defs) < 1 {
			r.warn(fmt.Sprintf("No footnote definitions found for label: '%s'", label), 0, "footnote", r.cur)
			continue
		}
		r.renderFootnoteDef(defs[0].node.(*footnoteDef), defs[0].u)
	}
}
