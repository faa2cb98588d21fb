// Package admonitions implements docutils' admonition directives (attention, caution, danger, error, hint, important, note, tip, warning and the generic admonition).
package admonitions

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
