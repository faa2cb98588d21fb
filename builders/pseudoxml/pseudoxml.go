// Package pseudoxml is the project builder that writes each resolved
// document as docutils pseudo-XML (DOCNAME.pseudoxml), for inspecting what
// the build made of a project, as sphinx-build -b pseudoxml does.
package pseudoxml

import (
	"context"
	"path/filepath"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/atomicfile"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinx"
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
	PrepareTree(doc.Root)
	return atomicfile.Write(filepath.Join(b.out, filepath.FromSlash(docname)+".pseudoxml"), []byte(pseudoxml.Format(doc.Root, nil)))
}

// Finish has nothing to add.
func (*Builder) Finish(context.Context) error { return nil }

// sphinxDomains are the domains Sphinx 5.3 registers by itself; its XML
// and pseudo-XML builders declare a namespace for each on the document.
var sphinxDomains = []string{"c", "changeset", "citation", "cpp", "index", "js", "math", "py", "rst", "std"}

// PrepareTree does to a resolved tree what Sphinx's XML builders do before
// writing it (XMLBuilder.write_doc): the tree is deep-copied, which
// repeats the classes of desc nodes (sphinx.RepeatDescClasses), the
// document gets an xmlns:DOMAIN attribute per domain, and tuples in
// attribute values (toctree and index entries) become lists. The tree is
// changed in place: the build hands each builder a tree of its own.
func PrepareTree(root *doctree.Element) {
	sphinx.RepeatDescClasses(root)
	for _, d := range sphinxDomains {
		root.Set("xmlns:"+d, "https://www.sphinx-doc.org/")
	}
	sphinx.TuplesToLists(root)
}
