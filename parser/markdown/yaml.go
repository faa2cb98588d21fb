package markdown

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/docbuild/docbuild/doctree"
	"gopkg.in/yaml.v3"
)

// MyST reads front matter and directive options with PyYAML's safe_load,
// which follows YAML 1.1: "yes" is true, "010" is octal, "2020-01-01" is a
// date. yaml.v3 parses the text; the scalars are then resolved here with
// PyYAML's rules, into values that print as Python prints them.

// yamlMap is a YAML mapping with its keys in document order (a Python
// dict).
type yamlMap struct {
	Keys []any
	Vals []any
}

// Get returns the value of a string key.
func (m *yamlMap) Get(key string) (any, bool) {
	for i, k := range m.Keys {
		if s, ok := k.(string); ok && s == key {
			return m.Vals[i], true
		}
	}
	return nil, false
}

func (m *yamlMap) set(k, v any) {
	for i, old := range m.Keys {
		if old == k {
			m.Vals[i] = v
			return
		}
	}
	m.Keys = append(m.Keys, k)
	m.Vals = append(m.Vals, v)
}

// pyDate is a datetime.date; pyDateTime a datetime.datetime, kept as the
// text Python's str() gives.
type pyDate struct{ Y, M, D int }

type pyDateTime struct{ S string }

var (
	yamlBool  = regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	yamlFloat = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	yamlInt   = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yamlNull  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	yamlTime  = regexp.MustCompile(`^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$`)
	yamlDate  = regexp.MustCompile(`^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$`)
)

// yamlLoad parses text as PyYAML's safe_load does; an empty document is
// nil.
func yamlLoad(text string) (v any, err error) {
	if m, ok := simpleYAMLMap(text); ok {
		return m, nil
	}
	return yamlParse(text)
}

// yamlParse is yamlLoad by yaml.v3, for any text.
func yamlParse(text string) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(text), &n); err != nil {
		return nil, err
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return nil, nil
	}
	return convertYAML(n.Content[0], 0)
}

func convertYAML(n *yaml.Node, depth int) (any, error) {
	if depth > 200 {
		return nil, fmt.Errorf("YAML nested too deeply")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return convertYAML(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, fmt.Errorf("unknown alias")
		}
		return convertYAML(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := convertYAML(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		m := &yamlMap{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := convertYAML(n.Content[i], depth+1)
			if err != nil {
				return nil, err
			}
			switch k.(type) {
			case []any, *yamlMap:
				return nil, fmt.Errorf("found unhashable key")
			}
			v, err := convertYAML(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m.set(k, v)
		}
		return m, nil
	case yaml.ScalarNode:
		return yamlScalar(n), nil
	}
	return nil, nil
}

func yamlScalar(n *yaml.Node) any {
	tag := ""
	if n.Style&yaml.TaggedStyle != 0 {
		tag = n.ShortTag()
	} else if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n.Value
	}
	if tag == "" {
		return resolvePlain(n.Value)
	}
	return resolveTagged(n.Value, tag)
}

// resolvePlain resolves a plain scalar's type with PyYAML's implicit
// resolvers.
func resolvePlain(s string) any {
	if s != "" {
		// Every implicit type but str starts with one of these.
		switch c := s[0]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == '~':
		case strings.IndexByte("yYnNtTfFoO", c) >= 0:
		default:
			return s
		}
	}
	switch {
	case yamlBool.MatchString(s):
		return resolveTagged(s, "!!bool")
	case yamlInt.MatchString(s):
		return resolveTagged(s, "!!int")
	case yamlFloat.MatchString(s):
		return resolveTagged(s, "!!float")
	case yamlNull.MatchString(s):
		return nil
	case yamlTime.MatchString(s) && (yamlDate.MatchString(s) || strings.ContainsAny(s, ":")):
		return resolveTagged(s, "!!timestamp")
	}
	return s
}

// resolveTagged converts a scalar of a known tag.
func resolveTagged(s, tag string) any {
	switch tag {
	case "!!bool":
		switch strings.ToLower(s) {
		case "yes", "true", "on":
			return true
		}
		return false
	case "!!int":
		if v, ok := pyYAMLInt(s); ok {
			return v
		}
		return s
	case "!!float":
		return pyYAMLFloat(s)
	case "!!null":
		return nil
	case "!!timestamp":
		return pyYAMLTime(s)
	}
	return s
}

func pyYAMLInt(s string) (int, bool) {
	v := strings.ReplaceAll(s, "_", "")
	sign := 1
	if strings.HasPrefix(v, "-") {
		sign = -1
	}
	v = strings.TrimLeft(v, "+-")
	var n int64
	var err error
	switch {
	case v == "0":
		return 0, true
	case strings.HasPrefix(v, "0b"):
		n, err = strconv.ParseInt(v[2:], 2, 64)
	case strings.HasPrefix(v, "0x"):
		n, err = strconv.ParseInt(v[2:], 16, 64)
	case strings.HasPrefix(v, "0"):
		n, err = strconv.ParseInt(v, 8, 64)
	case strings.Contains(v, ":"):
		for _, part := range strings.Split(v, ":") {
			d, e := strconv.ParseInt(part, 10, 64)
			if e != nil {
				return 0, false
			}
			n = n*60 + d
		}
	default:
		n, err = strconv.ParseInt(v, 10, 64)
	}
	if err != nil {
		return 0, false
	}
	return sign * int(n), true
}

func pyYAMLFloat(s string) float64 {
	v := strings.ToLower(strings.ReplaceAll(s, "_", ""))
	sign := 1.0
	if strings.HasPrefix(v, "-") {
		sign = -1
	}
	v = strings.TrimLeft(v, "+-")
	switch {
	case v == ".inf":
		return sign * math.Inf(1)
	case v == ".nan":
		return math.NaN()
	case strings.Contains(v, ":"):
		f := 0.0
		for _, part := range strings.Split(v, ":") {
			d, _ := strconv.ParseFloat(part, 64)
			f = f*60 + d
		}
		return sign * f
	}
	f, _ := strconv.ParseFloat(v, 64)
	return sign * f
}

func pyYAMLTime(s string) any {
	m := yamlTime.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if m[4] == "" {
		return pyDate{y, mo, d}
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	se, _ := strconv.Atoi(m[6])
	out := fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se)
	if frac := m[7]; frac != "" {
		if len(frac) > 6 {
			frac = frac[:6]
		}
		frac += strings.Repeat("0", 6-len(frac))
		if frac != "000000" {
			out += "." + frac
		}
	}
	if m[8] == "Z" {
		out += "+00:00"
	} else if m[8] != "" {
		th, _ := strconv.Atoi(m[10])
		tm := 0
		if m[11] != "" {
			tm, _ = strconv.Atoi(m[11])
		}
		out += fmt.Sprintf("%s%02d:%02d", m[9], th, tm)
	}
	return pyDateTime{out}
}

// pyStr renders a YAML value as Python's str().
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case pyDate:
		return fmt.Sprintf("%04d-%02d-%02d", x.Y, x.M, x.D)
	case pyDateTime:
		return x.S
	case float64:
		return pyFloatRepr(x)
	case nil, bool, int:
		return doctree.FormatValue(x)
	}
	return pyRepr(v)
}

func pyFloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return doctree.PyFloat(f)
}

// pyRepr renders a YAML value as Python's repr().
func pyRepr(v any) string {
	switch x := v.(type) {
	case string:
		return doctree.PyStrRepr(x)
	case pyDate:
		return fmt.Sprintf("datetime.date(%d, %d, %d)", x.Y, x.M, x.D)
	case pyDateTime:
		return "datetime.datetime(" + x.S + ")"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *yamlMap:
		parts := make([]string, len(x.Keys))
		for i, k := range x.Keys {
			parts[i] = pyRepr(k) + ": " + pyRepr(x.Vals[i])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return pyStr(v)
}

// jsonDumps renders a YAML value as Python's json.dumps with its default
// settings (ASCII output, ", " and ": " separators).
func jsonDumps(v any) string {
	var b strings.Builder
	writeJSON(&b, v)
	return b.String()
}

func writeJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int:
		b.WriteString(strconv.Itoa(x))
	case float64:
		switch {
		case math.IsInf(x, 1):
			b.WriteString("Infinity")
		case math.IsInf(x, -1):
			b.WriteString("-Infinity")
		case math.IsNaN(x):
			b.WriteString("NaN")
		default:
			b.WriteString(doctree.PyFloat(x))
		}
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSON(b, e)
		}
		b.WriteByte(']')
	case *yamlMap:
		b.WriteByte('{')
		for i, k := range x.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			var ks string
			switch kk := k.(type) {
			case string:
				ks = kk
			case nil:
				ks = "null"
			case bool:
				ks = strconv.FormatBool(kk)
			case float64:
				var kb strings.Builder
				writeJSON(&kb, kk)
				ks = kb.String()
			default:
				ks = pyStr(k)
			}
			writeJSONString(b, ks)
			b.WriteString(": ")
			writeJSON(b, x.Vals[i])
		}
		b.WriteByte('}')
	default:
		writeJSONString(b, pyStr(v))
	}
}

func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (r >= 0x7f && r < 0x10000):
				if r < 0x7f {
					fmt.Fprintf(b, `\u%04x`, r)
				} else {
					fmt.Fprintf(b, `\u%04x`, r)
				}
			case r >= 0x10000:
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// simpleYAMLMap reads the common case of directive options, lines of
// "key: value" with plain ASCII scalars, without a YAML parser; ok is
// false for anything else, which yaml.v3 then reads.
func simpleYAMLMap(text string) (m *yamlMap, ok bool) {
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 || !simpleYAMLKey(line[:colon]) {
			return nil, false
		}
		value := line[colon+1:]
		if value != "" && value[0] != ' ' {
			return nil, false
		}
		value = strings.Trim(value, " ")
		if !simpleYAMLValue(value) {
			return nil, false
		}
		if m == nil {
			m = &yamlMap{}
		}
		key := resolvePlain(line[:colon])
		for _, k := range m.Keys {
			if k == key {
				// a repeated key: left to the parser
				return nil, false
			}
		}
		m.Keys = append(m.Keys, key)
		m.Vals = append(m.Vals, resolvePlain(value))
	}
	return m, m != nil
}

func simpleYAMLKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

// simpleYAMLValue reports whether v (trimmed) is read by YAML as a plain
// scalar of the same text: printable ASCII, no comment, no mapping
// indicator, and no start that makes it something else.
func simpleYAMLValue(v string) bool {
	if v == "" {
		return true
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c > 0x7e || c == '#' {
			return false
		}
	}
	if strings.Contains(v, ": ") || v[len(v)-1] == ':' {
		return false
	}
	switch v[0] {
	case ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-', '?', ':':
		return len(v) > 1 && v[1] != ' '
	}
	return true
}
