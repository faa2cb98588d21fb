// Package inline parses reStructuredText inline markup (emphasis, strong,
// literals, interpreted text and roles, references, targets, footnote and
// citation references, substitution references, standalone URIs and e-mail
// addresses) as docutils 0.19's Inliner does, with the same recognition
// rules and system messages.
package inline

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Inliner parses inline markup for one document. It is not safe for
// concurrent use; each parse makes its own.
type Inliner struct {
	doc   *doctree.Document
	scope *directives.Scope
	// parent is the element the text being parsed goes into.
	parent *doctree.Element
}

// New returns an inliner for doc, with its patterns set up from
// doc.Settings (character_level_inline_markup, pep_references,
// rfc_references), looking roles up in scope.
func New(doc *doctree.Document, scope *directives.Scope) *Inliner {
	return &Inliner{doc: doc, scope: scope}
}

// Parse parses text, whose first line is the absolute line lineno, for
// inclusion in parent. It returns the nodes and the system messages, which
// the caller places after the text's element, as docutils' Inliner.parse.
func (in *Inliner) Parse(text string, lineno int, parent *doctree.Element) ([]doctree.Node, []*doctree.Element) {
	in.parent = parent
	return in.parse(text, lineno)
}

// Document returns the document being parsed.
func (in *Inliner) Document() *doctree.Document { return in.doc }

// Reporter returns the document's reporter.
func (in *Inliner) Reporter() *doctree.Reporter { return in.doc.Reporter }

// Parent returns the element the current text goes into.
func (in *Inliner) Parent() *doctree.Element { return in.parent }

// parse is a placeholder until the inline parser lands: it returns the
// text unparsed.
func (in *Inliner) parse(text string, lineno int) ([]doctree.Node, []*doctree.Element) {
	return []doctree.Node{doctree.NewText(text)}, nil
}
