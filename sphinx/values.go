package sphinx

import (
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// Sphinx stores Python tuples and dicts in some attributes (a toctree's
// entries, an index node's entries, a literal block's highlight_args). The
// types below hold them as Go values; their String methods give the text
// docutils' pseudo-XML and XML writers print for the Python value (str()
// of each list item, backslash-escaped, joined by spaces), so trees dump
// exactly as Sphinx's do.

// TocEntry is one (title, ref) pair of a toctree node. Title is "" where
// Sphinx has None (the target's own title is used); an explicit title is
// never empty. Ref is a document name, a URL or "self".
type TocEntry struct {
	Title string
	Ref   string
}

// TocEntries is the value of a toctree node's "entries" attribute.
type TocEntries []TocEntry

// String renders the entries as docutils prints the Python list.
func (t TocEntries) String() string { return t.render("(", ")") }

func (t TocEntries) render(open, close string) string {
	parts := make([]string, len(t))
	for i, e := range t {
		title := "None"
		if e.Title != "" {
			title = doctree.PyStrRepr(e.Title)
		}
		parts[i] = serialEscape(open + title + ", " + doctree.PyStrRepr(e.Ref) + close)
	}
	return strings.Join(parts, " ")
}

// TocEntriesOf returns a toctree node's entries, nil when it has none.
func TocEntriesOf(toctree *doctree.Element) TocEntries {
	v, _ := toctree.Get("entries")
	t, _ := v.(TocEntries)
	return t
}

// IndexEntry is one entry of an index node, Sphinx's 5-tuple (entrytype,
// entryname, target, main, key): Type is single, pair, triple, see or
// seealso; Main is "main" or ""; Key is the grouping key of the general
// index, meaningful only when HasKey (Sphinx's None otherwise).
type IndexEntry struct {
	Type     string
	Value    string
	TargetID string
	Main     string
	Key      string
	HasKey   bool
}

// IndexEntries is the value of an index node's "entries" attribute.
type IndexEntries []IndexEntry

// String renders the entries as docutils prints the Python list.
func (t IndexEntries) String() string { return t.render("(", ")") }

func (t IndexEntries) render(open, close string) string {
	parts := make([]string, len(t))
	for i, e := range t {
		key := "None"
		if e.HasKey {
			key = doctree.PyStrRepr(e.Key)
		}
		parts[i] = serialEscape(open + doctree.PyStrRepr(e.Type) + ", " + doctree.PyStrRepr(e.Value) + ", " +
			doctree.PyStrRepr(e.TargetID) + ", " + doctree.PyStrRepr(e.Main) + ", " + key + close)
	}
	return strings.Join(parts, " ")
}

// IndexEntriesOf returns an index node's entries, nil when it has none.
func IndexEntriesOf(index *doctree.Element) IndexEntries {
	v, _ := index.Get("entries")
	t, _ := v.(IndexEntries)
	return t
}

// HighlightArgs is the value of a literal block's "highlight_args"
// attribute: the lines to emphasise (1-based) and the first line number.
// HLLines is nil when no lines were asked for; an empty non-nil slice is
// an explicit empty list, which Sphinx keeps.
type HighlightArgs struct {
	HLLines        []int
	LinenoStart    int
	HasLinenoStart bool
}

// String renders the arguments as Python prints the dict.
func (h HighlightArgs) String() string {
	var parts []string
	if h.HLLines != nil {
		nums := make([]string, len(h.HLLines))
		for i, n := range h.HLLines {
			nums[i] = strconv.Itoa(n)
		}
		parts = append(parts, "'hl_lines': ["+strings.Join(nums, ", ")+"]")
	}
	if h.HasLinenoStart {
		parts = append(parts, "'linenostart': "+strconv.Itoa(h.LinenoStart))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// HighlightArgsOf returns a literal block's highlight arguments and
// whether it has them.
func HighlightArgsOf(block *doctree.Element) (HighlightArgs, bool) {
	v, _ := block.Get("highlight_args")
	h, ok := v.(HighlightArgs)
	return h, ok
}

// tuplesAsLists wraps a TocEntries or IndexEntries value so that it
// prints its tuples as lists.
type tuplesAsLists struct {
	v interface {
		render(open, close string) string
	}
}

func (l tuplesAsLists) String() string { return l.v.render("[", "]") }

// TuplesToLists prepares a tree for Sphinx's XML and pseudo-XML builders,
// which turn the tuples in attribute values into lists before writing
// (XMLBuilder.write_doc): toctree and index entries then print as
// "['single', ...]" instead of "('single', ...)". Call it on the copy
// that is written; the entries are no longer TocEntries or IndexEntries
// values afterwards.
func TuplesToLists(root *doctree.Element) {
	doctree.Inspect(root, func(n doctree.Node) bool {
		e, ok := n.(*doctree.Element)
		if !ok {
			return true
		}
		for i, a := range e.Attrs {
			switch v := a.Value.(type) {
			case TocEntries:
				e.Attrs[i].Value = tuplesAsLists{v}
			case IndexEntries:
				e.Attrs[i].Value = tuplesAsLists{v}
			}
		}
		return true
	})
}

// serialEscape is docutils' serial_escape for one list item.
func serialEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return strings.ReplaceAll(s, " ", `\ `)
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
