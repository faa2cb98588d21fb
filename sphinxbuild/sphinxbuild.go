// Package sphinxbuild owns the assembly of a project build with Sphinx's
// layer on top of docutils: the registry of directives and roles
// (docutils', the reST parser's own, Sphinx's and the domains'), the codecs
// of the domains' attribute values, and what depends on the project's
// configuration (extlinks roles, Sphinx's read-phase transforms, the
// post-read stage). The command line builds projects with it, and tests
// that build projects use it so that they run what the command runs.
package sphinxbuild

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/domains"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
	"github.com/docbuild/docbuild/sphinx"
	"github.com/docbuild/docbuild/transforms"
)

// Registry returns a new registry with the directives and roles of a
// project build.
func Registry() *directives.Registry {
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	sphinx.Register(reg)
	domains.Register(reg)
	return reg
}

// Codecs returns the value codecs of the attribute types that Sphinx's
// directives and the domains put on nodes, so that read trees can be
// encoded until written (project.Options.Codecs).
func Codecs() *doctree.ValueCodecs {
	set := doctree.NewValueCodecs()
	sphinx.RegisterCodecs(set)
	domains.RegisterCodecs(set)
	return set
}

// Configure adds to b what depends on the project's configuration: the
// extlinks roles, Sphinx's read-phase transforms, and the post-read stage
// (cross-references, toctrees, numbering, only nodes, |version| |release|
// |today|).
func Configure(b *project.Build) {
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
