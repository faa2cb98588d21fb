// Package html writes a doctree as semantic HTML5, as docutils' html5
// writer does: one element per node with ids kept, footnotes and citations
// linked both ways, system messages shown, and text and attributes always
// escaped. It renders a single document (docbuild html FILE.rst) and is the
// base that the project HTML builder extends: node handlers can be added or
// replaced per tag, so Sphinx-level nodes render without changing this
// package.
package html

import (
	"html"
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// Options control the HTML output.
type Options struct {
	// RawEnabled lets raw elements with format "html" through; otherwise
	// they are dropped (docutils' raw_enabled applies at parse time too).
	RawEnabled bool
	// Highlight renders a literal block's code; ok false falls back to
	// plain escaped text. nil means no highlighting.
	Highlight func(code, language string) (htmlCode string, ok bool)
	// InitialHeaderLevel is the heading level of top-level sections (h2
	// when the document has a title, as docutils' default).
	InitialHeaderLevel int
	// FootnoteReferences is "brackets" or "superscript".
	FootnoteReferences string
	// Language is the document language for lang attributes and labels.
	Language string
	// Labels are the localised labels (admonition titles, docinfo field
	// names); missing ones fall back to English.
	Labels map[string]string
	// SizeHint is the expected size of the body in bytes (0: unknown), so
	// that the output grows once instead of doubling its way up.
	SizeHint int
}

// Handler renders one element kind. Visit writes the opening markup and
// reports whether the children should be rendered; Depart writes the rest.
type Handler struct {
	Visit  func(t *Translator, e *doctree.Element) (descend bool)
	Depart func(t *Translator, e *doctree.Element)
}

// Translator turns one document into HTML. Create one per document.
type Translator struct {
	Opts     Options
	Doc      *doctree.Document
	handlers map[string]Handler
	b        strings.Builder

	sectionLevel int
	// Head collects elements for <head> (meta tags).
	Head []string
	// Title is the document title as plain text.
	Title string
	// tableHead is set inside a thead, where entries are th.
	tableHead bool
}

// NewTranslator returns a translator for doc with the default handlers.
func NewTranslator(doc *doctree.Document, opts Options) *Translator {
	if opts.InitialHeaderLevel == 0 {
		opts.InitialHeaderLevel = 2
	}
	if opts.FootnoteReferences == "" {
		opts.FootnoteReferences = "brackets"
	}
	if opts.Language == "" {
		opts.Language = "en"
	}
	t := &Translator{Opts: opts, Doc: doc, handlers: map[string]Handler{}}
	for tag, h := range defaultHandlers {
		t.handlers[tag] = h
	}
	return t
}

// SetHandler replaces or adds the handler for a tag.
func (t *Translator) SetHandler(tag string, h Handler) { t.handlers[tag] = h }

// Handler returns the handler a tag renders with, so that a replacement
// can delegate to the handler it replaces.
func (t *Translator) Handler(tag string) (Handler, bool) {
	h, ok := t.handlers[tag]
	return h, ok
}

// SectionLevel is the nesting depth of the section being rendered: 1
// inside a top-level section, 0 outside any.
func (t *Translator) SectionLevel() int { return t.sectionLevel }

// WriteString appends raw HTML to the output.
func (t *Translator) WriteString(s string) { t.b.WriteString(s) }

// WriteText appends escaped text.
func (t *Translator) WriteText(s string) { t.b.WriteString(Escape(s)) }

// Escape escapes text for HTML content and attribute values. The "@" is
// encoded as docutils does, to keep addresses away from harvesters.
func Escape(s string) string {
	s = html.EscapeString(s)
	if strings.Contains(s, "&#39;") {
		s = strings.ReplaceAll(s, "&#39;", "'")
	}
	if strings.Contains(s, "&#34;") {
		s = strings.ReplaceAll(s, "&#34;", "&quot;")
	}
	return strings.ReplaceAll(s, "@", "&#64;")
}

// Body renders the document's children (without the title parts that go
// into the page header) and returns the HTML.
func (t *Translator) Body() string {
	t.b.Reset()
	if t.Opts.SizeHint > 0 {
		t.b.Grow(t.Opts.SizeHint)
	}
	t.Render(t.Doc.Root)
	return t.b.String()
}

// Render renders a node and its subtree.
func (t *Translator) Render(n doctree.Node) {
	switch x := n.(type) {
	case *doctree.Text:
		t.WriteText(x.AsText())
	case *doctree.Element:
		h, ok := t.handlers[x.Tag]
		if !ok {
			h = genericHandler
		}
		descend := true
		if h.Visit != nil {
			descend = h.Visit(t, x)
		}
		if descend {
			t.RenderChildren(x)
		}
		if h.Depart != nil {
			h.Depart(t, x)
		}
	}
}

// RenderString renders n and returns its HTML, leaving the output
// written so far unchanged (for fragments such as titles in a table of
// contents).
func (t *Translator) RenderString(n doctree.Node) string {
	before := t.b.Len()
	t.Render(n)
	all := t.b.String()
	out := all[before:]
	t.b.Reset()
	t.b.WriteString(all[:before])
	return out
}

// RenderChildren renders e's children.
func (t *Translator) RenderChildren(e *doctree.Element) {
	for _, c := range e.Children {
		t.Render(c)
	}
}

// StartTag writes an opening tag with e's first id, its classes plus
// extra classes, and attrs (name, value pairs; values are escaped). Further
// ids become empty spans before the tag, as in docutils.
func (t *Translator) StartTag(e *doctree.Element, tag string, extraClasses string, attrs ...string) {
	t.b.WriteString(t.startTag(e, tag, extraClasses, false, attrs...))
}

// EmptyTag writes a self-closing tag, like StartTag.
func (t *Translator) EmptyTag(e *doctree.Element, tag string, extraClasses string, attrs ...string) {
	t.b.WriteString(t.startTag(e, tag, extraClasses, true, attrs...))
}

func (t *Translator) startTag(e *doctree.Element, tag, extraClasses string, empty bool, attrs ...string) string {
	var b strings.Builder
	var ids []string
	var classes []string
	if extraClasses != "" {
		classes = append(classes, strings.Fields(extraClasses)...)
	}
	if e != nil {
		ids = e.IDs
		classes = append(classes, e.Classes...)
	}
	if len(ids) > 1 {
		for _, id := range ids[1:] {
			b.WriteString(`<span id="` + Escape(id) + `"></span>`)
		}
	}
	b.WriteByte('<')
	b.WriteString(tag)
	type kv struct{ k, v string }
	var all []kv
	if len(classes) > 0 {
		all = append(all, kv{"class", strings.Join(dedupe(classes), " ")})
	}
	if len(ids) > 0 {
		all = append(all, kv{"id", ids[0]})
	}
	for i := 0; i+1 < len(attrs); i += 2 {
		all = append(all, kv{attrs[i], attrs[i+1]})
	}
	for _, a := range all {
		b.WriteByte(' ')
		b.WriteString(a.k)
		b.WriteString(`="`)
		b.WriteString(Escape(a.v))
		b.WriteByte('"')
	}
	if empty {
		b.WriteString(" />")
	} else {
		b.WriteByte('>')
	}
	return b.String()
}

func dedupe(s []string) []string {
	out := s[:0:0]
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Label returns the localised label for a name (an admonition or docinfo
// field), falling back to English.
func (t *Translator) Label(name string) string {
	if l, ok := t.Opts.Labels[name]; ok {
		return l
	}
	if l, ok := englishLabels[name]; ok {
		return l
	}
	return name
}

var englishLabels = map[string]string{
	"author": "Author", "authors": "Authors", "organization": "Organization",
	"address": "Address", "contact": "Contact", "version": "Version",
	"revision": "Revision", "status": "Status", "date": "Date",
	"copyright": "Copyright", "dedication": "Dedication", "abstract": "Abstract",
	"attention": "Attention!", "caution": "Caution!", "danger": "!DANGER!",
	"error": "Error", "hint": "Hint", "important": "Important", "note": "Note",
	"tip": "Tip", "warning": "Warning", "contents": "Contents",
}

// simple wraps a tag around the children, with ids and classes.
func simple(tag, classes string) Handler {
	return Handler{
		Visit:  func(t *Translator, e *doctree.Element) bool { t.StartTag(e, tag, classes); return true },
		Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</" + tag + ">") },
	}
}

// block is simple plus a newline after the closing tag.
func block(tag, classes string) Handler {
	return Handler{
		Visit: func(t *Translator, e *doctree.Element) bool {
			t.StartTag(e, tag, classes)
			t.WriteString("\n")
			return true
		},
		Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</" + tag + ">\n") },
	}
}

func skip() Handler {
	return Handler{Visit: func(*Translator, *doctree.Element) bool { return false }}
}

// genericHandler renders unknown elements as a span or div carrying their
// tag as a class, so nothing is lost silently.
var genericHandler = Handler{
	Visit: func(t *Translator, e *doctree.Element) bool {
		tag := "div"
		if e.Is(doctree.ClassInline) {
			tag = "span"
		}
		t.StartTag(e, tag, e.Tag)
		return true
	},
	Depart: func(t *Translator, e *doctree.Element) {
		if e.Is(doctree.ClassInline) {
			t.WriteString("</span>")
		} else {
			t.WriteString("</div>\n")
		}
	},
}

var defaultHandlers map[string]Handler

func init() {
	defaultHandlers = map[string]Handler{
		"document":             {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"section":              {Visit: visitSection, Depart: departSection},
		"title":                {Visit: visitTitle, Depart: departTitle},
		"subtitle":             {Visit: visitSubtitle, Depart: departSubtitle},
		"rubric":               block("p", "rubric"),
		"paragraph":            {Visit: visitParagraph, Depart: departParagraph},
		"compound":             block("div", "compound"),
		"container":            block("div", "docutils container"),
		"bullet_list":          {Visit: visitBulletList, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</ul>\n") }},
		"enumerated_list":      {Visit: visitEnumList, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</ol>\n") }},
		"list_item":            {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "li", ""); return true }, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</li>\n") }},
		"definition_list":      {Visit: visitDefList, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dl>\n") }},
		"definition_list_item": {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"term":                 {Visit: visitTerm, Depart: departTerm},
		"classifier":           {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "span", "classifier"); return true }, Depart: departClassifier},
		"definition":           {Visit: visitDefinition, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dd>\n") }},
		"field_list":           {Visit: visitFieldList, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dl>\n") }},
		"field":                {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"field_name":           {Visit: visitFieldName, Depart: func(t *Translator, e *doctree.Element) { t.WriteString(`<span class="colon">:</span></dt>` + "\n") }},
		"field_body":           {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "dd", ""); return true }, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dd>\n") }},
		"option_list": {Visit: func(t *Translator, e *doctree.Element) bool {
			t.StartTag(e, "dl", "option-list")
			t.WriteString("\n")
			return true
		}, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dl>\n") }},
		"option_list_item": {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"option_group":     {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "dt", ""); return true }, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dt>\n") }},
		"option":           {Visit: visitOption, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</kbd>") }},
		"option_string":    {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"option_argument":  {Visit: visitOptionArgument, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</var>") }},
		"description":      {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "dd", ""); return true }, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dd>\n") }},
		"literal_block":    {Visit: visitLiteralBlock},
		"doctest_block":    {Visit: visitDoctest},
		"math_block":       {Visit: visitMathBlock},
		"line_block":       block("div", "line-block"),
		"line":             {Visit: visitLine, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</div>\n") }},
		"block_quote":      block("blockquote", ""),
		"attribution": {Visit: func(t *Translator, e *doctree.Element) bool {
			t.StartTag(e, "p", "attribution")
			t.WriteString("—")
			return true
		}, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</p>\n") }},
		"admonition": {Visit: visitAdmonition, Depart: departAdmonition},
		"topic":      {Visit: visitTopic, Depart: func(t *Translator, e *doctree.Element) { t.WriteString(departTopicTag(e)) }},
		"sidebar":    block("aside", "sidebar"),
		"transition": {Visit: func(t *Translator, e *doctree.Element) bool {
			t.EmptyTag(e, "hr", "docutils")
			t.WriteString("\n")
			return false
		}},
		"comment":                 {Visit: visitComment},
		"substitution_definition": skip(),
		"pending":                 skip(),
		"meta":                    {Visit: visitMeta},
		"target":                  {Visit: visitTarget, Depart: departTarget},
		"footnote":                {Visit: visitFootnote, Depart: departFootnote},
		"citation":                {Visit: visitCitation, Depart: departCitation},
		"label":                   {Visit: visitLabel, Depart: departLabel},
		"footnote_reference":      {Visit: visitFootnoteRef},
		"citation_reference":      {Visit: visitCitationRef, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("]</a>") }},
		"reference":               {Visit: visitReference, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</a>") }},
		"figure":                  {Visit: visitFigure, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</figure>\n") }},
		"caption":                 block("figcaption", ""),
		"legend":                  block("div", "legend"),
		"image":                   {Visit: visitImage},
		"table":                   {Visit: visitTable, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</table>\n") }},
		"tgroup":                  {Visit: visitTgroup},
		"colspec":                 skip(),
		"thead": {Visit: func(t *Translator, e *doctree.Element) bool {
			t.tableHead = true
			t.StartTag(e, "thead", "")
			t.WriteString("\n")
			return true
		}, Depart: func(t *Translator, e *doctree.Element) { t.tableHead = false; t.WriteString("</thead>\n") }},
		"tbody":           block("tbody", ""),
		"row":             {Visit: func(t *Translator, e *doctree.Element) bool { t.StartTag(e, "tr", ""); return true }, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</tr>\n") }},
		"entry":           {Visit: visitEntry, Depart: departEntry},
		"system_message":  {Visit: visitSystemMessage, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</aside>\n") }},
		"problematic":     {Visit: visitProblematic, Depart: departProblematic},
		"raw":             {Visit: visitRaw},
		"emphasis":        simple("em", ""),
		"strong":          simple("strong", ""),
		"literal":         {Visit: visitLiteral, Depart: departLiteral},
		"title_reference": simple("cite", ""),
		"abbreviation":    simple("abbr", ""),
		"acronym":         simple("abbr", ""),
		"subscript":       simple("sub", ""),
		"superscript":     simple("sup", ""),
		"inline":          simple("span", ""),
		"generated":       {Visit: func(t *Translator, e *doctree.Element) bool { return true }},
		"math":            {Visit: visitMath},
		"header":          block("header", ""),
		"footer":          block("footer", ""),
		"decoration":      {Visit: func(t *Translator, e *doctree.Element) bool { return false }},
		"docinfo":         {Visit: visitDocinfo, Depart: func(t *Translator, e *doctree.Element) { t.WriteString("</dl>\n") }},
		"address":         {Visit: visitDocinfoField, Depart: departDocinfoField},
		"author":          {Visit: visitDocinfoField, Depart: departDocinfoField},
		"authors":         {Visit: visitDocinfoField, Depart: departDocinfoField},
		"contact":         {Visit: visitDocinfoField, Depart: departDocinfoField},
		"copyright":       {Visit: visitDocinfoField, Depart: departDocinfoField},
		"date":            {Visit: visitDocinfoField, Depart: departDocinfoField},
		"organization":    {Visit: visitDocinfoField, Depart: departDocinfoField},
		"revision":        {Visit: visitDocinfoField, Depart: departDocinfoField},
		"status":          {Visit: visitDocinfoField, Depart: departDocinfoField},
		"version":         {Visit: visitDocinfoField, Depart: departDocinfoField},
	}
	for _, a := range []string{"attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning"} {
		defaultHandlers[a] = Handler{Visit: visitAdmonition, Depart: departAdmonition}
	}
}

// ---- structure ----

func visitSection(t *Translator, e *doctree.Element) bool {
	t.sectionLevel++
	t.StartTag(e, "section", "")
	t.WriteString("\n")
	return true
}

func departSection(t *Translator, e *doctree.Element) {
	t.sectionLevel--
	t.WriteString("</section>\n")
}

func visitTitle(t *Translator, e *doctree.Element) bool {
	p := e.Parent()
	switch {
	case p == nil:
		t.StartTag(e, "p", "title")
	case p.Tag == "document":
		t.Title = e.AsText()
		t.StartTag(e, "h1", "title")
	case p.Tag == "section":
		level := t.sectionLevel + t.Opts.InitialHeaderLevel - 1
		if level > 6 {
			level = 6
		}
		t.StartTag(e, "h"+strconv.Itoa(level), "")
		if ref := e.GetString("refid"); ref != "" {
			t.WriteString(`<a class="toc-backref" href="#` + Escape(ref) + `" role="doc-backlink">`)
		}
	case p.Tag == "table":
		t.StartTag(e, "caption", "")
	case p.Tag == "topic" || p.Tag == "sidebar" || p.Is(doctree.ClassAdmonition):
		cls := "topic-title"
		if p.Tag == "sidebar" {
			cls = "sidebar-title"
		} else if p.Is(doctree.ClassAdmonition) {
			cls = "admonition-title"
		}
		t.StartTag(e, "p", cls)
	default:
		t.StartTag(e, "p", "title")
	}
	return true
}

func departTitle(t *Translator, e *doctree.Element) {
	p := e.Parent()
	switch {
	case p == nil:
		t.WriteString("</p>\n")
	case p.Tag == "document":
		t.WriteString("</h1>\n")
	case p.Tag == "section":
		if e.GetString("refid") != "" {
			t.WriteString("</a>")
		}
		level := t.sectionLevel + t.Opts.InitialHeaderLevel - 1
		if level > 6 {
			level = 6
		}
		t.WriteString("</h" + strconv.Itoa(level) + ">\n")
	case p.Tag == "table":
		t.WriteString("</caption>\n")
	default:
		t.WriteString("</p>\n")
	}
}

func visitSubtitle(t *Translator, e *doctree.Element) bool {
	cls := "subtitle"
	if p := e.Parent(); p != nil && p.Tag == "sidebar" {
		cls = "sidebar-subtitle"
	} else if p != nil && p.Tag == "section" {
		cls = "section-subtitle"
	}
	t.StartTag(e, "p", cls)
	return true
}

func departSubtitle(t *Translator, e *doctree.Element) { t.WriteString("</p>\n") }

// ---- paragraphs and lists ----

// compactParagraph reports whether a paragraph is written without <p>:
// the only paragraph of a docinfo field or of an option description, as
// docutils does.
func compactParagraph(e *doctree.Element) bool {
	p := e.Parent()
	if p == nil {
		return false
	}
	if len(e.IDs) > 0 || len(e.Classes) > 0 {
		return false
	}
	switch p.Tag {
	case "description", "author", "organization", "date", "status", "revision", "version", "copyright", "contact":
		return len(p.ChildElements()) == 1
	}
	return false
}

func visitParagraph(t *Translator, e *doctree.Element) bool {
	if !compactParagraph(e) {
		t.StartTag(e, "p", "")
	}
	return true
}

func departParagraph(t *Translator, e *doctree.Element) {
	if !compactParagraph(e) {
		t.WriteString("</p>")
	}
	t.WriteString("\n")
}

// isSimpleList reports whether every item holds at most one paragraph
// (and nested simple lists), so the list can be styled compactly.
func isSimpleList(e *doctree.Element) bool {
	for _, item := range e.ChildElements() {
		kids := item.ChildElements()
		paras := 0
		for _, k := range kids {
			switch k.Tag {
			case "paragraph":
				paras++
			case "bullet_list", "enumerated_list":
				if !isSimpleList(k) {
					return false
				}
			default:
				return false
			}
		}
		if paras > 1 {
			return false
		}
	}
	return true
}

func visitBulletList(t *Translator, e *doctree.Element) bool {
	cls := ""
	if isSimpleList(e) {
		cls = "simple"
	}
	t.StartTag(e, "ul", cls)
	t.WriteString("\n")
	return true
}

func visitEnumList(t *Translator, e *doctree.Element) bool {
	cls := e.GetString("enumtype")
	if isSimpleList(e) {
		cls += " simple"
	}
	var attrs []string
	if start, ok := e.Get("start"); ok {
		attrs = append(attrs, "start", doctree.FormatValue(start))
	}
	t.StartTag(e, "ol", cls, attrs...)
	t.WriteString("\n")
	return true
}

func visitDefList(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "dl", "")
	t.WriteString("\n")
	return true
}

func visitTerm(t *Translator, e *doctree.Element) bool {
	// A term's dt stays open until the definition, so classifiers join it.
	t.StartTag(e, "dt", "")
	return true
}

// dtOpen reports whether the dt opened by a term is still open after e
// (a term or classifier): it stays open while classifiers or the
// definition follow, so they join it.
func dtOpen(e *doctree.Element) bool {
	p := e.Parent()
	if p == nil {
		return false
	}
	i := p.Index(e)
	if i+1 < len(p.Children) {
		if n, ok := p.Children[i+1].(*doctree.Element); ok && (n.Tag == "definition" || n.Tag == "classifier") {
			return true
		}
	}
	return false
}

func departTerm(t *Translator, e *doctree.Element) {
	if !dtOpen(e) {
		t.WriteString("</dt>\n")
	}
}

func departClassifier(t *Translator, e *doctree.Element) {
	t.WriteString("</span>")
	if !dtOpen(e) {
		t.WriteString("</dt>\n")
	}
}

func visitDefinition(t *Translator, e *doctree.Element) bool {
	if p := e.Parent(); p != nil {
		if i := p.Index(e); i > 0 {
			if prev, ok := p.Children[i-1].(*doctree.Element); ok && (prev.Tag == "term" || prev.Tag == "classifier") {
				t.WriteString("</dt>\n")
			}
		}
	}
	t.StartTag(e, "dd", "")
	t.WriteString("\n")
	return true
}

func visitFieldList(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "dl", "field-list simple")
	t.WriteString("\n")
	return true
}

func visitFieldName(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "dt", "")
	return true
}

func visitOption(t *Translator, e *doctree.Element) bool {
	if p := e.Parent(); p != nil && p.Index(e) > 0 {
		t.WriteString(", ")
	}
	t.StartTag(e, "kbd", "")
	return true
}

func visitOptionArgument(t *Translator, e *doctree.Element) bool {
	delim := e.GetString("delimiter")
	if delim == "" {
		delim = " "
	}
	t.WriteText(delim)
	t.StartTag(e, "var", "")
	return true
}

func visitLine(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "div", "line")
	if len(e.Children) == 0 {
		t.WriteString("<br />")
	}
	return true
}

// ---- literal blocks ----

func visitLiteralBlock(t *Translator, e *doctree.Element) bool {
	lang := ""
	if e.HasClass("code") && len(e.Classes) > 1 {
		for _, c := range e.Classes {
			if c != "code" {
				lang = c
				break
			}
		}
	}
	if lang != "" && t.Opts.Highlight != nil {
		if out, ok := t.Opts.Highlight(e.AsText(), lang); ok {
			t.StartTag(e, "pre", "")
			t.WriteString(out)
			t.WriteString("</pre>\n")
			return false
		}
	}
	cls := "literal-block"
	if e.HasClass("code") {
		cls = ""
	}
	t.StartTag(e, "pre", cls)
	t.RenderChildren(e)
	t.WriteString("</pre>\n")
	return false
}

func visitDoctest(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "pre", "code python doctest")
	t.WriteText(e.AsText())
	t.WriteString("</pre>\n")
	return false
}

func visitMathBlock(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "div", "math")
	t.WriteString("\n\\[")
	t.WriteText(e.AsText())
	t.WriteString("\\]\n</div>\n")
	return false
}

func visitMath(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "span", "math")
	t.WriteString("\\(")
	t.WriteText(e.AsText())
	t.WriteString("\\)</span>")
	return false
}

func visitLiteral(t *Translator, e *doctree.Element) bool {
	if e.HasClass("code") {
		t.StartTag(e, "code", "")
		return true
	}
	t.StartTag(e, "span", "docutils literal")
	return true
}

func departLiteral(t *Translator, e *doctree.Element) {
	if e.HasClass("code") {
		t.WriteString("</code>")
		return
	}
	t.WriteString("</span>")
}

// ---- admonitions, topics ----

func visitAdmonition(t *Translator, e *doctree.Element) bool {
	cls := "admonition"
	if e.Tag != "admonition" {
		cls += " " + e.Tag
	}
	t.StartTag(e, "aside", cls)
	t.WriteString("\n")
	if e.Tag != "admonition" {
		t.WriteString(`<p class="admonition-title">` + Escape(t.Label(e.Tag)) + "</p>\n")
	}
	return true
}

func departAdmonition(t *Translator, e *doctree.Element) { t.WriteString("</aside>\n") }

func topicTag(e *doctree.Element) string {
	if e.HasClass("contents") {
		return "nav"
	}
	return "aside"
}

func visitTopic(t *Translator, e *doctree.Element) bool {
	tag := topicTag(e)
	attrs := []string{}
	if tag == "nav" {
		attrs = append(attrs, "role", "doc-toc")
	}
	t.StartTag(e, tag, "topic", attrs...)
	t.WriteString("\n")
	return true
}

func departTopicTag(e *doctree.Element) string { return "</" + topicTag(e) + ">\n" }

func visitComment(t *Translator, e *doctree.Element) bool {
	text := strings.ReplaceAll(e.AsText(), "--", "- -")
	t.WriteString("<!-- " + Escape(text) + " -->\n")
	return false
}

func visitMeta(t *Translator, e *doctree.Element) bool {
	var parts []string
	attrs := append([]doctree.Attr(nil), e.Attrs...)
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
	for _, a := range attrs {
		if s, ok := a.Value.(string); ok {
			parts = append(parts, a.Name+`="`+Escape(s)+`"`)
		}
	}
	t.Head = append(t.Head, "<meta "+strings.Join(parts, " ")+" />")
	return false
}

// ---- targets and references ----

func visitTarget(t *Translator, e *doctree.Element) bool {
	if e.Has("refuri") || e.Has("refid") || e.Has("refname") || len(e.IDs) == 0 {
		if len(e.Children) == 0 {
			return false
		}
		return true
	}
	if len(e.Children) > 0 {
		t.StartTag(e, "span", "target")
		return true
	}
	// An empty internal target: its ids must exist for links to land.
	for _, id := range e.IDs {
		t.WriteString(`<span id="` + Escape(id) + `"></span>`)
	}
	return false
}

func departTarget(t *Translator, e *doctree.Element) {
	if len(e.Children) > 0 && !(e.Has("refuri") || e.Has("refid") || e.Has("refname")) && len(e.IDs) > 0 {
		t.WriteString("</span>")
	}
}

func visitReference(t *Translator, e *doctree.Element) bool {
	cls := "reference"
	href := ""
	if u := e.GetString("refuri"); u != "" || e.Has("refuri") {
		href = u
		cls += " external"
	} else if id := e.GetString("refid"); id != "" {
		href = "#" + id
		cls += " internal"
	}
	attrs := []string{"href", href}
	if href == "" {
		attrs = nil
	}
	t.StartTag(e, "a", cls, attrs...)
	return true
}

func visitFootnoteRef(t *Translator, e *doctree.Element) bool {
	href := "#" + e.GetString("refid")
	if t.Opts.FootnoteReferences == "superscript" {
		t.StartTag(e, "a", "footnote-reference superscript", "href", href, "role", "doc-noteref")
		t.WriteString("<sup>" + Escape(e.AsText()) + "</sup></a>")
		return false
	}
	t.StartTag(e, "a", "footnote-reference brackets", "href", href, "role", "doc-noteref")
	t.WriteString(`<span class="fn-bracket">[</span>` + Escape(e.AsText()) + `<span class="fn-bracket">]</span></a>`)
	return false
}

func visitCitationRef(t *Translator, e *doctree.Element) bool {
	href := "#" + e.GetString("refid")
	if e.GetString("refid") == "" {
		href = "#" + doctree.MakeID(e.GetString("refname"))
	}
	t.StartTag(e, "a", "citation-reference", "href", href, "role", "doc-biblioref")
	t.WriteString("[")
	return true
}

func isFirstOfKind(e *doctree.Element) bool {
	p := e.Parent()
	if p == nil {
		return true
	}
	i := p.Index(e)
	if i == 0 {
		return true
	}
	prev, ok := p.Children[i-1].(*doctree.Element)
	return !ok || prev.Tag != e.Tag
}

func isLastOfKind(e *doctree.Element) bool {
	p := e.Parent()
	if p == nil {
		return true
	}
	i := p.Index(e)
	if i+1 >= len(p.Children) {
		return true
	}
	next, ok := p.Children[i+1].(*doctree.Element)
	return !ok || next.Tag != e.Tag
}

func visitFootnote(t *Translator, e *doctree.Element) bool {
	style := t.Opts.FootnoteReferences
	if isFirstOfKind(e) {
		t.WriteString(`<aside class="footnote-list ` + style + `">` + "\n")
	}
	t.StartTag(e, "aside", "footnote "+style, "role", "note")
	t.WriteString("\n")
	return true
}

func departFootnote(t *Translator, e *doctree.Element) {
	t.WriteString("</aside>\n")
	if isLastOfKind(e) {
		t.WriteString("</aside>\n")
	}
}

func visitCitation(t *Translator, e *doctree.Element) bool {
	if isFirstOfKind(e) {
		t.WriteString(`<div role="list" class="citation-list">` + "\n")
	}
	t.StartTag(e, "div", "citation", "role", "doc-biblioentry")
	t.WriteString("\n")
	return true
}

func departCitation(t *Translator, e *doctree.Element) {
	t.WriteString("</div>\n")
	if isLastOfKind(e) {
		t.WriteString("</div>\n")
	}
}

func visitLabel(t *Translator, e *doctree.Element) bool {
	p := e.Parent()
	t.WriteString(`<span class="label"><span class="fn-bracket">[</span>`)
	if p != nil && len(p.BackRefs()) == 1 {
		t.WriteString(`<a role="doc-backlink" href="#` + Escape(p.BackRefs()[0]) + `">`)
		t.RenderChildren(e)
		t.WriteString("</a>")
		return false
	}
	return true
}

func departLabel(t *Translator, e *doctree.Element) {
	t.WriteString(`<span class="fn-bracket">]</span></span>` + "\n")
	p := e.Parent()
	if p != nil && len(p.BackRefs()) > 1 {
		t.WriteString(`<span class="backrefs">(`)
		for i, r := range p.BackRefs() {
			if i > 0 {
				t.WriteString(",")
			}
			t.WriteString(`<a role="doc-backlink" href="#` + Escape(r) + `">` + strconv.Itoa(i+1) + "</a>")
		}
		t.WriteString(")</span>\n")
	}
}

func visitProblematic(t *Translator, e *doctree.Element) bool {
	if ref := e.GetString("refid"); ref != "" {
		t.WriteString(`<a href="#` + Escape(ref) + `">`)
	}
	t.StartTag(e, "span", "problematic")
	return true
}

func departProblematic(t *Translator, e *doctree.Element) {
	t.WriteString("</span>")
	if e.GetString("refid") != "" {
		t.WriteString("</a>")
	}
}

func visitSystemMessage(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "aside", "system-message")
	t.WriteString("\n")
	var loc []string
	if s := e.GetString("source"); s != "" {
		loc = append(loc, `<span class="docutils literal">`+Escape(s)+`</span>`)
	}
	if l, ok := e.Get("line"); ok {
		loc = append(loc, "line "+doctree.FormatValue(l))
	}
	title := "System Message: " + Escape(e.GetString("type")) + "/" + doctree.FormatValue(e.GetInt("level"))
	if len(loc) > 0 {
		title += " (" + strings.Join(loc, ", ") + ")"
	}
	t.WriteString(`<p class="system-message-title">` + title)
	switch len(e.BackRefs()) {
	case 0:
	case 1:
		t.WriteString(` <a href="#` + Escape(e.BackRefs()[0]) + `">backlink</a>`)
	default:
		t.WriteString("; <em>backlinks: ")
		for i, r := range e.BackRefs() {
			if i > 0 {
				t.WriteString(", ")
			}
			t.WriteString(`<a href="#` + Escape(r) + `">` + strconv.Itoa(i+1) + "</a>")
		}
		t.WriteString("</em>")
	}
	t.WriteString("</p>\n")
	return true
}

func visitRaw(t *Translator, e *doctree.Element) bool {
	if !t.Opts.RawEnabled {
		return false
	}
	for _, f := range strings.Fields(e.GetString("format")) {
		if f == "html" {
			t.WriteString(e.AsText())
			if !e.Is(doctree.ClassInline) {
				t.WriteString("\n")
			}
			break
		}
	}
	return false
}

// ---- figures, images, tables ----

func visitFigure(t *Translator, e *doctree.Element) bool {
	cls := ""
	if a := e.GetString("align"); a != "" {
		cls = "align-" + a
	}
	var attrs []string
	if w := e.GetString("width"); w != "" {
		attrs = append(attrs, "style", "width: "+w)
	}
	t.StartTag(e, "figure", cls, attrs...)
	t.WriteString("\n")
	return true
}

func visitImage(t *Translator, e *doctree.Element) bool {
	uri := e.GetString("uri")
	alt := e.GetString("alt")
	if alt == "" {
		alt = uri
	}
	cls := ""
	if a := e.GetString("align"); a != "" {
		cls = "align-" + a
	}
	var style []string
	for _, dim := range []string{"width", "height"} {
		if v := e.GetString(dim); v != "" {
			if v[len(v)-1] >= '0' && v[len(v)-1] <= '9' {
				v += "px"
			}
			style = append(style, dim+": "+v+";")
		}
	}
	attrs := []string{"src", uri, "alt", alt}
	if len(style) > 0 {
		attrs = append(attrs, "style", strings.Join(style, " "))
	}
	t.EmptyTag(e, "img", cls, attrs...)
	if p := e.Parent(); p == nil || !p.Is(doctree.ClassTextElement) {
		t.WriteString("\n")
	}
	return false
}

func visitTable(t *Translator, e *doctree.Element) bool {
	cls := ""
	if a := e.GetString("align"); a != "" {
		cls = "align-" + a
	}
	var attrs []string
	if w := e.GetString("width"); w != "" {
		attrs = append(attrs, "style", "width: "+w+";")
	}
	t.StartTag(e, "table", cls, attrs...)
	t.WriteString("\n")
	return true
}

func visitTgroup(t *Translator, e *doctree.Element) bool {
	// docutils writes a colgroup only for tables with given widths.
	var widths []int
	total := 0
	for _, c := range e.ChildElements() {
		if c.Tag == "colspec" {
			w := c.GetInt("colwidth")
			widths = append(widths, w)
			total += w
		}
	}
	if p := e.Parent(); p != nil && p.HasClass("colwidths-given") && total > 0 {
		t.WriteString("<colgroup>\n")
		for _, w := range widths {
			t.WriteString(`<col style="width: ` + strconv.Itoa((w*100+total/2)/total) + `%" />` + "\n")
		}
		t.WriteString("</colgroup>\n")
	}
	t.RenderChildren(e)
	return false
}

func visitEntry(t *Translator, e *doctree.Element) bool {
	tag, cls := entryTag(t, e)
	var attrs []string
	if n := e.GetInt("morerows"); n > 0 {
		attrs = append(attrs, "rowspan", strconv.Itoa(n+1))
	}
	if n := e.GetInt("morecols"); n > 0 {
		attrs = append(attrs, "colspan", strconv.Itoa(n+1))
	}
	t.StartTag(e, tag, cls, attrs...)
	return true
}

func departEntry(t *Translator, e *doctree.Element) {
	tag, _ := entryTag(t, e)
	t.WriteString("</" + tag + ">\n")
}

// entryTag returns th for header rows and stub columns, td otherwise.
func entryTag(t *Translator, e *doctree.Element) (tag, class string) {
	if t.tableHead {
		return "th", "head"
	}
	row := e.Parent()
	tg := findAncestor(e, "tgroup")
	if row == nil || tg == nil {
		return "td", ""
	}
	col := 0
	for _, c := range row.ChildElements() {
		if c == e {
			break
		}
		col += 1 + c.GetInt("morecols")
	}
	i := 0
	for _, c := range tg.ChildElements() {
		if c.Tag == "colspec" {
			if i == col && c.Has("stub") {
				return "th", "stub"
			}
			i++
		}
	}
	return "td", ""
}

func findAncestor(e *doctree.Element, tag string) *doctree.Element {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if p.Tag == tag {
			return p
		}
	}
	return nil
}

// ---- docinfo ----

func visitDocinfo(t *Translator, e *doctree.Element) bool {
	t.StartTag(e, "dl", "docinfo")
	t.WriteString("\n")
	return true
}

func visitDocinfoField(t *Translator, e *doctree.Element) bool {
	if p := e.Parent(); p == nil || p.Tag != "docinfo" {
		// an author inside authors
		if e.Tag == "author" {
			t.StartTag(e, "p", "")
		}
		return true
	}
	t.WriteString(`<dt class="` + e.Tag + `">` + Escape(t.Label(e.Tag)) + `<span class="colon">:</span></dt>` + "\n")
	t.StartTag(e, "dd", e.Tag)
	if e.Tag == "address" {
		t.WriteString(`<pre class="address">`)
	}
	return true
}

func departDocinfoField(t *Translator, e *doctree.Element) {
	if p := e.Parent(); p == nil || p.Tag != "docinfo" {
		if e.Tag == "author" {
			t.WriteString("</p>\n")
		}
		return
	}
	if e.Tag == "address" {
		t.WriteString("</pre>\n")
	}
	t.WriteString("</dd>\n")
}
