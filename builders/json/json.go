// Package json is Sphinx's JSON builder (sphinxcontrib-serializinghtml):
// the html builder's work, with each page's template context written as
// JSON instead of rendered with a theme. It writes one PAGE.fjson per
// document (body, title, toc, display_toc, current_page_name, sourcename,
// parents, prev, next, metatags, rellinks, sidebars, customsidebar,
// page_source_suffix...), genindex.fjson and search.fjson,
// globalcontext.json, searchindex.json and last_build, plus _static,
// _images, _downloads and _sources as the html builder does.
package json

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"

	"github.com/docbuild/docbuild/builders/html"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

// Builder writes the JSON files.
type Builder struct {
	*html.Builder
	b *project.Build
}

// New returns the json builder.
func New() *Builder {
	jb := &Builder{}
	jb.Builder = html.NewSerializing("json", ".fjson", jb.writeContext)
	return jb
}

// Prepare records the build and prepares the html machinery.
func (jb *Builder) Prepare(b *project.Build, out string) error {
	jb.b = b
	return jb.Builder.Prepare(b, out)
}

// WriteDoc writes one document's .fjson.
func (jb *Builder) WriteDoc(ctx context.Context, docname string, doc *doctree.Document) error {
	return jb.Builder.WriteDoc(ctx, docname, doc)
}

// Finish writes the index, search and global files.
func (jb *Builder) Finish(ctx context.Context) error {
	if err := jb.Builder.Finish(ctx); err != nil {
		return err
	}
	data, err := marshal(jb.Builder.Site())
	if err != nil {
		return err
	}
	out := jb.Builder.OutDir()
	if err := html.WriteFile(filepath.Join(out, "globalcontext.json"), data); err != nil {
		return err
	}
	// last_build is empty: its modification time tells Sphinx's web
	// application when the build ran.
	return html.WriteFile(filepath.Join(out, "last_build"), nil)
}

func (jb *Builder) writeContext(pagename string, pc *html.PageContext) error {
	data, err := marshal(pc)
	if err != nil {
		return err
	}
	return html.WriteFile(filepath.Join(jb.Builder.OutDir(), filepath.FromSlash(pagename)+".fjson"), data)
}

// marshal writes JSON with HTML left unescaped, as Python's json module.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
