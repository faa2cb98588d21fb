// Code generated from the class hierarchy of docutils 0.19 nodes.py; DO NOT EDIT by hand.

package doctree

// Class is a set of docutils element categories (the mixin classes an
// element class derives from).
type Class uint32

// The docutils element categories.
const (
	ClassRoot Class = 1 << iota
	ClassTitular
	ClassPreBibliographic
	ClassBibliographic
	ClassDecorative
	ClassStructural
	ClassBody
	ClassGeneral
	ClassSequential
	ClassAdmonition
	ClassSpecial
	ClassInvisible
	ClassPart
	ClassInline
	ClassReferential
	ClassTargetable
	ClassLabeled
	ClassBackLinkable
	ClassResolvable
	ClassTextElement
	ClassFixedTextElement
)

// The tag names of the docutils element classes.
const (
	TagAbbreviation           = "abbreviation"
	TagAcronym                = "acronym"
	TagAddress                = "address"
	TagAdmonition             = "admonition"
	TagAttention              = "attention"
	TagAttribution            = "attribution"
	TagAuthor                 = "author"
	TagAuthors                = "authors"
	TagBlockQuote             = "block_quote"
	TagBulletList             = "bullet_list"
	TagCaption                = "caption"
	TagCaution                = "caution"
	TagCitation               = "citation"
	TagCitationReference      = "citation_reference"
	TagClassifier             = "classifier"
	TagColspec                = "colspec"
	TagComment                = "comment"
	TagCompound               = "compound"
	TagContact                = "contact"
	TagContainer              = "container"
	TagCopyright              = "copyright"
	TagDanger                 = "danger"
	TagDate                   = "date"
	TagDecoration             = "decoration"
	TagDefinition             = "definition"
	TagDefinitionList         = "definition_list"
	TagDefinitionListItem     = "definition_list_item"
	TagDescription            = "description"
	TagDocinfo                = "docinfo"
	TagDoctestBlock           = "doctest_block"
	TagDocument               = "document"
	TagEmphasis               = "emphasis"
	TagEntry                  = "entry"
	TagEnumeratedList         = "enumerated_list"
	TagError                  = "error"
	TagField                  = "field"
	TagFieldBody              = "field_body"
	TagFieldList              = "field_list"
	TagFieldName              = "field_name"
	TagFigure                 = "figure"
	TagFooter                 = "footer"
	TagFootnote               = "footnote"
	TagFootnoteReference      = "footnote_reference"
	TagGenerated              = "generated"
	TagHeader                 = "header"
	TagHint                   = "hint"
	TagImage                  = "image"
	TagImportant              = "important"
	TagInline                 = "inline"
	TagLabel                  = "label"
	TagLegend                 = "legend"
	TagLine                   = "line"
	TagLineBlock              = "line_block"
	TagListItem               = "list_item"
	TagLiteral                = "literal"
	TagLiteralBlock           = "literal_block"
	TagMath                   = "math"
	TagMathBlock              = "math_block"
	TagMeta                   = "meta"
	TagNote                   = "note"
	TagOption                 = "option"
	TagOptionArgument         = "option_argument"
	TagOptionGroup            = "option_group"
	TagOptionList             = "option_list"
	TagOptionListItem         = "option_list_item"
	TagOptionString           = "option_string"
	TagOrganization           = "organization"
	TagParagraph              = "paragraph"
	TagPending                = "pending"
	TagProblematic            = "problematic"
	TagRaw                    = "raw"
	TagReference              = "reference"
	TagRevision               = "revision"
	TagRow                    = "row"
	TagRubric                 = "rubric"
	TagSection                = "section"
	TagSidebar                = "sidebar"
	TagStatus                 = "status"
	TagStrong                 = "strong"
	TagSubscript              = "subscript"
	TagSubstitutionDefinition = "substitution_definition"
	TagSubstitutionReference  = "substitution_reference"
	TagSubtitle               = "subtitle"
	TagSuperscript            = "superscript"
	TagSystemMessage          = "system_message"
	TagTable                  = "table"
	TagTarget                 = "target"
	TagTbody                  = "tbody"
	TagTerm                   = "term"
	TagTgroup                 = "tgroup"
	TagThead                  = "thead"
	TagTip                    = "tip"
	TagTitle                  = "title"
	TagTitleReference         = "title_reference"
	TagTopic                  = "topic"
	TagTransition             = "transition"
	TagVersion                = "version"
	TagWarning                = "warning"
)

// classes maps each docutils element tag to its categories. Tags added by
// extensions are registered with RegisterClass.
var classes = map[string]Class{
	"abbreviation":            ClassInline | ClassTextElement,
	"acronym":                 ClassInline | ClassTextElement,
	"address":                 ClassBibliographic | ClassTextElement | ClassFixedTextElement,
	"admonition":              ClassBody | ClassAdmonition,
	"attention":               ClassBody | ClassAdmonition,
	"attribution":             ClassPart | ClassTextElement,
	"author":                  ClassBibliographic | ClassTextElement,
	"authors":                 ClassBibliographic,
	"block_quote":             ClassBody | ClassGeneral,
	"bullet_list":             ClassBody | ClassSequential,
	"caption":                 ClassPart | ClassTextElement,
	"caution":                 ClassBody | ClassAdmonition,
	"citation":                ClassBody | ClassGeneral | ClassTargetable | ClassLabeled | ClassBackLinkable | ClassResolvable,
	"citation_reference":      ClassInline | ClassReferential | ClassResolvable | ClassTextElement,
	"classifier":              ClassPart | ClassTextElement,
	"colspec":                 ClassPart,
	"comment":                 ClassPreBibliographic | ClassBody | ClassSpecial | ClassInvisible | ClassTextElement | ClassFixedTextElement,
	"compound":                ClassBody | ClassGeneral,
	"contact":                 ClassBibliographic | ClassTextElement,
	"container":               ClassBody | ClassGeneral,
	"copyright":               ClassBibliographic | ClassTextElement,
	"danger":                  ClassBody | ClassAdmonition,
	"date":                    ClassBibliographic | ClassTextElement,
	"decoration":              ClassPreBibliographic | ClassDecorative,
	"definition":              ClassPart,
	"definition_list":         ClassBody | ClassSequential,
	"definition_list_item":    ClassPart,
	"description":             ClassPart,
	"docinfo":                 ClassBibliographic,
	"doctest_block":           ClassBody | ClassGeneral | ClassTextElement | ClassFixedTextElement,
	"document":                ClassRoot | ClassStructural,
	"emphasis":                ClassInline | ClassTextElement,
	"entry":                   ClassPart,
	"enumerated_list":         ClassBody | ClassSequential,
	"error":                   ClassBody | ClassAdmonition,
	"field":                   ClassPart,
	"field_body":              ClassPart,
	"field_list":              ClassBody | ClassSequential,
	"field_name":              ClassPart | ClassTextElement,
	"figure":                  ClassBody | ClassGeneral,
	"footer":                  ClassPreBibliographic | ClassDecorative,
	"footnote":                ClassBody | ClassGeneral | ClassTargetable | ClassLabeled | ClassBackLinkable | ClassResolvable,
	"footnote_reference":      ClassInline | ClassReferential | ClassResolvable | ClassTextElement,
	"generated":               ClassInline | ClassTextElement,
	"header":                  ClassPreBibliographic | ClassDecorative,
	"hint":                    ClassBody | ClassAdmonition,
	"image":                   ClassBody | ClassGeneral | ClassInline,
	"important":               ClassBody | ClassAdmonition,
	"inline":                  ClassInline | ClassTextElement,
	"label":                   ClassPart | ClassTextElement,
	"legend":                  ClassPart,
	"line":                    ClassPart | ClassTextElement,
	"line_block":              ClassBody | ClassGeneral,
	"list_item":               ClassPart,
	"literal":                 ClassInline | ClassTextElement,
	"literal_block":           ClassBody | ClassGeneral | ClassTextElement | ClassFixedTextElement,
	"math":                    ClassInline | ClassTextElement,
	"math_block":              ClassBody | ClassGeneral | ClassTextElement | ClassFixedTextElement,
	"meta":                    ClassPreBibliographic,
	"note":                    ClassBody | ClassAdmonition,
	"option":                  ClassPart,
	"option_argument":         ClassPart | ClassTextElement,
	"option_group":            ClassPart,
	"option_list":             ClassBody | ClassSequential,
	"option_list_item":        ClassPart,
	"option_string":           ClassPart | ClassTextElement,
	"organization":            ClassBibliographic | ClassTextElement,
	"paragraph":               ClassBody | ClassGeneral | ClassTextElement,
	"pending":                 ClassPreBibliographic | ClassBody | ClassSpecial | ClassInvisible,
	"problematic":             ClassInline | ClassTextElement,
	"raw":                     ClassPreBibliographic | ClassBody | ClassSpecial | ClassInline | ClassTextElement | ClassFixedTextElement,
	"reference":               ClassBody | ClassGeneral | ClassInline | ClassReferential | ClassResolvable | ClassTextElement,
	"revision":                ClassBibliographic | ClassTextElement,
	"row":                     ClassPart,
	"rubric":                  ClassTitular | ClassTextElement,
	"section":                 ClassStructural,
	"sidebar":                 ClassStructural,
	"status":                  ClassBibliographic | ClassTextElement,
	"strong":                  ClassInline | ClassTextElement,
	"subscript":               ClassInline | ClassTextElement,
	"substitution_definition": ClassPreBibliographic | ClassBody | ClassSpecial | ClassInvisible | ClassTextElement,
	"substitution_reference":  ClassInline | ClassTextElement,
	"subtitle":                ClassTitular | ClassPreBibliographic | ClassTextElement,
	"superscript":             ClassInline | ClassTextElement,
	"system_message":          ClassPreBibliographic | ClassBody | ClassSpecial | ClassBackLinkable,
	"table":                   ClassBody | ClassGeneral,
	"target":                  ClassPreBibliographic | ClassBody | ClassSpecial | ClassInvisible | ClassInline | ClassTargetable | ClassResolvable | ClassTextElement,
	"tbody":                   ClassPart,
	"term":                    ClassPart | ClassTextElement,
	"tgroup":                  ClassPart,
	"thead":                   ClassPart,
	"tip":                     ClassBody | ClassAdmonition,
	"title":                   ClassTitular | ClassPreBibliographic | ClassTextElement,
	"title_reference":         ClassInline | ClassTextElement,
	"topic":                   ClassStructural,
	"transition":              ClassStructural,
	"version":                 ClassBibliographic | ClassTextElement,
	"warning":                 ClassBody | ClassAdmonition,
}
