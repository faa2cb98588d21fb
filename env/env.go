// Package env owns the build environment: what each document contributes
// (DocRecord: title, table of contents, toctree entries, labels, terms,
// index entries, numbered objects, assets, dependencies) and the indexes
// merged from all of them. Per-document records are plain data, kept apart
// from the merged indexes and never mutated after a document is read, so
// documents can be read in parallel, records can be cached between runs,
// and the indexes can always be rebuilt from the records in a fixed order:
// the output does not depend on which document finished first.
package env

import (
	"sort"
)

// TocEntry is one section of a document's table of contents.
type TocEntry struct {
	Title string // plain text
	// TitleHTML is the title with its inline markup, rendered by the
	// builder that collected it; empty when not rendered.
	TitleHTML string
	Anchor    string // the section's id; "" for the document's own title
	Children  []*TocEntry
}

// TocTree is one toctree directive of a document.
type TocTree struct {
	// Entries are (title, target) pairs in order; Title is "" when the
	// target's own title is used. Target is a document name or a URL.
	Entries       []TocTreeEntry
	IncludeFiles  []string
	MaxDepth      int
	Caption       string
	Hidden        bool
	IncludeHidden bool
	Numbered      int
	TitlesOnly    bool
	Glob          bool
	Reversed      bool
}

// TocTreeEntry is one entry of a toctree.
type TocTreeEntry struct {
	Title  string
	Target string
	IsURL  bool
	IsSelf bool
}

// Label is a target that :ref: can reach: a document, an id in it, and the
// title shown for it.
type Label struct {
	DocName string
	ID      string
	Title   string
	Line    int
}

// NumberedObject is a figure, table or code block with an id, for :numref:
// and numfig.
type NumberedObject struct {
	Kind  string // "figure", "table", "code-block"
	ID    string
	Title string
}

// IndexEntry is one entry of the general index (Sphinx's 5-tuple:
// type, value, target id, main, key).
type IndexEntry struct {
	Type     string // single, pair, triple, see, seealso
	Value    string
	TargetID string
	Main     string
	Key      string
}

// Object is one object a domain directive described (py:function,
// c:macro, ...): what the domain's cross-references resolve to.
type Object struct {
	Domain string // "py", "c"
	Type   string // object type: "function", "class", "module", "member", ...
	Name   string // fully qualified name: "os.path.join", "PyObject.ob_refcnt"
	ID     string // the node id in the document: "os.path.join", "c.PyObject"
	// Synopsis, Platform and Deprecated describe modules (py:module's
	// options), shown in reference titles and the module index.
	Synopsis   string `json:",omitempty"`
	Platform   string `json:",omitempty"`
	Deprecated bool   `json:",omitempty"`
}

// ObjectsTempKey is the key under a document's reading scratch state
// (sphinx.DocEnv.Temp) where domain directives accumulate the []Object
// that Collect copies into DocRecord.Objects.
const ObjectsTempKey = "domain_objects"

// Term is a glossary term.
type Term struct {
	DocName string
	ID      string
	Text    string
}

// DocRecord is what one document contributes to the environment.
type DocRecord struct {
	DocName string
	// Source is the file's path relative to the source directory.
	Source string
	// Hash is a digest of the source and its dependencies' contents, for
	// incremental builds.
	Hash string

	Title     string
	TitleHTML string
	Toc       []*TocEntry
	TocTrees  []*TocTree
	// Labels maps explicit label names to their targets; AnonLabels holds
	// labels that have no title (usable with an explicit title only).
	Labels     map[string]Label
	AnonLabels map[string]Label
	Terms      map[string]Term
	Index      []IndexEntry
	Numbered   []NumberedObject
	Images     []string
	Downloads  []string
	// Deps are files (relative to the source directory) whose change must
	// re-read the document: includes, literalincludes, images.
	Deps []string
	// Metadata is the document's file-wide metadata (the leading field
	// list): orphan, tocdepth, nocomments, nosearch...
	Metadata map[string]string
	// Refs are the cross-reference targets the document uses, by kind
	// ("ref", "doc", "term", "numref"), so that a change in a label's
	// title can re-resolve its users.
	Refs map[string][]string
	// Objects are the domain objects the document describes, in document
	// order.
	Objects []Object
}

// Orphan reports whether the document is marked as outside every toctree.
func (r *DocRecord) Orphan() bool {
	_, ok := r.Metadata["orphan"]
	return ok
}

// Env is the merged environment of a build.
type Env struct {
	RootDoc string
	Docs    map[string]*DocRecord

	// Merged indexes, rebuilt by Merge from Docs.
	Labels     map[string]Label
	AnonLabels map[string]Label
	Terms      map[string]Term
	// TocChildren maps a document to the documents its toctrees include,
	// in order; TocParent maps a document to the document whose toctree
	// includes it first.
	TocChildren map[string][]string
	TocParent   map[string]string
	// Order is the reading order given by the toctrees from the root
	// document (for prev/next links), followed by documents not reached.
	Order []string
	// Duplicates lists labels and terms defined more than once, as
	// warnings for the build to report.
	Duplicates []Duplicate
}

// Duplicate is a name defined in two places.
type Duplicate struct {
	Kind, Name  string
	First, Then Label
}

// New returns an empty environment.
func New(rootDoc string) *Env {
	return &Env{RootDoc: rootDoc, Docs: map[string]*DocRecord{}}
}

// Add stores a document's record, replacing an earlier one.
func (e *Env) Add(r *DocRecord) { e.Docs[r.DocName] = r }

// DocNames returns the document names, sorted.
func (e *Env) DocNames() []string {
	names := make([]string, 0, len(e.Docs))
	for n := range e.Docs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Merge rebuilds the indexes from the records, going through documents in
// sorted order so the result is the same however the records arrived.
func (e *Env) Merge() {
	e.Labels = map[string]Label{}
	e.AnonLabels = map[string]Label{}
	e.Terms = map[string]Term{}
	e.TocChildren = map[string][]string{}
	e.TocParent = map[string]string{}
	e.Duplicates = nil
	names := e.DocNames()
	for _, n := range names {
		r := e.Docs[n]
		for _, name := range sortedKeys(r.Labels) {
			l := r.Labels[name]
			if old, ok := e.Labels[name]; ok {
				e.Duplicates = append(e.Duplicates, Duplicate{Kind: "label", Name: name, First: old, Then: l})
				continue
			}
			e.Labels[name] = l
		}
		for _, name := range sortedKeys(r.AnonLabels) {
			if _, ok := e.AnonLabels[name]; !ok {
				e.AnonLabels[name] = r.AnonLabels[name]
			}
		}
		for _, name := range sortedKeys(r.Terms) {
			t := r.Terms[name]
			if old, ok := e.Terms[name]; ok {
				e.Duplicates = append(e.Duplicates, Duplicate{Kind: "term", Name: name,
					First: Label{DocName: old.DocName, ID: old.ID}, Then: Label{DocName: t.DocName, ID: t.ID}})
				continue
			}
			e.Terms[name] = t
		}
		for _, tt := range r.TocTrees {
			for _, inc := range tt.IncludeFiles {
				e.TocChildren[n] = append(e.TocChildren[n], inc)
			}
		}
	}
	// Parents and reading order by walking the toctrees from the root.
	seen := map[string]bool{}
	var order []string
	var walk func(doc string)
	walk = func(doc string) {
		if seen[doc] {
			return
		}
		seen[doc] = true
		if _, ok := e.Docs[doc]; !ok {
			return
		}
		order = append(order, doc)
		for _, c := range e.TocChildren[doc] {
			if _, ok := e.TocParent[c]; !ok && c != e.RootDoc {
				e.TocParent[c] = doc
			}
			walk(c)
		}
	}
	walk(e.RootDoc)
	for _, n := range names {
		if !seen[n] {
			order = append(order, n)
		}
	}
	e.Order = order
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
