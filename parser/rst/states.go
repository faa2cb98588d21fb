package rst

import (
	"fmt"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst/inline"
)

// parse is docutils' Parser.parse followed by RSTStateMachine.run.
func (p *Parser) parse(doc *doctree.Document, input string) {
	rep := doc.Reporter
	observer := doc.NoteParseMessage
	rep.Observers = append(rep.Observers, observer)
	n := len(rep.Observers)
	defer func() {
		// Detach the parse-message observer (finish_parse), even when a
		// message at the halt level ends the parse.
		if len(rep.Observers) >= n {
			rep.Observers = append(rep.Observers[:n-1:n-1], rep.Observers[n:]...)
		}
		if r := recover(); r != nil {
			h, ok := r.(*doctree.HaltError)
			if !ok {
				panic(r)
			}
			doc.Halted = h
		}
	}()

	settings := doc.Settings
	tabWidth := settings.TabWidth
	lines := string2lines(input, tabWidth)
	for i, line := range lines {
		if cpLen(line) > settings.LineLengthLimit {
			doc.Root.Append(rep.Error(fmt.Sprintf("Line %d exceeds the line-length-limit.", p.LineOffset+i+1), doctree.MsgOpts{}))
			return
		}
	}

	reg := p.Registry
	if reg == nil {
		reg = directives.NewRegistry()
	}
	lang := settings.LanguageCode
	scope := directives.NewScope(reg, lang)
	ds := &docState{
		doc:     doc,
		rep:     rep,
		reg:     reg,
		scope:   scope,
		inliner: inline.New(doc, scope),
		lang:    lang,
		// Enough for the rawsource of every container of documents nested
		// up to 8 deep.
		rawBudget: 8*len(input) + 1<<20,
	}
	source := doc.Root.GetString("source")
	list := newStringList(lines, source)
	for i := range list.items {
		list.items[i].Offset += p.LineOffset
	}
	m := ds.newMachine(list, p.LineOffset, doc.Root, true)
	ds.root = m
	if rep.SourceAndLine == nil {
		rep.SourceAndLine = func(line int) (string, int, bool) {
			src, l := m.getSourceAndLine(line, line != 0)
			return src, l, src != ""
		}
	}
	m.run(stBody)
}

// checkLine is StateMachine.check_line: it tries the transitions of state
// on the current line (only "text" after a correction) and runs the first
// that matches.
func (m *machine) checkLine(st stateID, textOnly bool) result {
	line := m.line
	switch st {
	case stText, stDefinition, stLine:
		if textOnly {
			return m.textFamily(st, tText)
		}
		switch {
		case isBlankPat(line):
			return m.textFamily(st, tBlank)
		case line[0] == ' ':
			return m.textFamily(st, tIndent)
		case matchLine(line):
			return m.textFamily(st, tLine)
		}
		return m.textFamily(st, tText)
	case stQuotedLiteralBlock:
		return m.quotedLiteralBlockLine(textOnly)
	case stSubstitutionDef:
		if textOnly {
			return m.substitutionDefText()
		}
		switch {
		case isBlankPat(line):
			return resStay
		case line[0] == ' ':
			return m.indent()
		}
		if e := matchEmbeddedDirective(line); e >= 0 {
			return m.embeddedDirective(e)
		}
		return m.substitutionDefText()
	}
	var bm bodyMatch
	if textOnly {
		bm.t = tText
	} else {
		bm = matchBody(line)
	}
	return m.bodyFamily(st, bm)
}

// bodyFamily runs a transition of Body or of one of its specialised
// states.
func (m *machine) bodyFamily(st stateID, bm bodyMatch) result {
	if bm.t == tBlank {
		// StateWS.blank is a no-op; LineBlock and Explicit end on blanks.
		if st == stLineBlock || st == stExplicit {
			return m.invalidInput()
		}
		return resStay
	}
	if st == stBody {
		switch bm.t {
		case tIndent:
			return m.indent()
		case tBullet:
			return m.bullet(bm)
		case tEnumerator:
			return m.enumerator(bm)
		case tFieldMarker:
			return m.fieldMarker(bm)
		case tOptionMarker:
			return m.optionMarker(bm)
		case tDoctest:
			return m.doctest()
		case tLineBlock:
			return m.lineBlock(bm)
		case tGridTableTop:
			return m.tableTop(true)
		case tSimpleTableTop:
			return m.tableTop(false)
		case tExplicitMarkup:
			return m.explicitMarkup(bm)
		case tAnonymous:
			return m.anonymous(bm)
		case tLine:
			return m.lineTransition()
		}
		// text
		m.ctx = []string{m.line}
		return goTo(stText)
	}
	switch {
	case st == stBulletList && bm.t == tBullet:
		return m.bulletListItem(bm)
	case st == stDefinitionList && bm.t == tText:
		m.ctx = []string{m.line}
		return goTo(stDefinition)
	case st == stEnumeratedList && bm.t == tEnumerator:
		return m.enumeratedListItem(bm)
	case (st == stFieldList || st == stExtensionOptions) && bm.t == tFieldMarker:
		return m.fieldListItem(bm, st == stExtensionOptions)
	case st == stOptionList && bm.t == tOptionMarker:
		return m.optionListEntry(bm)
	case st == stLineBlock && bm.t == tLineBlock:
		return m.lineBlockLine(bm)
	case st == stExplicit && bm.t == tExplicitMarkup:
		return m.explicitItem(bm)
	case st == stExplicit && bm.t == tAnonymous:
		return m.anonymousItem(bm)
	case st == stMetaBody && bm.t == tFieldMarker:
		return m.metaField(bm)
	}
	return m.invalidInput()
}

// invalidInput is SpecializedBody.invalid_input: back up so that the
// parent state machine can reassess the line, and end this one.
func (m *machine) invalidInput() result {
	m.previousLine(1)
	return resStop
}

// eof runs the state's end-of-input handler.
func (m *machine) eof(st stateID) result {
	switch st {
	case stText:
		if len(m.ctx) > 0 {
			m.textBlank()
		}
	case stDefinition:
		m.previousLine(2)
	case stLine:
		return m.lineEOF()
	case stQuotedLiteralBlock:
		m.quotedLiteralBlockEOF()
	}
	return resStop
}
