package directives

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// optionCase is one line of testdata/options.json, which
// testdata/gen_options.py writes by running docutils' converters.
type optionCase struct {
	Conv  string  `json:"conv"`
	Arg   *string `json:"arg"`
	Value *string `json:"value"`
	Error *string `json:"error"`
}

var convertersByPyName = map[string]OptionConv{
	"flag":                                 Flag,
	"unchanged":                            Unchanged,
	"unchanged_required":                   UnchangedRequired,
	"path":                                 Path,
	"uri":                                  URI,
	"nonnegative_int":                      NonnegativeInt,
	"percentage":                           Percentage,
	"positive_int":                         PositiveInt,
	"positive_int_list":                    PositiveIntList,
	"length_or_unitless":                   LengthOrUnitless,
	"class_option":                         ClassOption,
	"single_char_or_unicode":               SingleCharOrUnicode,
	"single_char_or_whitespace_or_unicode": SingleCharOrWhitespaceOrUnicode,
	"encoding":                             Encoding,
	"parser_name":                          ParserName,
	"length_or_percentage_or_unitless":     LengthOrPercentageOrUnitless(""),
	"length_or_percentage_or_unitless_px":  LengthOrPercentageOrUnitless("px"),
	"choice_lcr":                           Choice("left", "center", "right"),
	"value_or_none_positive_int":           ValueOr([]string{"none", "auto"}, PositiveInt),
	"unicode_code": func(arg string, none bool) (any, error) {
		s, err := UnicodeCode(arg)
		if err != nil {
			return nil, err
		}
		return s, nil
	},
}

// pyModuleOfParser maps ParserName's results to the module of the parser
// class docutils returns.
var pyModuleOfParser = map[string]string{
	ParserRST:  "docutils.parsers.rst",
	ParserNull: "docutils.parsers.null",
}

func reprOption(v any) string {
	switch x := v.(type) {
	case []int:
		l := make([]any, len(x))
		for i, n := range x {
			l[i] = n
		}
		return doctree.PyRepr(l)
	}
	return doctree.PyRepr(v)
}

func TestConvertersAgainstDocutils(t *testing.T) {
	data, err := os.ReadFile("testdata/options.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []optionCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		conv := convertersByPyName[c.Conv]
		if conv == nil {
			t.Errorf("no converter for %s", c.Conv)
			continue
		}
		arg, none := "", c.Arg == nil
		if !none {
			arg = *c.Arg
		}
		name := c.Conv + "(" + reprOption(c.Arg) + ")"
		if c.Arg != nil {
			name = c.Conv + "(" + doctree.PyStrRepr(arg) + ")"
		}
		v, err := conv(arg, none)
		switch {
		case c.Error != nil:
			if err == nil {
				t.Errorf("%s = %s, want error %q", name, reprOption(v), *c.Error)
			} else if err.Error() != *c.Error {
				t.Errorf("%s: error %q, want %q", name, err.Error(), *c.Error)
			}
		case err != nil:
			t.Errorf("%s: unexpected error %q, want %s", name, err, *c.Value)
		default:
			got := reprOption(v)
			if c.Conv == "parser_name" && v != nil {
				got = doctree.PyStrRepr(pyModuleOfParser[v.(string)])
			}
			if got != *c.Value {
				t.Errorf("%s = %s, want %s", name, got, *c.Value)
			}
		}
	}
}

func TestParserNameMarkdown(t *testing.T) {
	for _, name := range []string{"md", "Markdown", "commonmark", "myst", "recommonmark", "pycmark"} {
		v, err := ParserName(name, false)
		if err != nil || v != ParserMarkdown {
			t.Errorf("ParserName(%q) = %v, %v; want %q", name, v, err, ParserMarkdown)
		}
	}
}

func TestFormatValues(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, `, or "a"`},
		{[]string{"a", "b"}, `"a", or "b"`},
		{[]string{"top", "middle", "bottom"}, `"top", "middle", or "bottom"`},
	}
	for _, tt := range tests {
		if got := FormatValues(tt.in); got != tt.want {
			t.Errorf("FormatValues(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGetMeasure(t *testing.T) {
	tests := []struct {
		arg   string
		units []string
		want  string
		ok    bool
	}{
		{"3 em", []string{"em"}, "3em", true},
		{"3", []string{""}, "3", true},
		{"3em", []string{""}, "", false},
		{"", []string{""}, "", false},
		{"..", []string{""}, "", false},
	}
	for _, tt := range tests {
		got, err := GetMeasure(tt.arg, tt.units)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("GetMeasure(%q, %q) = %q, %v", tt.arg, tt.units, got, err)
		}
	}
}

func FuzzConverters(f *testing.F) {
	for _, s := range []string{"", "1", "U+41", "3 em", "a\\ b", "&#x41;", "\x00", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, conv := range convertersByPyName {
			conv(s, false)
			conv(s, true)
		}
	})
}
