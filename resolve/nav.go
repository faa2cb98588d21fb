package resolve

import (
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

// NavOptions are the options of the global navigation tree, as themes
// pass them to Sphinx's toctree() template function.
type NavOptions struct {
	// Collapse shows only the branch leading to the current page
	// (Sphinx's default in templates).
	Collapse bool
	// MaxDepth limits the depth; 0 means no limit (the toctrees' own).
	MaxDepth int
	// TitlesOnly shows only the documents' titles, not their sections.
	TitlesOnly bool
	// IncludeHidden also shows hidden toctrees (Sphinx's template
	// default is false).
	IncludeHidden bool
}

// GlobalToc returns the site's navigation tree as seen from docname: the
// toctrees of the root document resolved with the current page's branch
// marked "current" (Sphinx's get_toctree_for), or nil when there is
// none. With Collapse, documents off the current branch contribute only
// their titles, so the work per page grows with the depth of the page,
// not with the size of the site. The result is the caller's; references
// carry URIs relative to docname.
func (s *State) GlobalToc(docname string, o NavOptions) *doctree.Element {
	root := s.docs[s.b.Cfg.RootDoc]
	if root == nil {
		return nil
	}
	var result *doctree.Element
	for _, tt := range root.toctrees {
		res := s.ResolveToctree(docname, tt, TocOptions{
			Prune: true, MaxDepth: o.MaxDepth, TitlesOnly: o.TitlesOnly,
			Collapse: o.Collapse, IncludeHidden: o.IncludeHidden,
		}, nil)
		if res == nil {
			continue
		}
		if result == nil {
			result = res
			continue
		}
		kids := append([]doctree.Node(nil), res.Children...)
		res.Clear()
		result.Append(kids...)
	}
	return result
}

// LocalToc returns the page's own table of contents (Sphinx's
// get_toc_for): a bullet list whose references point at the page's
// anchors ("#" for the title), cut at the document's tocdepth. It is nil
// for an unknown document.
func (s *State) LocalToc(docname string) *doctree.Element {
	d := s.docs[docname]
	if d == nil {
		return nil
	}
	toc := d.toc.DeepCopyElement()
	prune(toc, 2, d.tocdepth, false)
	processOnlyNodes(toc, s.tags, nil)
	for _, ref := range doctree.FindTag(toc, "reference") {
		a := ref.GetString("anchorname")
		if a == "" {
			a = "#"
		}
		ref.Set("refuri", a)
	}
	return toc
}

// TocEntries is the number of entries of the page's table of contents;
// Sphinx's HTML builder shows the local toc only when it is more than 1.
func (s *State) TocEntries(docname string) int {
	if d := s.docs[docname]; d != nil {
		return d.numEntries
	}
	return 0
}

// Relation is a document's place in the reading order given by the
// toctrees: its parent and the previous and next documents ("" for none).
type Relation struct {
	Parent, Prev, Next string
}

// Relations returns the document's parent, previous and next documents
// (Sphinx's collect_relations: a pre-order walk of the toctrees from the
// root document). Documents outside every toctree have none.
func (s *State) Relations(docname string) Relation {
	return s.relations[docname]
}

// Parents returns the chain of toctree parents of a document from the
// top, without the root document, for breadcrumbs (as Sphinx's HTML
// builder's "parents").
func (s *State) Parents(docname string) []string {
	var chain []string
	seen := map[string]bool{docname: true}
	for p := s.relations[docname].Parent; p != "" && !seen[p]; p = s.relations[p].Parent {
		seen[p] = true
		chain = append(chain, p)
	}
	if len(chain) > 0 {
		chain = chain[:len(chain)-1]
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// collectRelations walks the toctrees from the root document in
// pre-order, each document once, as Sphinx's collect_relations.
func (s *State) collectRelations() {
	s.relations = map[string]Relation{}
	root := s.b.Cfg.RootDoc
	if s.docs[root] == nil {
		return
	}
	type pair struct{ parent, doc string }
	var order []pair
	seen := map[string]bool{}
	var walk func(parent, doc string)
	walk = func(parent, doc string) {
		if parent == doc {
			s.prepMessages = append(s.prepMessages, s.warn(doc, nil, "self referenced toctree found. Ignored."))
			return
		}
		if seen[doc] {
			return
		}
		seen[doc] = true
		order = append(order, pair{parent, doc})
		if d := s.docs[doc]; d != nil {
			for _, c := range d.includes {
				walk(doc, c)
			}
		}
	}
	walk("", root)
	for i, p := range order {
		r := Relation{Parent: p.parent}
		if i > 0 {
			r.Prev = order[i-1].doc
		}
		if i+1 < len(order) {
			r.Next = order[i+1].doc
		}
		s.relations[p.doc] = r
	}
}

// ResolveToctreeFor is ResolveToctree for callers outside a resolver
// (builders rendering a toctree of their own): warnings are reported to
// the build.
func (s *State) ResolveToctreeFor(docname string, toctree *doctree.Element, o TocOptions) *doctree.Element {
	var msgs []project.Message
	res := s.ResolveToctree(docname, toctree, o, &msgs)
	for _, m := range msgs {
		s.b.Report(m)
	}
	return res
}
