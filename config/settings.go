package config

import (
	"fmt"
	"strings"
)

// settingDef describes a setting docbuild knows: Sphinx's default (which
// also decides how a -D override string is converted) and, for settings with
// a typed field, how to store a value there.
type settingDef struct {
	def any
	// computed marks defaults Sphinx computes from other settings (a
	// callable default): overrides of them are taken as plain strings.
	computed bool
	apply    func(c *Config, v any, warn func(string)) error
}

// settings lists Sphinx 5.3's core, HTML builder and bundled-extension
// settings, and those of myst_parser that docbuild reads.
var settings = map[string]*settingDef{}

func init() {
	str := func(field func(*Config) *string) func(*Config, any, func(string)) error {
		return func(c *Config, v any, _ func(string)) error {
			s, err := asString(v, true)
			if err != nil {
				return err
			}
			*field(c) = s
			return nil
		}
	}
	boolean := func(field func(*Config) *bool) func(*Config, any, func(string)) error {
		return func(c *Config, v any, warn func(string)) error {
			if _, ok := v.(bool); !ok {
				warn(fmt.Sprintf("The config value `%%s' has type `%s', defaults to `bool'.", TypeName(v)))
			}
			*field(c) = truth(v)
			return nil
		}
	}
	integer := func(field func(*Config) *int, noneIsZero bool) func(*Config, any, func(string)) error {
		return func(c *Config, v any, warn func(string)) error {
			if v == nil && noneIsZero {
				*field(c) = 0
				return nil
			}
			n, ok := integer(v)
			if !ok {
				return fmt.Errorf("The config value `%%s' has type `%s', defaults to `int'; ignored.", TypeName(v))
			}
			if _, isBool := v.(bool); isBool {
				warn("The config value `%s' has type `bool', defaults to `int'.")
			}
			*field(c) = int(n)
			return nil
		}
	}
	strList := func(field func(*Config) *[]string) func(*Config, any, func(string)) error {
		return func(c *Config, v any, _ func(string)) error {
			l, err := asStringList(v)
			if err != nil {
				return err
			}
			*field(c) = l
			return nil
		}
	}
	anyMap := func(field func(*Config) *map[string]any) func(*Config, any, func(string)) error {
		return func(c *Config, v any, warn func(string)) error {
			d, ok := v.(*Dict)
			if !ok {
				return fmt.Errorf("The config value `%%s' has type `%s', defaults to `dict'; ignored.", TypeName(v))
			}
			m := map[string]any{}
			d.Each(func(k, val any) {
				ks, ok := k.(string)
				if !ok {
					warn(fmt.Sprintf("key %s of `%%s' is not a string; ignored.", Repr(k)))
					return
				}
				m[ks] = val
			})
			*field(c) = m
			return nil
		}
	}
	plain := func(def any) *settingDef { return &settingDef{def: def} }
	def := func(name string, d any, apply func(*Config, any, func(string)) error) {
		settings[name] = &settingDef{def: d, apply: apply}
	}
	computed := func(name string, apply func(*Config, any, func(string)) error) {
		settings[name] = &settingDef{computed: true, apply: apply}
	}

	// General settings (sphinx/config.py).
	def("project", "Python", str(func(c *Config) *string { return &c.Project }))
	def("author", "unknown", str(func(c *Config) *string { return &c.Author }))
	def("project_copyright", "", str(func(c *Config) *string { return &c.projCopy }))
	computed("copyright", str(func(c *Config) *string { return &c.Copyright }))
	def("version", "", str(func(c *Config) *string { return &c.Version }))
	def("release", "", str(func(c *Config) *string { return &c.Release }))
	def("today", "", str(func(c *Config) *string { return &c.Today }))
	def("today_fmt", nil, str(func(c *Config) *string { return &c.TodayFmt }))
	def("language", "en", func(c *Config, v any, warn func(string)) error {
		if v == nil {
			warn("Invalid configuration value found: 'language = None'. Update your configuration to a valid language code. Falling back to 'en' (English).")
			c.Language = "en"
			return nil
		}
		s, err := asString(v, false)
		if err != nil {
			return err
		}
		c.Language = s
		return nil
	})
	def("master_doc", "index", str(func(c *Config) *string { return &c.masterDoc }))
	computed("root_doc", str(func(c *Config) *string { return &c.RootDoc }))
	settings["source_suffix"] = &settingDef{def: anyValue{}, apply: applySourceSuffix}
	def("source_encoding", "utf-8-sig", nil)
	def("exclude_patterns", []any{}, strList(func(c *Config) *[]string { return &c.ExcludePatterns }))
	def("include_patterns", []any{"**"}, strList(func(c *Config) *[]string { return &c.IncludePatterns }))
	def("default_role", nil, str(func(c *Config) *string { return &c.DefaultRole }))
	def("pygments_style", nil, str(func(c *Config) *string { return &c.PygmentsStyle }))
	def("highlight_language", "default", str(func(c *Config) *string { return &c.HighlightLanguage }))
	def("templates_path", []any{}, strList(func(c *Config) *[]string { return &c.TemplatesPath }))
	def("suppress_warnings", []any{}, strList(func(c *Config) *[]string { return &c.SuppressWarnings }))
	def("rst_epilog", nil, str(func(c *Config) *string { return &c.RstEpilog }))
	def("rst_prolog", nil, str(func(c *Config) *string { return &c.RstProlog }))
	def("nitpicky", false, boolean(func(c *Config) *bool { return &c.Nitpicky }))
	def("nitpick_ignore", []any{}, func(c *Config, v any, warn func(string)) error {
		l, err := asPairs(v, warn)
		c.NitpickIgnore = l
		return err
	})
	def("nitpick_ignore_regex", []any{}, func(c *Config, v any, warn func(string)) error {
		l, err := asPairs(v, warn)
		c.NitpickIgnoreRegex = l
		return err
	})
	def("numfig", false, boolean(func(c *Config) *bool { return &c.Numfig }))
	def("numfig_secnum_depth", int64(1), integer(func(c *Config) *int { return &c.NumfigSecnumDepth }, false))
	def("numfig_format", NewDict(), func(c *Config, v any, warn func(string)) error {
		d, ok := v.(*Dict)
		if !ok {
			return fmt.Errorf("The config value `numfig_format' has type `%s', defaults to `dict'; ignored.", TypeName(v))
		}
		m := map[string]string{}
		d.Each(func(k, val any) {
			ks, ok1 := k.(string)
			vs, ok2 := val.(string)
			if !ok1 || !ok2 {
				warn(fmt.Sprintf("numfig_format entry %s: %s is not a string pair; ignored.", Repr(k), Repr(val)))
				return
			}
			m[ks] = vs
		})
		c.userNumfig = m
		return nil
	})
	def("smartquotes", true, boolean(func(c *Config) *bool { return &c.Smartquotes }))
	def("smartquotes_action", "qDe", str(func(c *Config) *string { return &c.SmartquotesAction }))
	def("extensions", []any{}, strList(func(c *Config) *[]string { return &c.Extensions }))
	// Settings kept in Raw only; their defaults drive override conversion.
	for name, d := range map[string]any{
		"locale_dirs":                      []any{"locales"},
		"figure_language_filename":         "{root}.{language}{ext}",
		"gettext_allow_fuzzy_translations": false,
		"add_function_parentheses":         true,
		"add_module_names":                 true,
		"toc_object_entries":               true,
		"toc_object_entries_show_parents":  "domain",
		"trim_footnote_reference_space":    false,
		"show_authors":                     false,
		"highlight_options":                NewDict(),
		"template_bridge":                  nil,
		"keep_warnings":                    false,
		"modindex_common_prefix":           []any{},
		"trim_doctest_flags":               true,
		"primary_domain":                   "py",
		"needs_sphinx":                     nil,
		"needs_extensions":                 NewDict(),
		"manpages_url":                     nil,
		"math_number_all":                  false,
		"math_eqref_format":                nil,
		"math_numfig":                      true,
		"tls_verify":                       true,
		"tls_cacerts":                      nil,
		"user_agent":                       nil,
		"smartquotes_excludes":             NewDict(),
		"option_emphasise_placeholders":    false,
		// HTML builder settings without a typed field.
		"html_style":                   nil,
		"html_additional_pages":        NewDict(),
		"html_domain_indices":          true,
		"html_use_opensearch":          "",
		"html_file_suffix":             nil,
		"html_link_suffix":             nil,
		"html_show_search_summary":     true,
		"html_output_encoding":         "utf-8",
		"html_compact_lists":           true,
		"html_search_options":          NewDict(),
		"html_search_scorer":           "",
		"html_scaled_image_link":       true,
		"html_codeblock_linenos_style": "inline",
		"html_math_renderer":           nil,
		"html4_writer":                 false,
		// Bundled extensions docbuild implements or accepts.
		"extlinks_detect_hardcoded_links":  false,
		"intersphinx_cache_limit":          int64(5),
		"intersphinx_timeout":              nil,
		"intersphinx_disabled_reftypes":    []any{"std:doc"},
		"autosectionlabel_prefix_document": false,
		"autosectionlabel_maxdepth":        nil,
		"mathjax_path":                     "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js",
		"mathjax_options":                  NewDict(),
		"mathjax_inline":                   []any{`\(`, `\)`},
		"mathjax_display":                  []any{`\[`, `\]`},
		"mathjax_config":                   nil,
		"mathjax3_config":                  nil,
		"doctest_path":                     []any{},
		"doctest_test_doctest_blocks":      "default",
		"doctest_global_setup":             "",
		"doctest_global_cleanup":           "",
		"viewcode_import":                  nil,
		"viewcode_enable_epub":             false,
		"viewcode_follow_imported_members": true,
		// myst_parser.
		"myst_commonmark_only":       false,
		"myst_gfm_only":              false,
		"myst_disable_syntax":        []any{},
		"myst_all_links_external":    false,
		"myst_url_schemes":           nil,
		"myst_ref_domains":           nil,
		"myst_number_code_blocks":    []any{},
		"myst_title_to_header":       false,
		"myst_heading_slug_func":     nil,
		"myst_html_meta":             NewDict(),
		"myst_footnote_transition":   true,
		"myst_words_per_minute":      int64(200),
		"myst_linkify_fuzzy_links":   true,
		"myst_dmath_allow_labels":    true,
		"myst_dmath_allow_space":     true,
		"myst_dmath_allow_digits":    true,
		"myst_dmath_double_inline":   false,
		"myst_update_mathjax":        true,
		"myst_mathjax_classes":       "tex2jax_process|mathjax_process|math|output_area",
		"myst_enable_checkboxes":     false,
		"myst_suppress_warnings":     []any{},
		"myst_highlight_code_blocks": true,
	} {
		settings[name] = plain(d)
	}
	settings["mathjax2_config"] = &settingDef{computed: true}

	def("todo_include_todos", false, boolean(func(c *Config) *bool { return &c.TodoIncludeTodos }))
	def("todo_emit_warnings", false, boolean(func(c *Config) *bool { return &c.TodoEmitWarnings }))
	def("todo_link_only", false, boolean(func(c *Config) *bool { return &c.TodoLinkOnly }))
	def("extlinks", NewDict(), applyExtlinks)
	def("intersphinx_mapping", NewDict(), applyIntersphinx)

	// HTML builder (sphinx/builders/html/__init__.py).
	def("html_theme", "alabaster", str(func(c *Config) *string { return &c.HTMLTheme }))
	def("html_theme_path", []any{}, strList(func(c *Config) *[]string { return &c.HTMLThemePath }))
	def("html_theme_options", NewDict(), anyMap(func(c *Config) *map[string]any { return &c.HTMLThemeOptions }))
	computed("html_title", str(func(c *Config) *string { return &c.HTMLTitle }))
	computed("html_short_title", str(func(c *Config) *string { return &c.HTMLShortTitle }))
	def("html_logo", nil, str(func(c *Config) *string { return &c.HTMLLogo }))
	def("html_favicon", nil, str(func(c *Config) *string { return &c.HTMLFavicon }))
	def("html_css_files", []any{}, func(c *Config, v any, warn func(string)) error {
		l, err := asAssets(v, "css_file", warn)
		c.HTMLCSSFiles = l
		return err
	})
	def("html_js_files", []any{}, func(c *Config, v any, warn func(string)) error {
		l, err := asAssets(v, "js_file", warn)
		c.HTMLJSFiles = l
		return err
	})
	def("html_static_path", []any{}, strList(func(c *Config) *[]string { return &c.HTMLStaticPath }))
	def("html_extra_path", []any{}, strList(func(c *Config) *[]string { return &c.HTMLExtraPath }))
	def("html_last_updated_fmt", nil, func(c *Config, v any, _ func(string)) error {
		if v == nil {
			c.HTMLShowLastUpdated, c.HTMLLastUpdatedFmt = false, ""
			return nil
		}
		s, err := asString(v, false)
		if err != nil {
			return err
		}
		c.HTMLShowLastUpdated, c.HTMLLastUpdatedFmt = true, s
		return nil
	})
	def("html_sidebars", NewDict(), applySidebars)
	def("html_context", NewDict(), anyMap(func(c *Config) *map[string]any { return &c.HTMLContext }))
	def("html_baseurl", "", str(func(c *Config) *string { return &c.HTMLBaseURL }))
	def("html_copy_source", true, boolean(func(c *Config) *bool { return &c.HTMLCopySource }))
	def("html_show_sourcelink", true, boolean(func(c *Config) *bool { return &c.HTMLShowSourcelink }))
	def("html_sourcelink_suffix", ".txt", str(func(c *Config) *string { return &c.HTMLSourcelinkSuffix }))
	def("html_use_index", true, boolean(func(c *Config) *bool { return &c.HTMLUseIndex }))
	def("html_split_index", false, boolean(func(c *Config) *bool { return &c.HTMLSplitIndex }))
	def("html_permalinks", true, boolean(func(c *Config) *bool { return &c.HTMLPermalinks }))
	def("html_permalinks_icon", "¶", str(func(c *Config) *string { return &c.HTMLPermalinksIcon }))
	def("html_show_copyright", true, boolean(func(c *Config) *bool { return &c.HTMLShowCopyright }))
	def("html_show_sphinx", true, boolean(func(c *Config) *bool { return &c.HTMLShowSphinx }))
	def("html_secnumber_suffix", ". ", str(func(c *Config) *string { return &c.HTMLSecnumberSuffix }))
	def("html_search_language", nil, str(func(c *Config) *string { return &c.searchLang }))
	// html_add_permalinks is Sphinx 3's name: "" disables permalinks,
	// other text becomes the icon.
	def("html_add_permalinks", nil, func(c *Config, v any, warn func(string)) error {
		s, err := asString(v, true)
		if err != nil {
			return err
		}
		warn("html_add_permalinks is deprecated; use html_permalinks and html_permalinks_icon.")
		c.HTMLPermalinks = s != ""
		if s != "" {
			c.HTMLPermalinksIcon = s
		}
		return nil
	})

	// MyST.
	def("myst_enable_extensions", []any{}, strList(func(c *Config) *[]string { return &c.MystEnableExtensions }))
	def("myst_heading_anchors", int64(0), integer(func(c *Config) *int { return &c.MystHeadingAnchors }, true))
	def("myst_substitutions", NewDict(), anyMap(func(c *Config) *map[string]any { return &c.MystSubstitutions }))

	// Type warnings name the setting; the setters above leave a %s for it.
	for name, d := range settings {
		if d.apply == nil {
			continue
		}
		apply, name := d.apply, name
		d.apply = func(c *Config, v any, warn func(string)) error {
			named := func(s string) string {
				if strings.Contains(s, "`%s'") {
					return strings.Replace(s, "`%s'", "`"+name+"'", 1)
				}
				return s
			}
			err := apply(c, v, func(s string) { warn(named(s)) })
			if err != nil {
				return fmt.Errorf("%s", named(err.Error()))
			}
			return nil
		}
	}
}

// anyValue marks settings of any type (source_suffix): overrides are kept
// as the string given.
type anyValue struct{}

// asString accepts a str; with noneOK, None (the default of many string
// settings) reads as "".
func asString(v any, noneOK bool) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case nil:
		if noneOK {
			return "", nil
		}
	}
	return "", fmt.Errorf("The config value `%%s' has type `%s'; expected `str'; ignored.", TypeName(v))
}

// asStringList accepts a list, tuple or set of str.
func asStringList(v any) ([]string, error) {
	var items []any
	switch x := v.(type) {
	case []any:
		items = x
	case Tuple:
		items = x
	case *Set:
		items = x.Items()
	default:
		return nil, fmt.Errorf("The config value `%%s' has type `%s'; expected a list of strings; ignored.", TypeName(v))
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("The config value `%%s' contains %s, which is not a string; ignored.", Repr(it))
		}
		out = append(out, s)
	}
	return out, nil
}

// sequence returns the items of a list or tuple.
func sequence(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case Tuple:
		return x, true
	}
	return nil, false
}

func asPairs(v any, warn func(string)) ([]NitpickIgnore, error) {
	var items []any
	switch x := v.(type) {
	case *Set:
		items = x.Items()
	default:
		var ok bool
		if items, ok = sequence(v); !ok {
			return nil, fmt.Errorf("The config value `%%s' has type `%s'; expected a list of (type, target) pairs; ignored.", TypeName(v))
		}
	}
	var out []NitpickIgnore
	for _, it := range items {
		pair, ok := sequence(it)
		if ok && len(pair) == 2 {
			t, ok1 := pair[0].(string)
			g, ok2 := pair[1].(string)
			if ok1 && ok2 {
				out = append(out, NitpickIgnore{Type: t, Target: g})
				continue
			}
		}
		warn(fmt.Sprintf("`%%s' entry %s is not a (type, target) pair of strings; ignored.", Repr(it)))
	}
	return out, nil
}

// applySourceSuffix follows sphinx.config.convert_source_suffix.
func applySourceSuffix(c *Config, v any, _ func(string)) error {
	var entries []suffixEntry
	switch x := v.(type) {
	case string:
		entries = []suffixEntry{{x, ""}}
	case []any, Tuple:
		items, _ := sequence(x)
		for _, it := range items {
			s, ok := it.(string)
			if !ok {
				return fmt.Errorf("The config value `source_suffix' contains %s, which is not a string; ignored.", Repr(it))
			}
			entries = append(entries, suffixEntry{s, ""})
		}
	case *Dict:
		var err error
		x.Each(func(k, ft any) {
			ks, ok := k.(string)
			if !ok && err == nil {
				err = fmt.Errorf("The config value `source_suffix' has key %s, which is not a string; ignored.", Repr(k))
				return
			}
			fs, ok := ft.(string)
			if !ok && ft != nil && err == nil {
				err = fmt.Errorf("The config value `source_suffix' maps %s to %s, which is not a file type; ignored.", Repr(k), Repr(ft))
				return
			}
			entries = append(entries, suffixEntry{ks, fs})
		})
		if err != nil {
			return err
		}
	default:
		return fmt.Errorf("The config value `source_suffix' expects a string, list of strings, or dictionary. But `%s' is given.", Repr(v))
	}
	c.userSuffix = entries
	return nil
}

// applyExtlinks follows sphinx.ext.extlinks (5.x): a pattern without
// exactly one %s is deprecated and turned into prefix + %s.
func applyExtlinks(c *Config, v any, warn func(string)) error {
	d, ok := v.(*Dict)
	if !ok {
		return fmt.Errorf("The config value `extlinks' has type `%s', defaults to `dict'; ignored.", TypeName(v))
	}
	out := map[string]Extlink{}
	d.Each(func(k, val any) {
		name, ok := k.(string)
		pair, ok2 := sequence(val)
		if !ok || !ok2 || len(pair) != 2 {
			warn(fmt.Sprintf("extlinks entry %s: %s is not a (URL, caption) pair; ignored.", Repr(k), Repr(val)))
			return
		}
		url, ok := pair[0].(string)
		if !ok {
			warn(fmt.Sprintf("extlinks entry %s: the URL %s is not a string; ignored.", Repr(k), Repr(pair[0])))
			return
		}
		if _, err := percentFormat(url, "dummy"); err != nil {
			warn("extlinks: Sphinx-6.0 will require base URL to contain exactly one '%s' and all other '%' need to be escaped as '%%'.")
			url = strings.ReplaceAll(url, "%", "%%") + "%s"
		}
		link := Extlink{URL: url}
		switch caption := pair[1].(type) {
		case nil:
		case string:
			if _, err := percentFormat(caption, "dummy"); err != nil {
				warn("extlinks: Sphinx-6.0 will require a caption string to contain exactly one '%s' and all other '%' need to be escaped as '%%'.")
				caption = strings.ReplaceAll(caption, "%", "%%") + "%s"
			}
			link.Caption, link.HasCaption = caption, true
		default:
			warn(fmt.Sprintf("extlinks entry %s: the caption %s is not a string; ignored.", Repr(k), Repr(pair[1])))
			return
		}
		out[name] = link
	})
	c.Extlinks = out
	return nil
}

// applyIntersphinx follows sphinx.ext.intersphinx.normalize_intersphinx_mapping.
func applyIntersphinx(c *Config, v any, warn func(string)) error {
	d, ok := v.(*Dict)
	if !ok {
		return fmt.Errorf("The config value `intersphinx_mapping' has type `%s', defaults to `dict'; ignored.", TypeName(v))
	}
	out := map[string]Intersphinx{}
	d.Each(func(k, val any) {
		var entry Intersphinx
		var inv any
		if pair, ok := sequence(val); ok {
			name, ok := k.(string)
			if !ok {
				warn(fmt.Sprintf("intersphinx identifier %s is not string. Ignored", Repr(k)))
				return
			}
			if len(pair) != 2 {
				warn(fmt.Sprintf("Failed to read intersphinx_mapping[%s], ignored: expected (uri, inventory)", Str(k)))
				return
			}
			uri, ok := pair[0].(string)
			if !ok {
				warn(fmt.Sprintf("Failed to read intersphinx_mapping[%s], ignored: the URI is not a string", Str(k)))
				return
			}
			entry = Intersphinx{Name: name, URI: uri}
			inv = pair[1]
		} else {
			uri, ok := k.(string)
			if !ok {
				warn(fmt.Sprintf("Failed to read intersphinx_mapping[%s], ignored: the URI is not a string", Str(k)))
				return
			}
			entry = Intersphinx{URI: uri}
			inv = val
		}
		// Sphinx wraps anything but a tuple in one; docbuild.toml has
		// no tuples, so a list of inventories counts as one too.
		invs, ok := sequence(inv)
		if !ok {
			invs = []any{inv}
		}
		for _, i := range invs {
			switch s := i.(type) {
			case nil:
				entry.Inventories = append(entry.Inventories, "")
			case string:
				entry.Inventories = append(entry.Inventories, s)
			default:
				warn(fmt.Sprintf("Failed to read intersphinx_mapping[%s], ignored: inventory %s is not a string", Str(k), Repr(i)))
				return
			}
		}
		key, _ := k.(string)
		out[key] = entry
	})
	c.IntersphinxMapping = out
	return nil
}

// applySidebars accepts pattern -> list of templates (or one template name,
// Sphinx's old form).
func applySidebars(c *Config, v any, warn func(string)) error {
	d, ok := v.(*Dict)
	if !ok {
		return fmt.Errorf("The config value `html_sidebars' has type `%s', defaults to `dict'; ignored.", TypeName(v))
	}
	out := map[string][]string{}
	d.Each(func(k, val any) {
		pattern, ok := k.(string)
		if !ok {
			warn(fmt.Sprintf("html_sidebars key %s is not a string; ignored.", Repr(k)))
			return
		}
		if s, ok := val.(string); ok {
			out[pattern] = []string{s}
			return
		}
		l, err := asStringList(val)
		if err != nil {
			warn(fmt.Sprintf("html_sidebars[%s] must be a list of template names; ignored.", Repr(k)))
			return
		}
		out[pattern] = l
	})
	c.HTMLSidebars = out
	return nil
}

// asAssets follows convert_html_css_files/convert_html_js_files: each entry
// is a file name or a (file name, attributes) pair.
func asAssets(v any, what string, warn func(string)) ([]Asset, error) {
	items, ok := sequence(v)
	if !ok {
		return nil, fmt.Errorf("The config value `%%s' has type `%s'; expected a list; ignored.", TypeName(v))
	}
	out := []Asset{}
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, Asset{Filename: s, Attributes: map[string]any{}})
			continue
		}
		pair, ok := sequence(it)
		if ok && len(pair) == 2 {
			name, ok1 := pair[0].(string)
			attrs, ok2 := pair[1].(*Dict)
			if ok1 && ok2 {
				a := Asset{Filename: name, Attributes: map[string]any{}}
				attrs.Each(func(k, val any) {
					if ks, ok := k.(string); ok {
						a.Attributes[ks] = val
					}
				})
				out = append(out, a)
				continue
			}
		}
		warn(fmt.Sprintf("invalid %s: %s, ignored", what, Repr(it)))
	}
	return out, nil
}
