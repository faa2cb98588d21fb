package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func loadRealistic(t *testing.T) (*Config, []Warning) {
	t.Helper()
	c, warns, err := Load("testdata/realistic")
	if err != nil {
		t.Fatal(err)
	}
	return c, warns
}

// TestRealisticConfPy checks the settings read from a conf.py written the
// way real projects write them.
func TestRealisticConfPy(t *testing.T) {
	c, _ := loadRealistic(t)
	checks := []struct {
		name      string
		got, want any
	}{
		{"project", c.Project, "Widgetry"},
		{"author", c.Author, "The Widgetry Team"},
		{"copyright", c.Copyright, "2019-2024, The Widgetry Team"},
		{"version", c.Version, "2.4"},
		{"release", c.Release, "2.4.1rc1"},
		{"root_doc follows master_doc", c.RootDoc, "index"},
		{"language None falls back", c.Language, "en"},
		{"exclude_patterns", c.ExcludePatterns, []string{"_build", "Thumbs.db", ".DS_Store", "drafts/**"}},
		{"templates_path", c.TemplatesPath, []string{"_templates"}},
		{"source_suffix", c.SourceSuffix, map[string]string{".rst": "restructuredtext", ".md": "markdown", ".txt": "restructuredtext"}},
		{"suffix order", c.Suffixes(), []string{".rst", ".md", ".txt"}},
		{"pygments_style", c.PygmentsStyle, "sphinx"},
		{"default_role", c.DefaultRole, "any"},
		{"highlight_language", c.HighlightLanguage, "python3"},
		{"todo_include_todos", c.TodoIncludeTodos, true},
		{"nitpicky", c.Nitpicky, true},
		{"nitpick_ignore", c.NitpickIgnore, []NitpickIgnore{{"py:class", "widgetry.Internal"}, {"py:obj", "typing.Any"}}},
		{"numfig", c.Numfig, true},
		{"numfig_format", c.NumfigFormat, map[string]string{"section": "Section %s", "figure": "Figure %s", "table": "Tbl. %s", "code-block": "Listing %s"}},
		{"numfig_secnum_depth", c.NumfigSecnumDepth, 2},
		{"rst_prolog", c.RstProlog, "\n.. |project| replace:: Widgetry\n.. |br| raw:: html\n\n   <br />\n"},
		{"rst_epilog", c.RstEpilog, ".. _PyPI: https://pypi.org/project/widgetry/\n.. |tm| unicode:: U+2122"},
		{"extlinks issue", c.Extlinks["issue"], Extlink{URL: "https://github.com/widgetry/widgetry/issues/%s", Caption: "issue %s", HasCaption: true}},
		{"extlinks without caption", c.Extlinks["pypi"], Extlink{URL: "https://pypi.org/project/%s/"}},
		{"extlinks old style", c.Extlinks["old"], Extlink{URL: "https://example.org/~%s", Caption: "old-%s", HasCaption: true}},
		{"intersphinx python", c.IntersphinxMapping["python"], Intersphinx{Name: "python", URI: "https://docs.python.org/3", Inventories: []string{""}}},
		{"intersphinx sphinx", c.IntersphinxMapping["sphinx"], Intersphinx{Name: "sphinx", URI: "https://www.sphinx-doc.org/en/master/", Inventories: []string{"sphinx.inv", ""}}},
		{"myst_enable_extensions", c.MystEnableExtensions, []string{"colon_fence", "deflist", "substitution"}},
		{"myst_heading_anchors", c.MystHeadingAnchors, 3},
		{"myst_substitutions", c.MystSubstitutions, map[string]any{"version": "2.4", "badge": "![badge](https://img.shields.io/badge/v-2.4.1rc1-blue)"}},
		{"html_theme", c.HTMLTheme, "furo"},
		{"html_theme_options", c.HTMLThemeOptions, map[string]any{"sidebar_hide_name": false, "navigation_with_keys": true, "announcement": "<em>New:</em> version 2.4.1rc1 is out!", "source_branch": "main"}},
		{"html_title", c.HTMLTitle, "Widgetry 2.4"},
		{"html_short_title follows html_title", c.HTMLShortTitle, "Widgetry 2.4"},
		{"html_static_path", c.HTMLStaticPath, []string{"_static"}},
		{"html_extra_path", c.HTMLExtraPath, []string{"robots.txt"}},
		{"html_logo", c.HTMLLogo, "_static/logo.svg"},
		{"html_favicon", c.HTMLFavicon, "_static/favicon.ico"},
		{"html_css_files", c.HTMLCSSFiles, []Asset{{"custom.css", map[string]any{}}, {"print.css", map[string]any{"media": "print"}}}},
		{"html_js_files", c.HTMLJSFiles, []Asset{{"js/extra.js", map[string]any{}}, {"https://example.com/a.js", map[string]any{"async": "async", "priority": int64(200)}}}},
		{"html_sidebars", c.HTMLSidebars, map[string][]string{"**": {"about.html", "navigation.html", "searchbox.html"}, "index": {"indexsidebar.html"}}},
		{"html_baseurl", c.HTMLBaseURL, "https://widgetry.example.org/"},
		{"html_copy_source", c.HTMLCopySource, false},
		{"html_show_sourcelink", c.HTMLShowSourcelink, false},
		{"html_last_updated_fmt", c.HTMLLastUpdatedFmt, "%b %d, %Y"},
		{"html_show_last_updated", c.HTMLShowLastUpdated, true},
		{"html_use_index", c.HTMLUseIndex, true},
		{"html_permalinks", c.HTMLPermalinks, true},
		{"html_show_copyright", c.HTMLShowCopyright, true},
		{"html_search_language", c.HTMLSearchLanguage, "en"},
		{"today_fmt", c.TodayFmt, "%d %B %Y"},
		{"tags", c.Tags, []string{"internal"}},
		{"extensions", c.Extensions, []string{"sphinx.ext.autodoc", "sphinx.ext.intersphinx", "sphinx.ext.todo", "sphinx.ext.extlinks", "sphinx.ext.viewcode", "myst_parser", "sphinx_copybutton", "sphinx.ext.autodoc"}},
		{"raw latex_elements", Repr(c.Raw["latex_elements"]), "{'papersize': 'a4paper', 'pointsize': '11pt'}"},
		{"raw latex_documents", Repr(c.Raw["latex_documents"]), "[('index', 'widgetry.tex', 'Widgetry Documentation', 'The Widgetry Team', 'manual')]"},
		{"html_theme line", c.Line("html_theme"), 102},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %#v, want %#v", ck.name, ck.got, ck.want)
		}
	}
}

// TestRealisticWarnings checks what a real-looking conf.py reports.
func TestRealisticWarnings(t *testing.T) {
	_, warns := loadRealistic(t)
	var got []string
	for _, w := range warns {
		got = append(got, strings.TrimPrefix(w.String(), "testdata/realistic/conf.py:"))
	}
	want := []string{
		"10: ignored: from datetime import date",
		"14: ignored: import widgetry",
		"47: WARNING: Invalid configuration value found: 'language = None'. Update your configuration to a valid language code. Falling back to 'en' (English).",
		"75: WARNING: extlinks: Sphinx-6.0 will require base URL to contain exactly one '%s' and all other '%' need to be escaped as '%%'.",
		"75: WARNING: extlinks: Sphinx-6.0 will require a caption string to contain exactly one '%s' and all other '%' need to be escaped as '%%'.",
		"96: ignored: on_rtd = os.environ.get('READTHEDOCS') == 'True'",
		"97: ignored: if on_rtd:",
		"131: ignored: def setup(app):",
		"134: ignored: class Helper:",
		"137: ignored: try:",
		"38: WARNING: extension sphinx.ext.autodoc is not supported by docbuild; its directives, roles and settings are ignored",
		"38: WARNING: extension sphinx_copybutton is not supported by docbuild; its directives, roles and settings are ignored",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTOMLRoundTrip writes the realistic configuration as docbuild.toml and
// reads it back: every typed setting must survive.
func TestTOMLRoundTrip(t *testing.T) {
	c, _ := loadRealistic(t)
	var buf bytes.Buffer
	if err := c.WriteTOML(&buf); err != nil {
		t.Fatal(err)
	}
	c2, warns, err := FromTOML("testdata/realistic", "docbuild.toml", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, w := range warns {
		if !strings.Contains(w.Text, "extlinks: Sphinx-6.0") {
			t.Errorf("unexpected warning %s", w)
		}
	}
	if diff := compareTyped(c, c2); diff != "" {
		t.Errorf("round trip changed %s\n%s", diff, buf.String())
	}
	// Writing again gives the same text.
	var buf2 bytes.Buffer
	if err := c2.WriteTOML(&buf2); err != nil {
		t.Fatal(err)
	}
	if buf.String() != buf2.String() {
		t.Errorf("second write differs:\n%s\n---\n%s", buf.String(), buf2.String())
	}
}

// compareTyped compares the typed fields of two configurations.
func compareTyped(a, b *Config) string {
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	typ := va.Type()
	var diffs []string
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if !f.IsExported() || f.Name == "Raw" || f.Name == "File" {
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			diffs = append(diffs, f.Name)
		}
	}
	if !reflect.DeepEqual(a.Suffixes(), b.Suffixes()) {
		diffs = append(diffs, "Suffixes()")
	}
	return strings.Join(diffs, ", ")
}

// TestTOMLMapping checks the documented key mapping of docbuild.toml.
func TestTOMLMapping(t *testing.T) {
	src := `
project = "Demo"
release = "1.0"
extensions = ["myst_parser", "sphinx.ext.intersphinx"]
source_suffix = [".rst", ".md"]
tags = ["web"]
html_static_path = ["_static"]

[extlinks]
gh = ["https://github.com/%s"]
bpo = ["https://bugs.python.org/issue%s", "bpo-%s"]

[numfig_format]
figure = "Figure %s"

[html]
theme = "furo"
last_updated_fmt = ""

[html.theme_options]
b = 1
a = { nested = true }

[myst]
enable_extensions = ["colon_fence"]
heading_anchors = 2

[intersphinx.mapping]
python = "https://docs.python.org/3"
local = ["https://example.org", ["a.inv", ""]]

[latex_elements]
papersize = "a4paper"

[todo]
include_todos = true
`
	c, warns, err := FromTOML(".", "docbuild.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"project", c.Project, "Demo"},
		{"html_title", c.HTMLTitle, "Demo 1.0 documentation"},
		{"html_theme", c.HTMLTheme, "furo"},
		{"html_static_path", c.HTMLStaticPath, []string{"_static"}},
		{"last updated with default format", c.HTMLShowLastUpdated, true},
		{"theme options order", Repr(c.Raw["html_theme_options"]), "{'b': 1, 'a': {'nested': True}}"},
		{"source_suffix with myst", c.SourceSuffix, map[string]string{".rst": "restructuredtext", ".md": "markdown"}},
		{"extlink without caption", c.Extlinks["gh"], Extlink{URL: "https://github.com/%s"}},
		{"extlink with caption", c.Extlinks["bpo"], Extlink{URL: "https://bugs.python.org/issue%s", Caption: "bpo-%s", HasCaption: true}},
		{"numfig_format", c.NumfigFormat["figure"], "Figure %s"},
		{"myst", c.MystEnableExtensions, []string{"colon_fence"}},
		{"heading anchors", c.MystHeadingAnchors, 2},
		{"intersphinx bare URI", c.IntersphinxMapping["python"], Intersphinx{Name: "python", URI: "https://docs.python.org/3", Inventories: []string{""}}},
		{"intersphinx inventories", c.IntersphinxMapping["local"], Intersphinx{Name: "local", URI: "https://example.org", Inventories: []string{"a.inv", ""}}},
		{"raw dict setting", Repr(c.Raw["latex_elements"]), "{'papersize': 'a4paper'}"},
		{"todo", c.TodoIncludeTodos, true},
		{"tags", c.Tags, []string{"web"}},
		{"line of [html] theme", c.Line("html_theme"), 17},
		{"line of a table setting", c.Line("latex_elements"), 32},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %#v, want %#v", ck.name, ck.got, ck.want)
		}
	}
}

// TestTOMLProblems checks errors and warnings of docbuild.toml files.
func TestTOMLProblems(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		err     string // substring of the error, "" for none
		warning string // substring of the one warning, "" for none
	}{
		{"syntax error names line", "project = \"x\"\nhtml_theme = furo\n", "docbuild.toml:2:14: invalid TOML: expected keyword \"false\"; text must be quoted: html_theme = \"furo\"", ""},
		{"other syntax error", "x = [1,\n", "docbuild.toml:1:8: invalid TOML: array is incomplete; fix the TOML syntax", ""},
		{"unterminated string", "project = \"x\n", "docbuild.toml:1:", ""},
		{"duplicate key", "project = \"a\"\nproject = \"b\"\n", "docbuild.toml:2:", ""},
		{"set twice in two forms", "html_theme = \"a\"\n[html]\ntheme = \"b\"\n", "docbuild.toml:3: html_theme is set twice (also as html_theme on line 1)", ""},
		{"wrong type", "[html]\ntheme = 3\n", "", "docbuild.toml:2: WARNING: The config value `html_theme' has type `int'; expected `str'; ignored."},
		{"wrong list item", "exclude_patterns = [1]\n", "", "contains 1, which is not a string"},
		{"typo in html", "[html]\nthem = \"furo\"\n", "", "docbuild.toml:2: WARNING: unknown setting html_them ([html] them)"},
		{"bad bool", "numfig = \"yes\"\n", "", "has type `str', defaults to `bool'"},
		{"unknown non-html settings are kept", "napoleon_google_docstring = true\n[autodoc]\nmember_order = \"bysource\"\n", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, warns, err := FromTOML(".", "docbuild.toml", []byte(tc.src))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.warning == "" && len(warns) > 0:
				t.Errorf("warnings %v, want none", warns)
			case tc.warning != "" && (len(warns) != 1 || !strings.Contains(warns[0].String(), tc.warning)):
				t.Errorf("warnings %v, want one containing %q", warns, tc.warning)
			}
		})
	}
}

// TestOverride checks -D conversions against Sphinx's rules.
func TestOverride(t *testing.T) {
	tests := []struct {
		name, value string
		check       func(c *Config) any
		want        any
		err         string
	}{
		{"project", "Other", func(c *Config) any { return c.HTMLTitle }, "Other  documentation", ""},
		{"release", "3.0", func(c *Config) any { return c.HTMLTitle }, "Python 3.0 documentation", ""},
		{"html_title", "T", func(c *Config) any { return c.HTMLShortTitle }, "T", ""},
		{"numfig", "1", func(c *Config) any { return c.Numfig }, true, ""},
		{"numfig", "0", func(c *Config) any { return c.Numfig }, false, ""},
		{"html_copy_source", "", func(c *Config) any { return c.HTMLCopySource }, false, ""},
		{"html_copy_source", "no", func(c *Config) any { return c.HTMLCopySource }, true, ""},
		{"numfig_secnum_depth", " 3 ", func(c *Config) any { return c.NumfigSecnumDepth }, 3, ""},
		{"numfig_secnum_depth", "three", nil, nil, "invalid number 'three' for config value 'numfig_secnum_depth', ignoring"},
		{"exclude_patterns", "_build,drafts/*", func(c *Config) any { return c.ExcludePatterns }, []string{"_build", "drafts/*"}, ""},
		{"extensions", "myst_parser,sphinx.ext.todo", func(c *Config) any { return c.SourceSuffix[".md"] }, "markdown", ""},
		{"html_theme_options", "x", nil, nil, "cannot override dictionary config setting 'html_theme_options', ignoring (use 'html_theme_options.key=value' to set individual elements)"},
		{"html_theme_options.navigation_depth", "2", func(c *Config) any { return c.HTMLThemeOptions }, map[string]any{"navigation_depth": "2"}, ""},
		{"source_suffix", ".txt", func(c *Config) any { return c.SourceSuffix }, map[string]string{".txt": "restructuredtext"}, ""},
		{"root_doc", "contents", func(c *Config) any { return c.RootDoc }, "contents", ""},
		{"master_doc", "start", func(c *Config) any { return c.RootDoc }, "start", ""},
		{"html_last_updated_fmt", "%Y", func(c *Config) any { return c.HTMLShowLastUpdated }, true, ""},
		{"no_such_setting", "1", nil, nil, "unknown config value 'no_such_setting' in override, ignoring"},
		{"extlinks.gh", "https://github.com/%s", nil, nil, "is not a (URL, caption) pair"},
		{"language", "de", func(c *Config) any { return c.HTMLSearchLanguage }, "de", ""},
		{"myst_heading_anchors", "2", func(c *Config) any { return c.MystHeadingAnchors }, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			c := New(".")
			err := c.Override(tc.name, tc.value)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.check(c); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

// TestOverrideDictEntryKeepsFileEntries checks name.key=value adds to the
// dict the file set.
func TestOverrideDictEntryKeepsFileEntries(t *testing.T) {
	c, _ := loadRealistic(t)
	if err := c.Override("html_theme_options.sidebar_hide_name", "1"); err != nil {
		t.Fatal(err)
	}
	if got := c.HTMLThemeOptions["sidebar_hide_name"]; got != "1" {
		t.Errorf("sidebar_hide_name = %#v", got)
	}
	if got := c.HTMLThemeOptions["source_branch"]; got != "main" {
		t.Errorf("source_branch = %#v, want the file's value", got)
	}
}

// TestLoadChoosesFile checks the order docbuild.toml, conf.py, defaults.
func TestLoadChoosesFile(t *testing.T) {
	dir := t.TempDir()
	c, warns, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.File != "" || len(warns) != 1 || !strings.Contains(warns[0].String(), "no docbuild.toml or conf.py found") {
		t.Errorf("defaults: file %q warnings %v", c.File, warns)
	}
	if c.Project != "Python" || c.HTMLTheme != "alabaster" || c.RootDoc != "index" || c.HTMLTitle != "Python  documentation" {
		t.Errorf("defaults: %q %q %q %q", c.Project, c.HTMLTheme, c.RootDoc, c.HTMLTitle)
	}
	if err := os.WriteFile(filepath.Join(dir, "conf.py"), []byte("project = 'FromPy'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _, _ = Load(dir); c.Project != "FromPy" {
		t.Errorf("conf.py not read: %q", c.Project)
	}
	if err := os.WriteFile(filepath.Join(dir, "docbuild.toml"), []byte("project = \"FromTOML\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _, _ = Load(dir); c.Project != "FromTOML" {
		t.Errorf("docbuild.toml not preferred: %q", c.Project)
	}
	if err := os.WriteFile(filepath.Join(dir, "docbuild.toml"), []byte("project = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "docbuild.toml:1:") {
		t.Errorf("invalid TOML: %v", err)
	}
	if _, _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing directory: no error")
	}
}

// TestExtensionWarnings checks unsupported extensions are named once and a
// caller's set of native extensions is honoured.
func TestExtensionWarnings(t *testing.T) {
	c, _ := FromConfPy(".", "conf.py", []byte("extensions = ['a', 'myst_parser', 'a', 'b']\n"))
	var got []string
	for _, w := range c.ExtensionWarnings(nil) {
		got = append(got, w.String())
	}
	want := "conf.py:1: WARNING: extension a is not supported by docbuild; its directives, roles and settings are ignored\n" +
		"conf.py:1: WARNING: extension b is not supported by docbuild; its directives, roles and settings are ignored"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
	if w := c.ExtensionWarnings(map[string]bool{"a": true, "b": true, "myst_parser": true}); len(w) != 0 {
		t.Errorf("with a custom set: %v", w)
	}
}

// TestExtlinkExpand checks the role expansion of Sphinx 5's extlinks.
func TestExtlinkExpand(t *testing.T) {
	tests := []struct {
		link             Extlink
		part, url, title string
	}{
		{Extlink{URL: "https://x.org/%s", Caption: "#%s", HasCaption: true}, "12", "https://x.org/12", "#12"},
		{Extlink{URL: "https://x.org/%s"}, "a/b", "https://x.org/a/b", "https://x.org/a/b"},
		{Extlink{URL: "https://x.org/100%%/%s", Caption: "%s%%", HasCaption: true}, "7", "https://x.org/100%/7", "7%"},
	}
	for _, tc := range tests {
		url, title := tc.link.Expand(tc.part)
		if url != tc.url || title != tc.title {
			t.Errorf("%+v: got %q %q, want %q %q", tc.link, url, title, tc.url, tc.title)
		}
	}
}

// TestDates checks |today| and last-updated formatting.
func TestDates(t *testing.T) {
	when := time.Date(2024, time.March, 5, 14, 7, 9, 0, time.UTC)
	tests := []struct{ format, want string }{
		{DefaultDateFormat, "Mar 05, 2024"},
		{"%d %B %Y", "05 March 2024"},
		{"%-d.%-m.%y %H:%M:%S %p", "5.3.24 14:07:09 PM"},
		{"%A %a %j %I %-I", "Tuesday Tue 065 02 2"},
		{"%x, %X", "Mar 5, 2024, 2:07:09 PM"},
		{"100%% %q", "100% %q"},
	}
	for _, tc := range tests {
		if got := FormatDate(tc.format, when); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.format, got, tc.want)
		}
	}
	c := New(".")
	if got := c.TodayText(when); got != "Mar 05, 2024" {
		t.Errorf("default today %q", got)
	}
	c.Override("today", "someday")
	if got := c.Substitutions(when)["today"]; got != "someday" {
		t.Errorf("today %q", got)
	}
	if _, ok := c.LastUpdatedText(when); ok {
		t.Error("last updated shown by default")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "86400")
	if got := BuildTime(); !got.Equal(time.Unix(86400, 0)) {
		t.Errorf("BuildTime %v", got)
	}
}

// TestCopyrightYearWithSourceDateEpoch follows Sphinx's reproducible-build
// correction of the copyright year.
func TestCopyrightYearWithSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // 2023
	tests := []struct{ in, want string }{
		{"2001-2019, Someone", "2001-2023, Someone"},
		{"2019 Someone", "2023 Someone"},
		{"2019", "2019"},
		{"Someone 2019, x", "Someone 2019, x"},
	}
	for _, tc := range tests {
		c := New(".")
		if err := c.Override("copyright", tc.in); err != nil {
			t.Fatal(err)
		}
		if c.Copyright != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, c.Copyright, tc.want)
		}
	}
}

// TestQuickstartConfPy reads the conf.py sphinx-quickstart 5.3 writes: it
// must give no report at all.
func TestQuickstartConfPy(t *testing.T) {
	c, warns, err := Load("testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if c.Project != "Quick Demo" || c.Language != "fr" || c.HTMLSearchLanguage != "fr" || !c.TodoIncludeTodos ||
		c.HTMLTitle != "Quick Demo 0.1.0 documentation" || c.Copyright != "2024, Ann Author" {
		t.Errorf("unexpected configuration: %+v", c)
	}
}
