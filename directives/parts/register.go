// Package parts implements docutils' document-part directives: contents, sectnum, header and footer.
package parts

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
