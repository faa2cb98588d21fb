package images

import (
	"strings"

	"github.com/docbuild/docbuild/directives"
)

// imageSpec is Image.option_spec. align accepts every value here; the
// directive then checks it against the values allowed where it stands.
func imageSpec() map[string]directives.OptionConv {
	return map[string]directives.OptionConv{
		"alt":    directives.Unchanged,
		"height": directives.LengthOrUnitless,
		"width":  directives.LengthOrPercentageOrUnitless(""),
		"scale":  directives.Percentage,
		"align":  directives.Choice(alignValues...),
		"target": directives.UnchangedRequired,
		"class":  directives.ClassOption,
		"name":   directives.Unchanged,
	}
}

// figureSpec is Figure.option_spec.
func figureSpec() map[string]directives.OptionConv {
	spec := imageSpec()
	spec["figwidth"] = figwidthValue
	spec["figclass"] = directives.ClassOption
	spec["align"] = directives.Choice(alignH...)
	return spec
}

// figwidthValue accepts "image" (the width of the image file) or a length,
// percentage or pixel count.
func figwidthValue(arg string, none bool) (any, error) {
	if !none && strings.ToLower(arg) == "image" {
		return "image", nil
	}
	return directives.LengthOrPercentageOrUnitless("px")(arg, none)
}
