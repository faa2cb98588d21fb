package html_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/html"
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/linkcheck"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinxbuild"
)

// registry, configure and codecs are what the command line gives a build.
func registry() *directives.Registry { return sphinxbuild.Registry() }
func configure(b *project.Build)     { sphinxbuild.Configure(b) }
func codecs() *doctree.ValueCodecs   { return sphinxbuild.Codecs() }

// build builds the project in src with builder into a new folder and
// returns the folder and the build's log.
func build(t *testing.T, src string, builder project.Builder) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var log bytes.Buffer
	b, err := project.New(project.Options{
		SrcDir: src, OutDir: out, Registry: registry(), Log: &log,
		Now:    time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		Codecs: codecs(),
	})
	if err != nil {
		t.Fatal(err)
	}
	configure(b)
	if _, err := b.Run(context.Background(), builder); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return out, log.String()
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkLinks fails the test for every broken local link of the site.
func checkLinks(t *testing.T, out string) {
	t.Helper()
	rep, err := linkcheck.Check(out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages == 0 || rep.Links == 0 {
		t.Fatalf("link check found %d pages and %d links", rep.Pages, rep.Links)
	}
	for _, b := range rep.Broken {
		t.Errorf("broken link: %s", b)
	}
}

// contains checks that each page holds its snippets, in order.
func contains(t *testing.T, out string, pages map[string][]string) {
	t.Helper()
	for page, snippets := range pages {
		got := read(t, filepath.Join(out, filepath.FromSlash(page)))
		rest := got
		for _, s := range snippets {
			i := strings.Index(rest, s)
			if i < 0 {
				if strings.Contains(got, s) {
					t.Errorf("%s: %q is out of order", page, s)
				} else {
					t.Errorf("%s lacks %q", page, s)
				}
				continue
			}
			rest = rest[i+len(s):]
		}
	}
}

func lacks(t *testing.T, out string, pages map[string][]string) {
	t.Helper()
	for page, snippets := range pages {
		got := read(t, filepath.Join(out, filepath.FromSlash(page)))
		for _, s := range snippets {
			if strings.Contains(got, s) {
				t.Errorf("%s should not contain %q", page, s)
			}
		}
	}
}

func TestHTML(t *testing.T) {
	out, log := build(t, "testdata/basic", html.New())
	if strings.Contains(log, "ERROR") {
		t.Errorf("errors in the build:\n%s", log)
	}
	checkLinks(t, out)
	for _, f := range []string{
		"index.html", "intro.html", "reference.html", "guide/index.html", "guide/usage.html",
		"guide/advanced.html", "genindex.html", "search.html", "searchindex.js", "searchsummaries.js",
		"_static/docbuild.css", "_static/docbuild.js", "_static/searchtools.js", "_static/pygments.css",
		"_static/documentation_options.js", "_static/custom.css", "_images/logo.png",
		"_downloads/237f079c380684f270cafe04682961bf/data.csv", "_sources/intro.rst.txt",
		"_sources/guide/usage.rst.txt",
	} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	contains(t, out, map[string][]string{
		"intro.html": {
			`<title>Introduction — Testproj 1.0.3 documentation</title>`,
			`<link rel="stylesheet" href="_static/custom.css">`,
			// the sidebar: top level only, this page current
			`<li class="toctree-l1 current"><a class="current reference internal" href="#">Introduction</a><ul>`,
			`<li class="toctree-l2"><a class="reference internal" href="#installation">Installation</a></li>`,
			`<li class="toctree-l1"><a class="reference internal" href="guide/index.html">User guide</a></li>`,
			`<li><a href="genindex.html">Index</a></li>`, `<li><a href="py-modindex.html">Python Module Index</a></li>`,
			`<h1>Introduction<a class="headerlink" href="#introduction" title="Permalink to this heading">¶</a></h1>`,
			`<a class="reference internal" href="#term-widget"><span class="xref std std-term">widget</span></a>`,
			`<a class="reference internal" href="reference.html"><span class="doc">Reference</span></a>`,
			`<img src="_images/logo.png" alt="The logo" />`,
			`<span class="caption-text">The project logo.</span><a class="headerlink" href="#id2" title="Permalink to this image">¶</a>`,
			`<div class="highlight-console notranslate"><div class="highlight"><pre><span></span><span class="gp">`,
			`<div class="code-block-caption"><span class="caption-text">example.py</span><a class="headerlink" href="#code-example" title="Permalink to this code">¶</a></div>`,
			`<div class="highlight-python notranslate"><div class="highlight"><pre><span></span><span class="linenos">1</span><span class="k">def</span> <span class="nf">frobnicate</span>`,
			`<span class="hll"><span class="linenos">2</span>    <span class="k">return</span>`,
			`<a class="reference download internal" download="" href="_downloads/237f079c380684f270cafe04682961bf/data.csv">`,
			`<span class="versionmodified added">New in version 1.0: </span>`,
			`<div class="admonition seealso">` + "\n" + `<p class="admonition-title">See also</p>`,
			`<div class="admonition-todo admonition" id="id1">` + "\n" + `<p class="admonition-title">Todo</p>`,
			`<dt id="term-widget">widget<a class="headerlink" href="#term-widget" title="Permalink to this term">¶</a></dt>`,
			`<a class="prev" href="index.html" rel="prev">`,
			`<a class="next" href="guide/index.html" rel="next">`,
			// the local toc
			`<p class="localtoc-title">On this page</p>`,
			`<li><a class="reference internal" href="#installing">Installing</a></li>`,
			`<p class="copyright">© 20`, `, Test Author.</p>`,
			`<p class="last-updated">Last updated on 2023-11-14.</p>`,
			`<a href="_sources/intro.rst.txt" rel="nofollow">Show source</a>`,
		},
		"guide/usage.html": {
			`<script id="documentation_options" data-url_root="../" src="../_static/documentation_options.js"></script>`,
			// the branch down to this page is open, and no other
			`<li class="toctree-l1 current"><a class="reference internal" href="index.html">User guide</a><ul class="current">`,
			`<li class="toctree-l2 current"><a class="current reference internal" href="#">Usage</a></li>`,
			`<li class="toctree-l2"><a class="reference internal" href="advanced.html">Advanced topics</a></li>`,
			`<li><a href="index.html">User guide</a></li>`,
			`<a class="reference internal" href="../intro.html#fig-logo"><span class="std std-ref">The project logo.</span></a>`,
			`<div class="highlight-json notranslate">`,
			`<div class="highlight-yaml notranslate">`,
		},
		"reference.html": {
			`<table class="docutils align-default" id="tab-demo">`,
			`<caption><span class="caption-text">A table</span><a class="headerlink" href="#tab-demo" title="Permalink to this table">¶</a></caption>`,
			`<tr class="row-odd">`,
			`<table class="hlist"><tr><td>`,
			`<p class="centered">`, `<strong>Centered text</strong></p>`,
			`<abbr title="last-in, first-out">LIFO</abbr>`,
			`<em class="manpage">ls(1)</em>`,
			`<span class="pre">print(</span><em><span class="pre">x</span></em><span class="pre">)</span>`,
			`<div class="doctest highlight-default notranslate"><div class="highlight"><pre><span></span><span class="gp">&gt;&gt;&gt; </span><span class="nb">print</span>`,
			// doctest flags are trimmed, and the highlight directive
			// applies to later blocks
			`<span class="s2">&quot;flags&quot;</span><span class="p">)</span>  ` + "\n",
			`<div class="highlight-c notranslate"><div class="highlight"><pre><span></span><span class="kt">int</span>`,
		},
		"index.html": {
			`toctree-wrapper`,
			`<p class="caption" role="heading"><span class="caption-text">Contents</span></p>`,
			`<li class="toctree-l1"><a class="reference internal" href="intro.html">Introduction</a><ul>`,
			`<a class="reference internal" href="genindex.html"><span class="std std-ref">Index</span></a>`,
			`<a class="reference internal" href="search.html"><span class="std std-ref">Search Page</span></a>`,
		},
		"genindex.html": {
			`<h2 id="letter-0">F</h2>`, `<a href="reference.html#index-0">frobnicate</a>`,
			`<dd><dl>`, `<a href="intro.html#index-0">widget</a>`,
			`<h2 id="letter-1">G</h2>`, `<a href="intro.html#term-gadget"><strong>gadget</strong></a>`,
			`<h2 id="letter-2">I</h2>`, `<dt>introduction</dt>`, `<a href="intro.html#index-0">overview</a>`,
		},
		"py-modindex.html": {
			`<h1>Python Module Index</h1>`,
			`<a href="reference.html#module-widgets"><code class="xref">widgets</code></a>`,
			`<em>Widgets and how to frobnicate them.</em>`,
			`<tr class="sub">`, `<code class="xref">widgets.extra</code></a> <em>(Unix)</em>`,
		},
		"search.html": {
			`<script src="_static/searchtools.js" defer></script>`,
			`<script src="searchindex.js" defer></script>`,
			`<input type="search" id="search-input" name="q"`,
		},
		"_static/pygments.css": {".highlight .k {", "@media (prefers-color-scheme: dark)", `html[data-theme="dark"] .highlight .k {`},
	})
	lacks(t, out, map[string][]string{
		// Pages outside the current branch stay closed.
		"index.html":          {"System Message"},
		"intro.html":          {"<!--", `class="system-message"`},
		"guide/usage.html":    {`toctree-l2"><a class="reference internal" href="../intro.html#installation"`},
		"reference.html":      {`<span class="gt">`, "doctest:"},
		"guide/index.html":    {"display_toc"},
		"guide/advanced.html": {`class="err"`},
	})
	// The sidebar of the root page shows the top level only; a page's own
	// branch is open down to it.
	for page, want := range map[string][]string{
		"index.html":          {"intro.html", "guide/index.html", "reference.html"},
		"guide/usage.html":    {"../intro.html", "index.html", "#", "advanced.html", "../reference.html"},
		"guide/advanced.html": {"../intro.html", "index.html", "usage.html", "#", "../reference.html"},
	} {
		if got := navLinks(t, read(t, filepath.Join(out, filepath.FromSlash(page)))); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: sidebar links %v, want %v", page, got, want)
		}
	}
	idx := read(t, filepath.Join(out, "searchindex.js"))
	for _, want := range []string{
		`Search.setIndex({"docnames":["guide/advanced","guide/index","guide/usage","index","intro","reference"]`,
		`"filenames":["guide/advanced.rst","guide/index.rst","guide/usage.rst","index.rst","intro.rst","reference.rst"]`,
		`"titles":["Advanced topics","User guide","Usage","Welcome to Testproj","Introduction","Reference"]`,
		`"frobnic":[2,4,5]`, `"widget":[2,4,5]`, `"The":[2,4]`,
		`"Installing":[[4,"installing"]]`, `"A table":[[5,"tab-demo"]]`,
		`"indexentries":{"frobnicate":[[4,"index-0"],[5,"index-0"]]`,
	} {
		if !strings.Contains(idx, want) {
			t.Errorf("searchindex.js lacks %s", want)
		}
	}
}

// TestHTMLWarnings checks that missing images and downloads are reported
// with the document and line, and that Jinja templates are reported and
// skipped.
func TestHTMLWarnings(t *testing.T) {
	_, log := build(t, "testdata/broken", html.New())
	for _, want := range []string{
		"index.rst:7: WARNING: image file not readable: img/missing.png",
		"index.rst:8: WARNING: download file not readable:",
		"WARNING: template layout.html is a Jinja (Sphinx) template, which docbuild cannot run",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

func TestDirHTML(t *testing.T) {
	out, _ := build(t, "testdata/basic", html.NewDir())
	checkLinks(t, out)
	contains(t, out, map[string][]string{
		"intro/index.html": {
			`<link rel="stylesheet" href="../_static/docbuild.css">`,
			`<a class="reference internal" href="../reference/"><span class="doc">Reference</span></a>`,
			`<img src="../_images/logo.png"`,
		},
		"guide/index.html":                 {`<a class="reference internal" href="usage/">Usage</a>`},
		"guide/usage/index.html":           {`<a class="reference internal" href="../../intro/#fig-logo">`},
		"_static/documentation_options.js": {`BUILDER: "dirhtml"`, `LINK_SUFFIX: "/"`},
	})
}

func TestSingleHTML(t *testing.T) {
	out, _ := build(t, "testdata/basic", html.NewSingle())
	checkLinks(t, out)
	page := read(t, filepath.Join(out, "index.html"))
	// Documents follow in toctree order, each after its anchor.
	order := []string{
		`<h1>Welcome to Testproj`, `<span id="document-intro"></span>`, `<h1>Introduction`,
		`<span id="document-guide/index"></span>`, `<span id="document-guide/usage"></span>`,
		`<span id="document-guide/advanced"></span>`, `<span id="document-reference"></span>`,
	}
	rest := page
	for _, s := range order {
		i := strings.Index(rest, s)
		if i < 0 {
			t.Fatalf("single page lacks %q in order", s)
		}
		rest = rest[i:]
	}
	for _, want := range []string{
		`href="#install"`, `href="#document-reference"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("single page lacks %s", want)
		}
	}
	if strings.Contains(page, `toctree-wrapper`) {
		t.Error("the toctree list should be replaced by the documents")
	}
	if _, err := os.Stat(filepath.Join(out, "intro.html")); err == nil {
		t.Error("singlehtml wrote intro.html")
	}
}

// TestTemplateOverride checks that a Go template in templates_path
// replaces the theme's.
func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	conf := "project = 'Over'\ntemplates_path = ['_templates']\n" +
		"html_sidebars = {'**': ['mine.html', 'navigation.html', 'about.html']}\n"
	if err := os.WriteFile(filepath.Join(dir, "conf.py"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.rst"), []byte("Home\n====\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "_templates"), 0o755)
	footer := `<footer class="mine">Custom footer for {{.Site.Project}}</footer>`
	if err := os.WriteFile(filepath.Join(dir, "_templates", "footer.html"), []byte(footer), 0o644); err != nil {
		t.Fatal(err)
	}
	sidebar := `<div class="mine">Sidebar of {{.CurrentPageName}}</div>`
	if err := os.WriteFile(filepath.Join(dir, "_templates", "mine.html"), []byte(sidebar), 0o644); err != nil {
		t.Fatal(err)
	}
	out, log := build(t, dir, html.New())
	page := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(page, `<footer class="mine">Custom footer for Over</footer>`) {
		t.Errorf("override not used:\n%s\n%s", page, log)
	}
	if !strings.Contains(page, `<div class="mine">Sidebar of index</div>`) {
		t.Errorf("html_sidebars template not used:\n%s", page)
	}
	if !strings.Contains(log, "html_sidebars names about.html, which neither the theme nor templates_path has") {
		t.Errorf("no warning about the missing sidebar:\n%s", log)
	}
	if strings.Contains(page, `class="site-footer"`) {
		t.Error("theme footer still present")
	}
}

// navLinks returns the links of a page's sidebar navigation.
func navLinks(t *testing.T, page string) []string {
	t.Helper()
	start := strings.Index(page, `<nav class="globaltoc">`)
	if start < 0 {
		t.Fatal("no sidebar navigation")
	}
	nav := page[start:]
	nav = nav[:strings.Index(nav, "</nav>")]
	var links []string
	for _, part := range strings.Split(nav, `href="`)[1:] {
		links = append(links, part[:strings.IndexByte(part, '"')])
	}
	return links
}

// TestSettings checks the html_* settings that change the site.
func TestSettings(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"conf.py": `project = 'Settings'
html_title = 'The Settings Book'
html_baseurl = 'https://docs.example.org/book/'
html_logo = 'art/logo.svg'
html_favicon = 'art/favicon.ico'
html_extra_path = ['extra']
html_js_files = ['site.js', ('https://cdn.example.org/lib.js', {'defer': 'defer'})]
html_copy_source = False
html_use_index = False
html_permalinks = False
html_last_updated_fmt = None
html_static_path = ['static']
`,
		"index.rst":           "Home\n====\n\nText.\n\nSection\n-------\n\nMore.\n",
		"art/logo.svg":        `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"art/favicon.ico":     "ico",
		"extra/robots.txt":    "User-agent: *\n",
		"static/site.js":      "// project script\n",
		"static/docbuild.css": "/* the project's own theme stylesheet */\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, log := build(t, dir, html.New())
	if strings.Contains(log, "WARNING") {
		t.Errorf("warnings:\n%s", log)
	}
	checkLinks(t, out)
	contains(t, out, map[string][]string{
		"index.html": {
			`<title>Home — The Settings Book</title>`,
			`<link rel="canonical" href="https://docs.example.org/book/index.html">`,
			`<link rel="icon" href="_static/favicon.ico">`,
			`<script src="_static/site.js"></script>`,
			`<script src="https://cdn.example.org/lib.js" defer="defer"></script>`,
			`<img class="logo" src="_static/logo.svg" alt="">`,
			`<h1>Home</h1>`,
		},
		"robots.txt":           {"User-agent: *"},
		"_static/docbuild.css": {"the project's own theme stylesheet"},
	})
	lacks(t, out, map[string][]string{
		"index.html": {"headerlink", "genindex.html", "_sources", "Last updated"},
	})
	for _, f := range []string{"genindex.html", "_sources/index.rst.txt"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s written though disabled", f)
		}
	}
}
