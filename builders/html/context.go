package html

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
)

// PageKind says which page a context describes; it selects the keys the
// JSON builder writes, as Sphinx's serialising builders write different
// contexts for documents, the index and the search page.
type PageKind int

const (
	// KindDoc is a document's page.
	KindDoc PageKind = iota
	// KindGenIndex is the general index (genindex).
	KindGenIndex
	// KindSearch is the search page.
	KindSearch
	// KindDomainIndex is a domain's index (py-modindex).
	KindDomainIndex
)

// Link is a titled link to another page (parents, prev, next).
type Link struct {
	Link  string        `json:"link"`
	Title template.HTML `json:"title"`
}

// Rellink is one of Sphinx's relation links: the target page, its title,
// the access key and the link's name ("next", "previous", "index").
// It is written to JSON as a 4-element array, as Sphinx writes the tuple.
type Rellink struct {
	Page, Title, AccessKey, Name string
}

// MarshalJSON writes the tuple form.
func (r Rellink) MarshalJSON() ([]byte, error) {
	return json.Marshal([4]string{r.Page, r.Title, r.AccessKey, r.Name})
}

// Asset is a stylesheet or script of the page: its URL relative to the
// site root (or absolute) and extra attributes of its tag.
type Asset struct {
	Filename string
	Attrs    map[string]string
	// Body is the code of an inline script (add_js_file(None, body=...)),
	// without a file.
	Body string
}

// BodyJS is Body for a template's <script> element.
func (a Asset) BodyJS() template.JS { return template.JS(a.Body) }

// SiteContext is what every page shares: Sphinx's global template context
// (globalcontext.json of the JSON builder) plus the settings docbuild's
// templates use. It is computed once per build and read-only afterwards.
type SiteContext struct {
	Embedded            bool      `json:"embedded"`
	Project             string    `json:"project"`
	Release             string    `json:"release"`
	Version             string    `json:"version"`
	LastUpdated         *string   `json:"last_updated"`
	Copyright           string    `json:"copyright"`
	MasterDoc           string    `json:"master_doc"`
	RootDoc             string    `json:"root_doc"`
	UseOpensearch       string    `json:"use_opensearch"`
	DocsTitle           string    `json:"docstitle"`
	ShortTitle          string    `json:"shorttitle"`
	ShowCopyright       bool      `json:"show_copyright"`
	ShowSearchSummary   bool      `json:"show_search_summary"`
	ShowSphinx          bool      `json:"show_sphinx"`
	HasSource           bool      `json:"has_source"`
	ShowSource          bool      `json:"show_source"`
	SourcelinkSuffix    string    `json:"sourcelink_suffix"`
	FileSuffix          string    `json:"file_suffix"`
	LinkSuffix          string    `json:"link_suffix"`
	ScriptFiles         []string  `json:"script_files"`
	Language            string    `json:"language"`
	CSSFiles            []string  `json:"css_files"`
	SphinxVersion       string    `json:"sphinx_version"`
	SphinxVersionTuple  []any     `json:"sphinx_version_tuple"`
	DocutilsVersionInfo []any     `json:"docutils_version_info"`
	Styles              []string  `json:"styles"`
	Style               string    `json:"style"`
	Rellinks            []Rellink `json:"rellinks"`
	Builder             string    `json:"builder"`
	Parents             []Link    `json:"parents"`
	Logo                string    `json:"logo"`
	Favicon             string    `json:"favicon"`
	HTML5Doctype        bool      `json:"html5_doctype"`

	// Scripts and CSS are the page's assets with their attributes, in
	// order; ScriptFiles and CSSFiles are their file names.
	Scripts []Asset `json:"-"`
	CSS     []Asset `json:"-"`
	// BaseURL is html_baseurl, for canonical links.
	BaseURL string `json:"-"`
	// UseIndex is html_use_index: the index page exists and is linked.
	UseIndex bool `json:"-"`
	// HasSearch says the site has a search page.
	HasSearch bool `json:"-"`
	// DomainIndices are the domains' index pages of the site.
	DomainIndices []*DomainIndex `json:"-"`
	// Context is html_context, for project templates.
	Context map[string]any `json:"-"`
	// Theme holds the theme's options (html_theme_options).
	Theme ThemeOptions `json:"-"`
}

// PageContext is the template context of one page: the keys Sphinx's
// StandaloneHTMLBuilder.get_doc_context gives templates, plus what
// docbuild's theme needs (navigation, relative paths). The HTML builders
// render it with the theme; the JSON builder serialises it (MarshalJSON
// writes Sphinx's key set for the page's kind).
type PageContext struct {
	Kind PageKind
	Site *SiteContext
	// PageScripts are scripts this page needs beyond the site's (MathJax
	// on a page with math).
	PageScripts []Asset

	Parents          []Link
	Prev, Next       *Link
	Title            template.HTML
	Meta             map[string]string
	Body             template.HTML
	Metatags         template.HTML
	Rellinks         []Rellink
	SourceName       string
	Toc              template.HTML
	DisplayToc       bool
	PageSourceSuffix string
	CurrentPageName  string
	Sidebars         []string
	CustomSidebar    *string
	FaviconURL       *string
	LogoURL          *string

	// GenIndexEntries and GenIndexCounts are the general index, grouped
	// by letter (genindex only).
	GenIndexEntries []IndexGroup
	GenIndexCounts  []int
	// Index is the domain index of a KindDomainIndex page.
	Index *DomainIndex

	// PageTitle is the page's title as plain text, for <title>.
	PageTitle string
	// RootPath leads from the page to the site root ("", "../", ...).
	RootPath string
	// Nav is the global navigation tree for the sidebar: the site's
	// toctree with only the current page's branch expanded.
	Nav template.HTML
	// Canonical is the page's URL under html_baseurl, or "".
	Canonical string
	// SourceLink is the link to the page's copied source, or "".
	SourceLink string

	pathto func(name string) string
}

// PathTo returns the URL of a document (by name, such as "genindex" or
// "library/os") from this page, as Sphinx's pathto(name) in templates.
func (c *PageContext) PathTo(name string) string {
	if c.pathto == nil {
		return name
	}
	return c.pathto(name)
}

// Res returns the URL of a file relative to the site root (such as
// "_static/docbuild.css") from this page, as Sphinx's pathto(file, 1).
// URLs with a scheme are returned unchanged.
func (c *PageContext) Res(file string) string {
	if isURL(file) {
		return file
	}
	return c.RootPath + file
}

func isURL(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 || strings.HasPrefix(s, "//")
}

// HasNav reports whether the sidebar has a global navigation tree.
func (c *PageContext) HasNav() bool { return c.Nav != "" }

// IndexGroup is one letter of the general index.
type IndexGroup struct {
	Letter  string
	Entries []IndexWord
}

// MarshalJSON writes Sphinx's (letter, entries) pair.
func (g IndexGroup) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]any{g.Letter, g.Entries})
}

// IndexWord is one word of the general index with its links, sub-entries
// and category key.
type IndexWord struct {
	Word    string
	Targets []IndexTarget
	Subs    []IndexSub
	Key     *string
}

// MarshalJSON writes Sphinx's [word, [targets, subentries, key]].
func (w IndexWord) MarshalJSON() ([]byte, error) {
	targets := w.Targets
	if targets == nil {
		targets = []IndexTarget{}
	}
	subs := w.Subs
	if subs == nil {
		subs = []IndexSub{}
	}
	return json.Marshal([2]any{w.Word, [3]any{targets, subs, w.Key}})
}

// IndexSub is a sub-entry of an index word.
type IndexSub struct {
	Word    string
	Targets []IndexTarget
}

// MarshalJSON writes Sphinx's [subword, targets].
func (s IndexSub) MarshalJSON() ([]byte, error) {
	targets := s.Targets
	if targets == nil {
		targets = []IndexTarget{}
	}
	return json.Marshal([2]any{s.Word, targets})
}

// IndexTarget is one link of an index entry: Main is "main" for the main
// entry (shown in bold), "" otherwise.
type IndexTarget struct {
	Main string
	URI  string
}

// MarshalJSON writes Sphinx's [main, uri].
func (t IndexTarget) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]string{t.Main, t.URI})
}

// IsMain reports the main entry of a word, shown in bold.
func (t IndexTarget) IsMain() bool { return t.Main == "main" }

// kv is one key of an ordered JSON object.
type kv struct {
	k string
	v any
}

// MarshalJSON writes the keys Sphinx's JSON builder writes for the page's
// kind, in its order.
func (c *PageContext) MarshalJSON() ([]byte, error) {
	var keys []kv
	switch c.Kind {
	case KindDoc:
		meta := c.Meta
		if meta == nil {
			meta = map[string]string{}
		}
		parents := c.Parents
		if parents == nil {
			parents = []Link{}
		}
		rellinks := c.Rellinks
		if rellinks == nil {
			rellinks = []Rellink{}
		}
		keys = []kv{
			{"parents", parents}, {"prev", c.Prev}, {"next", c.Next}, {"title", string(c.Title)},
			{"meta", meta}, {"body", string(c.Body)}, {"metatags", string(c.Metatags)},
			{"rellinks", rellinks}, {"sourcename", c.SourceName}, {"toc", string(c.Toc)},
			{"display_toc", c.DisplayToc}, {"page_source_suffix", c.PageSourceSuffix},
		}
	case KindGenIndex:
		entries := c.GenIndexEntries
		if entries == nil {
			entries = []IndexGroup{}
		}
		counts := c.GenIndexCounts
		if counts == nil {
			counts = []int{}
		}
		keys = []kv{{"genindexentries", entries}, {"genindexcounts", counts}, {"split_index", false}}
	case KindDomainIndex:
		keys = []kv{{"indextitle", c.Index.Title}, {"content", c.Index.Content}, {"collapse_index", c.Index.Collapse}}
	}
	sidebars := c.Sidebars
	if sidebars == nil {
		sidebars = []string{}
	}
	keys = append(keys, kv{"current_page_name", c.CurrentPageName}, kv{"sidebars", sidebars},
		kv{"customsidebar", c.CustomSidebar}, kv{"favicon_url", c.FaviconURL}, kv{"logo_url", c.LogoURL})
	return marshalOrdered(keys)
}

// marshalOrdered writes a JSON object with keys in the given order, HTML
// left unescaped as Python's json module leaves it.
func marshalOrdered(keys []kv) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteString(": ")
		v, err := marshalNoEscape(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
