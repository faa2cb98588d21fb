package project

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/transforms"
)

// Builder turns resolved documents into output files. WriteDoc is called
// from several goroutines at once; Prepare and Finish are not.
type Builder interface {
	// Name is the builder's name on the command line ("html").
	Name() string
	// Prepare is called once after the environment is merged, with the
	// staging folder the output goes to.
	Prepare(b *Build, outDir string) error
	// WriteDoc writes one resolved document.
	WriteDoc(ctx context.Context, docname string, doc *doctree.Document) error
	// Finish writes what spans documents: indices, search, static files.
	Finish(ctx context.Context) error
}

// Options configure a build.
type Options struct {
	SrcDir string
	OutDir string
	// Overrides are -D name=value settings.
	Overrides []string
	// Tags are -t tags for the only directive.
	Tags []string
	// Jobs is the number of documents processed at once; 0 means every
	// core.
	Jobs int
	// Nitpicky reports every unresolved reference (-n).
	Nitpicky bool
	// Log receives warnings and errors, one per line; nil discards them.
	Log io.Writer
	// Progress receives progress lines; nil means none.
	Progress func(stage string, done, total int)
	// Registry holds the directives and roles; the caller assembles it
	// (docutils' standard set, Sphinx's additions, extensions).
	Registry *directives.Registry
	// Now is the build time for |today| and dates; zero means the clock
	// (or SOURCE_DATE_EPOCH, which the command line reads).
	Now time.Time
	// Config, when set, is used instead of loading SrcDir's configuration.
	Config *config.Config
	// Codecs encode the attribute values of other packages' types (see
	// doctree.ValueCodecs); a document holding a value without a codec
	// keeps its tree, which is correct, only heavier. nil is an empty set.
	Codecs *doctree.ValueCodecs
	// KeepTrees keeps every read tree in Build.Docs until it is written.
	// By default a tree is encoded after reading (doctree.EncodeDocument)
	// and decoded just before its document is resolved and written, so
	// that a build holds compact encodings, not hundreds of thousands of
	// elements; tests that inspect b.Docs after Read set it.
	KeepTrees bool
}

// Build is one run over a project.
type Build struct {
	Opts     Options
	Cfg      *config.Config
	SrcDir   string
	OutDir   string
	Registry *directives.Registry
	// Transforms resolves pending elements; DocTransforms are applied to
	// every document after parsing.
	Transforms    *transforms.Registry
	DocTransforms []*transforms.Transform
	// Resolvers run on each document after the environment is merged,
	// before the builder writes it (cross-references, toctrees).
	Resolvers []Resolver
	// PostRead hooks run once, in order, after the environment is merged
	// and before any document is resolved: what every resolver and the
	// builder share (section numbers, the site's toctree) is computed there
	// from the documents while no resolver is changing them.
	PostRead []func(b *Build) error
	// AfterRead hooks run in the read workers, concurrently, on each
	// document as soon as it is read and transformed. They collect what the
	// later stages need from the tree (titles, tocs, numbering outlines,
	// images): after them the tree is encoded and dropped until its
	// document is written, so PostRead hooks and builders' Prepare must
	// not walk the trees. Hooks store what they collect themselves, keyed
	// by document name and safe for concurrent use.
	AfterRead []func(b *Build, docname string, doc *doctree.Document)
	// Builder is the builder of the current Run, set before reading, so
	// that resolvers can ask it how it links documents.
	Builder Builder
	Now     time.Time

	Sources  []Source
	byName   map[string]*Source
	docNames []string
	tags     map[string]bool

	Env *env.Env
	// Docs holds the read documents by name, transformed but unresolved,
	// when their trees are kept (Options.KeepTrees, or a tree that cannot
	// be encoded); the others wait encoded in stored. Doc returns either.
	Docs   map[string]*doctree.Document
	stored map[string]*storedDoc

	// postReadDone and resolved let Resolve and Write be called in
	// either combination without running a stage twice.
	postReadDone bool
	resolved     map[*doctree.Document]bool

	mu       sync.Mutex
	sharedMu sync.Mutex
	shared   map[any]any
	messages []Message
	warnings int
	errors   int
}

// Resolver completes a document once every document has been read.
type Resolver func(b *Build, docname string, doc *doctree.Document) []Message

// Result summarises a finished build.
type Result struct {
	Pages    int
	Warnings int
	Errors   int
	Elapsed  time.Duration
}

// New prepares a build: loads the configuration and finds the documents.
func New(opts Options) (*Build, error) {
	if opts.SrcDir == "" {
		opts.SrcDir = "."
	}
	src, err := filepath.Abs(opts.SrcDir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("source directory %s does not exist or is not a directory", opts.SrcDir)
	}
	b := &Build{Opts: opts, SrcDir: src, Registry: opts.Registry, tags: map[string]bool{}}
	if b.Registry == nil {
		b.Registry = directives.NewRegistry()
	}
	cfg := opts.Config
	if cfg == nil {
		var warns []config.Warning
		cfg, warns, err = config.Load(src)
		if err != nil {
			return nil, err
		}
		for _, w := range warns {
			b.report(Message{File: w.File, Line: w.Line, Level: doctree.LevelWarning, Text: w.Text})
		}
	}
	for _, o := range opts.Overrides {
		name, value, ok := cutEq(o)
		if !ok {
			return nil, fmt.Errorf("-D %s: expected name=value", o)
		}
		if err := cfg.Override(name, value); err != nil {
			return nil, fmt.Errorf("-D %s: %v", o, err)
		}
	}
	b.Cfg = cfg
	for _, t := range cfg.Tags {
		b.tags[t] = true
	}
	for _, t := range opts.Tags {
		b.tags[t] = true
	}
	b.OutDir = opts.OutDir
	b.Now = opts.Now
	if b.Now.IsZero() {
		b.Now = time.Now()
	}
	b.Sources, err = Discover(cfg, src, opts.OutDir)
	if err != nil {
		return nil, fmt.Errorf("finding documents in %s: %w", opts.SrcDir, err)
	}
	b.byName = map[string]*Source{}
	for i := range b.Sources {
		b.byName[b.Sources[i].DocName] = &b.Sources[i]
		b.docNames = append(b.docNames, b.Sources[i].DocName)
	}
	b.Transforms = transforms.NewStandardRegistry()
	b.DocTransforms = DefaultDocTransforms()
	return b, nil
}

// DefaultDocTransforms are the docutils transforms Sphinx applies to each
// document while reading: its reader's and parser's. Sphinx reads with an
// "unfiltered" writer, so none of docutils' writer transforms run (no
// "Docutils System Messages" section).
func DefaultDocTransforms() []*transforms.Transform {
	var out []*transforms.Transform
	out = append(out, transforms.ReaderTransforms()...)
	return append(out, transforms.RSTParserTransforms()...)
}

// htmlSupport is the reading writer as Sphinx declares it: it supports
// only "html", which decides what the components.Filter transform keeps.
type htmlSupport struct{}

func (htmlSupport) Supports(format string) bool { return format == "html" }

func cutEq(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '=' {
			return s[:i], s[i+1:], true
		}
	}
	return "", "", false
}

// report records a message and writes it to the log.
func (b *Build) report(m Message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.messages = append(b.messages, m)
	switch {
	case m.Level == doctree.LevelWarning:
		b.warnings++
	case m.Level >= doctree.LevelError:
		b.errors++
	}
	if b.Opts.Log != nil && m.Level >= doctree.LevelWarning {
		fmt.Fprintln(b.Opts.Log, m.String())
	}
}

// Shared returns the value stored under key, storing init() there first
// when there is none. Packages that extend the build (resolvers,
// builders) keep their per-build state here rather than in globals; key
// is a value of an unexported type of theirs.
func (b *Build) Shared(key any, init func() any) any {
	b.sharedMu.Lock()
	defer b.sharedMu.Unlock()
	if v, ok := b.shared[key]; ok {
		return v
	}
	if b.shared == nil {
		b.shared = map[any]any{}
	}
	v := init()
	b.shared[key] = v
	return v
}

// Report records a message of the build; builders and resolvers use it.
func (b *Build) Report(m Message) { b.report(m) }

// Messages returns the messages reported so far.
func (b *Build) Messages() []Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Message(nil), b.messages...)
}

func (b *Build) jobs() int {
	if b.Opts.Jobs > 0 {
		return b.Opts.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// parallel runs f for each index in [0, n) on the build's workers, stopping
// early when ctx is cancelled.
func (b *Build) parallel(ctx context.Context, stage string, n int, f func(i int) error) error {
	return b.parallelBySize(ctx, stage, n, nil, f)
}

// parallelBySize is parallel, taking items in decreasing size (a guess at
// their cost) when size is not nil: with the big documents started first,
// the stage does not end with one worker busy on a big document while the
// others idle.
func (b *Build) parallelBySize(ctx context.Context, stage string, n int, size func(i int) int64, f func(i int) error) error {
	var order []int
	if size != nil {
		order = make([]int, n)
		sizes := make([]int64, n)
		for i := range order {
			order[i] = i
			sizes[i] = size(i)
		}
		sort.SliceStable(order, func(x, y int) bool { return sizes[order[x]] > sizes[order[y]] })
	}
	jobs := b.jobs()
	var next, done int
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next >= n || firstErr != nil || ctx.Err() != nil {
					mu.Unlock()
					return
				}
				i := next
				if order != nil {
					i = order[next]
				}
				next++
				mu.Unlock()
				err := f(i)
				mu.Lock()
				done++
				if err != nil && firstErr == nil {
					firstErr = err
				}
				d := done
				mu.Unlock()
				if b.Opts.Progress != nil {
					b.Opts.Progress(stage, d, n)
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// Read reads every document in parallel and merges the environment.
// Messages are reported in document order, so the log does not depend on
// scheduling.
func (b *Build) Read(ctx context.Context) error {
	results := make([]*ReadResult, len(b.Sources))
	err := b.parallelBySize(ctx, "reading", len(b.Sources), func(i int) int64 { return b.Sources[i].Size }, func(i int) error {
		r := b.readDoc(b.Sources[i])
		if r.Doc != nil {
			for _, h := range b.AfterRead {
				h(b, r.Source.DocName, r.Doc)
			}
			if !b.Opts.KeepTrees {
				r.stored = storeDoc(r.Doc, b.Opts.Codecs)
				if r.stored != nil {
					r.Doc = nil
				}
			}
		}
		results[i] = r
		return nil
	})
	if err != nil {
		return err
	}
	b.Env = env.New(b.Cfg.RootDoc)
	b.Docs = map[string]*doctree.Document{}
	b.stored = map[string]*storedDoc{}
	for _, r := range results {
		for _, m := range r.Messages {
			b.report(m)
		}
		switch {
		case r.stored != nil:
			b.stored[r.Source.DocName] = r.stored
		case r.Doc != nil:
			b.Docs[r.Source.DocName] = r.Doc
		default:
			continue
		}
		b.Env.Add(r.Record)
	}
	b.Env.Merge()
	for _, d := range b.Env.Duplicates {
		src := b.byName[d.Then.DocName]
		file := d.Then.DocName
		if src != nil {
			file = src.Rel
		}
		other := d.First.DocName
		if s := b.byName[other]; s != nil {
			other = s.Rel
		}
		what := "label"
		if d.Kind == "term" {
			what = "term description of"
			b.report(Message{File: file, Line: d.Then.Line, Level: doctree.LevelWarning,
				Text: fmt.Sprintf("duplicate %s %s, other instance in %s", what, d.Name, other)})
			continue
		}
		b.report(Message{File: file, Line: d.Then.Line, Level: doctree.LevelWarning,
			Text: fmt.Sprintf("duplicate %s %s, other instance in %s", what, d.Name, other)})
	}
	if _, ok := b.Env.Docs[b.Cfg.RootDoc]; !ok && len(b.Sources) > 0 {
		b.report(Message{Level: doctree.LevelWarning, Text: fmt.Sprintf("root document %q not found: set root_doc in the configuration", b.Cfg.RootDoc)})
	}
	b.checkOrphans()
	return nil
}

// checkOrphans warns about documents that no toctree includes, as Sphinx
// does ("document isn't included in any toctree").
func (b *Build) checkOrphans() {
	included := map[string]bool{b.Cfg.RootDoc: true}
	for _, kids := range b.Env.TocChildren {
		for _, k := range kids {
			included[k] = true
		}
	}
	for _, n := range b.Env.DocNames() {
		if included[n] || b.Env.Docs[n].Orphan() {
			continue
		}
		b.report(Message{File: b.byName[n].Rel, Level: doctree.LevelWarning, Text: "document isn't included in any toctree"})
	}
}

// Resolve runs the PostRead hooks, then the resolvers on every document in
// parallel, keeping every resolved tree in Docs. Run does not call it: it
// resolves and writes each document in one pass (see Write).
func (b *Build) Resolve(ctx context.Context) error {
	for name := range b.stored {
		doc, err := b.Doc(name)
		if err != nil {
			return err
		}
		b.Docs[name] = doc
		delete(b.stored, name)
	}
	if err := b.postRead(); err != nil {
		return err
	}
	names := b.Env.DocNames()
	msgs := make([][]Message, len(names))
	err := b.parallel(ctx, "resolving", len(names), func(i int) error {
		msgs[i] = b.resolveDoc(names[i], b.Docs[names[i]])
		return nil
	})
	b.reportAll(msgs)
	if b.resolved == nil {
		b.resolved = map[*doctree.Document]bool{}
	}
	for _, n := range names {
		b.resolved[b.Docs[n]] = true
	}
	return err
}

// postRead runs the PostRead hooks once.
func (b *Build) postRead() error {
	if b.postReadDone {
		return nil
	}
	b.postReadDone = true
	for _, h := range b.PostRead {
		if err := h(b); err != nil {
			return err
		}
	}
	return nil
}

// resolveDoc runs the resolvers on one document, once.
func (b *Build) resolveDoc(name string, doc *doctree.Document) []Message {
	if doc == nil || b.resolved[doc] {
		return nil
	}
	var msgs []Message
	for _, r := range b.Resolvers {
		msgs = append(msgs, r(b, name, doc)...)
	}
	return msgs
}

// reportAll reports per-document messages in document order, so that the
// log does not depend on which worker finished first.
func (b *Build) reportAll(msgs [][]Message) {
	for _, ms := range msgs {
		for _, m := range ms {
			b.report(m)
		}
	}
}

// Write runs the builder into a staging folder and, when everything
// succeeded, puts the staging folder in place of the output folder.
//
// Documents not yet resolved are resolved just before they are written, in
// the same worker, and each tree is dropped from Docs once written: the
// trees the builder keeps are its own business, but the build never holds
// a resolved tree longer than it takes to write it, which keeps peak
// memory near the size of the read trees.
func (b *Build) Write(ctx context.Context, builder Builder) (pages int, err error) {
	if b.OutDir == "" {
		return 0, errors.New("no output directory")
	}
	out, err := filepath.Abs(b.OutDir)
	if err != nil {
		return 0, err
	}
	if err := b.postRead(); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return 0, fmt.Errorf("creating %s: %w", filepath.Dir(out), err)
	}
	staging, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".staging-")
	if err != nil {
		return 0, fmt.Errorf("creating a staging folder beside %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(staging)
		}
	}()
	if err = builder.Prepare(b, staging); err != nil {
		return 0, err
	}
	names := b.Env.DocNames()
	// Each worker owns its documents' slots; Docs itself is not touched
	// while the workers run.
	docs := make([]*doctree.Document, len(names))
	stored := make([]*storedDoc, len(names))
	for i, n := range names {
		docs[i], stored[i] = b.Docs[n], b.stored[n]
		delete(b.Docs, n)
		delete(b.stored, n)
	}
	msgs := make([][]Message, len(names))
	err = b.parallelBySize(ctx, "writing", len(names), func(i int) int64 {
		if stored[i] != nil {
			return int64(len(stored[i].data))
		}
		return 0
	}, func(i int) error {
		doc := docs[i]
		if doc == nil && stored[i] != nil {
			d, err := stored[i].decode()
			if err != nil {
				return fmt.Errorf("%s: reloading the read document: %w", names[i], err)
			}
			doc = d
		}
		docs[i], stored[i] = nil, nil
		msgs[i] = b.resolveDoc(names[i], doc)
		return builder.WriteDoc(ctx, names[i], doc)
	})
	b.reportAll(msgs)
	if err != nil {
		return 0, err
	}
	if err = builder.Finish(ctx); err != nil {
		return 0, err
	}
	if err = replaceDir(staging, out); err != nil {
		return 0, err
	}
	return len(names), nil
}

// replaceDir puts staging in place of out: the old folder is moved aside
// and removed only after the new one is in place.
func replaceDir(staging, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("moving the previous output %s aside: %w", out, err)
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return fmt.Errorf("putting the new output in place at %s: %w", out, err)
	}
	if err := os.Chmod(out, 0o755); err != nil {
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// Run reads, resolves and writes with builder.
func (b *Build) Run(ctx context.Context, builder Builder) (Result, error) {
	start := time.Now()
	b.Builder = builder
	// A builder that links documents itself (resolvers ask it during
	// Resolve, before Prepare) learns the build here.
	if a, ok := builder.(interface{ Attach(*Build) }); ok {
		a.Attach(b)
	}
	if err := b.Read(ctx); err != nil {
		return Result{}, err
	}
	pages, err := b.Write(ctx, builder)
	b.mu.Lock()
	res := Result{Pages: pages, Warnings: b.warnings, Errors: b.errors, Elapsed: time.Since(start)}
	b.mu.Unlock()
	return res, err
}

// storedDoc is a read document between reading and writing: its encoded
// tree, and the objects the encoding leaves out because they are shared
// or hold functions (settings, reporter, the document's environment).
type storedDoc struct {
	codecs   *doctree.ValueCodecs
	data     []byte
	settings *doctree.Settings
	reporter *doctree.Reporter
	env      any
}

// storeDoc encodes doc, or returns nil when it holds something the
// encoding does not carry (its tree is then kept as it is).
func storeDoc(doc *doctree.Document, codecs *doctree.ValueCodecs) *storedDoc {
	data, err := doctree.EncodeDocument(nil, doc, codecs)
	if err != nil {
		// A value of a type without a codec (see
		// doctree.RegisterValueCodec): correct, only heavier.
		return nil
	}
	// The parser's source-and-line hook and the transforms' observers
	// hold the parser's state and the tree: the reloaded document gets
	// the reporter without them.
	rep := *doc.Reporter
	rep.SourceAndLine = nil
	rep.Observers = nil
	return &storedDoc{codecs: codecs, data: data, settings: doc.Settings, reporter: &rep, env: doc.Env}
}

func (s *storedDoc) decode() (*doctree.Document, error) {
	doc, err := doctree.DecodeDocument(s.data, s.settings, s.reporter, s.codecs)
	if err != nil {
		return nil, err
	}
	doc.Env = s.env
	return doc, nil
}

// Doc returns a read document's tree, decoding it when it is stored
// encoded; each call decodes a fresh copy.
func (b *Build) Doc(name string) (*doctree.Document, error) {
	if d := b.Docs[name]; d != nil {
		return d, nil
	}
	if s := b.stored[name]; s != nil {
		return s.decode()
	}
	return nil, nil
}

// DocNames returns the names of all documents, sorted.
func (b *Build) DocNames() []string {
	out := append([]string(nil), b.docNames...)
	sort.Strings(out)
	return out
}

// SourceOf returns the source of a document.
func (b *Build) SourceOf(docname string) (Source, bool) {
	s, ok := b.byName[docname]
	if !ok {
		return Source{}, false
	}
	return *s, true
}
