package main

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/domains"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	"github.com/docbuild/docbuild/sphinx"
	"github.com/docbuild/docbuild/transforms"
)

// registerSphinx adds Sphinx's directives and roles to reg.
func registerSphinx(reg *directives.Registry) {
	sphinx.Register(reg)
	domains.Register(reg)
}

// newCodecs returns the value codecs of the node attribute types that
// Sphinx's directives and the domains use, so that read trees can be
// encoded until written.
func newCodecs() *doctree.ValueCodecs {
	set := doctree.NewValueCodecs()
	sphinx.RegisterCodecs(set)
	domains.RegisterCodecs(set)
	return set
}

// configureBuild adds what depends on the project's configuration: the
// extlinks roles, Sphinx's read-phase transforms, and the post-read stage
// (cross-references, toctrees, numbering, only nodes, |version| |release|
// |today|).
func configureBuild(b *project.Build) {
	if v, ok := b.Cfg.Value("extlinks"); ok {
		for name, role := range sphinx.ExtlinkRolesFromSetting(v) {
			b.Registry.AddLocalRole(name, role)
		}
	}
	b.DocTransforms = append(b.DocTransforms,
		&transforms.Transform{Name: "sphinx.transforms.GlossarySorter", Priority: 500, Apply: func(ctx *transforms.Context) error {
			sphinx.SortGlossaries(ctx.Doc.Root)
			return nil
		}},
		&transforms.Transform{Name: "sphinx.transforms.MoveModuleTargets", Priority: 210, Apply: func(ctx *transforms.Context) error {
			domains.MoveModuleTargets(ctx.Doc.Root)
			return nil
		}},
		&transforms.Transform{Name: "sphinx.transforms.i18n.RemoveTranslatableInline", Priority: 999, Apply: func(ctx *transforms.Context) error {
			domains.RemoveTranslatableInline(ctx.Doc.Root)
			return nil
		}},
		&transforms.Transform{Name: "sphinx.transforms.ManpageLink", Priority: 999, Apply: func(ctx *transforms.Context) error {
			sphinx.ManpageLink(ctx.Doc.Root)
			return nil
		}},
	)
	domains.Setup(resolve.Setup(b))
}
