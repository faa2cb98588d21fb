package resolve

import (
	"strconv"

	"github.com/docbuild/docbuild/doctree"
)

// assignSectionNumbers numbers the sections of the documents below
// numbered toctrees, as Sphinx's TocTreeCollector.assign_section_numbers:
// each numbered toctree starts a new numbering, each entry continues it,
// and the numbers go into the tables of contents (reference secnumber)
// and the documents' titles.
func (s *State) assignSectionNumbers() {
	s.secnumbers = map[string]map[string][]int{}
	assigned := map[string]bool{}
	var numstack []int

	var walkToctree func(toctree *doctree.Element, depth int)
	var walkToc func(node *doctree.Element, secnums map[string][]int, depth int, title *doctree.Element)
	walkToc = func(node *doctree.Element, secnums map[string][]int, depth int, title *doctree.Element) {
		for _, c := range node.Children {
			sub, ok := c.(*doctree.Element)
			if !ok {
				continue
			}
			switch sub.Tag {
			case "bullet_list":
				numstack = append(numstack, 0)
				walkToc(sub, secnums, depth-1, title)
				numstack = numstack[:len(numstack)-1]
				title = nil
			case "list_item", "only":
				// Inside only nodes every section is numbered, even if it
				// leaves gaps, as the tags are not known yet.
				walkToc(sub, secnums, depth, title)
				title = nil
			case "compact_paragraph":
				if sub.Has("skip_section_number") {
					continue
				}
				numstack[len(numstack)-1]++
				ref, _ := firstChildElement(sub)
				anchor := ""
				if ref != nil {
					anchor = ref.GetString("anchorname")
				}
				var number []int
				if depth > 0 {
					number = append([]int(nil), numstack...)
				}
				secnums[anchor] = number
				if ref != nil {
					ref.Set("secnumber", secnumberAttr(number))
				}
				if title != nil {
					title.Set("secnumber", secnumberAttr(number))
					title = nil
				}
			case "toctree":
				walkToctree(sub, depth)
			}
		}
	}
	var warnDoc string
	walkToctree = func(toctree *doctree.Element, depth int) {
		if depth == 0 {
			return
		}
		for _, e := range toctreeEntries(toctree) {
			ref := e.Target
			switch {
			case isURL(ref) || ref == "self":
			case assigned[ref]:
				s.prepMessages = append(s.prepMessages, s.warn(warnDoc, toctree,
					"%s is already assigned section numbers (nested numbered toctree?)", ref))
			case s.docs[ref] != nil:
				secnums := map[string][]int{}
				s.secnumbers[ref] = secnums
				assigned[ref] = true
				walkToc(s.docs[ref].toc, secnums, depth, s.docs[ref].title)
			}
		}
	}
	for _, name := range sortedKeys(s.docs) {
		d := s.docs[name]
		if !d.numbered {
			continue
		}
		assigned[name] = true
		warnDoc = name
		for _, tt := range d.toctrees {
			if depth := tt.GetInt("numbered"); depth != 0 {
				numstack = []int{0}
				walkToctree(tt, depth)
			}
		}
	}
}

// secnumberAttr is a section number as a node attribute: the numbers as
// strings (pseudo-XML shows them space-separated, as Sphinx's tuples), or
// nil for Sphinx's None.
func secnumberAttr(number []int) any {
	if number == nil {
		return nil
	}
	out := make([]string, len(number))
	for i, n := range number {
		out[i] = strconv.Itoa(n)
	}
	return out
}

func firstChildElement(e *doctree.Element) (*doctree.Element, bool) {
	if len(e.Children) == 0 {
		return nil, false
	}
	c, ok := e.Children[0].(*doctree.Element)
	return c, ok
}

// assignFigureNumbers numbers figures, tables, code blocks and labelled
// equations in toctree order from the root document, per section prefix
// of numfig_secnum_depth levels, as Sphinx's assign_figure_numbers.
func (s *State) assignFigureNumbers() {
	s.fignumbers = map[string]map[string]map[string][]int{}
	depthLimit := s.b.Cfg.NumfigSecnumDepth
	assigned := map[string]bool{}
	counter := map[string]map[string]int{}

	key := func(nums []int) string {
		b := make([]byte, 0, len(nums)*3)
		for _, n := range nums {
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, '.')
		}
		return string(b)
	}
	nextNumber := func(figtype string, secnum []int) []int {
		if len(secnum) > depthLimit {
			secnum = secnum[:depthLimit]
		}
		c := counter[figtype]
		if c == nil {
			c = map[string]int{}
			counter[figtype] = c
		}
		k := key(secnum)
		c[k]++
		return append(append([]int(nil), secnum...), c[k])
	}
	sectionNumber := func(docname string, it *outlineItem) []int {
		secnums := s.secnumbers[docname]
		if it.hasID {
			if n, ok := secnums["#"+it.id]; ok {
				return n
			}
		}
		return secnums[""]
	}
	// walkDoc follows a document's outline as Sphinx's walk_tree follows
	// its tree: a section with a number numbers what it contains, a
	// toctree continues in its documents with the current number.
	var walkDoc func(docname string, secnum []int)
	walkDoc = func(docname string, secnum []int) {
		if assigned[docname] {
			return
		}
		assigned[docname] = true
		d := s.docs[docname]
		if d == nil {
			return
		}
		var outer [][]int
		for i := range d.outline {
			it := &d.outline[i]
			switch it.kind {
			case outlineSection:
				outer = append(outer, secnum)
				if next := sectionNumber(docname, it); len(next) > 0 {
					secnum = next
				}
			case outlineSectionEnd:
				secnum = outer[len(outer)-1]
				outer = outer[:len(outer)-1]
			case outlineToctree:
				for _, t := range it.targets {
					walkDoc(t, secnum)
				}
			case outlineEnumerable:
				byType := s.fignumbers[docname]
				if byType == nil {
					byType = map[string]map[string][]int{}
					s.fignumbers[docname] = byType
				}
				if byType[it.figtype] == nil {
					byType[it.figtype] = map[string][]int{}
				}
				byType[it.figtype][it.id] = nextNumber(it.figtype, secnum)
			}
		}
	}
	walkDoc(s.b.Cfg.RootDoc, nil)
}

// outlineKind is the kind of an outlineItem.
type outlineKind uint8

const (
	// outlineSection opens a section; outlineSectionEnd closes the last
	// one opened.
	outlineSection outlineKind = iota
	outlineSectionEnd
	// outlineToctree is a toctree node with the documents it numbers.
	outlineToctree
	// outlineEnumerable is a node numfig numbers.
	outlineEnumerable
)

// outlineItem is one step of a document's numbering outline.
type outlineItem struct {
	kind outlineKind
	// hasID tells a section without ids (numbered as the document's
	// title) from one whose first id is "".
	hasID bool
	// id is a section's or an enumerable node's first id.
	id string
	// figtype is an enumerable node's figure type.
	figtype string
	// targets are the documents a toctree names, in order, without URLs,
	// "self" and the generated pages.
	targets []string
}

// collectOutline records, in document order, what assignFigureNumbers
// needs from a tree: the nesting of sections with their first ids, the
// toctrees with the documents they include, and the enumerable nodes
// with their figure type and first id. Sections containing none of these
// are left out, so a document without figures or toctrees costs nothing.
// The tree is dropped after reading; numbering walks the outlines
// instead, in toctree order, so it must see exactly what a walk of the
// tree would.
func collectOutline(root *doctree.Element) []outlineItem {
	var out []outlineItem
	var walk func(node *doctree.Element)
	walk = func(node *doctree.Element) {
		for _, c := range node.Children {
			sub, ok := c.(*doctree.Element)
			if !ok {
				continue
			}
			switch sub.Tag {
			case "section":
				start := len(out)
				it := outlineItem{kind: outlineSection}
				if len(sub.IDs) > 0 {
					it.hasID, it.id = true, sub.IDs[0]
				}
				out = append(out, it)
				walk(sub)
				if len(out) == start+1 {
					out = out[:start]
				} else {
					out = append(out, outlineItem{kind: outlineSectionEnd})
				}
			case "toctree":
				// Not walked into: a toctree's content is not the
				// document's.
				var targets []string
				for _, e := range toctreeEntries(sub) {
					if isURL(e.Target) || e.Target == "self" {
						continue
					}
					if _, gen := generatedLabels[e.Target]; gen {
						continue
					}
					targets = append(targets, e.Target)
				}
				if len(targets) > 0 {
					out = append(out, outlineItem{kind: outlineToctree, targets: targets})
				}
			default:
				if ft := figType(sub); ft != "" && len(sub.IDs) > 0 {
					out = append(out, outlineItem{kind: outlineEnumerable, id: sub.IDs[0], figtype: ft})
				}
				walk(sub)
			}
		}
	}
	walk(root)
	if len(out) == 0 {
		return nil
	}
	// Sized to fit: outlines are kept until the build ends.
	return append([]outlineItem(nil), out...)
}

// figType is the figure type numfig counts a node under: math blocks
// always (the math domain comes first), figures, tables and code blocks
// only when they have a caption.
func figType(e *doctree.Element) string {
	switch e.Tag {
	case "math_block":
		return "displaymath"
	case "figure", "table", "container":
		if numfigTitle(e) != "" {
			return enumerableType(e)
		}
	}
	return ""
}
