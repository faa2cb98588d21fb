package html

import (
	"html/template"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/search"
	htmlw "github.com/docbuild/docbuild/writers/html"
)

// tocMarker stands for a toctree in a rendered body, where singlehtml
// inlines the documents the toctree includes.
const tocMarker = "\x00docbuild-toctree\x00"

// singleState collects the documents of a singlehtml build: each is
// rendered on its own (in parallel) and split where its toctrees were;
// Finish assembles them in toctree order, as Sphinx's
// inline_all_toctrees.
type singleState struct {
	mu    sync.Mutex
	parts map[string]*singleDoc
}

type singleDoc struct {
	hasMath  bool
	segments []string
	title    string
	head     []string
}

func (s *singleState) add(bd *Builder, docname string, doc *doctree.Document) {
	bd.codeSettings(doc)
	p := bd.newPage(docname)
	t := p.newTranslator(doc)
	compound, _ := t.Handler("compound")
	t.SetHandler("compound", htmlw.Handler{
		Visit: func(t *htmlw.Translator, e *doctree.Element) bool {
			if e.HasClass("toctree-wrapper") {
				t.WriteString(tocMarker)
				return false
			}
			return compound.Visit(t, e)
		},
		Depart: func(t *htmlw.Translator, e *doctree.Element) {
			if e.HasClass("toctree-wrapper") {
				return
			}
			compound.Depart(t, e)
		},
	})
	title, _, _ := bd.localToc(t, docname)
	body := t.Body()
	words := search.Collect(doc, bd.index.Language())
	bd.index.Add(docname, bd.sourceOf(docname).Rel, title, words, bd.b.Env.Docs[docname].Index)
	d := &singleDoc{segments: strings.Split(body, tocMarker), title: title, head: t.Head, hasMath: p.hasMath}
	s.mu.Lock()
	s.parts[docname] = d
	s.mu.Unlock()
}

// write assembles the single page and writes it.
func (s *singleState) write(bd *Builder) error {
	root := bd.rootDoc()
	var b strings.Builder
	traversed := map[string]bool{root: true}
	var inline func(doc string)
	inline = func(doc string) {
		d := s.parts[doc]
		if d == nil {
			return
		}
		var trees [][]string
		if r := bd.b.Env.Docs[doc]; r != nil {
			for _, tt := range r.TocTrees {
				trees = append(trees, tt.IncludeFiles)
			}
		}
		emit := func(includes []string) {
			for _, inc := range includes {
				if traversed[inc] || s.parts[inc] == nil {
					continue
				}
				traversed[inc] = true
				b.WriteString(`<span id="document-` + htmlw.Escape(inc) + `"></span>`)
				inline(inc)
			}
		}
		for i, seg := range d.segments {
			b.WriteString(seg)
			if i < len(d.segments)-1 && i < len(trees) {
				emit(trees[i])
			}
		}
		// Toctrees the body did not show (no wrapper found) still bring
		// their documents, after the body.
		for i := len(d.segments) - 1; i < len(trees); i++ {
			emit(trees[i])
		}
	}
	// The root document has an anchor too, for links to it.
	b.WriteString(`<span id="document-` + htmlw.Escape(root) + `"></span>`)
	inline(root)
	pc := bd.basePage(KindDoc, root, nil)
	pc.Body = template.HTML(b.String())
	for _, d := range s.parts {
		if d.hasMath {
			pc.PageScripts = bd.math.scripts
			break
		}
	}
	if d := s.parts[root]; d != nil {
		pc.Title = template.HTML(d.title)
		var head strings.Builder
		for _, h := range d.head {
			head.WriteString(h + "\n")
		}
		pc.Metatags = template.HTML(head.String())
	}
	pc.PageTitle = plainTitle(string(pc.Title), bd.docTitle(root))
	return bd.writePage(root, "page.html", pc)
}
