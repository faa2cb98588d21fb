// Package std assembles the standard registry: every directive, role and
// language that docutils provides.
package std

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/admonitions"
	"github.com/docbuild/docbuild/directives/body"
	"github.com/docbuild/docbuild/directives/images"
	"github.com/docbuild/docbuild/directives/languages"
	"github.com/docbuild/docbuild/directives/misc"
	"github.com/docbuild/docbuild/directives/parts"
	"github.com/docbuild/docbuild/directives/references"
	"github.com/docbuild/docbuild/directives/roles"
	"github.com/docbuild/docbuild/directives/tables"
)

// Register adds docutils' standard directives, roles and languages to reg.
func Register(reg *directives.Registry) {
	languages.Register(reg)
	roles.Register(reg)
	admonitions.Register(reg)
	body.Register(reg)
	images.Register(reg)
	parts.Register(reg)
	references.Register(reg)
	tables.Register(reg)
	misc.Register(reg)
}

// NewRegistry returns a registry holding docutils' standard set.
func NewRegistry() *directives.Registry {
	reg := directives.NewRegistry()
	Register(reg)
	return reg
}
