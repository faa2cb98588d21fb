// Package sphinx implements Sphinx's additions to reStructuredText that do
// not belong to a domain: its node classes (addnodes), its directives
// (toctree, literalinclude, code-block, only, glossary, index, ...) and its
// roles (ref, doc, numref, term, download, ...), registered into a
// directives.Registry so that reST and Markdown documents share them.
// Directives and roles reach the build through the DocEnv stored in
// doctree.Document.Env; cross-references become pending_xref elements that
// the build resolves once every document has been read.
package sphinx

import "github.com/docbuild/docbuild/doctree"

// DocEnv is what Sphinx's directives and roles need from the build while
// one document is read (Sphinx's BuildEnvironment as a directive sees it).
// The project build implements it; tests use a fake.
type DocEnv interface {
	// DocName is the document's name: its path relative to the source
	// directory, without suffix, with forward slashes ("library/os").
	DocName() string
	// SrcDir is the project's source directory.
	SrcDir() string
	// HasDoc reports whether a document of that name exists.
	HasDoc(docname string) bool
	// FoundDocs lists every document name, sorted.
	FoundDocs() []string
	// RelFn2Path resolves a file name given in the document ("/x" is
	// relative to the source directory, anything else to the document's
	// directory) to a path relative to the source directory and an
	// absolute path (env.relfn2path).
	RelFn2Path(filename string) (rel, abs string)
	// NoteDependency records a file whose change must rebuild the document.
	NoteDependency(path string)
	// HasTag evaluates one tag for the only directive.
	HasTag(tag string) bool
	// Setting returns a configuration value by its Sphinx name
	// (highlight_language, numfig, todo_include_todos, extlinks, ...).
	Setting(name string) (any, bool)
	// NewSerialNo returns the next number of a per-document counter
	// (env.new_serialno), for ids such as "index-0".
	NewSerialNo(category string) int
	// Temp is per-document scratch state that lives while the document is
	// read (env.temp_data): highlight language, default domain.
	Temp() map[string]any
}

// EnvOf returns the DocEnv of a document, or nil for a single file.
func EnvOf(doc *doctree.Document) DocEnv {
	e, _ := doc.Env.(DocEnv)
	return e
}
