// Package html is the project builder that writes a website: html (one
// page per document), dirhtml (a folder per document, linked as "doc/")
// and singlehtml (the whole project on one page), with docbuild's default
// theme (package themes), code highlighting (package highlight), the
// general index, and client-side search (package search). The JSON builder
// (package builders/json) reuses it, serialising each page's context
// instead of rendering it.
//
// Each page's template context is a PageContext, computed as Sphinx's
// StandaloneHTMLBuilder.get_doc_context computes it. Everything pages
// share (relations, navigation data, image names, the theme) is computed
// once in Prepare; WriteDoc then does only per-page work, so the cost of a
// page does not grow with the size of the site.
package html

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/highlight"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	"github.com/docbuild/docbuild/search"
	"github.com/docbuild/docbuild/themes"
	htmlw "github.com/docbuild/docbuild/writers/html"
)

// Variant is the page layout of a builder.
type Variant int

const (
	// Standalone writes DOC.html for each document (Sphinx's html).
	Standalone Variant = iota
	// DirHTML writes DOC/index.html and links documents as "DOC/".
	DirHTML
	// SingleHTML writes the whole project as ROOT.html.
	SingleHTML
	// Serialized hands each page's context to Builder.Serialize instead
	// of rendering it, with dirhtml-style links (Sphinx's JSON builder).
	Serialized
)

// Builder writes a site. Create it with New, NewDir, NewSingle or
// NewSerializing.
type Builder struct {
	variant Variant
	name    string
	// themeOpts are the default theme's html_theme_options.
	themeOpts ThemeOptions
	// math is how math is written (sphinx.ext.mathjax's settings).
	math mathConfig
	// suffix is the output file suffix (".html", ".fjson").
	suffix string
	// Serialize receives each page of a Serialized builder.
	serialize func(pagename string, ctx *PageContext) error

	b      *project.Build
	cfg    *config.Config
	out    string
	theme  *themes.Theme
	site   *SiteContext
	hl     *highlight.Highlighter
	index  *search.Index
	state  *resolve.State
	images map[string]string
	// imageFiles are the images to copy: name under _images/ → absolute
	// source path.
	imageFiles map[string]string
	// imgRecs are the documents' images, recorded as they are read.
	imgRecs imageRecords
	single  *singleState
	// titles caches the documents' titles as HTML.
	titles sync.Map
	// trimDoctestFlags is trim_doctest_flags.
	trimDoctestFlags bool
}

// New returns the html builder.
func New() *Builder { return &Builder{variant: Standalone, name: "html", suffix: ".html"} }

// NewDir returns the dirhtml builder.
func NewDir() *Builder { return &Builder{variant: DirHTML, name: "dirhtml", suffix: ".html"} }

// NewSingle returns the singlehtml builder.
func NewSingle() *Builder { return &Builder{variant: SingleHTML, name: "singlehtml", suffix: ".html"} }

// NewSerializing returns a builder that computes every page as the html
// builder does and hands its context to serialize, which writes it (the
// JSON builder). Pages are named PAGE+suffix and linked as dirhtml links
// them, as Sphinx's serialising builders do.
func NewSerializing(name, suffix string, serialize func(pagename string, ctx *PageContext) error) *Builder {
	return &Builder{variant: Serialized, name: name, suffix: suffix, serialize: serialize}
}

// Name returns the builder's name.
func (bd *Builder) Name() string { return bd.name }

// OutDir is the staging folder the site is written to (after Prepare).
func (bd *Builder) OutDir() string { return bd.out }

// Site is the shared context of the build's pages (after Prepare).
func (bd *Builder) Site() *SiteContext { return bd.site }

// SearchIndex is the build's search index (after Prepare).
func (bd *Builder) SearchIndex() *search.Index { return bd.index }

// DocURI is the relative URI of document to's page from document from's
// page, without fragment (resolve.Linker): how the builder links pages.
func (bd *Builder) DocURI(from, to string) string {
	if bd.variant == SingleHTML && bd.isDoc(to) {
		return bd.rootDoc() + bd.suffix + "#document-" + to
	}
	return relativeURI(bd.targetURI(from), bd.targetURI(to))
}

func (bd *Builder) rootDoc() string {
	if bd.cfg != nil {
		return bd.cfg.RootDoc
	}
	return "index"
}

func (bd *Builder) isDoc(name string) bool {
	if bd.b == nil || bd.b.Env == nil {
		return true
	}
	_, ok := bd.b.Env.Docs[name]
	return ok
}

// targetURI is a page's URI relative to the site root (Sphinx's
// get_target_uri).
func (bd *Builder) targetURI(name string) string {
	switch bd.variant {
	case DirHTML, Serialized:
		return dirTarget(name)
	case SingleHTML:
		if bd.isDoc(name) {
			return bd.rootDoc() + bd.suffix
		}
	}
	return quotePath(name) + bd.suffix
}

func dirTarget(name string) string {
	switch {
	case name == "index":
		return ""
	case strings.HasSuffix(name, "/index"):
		return quotePath(name[:len(name)-len("index")])
	}
	return quotePath(name) + "/"
}

// outFile is the file a page is written to, relative to the output folder.
func (bd *Builder) outFile(name string) string {
	if bd.variant == DirHTML && name != "index" && !strings.HasSuffix(name, "/index") {
		return name + "/index" + bd.suffix
	}
	return name + bd.suffix
}

// rootPath leads from a page to the site root.
func (bd *Builder) rootPath(name string) string {
	uri := bd.targetURI(name)
	return strings.Repeat("../", strings.Count(uri, "/"))
}

// relativeURI is resolve.RelativeURI (sphinx.util.osutil.relative_uri),
// which the resolvers use for the same links.
func relativeURI(base, to string) string { return resolve.RelativeURI(base, to) }

// pathTo returns the URL of page name from page from, for templates.
func (bd *Builder) pathTo(from, name string) string {
	if bd.variant == SingleHTML && bd.isDoc(name) {
		if bd.isDoc(from) {
			return "#document-" + name
		}
		return relativeURI(bd.targetURI(from), bd.rootDoc()+bd.suffix) + "#document-" + name
	}
	uri := relativeURI(bd.targetURI(from), bd.targetURI(name))
	if uri == "" {
		return "#"
	}
	return uri
}

// fixInternalURI repairs the double fragment singlehtml's links get
// ("index.html#document-intro#install" becomes "index.html#install"), as
// Sphinx's fix_refuris, and on the single page itself keeps only the
// fragment. page is the page the link is on.
func (bd *Builder) fixInternalURI(uri, page string) string {
	if bd.variant != SingleHTML {
		return uri
	}
	first := strings.IndexByte(uri, '#')
	if first < 0 {
		return uri
	}
	single := bd.rootDoc() + bd.suffix
	if second := strings.IndexByte(uri[first+1:], '#'); second >= 0 {
		uri = single + uri[first+1+second:]
	}
	if bd.isDoc(page) && strings.HasPrefix(uri, single+"#") {
		return uri[len(single):]
	}
	return uri
}

// Attach records the build before it reads the documents, so that DocURI
// can answer the resolvers, which link documents before Prepare runs, and
// registers the AfterRead hook that records each document's images while
// its tree is still there. A builder used without Attach (Prepare called
// directly after Read) finds the images in the build's Docs instead.
func (bd *Builder) Attach(b *project.Build) {
	bd.b = b
	bd.cfg = b.Cfg
	bd.attachImages(b)
}

// Prepare computes what the pages share: the theme, the global context,
// relations, navigation, image names and the search index.
func (bd *Builder) Prepare(b *project.Build, out string) error {
	bd.b = b
	bd.cfg = b.Cfg
	bd.out = out
	bd.hl = highlight.New()
	bd.state = resolve.StateOf(b)
	if bd.variant != Serialized {
		var dirs []string
		for _, d := range bd.cfg.TemplatesPath {
			dirs = append(dirs, bd.configPath(d))
		}
		theme, warns, err := themes.Load(dirs)
		for _, w := range warns {
			b.Report(project.Message{File: bd.relToSrc(w.File), Level: doctree.LevelWarning, Text: w.Text})
		}
		if err != nil {
			return err
		}
		bd.theme = theme
		bd.checkSidebars()
		bd.themeOpts = bd.readThemeOptions(b)
	}
	bd.site = bd.siteContext()
	bd.site.Theme = bd.themeOpts
	bd.math = bd.readMathConfig()
	bd.trimDoctestFlags = true
	if v, ok := bd.cfg.Value("trim_doctest_flags"); ok {
		if f, ok := v.(bool); ok {
			bd.trimDoctestFlags = f
		}
	}
	bd.index = search.NewIndex(bd.cfg.HTMLSearchLanguage)
	if bd.domainIndexEnabled("py-modindex") {
		if idx := bd.moduleIndex(); idx != nil {
			bd.site.DomainIndices = append(bd.site.DomainIndices, idx)
			bd.site.Rellinks = append(bd.site.Rellinks, Rellink{idx.Name, idx.Title, "", idx.Short})
		}
	}
	bd.collectImages()
	if bd.variant == SingleHTML {
		bd.single = &singleState{parts: map[string]*singleDoc{}}
	}
	return nil
}

// configPath resolves a path setting relative to the configuration folder.
func (bd *Builder) configPath(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	dir := bd.cfg.Dir
	if dir == "" {
		dir = bd.b.SrcDir
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// relToSrc shows a path relative to the source folder in messages.
func (bd *Builder) relToSrc(p string) string {
	if rel, err := filepath.Rel(bd.b.SrcDir, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

// sourceOf returns the source file of a document relative to the source
// folder ("" when unknown).
func (bd *Builder) sourceOf(docname string) project.Source {
	s, _ := bd.b.SourceOf(docname)
	return s
}

func (bd *Builder) docTitle(docname string) string {
	if r := bd.b.Env.Docs[docname]; r != nil {
		return r.Title
	}
	return ""
}

// WriteDoc renders one document's page.
func (bd *Builder) WriteDoc(ctx context.Context, docname string, doc *doctree.Document) error {
	if bd.variant == SingleHTML {
		bd.single.add(bd, docname, doc)
		return nil
	}
	bd.codeSettings(doc)
	pc, words := bd.docContext(docname, doc)
	var entries = bd.b.Env.Docs[docname].Index
	if _, nosearch := bd.b.Env.Docs[docname].Metadata["nosearch"]; nosearch {
		words = search.DocWords{}
	}
	bd.index.Add(docname, bd.sourceOf(docname).Rel, string(pc.Title), words, entries)
	if err := bd.copySource(docname); err != nil {
		return err
	}
	return bd.writePage(docname, "page.html", pc)
}

// newPage returns the rendering state of a page.
func (bd *Builder) newPage(docname string) *page {
	p := &page{bd: bd, docname: docname, src: bd.sourceOf(docname).Rel, rootPath: bd.rootPath(docname)}
	if bd.state != nil {
		p.secnums = bd.state.SectionNumbers(docname)
		p.fignums = bd.state.FigureNumbers(docname)
	}
	return p
}

// docContext renders a document and computes its page context, as
// Sphinx's get_doc_context, and collects its words for the search index.
func (bd *Builder) docContext(docname string, doc *doctree.Document) (*PageContext, search.DocWords) {
	p := bd.newPage(docname)
	t := p.newTranslator(doc)
	// Fragments first, while the translator's output is empty.
	pc := bd.basePage(KindDoc, docname, t)
	title, toc, entries := bd.localToc(t, docname)
	pc.Body = template.HTML(t.Body())
	if p.hasMath {
		// MathJax only on the pages that have math, as Sphinx loads it.
		pc.PageScripts = bd.math.scripts
	}
	var head strings.Builder
	for _, h := range t.Head {
		head.WriteString(h)
		head.WriteString("\n")
	}
	pc.Metatags = template.HTML(head.String())
	pc.Title = template.HTML(title)
	pc.PageTitle = plainTitle(title, bd.docTitle(docname))
	pc.Toc = template.HTML(toc)
	pc.DisplayToc = entries > 1
	if r := bd.b.Env.Docs[docname]; r != nil {
		pc.Meta = r.Metadata
	}
	src := bd.sourceOf(docname)
	suffix := strings.TrimPrefix(src.Rel, docname)
	pc.PageSourceSuffix = suffix
	if bd.cfg.HTMLCopySource {
		pc.SourceName = docname + suffix
		if suffix != bd.cfg.HTMLSourcelinkSuffix {
			pc.SourceName += bd.cfg.HTMLSourcelinkSuffix
		}
		if bd.cfg.HTMLShowSourcelink {
			pc.SourceLink = pc.RootPath + "_sources/" + quotePath(pc.SourceName)
		}
	}
	bd.addRelations(t, pc, docname)
	return pc, search.Collect(doc, bd.index.Language())
}

// plainTitle is the text of a rendered title, for <title>.
func plainTitle(html, fallback string) string {
	if html == "" {
		return fallback
	}
	var b strings.Builder
	in := false
	for i := 0; i < len(html); i++ {
		switch c := html[i]; {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return unescapeEntities(b.String())
}

func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#64;", "@", "&#160;", "\u00a0", "&amp;", "&")
	return r.Replace(s)
}

// basePage returns a page context with what every page has; t renders
// the navigation (nil: a translator for a page without a document).
func (bd *Builder) basePage(kind PageKind, name string, t *htmlw.Translator) *PageContext {
	pc := &PageContext{
		Kind:            kind,
		Site:            bd.site,
		CurrentPageName: name,
		RootPath:        bd.rootPath(name),
		Rellinks:        append([]Rellink(nil), bd.site.Rellinks...),
		Sidebars:        bd.sidebars(name),
	}
	pc.pathto = func(to string) string { return bd.pathTo(name, to) }
	if bd.site.Favicon != "" {
		u := bd.site.Favicon
		if !isURL(u) {
			u = pc.RootPath + "_static/" + u
		}
		pc.FaviconURL = &u
	}
	if bd.site.Logo != "" {
		u := bd.site.Logo
		if !isURL(u) {
			u = pc.RootPath + "_static/" + u
		}
		pc.LogoURL = &u
	}
	if bd.site.BaseURL != "" {
		pc.Canonical = strings.TrimSuffix(bd.site.BaseURL, "/") + "/" + bd.targetURI(name)
	}
	if bd.variant != Serialized {
		if t == nil {
			p := bd.newPage(name)
			t = p.newTranslator(doctree.NewDocument("", nil))
		}
		pc.Nav = template.HTML(bd.renderNav(t, name))
	}
	return pc
}

// defaultSidebars are the theme's sidebar templates.
var defaultSidebars = []string{"globaltoc.html"}

// sidebarAliases are Sphinx's sidebar templates the theme provides under
// its own names.
var sidebarAliases = map[string]string{"navigation.html": "globaltoc.html"}

// sidebars returns the sidebar templates of a page: those of the
// html_sidebars pattern that matches it (a pattern without wildcards wins
// over one with), else the theme's, as Sphinx's add_sidebars.
func (bd *Builder) sidebars(page string) []string {
	wild := func(p string) bool { return strings.ContainsAny(p, "*?[") }
	var list []string
	matched := ""
	found := false
	for _, pattern := range sortedPatterns(bd.cfg.HTMLSidebars) {
		if !project.MatchPattern(pattern, page) {
			continue
		}
		if found && wild(pattern) {
			if wild(matched) {
				bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line("html_sidebars"), Level: doctree.LevelWarning,
					Text: fmt.Sprintf("page %s matches two patterns in html_sidebars: %s and %s", page, pyQuote(matched), pyQuote(pattern))})
			}
			continue
		}
		matched, found = pattern, true
		list = bd.cfg.HTMLSidebars[pattern]
	}
	if !found {
		return defaultSidebars
	}
	out := make([]string, 0, len(list))
	for _, n := range list {
		if a, ok := sidebarAliases[n]; ok {
			n = a
		}
		out = append(out, n)
	}
	return out
}

func sortedPatterns(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkSidebars warns once about sidebar templates the theme lacks.
func (bd *Builder) checkSidebars() {
	seen := map[string]bool{}
	for _, pattern := range sortedPatterns(bd.cfg.HTMLSidebars) {
		for _, n := range bd.cfg.HTMLSidebars[pattern] {
			if a, ok := sidebarAliases[n]; ok {
				n = a
			}
			if seen[n] || bd.theme.Has(n) {
				continue
			}
			seen[n] = true
			bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line("html_sidebars"), Level: doctree.LevelWarning,
				Text: fmt.Sprintf("html_sidebars names %s, which neither the theme nor templates_path has; it is left out", n)})
		}
	}
}

// writePage renders a page with the theme, or serialises it.
func (bd *Builder) writePage(name, tmpl string, pc *PageContext) error {
	if bd.serialize != nil {
		return bd.serialize(name, pc)
	}
	buf := pagePool.Get().(*bytes.Buffer)
	defer pagePool.Put(buf)
	buf.Reset()
	buf.Grow(len(pc.Body) + len(pc.Nav) + 16<<10)
	if err := bd.theme.Render(buf, tmpl, pc); err != nil {
		return fmt.Errorf("rendering %s with %s: %w", name, tmpl, err)
	}
	return WriteFile(filepath.Join(bd.out, filepath.FromSlash(bd.outFile(name))), buf.Bytes())
}

// pagePool keeps the buffers pages are rendered into: big, and needed
// once per page.
var pagePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// copySource writes _sources/DOC.SUFFIX.txt (html_copy_source).
func (bd *Builder) copySource(docname string) error {
	if !bd.cfg.HTMLCopySource {
		return nil
	}
	src := bd.sourceOf(docname)
	if src.Abs == "" {
		return nil
	}
	name := src.Rel
	if !strings.HasSuffix(name, bd.cfg.HTMLSourcelinkSuffix) {
		name += bd.cfg.HTMLSourcelinkSuffix
	}
	return copyFile(src.Abs, filepath.Join(bd.out, "_sources", filepath.FromSlash(name)))
}

// Finish writes the pages that span documents (index, search), the search
// index, and the static files, images and downloads.
func (bd *Builder) Finish(ctx context.Context) error {
	if bd.variant == SingleHTML {
		if err := bd.single.write(bd); err != nil {
			return err
		}
	}
	// The index pages, the search index and the static files share
	// nothing but read-only state: they are written at once, which keeps
	// this serial tail of the build short.
	groups := []func() error{
		func() error {
			var errs []error
			if bd.cfg.HTMLUseIndex {
				pc := bd.basePage(KindGenIndex, "genindex", nil)
				pc.PageTitle = "Index"
				pc.Title = "Index"
				pc.GenIndexEntries, pc.GenIndexCounts = bd.genIndex()
				errs = append(errs, bd.writePage("genindex", "genindex.html", pc))
			}
			for _, idx := range bd.site.DomainIndices {
				pc := bd.basePage(KindDomainIndex, idx.Name, nil)
				pc.PageTitle = idx.Title
				pc.Title = template.HTML(htmlw.Escape(idx.Title))
				pc.Index = idx
				errs = append(errs, bd.writePage(idx.Name, "domainindex.html", pc))
			}
			return errors.Join(errs...)
		},
		func() error {
			pc := bd.basePage(KindSearch, "search", nil)
			pc.PageTitle = "Search"
			pc.Title = "Search"
			errs := []error{bd.writePage("search", "search.html", pc)}
			bd.index.AddObjects(bd.searchObjects())
			frozen := bd.index.Freeze()
			if bd.variant == Serialized {
				errs = append(errs, WriteFile(filepath.Join(bd.out, "searchindex.json"), frozen.JSON()))
			} else {
				errs = append(errs,
					WriteFile(filepath.Join(bd.out, "searchindex.js"), frozen.JS()),
					WriteFile(filepath.Join(bd.out, "searchsummaries.js"), frozen.SummariesJS()))
			}
			return errors.Join(errs...)
		},
		func() error {
			return errors.Join(bd.writeStatic(), bd.copyAssets(ctx))
		},
	}
	errs := make([]error, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = g()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// siteContext computes the global context once.
func (bd *Builder) siteContext() *SiteContext {
	c := bd.cfg
	s := &SiteContext{
		Project: c.Project, Release: c.Release, Version: c.Version, Copyright: c.Copyright,
		MasterDoc: c.RootDoc, RootDoc: c.RootDoc, DocsTitle: c.HTMLTitle, ShortTitle: c.HTMLShortTitle,
		ShowCopyright: c.HTMLShowCopyright, ShowSearchSummary: true, ShowSphinx: c.HTMLShowSphinx,
		HasSource: c.HTMLCopySource, ShowSource: c.HTMLShowSourcelink, SourcelinkSuffix: c.HTMLSourcelinkSuffix,
		FileSuffix: bd.suffix, LinkSuffix: ".html", Language: languageTag(c.Language),
		SphinxVersion: "5.3.0", SphinxVersionTuple: []any{5, 3, 0, "final", 0},
		DocutilsVersionInfo: []any{0, 19, 0, "final", 0},
		Styles:              []string{"docbuild.css"}, Style: "docbuild.css", Builder: bd.name, Parents: []Link{},
		HTML5Doctype: true, BaseURL: c.HTMLBaseURL, UseIndex: c.HTMLUseIndex, Context: c.HTMLContext,
		HasSearch: true,
	}
	if bd.variant == DirHTML {
		s.LinkSuffix = "/"
	}
	if t, ok := c.LastUpdatedText(bd.b.Now); ok {
		s.LastUpdated = &t
	}
	if c.HTMLLogo != "" {
		s.Logo = c.HTMLLogo
		if !isURL(s.Logo) {
			s.Logo = path.Base(filepath.ToSlash(s.Logo))
		}
	}
	if c.HTMLFavicon != "" {
		s.Favicon = c.HTMLFavicon
		if !isURL(s.Favicon) {
			s.Favicon = path.Base(filepath.ToSlash(s.Favicon))
		}
	}
	if c.HTMLUseIndex {
		s.Rellinks = []Rellink{{"genindex", "General Index", "I", "index"}}
	} else {
		s.Rellinks = []Rellink{}
	}
	s.CSS = []Asset{{Filename: "_static/pygments.css"}, {Filename: "_static/docbuild.css"}}
	for _, a := range c.HTMLCSSFiles {
		s.CSS = append(s.CSS, assetOf(a))
	}
	for _, a := range c.HTMLJSFiles {
		s.Scripts = append(s.Scripts, assetOf(a))
	}
	for _, a := range s.CSS {
		s.CSSFiles = append(s.CSSFiles, a.Filename)
	}
	s.ScriptFiles = []string{"_static/documentation_options.js"}
	for _, a := range s.Scripts {
		s.ScriptFiles = append(s.ScriptFiles, a.Filename)
	}
	return s
}

// assetOf turns an html_css_files or html_js_files entry into an asset:
// a file name relative to _static unless it is a URL or absolute.
func assetOf(a config.Asset) Asset {
	name := a.Filename
	if !isURL(name) && !strings.HasPrefix(name, "/") {
		name = "_static/" + name
	}
	out := Asset{Filename: name}
	for k, v := range a.Attributes {
		if out.Attrs == nil {
			out.Attrs = map[string]string{}
		}
		switch x := v.(type) {
		case string:
			out.Attrs[k] = x
		case bool:
			if x {
				out.Attrs[k] = ""
			}
		default:
			out.Attrs[k] = fmt.Sprint(x)
		}
	}
	return out
}

// AttrHTML writes the asset's extra attributes, sorted.
func (a Asset) AttrHTML() template.HTMLAttr {
	if len(a.Attrs) == 0 {
		return ""
	}
	keys := make([]string, 0, len(a.Attrs))
	for k := range a.Attrs {
		if k == "rel" || k == "href" || k == "src" || k == "filename" || k == "priority" {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(" " + escape(k) + `="` + escape(a.Attrs[k]) + `"`)
	}
	return template.HTMLAttr(b.String())
}

// languageTag converts a locale ("pt_BR") to a language tag ("pt-BR").
func languageTag(lang string) string {
	if lang == "" {
		return "en"
	}
	return strings.ReplaceAll(lang, "_", "-")
}

// parallelDo runs f over n items on the machine's cores.
func parallelDo(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
