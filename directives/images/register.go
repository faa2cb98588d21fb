// Package images implements docutils' image and figure directives.
package images

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
