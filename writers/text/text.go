// Package text writes a doctree as plain text the way Sphinx 5.3's text
// builder does (sphinx.writers.text.TextTranslator): section titles
// underlined with "*=-~\"+`" by level, paragraphs wrapped at 70 columns
// with Sphinx's wrapping rules, bullets and numbers before list items,
// tables drawn as grids, literal blocks indented by three spaces,
// admonitions introduced by their label, footnotes and citations led by
// their bracketed label, and inline markup shown as *emphasis*,
// **strong** and "literal".
//
// The writer is a port of Sphinx's state machine, including its
// peculiarities: paragraphs directly inside an admonition run together,
// an image writes "[image: alt][image]", a figure's caption follows its
// image on the same line, inline target text is dropped, and a table
// cell's paragraphs are joined into one wrapped text.
package text

import (
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// Options change what is written. A nil *Options gives Sphinx's defaults.
type Options struct {
	// SectionChars are the underline characters of the section levels,
	// outermost first; "" means "*=-~\"+`" (Sphinx's text_sectionchars).
	// A section deeper than the string is long takes its last character
	// (Sphinx fails there).
	SectionChars string
	// Newline separates output lines; "" means "\n" (Sphinx's
	// text_newlines: "\r\n" for "windows").
	Newline string
	// Width is the line width; 0 means 70 (Sphinx's MAXWIDTH).
	Width int
	// SecNumbers are the section numbers a numbered toctree gives the
	// document, keyed by "#" and the section's first id ("" for the
	// document itself), as Sphinx's builder.secnumbers. Titles and
	// references with a "secnumber" attribute are numbered only when it
	// is not nil (Sphinx's text_add_secnumbers, on by default, with an
	// empty map when no toctree numbers the document).
	SecNumbers map[string][]int
	// SecNumberSuffix follows a section number; "" means ". " (Sphinx's
	// text_secnumber_suffix).
	SecNumberSuffix string
	// AdmonitionLabels override the English admonition labels ("Note",
	// "See also", ...) by tag.
	AdmonitionLabels map[string]string
	// Warn, when set, is told about elements the writer does not know;
	// their content is written as if they were containers (Sphinx warns
	// "unknown node type" and then fails on leaving them).
	Warn func(node *doctree.Element, msg string)
}

// Component is the text writer as transforms see it: it supports the
// "text" format (Sphinx's TextWriter.supported).
var Component = component{}

type component struct{}

// Supports reports whether format is "text".
func (component) Supports(format string) bool { return format == "text" }

// AdmonitionLabels are Sphinx's English admonition labels
// (sphinx.locale.admonitionlabels).
var AdmonitionLabels = map[string]string{
	"attention": "Attention",
	"caution":   "Caution",
	"danger":    "Danger",
	"error":     "Error",
	"hint":      "Hint",
	"important": "Important",
	"note":      "Note",
	"seealso":   "See also",
	"tip":       "Tip",
	"warning":   "Warning",
}

const stdIndent = 3

// item is one entry of a state: raw text still to be wrapped (indent -1)
// or finished lines at an indent relative to the state's.
type item struct {
	indent int
	text   string
	lines  []string
}

// tableContext is a table being built and its open cell, kept while a
// table nested in that cell is written.
type tableContext struct {
	table *table
	entry *cell
}

type writer struct {
	nl           string
	maxWidth     int
	sectionChars []rune
	secNumbers   map[string][]int
	secSuffix    string
	labels       map[string]string
	warn         func(*doctree.Element, string)

	states         [][]item
	stateIndent    []int
	listCounter    []int
	sectionLevel   int
	lineBlockLevel int
	titleChar      rune
	table          *table
	entry          *cell
	outer          []tableContext
	footnoteLabel  string
	citationLabel  string
	firstOption    bool
	firstParam     bool
	classifiers    int
	body           string
}

// Format returns the plain text of the tree rooted at root, normally a
// document element.
func Format(root *doctree.Element, opts *Options) string {
	if opts == nil {
		opts = &Options{SecNumbers: map[string][]int{}}
	}
	w := &writer{
		nl:           opts.Newline,
		maxWidth:     opts.Width,
		sectionChars: []rune(opts.SectionChars),
		secNumbers:   opts.SecNumbers,
		secSuffix:    opts.SecNumberSuffix,
		labels:       opts.AdmonitionLabels,
		warn:         opts.Warn,
		states:       [][]item{nil},
		stateIndent:  []int{0},
	}
	if w.nl == "" {
		w.nl = "\n"
	}
	if w.maxWidth <= 0 {
		w.maxWidth = 70
	}
	if len(w.sectionChars) == 0 {
		w.sectionChars = []rune("*=-~\"+`")
	}
	if w.secSuffix == "" {
		w.secSuffix = ". "
	}
	if root.Tag == doctree.TagDocument {
		w.node(root)
	} else {
		w.visitDocument()
		w.node(root)
		w.departDocument()
	}
	return w.body
}

// ---- the state machine ----

func (w *writer) addText(s string) {
	w.states[len(w.states)-1] = append(w.states[len(w.states)-1], item{indent: -1, text: s})
}

func (w *writer) newState(indent int) {
	w.states = append(w.states, nil)
	w.stateIndent = append(w.stateIndent, indent)
}

// popState removes the innermost state and its indent. Sphinx would fail
// on an empty stack; the writer keeps one state instead.
func (w *writer) popState() ([]item, int) {
	if len(w.states) < 2 {
		w.states = append(w.states, nil)
		w.stateIndent = append(w.stateIndent, 0)
	}
	content := w.states[len(w.states)-1]
	indent := w.stateIndent[len(w.stateIndent)-1]
	w.states = w.states[:len(w.states)-1]
	w.stateIndent = w.stateIndent[:len(w.stateIndent)-1]
	return content, indent
}

func (w *writer) sumIndent() int {
	s := 0
	for _, i := range w.stateIndent {
		s += i
	}
	return s
}

// endState closes the innermost state: its raw text is wrapped (or split
// into lines when wrap is false) and followed by the end lines, and the
// result goes to the enclosing state at the closed state's indent. first,
// when not nil, is put before the first line, outdented (a bullet, a
// footnote label, an admonition label).
func (w *writer) endState(wrap bool, end []string, first *string) {
	maxIndent := w.sumIndent()
	content, indent := w.popState()
	var result []item
	var toFormat []string
	format := func() {
		if len(toFormat) == 0 {
			return
		}
		text := strings.Join(toFormat, "")
		var res []string
		if wrap {
			res = Wrap(text, w.maxWidth-maxIndent)
		} else {
			res = pyio.SplitLines(text, false)
		}
		res = append(res, end...)
		result = append(result, item{indent: indent, lines: res})
	}
	for _, it := range content {
		if it.indent == -1 {
			toFormat = append(toFormat, it.text)
			continue
		}
		format()
		result = append(result, item{indent: indent + it.indent, lines: it.lines})
		toFormat = nil
	}
	format()
	if first != nil && len(result) > 0 {
		newIndent := result[0].indent - indent
		if len(result[0].lines) == 1 && result[0].lines[0] == "" {
			result = append([]item{{indent: newIndent, lines: []string{*first}}}, result...)
		} else {
			text := *first
			if len(result[0].lines) > 0 {
				text += result[0].lines[0]
				result[0].lines = result[0].lines[1:]
			}
			result = append([]item{{indent: newIndent, lines: []string{text}}}, result...)
		}
	}
	w.states[len(w.states)-1] = append(w.states[len(w.states)-1], result...)
}

var blankEnd = []string{""}

func (w *writer) end() { w.endState(true, blankEnd, nil) }

func strp(s string) *string { return &s }

// ---- traversal ----

func (w *writer) node(n doctree.Node) {
	switch x := n.(type) {
	case *doctree.Text:
		w.addText(x.AsText())
	case *doctree.Element:
		if w.visit(x) {
			return
		}
		for _, c := range x.Children {
			w.node(c)
		}
		w.depart(x)
	}
}

// baseTag maps Sphinx node classes that have no handler of their own to
// the class whose handler Sphinx's method resolution finds.
var baseTag = map[string]string{
	"desc_sig_element":        "inline",
	"desc_sig_space":          "inline",
	"desc_sig_name":           "inline",
	"desc_sig_operator":       "inline",
	"desc_sig_punctuation":    "inline",
	"desc_sig_keyword":        "inline",
	"desc_sig_keyword_type":   "inline",
	"desc_sig_literal_number": "inline",
	"desc_sig_literal_string": "inline",
	"desc_sig_literal_char":   "inline",
}

func (w *writer) isAdmonition(e *doctree.Element) bool {
	return e != nil && (e.Tag == "seealso" || e.Is(doctree.ClassAdmonition))
}

// isLabelled reports whether tag is an admonition written with its label
// (the specific admonitions and "seealso").
func isLabelled(tag string) bool {
	_, ok := AdmonitionLabels[tag]
	return ok
}

func (w *writer) label(tag string) string {
	if l, ok := w.labels[tag]; ok {
		return l
	}
	return AdmonitionLabels[tag]
}

// visit enters an element; it returns true when the element's children
// and departure are to be skipped (docutils' SkipNode).
func (w *writer) visit(e *doctree.Element) bool {
	tag := e.Tag
	if b, ok := baseTag[tag]; ok {
		tag = b
	}
	if isLabelled(tag) {
		w.newState(2)
		return false
	}
	switch tag {
	case "document":
		w.visitDocument()
	case "section":
		level := min(w.sectionLevel, len(w.sectionChars)-1)
		w.titleChar = w.sectionChars[level]
		w.sectionLevel++
	case "topic", "sidebar", "option_list_item", "admonition", "versionmodified",
		"desc_signature", "field_name", "term", "doctest_block", "table":
		w.newState(0)
		if tag == "table" {
			if w.table != nil {
				// Sphinx fails here; the writer draws the inner table
				// into the outer cell.
				w.warnf(e, "nested tables are not supported")
			}
			w.outer = append(w.outer, tableContext{w.table, w.entry})
			w.table, w.entry = &table{}, nil
		}
	case "rubric":
		w.newState(0)
		w.addText("-[ ")
	case "title":
		if w.isAdmonition(e.Parent()) {
			w.addText(e.AsText() + ": ")
			return true
		}
		w.newState(0)
	case "attribution":
		w.addText("-- ")
	case "desc_signature_line", "desc_inline", "desc_name", "desc_addname", "desc_type",
		"desc_annotation", "desc", "compound", "glossary", "subtitle", "caption", "legend",
		"option_list", "option_string", "description", "tgroup", "thead", "line",
		"compact_paragraph", "pending_xref", "download_reference", "generated", "container",
		"math", "field_list", "field", "centered", "hlist", "hlistcol", "definition_list_item",
		"option":
		switch tag {
		case "definition_list_item":
			w.classifiers = len(doctree.FindTag(e, "classifier"))
		case "option":
			if w.firstOption {
				w.firstOption = false
			} else {
				w.addText(", ")
			}
		}
	case "desc_content":
		w.newState(stdIndent)
		w.addText(w.nl)
	case "desc_returns":
		w.addText(" -> ")
	case "desc_parameterlist":
		w.addText("(")
		w.firstParam = true
	case "desc_parameter":
		if !w.firstParam {
			w.addText(", ")
		} else {
			w.firstParam = false
		}
		w.addText(flatText(e))
		return true
	case "desc_optional":
		w.addText("[")
	case "figure", "definition", "field_body", "literal_block", "block_quote", "math_block":
		w.newState(stdIndent)
	case "productionlist":
		w.productionList(e)
		return true
	case "footnote":
		w.footnoteLabel = ""
		if len(e.Children) > 0 {
			w.footnoteLabel = strings.TrimFunc(e.Children[0].AsText(), isSpace)
		}
		w.newState(len([]rune(w.footnoteLabel)) + 3)
	case "citation":
		w.citationLabel = ""
		if len(e.Children) > 0 {
			if l, ok := e.Children[0].(*doctree.Element); ok && l.Tag == "label" {
				w.citationLabel = l.AsText()
			}
		}
		w.newState(len([]rune(w.citationLabel)) + 3)
	case "label", "tabular_col_spec", "target", "index", "toctree", "substitution_definition",
		"comment", "meta":
		return true
	case "option_group":
		w.firstOption = true
	case "option_argument":
		w.addText(e.GetString("delimiter"))
	case "colspec":
		if w.table != nil {
			w.table.colwidth = append(w.table.colwidth, colWidth(e))
		}
		return true
	case "tbody":
		if w.table != nil {
			w.table.setSeparator()
		}
	case "row":
		if w.table != nil && len(w.table.lines) > 0 {
			w.table.addRow()
		}
	case "entry":
		w.entry = &cell{rowspan: e.GetInt("morerows") + 1, colspan: e.GetInt("morecols") + 1}
		w.newState(0)
	case "acks":
		w.acks(e)
		return true
	case "image":
		if alt, ok := e.Get("alt"); ok {
			w.addText("[image: " + doctree.FormatValue(alt) + "]")
		}
		w.addText("[image]")
		return true
	case "transition":
		indent := w.sumIndent()
		w.newState(0)
		w.addText(strings.Repeat("=", max(w.maxWidth-indent, 0)))
		w.end()
		return true
	case "bullet_list":
		w.listCounter = append(w.listCounter, -1)
	case "enumerated_list":
		start := 1
		if v, ok := e.Get("start"); ok {
			if i, ok := v.(int); ok {
				start = i
			}
		}
		w.listCounter = append(w.listCounter, start-1)
	case "definition_list":
		w.listCounter = append(w.listCounter, -2)
	case "list_item":
		switch c := w.counter(); c {
		case -1:
			w.newState(2)
		case -2:
		default:
			c++
			w.listCounter[len(w.listCounter)-1] = c
			w.newState(len(strconv.Itoa(c)) + 2)
		}
	case "classifier":
		w.addText(" : ")
	case "line_block":
		w.newState(stdIndent)
		w.lineBlockLevel++
	case "paragraph":
		if p := e.Parent(); !w.isAdmonition(p) || p.Tag == "seealso" {
			w.newState(0)
		}
	case "reference":
		if w.secNumbers != nil {
			if nums, ok := e.Get("secnumber"); ok {
				if s := joinNumbers(nums); s != "" {
					w.addText(s + w.secSuffix)
				}
			}
		}
	case "number_reference":
		title := "#"
		if v, ok := e.Get("title"); ok {
			title = doctree.FormatValue(v)
		}
		w.addText(doctree.Unescape(title, false))
		return true
	case "emphasis", "literal_emphasis", "title_reference", "manpage":
		w.addText("*")
	case "strong", "literal_strong":
		w.addText("**")
	case "abbreviation":
	case "literal":
		w.addText(`"`)
	case "subscript":
		w.addText("_")
	case "superscript":
		w.addText("^")
	case "footnote_reference", "citation_reference":
		w.addText("[" + e.AsText() + "]")
		return true
	case "inline":
		if e.HasClass("xref") || e.HasClass("term") {
			w.addText("*")
		}
	case "problematic":
		w.addText(">>")
	case "system_message":
		w.newState(0)
		w.addText("<SYSTEM MESSAGE: " + e.AsText() + ">")
		w.end()
		return true
	case "raw":
		if hasFormat(e, "text") {
			w.newState(0)
			w.addText(e.AsText())
			w.endState(false, blankEnd, nil)
		}
		return true
	default:
		w.warnf(e, "unknown node type: "+e.Tag)
		return false
	}
	return false
}

// depart leaves an element.
func (w *writer) depart(e *doctree.Element) {
	tag := e.Tag
	if b, ok := baseTag[tag]; ok {
		tag = b
	}
	if isLabelled(tag) {
		w.departLabelled(tag)
		return
	}
	switch tag {
	case "document":
		w.departDocument()
	case "section":
		w.sectionLevel--
	case "topic", "sidebar", "option_list_item", "admonition", "versionmodified",
		"figure", "definition", "field_body", "block_quote", "math_block", "desc_content":
		w.end()
	case "rubric":
		w.addText(" ]-")
		w.end()
	case "title":
		w.departTitle(e)
	case "desc_signature":
		w.endState(false, nil, nil)
	case "desc_signature_line":
		w.addText("\n")
	case "desc_parameterlist":
		w.addText(")")
	case "desc_optional":
		w.addText("]")
	case "footnote":
		w.endState(true, blankEnd, strp("["+w.footnoteLabel+"] "))
	case "citation":
		w.endState(true, blankEnd, strp("["+w.citationLabel+"] "))
	case "option_group":
		w.addText("     ")
	case "entry":
		content, _ := w.popState()
		parts := make([]string, len(content))
		for i, it := range content {
			if it.indent == -1 {
				// Sphinx joins the characters of a raw string.
				parts[i] = strings.Join(strings.Split(it.text, ""), w.nl)
			} else {
				parts[i] = strings.Join(it.lines, w.nl)
			}
		}
		if w.entry != nil {
			w.entry.text = strings.Join(parts, w.nl)
			if w.table != nil {
				w.table.addCell(w.entry)
			}
		}
		w.entry = nil
	case "table":
		if w.table != nil {
			w.addText(w.table.render(Wrap))
		}
		w.table, w.entry = nil, nil
		if n := len(w.outer); n > 0 {
			w.table, w.entry = w.outer[n-1].table, w.outer[n-1].entry
			w.outer = w.outer[:n-1]
		}
		w.endState(false, blankEnd, nil)
	case "bullet_list", "enumerated_list", "definition_list":
		if len(w.listCounter) > 0 {
			w.listCounter = w.listCounter[:len(w.listCounter)-1]
		}
	case "list_item":
		switch c := w.counter(); c {
		case -1:
			w.endState(true, blankEnd, strp("* "))
		case -2:
		default:
			w.endState(true, blankEnd, strp(strconv.Itoa(c)+". "))
		}
	case "term":
		if w.classifiers == 0 {
			w.endState(true, nil, nil)
		}
	case "classifier":
		w.classifiers--
		if w.classifiers == 0 {
			w.endState(true, nil, nil)
		}
	case "field_name":
		w.addText(":")
		w.endState(true, nil, nil)
	case "literal_block", "doctest_block":
		w.endState(false, blankEnd, nil)
	case "line_block":
		w.lineBlockLevel--
		w.endState(false, nil, nil)
		if w.lineBlockLevel == 0 {
			w.addText("\n")
		}
	case "line":
		w.addText("\n")
	case "paragraph":
		if p := e.Parent(); !w.isAdmonition(p) || p.Tag == "seealso" {
			w.end()
		}
	case "emphasis", "literal_emphasis", "title_reference", "manpage":
		w.addText("*")
	case "strong", "literal_strong":
		w.addText("**")
	case "abbreviation":
		if v, ok := e.Get("explanation"); ok {
			w.addText(" (" + doctree.FormatValue(v) + ")")
		}
	case "literal":
		w.addText(`"`)
	case "inline":
		if e.HasClass("xref") || e.HasClass("term") {
			w.addText("*")
		}
	case "problematic":
		w.addText("<<")
	}
}

func (w *writer) counter() int {
	if len(w.listCounter) == 0 {
		return -1
	}
	return w.listCounter[len(w.listCounter)-1]
}

func (w *writer) warnf(e *doctree.Element, msg string) {
	if w.warn != nil {
		w.warn(e, msg)
	}
}

func (w *writer) visitDocument() { w.newState(0) }

func (w *writer) departDocument() {
	w.end()
	var lines []string
	for _, it := range w.states[0] {
		for _, l := range it.lines {
			if l != "" && it.indent > 0 {
				l = strings.Repeat(" ", it.indent) + l
			}
			lines = append(lines, l)
		}
	}
	w.body = strings.Join(lines, w.nl)
}

func (w *writer) departTitle(e *doctree.Element) {
	char := '^'
	if p := e.Parent(); p != nil && p.Tag == "section" {
		char = w.titleChar
	}
	content, _ := w.popState()
	var b strings.Builder
	for _, it := range content {
		if it.indent == -1 {
			b.WriteString(it.text)
		}
	}
	text := b.String()
	if w.secNumbers != nil {
		text = w.sectionNumber(e) + text
	}
	title := []string{"", text, strings.Repeat(string(char), ColumnWidth(text)), ""}
	if len(w.states) == 2 && len(w.states[1]) == 0 {
		// No blank line before the document's first title.
		title = title[1:]
	}
	w.states[len(w.states)-1] = append(w.states[len(w.states)-1], item{indent: 0, lines: title})
}

// sectionNumber is Sphinx's get_section_number_string.
func (w *writer) sectionNumber(title *doctree.Element) string {
	p := title.Parent()
	if p == nil || p.Tag != "section" || len(p.IDs) == 0 {
		return ""
	}
	nums, ok := w.secNumbers["#"+p.IDs[0]]
	if !ok {
		nums, ok = w.secNumbers[""]
	}
	if !ok {
		return ""
	}
	return joinNumbers(nums) + w.secSuffix
}

func joinNumbers(v any) string {
	var parts []string
	switch x := v.(type) {
	case []int:
		for _, n := range x {
			parts = append(parts, strconv.Itoa(n))
		}
	case []string:
		parts = x
	case []any:
		for _, n := range x {
			parts = append(parts, doctree.FormatValue(n))
		}
	default:
		return ""
	}
	return strings.Join(parts, ".")
}

// departLabelled ends a specific admonition: a short single block follows
// its label on the same line, anything else goes below "Label:".
func (w *writer) departLabelled(tag string) {
	label := w.label(tag)
	n := len([]rune(label))
	indent := w.sumIndent() + n
	cur := w.states[len(w.states)-1]
	if len(cur) == 1 && cur[0].indent == 0 {
		total := 0
		for _, l := range cur[0].lines {
			total += len([]rune(l))
		}
		if w.maxWidth-indent >= total {
			w.stateIndent[len(w.stateIndent)-1] += n
			w.endState(true, blankEnd, strp(label+": "))
			return
		}
	}
	w.states[len(w.states)-1] = append([]item{{indent: 0, lines: []string{w.nl}}}, cur...)
	w.endState(true, blankEnd, strp(label+":"))
}

func (w *writer) productionList(e *doctree.Element) {
	w.newState(stdIndent)
	prods := e.ChildElements()
	maxLen := 0
	for _, p := range prods {
		maxLen = max(maxLen, len([]rune(p.GetString("tokenname"))))
	}
	last, haveLast := "", false
	for _, p := range prods {
		if name := p.GetString("tokenname"); name != "" {
			w.addText(name + strings.Repeat(" ", maxLen-len([]rune(name))) + " ::=")
			last, haveLast = name, true
		} else if haveLast {
			w.addText(strings.Repeat(" ", len([]rune(last))) + "    ")
		}
		w.addText(flatText(p) + w.nl)
	}
	w.endState(false, blankEnd, nil)
}

func (w *writer) acks(e *doctree.Element) {
	var names []string
	if len(e.Children) > 0 {
		if list, ok := e.Children[0].(*doctree.Element); ok {
			for _, li := range list.Children {
				names = append(names, li.AsText())
			}
		}
	}
	w.newState(0)
	w.addText(strings.Join(names, ", ") + ".")
	w.end()
}

// flatText is the text of e's descendants run together, as astext() is
// for Sphinx's text-element nodes (production, desc_parameter), whatever
// categories the doctree knows for their tags.
func flatText(e *doctree.Element) string {
	var b strings.Builder
	doctree.Inspect(e, func(n doctree.Node) bool {
		if t, ok := n.(*doctree.Text); ok {
			b.WriteString(t.AsText())
		}
		return true
	})
	return b.String()
}

// colWidth reads a colspec's colwidth, which docutils stores as an int
// (or, for "auto" widths, may leave as a float).
func colWidth(e *doctree.Element) int {
	switch v, _ := e.Get("colwidth"); x := v.(type) {
	case int:
		return x
	case float64:
		return int(x)
	case string:
		if n, err := strconv.Atoi(x); err == nil {
			return n
		}
	}
	return 0
}

// hasFormat reports whether the element's space-separated "format"
// attribute names format.
func hasFormat(e *doctree.Element, format string) bool {
	for _, f := range strings.Fields(e.GetString("format")) {
		if f == format {
			return true
		}
	}
	return false
}
