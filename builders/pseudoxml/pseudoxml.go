// Package pseudoxml is the project builder that writes each resolved
// document as docutils pseudo-XML (DOCNAME.pseudoxml), for inspecting what
// the build made of a project.
package pseudoxml

import (
	"context"
	"path/filepath"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/atomicfile"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// Builder writes pseudo-XML files.
type Builder struct {
	out string
}

// Name returns "pseudoxml".
func (*Builder) Name() string { return "pseudoxml" }

// Prepare records the output folder.
func (b *Builder) Prepare(_ *project.Build, out string) error {
	b.out = out
	return nil
}

// WriteDoc writes one document.
func (b *Builder) WriteDoc(_ context.Context, docname string, doc *doctree.Document) error {
	return atomicfile.Write(filepath.Join(b.out, filepath.FromSlash(docname)+".pseudoxml"), []byte(pseudoxml.Format(doc.Root, nil)))
}

// Finish has nothing to add.
func (*Builder) Finish(context.Context) error { return nil }
