package body

import "github.com/docbuild/docbuild/directives"

// classNameSpec is the common {'class': class_option, 'name': unchanged}.
func classNameSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"class": directives.ClassOption,
		"name":  directives.Unchanged,
	}
}

// nameSpec is {'name': unchanged} (the container directive).
func nameSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{"name": directives.Unchanged}
}

// sidebarSpec adds 'subtitle': unchanged_required to classNameSpec.
func sidebarSpec() map[string]directives.OptionConv {
	spec := classNameSpec()
	spec["subtitle"] = directives.UnchangedRequired
	return spec
}

// codeSpec adds 'number-lines': unchanged (an integer or nothing) to
// classNameSpec.
func codeSpec() map[string]directives.OptionConv {
	spec := classNameSpec()
	spec["number-lines"] = directives.Unchanged
	return spec
}
