// Package references implements docutils' directives for references and
// targets (docutils.parsers.rst.directives.references): target-notes,
// which leaves a pending element for docutils.transforms.references.
// TargetNotes.
package references

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// TargetNotesTransform is the transform the target-notes directive's
// pending element names.
const TargetNotesTransform = "docutils.transforms.references.TargetNotes"

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	reg.AddDirective("target-notes", &directives.Directive{
		OptionSpec: optionSpec(),
		Run:        runTargetNotes,
	})
}

// runTargetNotes is docutils' TargetNotes.run. The name option names the
// pending element itself; the other options (class) become its details,
// which the transform applies to the footnotes it makes.
func runTargetNotes(c *directives.Call) ([]doctree.Node, error) {
	pending := doctree.NewElement(doctree.TagPending)
	c.AddName(pending)
	details := make(map[string]any, len(c.Options))
	for k, v := range c.Options {
		details[k] = v
	}
	pending.Pending = &doctree.PendingInfo{Transform: TargetNotesTransform, Details: details}
	c.Host.Document().NotePending(pending, -1)
	return []doctree.Node{pending}, nil
}
