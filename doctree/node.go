// Package doctree owns docbuild's document tree: the node model shared by
// every parser, transform and writer. It mirrors docutils' nodes module so
// that a tree built here dumps to the same pseudo-XML as docutils' and so that
// an extension author's knowledge of docutils carries over: element tag names,
// attribute names and defaults, and the document-wide registries (ids, names,
// footnotes, substitutions) with their system messages.
//
// A tree is made of two node types: *Element, for every docutils element
// class (told apart by Tag), and *Text. Elements are plain structs: the five
// list attributes common to all elements are fields, every other attribute is
// kept in a small ordered slice.
package doctree

import (
	"slices"
	"strings"
)

// Node is an element or a text node.
type Node interface {
	// Parent returns the element that contains this node, or nil.
	Parent() *Element
	// AsText returns the node's text content, as docutils' astext().
	AsText() string
	// DeepCopy returns an independent copy of the node and its descendants,
	// with no parent.
	DeepCopy() Node
	setParent(*Element)
}

// Text is a run of character data. Data may hold NUL characters that mark
// backslash escapes, as in docutils; AsText removes them.
type Text struct {
	Data   string
	parent *Element
}

// NewText returns a text node holding data.
func NewText(data string) *Text { return &Text{Data: data} }

// Parent returns the containing element.
func (t *Text) Parent() *Element { return t.parent }

func (t *Text) setParent(p *Element) { t.parent = p }

// AsText returns the text with escape markers removed.
func (t *Text) AsText() string { return Unescape(t.Data, false) }

// DeepCopy returns a copy of the text node.
func (t *Text) DeepCopy() Node { return &Text{Data: t.Data} }

// Unescape removes the NUL markers that stand for backslash escapes. With
// restoreBackslashes, each marker becomes a backslash again. Otherwise
// escaped whitespace (a marker before a space or newline) disappears
// completely, in the same three passes as docutils.utils.unescape, which
// matters only for input that holds NUL characters of its own.
func Unescape(text string, restoreBackslashes bool) string {
	if strings.IndexByte(text, 0) < 0 {
		return text
	}
	if restoreBackslashes {
		return strings.ReplaceAll(text, "\x00", "\\")
	}
	text = strings.ReplaceAll(text, "\x00 ", "")
	text = strings.ReplaceAll(text, "\x00\n", "")
	return strings.ReplaceAll(text, "\x00", "")
}

// Attr is one attribute of an element other than the five list attributes.
// Value is a string, an int, a bool, a float64, []string, or nil (which
// docutils writes as "True").
type Attr struct {
	Name  string
	Value any
}

// Element is a docutils element. Tag is the docutils class name (tagname).
// Source and Line locate the element in its input; they are not attributes
// and do not appear in pseudo-XML (docutils' node.source and node.line).
type Element struct {
	Tag      string
	IDs      []string
	Classes  []string
	Names    []string
	Attrs    []Attr
	Children []Node

	Source    string
	Line      int
	RawSource string

	// Referenced records that a reference points at this target (docutils'
	// node.referenced, which is not an attribute).
	Referenced bool
	// Resolved records that a reference or target has been resolved
	// (docutils' node.resolved). Unknown-reference resolvers set it too.
	Resolved bool
	// Pending holds the transform and details of a "pending" element.
	Pending *PendingInfo

	// rare holds the fields few elements use, so that the hundreds of
	// thousands of elements of a large project stay small: a 208-byte
	// element instead of 288 (the size classes of Go's allocator).
	rare   *elementRare
	parent *Element
}

// elementRare is the part of an element that is usually empty.
type elementRare struct {
	dupNames []string
	backRefs []string
	// expectByName and expectByID map names and ids that the element took
	// over from propagated targets to those targets, which count as
	// referenced when the element is referenced by that name or id
	// (docutils' expect_referenced_by_name/_id).
	expectByName map[string]*Element
	expectByID   map[string]*Element
}

func (e *Element) ensureRare() *elementRare {
	if e.rare == nil {
		e.rare = &elementRare{}
	}
	return e.rare
}

// DupNames returns the element's dupnames attribute: names it shares with
// another target.
func (e *Element) DupNames() []string {
	if e.rare == nil {
		return nil
	}
	return e.rare.dupNames
}

// SetDupNames replaces the dupnames attribute.
func (e *Element) SetDupNames(names []string) {
	if e.rare == nil && names == nil {
		return
	}
	e.ensureRare().dupNames = names
}

// BackRefs returns the element's backrefs attribute: the ids of the
// references that point at it.
func (e *Element) BackRefs() []string {
	if e.rare == nil {
		return nil
	}
	return e.rare.backRefs
}

// SetBackRefs replaces the backrefs attribute.
func (e *Element) SetBackRefs(ids []string) {
	if e.rare == nil && ids == nil {
		return
	}
	e.ensureRare().backRefs = ids
}

// AddBackRef appends one id to the backrefs attribute.
func (e *Element) AddBackRef(id string) {
	r := e.ensureRare()
	r.backRefs = append(r.backRefs, id)
}

// ExpectReferencedBy returns the maps from the names and ids the element
// took over from propagated targets to those targets (docutils'
// expect_referenced_by_name and expect_referenced_by_id). They are nil
// until SetExpectReferencedBy is called.
func (e *Element) ExpectReferencedBy() (byName, byID map[string]*Element) {
	if e.rare == nil {
		return nil, nil
	}
	return e.rare.expectByName, e.rare.expectByID
}

// SetExpectReferencedBy replaces both maps of ExpectReferencedBy.
func (e *Element) SetExpectReferencedBy(byName, byID map[string]*Element) {
	if e.rare == nil && byName == nil && byID == nil {
		return
	}
	r := e.ensureRare()
	r.expectByName, r.expectByID = byName, byID
}

// PendingInfo is the payload of a pending element: the transform that will
// resolve it (docutils' module-qualified class name, such as
// "docutils.transforms.parts.Contents") and its details.
type PendingInfo struct {
	Transform string
	Details   map[string]any
}

// NewElement returns an element with the given tag and children. Elements
// whose docutils class is a FixedTextElement get xml:space="preserve", as
// docutils' constructor gives them.
func NewElement(tag string, children ...Node) *Element {
	e := &Element{Tag: tag}
	if IsFixedText(tag) {
		e.Attrs = append(e.Attrs, Attr{Name: "xml:space", Value: "preserve"})
	}
	for _, c := range children {
		e.Append(c)
	}
	return e
}

// NewTextElement returns an element of a TextElement class holding rawsource
// and, when text is not empty, one text child (docutils'
// TextElement(rawsource, text)).
func NewTextElement(tag, rawsource, text string, children ...Node) *Element {
	if text != "" && len(children) == 0 {
		// The common case, a paragraph or literal with one text: the
		// element, its text node and its children slice in one
		// allocation instead of three.
		blk := &textElementBlock{}
		e := &blk.elem
		e.Tag = tag
		if IsFixedText(tag) {
			e.Attrs = append(e.Attrs, Attr{Name: "xml:space", Value: "preserve"})
		}
		e.RawSource = rawsource
		blk.text = Text{Data: text, parent: e}
		blk.kids[0] = &blk.text
		e.Children = blk.kids[:1:1]
		return e
	}
	e := NewElement(tag)
	e.RawSource = rawsource
	n := len(children)
	if text != "" {
		n++
	}
	if n > 0 {
		// One allocation for the children instead of one per growth.
		e.Children = make([]Node, 0, n)
	}
	if text != "" {
		e.Append(NewText(text))
	}
	for _, c := range children {
		e.Append(c)
	}
	return e
}

// textElementBlock is what NewTextElement allocates for an element with
// one text child. The three parts live as long as one another in nearly
// every tree; a text replaced later keeps only its block alive.
type textElementBlock struct {
	elem Element
	text Text
	kids [1]Node
}

// Parent returns the containing element.
func (e *Element) Parent() *Element { return e.parent }

func (e *Element) setParent(p *Element) { e.parent = p }

// AsText returns the concatenated text of the children, joined with the
// separator docutils uses for the class: "" for text elements, "\n\n"
// otherwise.
func (e *Element) AsText() string {
	switch e.Tag {
	case "system_message":
		line := ""
		if v, ok := e.Get("line"); ok {
			line = FormatValue(v)
		}
		return e.GetString("source") + ":" + line + ": (" + e.GetString("type") + "/" +
			FormatValue(e.mustGet("level")) + ") " + e.childText()
	case "image":
		// docutils' image.astext: the alternate text
		return e.GetString("alt")
	case "option_argument":
		// docutils' option_argument.astext: the delimiter comes first
		delim := " "
		if v, ok := e.Get("delimiter"); ok {
			delim = FormatValue(v)
		}
		return delim + e.childText()
	}
	return e.childText()
}

func (e *Element) mustGet(name string) any {
	v, _ := e.Get(name)
	return v
}

func (e *Element) childText() string {
	sep := "\n\n"
	if IsTextElement(e.Tag) {
		sep = ""
	}
	if len(e.Children) == 1 {
		return e.Children[0].AsText()
	}
	var b strings.Builder
	for i, c := range e.Children {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(c.AsText())
	}
	return b.String()
}

// DeepCopy returns a copy of the element and its subtree.
func (e *Element) DeepCopy() Node { return e.deepCopy() }

// DeepCopyElement is DeepCopy with the concrete type.
func (e *Element) DeepCopyElement() *Element { return e.deepCopy() }

func (e *Element) deepCopy() *Element {
	c := e.shallowCopy()
	c.Children = make([]Node, 0, len(e.Children))
	for _, ch := range e.Children {
		cc := ch.DeepCopy()
		cc.setParent(c)
		c.Children = append(c.Children, cc)
	}
	return c
}

// Copy returns a copy of the element without children.
func (e *Element) Copy() *Element { return e.shallowCopy() }

func (e *Element) shallowCopy() *Element {
	c := &Element{
		Tag:       e.Tag,
		IDs:       cloneStrings(e.IDs),
		Classes:   cloneStrings(e.Classes),
		Names:     cloneStrings(e.Names),
		Source:    e.Source,
		Line:      e.Line,
		RawSource: e.RawSource,
	}
	if e.rare != nil && (e.rare.dupNames != nil || e.rare.backRefs != nil) {
		c.rare = &elementRare{dupNames: cloneStrings(e.rare.dupNames), backRefs: cloneStrings(e.rare.backRefs)}
	}
	if len(e.Attrs) > 0 {
		c.Attrs = make([]Attr, len(e.Attrs))
		for i, a := range e.Attrs {
			if l, ok := a.Value.([]string); ok {
				a.Value = cloneStrings(l)
			}
			c.Attrs[i] = a
		}
	}
	if e.Pending != nil {
		p := *e.Pending
		p.Details = make(map[string]any, len(e.Pending.Details))
		for k, v := range e.Pending.Details {
			p.Details[k] = v
		}
		c.Pending = &p
	}
	return c
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// ---- children ----

// Append adds nodes at the end of the children, taking them from any
// previous parent's child list first is the caller's business: Append only
// sets the parent pointer.
func (e *Element) Append(nodes ...Node) {
	if len(nodes) > 1 {
		e.Children = slices.Grow(e.Children, len(nodes))
	}
	for _, n := range nodes {
		if n == nil {
			continue
		}
		n.setParent(e)
		e.Children = append(e.Children, n)
	}
}

// Insert inserts nodes before index i.
func (e *Element) Insert(i int, nodes ...Node) {
	if i < 0 {
		i += len(e.Children)
		if i < 0 {
			i = 0
		}
	}
	if i > len(e.Children) {
		i = len(e.Children)
	}
	for _, n := range nodes {
		n.setParent(e)
	}
	e.Children = append(e.Children[:i], append(append([]Node(nil), nodes...), e.Children[i:]...)...)
}

// Index returns the position of child among the children, or -1.
func (e *Element) Index(child Node) int {
	for i, c := range e.Children {
		if c == child {
			return i
		}
	}
	return -1
}

// Remove removes child from the children; it reports whether it was there.
func (e *Element) Remove(child Node) bool {
	i := e.Index(child)
	if i < 0 {
		return false
	}
	e.Children = append(e.Children[:i], e.Children[i+1:]...)
	child.setParent(nil)
	return true
}

// RemoveAt removes and returns the child at index i.
func (e *Element) RemoveAt(i int) Node {
	c := e.Children[i]
	e.Children = append(e.Children[:i], e.Children[i+1:]...)
	c.setParent(nil)
	return c
}

// Replace puts new nodes in the place of old.
func (e *Element) Replace(old Node, repl ...Node) {
	i := e.Index(old)
	if i < 0 {
		return
	}
	old.setParent(nil)
	for _, n := range repl {
		n.setParent(e)
	}
	rest := append([]Node(nil), e.Children[i+1:]...)
	e.Children = append(append(e.Children[:i], repl...), rest...)
}

// ReplaceSelf replaces n in its parent by repl. As docutils' replace_self,
// when repl is a single element without ids, n's basic attributes are carried
// over to it.
func ReplaceSelf(n Node, repl ...Node) {
	p := n.Parent()
	if p == nil {
		return
	}
	if old, ok := n.(*Element); ok && len(repl) == 1 {
		if ne, ok := repl[0].(*Element); ok && len(ne.IDs) == 0 {
			ne.UpdateBasicAtts(old)
		}
	}
	p.Replace(n, repl...)
}

// Clear removes all children.
func (e *Element) Clear() {
	for _, c := range e.Children {
		c.setParent(nil)
	}
	e.Children = nil
}

// ChildElements returns the element children, skipping text.
func (e *Element) ChildElements() []*Element {
	var out []*Element
	for _, c := range e.Children {
		if ce, ok := c.(*Element); ok {
			out = append(out, ce)
		}
	}
	return out
}

// FirstChildWithTag returns the index of the first child element whose tag
// is one of tags, starting at start, or -1.
func (e *Element) FirstChildWithTag(start int, tags ...string) int {
	for i := start; i < len(e.Children); i++ {
		if ce, ok := e.Children[i].(*Element); ok {
			for _, t := range tags {
				if ce.Tag == t {
					return i
				}
			}
		}
	}
	return -1
}

// LastChild returns the last child or nil.
func (e *Element) LastChild() Node {
	if len(e.Children) == 0 {
		return nil
	}
	return e.Children[len(e.Children)-1]
}

// ---- attributes ----

// ListAttr returns a pointer to one of the five list attributes, or nil,
// for changing it; Get reads one without making room for it.
func (e *Element) ListAttr(name string) *[]string {
	switch name {
	case "ids":
		return &e.IDs
	case "classes":
		return &e.Classes
	case "names":
		return &e.Names
	case "dupnames":
		return &e.ensureRare().dupNames
	case "backrefs":
		return &e.ensureRare().backRefs
	}
	return nil
}

// listAttrValue reads one of the five list attributes.
func (e *Element) listAttrValue(name string) ([]string, bool) {
	switch name {
	case "ids":
		return e.IDs, true
	case "classes":
		return e.Classes, true
	case "names":
		return e.Names, true
	case "dupnames":
		return e.DupNames(), true
	case "backrefs":
		return e.BackRefs(), true
	}
	return nil, false
}

// Get returns an attribute's value. The list attributes are returned as
// []string and are always present, as in docutils.
func (e *Element) Get(name string) (any, bool) {
	if l, ok := e.listAttrValue(name); ok {
		return l, true
	}
	for _, a := range e.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return nil, false
}

// Has reports whether the element has the attribute (list attributes always).
func (e *Element) Has(name string) bool {
	_, ok := e.Get(name)
	return ok
}

// GetString returns a string attribute, or "" when absent or not a string.
func (e *Element) GetString(name string) string {
	v, _ := e.Get(name)
	s, _ := v.(string)
	return s
}

// GetInt returns an int attribute, or 0.
func (e *Element) GetInt(name string) int {
	v, _ := e.Get(name)
	i, _ := v.(int)
	return i
}

// GetStrings returns a []string attribute, or nil.
func (e *Element) GetStrings(name string) []string {
	v, _ := e.Get(name)
	s, _ := v.([]string)
	return s
}

// Set sets an attribute, keeping its position when it exists.
func (e *Element) Set(name string, value any) {
	if l := e.ListAttr(name); l != nil {
		s, _ := value.([]string)
		*l = s
		return
	}
	for i := range e.Attrs {
		if e.Attrs[i].Name == name {
			e.Attrs[i].Value = value
			return
		}
	}
	e.Attrs = append(e.Attrs, Attr{Name: name, Value: value})
}

// SetDefault sets an attribute unless it is already set.
func (e *Element) SetDefault(name string, value any) {
	if !e.Has(name) {
		e.Set(name, value)
	}
}

// Del removes an attribute; list attributes become empty.
func (e *Element) Del(name string) {
	if _, ok := e.listAttrValue(name); ok {
		if name == "dupnames" || name == "backrefs" {
			if e.rare == nil {
				return
			}
		}
		*e.ListAttr(name) = nil
		return
	}
	for i := range e.Attrs {
		if e.Attrs[i].Name == name {
			e.Attrs = append(e.Attrs[:i], e.Attrs[i+1:]...)
			return
		}
	}
}

// AllAttrs returns every attribute, list attributes first, in the order
// docutils' attribute dictionary would hold them for a fresh element.
func (e *Element) AllAttrs() []Attr {
	out := make([]Attr, 0, 5+len(e.Attrs))
	out = append(out,
		Attr{"ids", e.IDs}, Attr{"classes", e.Classes}, Attr{"names", e.Names},
		Attr{"dupnames", e.DupNames()}, Attr{"backrefs", e.BackRefs()})
	return append(out, e.Attrs...)
}

// UpdateBasicAtts appends the list attributes of other (ids, classes, names,
// dupnames) to e's, skipping values already present, as docutils'
// update_basic_atts.
func (e *Element) UpdateBasicAtts(other *Element) {
	e.IDs = appendUnique(e.IDs, other.IDs...)
	e.Classes = appendUnique(e.Classes, other.Classes...)
	e.Names = appendUnique(e.Names, other.Names...)
	if d := other.DupNames(); len(d) > 0 {
		e.SetDupNames(appendUnique(e.DupNames(), d...))
	}
}

func appendUnique(dst []string, vals ...string) []string {
outer:
	for _, v := range vals {
		for _, d := range dst {
			if d == v {
				continue outer
			}
		}
		dst = append(dst, v)
	}
	return dst
}

// AppendUnique appends vals to list, skipping values already present.
func AppendUnique(list []string, vals ...string) []string { return appendUnique(list, vals...) }

// HasClass reports whether the element has the class.
func (e *Element) HasClass(c string) bool {
	for _, x := range e.Classes {
		if x == c {
			return true
		}
	}
	return false
}

// NoteReferencedBy marks the element as referenced by name or id (either
// may be empty) and, through ExpectReferencedByName/ID, the propagated
// targets it stands for (docutils' note_referenced_by).
func (e *Element) NoteReferencedBy(name, id string) {
	e.Referenced = true
	if e.rare == nil {
		return
	}
	if name != "" {
		if t := e.rare.expectByName[name]; t != nil {
			t.Referenced = true
		}
	}
	if id != "" {
		if t := e.rare.expectByID[id]; t != nil {
			t.Referenced = true
		}
	}
}

// DupName moves name from the element's names to its dupnames, as docutils'
// nodes.dupname.
func DupName(e *Element, name string) {
	r := e.ensureRare()
	r.dupNames = append(r.dupNames, name)
	for i, n := range e.Names {
		if n == name {
			e.Names = append(e.Names[:i], e.Names[i+1:]...)
			break
		}
	}
	// Counted as referenced so that no "unreferenced target" message follows.
	e.Referenced = true
}

// SourceLine returns the source and line of n or of its closest ancestor that
// has one (docutils.utils.get_source_line).
func SourceLine(n Node) (string, int) {
	var e *Element
	switch v := n.(type) {
	case *Element:
		e = v
	case *Text:
		e = v.parent
	}
	for ; e != nil; e = e.parent {
		if e.Source != "" || e.Line != 0 {
			return e.Source, e.Line
		}
	}
	return "", 0
}

// Truthy reports whether the attribute is set to a true value as Sphinx's
// node.get(name) tests it: a true bool, a non-zero int, a string other
// than "", "0" and "False"; an attribute set to nil counts as present.
func (e *Element) Truthy(name string) bool {
	v, ok := e.Get(name)
	if !ok {
		return false
	}
	switch x := v.(type) {
	case bool:
		return x
	case int:
		return x != 0
	case string:
		return x != "" && x != "0" && x != "False"
	case nil:
		return true
	}
	return false
}
