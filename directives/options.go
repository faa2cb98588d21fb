package directives

//go:generate python3 gen_encodings.py

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
)

// This file holds the option converters of docutils.parsers.rst.directives.
// Each returns an error whose text is exactly what docutils' converter puts
// in its exception (' '.join(exc.args)), because the parser quotes it in
// 'invalid option value: (option: "x"; value: ...)\n<text>'. Where docutils
// fails with a TypeError on a missing value (Python's None), the error text
// is that TypeError's text, which docutils reports the same way.
//
// Values are Go types that the pseudo-XML writer and doctree.PyRepr print as
// Python prints docutils' values: nil (None), string, int, float64,
// []string and []int.

func optErr(format string, args ...any) error { return errors.New(fmt.Sprintf(format, args...)) }

var errArgumentRequired = errors.New("argument required but none supplied")

// Flag accepts an option without a value (or with white space only) and
// returns nil, as docutils' flag.
func Flag(arg string, none bool) (any, error) {
	if !none && doctree.TrimSpace(arg) != "" {
		return nil, optErr("no argument is allowed; \"%s\" supplied", arg)
	}
	return nil, nil
}

// Unchanged returns the text as it is, "" when there is none.
func Unchanged(arg string, none bool) (any, error) {
	return arg, nil
}

// UnchangedRequired returns the text as it is and requires a value.
func UnchangedRequired(arg string, none bool) (any, error) {
	if none {
		return nil, errArgumentRequired
	}
	return arg, nil
}

// Path returns a path given over several lines as one string: each line
// is stripped of surrounding white space and the lines are joined without
// a separator, as docutils' path.
func Path(arg string, none bool) (any, error) {
	if none {
		return nil, errArgumentRequired
	}
	var b strings.Builder
	for _, line := range pySplitLines(arg) {
		b.WriteString(doctree.TrimSpace(line))
	}
	return b.String(), nil
}

// URI returns a URI with its unescaped white space removed; escaped white
// space (a backslash before a space or newline) becomes one space, as
// docutils' uri.
func URI(arg string, none bool) (any, error) {
	if none {
		return nil, errArgumentRequired
	}
	parts := splitEscapedWhitespace(escape2null(arg))
	for i, p := range parts {
		parts[i] = strings.Join(doctree.Fields(doctree.Unescape(p, false)), "")
	}
	return strings.Join(parts, " "), nil
}

// NonnegativeInt converts a decimal integer (with Python's int() syntax)
// that is zero or more.
func NonnegativeInt(arg string, none bool) (any, error) {
	v, err := PyInt(arg, none)
	if err != nil {
		return nil, err
	}
	if v < 0 {
		return nil, errors.New("negative value; must be positive or zero")
	}
	return v, nil
}

// Percentage converts a non-negative integer with an optional trailing
// percent sign.
func Percentage(arg string, none bool) (any, error) {
	if !none {
		arg = strings.TrimRight(arg, " %")
	}
	return NonnegativeInt(arg, none)
}

// PositiveInt converts a decimal integer that is one or more.
func PositiveInt(arg string, none bool) (any, error) {
	v, err := PyInt(arg, none)
	if err != nil {
		return nil, err
	}
	if v < 1 {
		return nil, errors.New("negative or zero value; must be positive")
	}
	return v, nil
}

// PositiveIntList converts a comma- or space-separated list of positive
// integers into []int. With a comma anywhere, the list is split at commas
// only (so "1,,2" has an empty, invalid entry), as docutils does.
func PositiveIntList(arg string, none bool) (any, error) {
	if none {
		return nil, errors.New("argument of type 'NoneType' is not iterable")
	}
	var entries []string
	if strings.Contains(arg, ",") {
		entries = strings.Split(arg, ",")
	} else {
		entries = doctree.Fields(arg)
	}
	out := make([]int, 0, len(entries))
	for _, e := range entries {
		v, err := PositiveInt(e, false)
		if err != nil {
			return nil, err
		}
		out = append(out, v.(int))
	}
	return out, nil
}

// LengthUnits are the CSS length units that docutils accepts for lengths.
var LengthUnits = []string{"em", "ex", "px", "in", "cm", "mm", "pt", "pc"}

// GetMeasure checks for a positive number followed, after optional
// spaces, by one of units ("" for none), and returns number and unit
// without the spaces, as docutils' get_measure.
func GetMeasure(arg string, units []string) (string, error) {
	// The regexp '^([0-9.]+) *(u1|u2|...)$': the number, the spaces and
	// the unit use disjoint characters, so a plain scan is equivalent. "$"
	// also matches before a final newline.
	s := strings.TrimSuffix(arg, "\n")
	i := 0
	for i < len(s) && (s[i] == '.' || ('0' <= s[i] && s[i] <= '9')) {
		i++
	}
	num := s[:i]
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	unit := s[j:]
	ok := false
	for _, u := range units {
		if u == unit {
			ok = true
			break
		}
	}
	if ok {
		ok = validFloat(num)
	}
	if !ok {
		quoted := make([]string, len(units))
		for k, u := range units {
			quoted[k] = `"` + u + `"`
		}
		return "", optErr("not a positive measure of one of the following units:\n%s", strings.Join(quoted, " "))
	}
	return num + unit, nil
}

// validFloat reports whether a string of digits and dots is a Python float
// literal: at least one digit and at most one dot.
func validFloat(num string) bool {
	return strings.Count(num, ".") <= 1 && strings.Trim(num, ".") != ""
}

var errMeasureNone = errors.New("expected string or bytes-like object, got 'NoneType'")

// LengthOrUnitless converts a length with one of the CSS units or none.
func LengthOrUnitless(arg string, none bool) (any, error) {
	if none {
		return nil, errMeasureNone
	}
	v, err := GetMeasure(arg, append(LengthUnits[:len(LengthUnits):len(LengthUnits)], ""))
	if err != nil {
		return nil, err
	}
	return v, nil
}

// LengthOrPercentageOrUnitless returns a converter for a length or a
// percentage; a number without a unit gets defaultUnit appended, as
// docutils' length_or_percentage_or_unitless(argument, default).
func LengthOrPercentageOrUnitless(defaultUnit string) OptionConv {
	return func(arg string, none bool) (any, error) {
		if none {
			return nil, errMeasureNone
		}
		units := append(LengthUnits[:len(LengthUnits):len(LengthUnits)], "%")
		if v, err := GetMeasure(arg, units); err == nil {
			return v, nil
		}
		if v, err := GetMeasure(arg, []string{""}); err == nil {
			return v + defaultUnit, nil
		}
		_, err := GetMeasure(arg, units)
		return nil, err
	}
}

// ClassOption converts a space-separated list of names into a list of
// identifiers usable as class names (docutils' class_option).
func ClassOption(arg string, none bool) (any, error) {
	if none {
		return nil, errArgumentRequired
	}
	names := doctree.Fields(arg)
	classes := make([]string, 0, len(names))
	for _, name := range names {
		c := doctree.MakeID(name)
		if c == "" {
			return nil, optErr("cannot make \"%s\" into a class name", name)
		}
		classes = append(classes, c)
	}
	return classes, nil
}

// UnicodeCode converts a character code into the character: a decimal
// number, a hexadecimal number prefixed by "0x", "x", "\x", "U+", "U", "u",
// "\u" (any case), or an XML character reference "&#x...;". Other text is
// returned as it is (docutils' unicode_code, used by the unicode directive
// and by SingleCharOrUnicode).
func UnicodeCode(code string) (string, error) {
	if pyIsDigit(code) {
		v, err := PyInt(code, false)
		if err != nil {
			return "", err
		}
		return pyChr(uint64(v), false)
	}
	hex, ok := matchUnicodePattern(code)
	if !ok {
		return code, nil
	}
	var v uint64
	overflow := false
	for i := 0; i < len(hex); i++ {
		c := hex[i] | 0x20
		d := uint64(c - '0')
		if c >= 'a' {
			d = uint64(c-'a') + 10
		}
		if v > (math.MaxUint64-d)/16 {
			overflow = true
			break
		}
		v = v*16 + d
	}
	return pyChr(v, overflow)
}

// pyChr is Python's chr() with the errors unicode_code reports.
func pyChr(v uint64, overflow bool) (string, error) {
	if overflow || v > math.MaxInt32 {
		return "", errors.New("code too large (Python int too large to convert to C int)")
	}
	if v > unicode.MaxRune {
		return "", errors.New("chr() arg not in range(0x110000)")
	}
	return string(rune(v)), nil
}

// matchUnicodePattern matches docutils' unicode_pattern,
// '(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|&#x([0-9a-f]+);$' case-insensitively
// at the start of code, and returns the hexadecimal digits.
func matchUnicodePattern(code string) (string, bool) {
	s := strings.TrimSuffix(code, "\n")
	lower := strings.ToLower(s)
	hexDigits := func(h string) bool {
		if h == "" {
			return false
		}
		for i := 0; i < len(h); i++ {
			c := h[i] | 0x20
			if !('0' <= h[i] && h[i] <= '9') && !('a' <= c && c <= 'f') {
				return false
			}
		}
		return true
	}
	// Longer prefixes first where one is a prefix of another ("u+"/"u").
	for _, p := range []string{"0x", "x", `\x`, "u+", "u", `\u`} {
		if strings.HasPrefix(lower, p) && hexDigits(s[len(p):]) {
			return s[len(p):], true
		}
	}
	if strings.HasPrefix(lower, "&#x") && strings.HasSuffix(s, ";") && len(s) > 4 && hexDigits(s[3:len(s)-1]) {
		return s[3 : len(s)-1], true
	}
	return "", false
}

// SingleCharOrUnicode accepts a single character or a character code as
// UnicodeCode converts it.
func SingleCharOrUnicode(arg string, none bool) (any, error) {
	if none {
		return nil, errors.New("'NoneType' object has no attribute 'isdigit'")
	}
	char, err := UnicodeCode(arg)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(char) > 1 {
		return nil, optErr("%s invalid; must be a single character or a Unicode code", doctree.PyStrRepr(char))
	}
	return char, nil
}

// SingleCharOrWhitespaceOrUnicode is SingleCharOrUnicode that also accepts
// "tab" and "space".
func SingleCharOrWhitespaceOrUnicode(arg string, none bool) (any, error) {
	if !none {
		switch arg {
		case "tab":
			return "\t", nil
		case "space":
			return " ", nil
		}
	}
	return SingleCharOrUnicode(arg, none)
}

// Encoding accepts the name of a character encoding that Python knows
// (docutils checks with codecs.lookup) and returns it unchanged.
func Encoding(arg string, none bool) (any, error) {
	if none {
		return nil, errors.New("lookup() argument must be str, not None")
	}
	if !KnownEncoding(arg) {
		return nil, optErr("unknown encoding: \"%s\"", arg)
	}
	return arg, nil
}

// KnownEncoding reports whether Python's codecs.lookup accepts name: the
// name is normalised as Python's encodings.normalize_encoding does (ASCII
// lowercased, runs of punctuation turned into "_", non-ASCII letters
// dropped) and looked up among Python's codecs and their aliases.
func KnownEncoding(name string) bool {
	var b strings.Builder
	punct := false
	for _, r := range name {
		if r < utf8.RuneSelf && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.No, r) {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			if r < utf8.RuneSelf {
				b.WriteRune(r)
			}
			punct = false
		} else {
			punct = true
		}
	}
	norm := b.String()
	if pyCodecAliases[norm] || pyCodecAliases[strings.ReplaceAll(norm, ".", "_")] {
		return true
	}
	return !strings.Contains(norm, ".") && pyCodecModules[norm]
}

// Choice returns a converter accepting one of values (which must be lower
// case); the argument is lowercased and stripped first, as docutils'
// choice.
func Choice(values ...string) OptionConv {
	return func(arg string, none bool) (any, error) {
		if none {
			return nil, optErr("must supply an argument; choose from %s", FormatValues(values))
		}
		v := strings.ToLower(doctree.TrimSpace(arg))
		for _, x := range values {
			if v == x {
				return v, nil
			}
		}
		return nil, optErr("\"%s\" unknown; choose from %s", arg, FormatValues(values))
	}
}

// FormatValues lists values for a message: `"a", "b", or "c"`.
func FormatValues(values []string) string {
	if len(values) == 0 {
		return ""
	}
	quoted := make([]string, len(values)-1)
	for i, v := range values[:len(values)-1] {
		quoted[i] = `"` + v + `"`
	}
	return fmt.Sprintf("%s, or \"%s\"", strings.Join(quoted, ", "), values[len(values)-1])
}

// ValueOr returns a converter that accepts any of values as they are and
// passes anything else to other (docutils' value_or).
func ValueOr(values []string, other OptionConv) OptionConv {
	return func(arg string, none bool) (any, error) {
		if !none {
			for _, v := range values {
				if arg == v {
					return arg, nil
				}
			}
		}
		return other(arg, none)
	}
}

// Parser names that ParserName returns.
const (
	ParserRST      = "rst"
	ParserMarkdown = "markdown"
	ParserNull     = "null"
)

// ParserName converts the name of a parser (the include directive's
// "parser" option) into the canonical name of a parser docbuild has:
// ParserRST for "rst", "restructuredtext", "rest", "restx", "rtxt" and
// "docutils.parsers.rst"; ParserMarkdown for "markdown", "md",
// "commonmark", "myst", "recommonmark" and "pycmark"; ParserNull for
// "null" and "docutils.parsers.null". Names are case-insensitive. An empty
// value gives nil, as docutils' parser_name gives None. Unknown names get
// docutils' "Parser ... not found" text.
func ParserName(arg string, none bool) (any, error) {
	if none || arg == "" {
		return nil, nil
	}
	name := strings.ToLower(arg)
	switch name {
	case "rst", "restructuredtext", "rest", "restx", "rtxt", "docutils.parsers.rst":
		return ParserRST, nil
	case "markdown", "md", "commonmark", "myst", "recommonmark", "pycmark":
		return ParserMarkdown, nil
	case "null", "docutils.parsers.null":
		return ParserNull, nil
	}
	// Python's import_module names the first package it fails to import.
	module := name
	if !strings.HasPrefix(name, "docutils.") {
		module, _, _ = strings.Cut(name, ".")
	}
	return nil, optErr("Parser \"%s\" not found. No module named '%s'", arg, module)
}

// PyInt converts text as Python's int() does for a string: surrounding
// white space, a sign, decimal digits of any script and single underscores
// between digits are accepted. none gives Python's TypeError text. Values
// beyond the range of int are rejected.
func PyInt(arg string, none bool) (int, error) {
	if none {
		return 0, errors.New("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
	}
	bad := func() (int, error) {
		return 0, optErr("invalid literal for int() with base 10: %s", doctree.PyStrRepr(arg))
	}
	s := doctree.TrimSpace(arg)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return bad()
	}
	var v uint64
	prevDigit := false
	for _, r := range s {
		if r == '_' {
			if !prevDigit {
				return bad()
			}
			prevDigit = false
			continue
		}
		d, ok := decimalValue(r)
		if !ok {
			return bad()
		}
		prevDigit = true
		v = v*10 + uint64(d)
		if v > 1<<63 {
			return 0, optErr("int too large: %s", doctree.PyStrRepr(arg))
		}
	}
	if !prevDigit {
		return bad()
	}
	if neg {
		if v > 1<<63 {
			return 0, optErr("int too large: %s", doctree.PyStrRepr(arg))
		}
		return int(-int64(v)), nil
	}
	if v > math.MaxInt64 {
		return 0, optErr("int too large: %s", doctree.PyStrRepr(arg))
	}
	return int(v), nil
}

// decimalValue returns the value of a decimal digit of any script
// (Unicode category Nd). Decimal digits come in contiguous runs of ten,
// from zero to nine, so the value is the offset within the run.
func decimalValue(r rune) (int, bool) {
	if '0' <= r && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.IsDigit(r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// pyDigitsNotDecimal are the characters that Python's str.isdigit accepts
// but that are not decimal digits (superscripts, circled digits, ...).
var pyDigitsNotDecimal = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00b2, Hi: 0x00b3, Stride: 1},
		{Lo: 0x00b9, Hi: 0x00b9, Stride: 1},
		{Lo: 0x1369, Hi: 0x1371, Stride: 1},
		{Lo: 0x19da, Hi: 0x19da, Stride: 1},
		{Lo: 0x2070, Hi: 0x2070, Stride: 1},
		{Lo: 0x2074, Hi: 0x2079, Stride: 1},
		{Lo: 0x2080, Hi: 0x2089, Stride: 1},
		{Lo: 0x2460, Hi: 0x2468, Stride: 1},
		{Lo: 0x2474, Hi: 0x247c, Stride: 1},
		{Lo: 0x2488, Hi: 0x2490, Stride: 1},
		{Lo: 0x24ea, Hi: 0x24ea, Stride: 1},
		{Lo: 0x24f5, Hi: 0x24fd, Stride: 1},
		{Lo: 0x24ff, Hi: 0x24ff, Stride: 1},
		{Lo: 0x2776, Hi: 0x277e, Stride: 1},
		{Lo: 0x2780, Hi: 0x2788, Stride: 1},
		{Lo: 0x278a, Hi: 0x2792, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x10a40, Hi: 0x10a43, Stride: 1},
		{Lo: 0x10e60, Hi: 0x10e68, Stride: 1},
		{Lo: 0x11052, Hi: 0x1105a, Stride: 1},
		{Lo: 0x1f100, Hi: 0x1f10a, Stride: 1},
	},
}

// pyIsDigit is Python's str.isdigit: not empty and only digits.
func pyIsDigit(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !unicode.Is(pyDigitsNotDecimal, r) {
			return false
		}
	}
	return true
}

// pySplitLines splits s at line boundaries as Python's str.splitlines().
func pySplitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			lines = append(lines, s[start:i])
			i += size
			if r == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			start = i
			continue
		}
		i += size
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// escape2null turns each backslash escape into a NUL marker followed by
// the escaped character, as docutils.utils.escape2null.
func escape2null(text string) string {
	if !strings.Contains(text, `\`) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			b.WriteByte(0)
			if i+1 < len(text) {
				i++
				b.WriteByte(text[i])
			}
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// splitEscapedWhitespace splits text at escaped white space (a NUL marker
// before a space or newline), as docutils.utils.split_escaped_whitespace.
func splitEscapedWhitespace(text string) []string {
	var out []string
	for _, s := range strings.Split(text, "\x00 ") {
		out = append(out, strings.Split(s, "\x00\n")...)
	}
	return out
}
