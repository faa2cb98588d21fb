// Package languages holds the localised directive and role names of every language docutils supports, and the localised labels, bibliographic field names and author separators.
package languages

import "github.com/docbuild/docbuild/directives"

// Register adds this package's languages to reg.
func Register(reg *directives.Registry) {
}
