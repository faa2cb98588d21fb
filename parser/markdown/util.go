package markdown

import "github.com/docbuild/docbuild/doctree"

// isPySpace is Python's str.isspace for one character.
func isPySpace(r rune) bool { return doctree.IsSpace(r) }
