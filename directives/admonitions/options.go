package admonitions

import "github.com/docbuild/docbuild/directives"

// optionSpec is BaseAdmonition.option_spec.
func optionSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"class": directives.ClassOption,
		"name":  directives.Unchanged,
	}
}
