package project

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/docbuild/docbuild/config"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
)

// ReadResult is one document after reading: its transformed tree, what it
// contributes to the environment, and the messages reported on the way.
type ReadResult struct {
	Source   Source
	Doc      *doctree.Document
	Record   *env.DocRecord
	Messages []Message
	// stored is the encoded tree, when Doc was encoded and dropped.
	stored *storedDoc
}

// Message is a warning or error of the build, located in a file.
type Message struct {
	File  string
	Line  int
	Level int
	Text  string
}

// String formats the message as "file:line: LEVEL: text".
func (m Message) String() string {
	loc := m.File
	if m.Line > 0 {
		loc = fmt.Sprintf("%s:%d", m.File, m.Line)
	}
	if loc == "" {
		return fmt.Sprintf("%s: %s", doctree.LevelNames[m.Level], m.Text)
	}
	return fmt.Sprintf("%s: %s: %s", loc, doctree.LevelNames[m.Level], m.Text)
}

// docSettings returns the docutils settings Sphinx uses for project
// documents (sphinx.environment.default_settings), with the project's
// configuration applied.
func (b *Build) docSettings() *doctree.Settings {
	s := doctree.DefaultSettings()
	s.AutoIDPrefix = "id"
	s.RFCBaseURL = "https://datatracker.ietf.org/doc/html/"
	s.DoctitleXform = false
	s.SectsubtitleXform = false
	s.HaltLevel = 5
	s.ReportLevel = 2
	s.FileInsertionEnabled = true
	if b.Cfg.Language != "" {
		s.LanguageCode = b.Cfg.Language
	}
	s.Now = b.Now
	if b.Cfg.Smartquotes && !b.smartquotesExcluded() {
		// Sphinx's smartquotes setting (on by default).
		s.SmartQuotes = "yes"
	}
	return s
}

// smartquotesExcluded is Sphinx's smartquotes_excludes check: the
// default leaves quotes and dashes alone for the text and man builders
// (and for Japanese); a project's setting replaces the default.
func (b *Build) smartquotesExcluded() bool {
	builders := []string{"man", "text"}
	languages := []string{"ja"}
	if v, ok := b.Cfg.Value("smartquotes_excludes"); ok {
		if d, isDict := v.(*config.Dict); isDict && d.Len() > 0 {
			bs, _ := d.Get("builders")
			ls, _ := d.Get("languages")
			builders, languages = anyStrings(bs), anyStrings(ls)
		}
	}
	if b.Builder != nil && slices.Contains(builders, b.Builder.Name()) {
		return true
	}
	return slices.Contains(languages, b.Cfg.Language)
}

// anyStrings reads a list of strings from a configuration value.
func anyStrings(v any) []string {
	var out []string
	if t, ok := v.(config.Tuple); ok {
		v = []any(t)
	}
	switch l := v.(type) {
	case []any:
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	case []string:
		out = l
	}
	return out
}

// readDoc reads one document: decode, parse, transform, collect.
func (b *Build) readDoc(src Source) (res *ReadResult) {
	res = &ReadResult{Source: src}
	var mu sync.Mutex
	report := func(m Message) {
		mu.Lock()
		res.Messages = append(res.Messages, m)
		mu.Unlock()
	}
	text, err := input.ReadFile(src.Abs, "")
	if err != nil {
		report(Message{File: src.Rel, Level: doctree.LevelError, Text: err.Error()})
		return res
	}
	settings := b.docSettings()
	settings.SourceDir = filepath.Dir(src.Abs)
	doc := doctree.NewDocument(src.Abs, settings)
	doc.Reporter.Stream = func(msg *doctree.Element) {
		line := 0
		if l, ok := msg.Get("line"); ok {
			line, _ = l.(int)
		}
		file := msg.GetString("source")
		if rel, err := filepath.Rel(b.SrcDir, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = filepath.ToSlash(rel)
		}
		report(Message{File: file, Line: line, Level: msg.GetInt("level"), Text: messageText(msg)})
	}
	de := newDocEnv(b, src)
	doc.Env = de
	h := sha256.New()
	h.Write([]byte(text))

	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(*doctree.HaltError); ok {
					return
				}
				panic(r)
			}
		}()
		switch src.Type {
		case "markdown":
			p := &markdown.Parser{Registry: b.Registry, Config: b.mystConfig()}
			p.Parse(doc, b.withPrologEpilog(text, false))
		default:
			p := &rst.Parser{Registry: b.Registry}
			p.Parse(doc, b.withPrologEpilog(text, true))
		}
	}()
	tr := transforms.NewTransformer(doc, b.Transforms)
	tr.Languages = b.Registry
	tr.Components["writer"] = htmlSupport{}
	tr.AddTransforms(b.DocTransforms...)
	if err := tr.Apply(); err != nil {
		if _, ok := err.(*doctree.HaltError); !ok {
			report(Message{File: src.Rel, Level: doctree.LevelError, Text: err.Error()})
		}
	}
	res.Doc = doc
	rec := Collect(doc, src.DocName)
	rec.Source = src.Rel
	rec.Deps = append(rec.Deps, de.deps...)
	rec.Hash = hex.EncodeToString(h.Sum(nil))
	res.Record = rec
	// Like Sphinx's temp_data, what directives passed each other while
	// reading ends with the reading; it may point into the tree.
	de.temp = map[string]any{}
	return res
}

// messageText is a system message's first paragraph.
func messageText(msg *doctree.Element) string {
	for _, c := range msg.Children {
		if p, ok := c.(*doctree.Element); ok && p.Tag == doctree.TagParagraph {
			return p.AsText()
		}
	}
	return ""
}

// withPrologEpilog adds rst_prolog and rst_epilog to a reST source.
// The epilog is appended; the prolog is inserted at the top. Sphinx puts
// the prolog after a leading docinfo field list; here it comes first,
// which shifts the line numbers of messages by the prolog's length only
// for documents that set a prolog.
func (b *Build) withPrologEpilog(text string, isRST bool) string {
	if !isRST {
		return text
	}
	if b.Cfg.RstProlog != "" {
		text = b.Cfg.RstProlog + "\n\n" + text
	}
	if b.Cfg.RstEpilog != "" {
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += "\n" + b.Cfg.RstEpilog + "\n"
	}
	return text
}

// mystConfig maps the project's myst_* settings onto the Markdown parser.
func (b *Build) mystConfig() markdown.Config {
	c := markdown.DefaultConfig()
	if len(b.Cfg.MystEnableExtensions) > 0 {
		c.EnableExtensions = append([]string(nil), b.Cfg.MystEnableExtensions...)
	}
	c.HeadingAnchors = b.Cfg.MystHeadingAnchors
	return c
}

// docEnv is the sphinx.DocEnv of one document being read.
type docEnv struct {
	b      *Build
	src    Source
	serial map[string]int
	temp   map[string]any
	deps   []string
}

func newDocEnv(b *Build, src Source) *docEnv {
	return &docEnv{b: b, src: src, serial: map[string]int{}, temp: map[string]any{}}
}

func (e *docEnv) DocName() string { return e.src.DocName }
func (e *docEnv) SrcDir() string  { return e.b.SrcDir }
func (e *docEnv) HasDoc(name string) bool {
	_, ok := e.b.byName[name]
	return ok
}
func (e *docEnv) FoundDocs() []string { return e.b.docNames }
func (e *docEnv) RelFn2Path(filename string) (rel, abs string) {
	if strings.HasPrefix(filename, "/") {
		rel = path.Clean(strings.TrimLeft(filename, "/"))
	} else {
		rel = path.Clean(path.Join(path.Dir(e.src.Rel), filepath.ToSlash(filename)))
	}
	return rel, filepath.Join(e.b.SrcDir, filepath.FromSlash(rel))
}
func (e *docEnv) NoteDependency(p string) { e.deps = append(e.deps, p) }
func (e *docEnv) HasTag(tag string) bool  { return e.b.tags[tag] }
func (e *docEnv) Setting(name string) (any, bool) {
	return e.b.Cfg.Value(name)
}
func (e *docEnv) NewSerialNo(category string) int {
	n := e.serial[category]
	e.serial[category]++
	return n
}
func (e *docEnv) Temp() map[string]any { return e.temp }
