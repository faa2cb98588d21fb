package resolve

import (
	"time"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/transforms"
)

// DefaultSubstitutions returns Sphinx's DefaultSubstitutions transform for
// a configuration and build time: |version|, |release| and |today| become
// their configured text in documents that do not define them. It runs at
// priority 210, before docutils' Substitutions transform reports them as
// undefined.
func DefaultSubstitutions(cfg *config.Config, now time.Time) *transforms.Transform {
	subs := cfg.Substitutions(now)
	return &transforms.Transform{
		Name:     "sphinx.transforms.DefaultSubstitutions",
		Priority: 210,
		Apply: func(ctx *transforms.Context) error {
			doc := ctx.Doc
			for _, ref := range doctree.FindTag(doc.Root, "substitution_reference") {
				name := ref.GetString("refname")
				text, ok := subs[name]
				if !ok {
					continue
				}
				if _, defined := doc.SubstitutionDefs[name]; defined {
					continue
				}
				if ref.Parent() != nil {
					ref.Parent().Replace(ref, doctree.NewText(text))
				}
			}
			return nil
		},
	}
}

// AutoNumbering is Sphinx's AutoNumbering transform: figures, tables and
// code blocks that have a caption but no id get one (an implicit target),
// so that numfig can number them. It runs at priority 210, before
// PropagateTargets, which is why such a node's first id is "idN" even
// when a label points at it.
var AutoNumbering = &transforms.Transform{
	Name:     "sphinx.transforms.AutoNumbering",
	Priority: 210,
	Apply: func(ctx *transforms.Context) error {
		for _, n := range doctree.FindTag(ctx.Doc.Root, "figure", "table", "container") {
			if len(n.IDs) == 0 && hasCaption(n) {
				ctx.Doc.NoteImplicitTarget(n, nil)
			}
		}
		return nil
	},
}

func hasCaption(e *doctree.Element) bool {
	for _, c := range e.ChildElements() {
		if c.Tag == "caption" || c.Tag == "title" {
			return true
		}
	}
	return false
}

// FilterSystemMessages is Sphinx's FilterSystemMessages transform: the
// system messages that reading left in a document are removed (they
// have been reported), all of them, or only those below WARNING when
// keep_warnings is on.
func FilterSystemMessages(cfg *config.Config) *transforms.Transform {
	level := 5
	if v, ok := cfg.Value("keep_warnings"); ok && v == true {
		level = 2
	}
	return &transforms.Transform{
		Name:     "sphinx.transforms.FilterSystemMessages",
		Priority: 999,
		Apply: func(ctx *transforms.Context) error {
			for _, m := range doctree.FindTag(ctx.Doc.Root, doctree.TagSystemMessage) {
				if p := m.Parent(); p != nil && m.GetInt("level") < level {
					p.Remove(m)
				}
			}
			return nil
		},
	}
}
