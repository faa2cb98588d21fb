package rst

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// This file holds the Body state's transitions for block quotes and
// lists, and the specialised states that continue lists.

// indent is Body.indent: a block quote.
func (m *machine) indent() result {
	indented, _, lineOffset, blankFinish := m.getIndented(false, true)
	m.add(m.blockQuote(indented, lineOffset)...)
	if !blankFinish {
		m.add(m.unindentWarning("Block quote"))
	}
	return resStay
}

// blockQuote is Body.block_quote: one or more block quotes, split at
// attributions.
func (m *machine) blockQuote(indented *stringList, lineOffset int) []doctree.Node {
	var elements []doctree.Node
	for indented != nil && indented.Len() > 0 {
		bq := doctree.NewElement(doctree.TagBlockQuote)
		bq.RawSource = m.ds.containerRaw(indented.data)
		bq.Source, bq.Line = m.getSourceAndLine(lineOffset+1, true)
		bqLines, aLines, aOffset, rest, newLineOffset := m.splitAttribution(indented, lineOffset)
		m.nestedParse(bqLines, lineOffset, bq, false, stBody)
		elements = append(elements, bq)
		if aLines != nil && aLines.Len() > 0 {
			attribution, msgs := m.parseAttribution(aLines, lineOffset+aOffset)
			m.ds.appendTo(bq, attribution)
			elements = append(elements, elems(msgs)...)
		}
		lineOffset = newLineOffset
		indented = rest
		for indented != nil && indented.Len() > 0 && indented.data[0] == "" {
			indented = indented.from(1)
			lineOffset++
		}
	}
	return elements
}

// matchAttribution is '(---?(?!-)|\u2014) *(?=[^ \n])': it returns the
// end of the match in code points, or -1.
func matchAttribution(line string) int {
	cp := 0
	i := 0
	switch {
	case strings.HasPrefix(line, "\u2014"):
		i, cp = len("\u2014"), 1
	case strings.HasPrefix(line, "---"):
		if strings.HasPrefix(line, "----") {
			return -1
		}
		i, cp = 3, 3
	case strings.HasPrefix(line, "--"):
		i, cp = 2, 2
	default:
		return -1
	}
	for i < len(line) && line[i] == ' ' {
		i++
		cp++
	}
	if i >= len(line) || line[i] == '\n' {
		return -1
	}
	return cp
}

// splitAttribution is Body.split_attribution. A nil attribution means
// none was found (then rest is nil too).
func (m *machine) splitAttribution(indented *stringList, lineOffset int) (bq, attr *stringList, attrOffset int, rest *stringList, newLineOffset int) {
	blank := -1
	nonblankSeen := false
	for i := 0; i < indented.Len(); i++ {
		line := pyRstrip(indented.data[i])
		if line != "" {
			if nonblankSeen && blank == i-1 { // last line blank
				if end := matchAttribution(line); end >= 0 {
					attrEnd, ind := checkAttribution(indented, i)
					if attrEnd > 0 {
						a := indented.slice(i, attrEnd)
						a.trimLeft(end, 0, 1)
						a.trimLeft(ind, 1, a.Len())
						return indented.slice(0, i), a, i, indented.from(attrEnd), lineOffset + attrEnd
					}
				}
			}
			nonblankSeen = true
		} else {
			blank = i
		}
	}
	return indented, nil, 0, nil, 0
}

// checkAttribution is Body.check_attribution, including its treatment of
// a one-line attribution at the end of the block (the index it returns is
// then one past the end).
func checkAttribution(indented *stringList, start int) (int, int) {
	indent := -1
	i := start + 1
	broke := false
	for i = start + 1; i < indented.Len(); i++ {
		line := pyRstrip(indented.data[i])
		if line == "" {
			broke = true
			break
		}
		if indent < 0 {
			indent = leadingSpace(line)
		} else if leadingSpace(line) != indent {
			return 0, 0 // bad shape; not an attribution
		}
	}
	if !broke {
		if start+1 < indented.Len() {
			i = indented.Len() // i is the last index + 1
		} else {
			i = start + 2
		}
	}
	if indent < 0 {
		indent = 0
	}
	return i, indent
}

// parseAttribution is Body.parse_attribution.
func (m *machine) parseAttribution(indented *stringList, lineOffset int) (*doctree.Element, []*doctree.Element) {
	text := pyRstrip(strings.Join(indented.data, "\n"))
	lineno := 1 + lineOffset
	textNodes, msgs := m.inlineText(text, lineno)
	node := doctree.NewTextElement(doctree.TagAttribution, text, "", textNodes...)
	node.Source, node.Line = m.getSourceAndLine(lineno, true)
	return node, msgs
}

// bullet is Body.bullet: a bullet list.
func (m *machine) bullet(bm bodyMatch) result {
	list := doctree.NewElement(doctree.TagBulletList)
	list.Source, list.Line = m.sourceAndLine()
	m.add(list)
	r, _ := firstRune(m.line)
	list.Set("bullet", string(r))
	item, blankFinish := m.listItem(bm.end)
	m.ds.appendTo(list, item)
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, list, stBulletList, blankFinish, listParseOpts{})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Bullet list"))
	}
	return resStay
}

// bulletListItem is BulletList.bullet.
func (m *machine) bulletListItem(bm bodyMatch) result {
	r, _ := firstRune(m.line)
	if string(r) != m.node.GetString("bullet") {
		return m.invalidInput() // different bullet: new list
	}
	item, blankFinish := m.listItem(bm.end)
	m.add(item)
	m.blankFinish = blankFinish
	return resStay
}

// listItem is Body.list_item; indent is the byte end of the marker.
func (m *machine) listItem(indentEnd int) (*doctree.Element, bool) {
	indent := cpLen(m.line[:indentEnd])
	var indented *stringList
	var lineOffset int
	var blankFinish bool
	if indentEnd < len(m.line) {
		indented, lineOffset, blankFinish = m.getKnownIndented(indent, false, true)
	} else {
		indented, _, lineOffset, blankFinish = m.getFirstKnownIndented(indent, false, true, true)
	}
	item := doctree.NewElement(doctree.TagListItem)
	item.RawSource = m.ds.containerRaw(indented.data)
	if indented.Len() > 0 {
		m.nestedParse(indented, lineOffset, item, false, stBody)
	}
	return item, blankFinish
}

// ---- enumerated lists ----

var enumSequences = [...]string{"arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman"}

// sequenceMatches is enum.sequenceregexps[seq].match(text).
func sequenceMatches(seq, text string) bool {
	if text == "" {
		return false
	}
	switch seq {
	case "arabic":
		return allIn(text, "0123456789")
	case "loweralpha":
		return len(text) == 1 && text[0] >= 'a' && text[0] <= 'z'
	case "upperalpha":
		return len(text) == 1 && text[0] >= 'A' && text[0] <= 'Z'
	case "lowerroman":
		return allIn(text, "ivxlcdm")
	case "upperroman":
		return allIn(text, "IVXLCDM")
	}
	return false
}

// parseEnumerator is Body.parse_enumerator. ok is false when the ordinal
// is None (an invalid Roman numeral).
func parseEnumerator(text, expected string) (sequence string, ordinal int, ok bool) {
	switch {
	case text == "#":
		sequence = "#"
	case expected != "":
		if sequenceMatches(expected, text) {
			sequence = expected
		}
	case text == "i":
		sequence = "lowerroman"
	case text == "I":
		sequence = "upperroman"
	}
	if sequence == "" {
		for _, s := range enumSequences {
			if sequenceMatches(s, text) {
				sequence = s
				break
			}
		}
	}
	switch sequence {
	case "#":
		return sequence, 1, true
	case "arabic":
		n, err := strconv.Atoi(text)
		if err != nil {
			// Beyond the int range: docutils' Python ints never overflow;
			// saturate so that the list stays well-formed.
			n = int(^uint(0) >> 2)
		}
		return sequence, n, true
	case "loweralpha":
		return sequence, int(text[0]-'a') + 1, true
	case "upperalpha":
		return sequence, int(text[0]-'A') + 1, true
	case "lowerroman":
		n, ok := fromRoman(strings.ToUpper(text))
		return sequence, n, ok
	case "upperroman":
		n, ok := fromRoman(text)
		return sequence, n, ok
	}
	return sequence, 0, false
}

var romanNumerals = [...]struct {
	s string
	n int
}{
	{"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
	{"L", 50}, {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1},
}

// fromRoman is roman.fromRoman: it accepts
// M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3}).
func fromRoman(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	i := 0
	count := func(c byte, max int) int {
		n := 0
		for n < max && i < len(s) && s[i] == c {
			i++
			n++
		}
		return n
	}
	digit := func(one, five, ten byte) int {
		if i+1 < len(s) && s[i] == one && s[i+1] == ten {
			i += 2
			return 9
		}
		if i+1 < len(s) && s[i] == one && s[i+1] == five {
			i += 2
			return 4
		}
		v := 0
		if i < len(s) && s[i] == five {
			i++
			v = 5
		}
		return v + count(one, 3)
	}
	n := count('M', 4) * 1000
	n += digit('C', 'D', 'M') * 100
	n += digit('X', 'L', 'C') * 10
	n += digit('I', 'V', 'X')
	if i != len(s) {
		return 0, false
	}
	return n, true
}

// toRoman is roman.toRoman for 1..4999.
func toRoman(n int) (string, bool) {
	if n <= 0 || n >= 5000 {
		return "", false
	}
	var b strings.Builder
	for _, r := range romanNumerals {
		for n >= r.n {
			b.WriteString(r.s)
			n -= r.n
		}
	}
	return b.String(), true
}

// makeEnumerator is Body.make_enumerator: the next enumerator and the
// auto-enumerator, each followed by a space.
func makeEnumerator(ordinal int, sequence string, f enumFormat) (string, string, bool) {
	var enumerator string
	switch {
	case sequence == "#":
		enumerator = "#"
	case sequence == "arabic":
		enumerator = strconv.Itoa(ordinal)
	default:
		if strings.HasSuffix(sequence, "alpha") {
			if ordinal > 26 {
				return "", "", false
			}
			enumerator = string(rune(ordinal + 'a' - 1))
		} else {
			r, ok := toRoman(ordinal)
			if !ok {
				return "", "", false
			}
			enumerator = r
		}
		if strings.HasPrefix(sequence, "lower") {
			enumerator = strings.ToLower(enumerator)
		} else {
			enumerator = strings.ToUpper(enumerator)
		}
	}
	next := f.prefix() + enumerator + f.suffix() + " "
	auto := f.prefix() + "#" + f.suffix() + " "
	return next, auto, true
}

// isEnumeratedListItem is Body.is_enumerated_list_item: the next line
// must be blank, indented, or start with the next enumerator.
func (m *machine) isEnumeratedListItem(ordinal int, ok bool, sequence string, f enumFormat) bool {
	if !ok {
		return false
	}
	if !m.nextLine(1) {
		m.previousLine(1)
		return true
	}
	next := m.line
	m.previousLine(1)
	if first, _ := firstRune(next); next == "" || isPySpace(first) {
		return true
	}
	if n, auto, ok := makeEnumerator(ordinal+1, sequence, f); ok {
		if strings.HasPrefix(next, n) || strings.HasPrefix(next, auto) {
			return true
		}
	}
	return false
}

// enumerator is Body.enumerator: an enumerated list.
func (m *machine) enumerator(bm bodyMatch) result {
	f := bm.enumFmt
	sequence, ordinal, ok := parseEnumerator(bm.enumText, "")
	if !m.isEnumeratedListItem(ordinal, ok, sequence, f) {
		return result{kind: resTransCorr}
	}
	list := doctree.NewElement(doctree.TagEnumeratedList)
	m.add(list)
	if sequence == "#" {
		list.Set("enumtype", "arabic")
	} else {
		list.Set("enumtype", sequence)
	}
	list.Set("prefix", f.prefix())
	list.Set("suffix", f.suffix())
	if ordinal != 1 {
		list.Set("start", ordinal)
		m.add(m.ds.rep.Info(fmt.Sprintf("Enumerated list start value not ordinal-1: \"%s\" (ordinal %d)", bm.enumText, ordinal), doctree.MsgOpts{}))
	}
	item, blankFinish := m.listItem(bm.end)
	m.ds.appendTo(list, item)
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, list, stEnumeratedList, blankFinish,
		listParseOpts{lastOrdinal: ordinal, enumFmt: f, auto: sequence == "#"})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Enumerated list"))
	}
	return resStay
}

// enumeratedListItem is EnumeratedList.enumerator.
func (m *machine) enumeratedListItem(bm bodyMatch) result {
	f := bm.enumFmt
	enumtype := m.node.GetString("enumtype")
	sequence, ordinal, ok := parseEnumerator(bm.enumText, enumtype)
	if f != m.enumFmt ||
		(sequence != "#" && (sequence != enumtype || m.auto || !ok || ordinal != m.lastOrdinal+1)) ||
		!m.isEnumeratedListItem(ordinal, ok, sequence, f) {
		return m.invalidInput() // different enumeration: new list
	}
	if sequence == "#" {
		m.auto = true
	}
	item, blankFinish := m.listItem(bm.end)
	m.add(item)
	m.blankFinish = blankFinish
	m.lastOrdinal = ordinal
	return resStay
}

// ---- field lists ----

// fieldMarker is Body.field_marker: a field list.
func (m *machine) fieldMarker(bm bodyMatch) result {
	list := doctree.NewElement(doctree.TagFieldList)
	m.add(list)
	field, blankFinish := m.field(bm, false)
	m.ds.appendTo(list, field)
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, list, stFieldList, blankFinish, listParseOpts{})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Field list"))
	}
	return resStay
}

// fieldListItem is FieldList.field_marker (and ExtensionOptions').
func (m *machine) fieldListItem(bm bodyMatch, extension bool) result {
	field, blankFinish := m.field(bm, extension)
	m.add(field)
	m.blankFinish = blankFinish
	return resStay
}

// parseFieldMarker is Body.parse_field_marker: the field name.
func parseFieldMarker(marker string) string {
	field := marker[1:]
	if i := strings.LastIndexByte(field, ':'); i >= 0 {
		field = field[:i]
	}
	return field
}

// field is Body.field.
func (m *machine) field(bm bodyMatch, extension bool) (*doctree.Element, bool) {
	name := parseFieldMarker(m.line[:bm.end])
	src, srcline := m.sourceAndLine()
	lineno := m.absLineNumber()
	indented, _, lineOffset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:bm.end]), false, true, true)
	fieldNode := doctree.NewElement(doctree.TagField)
	fieldNode.Source, fieldNode.Line = src, srcline
	nameNodes, nameMsgs := m.inlineText(name, lineno)
	m.ds.appendTo(fieldNode, doctree.NewTextElement(doctree.TagFieldName, name, "", nameNodes...))
	body := doctree.NewElement(doctree.TagFieldBody, elems(nameMsgs)...)
	body.RawSource = m.ds.containerRaw(indented.data)
	m.ds.appendTo(fieldNode, body)
	if indented.Len() > 0 {
		if extension {
			m.extensionFieldBody(indented, body)
		} else {
			m.nestedParse(indented, lineOffset, body, false, stBody)
		}
	}
	return fieldNode, blankFinish
}

// extensionFieldBody is ExtensionOptions.parse_field_body: paragraphs of
// plain text, one per run of non-blank lines.
func (m *machine) extensionFieldBody(indented *stringList, node *doctree.Element) {
	var lines []string
	flush := func() {
		text := strings.Join(lines, "\n")
		m.ds.appendTo(node, doctree.NewTextElement(doctree.TagParagraph, text, text))
		lines = nil
	}
	for _, line := range indented.data {
		if !isBlank(line) {
			lines = append(lines, line)
		} else if len(lines) > 0 {
			flush()
		}
	}
	if len(lines) > 0 {
		flush()
	}
}

// ---- option lists ----

// optionMarker is Body.option_marker: an option list.
func (m *machine) optionMarker(bm bodyMatch) result {
	list := doctree.NewElement(doctree.TagOptionList)
	list.Source, list.Line = m.sourceAndLine()
	item, blankFinish, err, corr := m.optionListItem(bm)
	if corr {
		return result{kind: resTransCorr}
	}
	if err != "" {
		// This shouldn't happen; the pattern won't match.
		m.add(m.ds.rep.Error("Invalid option list marker: "+err, doctree.MsgOpts{}))
		indented, _, lineOffset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:bm.end]), false, true, true)
		m.add(m.blockQuote(indented, lineOffset)...)
		if !blankFinish {
			m.add(m.unindentWarning("Option list"))
		}
		return resStay
	}
	m.add(list)
	m.ds.appendTo(list, item)
	block, absOffset := m.restOfInput()
	newOffset, blankFinish := m.nestedListParse(block, absOffset, list, stOptionList, blankFinish, listParseOpts{})
	m.gotoLine(newOffset)
	if !blankFinish {
		m.add(m.unindentWarning("Option list"))
	}
	return resStay
}

// optionListEntry is OptionList.option_marker.
func (m *machine) optionListEntry(bm bodyMatch) result {
	item, blankFinish, err, corr := m.optionListItem(bm)
	if corr {
		return result{kind: resTransCorr}
	}
	if err != "" {
		return m.invalidInput()
	}
	m.add(item)
	m.blankFinish = blankFinish
	return resStay
}

// optionListItem is Body.option_list_item. corr reports docutils'
// TransitionCorrection('text') (no description: not an option list);
// err is a MarkupError.
func (m *machine) optionListItem(bm bodyMatch) (item *doctree.Element, blankFinish bool, err string, corr bool) {
	offset := m.absLineOffset()
	options, err := parseOptionMarker(m.line[:bm.end])
	if err != "" {
		return nil, false, err, false
	}
	indented, _, lineOffset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:bm.end]), false, true, true)
	if indented.Len() == 0 { // not an option list item
		m.gotoLine(offset)
		return nil, false, "", true
	}
	group := doctree.NewElement(doctree.TagOptionGroup, options...)
	desc := doctree.NewElement(doctree.TagDescription)
	desc.RawSource = m.ds.containerRaw(indented.data)
	item = doctree.NewElement(doctree.TagOptionListItem, group, desc)
	m.nestedParse(indented, lineOffset, desc, false, stBody)
	return item, blankFinish, "", false
}

// parseOptionMarker is Body.parse_option_marker.
func parseOptionMarker(marker string) ([]doctree.Node, string) {
	var optlist []doctree.Node
	for _, optionString := range strings.Split(pyRstrip(marker), ", ") {
		tokens := pySplit(optionString)
		if len(tokens) == 0 {
			return nil, fmt.Sprintf("wrong number of option tokens (=0), should be 1 or 2: \"%s\"", optionString)
		}
		delimiter := " "
		if k := strings.IndexByte(tokens[0], '='); k >= 0 {
			// "--opt=value" form
			first := []string{tokens[0][:k], tokens[0][k+1:]}
			tokens = append(first, tokens[1:]...)
			delimiter = "="
		} else if cpLen(tokens[0]) > 2 && ((strings.HasPrefix(tokens[0], "-") && !strings.HasPrefix(tokens[0], "--")) || strings.HasPrefix(tokens[0], "+")) {
			// "-ovalue" form
			first := []string{tokens[0][:2], tokens[0][2:]}
			tokens = append(first, tokens[1:]...)
			delimiter = ""
		}
		if len(tokens) > 1 && strings.HasPrefix(tokens[1], "<") && strings.HasSuffix(tokens[len(tokens)-1], ">") {
			// "-o <value1 value2>" form; join all values into one token
			tokens = []string{tokens[0], strings.Join(tokens[1:], " ")}
		}
		if len(tokens) > 2 {
			return nil, fmt.Sprintf("wrong number of option tokens (=%d), should be 1 or 2: \"%s\"", len(tokens), optionString)
		}
		option := doctree.NewElement(doctree.TagOption)
		option.RawSource = optionString
		option.Append(doctree.NewTextElement(doctree.TagOptionString, tokens[0], tokens[0]))
		if len(tokens) > 1 {
			arg := doctree.NewTextElement(doctree.TagOptionArgument, tokens[1], tokens[1])
			arg.Set("delimiter", delimiter)
			option.Append(arg)
		}
		optlist = append(optlist, option)
	}
	return optlist, ""
}

// ---- doctest blocks and line blocks ----

// doctest is Body.doctest.
func (m *machine) doctest() result {
	block, _, _, _ := m.getTextBlock(false)
	data := strings.Join(block.data, "\n")
	m.add(doctree.NewTextElement(doctree.TagDoctestBlock, data, data))
	return resStay
}

// lineBlock is Body.line_block.
func (m *machine) lineBlock(bm bodyMatch) result {
	block := doctree.NewElement(doctree.TagLineBlock)
	m.add(block)
	lineno := m.absLineNumber()
	line, msgs, blankFinish := m.lineBlockLineNode(bm, lineno)
	m.ds.appendTo(block, line)
	m.addMsgs(msgs)
	if !blankFinish {
		rest, absOffset := m.restOfInput()
		newOffset, bf := m.nestedListParse(rest, absOffset, block, stLineBlock, false, listParseOpts{})
		blankFinish = bf
		m.gotoLine(newOffset)
	}
	if !blankFinish {
		m.add(m.ds.rep.Warning("Line block ends without a blank line.", doctree.MsgOpts{Line: lineno + 1}))
	}
	if len(block.Children) > 0 {
		if first, ok := block.Children[0].(*doctree.Element); ok {
			if _, has := m.ds.indentOf(first); !has {
				m.ds.setIndent(first, 0)
			}
		}
		m.ds.nestLineBlockLines(block)
	}
	return resStay
}

// lineBlockLine is LineBlock.line_block.
func (m *machine) lineBlockLine(bm bodyMatch) result {
	lineno := m.absLineNumber()
	line, msgs, blankFinish := m.lineBlockLineNode(bm, lineno)
	m.add(line)
	if p := m.node.Parent(); p != nil {
		m.ds.appendMsgs(p, msgs)
	}
	m.blankFinish = blankFinish
	return resStay
}

// lineBlockLineNode is Body.line_block_line.
func (m *machine) lineBlockLineNode(bm bodyMatch, lineno int) (*doctree.Element, []*doctree.Element, bool) {
	marker := m.line[:bm.end]
	full := m.line
	indented, _, _, blankFinish := m.getFirstKnownIndented(cpLen(marker), true, true, true)
	text := strings.Join(indented.data, "\n")
	textNodes, msgs := m.inlineText(text, lineno)
	line := doctree.NewTextElement(doctree.TagLine, text, "", textNodes...)
	if pyRstrip(full) != "|" { // not empty
		m.ds.setIndent(line, len(marker)-1-1)
	} else {
		m.ds.setIndent(line, -1)
	}
	return line, msgs, blankFinish
}

// setIndent records a line element's indentation (docutils' line.indent,
// which is not an attribute); -1 records None.
func (ds *docState) setIndent(line *doctree.Element, indent int) {
	if ds.lineIndent == nil {
		ds.lineIndent = map[*doctree.Element]int{}
	}
	ds.lineIndent[line] = indent
}

// indentOf returns a line's indentation: the recorded one, or, for lines
// made elsewhere (the line-block directive), the leading white space of
// its raw source when that is not blank, as the directive computes it.
func (ds *docState) indentOf(e *doctree.Element) (int, bool) {
	if v, ok := ds.lineIndent[e]; ok {
		return v, v >= 0
	}
	if e.Tag == doctree.TagLine && !isBlank(e.RawSource) {
		return leadingSpace(e.RawSource), true
	}
	return 0, false
}

// nestLineBlockLines is Body.nest_line_block_lines: lines without an
// indentation take the previous line's, then lines are nested by
// indentation.
func (ds *docState) nestLineBlockLines(block *doctree.Element) {
	for i := 1; i < len(block.Children); i++ {
		e, ok := block.Children[i].(*doctree.Element)
		if !ok {
			continue
		}
		if _, has := ds.indentOf(e); !has {
			if prev, ok := block.Children[i-1].(*doctree.Element); ok {
				if v, has := ds.indentOf(prev); has {
					ds.setIndent(e, v)
				}
			}
		}
	}
	ds.nestLineBlockSegment(block)
}

// nestLineBlockSegment is Body.nest_line_block_segment.
func (ds *docState) nestLineBlockSegment(block *doctree.Element) {
	indentOf := func(n doctree.Node) int {
		if e, ok := n.(*doctree.Element); ok {
			if v, has := ds.indentOf(e); has {
				return v
			}
		}
		return 0
	}
	if len(block.Children) == 0 {
		return
	}
	least := indentOf(block.Children[0])
	for _, c := range block.Children[1:] {
		if v := indentOf(c); v < least {
			least = v
		}
	}
	var newItems []doctree.Node
	newBlock := doctree.NewElement(doctree.TagLineBlock)
	for _, item := range block.Children {
		if indentOf(item) > least {
			newBlock.Append(item)
		} else {
			if len(newBlock.Children) > 0 {
				ds.nestLineBlockSegment(newBlock)
				newItems = append(newItems, newBlock)
				newBlock = doctree.NewElement(doctree.TagLineBlock)
			}
			newItems = append(newItems, item)
		}
	}
	if len(newBlock.Children) > 0 {
		ds.nestLineBlockSegment(newBlock)
		newItems = append(newItems, newBlock)
	}
	block.Children = nil
	ds.appendTo(block, newItems...)
}
