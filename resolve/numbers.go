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
	sectionNumber := func(docname string, sec *doctree.Element) []int {
		secnums := s.secnumbers[docname]
		if len(sec.IDs) > 0 {
			if n, ok := secnums["#"+sec.IDs[0]]; ok {
				return n
			}
		}
		return secnums[""]
	}
	var walkDoc func(docname string, secnum []int)
	var walkTree func(docname string, node *doctree.Element, secnum []int)
	walkTree = func(docname string, node *doctree.Element, secnum []int) {
		for _, c := range node.Children {
			sub, ok := c.(*doctree.Element)
			if !ok {
				continue
			}
			switch sub.Tag {
			case "section":
				if next := sectionNumber(docname, sub); len(next) > 0 {
					walkTree(docname, sub, next)
				} else {
					walkTree(docname, sub, secnum)
				}
			case "toctree":
				for _, e := range toctreeEntries(sub) {
					if isURL(e.Target) || e.Target == "self" {
						continue
					}
					if _, gen := generatedLabels[e.Target]; gen {
						continue
					}
					walkDoc(e.Target, secnum)
				}
			default:
				if ft := figType(sub); ft != "" && len(sub.IDs) > 0 {
					byType := s.fignumbers[docname]
					if byType == nil {
						byType = map[string]map[string][]int{}
						s.fignumbers[docname] = byType
					}
					if byType[ft] == nil {
						byType[ft] = map[string][]int{}
					}
					byType[ft][sub.IDs[0]] = nextNumber(ft, secnum)
				}
				walkTree(docname, sub, secnum)
			}
		}
	}
	walkDoc = func(docname string, secnum []int) {
		if assigned[docname] {
			return
		}
		assigned[docname] = true
		doc := s.b.Docs[docname]
		if doc == nil {
			return
		}
		walkTree(docname, doc.Root, secnum)
	}
	walkDoc(s.b.Cfg.RootDoc, nil)
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
