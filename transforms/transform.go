// Package transforms ports docutils 0.19's tree transforms (the
// docutils.transforms package) and the Transformer that orders and applies
// them. A transform is a value naming its docutils class and default
// priority; a Registry value maps class names to transforms so that the
// pending elements directives leave in the tree find the transform that
// resolves them, and so that later stages (Sphinx-level transforms,
// extensions) can add their own without package-level state.
package transforms

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Transform is one tree transform (a docutils Transform subclass).
type Transform struct {
	// Name is docutils' module-qualified class name, such as
	// "docutils.transforms.references.Substitutions": pending elements
	// name their transform this way.
	Name string
	// Priority is the default priority, 0 through 999; lower runs first.
	Priority int
	// Apply runs the transform. ctx.Pending is the pending element the
	// transform was scheduled for, or nil.
	Apply func(ctx *Context) error
}

// Context is what a transform sees while it runs (docutils' Transform
// instance: document, startnode, language).
type Context struct {
	Doc *doctree.Document
	// Pending is the pending element (docutils' startnode), or nil.
	Pending     *doctree.Element
	Transformer *Transformer
	// Kwargs are the keyword arguments given with the transform
	// (docutils' add_transform(..., **kwargs)).
	Kwargs map[string]any
}

// Settings returns the document's settings.
func (c *Context) Settings() *doctree.Settings { return c.Doc.Settings }

// Reporter returns the document's reporter.
func (c *Context) Reporter() *doctree.Reporter { return c.Doc.Reporter }

// Language returns the labels and bibliographic field names for the
// document's language, falling back to English as docutils does.
func (c *Context) Language() *directives.Language {
	return c.Transformer.language()
}

// Resolver tries to resolve a reference or indirect target whose name
// matches no target (docutils' unknown_reference_resolvers). It returns
// true when it resolved the node, and then sets node.Resolved itself.
type Resolver struct {
	// Priority orders the resolvers; lower runs first.
	Priority int
	Resolve  func(node *doctree.Element) bool
}

// Component is a docutils component (reader, parser or writer) as
// transforms ask about it: whether it supports a format.
type Component interface {
	Supports(format string) bool
}

// LanguageSource gives the localised labels of a language code, or nil
// when the language is unknown. *directives.Registry is one.
type LanguageSource interface {
	Language(code string) *directives.Language
}

// Registry maps transform names to transforms. It is a value: each build
// makes its own (NewStandardRegistry) and may add to it.
type Registry struct {
	byName map[string]*Transform
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]*Transform{}} }

// Add registers transforms under their names, replacing any earlier one
// with the same name.
func (r *Registry) Add(ts ...*Transform) {
	for _, t := range ts {
		r.byName[t.Name] = t
	}
}

// Lookup returns the transform registered under name, or nil. A name
// without a dot-separated package path, or one relative to
// "docutils.transforms" (as docutils' test suites write them, e.g.
// "references.Substitutions"), is also tried under that package.
func (r *Registry) Lookup(name string) *Transform {
	if t, ok := r.byName[name]; ok {
		return t
	}
	if !strings.HasPrefix(name, docutilsPrefix) {
		return r.byName[docutilsPrefix+name]
	}
	return nil
}

// Names returns the registered names, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.byName))
	for n := range r.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

const docutilsPrefix = "docutils.transforms."

// queued is one transform waiting to run: docutils' 4-tuple
// (priority string, transform class, pending node, kwargs).
type queued struct {
	key       string
	transform *Transform
	name      string // the name asked for, when transform is nil
	pending   *doctree.Element
	kwargs    map[string]any
}

// Applied records one transform that ran.
type Applied struct {
	Priority  string
	Transform *Transform
	Pending   *doctree.Element
}

// Transformer stores transforms and applies them to one document in
// priority order (docutils' Transformer). Transforms and pending elements
// added while it runs are sorted in before the next one is taken.
type Transformer struct {
	Doc      *doctree.Document
	Registry *Registry
	// Languages supplies localised labels; nil means English only.
	Languages LanguageSource
	// Components maps component types ("reader", "parser", "writer") to
	// components, for transforms that ask what the output supports.
	Components map[string]Component
	// Resolvers are tried, in order, for references no target resolves.
	Resolvers []Resolver
	// Applied lists the transforms that ran, in order.
	Applied []Applied
	// Sectnum is what the sectnum directive left for the writer when the
	// sectnum_xform setting is off; nil otherwise.
	Sectnum *SectnumInfo

	queue       []queued
	serial      int
	sorted      bool
	pendingSeen int
	lang        *directives.Language
	langDone    bool
}

// NewTransformer returns a transformer for doc that resolves pending
// elements through reg. The pending elements doc has already noted are
// queued first, as docutils queues them while parsing.
func NewTransformer(doc *doctree.Document, reg *Registry) *Transformer {
	t := &Transformer{Doc: doc, Registry: reg, Components: map[string]Component{}}
	t.syncPending()
	return t
}

// priorityKey combines a priority with the serial number of the addition,
// exactly as docutils' get_priority_string ("%03d-%03d", compared as
// strings), so that equal priorities run first in, first out.
func (t *Transformer) priorityKey(priority int) string {
	t.serial++
	return fmt.Sprintf("%03d-%03d", priority, t.serial)
}

// Add queues a transform; priority -1 means its default priority.
func (t *Transformer) Add(tr *Transform, priority int) {
	t.AddWithArgs(tr, priority, nil)
}

// AddWithArgs queues a transform with keyword arguments for its Apply.
func (t *Transformer) AddWithArgs(tr *Transform, priority int, kwargs map[string]any) {
	t.syncPending()
	if priority < 0 {
		priority = tr.Priority
	}
	t.queue = append(t.queue, queued{key: t.priorityKey(priority), transform: tr, name: tr.Name, kwargs: kwargs})
	t.sorted = false
}

// AddTransforms queues transforms with their default priorities.
func (t *Transformer) AddTransforms(ts ...*Transform) {
	for _, tr := range ts {
		t.Add(tr, -1)
	}
}

// AddNames queues the transforms registered under names, with their
// default priorities. Unknown names are an error and nothing is queued for
// them.
func (t *Transformer) AddNames(names ...string) error {
	var errs []error
	for _, n := range names {
		tr := t.Registry.Lookup(n)
		if tr == nil {
			errs = append(errs, fmt.Errorf("unknown transform %q", n))
			continue
		}
		t.Add(tr, -1)
	}
	return errors.Join(errs...)
}

// AddPending queues the transform of a pending element; priority -1 means
// the transform's default. Document.NotePending is the usual way in: the
// transformer picks up notes as it goes.
func (t *Transformer) AddPending(p *doctree.Element, priority int) {
	t.syncPending()
	t.addPending(p, priority)
}

func (t *Transformer) addPending(p *doctree.Element, priority int) {
	name := ""
	if p.Pending != nil {
		name = p.Pending.Transform
	}
	tr := t.Registry.Lookup(name)
	if priority < 0 && tr != nil {
		priority = tr.Priority
	}
	if priority < 0 {
		priority = 0
	}
	t.queue = append(t.queue, queued{key: t.priorityKey(priority), transform: tr, name: name, pending: p})
	t.sorted = false
}

// syncPending queues the pending elements noted in the document since the
// last look.
func (t *Transformer) syncPending() {
	for t.pendingSeen < len(t.Doc.Pending) {
		n := t.Doc.Pending[t.pendingSeen]
		t.pendingSeen++
		t.addPending(n.Node, n.Priority)
	}
}

// AddResolver adds an unknown-reference resolver, keeping them ordered by
// priority.
func (t *Transformer) AddResolver(r Resolver) {
	t.Resolvers = append(t.Resolvers, r)
	sort.SliceStable(t.Resolvers, func(i, j int) bool { return t.Resolvers[i].Priority < t.Resolvers[j].Priority })
}

// Apply runs the queued transforms in priority order until none is left.
// Messages reported meanwhile are recorded in Doc.TransformMessages. A
// message at the halt level stops the run and is returned as a
// *doctree.HaltError; a pending element whose transform is unknown is
// reported in the returned error and skipped.
func (t *Transformer) Apply() (err error) {
	rep := t.Doc.Reporter
	obs := len(rep.Observers)
	rep.Observers = append(rep.Observers, t.Doc.NoteTransformMessage)
	defer func() {
		if obs < len(rep.Observers) {
			rep.Observers = append(rep.Observers[:obs], rep.Observers[obs+1:]...)
		}
		if r := recover(); r != nil {
			h, ok := r.(*doctree.HaltError)
			if !ok {
				panic(r)
			}
			err = h
		}
	}()
	var errs []error
	for {
		t.syncPending()
		if len(t.queue) == 0 {
			break
		}
		if !t.sorted {
			// Descending, so that the smallest key is popped from the end.
			sort.SliceStable(t.queue, func(i, j int) bool { return t.queue[i].key > t.queue[j].key })
			t.sorted = true
		}
		q := t.queue[len(t.queue)-1]
		t.queue = t.queue[:len(t.queue)-1]
		if q.transform == nil {
			errs = append(errs, fmt.Errorf("pending element names unknown transform %q", q.name))
			continue
		}
		ctx := &Context{Doc: t.Doc, Pending: q.pending, Transformer: t, Kwargs: q.kwargs}
		t.language() // as docutils' Transform.__init__, before apply
		if e := q.transform.Apply(ctx); e != nil {
			errs = append(errs, fmt.Errorf("%s: %w", q.transform.Name, e))
		}
		t.Applied = append(t.Applied, Applied{Priority: q.key, Transform: q.transform, Pending: q.pending})
	}
	return errors.Join(errs...)
}

// language looks the document's language up once per transformer, with
// docutils' fallback to English and its warning for an unknown language.
func (t *Transformer) language() *directives.Language {
	if t.langDone {
		return t.lang
	}
	t.langDone = true
	code := t.Doc.Settings.LanguageCode
	if t.Languages != nil {
		for _, tag := range NormalizeLanguageTag(code) {
			if l := t.Languages.Language(strings.ReplaceAll(tag, "-", "_")); l != nil && l.Labels != nil {
				t.lang = l
				return l
			}
		}
		t.Doc.Reporter.Warning(fmt.Sprintf("Language \"%s\" not supported: Docutils-generated text will be in English.", code), doctree.MsgOpts{})
		if l := t.Languages.Language("en"); l != nil && l.Labels != nil {
			t.lang = l
			return l
		}
	}
	t.lang = englishLanguage
	return t.lang
}

// NormalizeLanguageTag returns the combinations of a BCP 47 language tag's
// subtags, most specific first (docutils.utils.normalize_language_tag):
// "de-AT-1901" gives de-at-1901, de-at, de-1901, de.
func NormalizeLanguageTag(tag string) []string {
	tag = strings.ReplaceAll(strings.ToLower(tag), "-", "_")
	// A singleton subtag marks the next one as non-standard: keep them
	// together ("x_altquot" becomes "x-altquot").
	var b strings.Builder
	for i := 0; i < len(tag); i++ {
		b.WriteByte(tag[i])
		if tag[i] == '_' && i+2 < len(tag) && tag[i+2] == '_' && isAlnum(tag[i+1]) {
			b.WriteByte(tag[i+1])
			b.WriteByte('-')
			i += 2
		}
	}
	subtags := strings.Split(b.String(), "_")
	base, rest := subtags[0], subtags[1:]
	var out []string
	for n := len(rest); n > 0; n-- {
		for _, combo := range combinations(rest, n) {
			out = append(out, base+"-"+strings.Join(combo, "-"))
		}
	}
	return append(out, base)
}

func isAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// combinations returns the n-element combinations of items in
// lexicographic index order, as Python's itertools.combinations.
func combinations(items []string, n int) [][]string {
	var out [][]string
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for {
		c := make([]string, n)
		for i, j := range idx {
			c[i] = items[j]
		}
		out = append(out, c)
		i := n - 1
		for i >= 0 && idx[i] == i+len(items)-n {
			i--
		}
		if i < 0 {
			return out
		}
		idx[i]++
		for j := i + 1; j < n; j++ {
			idx[j] = idx[j-1] + 1
		}
	}
}
