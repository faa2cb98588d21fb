package html

import (
	_ "embed"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// DefaultCSS is the stylesheet that single-document pages embed.
//
//go:embed static/docutils.css
var DefaultCSS string

// Page renders doc as a complete HTML5 page with the default stylesheet
// embedded, as docutils' rst2html5 does with --embed-stylesheet.
func Page(doc *doctree.Document, opts Options) string {
	t := NewTranslator(doc, opts)
	// header and footer come from the decoration, outside <main>
	var header, footer string
	if d := doc.Decoration; d != nil {
		for _, c := range d.ChildElements() {
			sub := NewTranslator(doc, opts)
			sub.Render(c)
			if c.Tag == "header" {
				header = sub.b.String()
			} else if c.Tag == "footer" {
				footer = sub.b.String()
			}
		}
	}
	body := t.Body()
	title := t.Title
	if title == "" {
		title = doc.Root.GetString("title")
	}
	if title == "" {
		title = "<string>"
		if s := doc.Root.GetString("source"); s != "" {
			title = s
		}
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + Escape(t.Opts.Language) + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
	b.WriteString("<meta name=\"generator\" content=\"docbuild\" />\n")
	b.WriteString("<title>" + Escape(title) + "</title>\n")
	for _, h := range t.Head {
		b.WriteString(h + "\n")
	}
	b.WriteString("<style>\n" + DefaultCSS + "</style>\n</head>\n<body>\n")
	b.WriteString(header)
	mainAttrs := ""
	if len(doc.Root.IDs) > 0 {
		mainAttrs = ` id="` + Escape(doc.Root.IDs[0]) + `"`
	}
	b.WriteString("<main" + mainAttrs + ">\n")
	if len(doc.Root.IDs) > 1 {
		// the document's other ids (targets before the title) as anchors
		for _, id := range doc.Root.IDs[1:] {
			b.WriteString(`<span id="` + Escape(id) + `"></span>`)
		}
		b.WriteString("\n")
	}
	b.WriteString(body)
	b.WriteString("</main>\n")
	b.WriteString(footer)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
