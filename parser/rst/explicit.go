package rst

import (
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// This file holds the explicit markup constructs of the Body state:
// footnotes, citations, hyperlink targets, substitution definitions,
// directives and comments (states.Body.explicit_construct and friends).

// explicitKind is one of Body.explicit.constructs.
type explicitKind uint8

const (
	exComment explicitKind = iota
	exFootnote
	exCitation
	exTarget
	exSubstitution
	exDirective
)

// explicitMatch is a match of one of the explicit construct patterns: the
// end of the match (byte index) and group 1 (the footnote or citation
// label, or the directive name).
type explicitMatch struct {
	kind  explicitKind
	end   int
	group string
}

// matchExplicit tries the explicit constructs in docutils' order on a
// line starting with "..".
func matchExplicit(line string) explicitMatch {
	// \.\.[ ]+
	if !strings.HasPrefix(line, "..") || len(line) < 3 || line[2] != ' ' {
		return explicitMatch{}
	}
	i := 2
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i < len(line) && line[i] == '[' {
		j := i + 1
		// footnote label: [0-9]+ | \# | \#simplename | \*
		end := -1
		switch {
		case j < len(line) && line[j] >= '0' && line[j] <= '9':
			k := j
			for k < len(line) && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			end = k
		case j < len(line) && line[j] == '#':
			end = j + 1
			if e := matchSimpleName(line, j+1); e >= 0 && (end >= len(line) || line[end] != ']') {
				end = e
			}
		case j < len(line) && line[j] == '*':
			end = j + 1
		}
		if end >= 0 && end < len(line) && line[end] == ']' {
			if e := spacesOrEnd(line, end+1); e >= 0 {
				return explicitMatch{kind: exFootnote, end: e, group: line[j:end]}
			}
		}
		// citation: \[(simplename)\]([ ]+|$)
		if e := matchSimpleName(line, j); e >= 0 && e < len(line) && line[e] == ']' {
			if e2 := spacesOrEnd(line, e+1); e2 >= 0 {
				return explicitMatch{kind: exCitation, end: e2, group: line[j:e]}
			}
		}
	}
	// hyperlink target: _(?![ ]|$)
	if i < len(line) && line[i] == '_' && i+1 < len(line) && line[i+1] != ' ' {
		return explicitMatch{kind: exTarget, end: i + 1}
	}
	// substitution definition: \|(?![ ]|$)
	if i < len(line) && line[i] == '|' && i+1 < len(line) && line[i+1] != ' ' {
		return explicitMatch{kind: exSubstitution, end: i + 1}
	}
	// directive: (simplename)[ ]?::([ ]+|$)
	if e := matchSimpleName(line, i); e >= 0 {
		k := e
		if k < len(line) && line[k] == ' ' {
			k++
		}
		if strings.HasPrefix(line[k:], "::") {
			if e2 := spacesOrEnd(line, k+2); e2 >= 0 {
				return explicitMatch{kind: exDirective, end: e2, group: line[i:e]}
			}
		}
	}
	return explicitMatch{}
}

// explicitMarkup is Body.explicit_markup.
func (m *machine) explicitMarkup(bm bodyMatch) result {
	nodes, blankFinish := m.explicitConstruct(bm)
	m.add(nodes...)
	m.explicitList(blankFinish)
	return resStay
}

// explicitItem is Explicit.explicit_markup.
func (m *machine) explicitItem(bm bodyMatch) result {
	nodes, blankFinish := m.explicitConstruct(bm)
	m.add(nodes...)
	m.blankFinish = blankFinish
	return resStay
}

// anonymous is Body.anonymous.
func (m *machine) anonymous(bm bodyMatch) result {
	nodes, blankFinish := m.anonymousTarget(bm)
	m.add(nodes...)
	m.explicitList(blankFinish)
	return resStay
}

// anonymousItem is Explicit.anonymous.
func (m *machine) anonymousItem(bm bodyMatch) result {
	nodes, blankFinish := m.anonymousTarget(bm)
	m.add(nodes...)
	m.blankFinish = blankFinish
	return resStay
}

// explicitList is Body.explicit_list: further explicit markup blocks.
func (m *machine) explicitList(blankFinish bool) {
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, m.node, stExplicit, blankFinish, listParseOpts{matchTitles: m.matchTitles})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Explicit markup"))
	}
}

// explicitConstruct is Body.explicit_construct.
func (m *machine) explicitConstruct(bm bodyMatch) ([]doctree.Node, bool) {
	line := m.line
	em := matchExplicit(line)
	var errs []doctree.Node
	var markupErr string
	switch em.kind {
	case exFootnote:
		return m.footnote(em)
	case exCitation:
		return m.citation(em)
	case exTarget:
		nodes, bf, err := m.hyperlinkTarget(em)
		if err == "" {
			return nodes, bf
		}
		markupErr = err
	case exSubstitution:
		nodes, bf, err := m.substitutionDef(em)
		if err == "" {
			return nodes, bf
		}
		markupErr = err
	case exDirective:
		return m.directive(em.group, em.end, nil)
	}
	if markupErr != "" {
		errs = append(errs, m.ds.rep.Warning(markupErr, doctree.MsgOpts{Line: m.absLineNumber()}))
	}
	nodes, blankFinish := m.comment(line, bm.end)
	return append(nodes, errs...), blankFinish
}

// comment is Body.comment; line is the line the explicit markup started
// on and end the end of its ".." marker.
func (m *machine) comment(line string, end int) ([]doctree.Node, bool) {
	if m.isNextLineBlank() {
		first := line[end:]
		if isBlank(first) { // empty comment
			return []doctree.Node{doctree.NewElement(doctree.TagComment)}, true
		}
		if strings.HasPrefix(first, "end of inclusion from \"") {
			// cf. the include directive
			if n := len(m.ds.doc.IncludeLog); n > 0 {
				m.ds.doc.IncludeLog = m.ds.doc.IncludeLog[:n-1]
			}
			return nil, true
		}
	}
	indented, _, _, blankFinish := m.getFirstKnownIndented(cpLen(line[:end]), false, true, true)
	for indented.Len() > 0 && isBlank(indented.data[indented.Len()-1]) {
		indented.trimEnd(1)
	}
	text := strings.Join(indented.data, "\n")
	return []doctree.Node{doctree.NewTextElement(doctree.TagComment, text, text)}, blankFinish
}

// footnote is Body.footnote.
func (m *machine) footnote(em explicitMatch) ([]doctree.Node, bool) {
	doc := m.ds.doc
	src, srcline := m.sourceAndLine()
	indented, _, offset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:em.end]), false, true, true)
	label := em.group
	name := doctree.FullyNormalizeName(label)
	fn := doctree.NewElement(doctree.TagFootnote)
	fn.RawSource = m.ds.containerRaw(indented.data)
	fn.Source, fn.Line = src, srcline
	switch {
	case name[0] == '#': // auto-numbered
		name = name[1:]
		fn.Set("auto", 1)
		if name != "" {
			fn.Names = append(fn.Names, name)
		}
		doc.NoteAutoFootnote(fn)
	case name == "*": // auto-symbol
		name = ""
		fn.Set("auto", "*")
		doc.NoteSymbolFootnote(fn)
	default: // manually numbered
		m.ds.appendTo(fn, doctree.NewTextElement(doctree.TagLabel, "", label))
		fn.Names = append(fn.Names, name)
		doc.NoteFootnote(fn)
	}
	if name != "" {
		doc.NoteExplicitTarget(fn, fn)
	} else {
		doc.SetID(fn, fn, "")
	}
	if indented.Len() > 0 {
		m.nestedParse(indented, offset, fn, false, stBody)
	}
	return []doctree.Node{fn}, blankFinish
}

// citation is Body.citation.
func (m *machine) citation(em explicitMatch) ([]doctree.Node, bool) {
	doc := m.ds.doc
	src, srcline := m.sourceAndLine()
	indented, _, offset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:em.end]), false, true, true)
	label := em.group
	name := doctree.FullyNormalizeName(label)
	c := doctree.NewElement(doctree.TagCitation)
	c.RawSource = m.ds.containerRaw(indented.data)
	c.Source, c.Line = src, srcline
	m.ds.appendTo(c, doctree.NewTextElement(doctree.TagLabel, "", label))
	c.Names = append(c.Names, name)
	doc.NoteCitation(c)
	doc.NoteExplicitTarget(c, c)
	if indented.Len() > 0 {
		m.nestedParse(indented, offset, c, false, stBody)
	}
	return []doctree.Node{c}, blankFinish
}

// hyperlinkTarget is Body.hyperlink_target; err is a MarkupError.
func (m *machine) hyperlinkTarget(em explicitMatch) ([]doctree.Node, bool, string) {
	lineno := m.absLineNumber()
	line := m.line
	block, _, _, blankFinish := m.getFirstKnownIndented(cpLen(line[:em.end]), true, false, true)
	blockText := line[:em.end] + strings.Join(block.data, "\n")
	lines := make([]string, block.Len())
	for i, l := range block.data {
		lines[i] = escape2null(l)
	}
	if len(lines) == 0 {
		return nil, blankFinish, "malformed hyperlink target."
	}
	// docutils retries the whole pattern on the growing text; each try is
	// on a prefix of the concatenation of all the lines here, and only the
	// last few characters of the previous prefix can start a new match.
	full := strings.Join(lines, "")
	end := len(lines[0])
	blockIndex := 0
	from := 0
	var tm targetMatch
	for {
		var ok bool
		if tm, ok = matchTargetPattern(full[:end], from); ok {
			break
		}
		blockIndex++
		if blockIndex >= len(lines) {
			return nil, blankFinish, "malformed hyperlink target."
		}
		from = max(0, end-4)
		end += len(lines[blockIndex])
	}
	escaped := full[:end]
	lines = lines[blockIndex:]
	rest := escaped[tm.end:]
	if cpLen(rest) <= cpLen(lines[0]) {
		lines[0] = pyStrip(rest)
	} else {
		lines[0] = pyStrip(lines[0])
	}
	name := tm.name
	if tm.anonymous {
		name = ""
	}
	target, err := m.makeTarget(lines, blockText, lineno, name)
	if err != "" {
		return nil, blankFinish, err
	}
	return []doctree.Node{target}, blankFinish, ""
}

// targetMatch is a match of Body.explicit.patterns.target.
type targetMatch struct {
	end       int
	name      string
	anonymous bool
}

// isSpaceOrNul is '[\s\x00]'.
func isSpaceOrNul(r rune) bool { return r == 0 || isPySpace(r) }

// matchTargetPattern matches docutils' target pattern at the start of s:
//
//	( _ | (?!_)(?P<quote>`?)(?![ `])(?P<name>.+?)(?<![\s\x00])(?P=quote) )
//	(?<!(?<!\x00):) (?<![\s\x00]) [ ]? : ([ ]+|$)
//
// Candidate ends of the name before byte from are not tried (the caller
// tried them on a prefix of s, where they depended on the same text).
func matchTargetPattern(s string, from int) (targetMatch, bool) {
	// tail matches "[ ]?:([ ]+|$)" at i.
	tail := func(i int) int {
		if i < len(s) && s[i] == ' ' {
			if i+1 < len(s) && s[i+1] == ':' {
				if e := spacesOrEnd(s, i+2); e >= 0 {
					return e
				}
			}
		}
		if i < len(s) && s[i] == ':' {
			return spacesOrEnd(s, i+1)
		}
		return -1
	}
	if s == "" {
		return targetMatch{}, false
	}
	if s[0] == '_' {
		if e := tail(1); e >= 0 {
			return targetMatch{end: e, anonymous: true}, true
		}
		return targetMatch{}, false
	}
	quoted := s[0] == '`'
	start := 0
	if quoted {
		start = 1
	}
	if start >= len(s) || s[start] == ' ' || s[start] == '`' {
		return targetMatch{}, false
	}
	// Lazy name: try each end in turn.
	prev2 := rune(-1) // the character before the name's last one
	i := start
	if from > start {
		// resume at a rune boundary, with the rune before it
		i = from
		for i > start && !utf8.RuneStart(s[i]) {
			i--
		}
		if i > start {
			prev2, _ = utf8.DecodeLastRuneInString(s[:i])
		}
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		k := i + size // candidate end of the name
		if !isSpaceOrNul(r) {
			after := k
			ok := true
			if quoted {
				if after < len(s) && s[after] == '`' {
					after++
				} else {
					ok = false
				}
			} else if r == ':' && prev2 != 0 {
				ok = false // unescaped colon at the end
			}
			if ok {
				if e := tail(after); e >= 0 {
					return targetMatch{end: e, name: s[start:k]}, true
				}
			}
		}
		prev2 = r
		i = k
	}
	return targetMatch{}, false
}

// makeTarget is Body.make_target; err is a MarkupError.
func (m *machine) makeTarget(block []string, blockText string, lineno int, targetName string) (*doctree.Element, string) {
	kind, data := m.parseTarget(block, blockText, lineno)
	target := doctree.NewElement(doctree.TagTarget)
	target.RawSource = blockText
	if kind == "refname" {
		target.Set("refname", doctree.FullyNormalizeName(data))
		if err := m.addTarget(targetName, "", target, lineno); err != "" {
			return nil, err
		}
		m.ds.doc.NoteIndirectTarget(target)
		return target, ""
	}
	if err := m.addTarget(targetName, data, target, lineno); err != "" {
		return nil, err
	}
	return target, ""
}

// parseTarget is Body.parse_target: an indirect target's reference name
// ("refname") or a URI ("refuri").
func (m *machine) parseTarget(block []string, blockText string, lineno int) (string, string) {
	if len(block) > 0 {
		if last := pyStrip(block[len(block)-1]); strings.HasSuffix(last, "_") {
			parts := make([]string, len(block))
			for i, l := range block {
				parts[i] = pyStrip(l)
			}
			if refname, ok := isReference(strings.Join(parts, " ")); ok {
				return "refname", refname
			}
		}
	}
	refParts := splitEscapedWhitespace(strings.Join(block, " "))
	out := make([]string, len(refParts))
	for i, part := range refParts {
		out[i] = strings.Join(pySplit(doctree.Unescape(part, false)), "")
	}
	return "refuri", strings.Join(out, " ")
}

// isReference is Body.is_reference: the reference name of "name_" or
// "`phrase`_", or false.
func isReference(reference string) (string, bool) {
	s := doctree.WhitespaceNormalizeName(reference)
	// (?P<simple>simplename)_$
	if e := matchSimpleName(s, 0); e >= 0 && e == len(s)-1 && s[e] == '_' {
		return doctree.Unescape(s[:e], false), true
	}
	// `(?![ ])(?P<phrase>.+?)(?<![\s\x00])`_$
	if len(s) >= 4 && s[0] == '`' && s[1] != ' ' && strings.HasSuffix(s, "`_") {
		phrase := s[1 : len(s)-2]
		last, _ := utf8.DecodeLastRuneInString(phrase)
		if phrase != "" && !isSpaceOrNul(last) && !strings.Contains(phrase, "\n") {
			return doctree.Unescape(phrase, false), true
		}
	}
	return "", false
}

// addTarget is Body.add_target.
func (m *machine) addTarget(targetName, refuri string, target *doctree.Element, lineno int) string {
	target.Line = lineno
	if targetName != "" {
		name := doctree.FullyNormalizeName(doctree.Unescape(targetName, false))
		target.Names = append(target.Names, name)
		if refuri != "" {
			target.Set("refuri", adjustURI(refuri))
		}
		m.ds.doc.NoteExplicitTarget(target, m.node)
	} else { // anonymous target
		if refuri != "" {
			target.Set("refuri", refuri)
		}
		target.Set("anonymous", 1)
		m.ds.doc.NoteAnonymousTarget(target)
	}
	return ""
}

// anonymousTarget is Body.anonymous_target.
func (m *machine) anonymousTarget(bm bodyMatch) ([]doctree.Node, bool) {
	lineno := m.absLineNumber()
	line := m.line
	block, _, _, blankFinish := m.getFirstKnownIndented(cpLen(line[:bm.end]), true, true, true)
	blockText := line[:bm.end] + strings.Join(block.data, "\n")
	lines := make([]string, block.Len())
	for i, l := range block.data {
		lines[i] = escape2null(l)
	}
	target, _ := m.makeTarget(lines, blockText, lineno, "")
	return []doctree.Node{target}, blankFinish
}

// ---- substitution definitions ----

// matchSubstitutionPattern matches docutils' substitution pattern at the
// start of s: '((?![ ])(?P<name>.+?)(?<![\s\x00])\|)([ ]+|$)'.
// Candidate ends before byte from are not tried (see matchTargetPattern).
func matchSubstitutionPattern(s string, from int) (end int, name string, ok bool) {
	if s == "" || s[0] == ' ' {
		return 0, "", false
	}
	i := from
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		k := i + size
		if !isSpaceOrNul(r) && k < len(s) && s[k] == '|' {
			if e := spacesOrEnd(s, k+1); e >= 0 {
				return e, s[:k], true
			}
		}
		i = k
	}
	return 0, "", false
}

// substitutionDef is Body.substitution_def; err is a MarkupError.
func (m *machine) substitutionDef(em explicitMatch) ([]doctree.Node, bool, string) {
	rep := m.ds.rep
	src, srcline := m.sourceAndLine()
	line := m.line
	block, _, offset, blankFinish := m.getFirstKnownIndented(cpLen(line[:em.end]), false, false, true)
	blockText := line[:em.end] + strings.Join(block.data, "\n")
	block.disconnect()
	if block.Len() == 0 {
		return nil, blankFinish, "malformed substitution definition."
	}
	// As for targets: each try is on a prefix of the whole text.
	parts := make([]string, block.Len())
	parts[0] = escape2null(pyRstrip(block.data[0]))
	for k := 1; k < block.Len(); k++ {
		parts[k] = escape2null(pyStrip(block.data[k]))
	}
	full := strings.Join(parts, " ")
	stop := len(parts[0])
	blockIndex := 0
	from := 0
	var end int
	var subname string
	for {
		var ok bool
		if end, subname, ok = matchSubstitutionPattern(full[:stop], from); ok {
			break
		}
		blockIndex++
		if blockIndex >= block.Len() {
			return nil, blankFinish, "malformed substitution definition."
		}
		from = max(0, stop-2)
		stop += 1 + len(parts[blockIndex])
	}
	escaped := full[:stop]
	block.trimStart(blockIndex) // strip out the substitution marker
	first := pyStrip(block.data[0])
	restLen := cpLen(escaped[end:])
	if n := cpLen(first); restLen <= n {
		first = cpFrom(first, n-restLen)
	}
	block.setLine(0, first)
	if first == "" {
		block.trimStart(1)
		offset++
	}
	for block.Len() > 0 && isBlank(block.data[block.Len()-1]) {
		block.popLine(block.Len() - 1)
	}
	node := doctree.NewElement(doctree.TagSubstitutionDefinition)
	node.RawSource = blockText
	node.Source, node.Line = src, srcline
	if block.Len() == 0 {
		msg := rep.Warning("Substitution definition \""+subname+"\" missing contents.",
			doctree.MsgOpts{Source: src, SourceLine: srcline}, literalBlock(blockText, blockText))
		return []doctree.Node{msg}, blankFinish, ""
	}
	block.setLine(0, pyStrip(block.data[0]))
	node.Names = append(node.Names, doctree.WhitespaceNormalizeName(subname))
	_, blankFinish = m.nestedListParse(block, offset, node, stSubstitutionDef, blankFinish, listParseOpts{})
	i := 0
	for _, c := range append([]doctree.Node(nil), node.Children...) {
		e, isElem := c.(*doctree.Element)
		if isElem && !e.Is(doctree.ClassInline) {
			moved := node.Children[i]
			node.Children = append(node.Children[:i:i], node.Children[i+1:]...)
			m.add(moved)
		} else {
			i++
		}
	}
	for _, e := range doctree.FindAll(node, func(*doctree.Element) bool { return true }) {
		if disallowedInSubstitution(e) {
			pformat := literalBlock("", pyRstrip(pseudoxml.Format(e, nil)))
			msg := rep.Error("Substitution definition contains illegal element <"+e.Tag+">:",
				doctree.MsgOpts{Source: src, SourceLine: srcline}, pformat, literalBlock(blockText, blockText))
			return []doctree.Node{msg}, blankFinish, ""
		}
	}
	if len(node.Children) == 0 {
		msg := rep.Warning("Substitution definition \""+subname+"\" empty or invalid.",
			doctree.MsgOpts{Source: src, SourceLine: srcline}, literalBlock(blockText, blockText))
		return []doctree.Node{msg}, blankFinish, ""
	}
	m.ds.doc.NoteSubstitutionDef(node, subname, m.node)
	return []doctree.Node{node}, blankFinish, ""
}

// disallowedInSubstitution is
// Body.disallowed_inside_substitution_definitions.
func disallowedInSubstitution(e *doctree.Element) bool {
	if len(e.IDs) > 0 {
		return true
	}
	if e.Tag == doctree.TagReference {
		if v, ok := e.Get("anonymous"); ok && truthy(v) {
			return true
		}
	}
	if e.Tag == doctree.TagFootnoteReference {
		if v, ok := e.Get("auto"); ok && truthy(v) {
			return true
		}
	}
	return false
}

// truthy is Python's bool() of an attribute value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case string:
		return x != ""
	case []string:
		return len(x) > 0
	case float64:
		return x != 0
	}
	return true
}

// matchEmbeddedDirective is SubstitutionDef's '(%s)::( +|$)' % simplename.
func matchEmbeddedDirective(line string) int {
	e := matchSimpleName(line, 0)
	if e < 0 || !strings.HasPrefix(line[e:], "::") {
		return -1
	}
	return spacesOrEnd(line, e+2)
}

// embeddedDirective is SubstitutionDef.embedded_directive.
func (m *machine) embeddedDirective(end int) result {
	name := ""
	if len(m.node.Names) > 0 {
		name = m.node.Names[0]
	}
	e := matchSimpleName(m.line, 0)
	nodes, blankFinish := m.directive(m.line[:e], end, map[string]any{"alt": name})
	m.add(nodes...)
	if !m.atEOF() {
		m.blankFinish = blankFinish
	}
	return resStop
}

// substitutionDefText is SubstitutionDef.text.
func (m *machine) substitutionDefText() result {
	if !m.atEOF() {
		m.blankFinish = m.isNextLineBlank()
	}
	return resStop
}

// adjustURI is Inliner.adjust_uri: an e-mail address gets "mailto:".
func adjustURI(uri string) string {
	if isEmail(uri) {
		return "mailto:" + uri
	}
	return uri
}

const emailChars = "-_!~*'{|}/#?^`&=+$%\x00"

func isEmailc(c byte) bool {
	return isAlnumASCII(c) || strings.IndexByte(emailChars, c) >= 0
}

func isURILast(c byte) bool {
	return isAlnumASCII(c) || strings.IndexByte("_~*/=+", c) >= 0
}

// isEmail is a full match of Inliner's email pattern:
// emailc+(\.emailc+)* (?<!\x00)@ emailc+(\.emailc*)* urilast $.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	name, host := s[:at], s[at+1:]
	if name[len(name)-1] == 0 {
		return false
	}
	for _, part := range strings.Split(name, ".") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isEmailc(part[i]) {
				return false
			}
		}
	}
	if len(host) < 2 || !isEmailc(host[0]) || !isURILast(host[len(host)-1]) {
		return false
	}
	for i := 1; i < len(host)-1; i++ {
		if host[i] != '.' && !isEmailc(host[i]) {
			return false
		}
	}
	return true
}
