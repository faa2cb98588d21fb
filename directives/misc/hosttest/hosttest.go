// Package hosttest provides a small directives.Host for the unit tests of
// directive packages: it parses nested content as plain paragraphs (or as
// a test decides), builds tables structurally and records what directives
// ask of the parser, so directives can be tested without the reST parser.
package hosttest

import (
	"fmt"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// Host is a fake directives.Host.
type Host struct {
	Doc  *doctree.Document
	Reg  *directives.Registry
	Node *doctree.Element
	// Source is the source every line comes from.
	Source string
	// Nested, when set, replaces the default nested parse (a paragraph
	// per block of non-blank lines).
	Nested func(content directives.Content, offset int, node *doctree.Element)

	// Inserted records InsertInput calls.
	Inserted       [][]string
	InsertedSource []string
	// Roles holds the roles defined with DefineRole.
	Roles map[string]*directives.Role
	// ContentOnFirstLine makes Run place the content on the directive's
	// first line, as for "role:: name".
	ContentOnFirstLine bool
	// DefaultRoleName records SetDefaultRole.
	DefaultRoleName string
	DefaultRole     *directives.Role
}

// New returns a host over a new document named "test data" with default
// settings (except that no message halts), running directives from reg.
func New(reg *directives.Registry) *Host {
	settings := doctree.DefaultSettings()
	settings.HaltLevel = 5
	doc := doctree.NewDocument("test data", settings)
	return &Host{Doc: doc, Reg: reg, Node: doc.Root, Source: "test data", Roles: map[string]*directives.Role{}}
}

// Run runs the directive registered as name with the given parts; the
// options are converted with the directive's option spec, as the parser
// would. The block text is built from the parts.
func (h *Host) Run(name string, args []string, opts map[string]string, content []string) ([]doctree.Node, error) {
	d := h.Reg.Directive(name)
	if d == nil {
		return nil, fmt.Errorf("no directive %q", name)
	}
	conv := map[string]any{}
	block := ".. " + name + "::"
	if len(args) > 0 {
		block += " " + strings.Join(args, " ")
	}
	for k, v := range opts {
		f, ok := d.OptionSpec[k]
		if !ok {
			return nil, fmt.Errorf("unknown option %q", k)
		}
		val, err := f(v, v == "\x00")
		if err != nil {
			return nil, fmt.Errorf("option %s: %v", k, err)
		}
		conv[k] = val
		block += "\n   :" + k + ": " + v
	}
	if len(content) > 0 {
		block += "\n\n   " + strings.Join(content, "\n   ")
	}
	offset := 2
	if h.ContentOnFirstLine {
		offset = 0
	}
	c := &directives.Call{
		Name: name, Arguments: args, Options: conv,
		Content: directives.NewContent(content, h.Source, offset), Lineno: 1, ContentOffset: offset,
		BlockText: block, Host: h,
	}
	return d.Run(c)
}

// Format renders nodes (and a directive error) as pseudo-XML.
func Format(nodes []doctree.Node, err error) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(pseudoxml.Format(n, nil))
	}
	if err != nil {
		if de, ok := err.(*directives.Error); ok {
			fmt.Fprintf(&b, "error %s: %s\n", doctree.LevelNames[de.Level], de.Msg)
		} else {
			fmt.Fprintf(&b, "error: %v\n", err)
		}
	}
	return b.String()
}

// Document returns the document.
func (h *Host) Document() *doctree.Document { return h.Doc }

// Reporter returns the document's reporter.
func (h *Host) Reporter() *doctree.Reporter { return h.Doc.Reporter }

// Language returns "en".
func (h *Host) Language() string { return "en" }

// CurrentNode returns Node.
func (h *Host) CurrentNode() *doctree.Element { return h.Node }

// MatchTitles returns false.
func (h *Host) MatchTitles() bool { return false }

// SourceAndLine returns Source and lineno.
func (h *Host) SourceAndLine(lineno int) (string, int) { return h.Source, lineno }

// NestedParse makes a paragraph of each block of non-blank lines, unless
// Nested is set.
func (h *Host) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	if h.Nested != nil {
		h.Nested(content, offset, node)
		return
	}
	var block []string
	flush := func() {
		if len(block) > 0 {
			text := strings.Join(block, "\n")
			node.Append(doctree.NewTextElement(doctree.TagParagraph, text, text))
			block = nil
		}
	}
	for _, l := range content.Lines {
		if strings.TrimSpace(l) == "" {
			flush()
		} else {
			block = append(block, strings.TrimSpace(l))
		}
	}
	flush()
}

// ParseInline returns the text as one text node.
func (h *Host) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return []doctree.Node{doctree.NewText(text)}, nil
}

// BlockQuote parses content as NestedParse does, in a block quote.
func (h *Host) BlockQuote(content directives.Content, offset int) []doctree.Node {
	bq := doctree.NewElement(doctree.TagBlockQuote)
	h.NestedParse(content, offset, bq, false)
	return []doctree.Node{bq}
}

// NestLineBlockLines does nothing.
func (h *Host) NestLineBlockLines(block *doctree.Element) {}

// BuildTable builds a table as docutils' build_table does, parsing cells
// with NestedParse.
func (h *Host) BuildTable(t *directives.TableSpec, tableLine, stubColumns int, widths string) *doctree.Element {
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
	rows := func(tag string, rows [][]*directives.TableCell) {
		part := doctree.NewElement(tag)
		for _, r := range rows {
			row := doctree.NewElement(doctree.TagRow)
			for _, cell := range r {
				if cell == nil {
					continue
				}
				entry := doctree.NewElement(doctree.TagEntry)
				h.NestedParse(cell.Content, tableLine+cell.Offset, entry, false)
				row.Append(entry)
			}
			part.Append(row)
		}
		tgroup.Append(part)
	}
	if len(t.HeadRows) > 0 {
		rows(doctree.TagThead, t.HeadRows)
	}
	rows(doctree.TagTbody, t.BodyRows)
	return table
}

// ParseTarget is not supported.
func (h *Host) ParseTarget(block []string, blockText string, lineno int) (string, string) {
	return "refuri", strings.Join(block, "")
}

// InsertInput records the lines.
func (h *Host) InsertInput(lines []string, source string) {
	h.Inserted = append(h.Inserted, lines)
	h.InsertedSource = append(h.InsertedSource, source)
}

// ParseDirectiveBlock splits a block into options (":name: value" lines
// up to the first blank line) and content; it supports no arguments.
func (h *Host) ParseDirectiveBlock(indented directives.Content, lineOffset int, d *directives.Directive, presets map[string]any) ([]string, map[string]any, directives.Content, int, error) {
	opts := map[string]any{}
	for k, v := range presets {
		opts[k] = v
	}
	i := 0
	for ; i < indented.Len(); i++ {
		l := strings.TrimSpace(indented.Lines[i])
		if l == "" {
			i++
			break
		}
		if !strings.HasPrefix(l, ":") {
			break
		}
		name, value, _ := strings.Cut(l[1:], ":")
		conv, ok := d.OptionSpec[name]
		if !ok {
			return nil, nil, directives.Content{}, 0, fmt.Errorf("unknown option: \"%s\"", name)
		}
		value = strings.TrimSpace(value)
		v, err := conv(value, value == "")
		if err != nil {
			return nil, nil, directives.Content{}, 0, fmt.Errorf("invalid option value: (option: \"%s\"; value: %s)\n%v", name, doctree.PyStrRepr(value), err)
		}
		opts[name] = v
	}
	content := indented.Slice(i, indented.Len())
	if content.Len() > 0 && !d.HasContent {
		return nil, nil, directives.Content{}, 0, fmt.Errorf("no content permitted")
	}
	return nil, opts, content, lineOffset + i, nil
}

// LookupRole looks name up among the defined roles, then in the registry.
func (h *Host) LookupRole(name string, lineno int) (*directives.Role, []*doctree.Element) {
	if r, ok := h.Roles[strings.ToLower(name)]; ok {
		return r, nil
	}
	return h.Reg.Role(strings.ToLower(name)), nil
}

// DefineRole records the role.
func (h *Host) DefineRole(name string, r *directives.Role) { h.Roles[strings.ToLower(name)] = r }

// SetDefaultRole records the default role.
func (h *Host) SetDefaultRole(name string, r *directives.Role) {
	h.DefaultRoleName, h.DefaultRole = name, r
}

// Registry returns Reg.
func (h *Host) Registry() *directives.Registry { return h.Reg }

var _ directives.Host = (*Host)(nil)
