package rst

import (
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// This file holds docutils' RSTState methods, shared by all states.

// nestedParse is RSTState.nested_parse: it parses block (whose first line
// is at the absolute offset inputOffset) into node with a new state
// machine starting in initial, and returns the absolute line offset where
// that machine stopped. When the nested parse inserted lines into a block
// linked to this machine's input (the include directive), this machine
// skips them.
func (m *machine) nestedParse(block *stringList, inputOffset int, node *doctree.Element, matchTitles bool, initial stateID) int {
	blockLength := block.Len()
	sm := m.ds.newMachine(block, inputOffset, node, matchTitles)
	ds := m.ds
	cached := initial == stBody
	if cached {
		// docutils reuses the state machines of default nested parses
		// (RSTState.nested_sm_cache); the only state they carry from one
		// run to the next is Line.eofcheck, which stays off when a short
		// overline's state correction interrupts Line.eof after a section
		// ended the machine.
		if n := len(ds.smCache); n > 0 {
			sm.eofCheck = ds.smCache[n-1]
			ds.smCache = ds.smCache[:n-1]
		}
	}
	sm.run(initial)
	if cached {
		ds.smCache = append(ds.smCache, sm.eofCheck)
	}
	newOffset := sm.absLineOffset()
	if block.parent != nil && block.Len() != blockLength {
		m.nextLine(block.Len() - blockLength)
	}
	return newOffset
}

// listParseOpts are the optional settings of nested_list_parse.
type listParseOpts struct {
	matchTitles bool
	lastOrdinal int
	enumFmt     enumFormat
	auto        bool
}

// nestedListParse is RSTState.nested_list_parse: it returns the absolute
// line offset where the nested machine stopped and its final blank_finish.
func (m *machine) nestedListParse(block *stringList, inputOffset int, node *doctree.Element, initial stateID, blankFinish bool, o listParseOpts) (int, bool) {
	sm := m.ds.newMachine(block, inputOffset, node, o.matchTitles)
	sm.blankFinish = blankFinish
	sm.lastOrdinal = o.lastOrdinal
	sm.enumFmt = o.enumFmt
	sm.auto = o.auto
	sm.run(initial)
	return sm.absLineOffset(), sm.blankFinish
}

// restFrom returns the input from the line after the current one, for a
// nested list parse, and its absolute offset.
func (m *machine) restOfInput() (*stringList, int) {
	return m.input.from(m.lineOffset + 1), m.absLineOffset() + 1
}

// inlineText is RSTState.inline_text.
func (m *machine) inlineText(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	nodes, msgs := m.ds.inliner.Parse(text, lineno, m.node)
	return nodes, msgs
}

// unindentWarning is RSTState.unindent_warning.
func (m *machine) unindentWarning(nodeName string) *doctree.Element {
	lineno := m.absLineNumber() + 1
	return m.ds.rep.Warning(nodeName+" ends without a blank line; unexpected unindent.", doctree.MsgOpts{Line: lineno})
}

// paragraph is RSTState.paragraph: the paragraph (and the inline
// messages) for lines starting at the absolute line lineno, and whether a
// literal block follows ("::" at the end).
func (m *machine) paragraph(lines []string, lineno int) ([]doctree.Node, bool) {
	data := pyRstrip(strings.Join(lines, "\n"))
	text := data
	literalNext := false
	if endsWithLiteralMarker(data) {
		if len(data) == 2 {
			return nil, true
		}
		c := data[len(data)-3]
		if c == ' ' || c == '\n' {
			text = pyRstrip(data[:len(data)-3])
		} else {
			text = data[:len(data)-1]
		}
		literalNext = true
	}
	textNodes, msgs := m.inlineText(text, lineno)
	p := doctree.NewTextElement(doctree.TagParagraph, data, "", textNodes...)
	p.Source, p.Line = m.getSourceAndLine(lineno, true)
	out := make([]doctree.Node, 0, 1+len(msgs))
	out = append(out, p)
	return append(out, elems(msgs)...), literalNext
}

// endsWithLiteralMarker is re.search(r'(?<!\\)(\\\\)*::$', data): data
// ends with "::" not escaped by a backslash.
func endsWithLiteralMarker(data string) bool {
	if !strings.HasSuffix(data, "::") {
		return false
	}
	n := 0
	for i := len(data) - 3; i >= 0 && data[i] == '\\'; i-- {
		n++
	}
	return n%2 == 0
}

// section is RSTState.section; eof reports that the section ended this
// state machine (docutils raises EOFError).
func (m *machine) section(title, source string, style titleStyle, lineno int, messages []*doctree.Element) (eof bool) {
	ok, eof := m.checkSubsection(source, style, lineno)
	if eof {
		return true
	}
	if ok {
		return m.newSubsection(title, lineno, messages)
	}
	return false
}

// checkSubsection is RSTState.check_subsection.
func (m *machine) checkSubsection(source string, style titleStyle, lineno int) (ok, eof bool) {
	ds := m.ds
	myLevel := ds.sectionLevel
	level := 0
	for i, s := range ds.titleStyles {
		if s == style {
			level = i + 1
			break
		}
	}
	if level == 0 { // new title style
		if len(ds.titleStyles) == ds.sectionLevel { // new subsection
			ds.titleStyles = append(ds.titleStyles, style)
			return true, false
		}
		m.add(m.titleInconsistent(source, lineno))
		return false, false
	}
	if level <= myLevel { // sibling or supersection
		ds.sectionLevel = level // bubble up to parent section
		if style.styleLen() == 2 {
			ds.bubbleUpKludge = true
		}
		// back up 2 lines for underline title, 3 for overline title
		m.previousLine(style.styleLen() + 1)
		return false, true // let parent section re-evaluate
	}
	if level == myLevel+1 { // immediate subsection
		return true, false
	}
	m.add(m.titleInconsistent(source, lineno))
	return false, false
}

func (m *machine) titleInconsistent(source string, lineno int) *doctree.Element {
	return m.ds.rep.Severe("Title level inconsistent:", doctree.MsgOpts{Line: lineno}, literalBlock("", source))
}

// newSubsection is RSTState.new_subsection.
func (m *machine) newSubsection(title string, lineno int, messages []*doctree.Element) (eof bool) {
	ds := m.ds
	myLevel := ds.sectionLevel
	ds.sectionLevel++
	sectionNode := doctree.NewElement(doctree.TagSection)
	m.add(sectionNode)
	textNodes, titleMsgs := m.inlineText(title, lineno)
	titleNode := doctree.NewTextElement(doctree.TagTitle, title, "", textNodes...)
	name := doctree.FullyNormalizeName(titleNode.AsText())
	sectionNode.Names = append(sectionNode.Names, name)
	ds.appendTo(sectionNode, titleNode)
	ds.appendMsgs(sectionNode, messages)
	ds.appendMsgs(sectionNode, titleMsgs)
	ds.doc.NoteImplicitTarget(sectionNode, sectionNode)
	block, absOffset := m.restOfInput()
	newAbsOffset := m.nestedParse(block, absOffset, sectionNode, true, stBody)
	m.gotoLine(newAbsOffset)
	if ds.sectionLevel <= myLevel { // can't handle next section?
		return true // bubble up to supersection
	}
	// reset section_level; next pass will detect it properly
	ds.sectionLevel = myLevel
	return false
}
