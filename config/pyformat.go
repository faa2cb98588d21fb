package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxWidth bounds field widths and precisions in format strings; Python
// accepts huge ones, docbuild refuses rather than allocate.
const maxWidth = 1 << 16

// percentFormat is Python's str % args (printf-style formatting).
func percentFormat(format string, args any) (string, error) {
	var positional []any
	var mapping any
	switch a := args.(type) {
	case Tuple:
		positional = a
	case *Dict, []any:
		// Python treats any mapping-like right operand (list included)
		// as "the whole object", never complaining about leftovers.
		positional = []any{a}
		mapping = a
	default:
		positional = []any{a}
	}
	argi := 0
	next := func() (any, error) {
		if argi >= len(positional) {
			return nil, errors.New("not enough arguments for format string")
		}
		argi++
		return positional[argi-1], nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", errors.New("incomplete format")
		}
		var arg any
		haveArg := false
		if format[i] == '(' {
			d, ok := mapping.(*Dict)
			if !ok {
				return "", errors.New("format requires a mapping")
			}
			depth := 1
			j := i + 1
			for ; j < len(format) && depth > 0; j++ {
				switch format[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return "", errors.New("incomplete format key")
			}
			key := format[i+1 : j-1]
			v, ok := d.Get(key)
			if !ok {
				return "", fmt.Errorf("KeyError: %s", strRepr(key))
			}
			arg, haveArg = v, true
			i = j
		}
		var spec fmtSpec
		spec.fill = ' '
		spec.precision = -1
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				spec.align = '<'
			case '+':
				spec.sign = '+'
			case ' ':
				if spec.sign != '+' {
					spec.sign = ' '
				}
			case '#':
				spec.alt = true
			case '0':
				spec.zero = true
			default:
				break flags
			}
		}
		readNum := func() (int, error) {
			if i < len(format) && format[i] == '*' {
				i++
				v, err := next()
				if err != nil {
					return 0, err
				}
				n, ok := integer(v)
				if !ok {
					return 0, errors.New("* wants int")
				}
				if n > maxWidth || n < -maxWidth {
					return 0, errTooLong
				}
				return int(n), nil
			}
			n := 0
			for i < len(format) && isDigit(format[i]) {
				n = n*10 + int(format[i]-'0')
				if n > maxWidth {
					return 0, errTooLong
				}
				i++
			}
			return n, nil
		}
		w, err := readNum()
		if err != nil {
			return "", err
		}
		if w < 0 {
			spec.align, w = '<', -w
		}
		spec.width = w
		if i < len(format) && format[i] == '.' {
			i++
			p, err := readNum()
			if err != nil {
				return "", err
			}
			spec.precision = max(p, 0)
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return "", errors.New("incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if !haveArg {
			if arg, err = next(); err != nil {
				return "", err
			}
		}
		s, err := percentOne(conv, arg, spec, i)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		if b.Len() > maxStrLen {
			return "", errTooLong
		}
	}
	if argi < len(positional) && mapping == nil {
		return "", errors.New("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// percentOne formats one % conversion.
func percentOne(conv byte, arg any, spec fmtSpec, at int) (string, error) {
	if spec.align == '<' {
		spec.zero = false
	}
	if spec.align == 0 {
		spec.align = '>'
	}
	var body string
	switch conv {
	case 's', 'r', 'a':
		var err error
		switch conv {
		case 's':
			body, err = strChecked(arg)
		case 'r':
			body, err = reprChecked(arg)
		default:
			body, err = asciiRepr(arg)
		}
		if err != nil {
			return "", err
		}
		if spec.precision >= 0 {
			body = truncRunes(body, spec.precision)
		}
		spec.zero = false
		return pad(body, spec), nil
	case 'c':
		switch x := arg.(type) {
		case string:
			if utf8.RuneCountInString(x) != 1 {
				return "", errors.New("%c requires int or char")
			}
			body = x
		default:
			n, ok := integer(arg)
			if !ok || n < 0 || n > 0x10FFFF {
				return "", errors.New("%c requires int or char")
			}
			body = string(rune(n))
		}
		spec.zero = false
		return pad(body, spec), nil
	case 'd', 'i', 'u':
		n, ok := integer(arg)
		if !ok {
			f, isFloat := arg.(float64)
			if !isFloat {
				return "", fmt.Errorf("%%%c format: a real number is required, not %s", conv, TypeName(arg))
			}
			if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1<<63 {
				return "", errIntTooLarge
			}
			n = int64(f)
		}
		return formatIntPercent(n, 10, false, spec), nil
	case 'o', 'x', 'X':
		n, ok := integer(arg)
		if !ok {
			return "", fmt.Errorf("%%%c format: an integer is required, not %s", conv, TypeName(arg))
		}
		base := map[byte]int{'o': 8, 'x': 16, 'X': 16}[conv]
		return formatIntPercent(n, base, conv == 'X', spec), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := number(arg)
		if !ok {
			return "", fmt.Errorf("must be real number, not %s", TypeName(arg))
		}
		if spec.precision < 0 {
			spec.precision = 6
		}
		spec.kind = conv
		return formatFloat(f, spec), nil
	}
	return "", fmt.Errorf("unsupported format character '%c' (0x%x) at index %d", conv, conv, at)
}

func formatIntPercent(n int64, base int, upper bool, spec fmtSpec) string {
	neg := n < 0
	digits := strconv.FormatUint(uint64(absInt(n)), base)
	if n == math.MinInt64 {
		digits = strconv.FormatUint(1<<63, base)
	}
	if upper {
		digits = strings.ToUpper(digits)
	}
	if spec.precision > len(digits) {
		digits = strings.Repeat("0", spec.precision-len(digits)) + digits
	}
	prefix := signOf(neg, spec.sign)
	if spec.alt {
		switch base {
		case 8:
			prefix += "0o"
		case 16:
			if upper {
				prefix += "0X"
			} else {
				prefix += "0x"
			}
		}
	}
	return padNumber(prefix, digits, spec)
}

func signOf(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

// fmtSpec is a parsed format specification, shared by % formatting and the
// format() mini-language.
type fmtSpec struct {
	fill      rune
	align     byte // '<', '>', '^', '=' or 0
	sign      byte // '+', '-', ' ' or 0
	alt       bool
	zero      bool
	width     int
	grouping  byte // ',' or '_' or 0
	precision int  // -1 when absent
	kind      byte // type character or 0
}

// pad applies width, fill and alignment to text that has no sign.
func pad(s string, spec fmtSpec) string {
	n := utf8.RuneCountInString(s)
	if n >= spec.width {
		return s
	}
	gap := spec.width - n
	fill := string(spec.fill)
	switch spec.align {
	case '<':
		return s + strings.Repeat(fill, gap)
	case '^':
		left := gap / 2
		return strings.Repeat(fill, left) + s + strings.Repeat(fill, gap-left)
	}
	return strings.Repeat(fill, gap) + s
}

// padNumber pads a number made of prefix (sign, base marker) and digits;
// zero padding and '=' alignment go between the two.
func padNumber(prefix, digits string, spec fmtSpec) string {
	if spec.zero && spec.align != '<' && spec.align != '^' {
		n := utf8.RuneCountInString(prefix) + utf8.RuneCountInString(digits)
		if n < spec.width {
			digits = strings.Repeat("0", spec.width-n) + digits
		}
		return prefix + digits
	}
	if spec.align == '=' {
		n := utf8.RuneCountInString(prefix) + utf8.RuneCountInString(digits)
		if n < spec.width {
			digits = strings.Repeat(string(spec.fill), spec.width-n) + digits
		}
		return prefix + digits
	}
	return pad(prefix+digits, spec)
}

func truncRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// formatFloat renders f for the e, f, g conversions (and their upper-case
// forms), with spec.precision set.
func formatFloat(f float64, spec fmtSpec) string {
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	var digits string
	upper := spec.kind == 'E' || spec.kind == 'F' || spec.kind == 'G'
	switch {
	case math.IsInf(a, 0):
		digits = "inf"
	case math.IsNaN(a):
		digits = "nan"
	default:
		switch spec.kind {
		case 'e', 'E':
			digits = strconv.FormatFloat(a, 'e', spec.precision, 64)
		case 'f', 'F', '%':
			digits = strconv.FormatFloat(a, 'f', spec.precision, 64)
		default: // g, G
			p := spec.precision
			if p == 0 {
				p = 1
			}
			digits = formatG(a, p, spec.alt)
		}
		if spec.alt && !strings.Contains(digits, ".") {
			if i := strings.IndexAny(digits, "e"); i >= 0 {
				digits = digits[:i] + "." + digits[i:]
			} else {
				digits += "."
			}
		}
	}
	if upper {
		digits = strings.ToUpper(digits)
	}
	if spec.grouping != 0 {
		digits = group(digits, spec.grouping)
	}
	if spec.kind == '%' {
		digits += "%"
	}
	if spec.align == 0 {
		spec.align = '>'
	}
	return padNumber(signOf(neg, spec.sign), digits, spec)
}

// formatG is C's %g: exponent notation when the exponent is < -4 or >= the
// precision, trailing zeros removed unless alt is set.
func formatG(a float64, p int, alt bool) string {
	e := strconv.FormatFloat(a, 'e', p-1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	if exp < -4 || exp >= p {
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return mant + "e" + expText[:1] + fmt.Sprintf("%02d", absInt(int64(exp)))
	}
	s := strconv.FormatFloat(a, 'f', max(p-1-exp, 0), 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// group inserts thousands separators into the integer part of digits.
func group(digits string, sep byte) string {
	end := strings.IndexAny(digits, ".e")
	if end < 0 {
		end = len(digits)
	}
	intPart := digits[:end]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteRune(c)
	}
	return b.String() + digits[end:]
}

// parseSpec parses the format() mini-language:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
func parseSpec(s string) (fmtSpec, error) {
	spec := fmtSpec{fill: ' ', precision: -1}
	bad := fmt.Errorf("Invalid format specifier '%s'", s)
	rs := []rune(s)
	i := 0
	isAlign := func(r rune) bool { return r == '<' || r == '>' || r == '^' || r == '=' }
	if len(rs) >= 2 && isAlign(rs[1]) {
		spec.fill, spec.align = rs[0], byte(rs[1])
		i = 2
	} else if len(rs) >= 1 && isAlign(rs[0]) {
		spec.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		spec.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		spec.alt = true
		i++
	}
	if i < len(rs) && rs[i] == '0' {
		if spec.align == 0 {
			spec.zero = true
		} else if spec.fill == ' ' && i < 2 {
			spec.fill = '0'
		}
		i++
	}
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		spec.width = spec.width*10 + int(rs[i]-'0')
		if spec.width > maxWidth {
			return spec, errTooLong
		}
		i++
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		spec.grouping = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		if i >= len(rs) || rs[i] < '0' || rs[i] > '9' {
			return spec, errors.New("Format specifier missing precision")
		}
		spec.precision = 0
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			spec.precision = spec.precision*10 + int(rs[i]-'0')
			if spec.precision > maxWidth {
				return spec, errTooLong
			}
			i++
		}
	}
	if i < len(rs) {
		if rs[i] > 0x7f || i+1 != len(rs) {
			return spec, bad
		}
		spec.kind = byte(rs[i])
	}
	return spec, nil
}

// formatValue is Python's format(v, spec) for the value model.
func formatValue(v any, specText string) (string, error) {
	if specText == "" {
		return strChecked(v)
	}
	spec, err := parseSpec(specText)
	if err != nil {
		return "", err
	}
	unknown := func() error {
		return fmt.Errorf("Unknown format code '%c' for object of type '%s'", spec.kind, TypeName(v))
	}
	switch x := v.(type) {
	case string:
		if spec.kind != 0 && spec.kind != 's' {
			return "", unknown()
		}
		if spec.sign != 0 || spec.alt || spec.grouping != 0 {
			return "", errors.New("Sign not allowed in string format specifier")
		}
		if spec.align == '=' {
			return "", errors.New("'=' alignment not allowed in string format specifier")
		}
		if spec.precision >= 0 {
			x = truncRunes(x, spec.precision)
		}
		if spec.align == 0 {
			spec.align = '<'
		}
		return pad(x, spec), nil
	case bool, int64:
		n, _ := integer(x)
		switch spec.kind {
		case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			return formatValue(float64(n), specText)
		default:
			return "", unknown()
		}
		if spec.precision >= 0 {
			return "", errors.New("Precision not allowed in integer format specifier")
		}
		if spec.align == 0 {
			spec.align = '>'
		}
		if spec.kind == 'c' {
			if n < 0 || n > 0x10FFFF {
				return "", errors.New("%c arg not in range(0x110000)")
			}
			return pad(string(rune(n)), spec), nil
		}
		base := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'X': 16}[spec.kind]
		if base == 0 {
			base = 10
		}
		digits := strconv.FormatUint(uint64(absInt(n)), base)
		if n == math.MinInt64 {
			digits = strconv.FormatUint(1<<63, base)
		}
		if spec.kind == 'X' {
			digits = strings.ToUpper(digits)
		}
		if spec.grouping != 0 {
			if base != 10 {
				return "", fmt.Errorf("grouping in base %d: %w", base, errUnsupported)
			}
			digits = group(digits, spec.grouping)
		}
		prefix := signOf(n < 0, spec.sign)
		if spec.alt {
			prefix += map[byte]string{'b': "0b", 'o': "0o", 'x': "0x", 'X': "0X"}[spec.kind]
		}
		return padNumber(prefix, digits, spec), nil
	case float64:
		switch spec.kind {
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			if spec.precision < 0 {
				spec.precision = 6
			}
			if spec.kind == '%' {
				x *= 100
			}
			return formatFloat(x, spec), nil
		case 0, 'n':
			if spec.precision < 0 {
				body := floatRepr(math.Abs(x))
				if spec.grouping != 0 {
					body = group(body, spec.grouping)
				}
				if spec.align == 0 {
					spec.align = '>'
				}
				return padNumber(signOf(math.Signbit(x) && !math.IsNaN(x), spec.sign), body, spec), nil
			}
			spec.kind = 'g'
			out := formatFloat(x, spec)
			if !strings.ContainsAny(out, ".en") {
				// Python's default float format keeps a decimal digit.
				out = strings.TrimRight(out, " ") + ".0"
			}
			return out, nil
		}
		return "", unknown()
	case nil, []any, Tuple, *Dict, *Set, Bytes:
		return "", fmt.Errorf("unsupported format string passed to %s.__format__", TypeName(v))
	}
	return "", fmt.Errorf("format %T: %w", v, errUnsupported)
}

// strFormat is Python's str.format.
func strFormat(format string, args []any, kwargs map[string]any) (string, error) {
	auto := 0
	mode := 0 // 0 unknown, 1 automatic, 2 manual
	var resolve func(field string) (any, error)
	resolve = func(field string) (any, error) {
		name := field
		rest := ""
		if i := strings.IndexAny(field, ".["); i >= 0 {
			name, rest = field[:i], field[i:]
		}
		var v any
		switch {
		case name == "":
			if mode == 2 {
				return nil, errors.New("cannot switch from manual field specification to automatic field numbering")
			}
			mode = 1
			if auto >= len(args) {
				return nil, fmt.Errorf("Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		case allDigits(name):
			if mode == 1 {
				return nil, errors.New("cannot switch from automatic field numbering to manual field specification")
			}
			mode = 2
			n, err := strconv.Atoi(name)
			if err != nil || n >= len(args) {
				return nil, fmt.Errorf("Replacement index %s out of range for positional args tuple", name)
			}
			v = args[n]
		default:
			var ok bool
			if v, ok = kwargs[name]; !ok {
				return nil, fmt.Errorf("KeyError: %s", strRepr(name))
			}
		}
		for rest != "" {
			if rest[0] == '.' {
				return nil, fmt.Errorf("attribute in format field: %w", errUnsupported)
			}
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, errors.New("Missing ']' in format string")
			}
			key := rest[1:end]
			var k any = key
			if allDigits(key) && key != "" {
				n, err := strconv.ParseInt(key, 10, 64)
				if err != nil {
					return nil, errIntTooLarge
				}
				k = n
			}
			var err error
			if v, err = index(v, k); err != nil {
				return nil, err
			}
			rest = rest[end+1:]
		}
		return v, nil
	}
	var render func(s string, depth int) (string, error)
	render = func(s string, depth int) (string, error) {
		if depth > 2 {
			return "", errors.New("Max string recursion exceeded")
		}
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '{' && i+1 < len(s) && s[i+1] == '{':
				b.WriteByte('{')
				i++
			case c == '}' && i+1 < len(s) && s[i+1] == '}':
				b.WriteByte('}')
				i++
			case c == '}':
				return "", errors.New("Single '}' encountered in format string")
			case c == '{':
				// Find the matching '}' allowing nested fields in the spec.
				j, nest := i+1, 0
				for ; j < len(s); j++ {
					if s[j] == '[' {
						if k := strings.IndexByte(s[j:], ']'); k >= 0 {
							j += k
							continue
						}
					}
					if s[j] == '{' {
						nest++
					} else if s[j] == '}' {
						if nest == 0 {
							break
						}
						nest--
					}
				}
				if j >= len(s) {
					return "", errors.New("expected '}' before end of string")
				}
				field := s[i+1 : j]
				i = j
				spec := ""
				conv := byte(0)
				if k := strings.IndexByte(field, ':'); k >= 0 && !strings.Contains(field[:k], "[") || k >= 0 && strings.LastIndexByte(field[:k], ']') > strings.LastIndexByte(field[:k], '[') {
					field, spec = field[:k], field[k+1:]
				}
				if k := strings.IndexByte(field, '!'); k >= 0 {
					if k+2 != len(field) {
						return "", errors.New("expected ':' after conversion specifier")
					}
					conv = field[k+1]
					field = field[:k]
				}
				v, err := resolve(field)
				if err != nil {
					return "", err
				}
				switch conv {
				case 0:
				case 'r':
					v, err = reprChecked(v)
				case 's':
					v, err = strChecked(v)
				case 'a':
					v, err = asciiRepr(v)
				default:
					return "", fmt.Errorf("Unknown conversion specifier %c", conv)
				}
				if err != nil {
					return "", err
				}
				if strings.Contains(spec, "{") {
					if spec, err = render(spec, depth+1); err != nil {
						return "", err
					}
				}
				out, err := formatValue(v, spec)
				if err != nil {
					return "", err
				}
				b.WriteString(out)
				if b.Len() > maxStrLen {
					return "", errTooLong
				}
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), nil
	}
	return render(format, 0)
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
