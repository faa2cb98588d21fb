// Package rst parses reStructuredText into a doctree exactly as docutils
// 0.19's parser does: the same elements, attributes, line numbers and
// system messages. It owns the line-based state machine (body elements,
// sections, lists, tables, explicit markup) and runs directives from a
// directives.Registry through the directives.Host interface; inline markup
// is parsed by the inline sub-package.
package rst

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Parser parses reStructuredText documents. It holds no per-document state
// and may be used by many goroutines at once.
type Parser struct {
	// Registry supplies directives, roles and languages.
	Registry *directives.Registry
	// LineOffset is the number of source lines before the input: lines
	// are numbered from LineOffset+1, as if that many blank lines came
	// first (MyST's eval-rst pads its text so) but without their cost.
	LineOffset int
}

// Parse parses input (the whole text of one document) into doc.Root, using
// doc.Settings and reporting through doc.Reporter (docutils'
// Parser.parse). Problems in the input become system_message elements in
// the tree; Parse never panics on bad input.
func (p *Parser) Parse(doc *doctree.Document, input string) {
	// Implemented by the state machine (states.go).
	p.parse(doc, input)
}
