package html

import (
	"fmt"
	"sort"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
)

// ThemeOptions are the default theme's html_theme_options. The names are
// those of Sphinx's basic theme, which projects already set.
type ThemeOptions struct {
	// Nav is the sidebar's toctree: globaltoc_collapse (default true),
	// globaltoc_includehidden (default true) and globaltoc_maxdepth
	// (default: the toctrees' own).
	Nav resolve.NavOptions
	// NoSidebar hides the site navigation (nosidebar).
	NoSidebar bool
	// BodyMaxWidth is the CSS width of the text column (body_max_width);
	// "" keeps the theme's.
	BodyMaxWidth string
	// NavigationWithKeys lets the arrow keys go to the previous and next
	// page (navigation_with_keys).
	NavigationWithKeys bool
}

// defaultThemeNames are the html_theme values that select docbuild's
// theme: Sphinx's default (alabaster, which a conf.py that never names a
// theme gets), its basic themes, and docbuild's own name.
var defaultThemeNames = map[string]bool{"": true, "alabaster": true, "basic": true, "classic": true, "default": true, "docbuild": true}

// readThemeOptions reads html_theme and html_theme_options. A theme
// docbuild does not have is reported once: its templates are Jinja and
// Python, so the default theme renders the site; an option the default
// theme does not know is reported as Sphinx reports it.
func (bd *Builder) readThemeOptions(b *project.Build) ThemeOptions {
	o := ThemeOptions{Nav: resolve.NavOptions{Collapse: true, IncludeHidden: true}}
	c := bd.cfg
	warn := func(setting, text string) {
		b.Report(project.Message{File: bd.relToSrc(c.File), Line: c.Line(setting), Level: doctree.LevelWarning, Text: text})
	}
	if !defaultThemeNames[c.HTMLTheme] {
		warn("html_theme", fmt.Sprintf("html_theme %q is not available: docbuild renders the site with its own theme (templates_path and html_static_path still apply)", c.HTMLTheme))
		return o
	}
	keys := make([]string, 0, len(c.HTMLThemeOptions))
	for k := range c.HTMLThemeOptions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := c.HTMLThemeOptions[k]
		switch k {
		case "globaltoc_collapse":
			o.Nav.Collapse = truthyValue(v)
		case "globaltoc_includehidden":
			o.Nav.IncludeHidden = truthyValue(v)
		case "globaltoc_maxdepth":
			if n, ok := toInt(v); ok && n > 0 {
				o.Nav.MaxDepth = n
			}
		case "nosidebar":
			o.NoSidebar = truthyValue(v)
		case "body_max_width":
			if s, ok := v.(string); ok && s != "none" {
				o.BodyMaxWidth = s
			} else if n, ok := toInt(v); ok && n > 0 {
				o.BodyMaxWidth = fmt.Sprintf("%dpx", n)
			}
		case "navigation_with_keys":
			o.NavigationWithKeys = truthyValue(v)
		default:
			warn("html_theme_options", fmt.Sprintf("unsupported theme option %s given", doctree.PyRepr(k)))
		}
	}
	return o
}

// truthyValue reads a conf.py or docbuild.toml boolean, also given as a string
// ("true", "false") as theme.conf values are.
func truthyValue(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x != "" && x != "false" && x != "False" && x != "0"
	}
	n, _ := toInt(v)
	return n != 0
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		return int(x), true
	case string:
		var n int
		_, err := fmt.Sscan(x, &n)
		return n, err == nil
	}
	return 0, false
}
