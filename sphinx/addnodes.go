package sphinx

import "github.com/docbuild/docbuild/doctree"

// The tags of Sphinx's node classes (sphinx.addnodes and sphinx.ext.todo).
// They are plain doctree elements; RegisterNodes records their docutils
// categories so that transforms and writers treat them as Sphinx does
// (an index node is invisible, a versionmodified an admonition, ...).
const (
	TagToctree              = "toctree"
	TagCompactParagraph     = "compact_paragraph"
	TagDesc                 = "desc"
	TagDescSignature        = "desc_signature"
	TagDescSignatureLine    = "desc_signature_line"
	TagDescContent          = "desc_content"
	TagDescInline           = "desc_inline"
	TagDescName             = "desc_name"
	TagDescAddname          = "desc_addname"
	TagDescType             = "desc_type"
	TagDescReturns          = "desc_returns"
	TagDescParameterlist    = "desc_parameterlist"
	TagDescParameter        = "desc_parameter"
	TagDescOptional         = "desc_optional"
	TagDescAnnotation       = "desc_annotation"
	TagDescSigSpace         = "desc_sig_space"
	TagDescSigName          = "desc_sig_name"
	TagDescSigOperator      = "desc_sig_operator"
	TagDescSigPunctuation   = "desc_sig_punctuation"
	TagDescSigKeyword       = "desc_sig_keyword"
	TagDescSigKeywordType   = "desc_sig_keyword_type"
	TagDescSigLiteralNumber = "desc_sig_literal_number"
	TagDescSigLiteralString = "desc_sig_literal_string"
	TagDescSigLiteralChar   = "desc_sig_literal_char"
	TagVersionModified      = "versionmodified"
	TagSeeAlso              = "seealso"
	TagProductionList       = "productionlist"
	TagProduction           = "production"
	TagIndex                = "index"
	TagCentered             = "centered"
	TagAcks                 = "acks"
	TagHList                = "hlist"
	TagHListCol             = "hlistcol"
	TagGlossary             = "glossary"
	TagOnly                 = "only"
	TagStartOfFile          = "start_of_file"
	TagHighlightLang        = "highlightlang"
	TagTabularColSpec       = "tabular_col_spec"
	TagPendingXref          = "pending_xref"
	TagPendingXrefCondition = "pending_xref_condition"
	TagNumberReference      = "number_reference"
	TagDownloadReference    = "download_reference"
	TagLiteralEmphasis      = "literal_emphasis"
	TagLiteralStrong        = "literal_strong"
	TagManpage              = "manpage"
	TagTodoNode             = "todo_node"
	TagTodoList             = "todolist"
)

// The docutils categories of the base classes Sphinx's nodes derive from,
// spelled out with their ancestors as package doctree records them.
const (
	catBody       = doctree.ClassBody
	catGeneral    = doctree.ClassBody | doctree.ClassGeneral
	catAdmonition = doctree.ClassBody | doctree.ClassAdmonition
	catInvisible  = doctree.ClassPreBibliographic | doctree.ClassInvisible
	catText       = doctree.ClassTextElement
	catFixed      = doctree.ClassTextElement | doctree.ClassFixedTextElement
	catInline     = doctree.ClassInline
	catPart       = doctree.ClassPart
)

// nodeClasses lists every Sphinx node with the categories of its Python
// class (the mixins it derives from, directly or through a docutils node
// class such as paragraph or reference).
var nodeClasses = map[string]doctree.Class{
	TagToctree:              catGeneral,
	TagDesc:                 catAdmonition,
	TagDescSignature:        catPart | catInline | catText,
	TagDescSignatureLine:    catPart | catInline | catFixed,
	TagDescContent:          catGeneral,
	TagDescInline:           catInline | catText,
	TagDescName:             catPart | catInline | catFixed,
	TagDescAddname:          catPart | catInline | catFixed,
	TagDescType:             catPart | catInline | catFixed,
	TagDescReturns:          catPart | catInline | catFixed,
	TagDescParameterlist:    catPart | catInline | catFixed,
	TagDescParameter:        catPart | catInline | catFixed,
	TagDescOptional:         catPart | catInline | catFixed,
	TagDescAnnotation:       catPart | catInline | catFixed,
	TagDescSigSpace:         catInline | catText,
	TagDescSigName:          catInline | catText,
	TagDescSigOperator:      catInline | catText,
	TagDescSigPunctuation:   catInline | catText,
	TagDescSigKeyword:       catInline | catText,
	TagDescSigKeywordType:   catInline | catText,
	TagDescSigLiteralNumber: catInline | catText,
	TagDescSigLiteralString: catInline | catText,
	TagDescSigLiteralChar:   catInline | catText,
	TagVersionModified:      catAdmonition | catText,
	TagSeeAlso:              catAdmonition,
	TagProductionList:       catAdmonition,
	TagProduction:           catPart | catInline | catFixed,
	TagIndex:                catInvisible | catInline | catText,
	TagCentered:             catPart | catText,
	TagAcks:                 0,
	TagHList:                0,
	TagHListCol:             0,
	TagCompactParagraph:     catGeneral | catText,
	TagGlossary:             0,
	TagOnly:                 0,
	TagStartOfFile:          0,
	TagHighlightLang:        0,
	TagTabularColSpec:       0,
	TagPendingXref:          catInline,
	TagPendingXrefCondition: catInline | catText,
	// number_reference and download_reference derive from reference
	TagNumberReference:   catGeneral | catInline | doctree.ClassReferential | doctree.ClassResolvable | catText,
	TagDownloadReference: catGeneral | catInline | doctree.ClassReferential | doctree.ClassResolvable | catText,
	// literal_emphasis and literal_strong derive from emphasis and strong
	TagLiteralEmphasis: catInline | catText,
	TagLiteralStrong:   catInline | catText,
	TagManpage:         catInline | catFixed,
	TagTodoNode:        catAdmonition,
	TagTodoList:        catGeneral,
}

// descClasses are the classes Sphinx's desc node constructors always add
// (the _desc_classes_injector mixin and desc_sig_element).
var descClasses = map[string][]string{
	TagDescSignature:        {"sig", "sig-object"},
	TagDescInline:           {"sig", "sig-inline"},
	TagDescName:             {"sig-name", "descname"},
	TagDescAddname:          {"sig-prename", "descclassname"},
	TagDescSigSpace:         {"w"},
	TagDescSigName:          {"n"},
	TagDescSigOperator:      {"o"},
	TagDescSigPunctuation:   {"p"},
	TagDescSigKeyword:       {"k"},
	TagDescSigKeywordType:   {"kt"},
	TagDescSigLiteralNumber: {"m"},
	TagDescSigLiteralString: {"s"},
	TagDescSigLiteralChar:   {"sc"},
}

// RegisterNodes records the categories of Sphinx's node classes with
// doctree.RegisterClass. Calling it again is harmless.
func RegisterNodes() {
	for tag, c := range nodeClasses {
		doctree.RegisterClass(tag, c)
	}
}

// NewDescNode returns a node of one of the desc_* tags holding rawsource
// and text, with the classes Sphinx's constructor for that class adds
// ("sig-name descname" for desc_name, "n" for desc_sig_name, ...). For
// desc_inline, domain is added as a class too, as Sphinx's desc_inline
// does; it is ignored for the other tags. A desc_sig_space with no text
// holds one space, as in Sphinx.
func NewDescNode(tag, domain, rawsource, text string) *doctree.Element {
	if tag == TagDescSigSpace && rawsource == "" && text == "" {
		text = " "
	}
	var e *doctree.Element
	if doctree.IsTextElement(tag) {
		e = doctree.NewTextElement(tag, rawsource, text)
	} else {
		e = doctree.NewElement(tag)
		e.RawSource = rawsource
	}
	e.Classes = append(e.Classes, descClasses[tag]...)
	if tag == TagDescInline && domain != "" {
		e.Classes = append(e.Classes, domain)
	}
	return e
}

// RepeatDescClasses does to a tree what copying it does in Sphinx 5.3,
// whose desc node constructors add their classes again when deepcopy
// rebuilds a node from its attributes: each desc node gets its class's
// constructor classes appended once more ("sig sig-object py sig
// sig-object"). Sphinx's XML and pseudo-XML builders write such copies.
func RepeatDescClasses(root *doctree.Element) {
	doctree.Inspect(root, func(n doctree.Node) bool {
		if e, ok := n.(*doctree.Element); ok {
			if cs := descClasses[e.Tag]; cs != nil {
				e.Classes = append(e.Classes, cs...)
			}
		}
		return true
	})
}
