// Package roles implements docutils' standard interpreted-text roles and the generic and custom roles that the role directive makes.
package roles

import "github.com/docbuild/docbuild/directives"

// Register adds this package's roles to reg.
func Register(reg *directives.Registry) {
}
