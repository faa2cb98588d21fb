package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// The goldmark nodes of the MyST syntax. The block and inline parsers in
// blocks.go and inlines.go make them; render.go turns them into doctree
// elements as MyST's DocutilsRenderer does with the equivalent
// markdown-it tokens.

var (
	kindFrontMatter   = ast.NewNodeKind("MystFrontMatter")
	kindTarget        = ast.NewNodeKind("MystTarget")
	kindLineComment   = ast.NewNodeKind("MystLineComment")
	kindBlockBreak    = ast.NewNodeKind("MystBlockBreak")
	kindColonFence    = ast.NewNodeKind("MystColonFence")
	kindMathBlock     = ast.NewNodeKind("MystMathBlock")
	kindAmsmath       = ast.NewNodeKind("MystAmsmath")
	kindFieldList     = ast.NewNodeKind("MystFieldList")
	kindField         = ast.NewNodeKind("MystField")
	kindFieldName     = ast.NewNodeKind("MystFieldName")
	kindDefList       = ast.NewNodeKind("MystDefList")
	kindDefTerm       = ast.NewNodeKind("MystDefTerm")
	kindDefDesc       = ast.NewNodeKind("MystDefDesc")
	kindFootnoteDef   = ast.NewNodeKind("MystFootnoteDef")
	kindSubstBlock    = ast.NewNodeKind("MystSubstitutionBlock")
	kindRole          = ast.NewNodeKind("MystRole")
	kindFootnoteRef   = ast.NewNodeKind("MystFootnoteRef")
	kindMathInline    = ast.NewNodeKind("MystMathInline")
	kindSubstInline   = ast.NewNodeKind("MystSubstitutionInline")
	kindStrikethrough = ast.NewNodeKind("MystStrikethrough")
)

// frontMatter is the YAML block at the top of a document.
type frontMatter struct {
	ast.BaseBlock
	Content string
	// lines is the number of lines still to consume after the first.
	lines int
}

func (n *frontMatter) Kind() ast.NodeKind { return kindFrontMatter }
func (n *frontMatter) IsRaw() bool        { return true }
func (n *frontMatter) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// target is a "(label)=" line.
type target struct {
	ast.BaseBlock
	Label string
}

func (n *target) Kind() ast.NodeKind { return kindTarget }
func (n *target) IsRaw() bool        { return true }
func (n *target) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.Label}, nil)
}

// lineComment is a run of lines starting with "%".
type lineComment struct {
	ast.BaseBlock
	Content string
}

func (n *lineComment) Kind() ast.NodeKind { return kindLineComment }
func (n *lineComment) IsRaw() bool        { return true }
func (n *lineComment) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// blockBreak is a "+++" line.
type blockBreak struct {
	ast.BaseBlock
	Content string
}

func (n *blockBreak) Kind() ast.NodeKind { return kindBlockBreak }
func (n *blockBreak) IsRaw() bool        { return true }
func (n *blockBreak) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// colonFence is a ":::" fence (colon_fence): Lines hold the content.
type colonFence struct {
	ast.BaseBlock
	Info string
	// char, length and indent describe the opening fence.
	length, indent int
	closed         bool
}

func (n *colonFence) Kind() ast.NodeKind { return kindColonFence }
func (n *colonFence) IsRaw() bool        { return true }
func (n *colonFence) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Info": n.Info}, nil)
}

// mathBlock is "$$ ... $$", with an optional label (dollarmath).
type mathBlock struct {
	ast.BaseBlock
	Content string
	Label   string
	lines   int
}

func (n *mathBlock) Kind() ast.NodeKind { return kindMathBlock }
func (n *mathBlock) IsRaw() bool        { return true }
func (n *mathBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content, "Label": n.Label}, nil)
}

// amsmath is a top-level LaTeX environment (amsmath).
type amsmath struct {
	ast.BaseBlock
	Content  string
	Env      string
	Numbered bool
	lines    int
}

func (n *amsmath) Kind() ast.NodeKind { return kindAmsmath }
func (n *amsmath) IsRaw() bool        { return true }
func (n *amsmath) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// fieldList holds fields (fieldlist).
type fieldList struct{ ast.BaseBlock }

func (n *fieldList) Kind() ast.NodeKind         { return kindFieldList }
func (n *fieldList) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// field is one field: its first child is the fieldName, the others are
// the body.
type field struct {
	ast.BaseBlock
	// indent is the column, relative to the list's, that body lines need.
	indent int
}

func (n *field) Kind() ast.NodeKind { return kindField }
func (n *field) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Indent": strconv.Itoa(n.indent)}, nil)
}

// fieldName holds a field's name as inline text.
type fieldName struct{ ast.BaseBlock }

func (n *fieldName) Kind() ast.NodeKind         { return kindFieldName }
func (n *fieldName) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// defList is a definition list (deflist): defTerm and defDesc children.
type defList struct{ ast.BaseBlock }

func (n *defList) Kind() ast.NodeKind         { return kindDefList }
func (n *defList) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// defTerm is a term line, as inline text.
type defTerm struct{ ast.BaseBlock }

func (n *defTerm) Kind() ast.NodeKind         { return kindDefTerm }
func (n *defTerm) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// defDesc is one definition, holding blocks.
type defDesc struct {
	ast.BaseBlock
	// indent is the indentation, relative to the list, that continuation
	// lines need; blkIndent the absolute column of the content.
	indent, blkIndent int
}

func (n *defDesc) Kind() ast.NodeKind         { return kindDefDesc }
func (n *defDesc) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// footnoteDef is "[^label]: ..." with its blocks.
type footnoteDef struct {
	ast.BaseBlock
	Label string
}

func (n *footnoteDef) Kind() ast.NodeKind { return kindFootnoteDef }
func (n *footnoteDef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.Label}, nil)
}

// substBlock is a line holding only "{{ key }}" (substitution).
type substBlock struct {
	ast.BaseBlock
	Content string
}

func (n *substBlock) Kind() ast.NodeKind { return kindSubstBlock }
func (n *substBlock) IsRaw() bool        { return true }
func (n *substBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// role is "{name}`content`".
type role struct {
	ast.BaseInline
	Name, Content string
}

func (n *role) Kind() ast.NodeKind { return kindRole }
func (n *role) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name, "Content": n.Content}, nil)
}

// footnoteRef is "[^label]" for a defined label.
type footnoteRef struct {
	ast.BaseInline
	Label string
}

func (n *footnoteRef) Kind() ast.NodeKind { return kindFootnoteRef }
func (n *footnoteRef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.Label}, nil)
}

// mathInline is "$...$", or "$$...$$" inside a paragraph (Double).
type mathInline struct {
	ast.BaseInline
	Content string
	Double  bool
}

func (n *mathInline) Kind() ast.NodeKind { return kindMathInline }
func (n *mathInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// substInline is "{{ key }}" inside text.
type substInline struct {
	ast.BaseInline
	Content string
}

func (n *substInline) Kind() ast.NodeKind { return kindSubstInline }
func (n *substInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Content": n.Content}, nil)
}

// strikethrough is "~~text~~" (markdown-it's strikethrough rule: exactly
// two tildes).
type strikethrough struct{ ast.BaseInline }

func (n *strikethrough) Kind() ast.NodeKind         { return kindStrikethrough }
func (n *strikethrough) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// loneTilde is the odd "~" of a run of tildes, which markdown-it keeps as
// text and moves after a closing strikethrough.
type loneTilde struct{ ast.BaseInline }

var kindLoneTilde = ast.NewNodeKind("MystLoneTilde")

func (n *loneTilde) Kind() ast.NodeKind         { return kindLoneTilde }
func (n *loneTilde) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
