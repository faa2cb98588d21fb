package conformance

import (
	"fmt"

	"github.com/docbuild/docbuild/doctree"
)

// ApplySettings applies the docutils settings a case of the shared suites
// carries (their JSON values) to s. It is the one reader of those
// settings for every test that runs the suites' cases: the conformance
// tests here, the parser's own and the tree encoding's round trip.
// A setting it does not know is an error, so that a new one in the suite
// is noticed.
func ApplySettings(s *doctree.Settings, over map[string]any) error {
	for k, v := range over {
		switch k {
		case "character_level_inline_markup":
			s.CharacterLevelInlineMarkup, _ = v.(bool)
		case "language_code":
			s.LanguageCode, _ = v.(string)
		case "line_length_limit":
			f, _ := v.(float64)
			s.LineLengthLimit = int(f)
		case "report_level":
			f, _ := v.(float64)
			s.ReportLevel = int(f)
		case "syntax_highlight":
			s.SyntaxHighlight, _ = v.(string)
		case "expose_internals":
			s.ExposeInternals = stringList(v)
		case "strip_comments":
			s.StripComments = truthyValue(v)
		case "smart_quotes":
			switch x := v.(type) {
			case bool:
				if x {
					s.SmartQuotes = "yes"
				} else {
					s.SmartQuotes = ""
				}
			case string:
				s.SmartQuotes = x
			}
		case "smartquotes_locales":
			for _, item := range v.([]any) {
				pair := item.([]any)
				s.SmartquotesLocales = append(s.SmartquotesLocales, [2]string{pair[0].(string), pair[1].(string)})
			}
		case "strip_elements_with_classes":
			s.StripElementsWithClasses = stringList(v)
		case "strip_classes":
			s.StripClasses = stringList(v)
		case "trim_footnote_ref_space", "report":
			// Misspelt in docutils' own tests: not settings docutils knows,
			// so they change nothing.
		default:
			return fmt.Errorf("unknown setting %q", k)
		}
	}
	return nil
}

func truthyValue(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	}
	return v != nil
}

func stringList(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}
