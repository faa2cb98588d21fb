package rst

import "github.com/docbuild/docbuild/doctree"

// parse is a placeholder until the state machine lands.
func (p *Parser) parse(doc *doctree.Document, input string) {}
