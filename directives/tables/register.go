// Package tables implements docutils' table, csv-table and list-table directives.
package tables

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
