package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// envKey holds the document's *mdEnv in the goldmark context.
var envKey = parser.NewContextKey()

// mdEnv is what markdown-it keeps in its env across every parse of one
// document (the main text and each nested parse of directive content):
// link reference definitions, footnote labels and definitions, and the
// renderer's flags.
type mdEnv struct {
	// refs maps goldmark's normalised labels to the first definition.
	refs map[string]parser.Reference
	// refCount numbers the definitions seen by the current parse, to match
	// them with their AST nodes for line numbers.
	refCount int
	dupRefs  []*dupRef
	// footnoteLabels are the labels of every footnote definition parsed.
	footnoteLabels map[string]bool
	// footDefs are the definitions met while rendering, by label, in order.
	footDefs map[string][]footDef
	// matchTitles is markdown-it's env["match_titles"]: nil is None.
	matchTitles *bool
	// relativeImages and relativeDocs are set while rendering a file
	// included with those options of the include directive.
	relativeImages *string
	relativeDocs   *relativeDocs
	// subRefs are the substitution keys being rendered, to stop cycles.
	subRefs map[string]int
}

type relativeDocs struct{ prefix, sourceDir, includeDir string }

// dupRef is a duplicate link reference definition, reported at the end.
type dupRef struct {
	label string
	seq   int // index among the definitions of its parse
	line  int
}

// footDef is a footnote definition and the text it was parsed from.
type footDef struct {
	node ast.Node
	u    *unit
}

func newEnv() *mdEnv {
	return &mdEnv{
		refs:           map[string]parser.Reference{},
		footnoteLabels: map[string]bool{},
		footDefs:       map[string][]footDef{},
		subRefs:        map[string]int{},
	}
}

func getEnv(pc parser.Context) *mdEnv {
	if e, ok := pc.Get(envKey).(*mdEnv); ok {
		return e
	}
	e := newEnv()
	pc.Set(envKey, e)
	return e
}

// mdContext is a goldmark context whose link references live in the
// document's env, so that a nested parse sees the definitions of the
// parses before it, as markdown-it's shared env does.
type mdContext struct {
	parser.Context
	env *mdEnv
}

func newContext(env *mdEnv, si *srcInfo) *mdContext {
	c := &mdContext{Context: parser.NewContext(), env: env}
	c.Set(envKey, env)
	c.Set(srcKey, si)
	env.refCount = 0
	return c
}

// AddReference keeps the first definition of a label and records later
// ones as duplicates.
func (c *mdContext) AddReference(ref parser.Reference) {
	key := util.ToLinkReference(ref.Label())
	seq := c.env.refCount
	c.env.refCount++
	if _, ok := c.env.refs[key]; ok {
		c.env.dupRefs = append(c.env.dupRefs, &dupRef{label: mdNormalizeReference(string(ref.Label())), seq: seq})
		return
	}
	c.env.refs[key] = ref
}

// Reference looks a normalised label up.
func (c *mdContext) Reference(label string) (parser.Reference, bool) {
	r, ok := c.env.refs[label]
	return r, ok
}

// References returns every definition.
func (c *mdContext) References() []parser.Reference {
	out := make([]parser.Reference, 0, len(c.env.refs))
	for _, r := range c.env.refs {
		out = append(out, r)
	}
	return out
}

// mdNormalizeReference is markdown-it's normalizeReference: white space
// collapsed, case folded to upper case.
func mdNormalizeReference(s string) string {
	s = strings.Join(strings.FieldsFunc(s, isPySpace), " ")
	return strings.ToUpper(strings.ToLower(s))
}
