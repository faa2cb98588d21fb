package html

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// codeSettings applies to a document what Sphinx's read-phase transforms
// for code do, which the HTML and JSON output and the search index all
// see: HighlightLanguageTransform gives each code block without a language
// the last highlight directive's (or highlight_language), with its force
// and line number threshold, and removes the highlight directives'
// nodes; TrimDoctestFlagsTransform removes "# doctest: +FLAG" comments and
// <BLANKLINE> markers from Python console sessions (trim_doctest_flags).
func (bd *Builder) codeSettings(doc *doctree.Document) {
	type setting struct {
		lang      string
		force     bool
		threshold int
	}
	def := setting{lang: bd.cfg.HighlightLanguage}
	if def.lang == "" {
		def.lang = "default"
	}
	cur := def
	var highlights []*doctree.Element
	var walk func(e *doctree.Element)
	walk = func(e *doctree.Element) {
		switch e.Tag {
		case "highlightlang":
			cur = setting{lang: e.GetString("lang"), force: truthy(e, "force"), threshold: e.GetInt("linenothreshold")}
			highlights = append(highlights, e)
			return
		case "start_of_file":
			saved := cur
			cur = def
			defer func() { cur = saved }()
		case "literal_block":
			if !e.Has("language") {
				e.Set("language", cur.lang)
				e.Set("force", cur.force)
			}
			if !e.Has("linenos") {
				e.Set("linenos", cur.threshold > 0 && strings.Count(e.AsText(), "\n") >= cur.threshold-1)
			}
			if isPyConsole(e) && bd.wantTrim(e) {
				trimDoctestFlags(e)
			}
			return
		case "doctest_block":
			if bd.wantTrim(e) {
				trimDoctestFlags(e)
			}
			return
		}
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	walk(doc.Root)
	for _, h := range highlights {
		if p := h.Parent(); p != nil {
			p.Remove(h)
		}
	}
}

var (
	blanklineRE  = regexp.MustCompile(`(?m)^\s*<BLANKLINE>`)
	doctestOptRE = regexp.MustCompile(`(?m)#\s*doctest:.+$`)
)

// isPyConsole reports a code block Sphinx trims doctest flags from: a
// Python console session, and not a parsed literal.
func isPyConsole(e *doctree.Element) bool {
	text := e.AsText()
	if e.RawSource != "" && e.RawSource != text {
		return false
	}
	switch e.GetString("language") {
	case "pycon", "pycon3":
		return true
	case "py", "python", "py3", "python3", "default":
		return strings.HasPrefix(text, ">>>")
	}
	return false
}

// wantTrim is the block's trim_flags (set by sphinx.ext.doctest's
// directives), else trim_doctest_flags.
func (bd *Builder) wantTrim(e *doctree.Element) bool {
	if e.Has("trim_flags") {
		return truthy(e, "trim_flags")
	}
	return bd.trimDoctestFlags
}

// trimDoctestFlags removes doctest flags from a code block's text.
func trimDoctestFlags(e *doctree.Element) {
	src := e.RawSource
	if src == "" {
		src = e.AsText()
	}
	src = blanklineRE.ReplaceAllString(src, "")
	src = doctestOptRE.ReplaceAllString(src, "")
	e.RawSource = src
	e.Clear()
	e.Append(doctree.NewText(src))
}
