package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockNestingLimit is markdown-it's maxNesting in the "commonmark"
// preset that MyST uses: the block tokenizer stops at this token level,
// and whatever a container holds past it is dropped. Each block quote
// adds one level, each list two (the list and its item). Besides matching
// MyST's output, the limit keeps deep nesting from costing goldmark time
// that grows with the cube of the depth.
const blockNestingLimit = 20

// mditLevel is the markdown-it level at which the content of n is
// tokenized: one per enclosing block quote, list and list item.
func mditLevel(n ast.Node) int {
	level := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList, ast.KindListItem:
			level++
		}
	}
	return level
}

// nestingGuard wraps the parser of a container that raises the level
// (block quotes, lists): at the limit it opens nothing, so the lines stay
// in the enclosing container, whose content the renderer drops anyway.
type nestingGuard struct {
	parser.BlockParser
}

func (g nestingGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if mditLevel(parent) >= blockNestingLimit {
		return nil, parser.NoChildren
	}
	return g.BlockParser.Open(parent, reader, pc)
}
