package html_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/builders/html"
)

// TestThemeOptions checks html_theme_options and html_theme: the default
// theme's options change the page, an unknown option and a theme docbuild
// does not have are each reported once with the configuration's line.
func TestThemeOptions(t *testing.T) {
	tests := []struct {
		name, conf   string
		page, absent []string
		log          []string
	}{
		{"options",
			"project = 'T'\nhtml_theme_options = {'nosidebar': True, 'body_max_width': 600,\n    'navigation_with_keys': True, 'sidebarwidth': 200}\n",
			[]string{`class="page nosidebar"`, `--content-max: 600px`, `data-navigation-with-keys`},
			[]string{`class="site-sidebar"`},
			[]string{"conf.py:2: WARNING: unsupported theme option 'sidebarwidth' given"}},
		{"defaults",
			"project = 'T'\n",
			[]string{`class="site-sidebar"`, `<div class="page">`},
			[]string{`data-navigation-with-keys`, `--content-max`},
			nil},
		{"foreign theme",
			"project = 'T'\nhtml_theme = 'furo'\nhtml_theme_options = {'sidebar_hide_name': True}\n",
			[]string{`class="site-sidebar"`},
			nil,
			[]string{`conf.py:2: WARNING: html_theme "furo" is not available`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "conf.py"), []byte(tc.conf), 0o644)
			os.WriteFile(filepath.Join(dir, "index.rst"), []byte("Home\n====\n\nText.\n"), 0o644)
			out, log := build(t, dir, html.New())
			page := read(t, filepath.Join(out, "index.html"))
			for _, w := range tc.page {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			for _, w := range tc.absent {
				if strings.Contains(page, w) {
					t.Errorf("page has %s", w)
				}
			}
			for _, w := range tc.log {
				if !strings.Contains(log, w) {
					t.Errorf("log lacks %q:\n%s", w, log)
				}
			}
			if tc.log == nil && strings.Contains(log, "WARNING") {
				t.Errorf("unexpected warnings:\n%s", log)
			}
		})
	}
}

// TestSmartquotesExcludes checks that a project's smartquotes_excludes
// replaces Sphinx's default (which leaves text and man alone): excluding
// the html builder keeps straight quotes and dashes in its pages.
func TestSmartquotesExcludes(t *testing.T) {
	for _, tc := range []struct {
		conf, want string
	}{
		{"project = 'Q'\n", "“quoted” – dash"},
		{"project = 'Q'\nsmartquotes_excludes = {'builders': ['html']}\n", "&quot;quoted&quot; -- dash"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "conf.py"), []byte(tc.conf), 0o644)
		os.WriteFile(filepath.Join(dir, "index.rst"), []byte("T\n=\n\n\"quoted\" -- dash\n"), 0o644)
		out, _ := build(t, dir, html.New())
		if page := read(t, filepath.Join(out, "index.html")); !strings.Contains(page, tc.want) {
			t.Errorf("with %q the page lacks %s", tc.conf, tc.want)
		}
	}
}
