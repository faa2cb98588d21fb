package doctree

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// This file turns a read document into a compact byte slice and back, so
// that a build can drop each tree between reading and writing it and keep
// only its encoding: for the CPython docs, 19 MB of encodings instead of
// 230 MB of trees.
//
// Layout (all integers are varints unless said otherwise):
//
//	magic "DTc1", then five little-endian uint32 counts (elements, text
//	nodes, children, list strings, attributes): allocation hints only
//	the root element and its subtree, in pre-order
//	extra roots: elements that the document's registries point to but that
//	are not in the tree (system messages a transform removed, whose ids
//	stay taken), each with a reference to its parent, ended by 0
//	document state: footnote starts, current source and line, decoration,
//	halt message, the ids that the tree does not give, names, id
//	counters, substitutions, include log, expect-referenced-by maps
//
// Strings go through a per-document table: a string is either written out
// (and, for tags, attribute names, sources, ids, names, classes and short
// values, added to the table) or refers to a table entry, so the tags and
// attribute names that repeat on every element cost a byte each. Text
// nodes and raw sources, most of the bytes, are mostly pieces of an
// ancestor's raw source (see rawCtx) and written as a place in it. Each
// element's line is written as the difference from the previous element's
// and its source only when it differs from the previous element's.

// codecMagic starts every encoding; the digit is the format's version.
const codecMagic = "DTc1"

// codecHeaderLen is the length of the magic and the five counts.
const codecHeaderLen = len(codecMagic) + 5*4

// maxCodecDepth bounds the nesting of elements and of attribute values, so
// that neither side recurses without end on a cyclic value or on crafted
// input. Real trees nest a few dozen levels.
const maxCodecDepth = 10000

// internMax is the length up to which attribute string values go through
// the string table: short values (reftype, refdomain, language, ids) repeat,
// long ones (URIs, titles) rarely do and would only cost hashing.
const internMax = 40

// pieceWindow is how far after the cursor of a raw source a piece is
// looked for.
const pieceWindow = 2048

// Element head flags. Bit 0 tells an element (1) from a text node (0) among
// children; the flags that most elements need come first so that the head
// usually fits in one byte.
const (
	flagElement = 1 << iota
	flagChildren
	flagIDs
	flagClasses
	flagNames
	flagAttrs
	flagRawSource
	flagSource
	flagDupNames
	flagBackRefs
	flagReferenced
	flagResolved
	flagPending
	// flagIDsUnregistered: some of the element's ids do not map to it in
	// the document's ids map (the map's entries for them are written in the
	// document state instead).
	flagIDsUnregistered
	flagLimit
)

// Value kinds of attribute values and pending details.
const (
	valNil = iota
	valFalse
	valTrue
	valString
	valInt
	valFloat
	valStrings    // []string
	valInts       // []int
	valList       // []any
	valMap        // map[string]any
	valStringMap  // map[string]string
	valStringList // [][]string
	valInt64
	valCustom // a type registered with RegisterValueCodec
)

// EncodeDocument appends doc's tree and the document state the write stage
// needs to buf and returns the extended slice; DecodeDocument rebuilds the
// document. With a nil buf the result has no spare capacity, so that it
// can be kept as it is.
//
// Encoded are: the tree (every element field, including dupnames, backrefs,
// the referenced and resolved marks, pending details and the
// expect-referenced-by maps, and the parent links), the ids map (including
// ids of elements no longer in the tree, which are encoded as extra
// subtrees), the name maps, the id counters (so that SetID continues the
// numbering), the footnote start numbers, the decoration element, the
// halting message, the current source and line, the substitution
// definitions and names, and the include log. Not encoded, being
// read-phase state or the caller's: Settings, Reporter, Env, RefNames,
// RefIDs, IndirectTargets, the footnote and citation lists, the parse and
// transform message lists and the pending notes.
//
// Attribute values and pending details may be nil, string, bool, int,
// int64, float64, []string, []int, [][]string, map[string]string, and
// []any and map[string]any of those, or of a type registered with
// RegisterValueCodec. Any other value (a node, a function) makes
// EncodeDocument return an error naming the attribute and the type, and
// buf unchanged: the caller then keeps the tree itself. The output is
// deterministic: map entries are written in key order.
func EncodeDocument(buf []byte, doc *Document, codecs *ValueCodecs) ([]byte, error) {
	if doc == nil || doc.Root == nil {
		return buf, errors.New("doctree: cannot encode a document without a root")
	}
	e := encoderPool.Get().(*encoder)
	defer e.release()
	e.codecs = codecs
	start := len(buf)
	if buf == nil {
		e.buf = e.scratch[:0]
	} else {
		e.buf = buf
	}
	e.buf = append(e.buf, codecMagic...)
	e.buf = append(e.buf, make([]byte, 5*4)...)
	e.doc = doc
	e.element(doc.Root, 0, -1)
	if e.err == nil {
		e.extraRootsAndState()
	}
	if e.err != nil {
		return buf[:start], e.err
	}
	h := e.buf[start+len(codecMagic):]
	for i, n := range [5]int{e.nElems, e.nTexts, e.nKids, e.nStrs, e.nAttrs} {
		binary.LittleEndian.PutUint32(h[4*i:], uint32(min(n, math.MaxUint32)))
	}
	out := e.buf
	if buf == nil {
		// Encoded in the pooled buffer, so as not to grow a new one step
		// by step; the copy is the exact size, for encodings kept long.
		out = slices.Clone(e.buf)
		if cap(e.buf) <= maxScratch {
			e.scratch = e.buf[:0]
		}
	}
	e.buf = nil
	return out, nil
}

// maxScratch bounds the buffer an encoder keeps for the next document.
const maxScratch = 4 << 20

// ---- encoder ----

// encoder holds one encoding's state; encoders are pooled so that the
// maps keep their room from one document to the next.
type encoder struct {
	codecs  *ValueCodecs
	buf     []byte
	scratch []byte
	doc     *Document
	err     error

	strs  map[string]uint32
	index map[*Element]uint32
	// expects lists the encoded elements with expect-referenced-by maps,
	// whose entries are written after every element is numbered.
	expects []*Element
	keys    []string

	nElems, nTexts, nKids, nStrs, nAttrs int
	prevLine                             int
	prevSource                           string

	attrName string // the attribute being encoded, for error messages
	// ctxs is the stack of raw sources (see rawCtx) and ctx the index in
	// it of the one the current element's attribute values may be found in
	// (its own, or its closest ancestor's); -1 for none.
	ctxs []rawCtx
	ctx  int
	w    ValueWriter

	// roots are the trees encoded, the document's and the extra ones, and
	// fullIndex tells that index holds every element of them, not only
	// the ones that references usually point to (see indexed).
	roots     []*Element
	fullIndex bool
	// cache maps the address and length of recently interned strings to
	// their table index: tags and attribute names are mostly the same
	// string constants, found without hashing their bytes.
	cache [256]cachedStr
}

// cachedStr is an entry of encoder.cache; n is the length plus one, 0
// for an empty entry.
type cachedStr struct {
	p   *byte
	n   int
	idx uint32
}

// rawCtx is the raw source of the closest element that has one, which
// the text and raw sources of its descendants are mostly parts of: a
// paragraph's text nodes and inline elements are pieces of its raw source,
// in order, and a list item's paragraphs are pieces of the item's. They
// are written as a place in it: an offset from the cursor, the end of the
// previous piece found.
type rawCtx struct {
	s   string
	cur int
}

var encoderPool = sync.Pool{New: func() any {
	e := &encoder{strs: map[string]uint32{}, index: map[*Element]uint32{}, ctx: -1}
	e.w.e = e
	return e
}}

// release returns the encoder to the pool, dropping what points into the
// document; maps that grew very large are dropped so that one huge document
// does not make every later one clear a huge map.
func (e *encoder) release() {
	if len(e.strs) > 1<<16 {
		e.strs = map[string]uint32{}
	} else {
		clear(e.strs)
	}
	if len(e.index) > 1<<16 {
		e.index = map[*Element]uint32{}
	} else {
		clear(e.index)
	}
	clear(e.expects)
	clear(e.keys)
	clear(e.roots)
	clear(e.ctxs)
	*e = encoder{strs: e.strs, index: e.index, expects: e.expects[:0], keys: e.keys[:0], roots: e.roots[:0],
		ctxs: e.ctxs[:0], ctx: -1, w: ValueWriter{e: e}, scratch: e.scratch}
	encoderPool.Put(e)
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("doctree: "+format, args...)
	}
}

func (e *encoder) uvarint(v uint64) {
	if v < 0x80 {
		e.buf = append(e.buf, byte(v))
		return
	}
	e.buf = binary.AppendUvarint(e.buf, v)
}

func (e *encoder) varint(v int64) { e.uvarint(uint64(v<<1) ^ uint64(v>>63)) }

// str writes s: a reference when s is in the table, else the bytes, adding
// s to the table when intern is set.
func (e *encoder) str(s string, intern bool) {
	if intern {
		p := unsafe.StringData(s)
		c := &e.cache[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))%uintptr(len(e.cache))]
		if c.p == p && c.n == len(s)+1 {
			e.uvarint(uint64(c.idx)<<2 | 2)
			return
		}
		i, ok := e.strs[s]
		if !ok {
			i = uint32(len(e.strs))
			e.strs[s] = i
		}
		*c = cachedStr{p: p, n: len(s) + 1, idx: i}
		if ok {
			e.uvarint(uint64(i)<<2 | 2)
			return
		}
		e.uvarint(uint64(len(s))<<2 | 1)
	} else {
		e.uvarint(uint64(len(s)) << 2)
	}
	e.buf = append(e.buf, s...)
}

func (e *encoder) strList(l []string) {
	e.uvarint(uint64(len(l)))
	for _, s := range l {
		e.str(s, true)
	}
	e.nStrs += len(l)
}

// ref writes a reference to an element that has been encoded (0: nil).
func (e *encoder) ref(el *Element) {
	if el == nil {
		e.uvarint(0)
		return
	}
	i, ok := e.indexed(el)
	if !ok {
		e.fail("internal error: element <%s> referenced but not encoded", el.Tag)
		return
	}
	e.uvarint(uint64(i) + 1)
}

// node writes a child of parent: a text node or an element and its
// subtree.
func (e *encoder) node(n Node, parent *Element, depth int, ctx int) {
	isNil := true
	switch x := n.(type) {
	case *Text:
		if isNil = x == nil; isNil {
			break
		}
		if x.parent == parent {
			e.nTexts++
			e.piece(x.Data, ctx, 1)
			return
		}
	case *Element:
		if isNil = x == nil; isNil {
			break
		}
		if x.parent == parent {
			e.element(x, depth, ctx)
			return
		}
	}
	if isNil {
		e.fail("cannot encode a nil node in <%s> at %s:%d", parent.Tag, parent.Source, parent.Line)
		return
	}
	// A node shared by two parents, or a parent link out of date: the
	// decoded tree could not be the same.
	e.fail("cannot encode a child of <%s> at %s:%d whose parent link points elsewhere", parent.Tag, parent.Source, parent.Line)
}

// piece writes s, shifted left by shift bits for the caller's own flags:
// as a place in ctx when it is found there, else as its bytes. A place
// moves ctx's cursor to its end.
func (e *encoder) piece(s string, ci int, shift uint) {
	if ci >= 0 && len(s) >= 2 {
		// Pieces come in order, close to the cursor: looking further
		// would only cost time on large raw sources.
		ctx := &e.ctxs[ci]
		off := -1
		if i := strings.Index(ctx.s[ctx.cur:min(len(ctx.s), ctx.cur+len(s)+pieceWindow)], s); i >= 0 {
			off = ctx.cur + i
		}
		if off >= 0 {
			e.uvarint((uint64(len(s))<<1 | 1) << shift)
			e.varint(int64(off - ctx.cur))
			ctx.cur = off + len(s)
			return
		}
	}
	e.uvarint(uint64(len(s)) << 1 << shift)
	e.buf = append(e.buf, s...)
}

// valStr writes a string value: through the table when short, else as a
// place in the current raw source when found there (without moving its
// cursor), else as its bytes.
func (e *encoder) valStr(s string) {
	if len(s) <= internMax {
		e.str(s, true)
		return
	}
	if e.ctx >= 0 && len(e.ctxs[e.ctx].s) <= 1<<16 {
		if i := strings.Index(e.ctxs[e.ctx].s, s); i >= 0 {
			e.uvarint(uint64(len(s))<<2 | 3)
			e.uvarint(uint64(i))
			return
		}
	}
	e.str(s, false)
}

// refTarget tells the elements that the document's registries usually
// point to, which the encoder indexes as it goes; when a reference points
// to another element, indexed numbers them all.
func refTarget(el *Element) bool {
	return len(el.IDs) > 0 || el.rare != nil || el.Tag == TagTarget || el.Tag == TagSystemMessage ||
		el.Tag == TagSubstitutionDefinition || el.Tag == TagDecoration
}

// indexed returns the number of an encoded element, or false when el has
// not been encoded.
func (e *encoder) indexed(el *Element) (uint32, bool) {
	if i, ok := e.index[el]; ok {
		return i, true
	}
	if e.fullIndex || refTarget(el) {
		return 0, false
	}
	e.fullIndex = true
	n := uint32(0)
	var walk func(el *Element, depth int)
	walk = func(el *Element, depth int) {
		e.index[el] = n
		n++
		if depth < maxCodecDepth {
			for _, c := range el.Children {
				if ce, ok := c.(*Element); ok {
					walk(ce, depth+1)
				}
			}
		}
	}
	for _, r := range e.roots {
		walk(r, 0)
	}
	i, ok := e.index[el]
	return i, ok
}

func (e *encoder) element(el *Element, depth int, ctx int) {
	if depth > maxCodecDepth {
		e.fail("cannot encode a tree nested more than %d levels", maxCodecDepth)
		return
	}
	if depth == 0 {
		e.roots = append(e.roots, el)
	}
	if e.fullIndex || refTarget(el) {
		n := len(e.index)
		e.index[el] = uint32(e.nElems)
		if len(e.index) == n {
			// The same element twice in the tree, or a cycle: decoding
			// could not give back the sharing. (Only checked for the
			// elements indexed; others would decode as copies.)
			e.fail("cannot encode element <%s>: it occurs twice in the tree", el.Tag)
			return
		}
	}
	e.nElems++
	flags := uint64(flagElement)
	if len(el.Children) > 0 {
		flags |= flagChildren
	}
	if len(el.IDs) > 0 {
		flags |= flagIDs
		if !e.idsRegistered(el) {
			flags |= flagIDsUnregistered
		}
	}
	if len(el.Classes) > 0 {
		flags |= flagClasses
	}
	if len(el.Names) > 0 {
		flags |= flagNames
	}
	if len(el.Attrs) > 0 {
		flags |= flagAttrs
	}
	if el.RawSource != "" {
		flags |= flagRawSource
	}
	if el.Source != e.prevSource {
		flags |= flagSource
	}
	dup, back := el.DupNames(), el.BackRefs()
	if len(dup) > 0 {
		flags |= flagDupNames
	}
	if len(back) > 0 {
		flags |= flagBackRefs
	}
	if el.Referenced {
		flags |= flagReferenced
	}
	if el.Resolved {
		flags |= flagResolved
	}
	if el.Pending != nil {
		flags |= flagPending
	}
	if byName, byID := el.ExpectReferencedBy(); byName != nil || byID != nil {
		e.expects = append(e.expects, el)
	}
	e.uvarint(flags)
	e.str(el.Tag, true)
	e.varint(int64(el.Line) - int64(e.prevLine))
	e.prevLine = el.Line
	if flags&flagSource != 0 {
		e.str(el.Source, true)
		e.prevSource = el.Source
	}
	if flags&flagIDs != 0 {
		e.strList(el.IDs)
	}
	if flags&flagClasses != 0 {
		e.strList(el.Classes)
	}
	if flags&flagNames != 0 {
		e.strList(el.Names)
	}
	if flags&flagDupNames != 0 {
		e.strList(dup)
	}
	if flags&flagBackRefs != 0 {
		e.strList(back)
	}
	if flags&flagRawSource != 0 {
		e.piece(el.RawSource, ctx, 0)
		ctx = len(e.ctxs)
		e.ctxs = append(e.ctxs, rawCtx{s: el.RawSource})
		defer func() { e.ctxs = e.ctxs[:ctx] }()
	}
	e.ctx = ctx
	if flags&flagAttrs != 0 {
		e.uvarint(uint64(len(el.Attrs)))
		e.nAttrs += len(el.Attrs)
		for _, a := range el.Attrs {
			e.str(a.Name, true)
			e.attrName = a.Name
			e.value(a.Value, 0)
		}
	}
	if flags&flagPending != 0 {
		e.str(el.Pending.Transform, true)
		e.attrName = "pending details"
		e.value(el.Pending.Details, 0)
	}
	if e.err != nil {
		e.err = fmt.Errorf("%w (element <%s> at %s:%d)", e.err, el.Tag, el.Source, el.Line)
		return
	}
	if flags&flagChildren != 0 {
		e.uvarint(uint64(len(el.Children)))
		e.nKids += len(el.Children)
		for _, c := range el.Children {
			e.node(c, el, depth+1, ctx)
			if e.err != nil {
				return
			}
		}
	}
}

// idsRegistered reports whether every id of el maps to el in the
// document's ids map, so that the decoder can rebuild those entries from
// the tree.
func (e *encoder) idsRegistered(el *Element) bool {
	for _, id := range el.IDs {
		if e.doc.IDs[id] != el {
			return false
		}
	}
	return true
}

func (e *encoder) value(v any, depth int) {
	if depth > maxCodecDepth {
		e.fail("cannot encode attribute %q: values nested more than %d levels", e.attrName, maxCodecDepth)
		return
	}
	switch x := v.(type) {
	case nil:
		e.buf = append(e.buf, valNil)
	case string:
		e.buf = append(e.buf, valString)
		e.valStr(x)
	case bool:
		if x {
			e.buf = append(e.buf, valTrue)
		} else {
			e.buf = append(e.buf, valFalse)
		}
	case int:
		e.buf = append(e.buf, valInt)
		e.varint(int64(x))
	case int64:
		e.buf = append(e.buf, valInt64)
		e.varint(x)
	case float64:
		e.buf = append(e.buf, valFloat)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(x))
	case []string:
		e.buf = append(e.buf, valStrings)
		if e.sliceLen(x == nil, len(x)) {
			for _, s := range x {
				e.valStr(s)
			}
		}
	case []int:
		e.buf = append(e.buf, valInts)
		if e.sliceLen(x == nil, len(x)) {
			for _, n := range x {
				e.varint(int64(n))
			}
		}
	case [][]string:
		e.buf = append(e.buf, valStringList)
		if e.sliceLen(x == nil, len(x)) {
			for _, l := range x {
				if e.sliceLen(l == nil, len(l)) {
					for _, s := range l {
						e.valStr(s)
					}
				}
			}
		}
	case []any:
		e.buf = append(e.buf, valList)
		if e.sliceLen(x == nil, len(x)) {
			for _, item := range x {
				e.value(item, depth+1)
				if e.err != nil {
					return
				}
			}
		}
	case map[string]any:
		e.buf = append(e.buf, valMap)
		if e.sliceLen(x == nil, len(x)) {
			for _, k := range sortedKeys(x) {
				e.str(k, true)
				e.value(x[k], depth+1)
				if e.err != nil {
					return
				}
			}
		}
	case map[string]string:
		e.buf = append(e.buf, valStringMap)
		if e.sliceLen(x == nil, len(x)) {
			for _, k := range sortedKeys(x) {
				e.str(k, true)
				e.valStr(x[k])
			}
		}
	default:
		saved := e.w.depth
		e.w.depth = depth
		defer func() { e.w.depth = saved }()
		for _, c := range e.codecs.listOrNil() {
			if c.encode(&e.w, v) {
				return
			}
		}
		e.fail("cannot encode attribute %q: unsupported value type %T", e.attrName, v)
	}
}

// sliceLen writes a slice or map length, 0 standing for nil, and reports
// whether items follow.
func (e *encoder) sliceLen(isNil bool, n int) bool {
	if isNil {
		e.uvarint(0)
		return false
	}
	e.uvarint(uint64(n) + 1)
	return n > 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sortKeysInto collects m's keys, sorted, in the encoder's reusable slice.
func sortKeysInto[V any](e *encoder, m map[string]V) []string {
	keys := e.keys[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.keys = keys
	return keys
}

// need makes sure el is encoded, as an extra root when it is not in the
// tree: the topmost of its detached ancestors, or el itself when that does
// not hold it. The extra root's parent link is kept when its parent is
// encoded.
func (e *encoder) need(el *Element) {
	if el == nil || e.err != nil {
		return
	}
	if _, ok := e.indexed(el); ok {
		return
	}
	top := el
	for i := 0; i < maxCodecDepth && top.parent != nil; i++ {
		if _, ok := e.indexed(top.parent); ok {
			break
		}
		top = top.parent
	}
	e.extraRoot(top)
	if _, ok := e.indexed(el); !ok && e.err == nil {
		e.extraRoot(el)
	}
}

func (e *encoder) extraRoot(el *Element) {
	p := uint64(1)
	if el.parent != nil {
		if i, ok := e.indexed(el.parent); ok {
			p = uint64(i) + 2
		}
	}
	e.uvarint(p)
	e.element(el, 0, -1)
}

// extraRootsAndState writes the extra roots and the document state.
func (e *encoder) extraRootsAndState() {
	d := e.doc
	// Extra roots, in an order that depends only on the document.
	e.need(d.Decoration)
	if d.Halted != nil {
		e.need(d.Halted.Msg)
	}
	var orphanIDs []string
	for id, el := range d.IDs {
		if el != nil {
			if _, ok := e.indexed(el); !ok {
				orphanIDs = append(orphanIDs, id)
			}
		}
	}
	slices.Sort(orphanIDs)
	for _, id := range orphanIDs {
		e.need(d.IDs[id])
	}
	for _, k := range sortKeysInto(e, d.SubstitutionDefs) {
		e.need(d.SubstitutionDefs[k])
	}
	// Elements in extra roots may add to expects as they are encoded.
	for i := 0; i < len(e.expects) && e.err == nil; i++ {
		byName, byID := e.expects[i].ExpectReferencedBy()
		for _, k := range sortKeysInto(e, byName) {
			e.need(byName[k])
		}
		for _, k := range sortKeysInto(e, byID) {
			e.need(byID[k])
		}
	}
	if e.err != nil {
		return
	}
	e.uvarint(0)

	e.varint(int64(d.AutoFootnoteStart))
	e.varint(int64(d.SymbolFootnoteStart))
	e.str(d.CurrentSource, true)
	e.varint(int64(d.CurrentLine))
	e.ref(d.Decoration)
	if d.Halted == nil {
		e.uvarint(0)
	} else {
		e.uvarint(1)
		e.ref(d.Halted.Msg)
	}

	// The ids map entries the tree does not give.
	var extra []string
	for id, el := range d.IDs {
		if el == nil || !holds(el.IDs, id) || !e.idsRegistered(el) {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	e.uvarint(uint64(len(extra)))
	for _, id := range extra {
		e.str(id, true)
		e.ref(d.IDs[id])
	}

	// Names: NameIDs and NameTypes share their keys.
	keys := sortKeysInto(e, d.NameIDs)
	for k := range d.NameTypes {
		if _, ok := d.NameIDs[k]; !ok {
			keys = append(keys, k)
		}
	}
	if len(keys) > len(d.NameIDs) {
		slices.Sort(keys)
	}
	e.keys = keys
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		id, hasID := d.NameIDs[k]
		explicit, hasType := d.NameTypes[k]
		var f uint64
		if hasID {
			f |= 1
		}
		if hasType {
			f |= 2
		}
		if explicit {
			f |= 4
		}
		e.str(k, true)
		e.uvarint(f)
		if hasID {
			e.str(id, true)
		}
	}

	keys = sortKeysInto(e, d.idCounter)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k, true)
		e.varint(int64(d.idCounter[k]))
	}

	keys = sortKeysInto(e, d.SubstitutionDefs)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k, true)
		e.ref(d.SubstitutionDefs[k])
	}
	keys = sortKeysInto(e, d.SubstitutionNames)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k, true)
		e.str(d.SubstitutionNames[k], true)
	}

	e.uvarint(uint64(len(d.IncludeLog)))
	for _, r := range d.IncludeLog {
		e.str(r.Path, true)
		e.str(r.Key, true)
	}

	e.uvarint(uint64(len(e.expects)))
	for _, el := range e.expects {
		e.ref(el)
		byName, byID := el.ExpectReferencedBy()
		e.elementMap(byName)
		e.elementMap(byID)
	}
}

func holds(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func (e *encoder) elementMap(m map[string]*Element) {
	if e.sliceLen(m == nil, len(m)) {
		for _, k := range sortKeysInto(e, m) {
			e.str(k, true)
			e.ref(m[k])
		}
	}
}

// ---- decoder ----

// errCorrupt is wrapped by every decoding error.
var errCorrupt = errors.New("doctree: corrupt document encoding")

// DecodeDocument rebuilds a document that EncodeDocument encoded, with the
// given settings and reporter, which are not part of the encoding (nil
// gives default settings and a new reporter). Truncated or corrupt data
// gives an error. The registries that EncodeDocument does not encode are
// empty.
//
// The nodes of a decoded document are allocated in blocks, and its text
// nodes' data are mostly parts of their ancestors' raw sources, so keeping
// a node or a text keeps more than itself: copy (DeepCopy, strings.Clone)
// what must outlive the document.
func DecodeDocument(data []byte, settings *Settings, reporter *Reporter, codecs *ValueCodecs) (doc *Document, err error) {
	if len(data) < codecHeaderLen || string(data[:len(codecMagic)]) != codecMagic {
		return nil, fmt.Errorf("%w: bad header", errCorrupt)
	}
	if settings == nil {
		settings = DefaultSettings()
	}
	d := decoder{data: data, pos: codecHeaderLen, ctx: -1, codecs: codecs}
	h := data[len(codecMagic):]
	// The counts are only allocation hints: the slabs grow in bounded
	// blocks, so a wrong count costs at most one block.
	d.elems.left = int(binary.LittleEndian.Uint32(h[0:]))
	d.texts.left = int(binary.LittleEndian.Uint32(h[4:]))
	d.kids.left = int(binary.LittleEndian.Uint32(h[8:]))
	d.strs.left = int(binary.LittleEndian.Uint32(h[12:]))
	d.attrs.left = int(binary.LittleEndian.Uint32(h[16:]))
	d.all = make([]*Element, 0, min(d.elems.left, len(data)/3))
	d.doc = &Document{
		Settings:          settings,
		Reporter:          reporter,
		SubstitutionDefs:  map[string]*Element{},
		SubstitutionNames: map[string]string{},
		RefNames:          map[string][]*Element{},
		RefIDs:            map[string][]*Element{},
		NameIDs:           map[string]string{},
		NameTypes:         map[string]bool{},
		IDs:               map[string]*Element{},
		FootnoteRefs:      map[string][]*Element{},
		CitationRefs:      map[string][]*Element{},
		idCounter:         map[string]int{},
	}
	root := d.root(nil)
	for d.err == nil {
		p := d.uvarint()
		if p == 0 || d.err != nil {
			break
		}
		var parent *Element
		if p > 1 {
			parent = d.refIndex(p - 2)
		}
		d.root(parent)
	}
	d.state()
	if d.err == nil && d.pos != len(d.data) {
		d.corrupt("%d bytes after the end", len(d.data)-d.pos)
	}
	if d.err != nil {
		return nil, d.err
	}
	d.doc.Root = root
	if d.doc.Reporter == nil {
		d.doc.Reporter = NewReporter(d.doc.CurrentSource, settings)
	}
	return d.doc, nil
}

// slab hands out slices of a few large allocations. left is what the
// header announces is still needed; blocks are bounded, so that a lying
// header cannot make the decoder allocate much more than the input holds.
type slab[T any] struct {
	buf  []T
	left int
}

const slabBlock = 1024

func (s *slab[T]) take(n int) []T {
	if len(s.buf) < n {
		size := max(n, min(s.left, slabBlock))
		s.buf = make([]T, size)
	}
	out := s.buf[:n:n]
	s.buf = s.buf[n:]
	s.left -= n
	return out
}

type decoder struct {
	codecs *ValueCodecs
	data   []byte
	pos    int
	err    error
	doc    *Document

	table []string
	all   []*Element

	elems slab[Element]
	texts slab[Text]
	kids  slab[Node]
	strs  slab[string]
	attrs slab[Attr]

	prevLine   int
	prevSource string
	// ctxs and ctx are as in encoder.
	ctxs []rawCtx
	ctx  int
	// boxed holds table strings already stored in an interface, so that
	// the attribute values that repeat share one allocation.
	boxed []any
	// owed is the least number of bytes that the items not yet started
	// of the lists being read (children, attributes, nested values) take.
	// A list may only claim what the rest of the input holds beyond
	// that, so that nested lists claiming the same bytes again cannot make
	// the decoder allocate more than the input's size allows.
	owed int
}

func (d *decoder) corrupt(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w at byte %d: %s", errCorrupt, d.pos, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) uvarint() uint64 {
	if d.pos < len(d.data) && d.data[d.pos] < 0x80 {
		v := d.data[d.pos]
		d.pos++
		return uint64(v)
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.corrupt("bad or truncated number")
		d.pos = len(d.data)
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length that says how many items of at least minBytes
// bytes each follow, refusing one the rest of the input cannot hold.
func (d *decoder) count(minBytes int) int {
	n := d.uvarint()
	if n > d.avail()/uint64(minBytes) {
		d.corrupt("count %d exceeds the input", n)
		return 0
	}
	return int(n)
}

// avail is the number of bytes left that no open list has claimed (see
// owed).
func (d *decoder) avail() uint64 {
	return uint64(max(len(d.data)-d.pos-d.owed, 0))
}

// sliceLen reads what encoder.sliceLen wrote: -1 for nil.
func (d *decoder) sliceLen(minBytes int) int {
	n := d.uvarint()
	if n == 0 {
		return -1
	}
	n--
	if n > d.avail()/uint64(minBytes) {
		d.corrupt("length %d exceeds the input", n)
		return -1
	}
	return int(n)
}

func (d *decoder) bytes(n uint64) []byte {
	if n > uint64(len(d.data)-d.pos) {
		d.corrupt("string of %d bytes exceeds the input", n)
		d.pos = len(d.data)
		return nil
	}
	b := d.data[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return b
}

func (d *decoder) str() string {
	h := d.uvarint()
	switch h & 3 {
	case 0:
		return string(d.bytes(h >> 2))
	case 1:
		s := string(d.bytes(h >> 2))
		if d.err == nil {
			d.table = append(d.table, s)
		}
		return s
	case 2:
		if i := h >> 2; i < uint64(len(d.table)) {
			return d.table[i]
		}
		d.corrupt("string reference %d out of range", h>>2)
	default:
		n, off := h>>2, d.uvarint()
		if d.ctx < 0 || d.ctx >= len(d.ctxs) || off > uint64(len(d.ctxs[d.ctx].s)) || n > uint64(len(d.ctxs[d.ctx].s))-off {
			d.corrupt("raw source place out of range")
			return ""
		}
		return d.ctxs[d.ctx].s[off : off+n]
	}
	return ""
}

// strValue is str for a string attribute value, boxed.
func (d *decoder) strValue() any {
	start := d.pos
	if h := d.uvarint(); h&3 == 2 && h>>2 < uint64(len(d.table)) {
		i := h >> 2
		if len(d.boxed) < len(d.table) {
			d.boxed = append(d.boxed, make([]any, len(d.table)-len(d.boxed))...)
		}
		if d.boxed[i] == nil {
			d.boxed[i] = d.table[i]
		}
		return d.boxed[i]
	}
	d.pos = start
	return d.str()
}

// piece reads what encoder.piece wrote, given the head without the
// caller's flags.
func (d *decoder) piece(h uint64, ci int) string {
	n := h >> 1
	if h&1 == 0 {
		return string(d.bytes(n))
	}
	delta := d.varint()
	if ci < 0 {
		d.corrupt("raw source place without a raw source")
		return ""
	}
	ctx := &d.ctxs[ci]
	off := int64(ctx.cur) + delta
	if off < 0 || off > int64(len(ctx.s)) || n > uint64(int64(len(ctx.s))-off) {
		d.corrupt("raw source place out of range")
		return ""
	}
	ctx.cur = int(off) + int(n)
	return ctx.s[off:ctx.cur]
}

func (d *decoder) strList() []string {
	n := d.count(1)
	if n == 0 {
		d.corrupt("empty list")
		return nil
	}
	l := d.strs.take(n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *decoder) refIndex(v uint64) *Element {
	if v >= uint64(len(d.all)) {
		d.corrupt("element reference %d out of range", v)
		return nil
	}
	return d.all[v]
}

func (d *decoder) ref() *Element {
	v := d.uvarint()
	if v == 0 {
		return nil
	}
	return d.refIndex(v - 1)
}

// root reads an element subtree that is not a child.
func (d *decoder) root(parent *Element) *Element {
	head := d.uvarint()
	if d.err != nil {
		return nil
	}
	if head&flagElement == 0 {
		d.corrupt("root is not an element")
		return nil
	}
	el := d.element(head, 0, -1)
	if el != nil {
		el.parent = parent
	}
	return el
}

func (d *decoder) element(flags uint64, depth int, ctx int) *Element {
	if depth > maxCodecDepth {
		d.corrupt("elements nested too deep")
		return nil
	}
	if flags >= flagLimit {
		d.corrupt("bad element flags %#x", flags)
		return nil
	}
	el := &d.elems.take(1)[0]
	d.all = append(d.all, el)
	el.Tag = d.str()
	d.prevLine += int(d.varint())
	el.Line = d.prevLine
	if flags&flagSource != 0 {
		d.prevSource = d.str()
	}
	el.Source = d.prevSource
	if flags&flagIDs != 0 {
		el.IDs = d.strList()
		if flags&flagIDsUnregistered == 0 {
			for _, id := range el.IDs {
				d.doc.IDs[id] = el
			}
		}
	}
	if flags&flagClasses != 0 {
		el.Classes = d.strList()
	}
	if flags&flagNames != 0 {
		el.Names = d.strList()
	}
	if flags&flagDupNames != 0 {
		el.SetDupNames(d.strList())
	}
	if flags&flagBackRefs != 0 {
		el.SetBackRefs(d.strList())
	}
	if flags&flagRawSource != 0 {
		el.RawSource = d.piece(d.uvarint(), ctx)
		if el.RawSource == "" && d.err == nil {
			d.corrupt("empty raw source")
		}
		ctx = len(d.ctxs)
		d.ctxs = append(d.ctxs, rawCtx{s: el.RawSource})
		defer func() { d.ctxs = d.ctxs[:ctx] }()
	}
	d.ctx = ctx
	if flags&flagAttrs != 0 {
		n := d.count(2)
		if n == 0 {
			d.corrupt("empty attribute list")
		}
		el.Attrs = d.attrs.take(n)
		d.owed += 2 * n
		for i := range el.Attrs {
			d.owed -= 2
			el.Attrs[i].Name = d.str()
			el.Attrs[i].Value = d.value(0)
		}
	}
	el.Referenced = flags&flagReferenced != 0
	el.Resolved = flags&flagResolved != 0
	if flags&flagPending != 0 {
		p := &PendingInfo{Transform: d.str()}
		v := d.value(0)
		if m, ok := v.(map[string]any); ok {
			p.Details = m
		} else if v != nil {
			d.corrupt("pending details are not a map")
		}
		el.Pending = p
	}
	if flags&flagChildren != 0 && d.err == nil {
		n := d.count(1)
		if n == 0 {
			d.corrupt("empty child list")
		}
		el.Children = d.kids.take(n)
		d.owed += n
		for i := range el.Children {
			d.owed--
			head := d.uvarint()
			if d.err != nil {
				break
			}
			if head&flagElement != 0 {
				c := d.element(head, depth+1, ctx)
				if c == nil {
					break
				}
				c.parent = el
				el.Children[i] = c
			} else {
				t := &d.texts.take(1)[0]
				t.Data = d.piece(head>>1, ctx)
				t.parent = el
				el.Children[i] = t
			}
		}
	}
	if d.err != nil {
		return nil
	}
	return el
}

func (d *decoder) value(depth int) any {
	if d.pos >= len(d.data) {
		d.corrupt("truncated value")
		return nil
	}
	if depth > maxCodecDepth {
		d.corrupt("values nested too deep")
		return nil
	}
	kind := d.data[d.pos]
	d.pos++
	switch kind {
	case valNil:
		return nil
	case valFalse:
		return false
	case valTrue:
		return true
	case valString:
		return d.strValue()
	case valInt:
		return int(d.varint())
	case valInt64:
		return d.varint()
	case valFloat:
		b := d.bytes(8)
		if d.err != nil {
			return nil
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	case valStrings:
		return d.strings()
	case valInts:
		n := d.sliceLen(1)
		if n < 0 {
			return []int(nil)
		}
		l := make([]int, n)
		for i := range l {
			l[i] = int(d.varint())
		}
		return l
	case valStringList:
		n := d.sliceLen(1)
		if n < 0 {
			return [][]string(nil)
		}
		l := make([][]string, n)
		d.owed += n
		for i := range l {
			d.owed--
			l[i] = d.strings()
		}
		return l
	case valList:
		n := d.sliceLen(1)
		if n < 0 {
			return []any(nil)
		}
		l := make([]any, n)
		d.owed += n
		for i := range l {
			d.owed--
			l[i] = d.value(depth + 1)
		}
		return l
	case valMap:
		n := d.sliceLen(2)
		if n < 0 {
			return map[string]any(nil)
		}
		m := make(map[string]any, n)
		d.owed += 2 * n
		for i := 0; i < n && d.err == nil; i++ {
			d.owed -= 2
			k := d.str()
			m[k] = d.value(depth + 1)
		}
		return m
	case valStringMap:
		n := d.sliceLen(2)
		if n < 0 {
			return map[string]string(nil)
		}
		m := make(map[string]string, n)
		for i := 0; i < n && d.err == nil; i++ {
			k := d.str()
			m[k] = d.str()
		}
		return m
	case valCustom:
		name := d.str()
		if d.err != nil {
			return nil
		}
		c := d.codecs.byNameOrNil(name)
		if c == nil {
			d.corrupt("no value codec %q registered", name)
			return nil
		}
		r := ValueReader{d: d, depth: depth + 1}
		v, err := c.decode(&r)
		if err != nil && d.err == nil {
			d.err = fmt.Errorf("%w: value codec %q: %v", errCorrupt, name, err)
		}
		return v
	}
	d.corrupt("bad value kind %d", kind)
	return nil
}

func (d *decoder) strings() []string {
	n := d.sliceLen(1)
	if n < 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

// state reads the document state after the extra roots.
func (d *decoder) state() {
	if d.err != nil {
		return
	}
	doc := d.doc
	doc.AutoFootnoteStart = int(d.varint())
	doc.SymbolFootnoteStart = int(d.varint())
	doc.CurrentSource = d.str()
	doc.CurrentLine = int(d.varint())
	doc.Decoration = d.ref()
	switch d.uvarint() {
	case 0:
	case 1:
		doc.Halted = &HaltError{Msg: d.ref()}
	default:
		d.corrupt("bad halt mark")
	}
	for n := d.count(2); n > 0 && d.err == nil; n-- {
		id := d.str()
		doc.IDs[id] = d.ref()
	}
	for n := d.count(2); n > 0 && d.err == nil; n-- {
		k := d.str()
		f := d.uvarint()
		if f > 7 {
			d.corrupt("bad name flags")
		}
		if f&1 != 0 {
			doc.NameIDs[k] = d.str()
		}
		if f&2 != 0 {
			doc.NameTypes[k] = f&4 != 0
		}
	}
	for n := d.count(2); n > 0 && d.err == nil; n-- {
		k := d.str()
		doc.idCounter[k] = int(d.varint())
	}
	for n := d.count(2); n > 0 && d.err == nil; n-- {
		k := d.str()
		doc.SubstitutionDefs[k] = d.ref()
	}
	for n := d.count(2); n > 0 && d.err == nil; n-- {
		k := d.str()
		doc.SubstitutionNames[k] = d.str()
	}
	if n := d.count(2); n > 0 {
		doc.IncludeLog = make([]IncludeRecord, n)
		for i := range doc.IncludeLog {
			doc.IncludeLog[i] = IncludeRecord{Path: d.str(), Key: d.str()}
		}
	}
	for n := d.count(3); n > 0 && d.err == nil; n-- {
		el := d.ref()
		byName := d.elementMap()
		byID := d.elementMap()
		if el == nil {
			d.corrupt("expect-referenced-by maps without an element")
			return
		}
		el.SetExpectReferencedBy(byName, byID)
	}
}

func (d *decoder) elementMap() map[string]*Element {
	n := d.sliceLen(2)
	if n < 0 {
		return nil
	}
	m := make(map[string]*Element, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		m[k] = d.ref()
	}
	return m
}

// ---- values of other packages' types ----

// ValueWriter writes the parts of an attribute value for a codec
// registered with RegisterValueCodec.
type ValueWriter struct {
	e     *encoder
	depth int
}

// String writes a string.
func (w *ValueWriter) String(s string) { w.e.valStr(s) }

// Int writes an integer.
func (w *ValueWriter) Int(n int) { w.e.varint(int64(n)) }

// Len writes the length of a slice or map whose items follow, -1 standing
// for nil (so that nil and empty stay apart).
func (w *ValueWriter) Len(n int) { w.e.sliceLen(n < 0, n) }

// Bool writes a boolean.
func (w *ValueWriter) Bool(b bool) {
	if b {
		w.e.uvarint(1)
	} else {
		w.e.uvarint(0)
	}
}

// Value writes any value EncodeDocument can encode; an unsupported one
// makes EncodeDocument fail.
func (w *ValueWriter) Value(v any) { w.e.value(v, w.depth+1) }

// ValueReader reads what a codec's ValueWriter wrote. Its methods return
// zero values once the input is found corrupt; the decoder then fails
// whatever the codec returns.
type ValueReader struct {
	d     *decoder
	depth int
}

// String reads a string.
func (r *ValueReader) String() string { return r.d.str() }

// Int reads an integer.
func (r *ValueReader) Int() int { return int(r.d.varint()) }

// Len reads a length written with ValueWriter.Len: -1 for nil, else the
// number of items that follow. A count that the rest of the input cannot
// hold (at a byte an item) is an error and gives -1, so that corrupt input
// cannot make a codec allocate much.
func (r *ValueReader) Len() int { return r.d.sliceLen(1) }

// Bool reads a boolean.
func (r *ValueReader) Bool() bool {
	switch r.d.uvarint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.d.corrupt("bad boolean")
	return false
}

// Value reads a value written with ValueWriter.Value.
func (r *ValueReader) Value() any { return r.d.value(r.depth + 1) }

// Err returns the first decoding error, so that a codec can stop early.
func (r *ValueReader) Err() error { return r.d.err }

// valueCodec is a registered codec with its type test folded into encode.
type valueCodec struct {
	name   string
	encode func(w *ValueWriter, v any) bool
	decode func(r *ValueReader) (any, error)
}

// ValueCodecs makes attribute values (and pending details) of other
// packages' types encodable: a package whose nodes carry values of its own
// types (Sphinx's toctree and index entries) registers a codec for each,
// since doctree cannot know them. A build makes one set and passes it to
// EncodeDocument and DecodeDocument; register every codec before the
// first encoding, the set is not safe for registering concurrently.
type ValueCodecs struct {
	list   []*valueCodec
	byName map[string]*valueCodec
}

// NewValueCodecs returns an empty set: only doctree's own value types are
// encodable with it.
func NewValueCodecs() *ValueCodecs { return &ValueCodecs{byName: map[string]*valueCodec{}} }

func (c *ValueCodecs) listOrNil() []*valueCodec {
	if c == nil {
		return nil
	}
	return c.list
}

func (c *ValueCodecs) byNameOrNil(name string) *valueCodec {
	if c == nil {
		return nil
	}
	return c.byName[name]
}

// RegisterValueCodec adds to set a codec for values of type T. name
// identifies the type in encodings and must be unique in the set; encode
// writes a value with w's methods and decode reads it back with r's, in
// the same order. Registering a name twice panics.
func RegisterValueCodec[T any](set *ValueCodecs, name string, encode func(w *ValueWriter, v T), decode func(r *ValueReader) (T, error)) {
	c := &valueCodec{
		name: name,
		encode: func(w *ValueWriter, v any) bool {
			x, ok := v.(T)
			if !ok {
				return false
			}
			w.e.buf = append(w.e.buf, valCustom)
			w.e.str(name, true)
			encode(w, x)
			return true
		},
		decode: func(r *ValueReader) (any, error) { return decode(r) },
	}
	if set.byName[name] != nil {
		panic("doctree: value codec " + name + " registered twice")
	}
	set.list = append(set.list, c)
	set.byName[name] = c
}
