package parts

import "github.com/docbuild/docbuild/directives"

// contentsSpec is Contents.option_spec.
func contentsSpec() map[string]directives.OptionConv {
	backlinks := directives.Choice("top", "entry", "none")
	return map[string]directives.OptionConv{
		"depth": directives.NonnegativeInt,
		"local": directives.Flag,
		"backlinks": func(arg string, none bool) (any, error) {
			v, err := backlinks(arg, none)
			if err != nil || v == "none" {
				return nil, err
			}
			return v, nil
		},
		"class": directives.ClassOption,
	}
}

// sectnumSpec is Sectnum.option_spec; depth and start are converted with
// Python's plain int().
func sectnumSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"depth":  pyInt,
		"start":  pyInt,
		"prefix": directives.UnchangedRequired,
		"suffix": directives.UnchangedRequired,
	}
}

func pyInt(arg string, none bool) (any, error) {
	v, err := directives.PyInt(arg, none)
	if err != nil {
		return nil, err
	}
	return v, nil
}
