// Package config reads the configuration of a documentation project:
// docbuild.toml when the project has one, else Sphinx's conf.py, which is
// read without running Python (see ParseConfPy for what is evaluated and
// what is reported as ignored), else Sphinx's defaults.
//
// Settings keep Sphinx 5.3's names, defaults and conversions: Config holds
// the ones docbuild uses in typed fields and every setting the file set in
// Raw, so that extensions can read their own.
//
// # docbuild.toml
//
// Keys are Sphinx setting names. A table named after one of the groups
// html, myst, intersphinx, todo, math, mathjax, autosectionlabel, doctest,
// viewcode, latex, epub, man, texinfo, linkcheck, gettext, autodoc,
// autosummary or napoleon holds settings by their prefix: key "theme" in
// [html] is html_theme. Any other table is the value of a dict setting
// ([extlinks], [source_suffix], [html.theme_options]). A top-level tags list
// defines tags. TOML has no None: a missing key is the default, a
// one-element extlinks array has no caption, an intersphinx entry may be a
// bare URI, and "" stands for None as an inventory or a source_suffix file
// type. MAPPING.md in this directory gives examples.
package config
