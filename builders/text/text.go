// Package text is the project builder that writes each resolved document
// as plain text (DOCNAME.txt), as sphinx-build -b text does.
package text

import (
	"context"
	"path/filepath"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/internal/atomicfile"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	textw "github.com/docbuild/docbuild/writers/text"
)

// Builder writes text files.
type Builder struct {
	out   string
	state *resolve.State
	opts  textw.Options
}

// Name returns "text".
func (*Builder) Name() string { return "text" }

// Prepare records the output folder and the text_* settings.
func (b *Builder) Prepare(build *project.Build, out string) error {
	b.out = out
	b.state = resolve.StateOf(build)
	if v, ok := build.Cfg.Value("text_sectionchars"); ok {
		b.opts.SectionChars, _ = v.(string)
	}
	if v, ok := build.Cfg.Value("text_newlines"); ok {
		if s, _ := v.(string); s == "windows" {
			b.opts.Newline = "\r\n"
		}
	}
	if v, ok := build.Cfg.Value("text_secnumber_suffix"); ok {
		b.opts.SecNumberSuffix, _ = v.(string)
	}
	return nil
}

// WriteDoc writes one document.
func (b *Builder) WriteDoc(_ context.Context, docname string, doc *doctree.Document) error {
	opts := b.opts
	opts.SecNumbers = b.state.SectionNumbers(docname)
	if opts.SecNumbers == nil {
		// Numbering is on (text_add_secnumbers); nothing numbers this
		// document.
		opts.SecNumbers = map[string][]int{}
	}
	out := textw.Format(doc.Root, &opts)
	return atomicfile.Write(filepath.Join(b.out, filepath.FromSlash(docname)+".txt"), []byte(out))
}

// Finish has nothing to add.
func (*Builder) Finish(context.Context) error { return nil }
