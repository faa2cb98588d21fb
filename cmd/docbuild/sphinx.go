package main

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/resolve"
)

// registerSphinx adds Sphinx's directives and roles to reg.
func registerSphinx(reg *directives.Registry) {}

// configureBuild adds the Sphinx-level resolvers to a build: the
// post-read stage (cross-references, toctrees, numbering, only nodes,
// |version| |release| |today|).
func configureBuild(b *project.Build) {
	resolve.Setup(b)
}
