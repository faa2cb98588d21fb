// Package directives owns the registry of directives and interpreted-text
// roles that the reStructuredText and Markdown parsers share, and the
// contract between a directive or role and the parser that runs it (Host
// and InlineHost). The standard docutils directives and roles live in
// sub-packages and are registered into a Registry value by the caller: there
// is no global registry, so tests and parallel builds stay independent.
package directives

import (
	"fmt"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// LineItem is the origin of one line of input: its source and 0-based line
// offset in that source (an item of docutils' StringList).
type LineItem struct {
	Source string
	Offset int
}

// Content is a block of input lines with the origin of each line, as
// docutils' StringList. Items is parallel to Lines.
type Content struct {
	Lines []string
	Items []LineItem
}

// NewContent returns content whose lines all come from source, the first
// at 0-based line offset first.
func NewContent(lines []string, source string, first int) Content {
	items := make([]LineItem, len(lines))
	for i := range items {
		items[i] = LineItem{Source: source, Offset: first + i}
	}
	return Content{Lines: lines, Items: items}
}

// Len returns the number of lines.
func (c Content) Len() int { return len(c.Lines) }

// Slice returns lines [i, j) with their origins.
func (c Content) Slice(i, j int) Content {
	return Content{Lines: c.Lines[i:j:j], Items: c.Items[i:j:j]}
}

// Text returns the lines joined with newlines.
func (c Content) Text() string { return strings.Join(c.Lines, "\n") }

// OptionConv converts and validates an option's text. none is true when the
// option was given with no value (docutils passes None). The error's text is
// docutils' wording; the parser wraps it into its "invalid option value"
// message.
type OptionConv func(arg string, none bool) (any, error)

// Directive describes one directive: how its block is split into
// arguments, options and content, and the function that runs it.
type Directive struct {
	RequiredArguments       int
	OptionalArguments       int
	FinalArgumentWhitespace bool
	// OptionSpec maps option names to converters; nil means the directive
	// takes no options.
	OptionSpec map[string]OptionConv
	HasContent bool
	Run        func(c *Call) ([]doctree.Node, error)
}

// Call is one use of a directive in a document (docutils' Directive
// instance).
type Call struct {
	// Name is the directive name as written in the source.
	Name      string
	Arguments []string
	Options   map[string]any
	Content   Content
	// Lineno is the absolute line number of the directive's first line.
	Lineno int
	// ContentOffset is the absolute line offset of the content's first line.
	ContentOffset int
	BlockText     string
	Host          Host
}

// Error is a problem that ends a directive: the parser reports it at Level
// with the directive's block text attached (docutils' DirectiveError).
type Error struct {
	Level int
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

// Errorf returns an ERROR-level directive error.
func (c *Call) Errorf(format string, args ...any) error {
	return &Error{Level: doctree.LevelError, Msg: fmt.Sprintf(format, args...)}
}

// Warningf returns a WARNING-level directive error.
func (c *Call) Warningf(format string, args ...any) error {
	return &Error{Level: doctree.LevelWarning, Msg: fmt.Sprintf(format, args...)}
}

// Severef returns a SEVERE-level directive error.
func (c *Call) Severef(format string, args ...any) error {
	return &Error{Level: doctree.LevelSevere, Msg: fmt.Sprintf(format, args...)}
}

// Infof returns an INFO-level directive error.
func (c *Call) Infof(format string, args ...any) error {
	return &Error{Level: doctree.LevelInfo, Msg: fmt.Sprintf(format, args...)}
}

// AssertHasContent returns docutils' error for a directive used without
// the content it needs, or nil.
func (c *Call) AssertHasContent() error {
	if len(c.Content.Lines) == 0 {
		return c.Errorf("Content block expected for the \"%s\" directive; none found.", c.Name)
	}
	return nil
}

// AddName moves the "name" option, when given, into node's names and
// registers node as an explicit target (docutils' Directive.add_name).
func (c *Call) AddName(node *doctree.Element) {
	v, ok := c.Options["name"]
	if !ok {
		return
	}
	delete(c.Options, "name")
	s, _ := v.(string)
	name := doctree.FullyNormalizeName(s)
	node.Names = append(node.Names, name)
	c.Host.Document().NoteExplicitTarget(node, node)
}

// TableCell is one cell handed to Host.BuildTable: its span, its offset
// (in lines, from the table's first line) and its text.
type TableCell struct {
	MoreRows, MoreCols int
	Offset             int
	Content            Content
}

// TableSpec is a table's geometry and cells (docutils' tabledata); a nil
// cell is a position covered by a span.
type TableSpec struct {
	ColWidths []int
	HeadRows  [][]*TableCell
	BodyRows  [][]*TableCell
}

// Host is what a directive may ask of the parser running it (docutils'
// self.state and self.state_machine). The reST parser implements it; the
// Markdown parser implements it too, parsing nested content as Markdown.
type Host interface {
	Document() *doctree.Document
	Reporter() *doctree.Reporter
	// Language is the document's language code (for localised names).
	Language() string
	// CurrentNode is the element the directive's output is added to
	// (state_machine.node).
	CurrentNode() *doctree.Element
	// MatchTitles reports whether section titles may appear here.
	MatchTitles() bool
	// SourceAndLine maps an absolute line number to the source and line of
	// the original input (state_machine.get_source_and_line).
	SourceAndLine(lineno int) (source string, line int)
	// NestedParse parses content as body elements into node, starting at
	// the absolute line offset (state.nested_parse).
	NestedParse(content Content, offset int, node *doctree.Element, matchTitles bool)
	// ParseInline parses inline markup (state.inline_text).
	ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element)
	// BlockQuote parses content as a block quote, with attributions
	// (state.block_quote).
	BlockQuote(content Content, offset int) []doctree.Node
	// NestLineBlockLines nests the lines of a line_block by indentation
	// (state.nest_line_block_lines).
	NestLineBlockLines(block *doctree.Element)
	// BuildTable makes a table element from a table spec whose first line
	// is at the absolute line offset tableLine (state.build_table). widths
	// is "", "auto", "grid" or "given".
	BuildTable(t *TableSpec, tableLine int, stubColumns int, widths string) *doctree.Element
	// ParseTarget parses a hyperlink target's block (state.parse_target):
	// kind is "refuri" or "refname".
	ParseTarget(block []string, blockText string, lineno int) (kind, data string)
	// InsertInput inserts lines after the current line, as coming from
	// source (state_machine.insert_input; the include directive).
	InsertInput(lines []string, source string)
	// ParseDirectiveBlock splits a block into arguments, options and
	// content for directive d (state.parse_directive_block); the error is
	// docutils' MarkupError text.
	ParseDirectiveBlock(indented Content, lineOffset int, d *Directive, presets map[string]any) (args []string, opts map[string]any, content Content, contentOffset int, err error)
	// LookupRole finds a role by its (possibly localised) name, with the
	// INFO messages docutils gives for fallbacks.
	LookupRole(name string, lineno int) (*Role, []*doctree.Element)
	// DefineRole adds a role for the rest of this document (role directive).
	DefineRole(name string, r *Role)
	// SetDefaultRole sets the role for interpreted text without an explicit
	// role for the rest of this document; "" restores the default
	// (default-role directive).
	SetDefaultRole(name string, r *Role)
	// Registry is the directive and role registry in use.
	Registry() *Registry
}

// Role describes an interpreted-text role.
type Role struct {
	Fn func(c *RoleCall) ([]doctree.Node, []*doctree.Element)
	// OptionSpec and HasContent say what the role directive accepts when a
	// custom role is based on this one.
	OptionSpec map[string]OptionConv
	HasContent bool
	// Options and Content are bound by the role directive for custom roles
	// and passed to Fn in every call.
	Options map[string]any
	Content []string
}

// RoleCall is one use of a role in inline text.
type RoleCall struct {
	// Name is the role name as written (or the default role's name).
	Name    string
	RawText string
	// Text is the interpreted text, with backslash escapes kept as NUL
	// markers (docutils' escaped text).
	Text    string
	Lineno  int
	Options map[string]any
	Content []string
	Inliner InlineHost
}

// InlineHost is what a role may ask of the inline parser running it.
type InlineHost interface {
	Document() *doctree.Document
	Reporter() *doctree.Reporter
	// Problematic returns a problematic element for rawsource, linked to
	// message (inliner.problematic).
	Problematic(text, rawsource string, message *doctree.Element) *doctree.Element
	// Parent is the element the inline text will go into.
	Parent() *doctree.Element
}
