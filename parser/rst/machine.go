package rst

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst/inline"
)

// docState is the per-document state shared by all the state machines of
// one parse (docutils' memo, plus the directive scope).
type docState struct {
	doc     *doctree.Document
	rep     *doctree.Reporter
	reg     *directives.Registry
	scope   *directives.Scope
	inliner *inline.Inliner
	lang    string

	titleStyles    []titleStyle
	sectionLevel   int
	bubbleUpKludge bool

	// rawBudget is what is left of the bytes to spend on container
	// rawsource (see containerRaw).
	rawBudget int

	// smCache holds the Line.eofcheck flags of the state machines docutils
	// would keep in its cache of nested state machines (a stack).
	smCache []bool

	// lineIndent holds docutils' line.indent of line elements.
	lineIndent map[*doctree.Element]int

	// root is the top-level state machine; the reporter maps line numbers
	// through it, as docutils binds reporter.get_source_and_line to the
	// first state machine that runs.
	root *machine
}

// titleStyle is a section title adornment: the underline character and,
// for overlined titles, the overline character (docutils uses a string or
// a 2-tuple).
type titleStyle struct {
	over, under rune
}

// styleLen is len(style) in docutils: 1 for underline-only, 2 with an
// overline.
func (t titleStyle) styleLen() int {
	if t.over != 0 {
		return 2
	}
	return 1
}

// stateID names the states of docutils' rST state machine.
type stateID uint8

const (
	stBody stateID = iota
	stBulletList
	stDefinitionList
	stEnumeratedList
	stFieldList
	stOptionList
	stLineBlock
	stExtensionOptions
	stExplicit
	stText
	stDefinition
	stLine
	stSubstitutionDef
	stQuotedLiteralBlock
	stMetaBody
	stSame // keep the current state
)

// resultKind is how a transition ends: normally, or with one of docutils'
// control-flow exceptions.
type resultKind uint8

const (
	resNext      resultKind = iota // go on, in result.next
	resEOF                         // EOFError: end this state machine
	resTransCorr                   // TransitionCorrection('text')
	resStateCorr                   // StateCorrection(next, 'text')
)

type result struct {
	kind resultKind
	next stateID
}

var (
	resStay = result{kind: resNext, next: stSame}
	resStop = result{kind: resEOF}
)

func goTo(s stateID) result { return result{kind: resNext, next: s} }

// machine is one run of docutils' RSTStateMachine or NestedStateMachine
// over a list of lines, with the attributes of its state objects.
type machine struct {
	ds          *docState
	input       *stringList
	inputOffset int
	lineOffset  int
	line        string
	node        *doctree.Element
	matchTitles bool
	ctx         []string

	// State attributes (docutils keeps them on the state instances of the
	// machine).
	blankFinish bool
	lastOrdinal int
	enumFmt     enumFormat
	auto        bool
	eofCheck    bool
	// QuotedLiteralBlock
	qMessages   []*doctree.Element
	qLineno     int
	qQuote      rune
	qQuoteValid bool
}

func (ds *docState) newMachine(input *stringList, inputOffset int, node *doctree.Element, matchTitles bool) *machine {
	return &machine{
		ds:          ds,
		input:       input,
		inputOffset: inputOffset,
		lineOffset:  -1,
		node:        node,
		matchTitles: matchTitles,
		eofCheck:    true,
	}
}

// run is StateMachine.run: it feeds the lines to the states, starting in
// initial, until the input ends or a state ends the machine.
func (m *machine) run(initial stateID) {
	state := initial
	m.ctx = nil
	textOnly := false
	// Every iteration consumes a line; only corrections and the few states
	// that back up revisit one, a bounded number of times. The cap is a
	// guard against a hang should some input make docutils' algorithm
	// loop (none is known): such a machine simply ends.
	steps := 0
	for {
		if steps++; steps > 16*(m.input.Len()+16) {
			break
		}
		var r result
		if !m.nextLine(1) {
			r = m.eof(state)
			if r.kind != resStateCorr {
				break
			}
		} else {
			r = m.checkLine(state, textOnly)
			if r.kind == resEOF {
				r = m.eof(state)
				if r.kind != resStateCorr {
					break
				}
			}
		}
		textOnly = false
		switch r.kind {
		case resTransCorr:
			m.previousLine(1)
			textOnly = true
			continue
		case resStateCorr:
			m.previousLine(1)
			textOnly = true
		}
		if r.next != stSame {
			state = r.next
		}
	}
}

// ---- line movement ----

func (m *machine) notify() {
	src, off, kind := m.input.info(m.lineOffset)
	doc := m.ds.doc
	switch kind {
	case infoOK:
		doc.NoteSource(src, off)
	case infoPastEnd:
		doc.CurrentSource, doc.CurrentLine = src, 0
	default:
		doc.CurrentSource, doc.CurrentLine = "", 0
	}
}

// nextLine advances n lines; it reports false at the end of the input
// (docutils raises EOFError).
func (m *machine) nextLine(n int) bool {
	m.lineOffset += n
	line, ok := m.input.at(m.lineOffset)
	m.line = line
	m.notify()
	return ok
}

func (m *machine) previousLine(n int) {
	m.lineOffset -= n
	if m.lineOffset < 0 {
		m.line = ""
	} else {
		m.line, _ = m.input.at(m.lineOffset)
	}
	m.notify()
}

// gotoLine jumps to an absolute line offset; going past the end is not an
// error here (RSTState.goto_line ignores EOFError).
func (m *machine) gotoLine(absOffset int) {
	m.lineOffset = absOffset - m.inputOffset
	m.line, _ = m.input.at(m.lineOffset)
	m.notify()
}

func (m *machine) isNextLineBlank() bool {
	l, ok := m.input.at(m.lineOffset + 1)
	return !ok || isBlank(l)
}

func (m *machine) atEOF() bool { return m.lineOffset >= m.input.Len()-1 }

func (m *machine) absLineOffset() int { return m.lineOffset + m.inputOffset }

func (m *machine) absLineNumber() int { return m.lineOffset + m.inputOffset + 1 }

// sourceAndLine is get_source_and_line for the current line.
func (m *machine) sourceAndLine() (string, int) { return m.getSourceAndLine(0, false) }

// getSourceAndLine is StateMachine.get_source_and_line: the source and
// 1-based line of an absolute line number (the current line when has is
// false). An empty source and line 0 stand for None.
func (m *machine) getSourceAndLine(lineno int, has bool) (string, int) {
	offset := m.lineOffset
	if has {
		offset = lineno - m.inputOffset - 1
	}
	src, off, kind := m.input.info(offset)
	switch kind {
	case infoOK:
		return src, off + 1
	case infoPastEnd:
		s, l := m.getSourceAndLine(offset+m.inputOffset, true)
		if l == 0 && s == "" {
			return "", 0
		}
		return s, l + 1
	}
	return "", 0
}

// insertInput inserts lines after the current line, framed by the padding
// lines docutils inserts (StateMachine.insert_input).
func (m *machine) insertInput(lines []string, source string) {
	m.input.insertLine(m.lineOffset+1, "", "internal padding after "+source, len(lines))
	m.input.insertLine(m.lineOffset+1, "", "internal padding before "+source, -1)
	m.input.insertList(m.lineOffset+2, newStringList(lines, source))
}

// getTextBlock is StateMachine.get_text_block: it advances to the last
// line of the block.
func (m *machine) getTextBlock(flushLeft bool) (block *stringList, unexpected bool, src string, srcline int) {
	block, unexpected, src, srcline = m.input.getTextBlock(m.lineOffset, flushLeft)
	m.nextLine(block.Len() - 1)
	return
}

// getIndented is StateMachineWS.get_indented.
func (m *machine) getIndented(untilBlank, stripIndent bool) (*stringList, int, int, bool) {
	offset := m.absLineOffset()
	indented, indent, blankFinish := m.input.getIndented(m.lineOffset, untilBlank, stripIndent, -1, -1)
	if indented.Len() > 0 {
		m.nextLine(indented.Len() - 1)
	}
	for indented.Len() > 0 && isBlank(indented.data[0]) {
		indented.trimStart(1)
		offset++
	}
	return indented, indent, offset, blankFinish
}

// getKnownIndented is StateMachineWS.get_known_indented.
func (m *machine) getKnownIndented(indent int, untilBlank, stripIndent bool) (*stringList, int, bool) {
	offset := m.absLineOffset()
	indented, _, blankFinish := m.input.getIndented(m.lineOffset, untilBlank, stripIndent, indent, -1)
	m.nextLine(indented.Len() - 1)
	for indented.Len() > 0 && isBlank(indented.data[0]) {
		indented.trimStart(1)
		offset++
	}
	return indented, offset, blankFinish
}

// getFirstKnownIndented is StateMachineWS.get_first_known_indented.
func (m *machine) getFirstKnownIndented(indent int, untilBlank, stripIndent, stripTop bool) (*stringList, int, int, bool) {
	offset := m.absLineOffset()
	indented, indent, blankFinish := m.input.getIndented(m.lineOffset, untilBlank, stripIndent, -1, indent)
	m.nextLine(indented.Len() - 1)
	if stripTop {
		for indented.Len() > 0 && isBlank(indented.data[0]) {
			indented.trimStart(1)
			offset++
		}
	}
	return indented, indent, offset, blankFinish
}
