// Package xml is the project builder that writes each resolved document as
// Docutils XML (DOCNAME.xml), as sphinx-build -b xml does: indented, with
// the XML declaration and the Docutils doctype.
package xml

import (
	"context"
	"path/filepath"

	"github.com/docbuild/docbuild/builders/pseudoxml"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/atomicfile"
	"github.com/docbuild/docbuild/project"
	xmlw "github.com/docbuild/docbuild/writers/xml"
)

// Builder writes Docutils XML files.
type Builder struct {
	out    string
	pretty bool
}

// Name returns "xml".
func (*Builder) Name() string { return "xml" }

// Prepare records the output folder and the xml_pretty setting (on by
// default, as in Sphinx).
func (b *Builder) Prepare(build *project.Build, out string) error {
	b.out = out
	b.pretty = true
	if v, ok := build.Cfg.Value("xml_pretty"); ok {
		if p, isBool := v.(bool); isBool {
			b.pretty = p
		}
	}
	return nil
}

// WriteDoc writes one document.
func (b *Builder) WriteDoc(_ context.Context, docname string, doc *doctree.Document) error {
	pseudoxml.PrepareTree(doc.Root)
	out := xmlw.Format(doc.Root, &xmlw.Options{Newlines: b.pretty, Indents: b.pretty})
	return atomicfile.Write(filepath.Join(b.out, filepath.FromSlash(docname)+".xml"), []byte(out))
}

// Finish has nothing to add.
func (*Builder) Finish(context.Context) error { return nil }
