package resolve

import (
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinx"
)

// isURL is Sphinx's url_re.match (`.+://` at the start): "://" after at
// least one character of the first line. It runs for every toctree entry
// of every page, so it is spelled out instead of run as a regexp.
func isURL(s string) bool {
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[:nl]
	}
	return len(s) > 1 && strings.Contains(s[1:], "://")
}

// toctreeEntries reads a toctree node's entries attribute, a list of
// (title, target) pairs in whichever form the directive stored it.
func toctreeEntries(t *doctree.Element) []env.TocTreeEntry {
	v, ok := t.Get("entries")
	if !ok {
		return nil
	}
	pair := func(title any, target any) env.TocTreeEntry {
		ti, _ := title.(string)
		ta, _ := target.(string)
		return env.TocTreeEntry{Title: ti, Target: ta, IsURL: isURL(ta), IsSelf: ta == "self"}
	}
	var out []env.TocTreeEntry
	switch x := v.(type) {
	case sphinx.TocEntries:
		for _, e := range x {
			out = append(out, pair(e.Title, e.Ref))
		}
	case []env.TocTreeEntry:
		return x
	case [][2]string:
		for _, p := range x {
			out = append(out, pair(p[0], p[1]))
		}
	case [][]string:
		for _, p := range x {
			if len(p) == 2 {
				out = append(out, pair(p[0], p[1]))
			}
		}
	case []any:
		for _, item := range x {
			switch p := item.(type) {
			case []any:
				if len(p) == 2 {
					out = append(out, pair(p[0], p[1]))
				}
			case [2]string:
				out = append(out, pair(p[0], p[1]))
			case []string:
				if len(p) == 2 {
					out = append(out, pair(p[0], p[1]))
				}
			case [2]any:
				out = append(out, pair(p[0], p[1]))
			}
		}
	}
	return out
}

// TocOptions are the options of one toctree resolution (the arguments of
// Sphinx's TocTree.resolve).
type TocOptions struct {
	// Prune cuts the tree at MaxDepth, or at the toctree's own maxdepth
	// when MaxDepth is 0.
	Prune    bool
	MaxDepth int
	// TitlesOnly keeps only the documents' titles.
	TitlesOnly bool
	// Collapse removes the branches that do not lead to the current
	// document.
	Collapse bool
	// IncludeHidden also expands hidden toctrees.
	IncludeHidden bool
}

// resolveToctrees replaces each toctree node of a document by its list, or
// removes it when it renders to nothing (hidden, no titles).
func (s *State) resolveToctrees(docname string, root *doctree.Element) []project.Message {
	var msgs []project.Message
	for _, tt := range doctree.FindTag(root, "toctree") {
		if tt.Parent() == nil {
			continue
		}
		res := s.ResolveToctree(docname, tt, TocOptions{Prune: true}, &msgs)
		if res == nil {
			tt.Parent().Remove(tt)
		} else {
			doctree.ReplaceSelf(tt, res)
		}
	}
	return msgs
}

// ResolveToctree renders a toctree node as seen from document docname:
// a compact_paragraph with the caption and nested bullet lists of
// references, or nil when nothing is to be shown. It is Sphinx's
// TocTree.resolve, warnings included (appended to msgs when not nil).
func (s *State) ResolveToctree(docname string, toctree *doctree.Element, o TocOptions, msgs *[]project.Message) *doctree.Element {
	if truthy(toctree, "hidden") && !o.IncludeHidden {
		return nil
	}
	if msgs == nil {
		msgs = new([]project.Message)
	}
	r := &tocResolver{s: s, docname: docname, o: o, msgs: msgs, ancestors: s.ancestors(docname)}
	maxdepth := o.MaxDepth
	if maxdepth == 0 {
		maxdepth = -1
		if v, ok := toctree.Get("maxdepth"); ok {
			if n, ok := v.(int); ok {
				maxdepth = n
			}
		}
	}
	if !r.o.TitlesOnly && truthy(toctree, "titlesonly") {
		r.o.TitlesOnly = true
	}
	if !r.o.IncludeHidden && truthy(toctree, "includehidden") {
		r.o.IncludeHidden = true
	}
	entries := r.entries(toctree, nil, false)
	if len(entries) == 0 {
		return nil
	}
	newnode := doctree.NewElement("compact_paragraph")
	if caption := toctree.GetString("caption"); caption != "" {
		c := doctree.NewElement("title", doctree.NewText(caption))
		c.RawSource = toctree.GetString("rawcaption")
		c.Source, c.Line = toctree.Source, toctree.Line
		newnode.Append(c)
	}
	newnode.Append(entries...)
	newnode.Set("toctree", true)
	r.addClasses(newnode, 1)
	pruneDepth := 0
	if o.Prune {
		pruneDepth = maxdepth
	}
	prune(newnode, 1, pruneDepth, o.Collapse)
	if last, ok := newnode.LastChild().(*doctree.Element); ok && len(last.Children) == 0 {
		return nil
	}
	s.relativize(docname, newnode)
	return newnode
}

// relativize turns the document names of a resolved toctree's references
// into URIs from docname.
func (s *State) relativize(docname string, root *doctree.Element) {
	doctree.Inspect(root, func(n doctree.Node) bool {
		e, ok := n.(*doctree.Element)
		if !ok {
			return false
		}
		if e.Tag == "reference" {
			uri := e.GetString("refuri")
			if !isURL(uri) {
				e.Set("refuri", s.linker.DocURI(docname, uri)+e.GetString("anchorname"))
			}
		}
		return true
	})
}

// ancestors are the document and its toctree parents up to the root
// (Sphinx's get_toctree_ancestors).
func (s *State) ancestors(docname string) map[string]bool {
	out := map[string]bool{}
	for d := docname; ; {
		if out[d] {
			break
		}
		p, ok := s.parent[d]
		if !ok {
			break
		}
		out[d] = true
		d = p
	}
	return out
}

type tocResolver struct {
	s         *State
	docname   string
	o         TocOptions
	msgs      *[]project.Message
	ancestors map[string]bool
}

func (r *tocResolver) warn(node doctree.Node, docname, format string, args ...any) {
	*r.msgs = append(*r.msgs, r.s.warn(docname, node, format, args...))
}

func singleEntry(ref *doctree.Element) *doctree.Element {
	return doctree.NewElement("bullet_list",
		doctree.NewElement("list_item", doctree.NewElement("compact_paragraph", ref)))
}

// entries returns the toc entries of a toctree node (Sphinx's
// _entries_from_toctree with separate=False): a single bullet list, or
// for a nested toctree (subtree) its items.
func (r *tocResolver) entries(toctree *doctree.Element, parents []string, subtree bool) []doctree.Node {
	s := r.s
	var entries []doctree.Node
	for _, e := range toctreeEntries(toctree) {
		title, ref := e.Title, e.Target
		var toc *doctree.Element
		refdoc := ""
		switch {
		case isURL(ref):
			if title == "" {
				title = ref
			}
			link := doctree.NewElement("reference", doctree.NewText(title))
			link.Set("internal", false)
			link.Set("refuri", ref)
			link.Set("anchorname", "")
			toc = singleEntry(link)
		case ref == "self":
			ref = toctree.GetString("parent")
			if s.docs[ref] == nil {
				r.missing(toctree, ref)
				continue
			}
			if title == "" {
				title = s.docs[ref].titleText
			}
			link := doctree.NewElement("reference", doctree.NewText(title))
			link.Set("internal", true)
			link.Set("refuri", ref)
			link.Set("anchorname", "")
			toc = singleEntry(link)
		case generatedLabels[ref].DocName != "":
			g := generatedLabels[ref]
			if title == "" {
				title = g.Title
			}
			link := doctree.NewTextElement("reference", "", title)
			link.Set("internal", true)
			link.Set("refuri", g.DocName)
			link.Set("anchorname", "")
			toc = singleEntry(link)
		default:
			if contains(parents, ref) {
				r.warn(nil, ref, "circular toctree references detected, ignoring: %s <- %s", ref, strings.Join(parents, " <- "))
				continue
			}
			d := s.docs[ref]
			if d == nil {
				r.missing(toctree, ref)
				continue
			}
			refdoc = ref
			if !r.ancestors[ref] || (r.o.Prune && d.tocdepth > 0) {
				toc = prunedCopy(d.toc, 2, d.tocdepth, r.o.Collapse)
			} else {
				toc = d.toc.DeepCopyElement()
			}
			processOnlyNodes(toc, s.tags, nil)
			if title != "" && len(toc.Children) == 1 {
				if child, ok := toc.Children[0].(*doctree.Element); ok {
					for _, link := range doctree.FindTag(child, "reference") {
						if link.GetString("refuri") == ref && link.GetString("anchorname") == "" {
							link.Clear()
							link.Append(doctree.NewText(title))
						}
					}
				}
			}
		}
		if len(toc.Children) == 0 {
			r.warn(toctree, r.docname, "toctree contains reference to document %s that doesn't have a title: no link will be generated", pyRepr(ref))
		}
		if r.o.TitlesOnly {
			for _, c := range toc.Children {
				top, ok := c.(*doctree.Element)
				if !ok || len(top.Children) <= 1 {
					continue
				}
				subtrees := doctree.FindTag(top, "toctree")
				if len(subtrees) > 0 {
					if second, ok := top.Children[1].(*doctree.Element); ok {
						second.Clear()
						for _, st := range subtrees {
							if p := st.Parent(); p != nil {
								p.Remove(st)
							}
						}
						second.Append(toNodes(subtrees)...)
					}
				} else {
					top.RemoveAt(1)
				}
			}
		}
		for _, sub := range doctree.FindTag(toc, "toctree") {
			if truthy(sub, "hidden") && !r.o.IncludeHidden {
				continue
			}
			p := sub.Parent()
			if p == nil {
				continue
			}
			i := p.Index(sub) + 1
			for _, entry := range r.entries(sub, append([]string{refdoc}, parents...), true) {
				p.Insert(i, entry)
				i++
			}
			p.Remove(sub)
		}
		kids := append([]doctree.Node(nil), toc.Children...)
		toc.Clear()
		entries = append(entries, kids...)
	}
	if !subtree {
		return []doctree.Node{doctree.NewElement("bullet_list", entries...)}
	}
	return entries
}

func toNodes(es []*doctree.Element) []doctree.Node {
	out := make([]doctree.Node, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// missing warns about a toctree entry naming no document: excluded, not
// included, or nonexistent.
func (r *tocResolver) missing(toctree *doctree.Element, ref string) {
	cfg := r.s.b.Cfg
	rel := ref + firstSuffix(cfg.Suffixes())
	switch {
	case matchesAny(cfg.ExcludePatterns, rel):
		r.warn(toctree, r.docname, "toctree contains reference to excluded document %s", pyRepr(ref))
	case len(cfg.IncludePatterns) > 0 && !matchesAny(cfg.IncludePatterns, rel):
		r.warn(toctree, r.docname, "toctree contains reference to non-included document %s", pyRepr(ref))
	default:
		r.warn(toctree, r.docname, "toctree contains reference to nonexisting document %s", pyRepr(ref))
	}
}

func firstSuffix(s []string) string {
	if len(s) == 0 {
		return ".rst"
	}
	return s[0]
}

func matchesAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if project.MatchPattern(p, name) {
			return true
		}
	}
	return false
}

// addClasses gives list items and paragraphs their toctree-lN classes and
// marks the branch leading to the current document (Sphinx's
// _toctree_add_classes).
func (r *tocResolver) addClasses(node *doctree.Element, depth int) {
	for _, c := range node.Children {
		sub, ok := c.(*doctree.Element)
		if !ok {
			continue
		}
		switch sub.Tag {
		case "compact_paragraph", "list_item":
			sub.Classes = append(sub.Classes, "toctree-l"+strconv.Itoa(depth-1))
			r.addClasses(sub, depth)
		case "bullet_list":
			r.addClasses(sub, depth+1)
		case "reference":
			if sub.GetString("refuri") != r.docname {
				continue
			}
			if sub.GetString("anchorname") == "" {
				for b := sub; b != nil; b = b.Parent() {
					b.Classes = append(b.Classes, "current")
				}
			}
			if p := sub.Parent(); p != nil && p.Parent() != nil && truthy(p.Parent(), "iscurrent") {
				return
			}
			for b := sub; b != nil; b = b.Parent() {
				b.Set("iscurrent", true)
			}
		}
	}
}

// prune cuts a toc at maxdepth (when > 0) and, with collapse, removes the
// lists below entries that are not on the current branch (Sphinx's
// _toctree_prune).
func prune(node *doctree.Element, depth, maxdepth int, collapse bool) {
	for _, c := range append([]doctree.Node(nil), node.Children...) {
		sub, ok := c.(*doctree.Element)
		if !ok {
			continue
		}
		switch sub.Tag {
		case "compact_paragraph", "list_item":
			prune(sub, depth, maxdepth, collapse)
		case "bullet_list":
			switch {
			case maxdepth > 0 && depth > maxdepth:
				node.Remove(sub)
			case collapse && depth > 1 && !sub.Parent().Has("iscurrent"):
				node.Remove(sub)
			default:
				prune(sub, depth+1, maxdepth, collapse)
			}
		}
	}
}

// prunedCopy is a deep copy of a document's toc followed by prune, made
// without copying what prune would remove: in a collapsed sidebar the
// documents off the current branch cost only their title.
func prunedCopy(toc *doctree.Element, depth, maxdepth int, collapse bool) *doctree.Element {
	c := toc.Copy()
	for _, ch := range toc.Children {
		sub, ok := ch.(*doctree.Element)
		if !ok {
			c.Append(ch.DeepCopy())
			continue
		}
		switch sub.Tag {
		case "compact_paragraph", "list_item":
			c.Append(prunedCopy(sub, depth, maxdepth, collapse))
		case "bullet_list":
			// A fresh copy has no "iscurrent" marks yet, so collapse
			// removes every nested list below the first level.
			if maxdepth > 0 && depth > maxdepth || collapse && depth > 1 {
				continue
			}
			c.Append(prunedCopy(sub, depth+1, maxdepth, collapse))
		default:
			c.Append(sub.DeepCopy())
		}
	}
	return c
}
