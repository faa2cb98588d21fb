package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Config is the configuration of a documentation project. Field names follow
// Sphinx's settings (html_theme is HTMLTheme) and hold Sphinx 5.3's defaults
// until a file or an override sets them; derived defaults (html_title,
// root_doc, numfig_format...) are recomputed whenever a setting changes.
type Config struct {
	// Dir is the configuration directory: relative paths in settings
	// (html_static_path, templates_path...) are relative to it.
	Dir string
	// File is the file the configuration was read from, "" for defaults.
	File string

	// Project, Author, Version and Release feed titles and the |version|
	// and |release| substitutions; Copyright defaults to
	// project_copyright, its Sphinx 5 alias.
	Project   string
	Author    string
	Copyright string
	Version   string
	Release   string
	// Today, when set, is the text of |today|; otherwise TodayFmt (or
	// "%b %d, %Y") formats the build date. See TodayText.
	Today    string
	TodayFmt string
	// RootDoc is root_doc, whose default follows master_doc.
	RootDoc string
	// ExcludePatterns and IncludePatterns are globs relative to the
	// source directory, matched as Sphinx matches them.
	ExcludePatterns []string
	IncludePatterns []string
	// SourceSuffix maps each source suffix to its file type
	// ("restructuredtext", "markdown"), with Sphinx's str and list forms
	// converted and extensions' suffixes (myst_parser's ".md") merged in.
	// Suffixes gives the order Sphinx tries them in.
	SourceSuffix map[string]string
	Language     string
	// DefaultRole is "" when unset (None): `text` is then emphasis, as in
	// docutils.
	DefaultRole       string
	HighlightLanguage string
	// PygmentsStyle is "" when unset: the theme chooses.
	PygmentsStyle string
	// RstProlog and RstEpilog are added to every reST source.
	RstProlog string
	RstEpilog string
	// NumfigFormat always holds the four standard keys (section, figure,
	// table, code-block), as Sphinx fills them in.
	Numfig            bool
	NumfigFormat      map[string]string
	NumfigSecnumDepth int
	// Nitpicky asks for a warning on every unresolved reference, except
	// those NitpickIgnore and NitpickIgnoreRegex match.
	Nitpicky           bool
	NitpickIgnore      []NitpickIgnore
	NitpickIgnoreRegex []NitpickIgnore
	// SuppressWarnings lists warning types ("ref.ref", "image.*") not to
	// report.
	SuppressWarnings []string
	// TemplatesPath lists template directories, relative to Dir.
	TemplatesPath     []string
	Smartquotes       bool
	SmartquotesAction string
	// TodoIncludeTodos and its siblings configure sphinx.ext.todo.
	TodoIncludeTodos bool
	TodoEmitWarnings bool
	TodoLinkOnly     bool
	// Extlinks maps role names to their URL and caption patterns.
	Extlinks map[string]Extlink
	// Tags are the tags defined for "only" directives: from the command
	// line (-t), tags.add() in conf.py or tags in docbuild.toml.
	Tags []string
	// Extensions lists the extensions the project asks for, supported or
	// not (see ExtensionWarnings).
	Extensions []string

	// HTMLTitle defaults to "<project> <release> documentation" and
	// HTMLShortTitle to HTMLTitle.
	HTMLTitle      string
	HTMLShortTitle string
	HTMLTheme      string
	// HTMLThemeOptions and HTMLContext hold values in the value model (see
	// Tuple), as themes and templates receive them.
	HTMLThemeOptions map[string]any
	// HTMLThemePath, HTMLStaticPath and HTMLExtraPath are relative to Dir.
	HTMLThemePath  []string
	HTMLStaticPath []string
	HTMLExtraPath  []string
	// HTMLLogo and HTMLFavicon are paths relative to Dir or URLs; ""
	// means none.
	HTMLLogo     string
	HTMLFavicon  string
	HTMLCSSFiles []Asset
	HTMLJSFiles  []Asset
	// HTMLSidebars maps document globs to sidebar template names.
	HTMLSidebars map[string][]string
	HTMLContext  map[string]any
	// HTMLBaseURL is the site's canonical URL, "" when unknown.
	HTMLBaseURL          string
	HTMLCopySource       bool
	HTMLShowSourcelink   bool
	HTMLSourcelinkSuffix string
	// HTMLLastUpdatedFmt is html_last_updated_fmt; HTMLShowLastUpdated is
	// false while that setting is None, its default.
	HTMLLastUpdatedFmt  string
	HTMLShowLastUpdated bool
	HTMLUseIndex        bool
	HTMLSplitIndex      bool
	// HTMLPermalinks turns the headings' permalinks on; the link text is
	// HTMLPermalinksIcon.
	HTMLPermalinks      bool
	HTMLPermalinksIcon  string
	HTMLShowCopyright   bool
	HTMLShowSphinx      bool
	HTMLSecnumberSuffix string
	// HTMLSearchLanguage defaults to Language, as Sphinx resolves it.
	HTMLSearchLanguage string

	// MystEnableExtensions, MystHeadingAnchors (0: no anchors) and
	// MystSubstitutions (values in the value model) configure the Markdown
	// parser as myst_parser's settings do.
	MystEnableExtensions []string
	MystHeadingAnchors   int
	MystSubstitutions    map[string]any

	// IntersphinxMapping is keyed like the setting: by name in Sphinx's
	// current form, by URI in the old unnamed form.
	IntersphinxMapping map[string]Intersphinx

	// Raw holds every setting the configuration file and overrides set, by
	// Sphinx name, in the value model described at Tuple, known settings
	// included. Extensions read their own settings here; Value adds Sphinx's
	// defaults for names docbuild knows.
	Raw map[string]any

	lines       map[string]int
	suffixOrder []string
	masterDoc   string
	projCopy    string
	userNumfig  map[string]string
	userSuffix  []suffixEntry
	searchLang  string
	order       []string
}

// NitpickIgnore is one (type, target) pair of nitpick_ignore; for
// nitpick_ignore_regex both are regular expressions.
type NitpickIgnore struct {
	Type   string
	Target string
}

// Extlink is one extlinks entry, normalised as Sphinx 5 does: URL and, when
// HasCaption, Caption each contain exactly one %s (other % doubled).
type Extlink struct {
	URL        string
	Caption    string
	HasCaption bool
}

// Expand returns the URL and default link text for the role's target part,
// as the role sphinx.ext.extlinks defines does.
func (e Extlink) Expand(part string) (url, title string) {
	url, err := percentFormat(e.URL, part)
	if err != nil {
		url = e.URL + part
	}
	if !e.HasCaption {
		return url, url
	}
	title, err = percentFormat(e.Caption, part)
	if err != nil {
		title = e.Caption + part
	}
	return url, title
}

// Asset is an entry of html_css_files or html_js_files: a file name (or URL)
// and the attributes of its <link> or <script> tag.
type Asset struct {
	Filename   string
	Attributes map[string]any
}

// Intersphinx is one intersphinx_mapping entry. An empty inventory stands
// for Sphinx's None: the objects.inv at URI.
type Intersphinx struct {
	Name        string
	URI         string
	Inventories []string
}

type suffixEntry struct {
	suffix, filetype string
}

// New returns a configuration holding Sphinx's defaults, rooted at dir.
func New(dir string) *Config {
	c := &Config{Dir: dir, Raw: map[string]any{}, lines: map[string]int{}}
	c.reset()
	c.derive()
	return c
}

func (c *Config) reset() {
	c.Project = "Python"
	c.Author = "unknown"
	c.Copyright = ""
	c.projCopy = ""
	c.Version = ""
	c.Release = ""
	c.Today = ""
	c.TodayFmt = ""
	c.masterDoc = "index"
	c.RootDoc = "index"
	c.ExcludePatterns = []string{}
	c.IncludePatterns = []string{"**"}
	c.userSuffix = []suffixEntry{{".rst", ""}}
	c.Language = "en"
	c.DefaultRole = ""
	c.HighlightLanguage = "default"
	c.PygmentsStyle = ""
	c.RstProlog = ""
	c.RstEpilog = ""
	c.Numfig = false
	c.userNumfig = map[string]string{}
	c.NumfigSecnumDepth = 1
	c.Nitpicky = false
	c.NitpickIgnore = nil
	c.NitpickIgnoreRegex = nil
	c.SuppressWarnings = []string{}
	c.TemplatesPath = []string{}
	c.Smartquotes = true
	c.SmartquotesAction = "qDe"
	c.TodoIncludeTodos = false
	c.TodoEmitWarnings = false
	c.TodoLinkOnly = false
	c.Extlinks = map[string]Extlink{}
	c.Extensions = []string{}
	c.HTMLTheme = "alabaster"
	c.HTMLThemeOptions = map[string]any{}
	c.HTMLThemePath = []string{}
	c.HTMLStaticPath = []string{}
	c.HTMLExtraPath = []string{}
	c.HTMLLogo = ""
	c.HTMLFavicon = ""
	c.HTMLCSSFiles = []Asset{}
	c.HTMLJSFiles = []Asset{}
	c.HTMLSidebars = map[string][]string{}
	c.HTMLContext = map[string]any{}
	c.HTMLBaseURL = ""
	c.HTMLCopySource = true
	c.HTMLShowSourcelink = true
	c.HTMLSourcelinkSuffix = ".txt"
	c.HTMLLastUpdatedFmt = ""
	c.HTMLShowLastUpdated = false
	c.HTMLUseIndex = true
	c.HTMLSplitIndex = false
	c.HTMLPermalinks = true
	c.HTMLPermalinksIcon = "¶"
	c.HTMLShowCopyright = true
	c.HTMLShowSphinx = true
	c.HTMLSecnumberSuffix = ". "
	c.searchLang = ""
	c.MystEnableExtensions = []string{}
	c.MystHeadingAnchors = 0
	c.MystSubstitutions = map[string]any{}
	c.IntersphinxMapping = map[string]Intersphinx{}
}

// explicit reports whether the file or an override set name.
func (c *Config) explicit(name string) bool {
	_, ok := c.Raw[name]
	return ok
}

// derive recomputes the settings whose defaults depend on others, as
// Sphinx's callable defaults and config-inited handlers do.
func (c *Config) derive() {
	if !c.explicit("root_doc") {
		c.RootDoc = c.masterDoc
	}
	if !c.explicit("copyright") {
		c.Copyright = c.projCopy
	}
	if _, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		c.Copyright = correctCopyrightYear(c.Copyright, BuildTime().Year())
	}
	if !c.explicit("html_title") {
		c.HTMLTitle = fmt.Sprintf("%s %s documentation", c.Project, c.Release)
	}
	if !c.explicit("html_short_title") {
		c.HTMLShortTitle = c.HTMLTitle
	}
	c.NumfigFormat = map[string]string{
		"section":    "Section %s",
		"figure":     "Fig. %s",
		"table":      "Table %s",
		"code-block": "Listing %s",
	}
	for k, v := range c.userNumfig {
		c.NumfigFormat[k] = v
	}
	c.HTMLSearchLanguage = c.searchLang
	if c.HTMLSearchLanguage == "" {
		c.HTMLSearchLanguage = c.Language
	}
	// Source suffixes: the user's, then those of extensions, with the
	// default file type filled in (sphinx.registry.merge_source_suffix).
	entries := append([]suffixEntry(nil), c.userSuffix...)
	if c.HasExtension("myst_parser") {
		found := false
		for i, e := range entries {
			if e.suffix == ".md" {
				found = true
				if e.filetype == "" {
					entries[i].filetype = "markdown"
				}
			}
		}
		if !found {
			entries = append(entries, suffixEntry{".md", "markdown"})
		}
	}
	c.SourceSuffix = map[string]string{}
	c.suffixOrder = nil
	for _, e := range entries {
		if _, dup := c.SourceSuffix[e.suffix]; !dup {
			c.suffixOrder = append(c.suffixOrder, e.suffix)
		}
		ft := e.filetype
		if ft == "" {
			ft = "restructuredtext"
		}
		c.SourceSuffix[e.suffix] = ft
	}
}

// Suffixes returns the keys of SourceSuffix in the order they were
// configured, which decides between files differing only by suffix.
func (c *Config) Suffixes() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range c.suffixOrder {
		if _, ok := c.SourceSuffix[s]; ok && !seen[s] {
			out = append(out, s)
			seen[s] = true
		}
	}
	for _, s := range sortedKeys(c.SourceSuffix) {
		if !seen[s] {
			out = append(out, s)
		}
	}
	return out
}

// FileType returns the file type of a source file by its suffix, as
// sphinx.util.get_filetype does: the first configured suffix it ends with.
func (c *Config) FileType(filename string) (string, bool) {
	for _, s := range c.Suffixes() {
		if strings.HasSuffix(filename, s) {
			return c.SourceSuffix[s], true
		}
	}
	return "", false
}

// HasExtension reports whether name is in the extensions setting.
func (c *Config) HasExtension(name string) bool {
	for _, e := range c.Extensions {
		if e == name {
			return true
		}
	}
	return false
}

// Line returns the line of the configuration file that set name, or 0.
func (c *Config) Line(name string) int { return c.lines[name] }

// Value returns a setting by its Sphinx name: the value set by the file or
// an override, else Sphinx's default for the settings docbuild knows. It
// serves extensions and ifconfig-like checks that work on names.
func (c *Config) Value(name string) (any, bool) {
	if v, ok := c.Raw[name]; ok {
		return v, true
	}
	switch name {
	case "root_doc":
		return c.RootDoc, true
	case "copyright":
		return c.Copyright, true
	case "html_title":
		return c.HTMLTitle, true
	case "html_short_title":
		return c.HTMLShortTitle, true
	case "numfig_format":
		d := NewDict()
		for _, k := range sortedKeys(c.NumfigFormat) {
			_ = d.Set(k, c.NumfigFormat[k])
		}
		return d, true
	case "source_suffix":
		d := NewDict()
		for _, s := range c.Suffixes() {
			_ = d.Set(s, c.SourceSuffix[s])
		}
		return d, true
	}
	if def, ok := settings[name]; ok {
		return copyDefault(def.def), true
	}
	return nil, false
}

// copyDefault returns a fresh copy of a mutable default, so callers cannot
// change the table.
func copyDefault(v any) any {
	switch x := v.(type) {
	case []any:
		return append([]any{}, x...)
	case *Dict:
		return x.copy()
	}
	return v
}

// set records a setting and updates its typed field; problems are reported
// through warn. The caller runs derive afterwards.
func (c *Config) set(name string, v any, line int, warn func(string)) {
	if _, seen := c.Raw[name]; !seen {
		c.order = append(c.order, name)
	}
	c.Raw[name] = v
	c.lines[name] = line
	def, known := settings[name]
	if !known || def.apply == nil {
		return
	}
	if err := def.apply(c, v, warn); err != nil {
		warn(err.Error())
	}
}

// correctCopyrightYear replaces the (last) year at the start of a copyright
// notice, as Sphinx does for reproducible builds when SOURCE_DATE_EPOCH is
// set (sphinx.config.correct_copyright_year): "2001-2019, X" becomes
// "2001-<year>, X".
func correctCopyrightYear(s string, year int) string {
	isYear := func(i int) bool {
		if i+4 > len(s) {
			return false
		}
		for _, c := range []byte(s[i : i+4]) {
			if !isDigit(c) {
				return false
			}
		}
		return true
	}
	at := 0
	if isYear(0) && len(s) > 4 && s[4] == '-' && isYear(5) {
		at = 5
	}
	if !isYear(at) || len(s) <= at+4 || (s[at+4] != ' ' && s[at+4] != ',') {
		return s
	}
	return s[:at] + strconv.Itoa(year) + s[at+4:]
}
