package markdown

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The syntax extensions that Config.EnableExtensions may name, as MyST's
// myst_enable_extensions.
const (
	ExtAmsmath        = "amsmath"
	ExtAttrsImage     = "attrs_image"
	ExtColonFence     = "colon_fence"
	ExtDeflist        = "deflist"
	ExtDollarmath     = "dollarmath"
	ExtFieldlist      = "fieldlist"
	ExtHTMLAdmonition = "html_admonition"
	ExtHTMLImage      = "html_image"
	ExtLinkify        = "linkify"
	ExtReplacements   = "replacements"
	ExtSmartquotes    = "smartquotes"
	ExtStrikethrough  = "strikethrough"
	ExtSubstitution   = "substitution"
	ExtTasklist       = "tasklist"
)

var knownExtensions = []string{
	ExtAmsmath, ExtAttrsImage, ExtColonFence, ExtDeflist, ExtDollarmath,
	ExtFieldlist, ExtHTMLAdmonition, ExtHTMLImage, ExtLinkify, ExtReplacements,
	ExtSmartquotes, ExtStrikethrough, ExtSubstitution, ExtTasklist,
}

// MetaEntry is one html_meta item: the key ("name", or attributes such as
// "description lang=en") and the content. A slice keeps the order in
// which the document or configuration gave them, which is the order of
// the meta elements.
type MetaEntry struct {
	Key, Value string
}

// Config is MyST-Parser's MdParserConfig: the myst_* settings. The zero
// value is not MyST's default; start from DefaultConfig.
type Config struct {
	// CommonmarkOnly and GFMOnly restrict the syntax to CommonMark or to
	// GitHub-flavoured Markdown: no MyST syntax, no directives.
	CommonmarkOnly bool
	GFMOnly        bool
	// EnableExtensions names the syntax extensions to switch on
	// (myst_enable_extensions).
	EnableExtensions []string
	// DisableSyntax names markdown-it rules to switch off
	// (myst_disable_syntax): "emphasis", "table", "myst_role" ...
	DisableSyntax []string
	// AllLinksExternal makes every link a plain hyperlink.
	AllLinksExternal bool
	// URLSchemes are the schemes that make a link external; nil means any
	// scheme does (MyST's None).
	URLSchemes []string
	// RefDomains are the Sphinx domains searched for link references.
	RefDomains []string
	// HighlightCodeBlocks asks for syntax highlighting of code blocks:
	// outside Sphinx, their code is split into Pygments' tokens (package
	// pygments); Sphinx highlights when writing.
	HighlightCodeBlocks bool
	// NumberCodeBlocks lists languages whose code blocks get line numbers.
	NumberCodeBlocks []string
	// TitleToHeader turns a "title" front-matter field into a level-1
	// heading.
	TitleToHeader bool
	// HeadingAnchors is the deepest heading level that gets a slug
	// (myst_heading_anchors); 0 means none.
	HeadingAnchors int
	// HeadingSlugFunc makes a heading's slug; nil means MyST's default,
	// GitHub's style.
	HeadingSlugFunc func(string) string
	// HTMLMeta are HTML meta tags for the document.
	HTMLMeta []MetaEntry
	// FootnoteTransition puts a transition before the footnotes.
	FootnoteTransition bool
	// WordsPerMinute is the reading speed for the word-count
	// substitutions.
	WordsPerMinute int
	// Substitutions are the values of {{ key }} substitutions: strings,
	// ints, float64s, or (from front matter) nested maps and lists.
	Substitutions map[string]any
	// SubDelimiters are the substitution delimiters, each doubled.
	SubDelimiters [2]byte
	// LinkifyFuzzyLinks recognises URLs without a scheme (linkify).
	LinkifyFuzzyLinks bool
	// Dollar-math options: $$...$$ (label), spaces and digits next to the
	// delimiters, and $$...$$ inside a paragraph.
	DmathAllowLabels  bool
	DmathAllowSpace   bool
	DmathAllowDigits  bool
	DmathDoubleInline bool
	// UpdateMathjax keeps MathJax off in Sphinx pages except for math that
	// dollarmath found (level-1 sections get mathjax_ignore classes).
	UpdateMathjax bool
}

// DefaultConfig returns MyST-Parser 0.18.1's defaults.
func DefaultConfig() Config {
	return Config{
		URLSchemes:          []string{"http", "https", "mailto", "ftp"},
		HighlightCodeBlocks: true,
		FootnoteTransition:  true,
		WordsPerMinute:      200,
		SubDelimiters:       [2]byte{'{', '}'},
		LinkifyFuzzyLinks:   true,
		DmathAllowLabels:    true,
		DmathAllowSpace:     true,
		DmathAllowDigits:    true,
		UpdateMathjax:       true,
	}
}

// Has reports whether extension ext is enabled.
func (c *Config) Has(ext string) bool { return slices.Contains(c.EnableExtensions, ext) }

// disabled reports whether a markdown-it rule was switched off.
func (c *Config) disabled(rule string) bool { return slices.Contains(c.DisableSyntax, rule) }

// myst reports whether MyST syntax (directives, roles, targets ...) is on.
func (c *Config) myst() bool { return !c.CommonmarkOnly && !c.GFMOnly }

// Validate checks the values as MyST's field validators do; the error text
// is MyST's.
func (c *Config) Validate() error {
	var unknown []string
	for _, e := range c.EnableExtensions {
		if !slices.Contains(knownExtensions, e) {
			unknown = append(unknown, "'"+e+"'")
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("'enable_extensions' items not recognised: {%s}", strings.Join(unknown, ", "))
	}
	if c.HeadingAnchors < 0 || c.HeadingAnchors > 7 {
		return fmt.Errorf("'heading_anchors' must be in [1, 2, 3, 4, 5, 6, 7] (got %d)", c.HeadingAnchors)
	}
	return nil
}

// SetOption sets one setting from its docutils name (myst_enable_extensions
// or --myst-enable-extensions; the prefix and dashes are optional) and its
// text, as given on a docutils command line or in docutils.conf.
func (c *Config) SetOption(name, value string) error {
	key := strings.TrimLeft(name, "-")
	key = strings.ReplaceAll(key, "-", "_")
	key = strings.TrimPrefix(key, "myst_")
	var err error
	switch key {
	case "commonmark_only":
		c.CommonmarkOnly, err = parseBool(value)
	case "gfm_only":
		c.GFMOnly, err = parseBool(value)
	case "enable_extensions":
		c.EnableExtensions = commaList(value)
	case "disable_syntax":
		c.DisableSyntax = commaList(value)
	case "all_links_external":
		c.AllLinksExternal, err = parseBool(value)
	case "url_schemes":
		c.URLSchemes = commaList(value)
	case "ref_domains":
		c.RefDomains = commaList(value)
	case "highlight_code_blocks":
		c.HighlightCodeBlocks, err = parseBool(value)
	case "number_code_blocks":
		c.NumberCodeBlocks = commaList(value)
	case "title_to_header":
		c.TitleToHeader, err = parseBool(value)
	case "heading_anchors":
		c.HeadingAnchors, err = strconv.Atoi(strings.TrimSpace(value))
	case "footnote_transition":
		c.FootnoteTransition, err = parseBool(value)
	case "words_per_minute":
		c.WordsPerMinute, err = strconv.Atoi(strings.TrimSpace(value))
	case "sub_delimiters":
		l := commaList(value)
		if len(l) != 2 || len(l[0]) != 1 || len(l[1]) != 1 {
			return fmt.Errorf("myst_sub_delimiters is not a tuple of length 2: %q", value)
		}
		c.SubDelimiters = [2]byte{l[0][0], l[1][0]}
	case "linkify_fuzzy_links":
		c.LinkifyFuzzyLinks, err = parseBool(value)
	case "dmath_allow_labels":
		c.DmathAllowLabels, err = parseBool(value)
	case "dmath_allow_space":
		c.DmathAllowSpace, err = parseBool(value)
	case "dmath_allow_digits":
		c.DmathAllowDigits, err = parseBool(value)
	case "dmath_double_inline":
		c.DmathDoubleInline, err = parseBool(value)
	case "update_mathjax":
		c.UpdateMathjax, err = parseBool(value)
	default:
		return fmt.Errorf("unknown MyST setting %q", name)
	}
	return err
}

// parseBool is docutils' validate_boolean.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "on", "yes", "true":
		return true, nil
	case "0", "off", "no", "false", "":
		return false, nil
	}
	return false, fmt.Errorf("unknown boolean value: %q", s)
}

// commaList is docutils' validate_comma_separated_list.
func commaList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
