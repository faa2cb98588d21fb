// Package themes holds docbuild's default HTML theme, embedded in the
// binary, and loads it with a project's template overrides.
//
// The theme is a set of Go html/template files. A page is rendered by
// executing its page template, which defines the blocks it fills and then
// runs "layout.html". The names a project can override (a file of the
// same name in a templates_path folder replaces the theme's) are:
//
//	layout.html      the page skeleton: head, header, sidebars, footer.
//	                 Blocks: "htmltitle", "extrahead", "sidebar", "body",
//	                 "relbar" (previous/next), "footer".
//	page.html        a document's page (fills "body" with the document).
//	genindex.html    the general index.
//	search.html      the search page.
//	domainindex.html a domain's index (the Python module index).
//	globaltoc.html   the site navigation in the left sidebar.
//	localtoc.html    the page's own contents ("On this page").
//	breadcrumbs.html the path from the root document to the page.
//	relations.html   the previous and next links under the body.
//	searchbox.html   the search form in the header.
//	footer.html      copyright, last updated, source link.
//
// The left sidebar shows the templates html_sidebars names for the page
// (by default globaltoc.html); Sphinx's "navigation.html" stands for
// globaltoc.html, and a project can add sidebar templates of its own in
// templates_path.
//
// Templates see the page context of package builders/html (PageContext:
// .Title, .Body, .Toc, .Parents, .Prev, .Next, .Site.Project... and the
// methods .PathTo "docname" and .Res "_static/file.css"). Sphinx's
// templates are Jinja, which Go templates cannot run: a Jinja template
// found in templates_path is reported and skipped, so the theme's own is
// used.
//
// Static files (CSS, JavaScript) are in Static; the builder copies them to
// _static/ before the project's html_static_path, which may replace them.
package themes

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed default
var defaultFS embed.FS

// PageTemplates are the templates pages are rendered with; every other
// template file is a partial that all pages share.
var PageTemplates = []string{"page.html", "genindex.html", "search.html", "domainindex.html"}

// Static returns the default theme's static files (the contents of its
// static folder).
func Static() fs.FS {
	sub, err := fs.Sub(defaultFS, "default/static")
	if err != nil {
		panic(err) // the folder is embedded
	}
	return sub
}

// Theme is a loaded theme: its templates with the project's overrides.
// It is safe for concurrent use once loaded.
type Theme struct {
	pages map[string]*template.Template
	names map[string]bool
	// Overridden lists the theme templates a project replaced, sorted.
	Overridden []string
}

// Warning is a problem with a project's template, reported by Load.
type Warning struct {
	File string
	Text string
}

// Load returns the default theme with the templates found in dirs (the
// project's templates_path, absolute paths, earlier folders first)
// replacing the theme's of the same name.
func Load(dirs []string) (*Theme, []Warning, error) {
	files := map[string]string{}
	entries, err := fs.ReadDir(defaultFS, "default/templates")
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		data, err := fs.ReadFile(defaultFS, "default/templates/"+e.Name())
		if err != nil {
			return nil, nil, err
		}
		files[e.Name()] = string(data)
	}
	var warns []Warning
	overridden := map[string]bool{}
	// Later folders are overridden by earlier ones, as in Sphinx.
	for i := len(dirs) - 1; i >= 0; i-- {
		list, err := os.ReadDir(dirs[i])
		if err != nil {
			if !os.IsNotExist(err) {
				warns = append(warns, Warning{File: dirs[i], Text: err.Error()})
			}
			continue
		}
		for _, e := range list {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".html") {
				continue
			}
			path := filepath.Join(dirs[i], name)
			data, err := os.ReadFile(path)
			if err != nil {
				warns = append(warns, Warning{File: path, Text: err.Error()})
				continue
			}
			src := string(data)
			if isJinja(src) {
				if _, ours := files[name]; ours {
					warns = append(warns, Warning{File: path, Text: fmt.Sprintf(
						"template %s is a Jinja (Sphinx) template, which docbuild cannot run; the theme's %s is used instead", name, name)})
				}
				continue
			}
			// Jinja without statements ({{ pathto('x') }}) reads as a Go
			// template until a call: a template that does not parse is
			// left out with a warning, so that a Sphinx project's
			// templates never stop its build.
			if _, err := template.New(name).Funcs(funcs).Parse(src); err != nil {
				warns = append(warns, Warning{File: path, Text: fmt.Sprintf(
					"template %s is not a Go template (a Jinja template for Sphinx?) and is left out: %v", name, err)})
				continue
			}
			files[name] = src
			overridden[name] = true
		}
	}
	t := &Theme{pages: map[string]*template.Template{}}
	for n := range overridden {
		t.Overridden = append(t.Overridden, n)
	}
	sort.Strings(t.Overridden)
	isPage := map[string]bool{}
	for _, p := range PageTemplates {
		isPage[p] = true
	}
	var partials []string
	for n := range files {
		if !isPage[n] {
			partials = append(partials, n)
		}
	}
	sort.Strings(partials)
	base := template.New("").Funcs(funcs)
	for _, n := range partials {
		if _, err := base.New(n).Parse(files[n]); err != nil {
			return nil, warns, fmt.Errorf("template %s: %w", n, err)
		}
	}
	for _, p := range PageTemplates {
		set, err := base.Clone()
		if err != nil {
			return nil, warns, err
		}
		if _, err := set.New(p).Parse(files[p]); err != nil {
			return nil, warns, fmt.Errorf("template %s: %w", p, err)
		}
		// include runs a template chosen at run time (a sidebar named in
		// html_sidebars), which {{template}} cannot.
		set.Funcs(template.FuncMap{"include": func(name string, data any) (template.HTML, error) {
			if set.Lookup(name) == nil {
				return "", nil
			}
			var b strings.Builder
			err := set.ExecuteTemplate(&b, name, data)
			return template.HTML(b.String()), err
		}})
		t.pages[p] = set
	}
	t.names = map[string]bool{}
	for n := range files {
		t.names[n] = true
	}
	return t, warns, nil
}

// Has reports whether the theme (with the project's templates) has a
// template of that name, for html_sidebars.
func (t *Theme) Has(name string) bool { return t.names[name] }

// isJinja reports Jinja markup, which Go templates do not use.
func isJinja(src string) bool {
	return strings.Contains(src, "{%") || strings.Contains(src, "{#")
}

// funcs are the helpers templates may use besides the context's methods.
var funcs = template.FuncMap{
	// join joins strings, for class lists.
	"join": strings.Join,
	// include is bound to each page's template set in Load.
	"include": func(string, any) (template.HTML, error) { return "", nil },
	// dict builds a map from key, value pairs, to pass several values
	// to a template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict: odd number of arguments")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
}

// Render executes a page template with data.
func (t *Theme) Render(w io.Writer, page string, data any) error {
	set, ok := t.pages[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	return set.ExecuteTemplate(w, page, data)
}
