package main

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/project"
)

// registerSphinx adds Sphinx's directives and roles to reg.
func registerSphinx(reg *directives.Registry) {}

// configureBuild adds the Sphinx-level resolvers to a build.
func configureBuild(b *project.Build) {}
