package rst

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// This file holds docutils' Text, Definition, Line and QuotedLiteralBlock
// states: the states entered after the first line of a paragraph, a
// definition list term, or a possible section title or transition.

// textFamily runs transition t of the Text, Definition or Line state (t is
// tBlank, tIndent, tLine for "underline", or tText).
func (m *machine) textFamily(st stateID, t transition) result {
	if len(m.ctx) == 0 {
		// These states are always entered with the line before in the
		// context; docutils would fail on an empty one.
		return resStop
	}
	switch st {
	case stText:
		switch t {
		case tBlank:
			m.textBlank()
			return goTo(stBody)
		case tIndent:
			return m.textIndent()
		case tLine:
			return m.textUnderline()
		}
		return m.textText()
	case stDefinition:
		if t == tIndent {
			return m.definitionIndent()
		}
		return resStop // SpecializedText.invalid_input
	}
	// stLine
	switch t {
	case tBlank:
		return m.lineBlank()
	case tLine:
		return m.lineUnderline()
	}
	return m.lineText()
}

// textBlank is Text.blank: the end of a paragraph.
func (m *machine) textBlank() {
	para, literalNext := m.paragraph(m.ctx, m.absLineNumber()-1)
	m.add(para...)
	if literalNext {
		m.add(m.literalBlock()...)
	}
}

// textText is Text.text: a paragraph of more than one line.
func (m *machine) textText() result {
	startLine := m.absLineNumber() - 1
	var msg *doctree.Element
	block, unexpected, src, srcline := m.getTextBlock(true)
	if unexpected {
		msg = m.ds.rep.Error("Unexpected indentation.", doctree.MsgOpts{Source: src, SourceLine: srcline})
	}
	lines := make([]string, 0, len(m.ctx)+block.Len())
	lines = append(lines, m.ctx...)
	lines = append(lines, block.data...)
	para, literalNext := m.paragraph(lines, startLine)
	m.add(para...)
	m.add(msg)
	if literalNext {
		m.nextLine(1)
		m.add(m.literalBlock()...)
	}
	return goTo(stBody)
}

// literalBlock is Text.literal_block: the indented (or quoted) literal
// block after a "::" paragraph.
func (m *machine) literalBlock() []doctree.Node {
	indented, _, offset, blankFinish := m.getIndented(false, true)
	for indented.Len() > 0 && isBlank(indented.data[indented.Len()-1]) {
		indented.trimEnd(1)
	}
	if indented.Len() == 0 {
		return m.quotedLiteralBlock()
	}
	data := strings.Join(indented.data, "\n")
	lb := literalBlock(data, data)
	lb.Source, lb.Line = m.getSourceAndLine(offset+1, true)
	out := []doctree.Node{lb}
	if !blankFinish {
		out = append(out, m.unindentWarning("Literal block"))
	}
	return out
}

// quotedLiteralBlock is Text.quoted_literal_block.
func (m *machine) quotedLiteralBlock() []doctree.Node {
	absLineOffset := m.absLineOffset()
	offset := m.lineOffset
	if offset < 0 {
		offset = 0
	}
	parent := doctree.NewElement("")
	newAbsOffset := m.nestedParse(m.input.from(offset), absLineOffset, parent, false, stQuotedLiteralBlock)
	m.gotoLine(newAbsOffset)
	children := parent.Children
	parent.Children = nil
	return children
}

// textIndent is Text.indent: a definition list.
func (m *machine) textIndent() result {
	dl := doctree.NewElement(doctree.TagDefinitionList)
	item, blankFinish := m.definitionListItem(m.ctx)
	m.ds.appendTo(dl, item)
	m.add(dl)
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, dl, stDefinitionList, blankFinish, listParseOpts{})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Definition list"))
	}
	return goTo(stBody)
}

// definitionIndent is Definition.indent: a further definition list item.
func (m *machine) definitionIndent() result {
	item, blankFinish := m.definitionListItem(m.ctx)
	m.add(item)
	m.blankFinish = blankFinish
	return goTo(stDefinitionList)
}

// definitionListItem is Text.definition_list_item.
func (m *machine) definitionListItem(termLine []string) (*doctree.Element, bool) {
	indented, _, lineOffset, blankFinish := m.getIndented(false, true)
	item := doctree.NewElement(doctree.TagDefinitionListItem)
	item.RawSource = m.ds.containerRaw(termLine, indented.data)
	lineno := m.absLineNumber() - 1
	item.Source, item.Line = m.getSourceAndLine(lineno, true)
	termList, msgs := m.term(termLine, lineno)
	m.ds.appendTo(item, termList...)
	definition := doctree.NewElement(doctree.TagDefinition, elems(msgs)...)
	m.ds.appendTo(item, definition)
	if strings.HasSuffix(termLine[0], "::") {
		m.ds.appendTo(definition, m.ds.rep.Info(
			"Blank line missing before literal block (after the \"::\")? "+
				"Interpreted as a definition list item.", doctree.MsgOpts{Line: lineno + 1}))
	}
	m.nestedParse(indented, lineOffset, definition, false, stBody)
	return item, blankFinish
}

var classifierDelimiter = regexp.MustCompile(` +: +`)

// term is Text.term: the term and its classifiers.
func (m *machine) term(lines []string, lineno int) ([]doctree.Node, []*doctree.Element) {
	textNodes, msgs := m.inlineText(lines[0], lineno)
	termNode := doctree.NewTextElement(doctree.TagTerm, lines[0], "")
	termNode.Source, termNode.Line = m.getSourceAndLine(lineno, true)
	nodeList := []*doctree.Element{termNode}
	for _, n := range textNodes {
		t, ok := n.(*doctree.Text)
		if !ok || !strings.Contains(t.Data, ":") {
			nodeList[len(nodeList)-1].Append(n)
			continue
		}
		parts := classifierDelimiter.Split(t.Data, -1)
		if len(parts) == 1 {
			nodeList[len(nodeList)-1].Append(n)
			continue
		}
		nodeList[len(nodeList)-1].Append(doctree.NewText(pyRstrip(parts[0])))
		for _, part := range parts[1:] {
			nodeList = append(nodeList, doctree.NewTextElement(doctree.TagClassifier, doctree.Unescape(part, true), part))
		}
	}
	out := make([]doctree.Node, len(nodeList))
	for i, e := range nodeList {
		out[i] = e
	}
	return out, msgs
}

// textUnderline is Text.underline: a section title with an underline.
func (m *machine) textUnderline() result {
	rep := m.ds.rep
	lineno := m.absLineNumber()
	title := pyRstrip(m.ctx[0])
	underline := pyRstrip(m.line)
	source := title + "\n" + underline
	var messages []*doctree.Element
	if columnWidth(title) > cpLen(underline) {
		if cpLen(underline) < 4 {
			if m.matchTitles {
				m.add(rep.Info("Possible title underline, too short for the title.\n"+
					"Treating it as ordinary text because it's so short.", doctree.MsgOpts{Line: lineno}))
			}
			return result{kind: resTransCorr}
		}
		blockText := m.ctx[0] + "\n" + m.line
		messages = append(messages, rep.Warning("Title underline too short.", doctree.MsgOpts{Line: lineno}, literalBlock(blockText, blockText)))
	}
	if !m.matchTitles {
		blockText := m.ctx[0] + "\n" + m.line
		src, srcline := m.sourceAndLine()
		msg := rep.Severe("Unexpected section title.", doctree.MsgOpts{Source: src, SourceLine: srcline}, literalBlock(blockText, blockText))
		m.addMsgs(messages)
		m.add(msg)
		return goTo(stBody)
	}
	r, _ := firstRune(underline)
	style := titleStyle{under: r}
	m.ctx = nil
	if m.section(title, source, style, lineno-1, messages) {
		return resStop
	}
	return goTo(stBody)
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// ---- Line: a possible transition or overlined title ----

// lineTransition is Body.line: a line of punctuation.
func (m *machine) lineTransition() result {
	if m.matchTitles {
		m.ctx = []string{m.line}
		return goTo(stLine)
	}
	stripped := pyStrip(m.line)
	if stripped == "::" {
		return result{kind: resTransCorr}
	}
	if cpLen(stripped) < 4 {
		m.add(m.ds.rep.Info("Unexpected possible title overline or transition.\n"+
			"Treating it as ordinary text because it's so short.", doctree.MsgOpts{Line: m.absLineNumber()}))
		return result{kind: resTransCorr}
	}
	blockText := m.line
	m.add(m.ds.rep.Severe("Unexpected section title or transition.", doctree.MsgOpts{Line: m.absLineNumber()}, literalBlock(blockText, blockText)))
	return resStay
}

// stateCorrection is Line.state_correction: back up and reparse the
// marker line as text in Body.
func (m *machine) stateCorrection(lines int) result {
	m.previousLine(lines)
	m.ctx = nil
	return result{kind: resStateCorr, next: stBody}
}

// lineEOF is Line.eof.
func (m *machine) lineEOF() result {
	if len(m.ctx) == 0 {
		return resStop
	}
	marker := pyStrip(m.ctx[0])
	if m.ds.bubbleUpKludge {
		m.ds.bubbleUpKludge = false
	} else if cpLen(marker) < 4 {
		return m.stateCorrection(1)
	}
	if m.eofCheck { // ignore EOFError with sections
		src, srcline := m.sourceAndLine()
		t := doctree.NewElement(doctree.TagTransition)
		t.RawSource = m.ctx[0]
		t.Source, t.Line = src, srcline-1
		m.add(t)
	}
	m.eofCheck = true
	return resStop
}

// lineBlank is Line.blank: a transition.
func (m *machine) lineBlank() result {
	src, srcline := m.sourceAndLine()
	marker := pyStrip(m.ctx[0])
	if cpLen(marker) < 4 {
		return m.stateCorrection(1)
	}
	t := doctree.NewElement(doctree.TagTransition)
	t.RawSource = marker
	t.Source, t.Line = src, srcline-1
	m.add(t)
	return goTo(stBody)
}

// lineText is Line.text (and Line.indent): an overlined section title.
func (m *machine) lineText() result {
	rep := m.ds.rep
	lineno := m.absLineNumber() - 1
	overline := m.ctx[0]
	title := m.line
	underline := ""
	if !m.nextLine(1) {
		blockText := overline + "\n" + title
		if cpLen(pyRstrip(overline)) < 4 {
			return m.shortOverline(blockText, lineno, 2)
		}
		m.add(rep.Severe("Incomplete section title.", doctree.MsgOpts{Line: lineno}, literalBlock(blockText, blockText)))
		return goTo(stBody)
	}
	underline = m.line
	source := overline + "\n" + title + "\n" + underline
	overline = pyRstrip(overline)
	underline = pyRstrip(underline)
	if !matchLine(underline) {
		blockText := overline + "\n" + title + "\n" + underline
		if cpLen(overline) < 4 {
			return m.shortOverline(blockText, lineno, 2)
		}
		m.add(rep.Severe("Missing matching underline for section title overline.", doctree.MsgOpts{Line: lineno}, literalBlock(source, source)))
		return goTo(stBody)
	} else if overline != underline {
		blockText := overline + "\n" + title + "\n" + underline
		if cpLen(overline) < 4 {
			return m.shortOverline(blockText, lineno, 2)
		}
		m.add(rep.Severe("Title overline & underline mismatch.", doctree.MsgOpts{Line: lineno}, literalBlock(source, source)))
		return goTo(stBody)
	}
	title = pyRstrip(title)
	var messages []*doctree.Element
	if columnWidth(title) > cpLen(overline) {
		blockText := overline + "\n" + title + "\n" + underline
		if cpLen(overline) < 4 {
			return m.shortOverline(blockText, lineno, 2)
		}
		messages = append(messages, rep.Warning("Title overline too short.", doctree.MsgOpts{Line: lineno}, literalBlock(source, source)))
	}
	o, _ := firstRune(overline)
	u, _ := firstRune(underline)
	style := titleStyle{over: o, under: u}
	m.eofCheck = false
	if m.section(pyLstrip(title), source, style, lineno+1, messages) {
		// EOFError raised through: eofCheck stays off for Line.eof.
		return resStop
	}
	m.eofCheck = true
	return goTo(stBody)
}

// lineUnderline is Line.underline: two marker lines in a row.
func (m *machine) lineUnderline() result {
	overline := m.ctx[0]
	blockText := overline + "\n" + m.line
	lineno := m.absLineNumber() - 1
	if cpLen(pyRstrip(overline)) < 4 {
		return m.shortOverline(blockText, lineno, 1)
	}
	m.add(m.ds.rep.Error("Invalid section title or transition marker.", doctree.MsgOpts{Line: lineno}, literalBlock(blockText, blockText)))
	return goTo(stBody)
}

// shortOverline is Line.short_overline.
func (m *machine) shortOverline(blockText string, lineno, lines int) result {
	m.add(m.ds.rep.Info("Possible incomplete section title.\nTreating the overline as "+
		"ordinary text because it's so short.", doctree.MsgOpts{Line: lineno}))
	return m.stateCorrection(lines)
}

// ---- QuotedLiteralBlock ----

// quotedLiteralBlockLine runs the QuotedLiteralBlock transitions.
func (m *machine) quotedLiteralBlockLine(textOnly bool) result {
	line := m.line
	rep := m.ds.rep
	if !textOnly {
		if m.qQuoteValid {
			if r, ok := firstRune(line); ok && r == m.qQuote {
				m.ctx = append(m.ctx, line)
				return resStay
			}
		}
		switch {
		case isBlankPat(line):
			if len(m.ctx) > 0 {
				return resStop
			}
			return resStay
		case line[0] == ' ':
			m.qMessages = append(m.qMessages, rep.Error("Unexpected indentation.", doctree.MsgOpts{Line: m.absLineNumber()}))
			m.previousLine(1)
			return resStop
		case !m.qQuoteValid && isNonAlphaNum7Bit(line[0]):
			m.qQuote = rune(line[0])
			m.qQuoteValid = true
			m.qLineno = m.absLineNumber()
			m.ctx = []string{line}
			return resStay
		}
	}
	if len(m.ctx) > 0 {
		m.qMessages = append(m.qMessages, rep.Error("Inconsistent literal block quoting.", doctree.MsgOpts{Line: m.absLineNumber()}))
		m.previousLine(1)
	}
	return resStop
}

// quotedLiteralBlockEOF is QuotedLiteralBlock.eof.
func (m *machine) quotedLiteralBlockEOF() {
	if len(m.ctx) > 0 {
		src, srcline := m.getSourceAndLine(m.qLineno, m.qLineno != 0)
		text := strings.Join(m.ctx, "\n")
		lb := literalBlock(text, text)
		lb.Source, lb.Line = src, srcline
		m.add(lb)
	} else {
		m.add(m.ds.rep.Warning("Literal block expected; none found.", doctree.MsgOpts{Line: m.absLineNumber()}))
		m.previousLine(1)
	}
	m.addMsgs(m.qMessages)
}
