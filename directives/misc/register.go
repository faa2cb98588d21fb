// Package misc implements docutils' miscellaneous directives: include, raw, replace, unicode, date, class, role, default-role, title and the test directive.
package misc

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
