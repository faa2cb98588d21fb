package rst

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// host is the directives.Host of one directive run: docutils' state and
// state_machine as the directive sees them.
type host struct {
	m *machine
	// views are the line lists handed to the directive (its content), so
	// that content given back to NestedParse keeps its link to the input
	// (docutils passes StringList views around), which keeps lines
	// inserted by a nested include in step with the enclosing machines.
	views []*stringList
}

var _ directives.Host = (*host)(nil)

func (h *host) Document() *doctree.Document   { return h.m.ds.doc }
func (h *host) Reporter() *doctree.Reporter   { return h.m.ds.rep }
func (h *host) Language() string              { return h.m.ds.lang }
func (h *host) CurrentNode() *doctree.Element { return h.m.node }
func (h *host) MatchTitles() bool             { return h.m.matchTitles }
func (h *host) Registry() *directives.Registry {
	return h.m.ds.reg
}

func (h *host) SourceAndLine(lineno int) (string, int) {
	return h.m.getSourceAndLine(lineno, true)
}

// view finds the line list content came from, keeping its link to its
// parent; content made by the directive itself gets a fresh list.
func (h *host) view(c directives.Content) *stringList {
	if len(c.Lines) > 0 {
		first := &c.Lines[0]
		for _, v := range h.views {
			for k := range v.data {
				if &v.data[k] == first && k+len(c.Lines) <= len(v.data) {
					if k == 0 && len(c.Lines) == len(v.data) {
						return v // the very list given to the directive
					}
					return v.slice(k, k+len(c.Lines))
				}
			}
		}
	}
	return fromContent(c)
}

func (h *host) NestedParse(content directives.Content, offset int, node *doctree.Element, matchTitles bool) {
	h.m.nestedParse(h.view(content), offset, node, matchTitles, stBody)
}

func (h *host) ParseInline(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return h.m.inlineText(text, lineno)
}

func (h *host) BlockQuote(content directives.Content, offset int) []doctree.Node {
	return h.m.blockQuote(h.view(content), offset)
}

func (h *host) NestLineBlockLines(block *doctree.Element) { h.m.ds.nestLineBlockLines(block) }

func (h *host) BuildTable(t *directives.TableSpec, tableLine int, stubColumns int, widths string) *doctree.Element {
	return h.m.buildTable(t, tableLine, stubColumns, widths)
}

func (h *host) ParseTarget(block []string, blockText string, lineno int) (kind, data string) {
	return h.m.parseTarget(block, blockText, lineno)
}

func (h *host) InsertInput(lines []string, source string) { h.m.insertInput(lines, source) }

func (h *host) ParseDirectiveBlock(indented directives.Content, lineOffset int, d *directives.Directive, presets map[string]any) ([]string, map[string]any, directives.Content, int, error) {
	args, opts, content, contentOffset, err := h.m.parseDirectiveBlock(h.view(indented), lineOffset, d, presets)
	if err != nil {
		return nil, nil, directives.Content{}, 0, err
	}
	h.views = append(h.views, content)
	return args, opts, content.content(), contentOffset, nil
}

func (h *host) LookupRole(name string, lineno int) (*directives.Role, []*doctree.Element) {
	return h.m.ds.scope.LookupRole(name, h.m.ds.rep, lineno)
}

func (h *host) DefineRole(name string, r *directives.Role) { h.m.ds.scope.DefineRole(name, r) }

func (h *host) SetDefaultRole(name string, r *directives.Role) { h.m.ds.scope.SetDefaultRole(r) }
