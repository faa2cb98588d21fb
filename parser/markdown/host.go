package markdown

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// host is what a directive written in Markdown sees of the parser: MyST's
// MockState and MockStateMachine. Nested content is parsed as Markdown;
// what MyST does not mock raises its MockingError.
type host struct {
	r *renderer
	// lineno is the directive's line; node the element it is added to.
	lineno int
	node   *doctree.Element
}

var _ directives.Host = (*host)(nil)

func (h *host) mock(attr string) {
	panic(&mockingError{"MockState has not yet implemented attribute '" + attr + "'. You can parse RST directly via the `{eval-rst}` directive: https://myst-parser.readthedocs.io/en/latest/syntax/syntax.html#how-directives-parse-content"})
}

// Document returns the document.
func (h *host) Document() *doctree.Document { return h.r.doc }

// Reporter returns the document's reporter.
func (h *host) Reporter() *doctree.Reporter { return h.r.doc.Reporter }

// Language returns the document's language code.
func (h *host) Language() string { return h.r.doc.Settings.LanguageCode }

// CurrentNode returns the element the directive's nodes go into.
func (h *host) CurrentNode() *doctree.Element { return h.node }

// MatchTitles is always true: MyST's mock state machine says so.
func (h *host) MatchTitles() bool { return true }

// SourceAndLine returns the document's source and the line itself (or the
// directive's line for 0).
func (h *host) SourceAndLine(lineno int) (string, int) {
	if lineno == 0 {
		lineno = h.lineno
	}
	return h.r.source, lineno
}

// NestedParse parses content as Markdown into node.
func (h *host) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	h.r.withCurrent(node, func() {
		h.r.nestedRender(strings.Join(content.Lines, "\n"), h.lineno+offset, false, matchTitles)
	})
}

// ParseInline parses text as inline Markdown.
func (h *host) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return h.r.parseInline(text, lineno, h.r.cur), nil
}

// attributionPattern is MyST's MockState.attribution_pattern.
var attributionPattern = regexp.MustCompile(`^((?:---?|\x{2014}) *)(.+)`)

// BlockQuote parses a block quote with an optional attribution (MyST's
// MockState.block_quote).
func (h *host) BlockQuote(content directives.Content, offset int) []doctree.Node {
	lines := content.Lines
	lastBlank := false
	quoteLines := lines
	var attrLines []string
	attrOffset := 0
	for i, line := range lines {
		if pyStrip(line) == "" {
			lastBlank = true
			continue
		}
		if !lastBlank {
			continue
		}
		lastBlank = false
		m := attributionPattern.FindStringSubmatch(line)
		if m == nil || !validAttribution(line, m) {
			continue
		}
		attrOffset = i
		attrLines = []string{m[2]}
		prefix := utf8.RuneCountInString(m[1])
		for _, at := range lines[i+1:] {
			rs := []rune(at)
			indented := ""
			if len(rs) > prefix {
				indented = string(rs[prefix:])
			}
			if utf8.RuneCountInString(indented) != utf8.RuneCountInString(pyLStrip(at)) {
				break
			}
			attrLines = append(attrLines, indented)
		}
		quoteLines = lines[:i]
		break
	}
	quote := doctree.NewElement(doctree.TagBlockQuote)
	h.NestedParse(directives.Content{Lines: quoteLines}, offset, quote, false)
	out := []doctree.Node{quote}
	if len(attrLines) > 0 {
		text := strings.Join(attrLines, "\n")
		lineno := h.lineno + offset + attrOffset
		nodes := h.r.parseInline(text, lineno, h.r.cur)
		attr := doctree.NewTextElement(doctree.TagAttribution, text, "", nodes...)
		attr.Source, attr.Line = h.SourceAndLine(lineno)
		quote.Append(attr)
	}
	return out
}

// validAttribution rejects matches that Python's regex would not make:
// "---" followed by a dash is not a dash prefix ((?!-) in MyST's pattern).
func validAttribution(line string, m []string) bool {
	prefix := strings.TrimRight(m[1], " ")
	if strings.HasPrefix(prefix, "-") {
		rest := line[len(prefix):]
		return !strings.HasPrefix(rest, "-")
	}
	return true
}

// NestLineBlockLines is not mocked by MyST.
func (h *host) NestLineBlockLines(block *doctree.Element) { h.mock("nest_line_block_lines") }

// BuildTable builds a table as docutils' Body.build_table, which MyST
// uses as it is.
func (h *host) BuildTable(t *directives.TableSpec, tableLine int, stubColumns int, widths string) *doctree.Element {
	return buildTable(h, t, tableLine, stubColumns, widths)
}

// ParseTarget joins the block into a URI (MyST's parse_target: no
// indirect targets in Markdown).
func (h *host) ParseTarget(block []string, blockText string, lineno int) (string, string) {
	var b strings.Builder
	for _, l := range block {
		b.WriteString(strings.Join(strings.FieldsFunc(l, isPySpace), ""))
	}
	return "refuri", doctree.Unescape(b.String(), false)
}

// InsertInput is not mocked by MyST.
func (h *host) InsertInput(lines []string, source string) {
	panic(&mockingError{"MockStateMachine has not yet implemented attribute 'insert_input'"})
}

// ParseDirectiveBlock parses a directive block as MyST's mock does: as
// Markdown directive text, with no argument line.
func (h *host) ParseDirectiveBlock(indented directives.Content, lineOffset int, d *directives.Directive, presets map[string]any) ([]string, map[string]any, directives.Content, int, error) {
	if len(presets) > 0 {
		panic(&mockingError{"parse_directive_block: option_presets not implemented"})
	}
	args, opts, body, offset, err := parseDirectiveText(d, "", strings.Join(indented.Lines, "\n"), false)
	if err != nil {
		return nil, nil, directives.Content{}, 0, err
	}
	src := h.r.source
	if len(indented.Items) > 0 {
		src = indented.Items[0].Source
	}
	return args, opts, directives.NewContent(body, src, 0), lineOffset + offset, nil
}

// LookupRole finds a role.
func (h *host) LookupRole(name string, lineno int) (*directives.Role, []*doctree.Element) {
	return h.r.scope.LookupRole(name, h.r.doc.Reporter, lineno)
}

// DefineRole defines a role for the rest of the document.
func (h *host) DefineRole(name string, r *directives.Role) { h.r.scope.DefineRole(name, r) }

// SetDefaultRole sets the default role for the rest of the document.
func (h *host) SetDefaultRole(name string, r *directives.Role) { h.r.scope.SetDefaultRole(r) }

// Registry returns the registry in use.
func (h *host) Registry() *directives.Registry { return h.r.reg }

// inlineHost is MyST's MockInliner, handed to roles.
type inlineHost struct {
	r      *renderer
	parent *doctree.Element
}

var _ directives.InlineHost = (*inlineHost)(nil)

// Document returns the document.
func (i *inlineHost) Document() *doctree.Document { return i.r.doc }

// Reporter returns the document's reporter.
func (i *inlineHost) Reporter() *doctree.Reporter { return i.r.doc.Reporter }

// Parent returns the element the role's nodes go into.
func (i *inlineHost) Parent() *doctree.Element { return i.parent }

// Problematic links a problematic element to message.
func (i *inlineHost) Problematic(text, rawsource string, message *doctree.Element) *doctree.Element {
	msgid := i.r.doc.SetID(message, i.parent, "")
	p := doctree.NewTextElement(doctree.TagProblematic, rawsource, text)
	p.Set("refid", msgid)
	prbid := i.r.doc.SetID(p, nil, "")
	message.AddBackRef(prbid)
	return p
}

// parseInline parses text as inline Markdown (MockInliner.parse) into a
// detached container and returns its children.
func (r *renderer) parseInline(text string, lineno int, parent *doctree.Element) []doctree.Node {
	container := doctree.NewElement("container")
	saved := r.cur
	savedLine := r.line
	r.cur = container
	r.nestedRender(text, lineno, true, r.matchTitlesOr(true))
	r.cur = saved
	r.line = savedLine
	nodes := append([]doctree.Node(nil), container.Children...)
	container.Clear()
	return nodes
}

// matchTitlesOr returns the current match_titles flag, or def when unset.
func (r *renderer) matchTitlesOr(def bool) bool {
	if r.env.matchTitles == nil {
		return def
	}
	return *r.env.matchTitles
}

// buildTable is docutils' Body.build_table and build_table_row, with cell
// content parsed by h.
func buildTable(h directives.Host, t *directives.TableSpec, tableLine int, stubColumns int, widths string) *doctree.Element {
	table := doctree.NewElement(doctree.TagTable)
	switch widths {
	case "auto":
		table.Classes = append(table.Classes, "colwidths-auto")
	case "":
	default:
		table.Classes = append(table.Classes, "colwidths-given")
	}
	tgroup := doctree.NewElement(doctree.TagTgroup)
	tgroup.Set("cols", len(t.ColWidths))
	table.Append(tgroup)
	for _, w := range t.ColWidths {
		cs := doctree.NewElement(doctree.TagColspec)
		cs.Set("colwidth", w)
		if stubColumns > 0 {
			cs.Set("stub", 1)
			stubColumns--
		}
		tgroup.Append(cs)
	}
	row := func(cells []*directives.TableCell) *doctree.Element {
		rowEl := doctree.NewElement(doctree.TagRow)
		for _, c := range cells {
			if c == nil {
				continue
			}
			entry := doctree.NewElement(doctree.TagEntry)
			if c.MoreRows != 0 {
				entry.Set("morerows", c.MoreRows)
			}
			if c.MoreCols != 0 {
				entry.Set("morecols", c.MoreCols)
			}
			rowEl.Append(entry)
			if strings.Join(c.Content.Lines, "") != "" {
				h.NestedParse(c.Content, tableLine+c.Offset, entry, false)
			}
		}
		return rowEl
	}
	if len(t.HeadRows) > 0 {
		thead := doctree.NewElement(doctree.TagThead)
		tgroup.Append(thead)
		for _, r := range t.HeadRows {
			thead.Append(row(r))
		}
	}
	tbody := doctree.NewElement(doctree.TagTbody)
	tgroup.Append(tbody)
	for _, r := range t.BodyRows {
		tbody.Append(row(r))
	}
	return table
}
