// Package resolve is the post-read stage of a project build, as Sphinx's
// environment, standard domain, ReferencesResolver and TocTree adapter do
// it: once every document has been read, it resolves cross-references
// (pending_xref), replaces toctree directives by their lists, assigns
// section and figure numbers, evaluates "only" nodes, and gives the HTML
// builders what their pages need around the body: the global navigation
// tree, breadcrumbs, previous and next pages, the page's own contents.
//
// Setup wires it into a project.Build: an AfterRead hook collects from
// each document, as it is read, what the shared State needs (tables of
// contents, titles, numbering outlines, std objects); a PostRead hook
// computes the State once from those, without the trees (numbers,
// relations); then a project.Resolver completes each document in parallel.
// Builders reach the same State with StateOf. Domains other than the
// standard one (py, c) plug in as Domain values.
package resolve

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

type stateKey struct{}

// State is what resolution shares across the documents of one build. It is
// computed once by the PostRead hook and read-only afterwards, so resolvers
// and builder workers use it concurrently.
type State struct {
	b       *project.Build
	linker  Linker
	domains map[string]Domain
	order   []Domain // registration order, for 'any' references
	std     *StdDomain
	tags    map[string]bool

	docs map[string]*docData
	// parent is the toctree parent of each document as Sphinx's
	// get_toctree_ancestors computes it (the last includer wins).
	parent map[string]string
	// secnumbers maps a document to its section anchors ("" for the
	// title, "#id" otherwise) and their numbers; a nil number means the
	// numbered toctree's depth was exhausted (Sphinx's None).
	secnumbers map[string]map[string][]int
	// fignumbers maps a document to figure type to id to number.
	fignumbers map[string]map[string]map[string][]int
	downloads  map[string]string
	relations  map[string]Relation
	once       sync.Once
	prepErr    error
	// collectedMu guards collected, which the AfterRead hook fills from
	// the read workers with what prepare needs from each tree; prepare
	// moves it into docs.
	collectedMu sync.Mutex
	collected   map[string]*docData
	// prepMessages are the warnings of the preparation (nested numbered
	// toctrees), reported once by the PostRead hook.
	prepMessages []project.Message
}

// docData is what the post-read stage extracts from one unresolved
// document, collected by the AfterRead hook while the tree is at hand.
// It holds copies, never nodes of the tree: the tree is dropped after
// reading and the resolver later gets a decoded copy of it, so nothing
// here may be expected to be the same node as the one written.
type docData struct {
	name string
	// toc is the document's table of contents as Sphinx's toctree
	// collector builds it: bullet_list / list_item / compact_paragraph /
	// reference, with copies of toctree nodes and only nodes in place.
	toc *doctree.Element
	// title is the first section title, filtered as for a toc entry
	// (env.titles); titleText is its clean text.
	title     *doctree.Element
	titleText string
	// numEntries is the number of toc entries (env.toc_num_entries).
	numEntries int
	// toctrees are copies of the document's toctree nodes, in document
	// order.
	toctrees []*doctree.Element
	// includes are the documents the toctrees include, in order.
	includes []string
	numbered bool
	tocdepth int
	// figtypes maps the ids of enumerable nodes that labels point to
	// (and of sections) to their figure type, for :numref:.
	figtypes map[string]figTarget
	// objects are the standard domain's objects found in the tree.
	objects []stdObject
	// downloads are the files the document's download references name.
	downloads []string
	// outline is what figure numbering needs from the tree (see
	// collectOutline); nil when numfig is off.
	outline []outlineItem
}

// Setup adds the post-read stage to a build: the AfterRead hook that
// collects what the State needs from each tree as it is read, the
// PostRead hook that prepares the State, the resolver that completes each document, and
// Sphinx's read-phase transforms the output depends on (DefaultSubstitutions,
// AutoNumbering, FilterSystemMessages).
// It returns the State so that the caller can add domains and standard
// object types before the build runs.
func Setup(b *project.Build) *State {
	s := StateOf(b)
	b.AfterRead = append(b.AfterRead, s.afterRead)
	b.PostRead = append(b.PostRead, func(b *project.Build) error {
		err := s.prepare()
		for _, m := range s.prepMessages {
			b.Report(m)
		}
		s.prepMessages = nil
		return err
	})
	b.Resolvers = append(b.Resolvers, s.ResolveDoc)
	b.DocTransforms = append(b.DocTransforms, DefaultSubstitutions(b.Cfg, b.Now), AutoNumbering, FilterSystemMessages(b.Cfg))
	return s
}

// afterRead is the AfterRead hook: it runs in the read workers and keeps
// what prepare needs from the document, so that prepare never walks the
// trees (they are dropped after reading).
func (s *State) afterRead(b *project.Build, docname string, doc *doctree.Document) {
	d := collectDoc(docname, doc)
	if doc != nil && b.Cfg.Numfig {
		d.outline = collectOutline(doc.Root)
	}
	s.collectedMu.Lock()
	if s.collected == nil {
		s.collected = map[string]*docData{}
	}
	s.collected[docname] = d
	s.collectedMu.Unlock()
}

// StateOf returns the build's State, creating an unprepared one on first
// use. Builders call it from Prepare, after the PostRead hook has run.
func StateOf(b *project.Build) *State {
	return b.Shared(stateKey{}, func() any { return newState(b) }).(*State)
}

func newState(b *project.Build) *State {
	s := &State{b: b, domains: map[string]Domain{}}
	s.std = newStdDomain(s)
	s.AddDomain(s.std)
	return s
}

// AddDomain registers a domain's resolver (py, c, ...): pending_xref nodes
// whose refdomain is the domain's name go to it, and 'any' references try
// it after the standard domain.
func (s *State) AddDomain(d Domain) {
	if _, ok := s.domains[d.Name()]; !ok {
		s.order = append(s.order, d)
	} else {
		for i, o := range s.order {
			if o.Name() == d.Name() {
				s.order[i] = d
			}
		}
	}
	s.domains[d.Name()] = d
}

// Std returns the standard domain, for registering object types.
func (s *State) Std() *StdDomain { return s.std }

// Build returns the build the state belongs to.
func (s *State) Build() *project.Build { return s.b }

// Linker returns the scheme used to link documents: the builder's own when
// it implements Linker, else DocNameLinker.
func (s *State) Linker() Linker { return s.linker }

// prepare computes everything shared: per-document tables of contents and
// titles, toctree relations, section and figure numbers, std objects.
func (s *State) prepare() error {
	s.once.Do(func() {
		s.prepErr = s.doPrepare()
	})
	return s.prepErr
}

func (s *State) doPrepare() error {
	b := s.b
	s.linker = DocNameLinker{}
	if l, ok := b.Builder.(Linker); ok {
		s.linker = l
	}
	s.tags = buildTags(b)
	names := b.Env.DocNames()
	s.collectedMu.Lock()
	collected := s.collected
	s.collected = nil
	s.collectedMu.Unlock()
	s.docs = make(map[string]*docData, len(names))
	for _, n := range names {
		d := collected[n]
		if d == nil {
			// The hook saw every document read after Setup; one it did
			// not see counts as empty, as a missing tree always did.
			d = collectDoc(n, nil)
		}
		s.docs[n] = d
		if r := b.Env.Docs[d.name]; r != nil {
			if v, ok := r.Metadata["tocdepth"]; ok {
				fmt.Sscan(strings.TrimSpace(v), &d.tocdepth)
			}
		}
	}
	// Sphinx builds the parent map from toctree_includes in reading
	// order, so the last document to include a child is its parent.
	s.parent = map[string]string{}
	for _, n := range names {
		for _, c := range s.docs[n].includes {
			s.parent[c] = n
		}
	}
	s.collectRelations()
	s.assignSectionNumbers()
	if b.Cfg.Numfig {
		s.assignFigureNumbers()
	}
	s.std.merge(names)
	s.downloads = map[string]string{}
	for _, n := range names {
		for _, f := range s.docs[n].downloads {
			s.downloads[f] = downloadDest(f)
		}
	}
	for _, d := range s.order {
		if p, ok := d.(interface{ Prepare(*State) error }); ok {
			if err := p.Prepare(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// buildTags returns the tags "only" expressions are evaluated against:
// the configuration's and the command line's, and the builder's name and
// format, as Sphinx's builder adds them.
func buildTags(b *project.Build) map[string]bool {
	tags := map[string]bool{}
	for _, t := range b.Cfg.Tags {
		tags[t] = true
	}
	for _, t := range b.Opts.Tags {
		tags[t] = true
	}
	if b.Builder != nil {
		name := b.Builder.Name()
		format := name
		if f, ok := b.Builder.(interface{ Format() string }); ok {
			format = f.Format()
		} else if name == "dirhtml" || name == "singlehtml" {
			format = "html"
		}
		tags[name] = true
		tags["builder_"+name] = true
		tags[format] = true
		tags["format_"+format] = true
	}
	return tags
}

// HasTag reports whether a tag is set for "only" expressions.
func (s *State) HasTag(tag string) bool { return s.tags[tag] }

// relFile is a document's or node's source file as messages name it:
// relative to the source directory.
func (s *State) relFile(docname string, n doctree.Node) (string, int) {
	src, line := "", 0
	if n != nil {
		src, line = doctree.SourceLine(n)
	}
	if src != "" {
		if rel, err := filepath.Rel(s.b.SrcDir, src); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel), line
		}
		return src, line
	}
	if so, ok := s.b.SourceOf(docname); ok {
		return so.Rel, line
	}
	return docname, line
}

// warn makes a warning located at node (or at the document when node is
// nil).
func (s *State) warn(docname string, node doctree.Node, format string, args ...any) project.Message {
	file, line := s.relFile(docname, node)
	return project.Message{File: file, Line: line, Level: doctree.LevelWarning, Text: fmt.Sprintf(format, args...)}
}

// HasDoc reports whether a document exists.
func (s *State) HasDoc(docname string) bool {
	_, ok := s.docs[docname]
	return ok
}

// Title returns the document's title node (Sphinx's env.titles), with a
// secnumber attribute when a numbered toctree gives it one, or nil.
// Callers must not change it.
func (s *State) Title(docname string) *doctree.Element {
	if d := s.docs[docname]; d != nil {
		return d.title
	}
	return nil
}

// TitleText returns the document's title as plain text.
func (s *State) TitleText(docname string) string {
	if d := s.docs[docname]; d != nil {
		return d.titleText
	}
	return ""
}

// SectionNumbers returns the section numbers of a document by anchor: ""
// for the document's title, "#id" for a section. A nil number means the
// section is under a numbered toctree but beyond its depth. The map is nil
// for documents outside numbered toctrees; callers must not change it.
func (s *State) SectionNumbers(docname string) map[string][]int {
	return s.secnumbers[docname]
}

// FigureNumbers returns the numbers of a document's figures, tables and
// code blocks by figure type ("figure", "table", "code-block", and
// "displaymath" for labelled equations) and id; nil when numfig is off.
func (s *State) FigureNumbers(docname string) map[string]map[string][]int {
	return s.fignumbers[docname]
}

// Downloads maps each file named by a download role (relative to the
// source directory) to its place under _downloads/.
func (s *State) Downloads() map[string]string { return s.downloads }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
