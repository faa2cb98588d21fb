package references

import "github.com/docbuild/docbuild/directives"

// optionSpec is TargetNotes.option_spec.
func optionSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"class": directives.ClassOption,
		"name":  directives.Unchanged,
	}
}
