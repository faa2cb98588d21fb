package config

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// TOMLFile is the name of docbuild's own configuration file.
const TOMLFile = "docbuild.toml"

// tomlSections are the tables of docbuild.toml that group settings by
// prefix: key k in table [html] is the setting html_k. Any other table is
// the value of a dict setting ([extlinks], [html_theme_options]...).
var tomlSections = []string{
	"html", "myst", "intersphinx", "todo", "math", "mathjax", "autosectionlabel",
	"doctest", "viewcode", "latex", "epub", "man", "texinfo", "linkcheck",
	"gettext", "autodoc", "autosummary", "napoleon",
}

func isSection(name string) bool {
	for _, s := range tomlSections {
		if s == name {
			return true
		}
	}
	return false
}

// completePrefixes are the setting prefixes for which docbuild knows every
// Sphinx setting, so that an unknown name there is a typo worth reporting.
var completePrefixes = []string{"html_", "todo_", "intersphinx_", "numfig_", "extlinks_"}

// tomlDoc records where keys are in a TOML document, by dotted path, and in
// which order they appear; go-toml's decoder gives values but not these.
type tomlDoc struct {
	lines map[string]int
	order map[string]int
}

func pathKey(parts []string) string { return strings.Join(parts, "\x00") }

func scanTOML(data []byte) *tomlDoc {
	doc := &tomlDoc{lines: map[string]int{}, order: map[string]int{}}
	p := unstable.Parser{}
	p.Reset(data)
	var table []string
	record := func(parts []string, n *unstable.Node) {
		k := pathKey(parts)
		if _, ok := doc.lines[k]; !ok {
			doc.lines[k] = p.Shape(n.Raw).Start.Line
			doc.order[k] = len(doc.order)
		}
	}
	keyParts := func(it unstable.Iterator) ([]string, *unstable.Node) {
		var parts []string
		var first *unstable.Node
		for it.Next() {
			if first == nil {
				first = it.Node()
			}
			parts = append(parts, string(it.Node().Data))
		}
		return parts, first
	}
	var walk func(prefix []string, n *unstable.Node)
	walk = func(prefix []string, n *unstable.Node) {
		if n.Kind != unstable.InlineTable {
			return
		}
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			parts, first := keyParts(kv.Key())
			full := append(append([]string(nil), prefix...), parts...)
			for i := range parts {
				record(full[:len(prefix)+i+1], first)
			}
			walk(full, kv.Value())
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, first := keyParts(e.Key())
			table = parts
			if first != nil {
				for i := range parts {
					record(parts[:i+1], first)
				}
			}
		case unstable.KeyValue:
			parts, first := keyParts(e.Key())
			full := append(append([]string(nil), table...), parts...)
			if first != nil {
				for i := len(table); i < len(full); i++ {
					record(full[:i+1], first)
				}
			}
			walk(full, e.Value())
		}
	}
	return doc
}

func (d *tomlDoc) line(parts ...string) int { return d.lines[pathKey(parts)] }

// keysInOrder returns the keys of a decoded table in document order.
func (d *tomlDoc) keysInOrder(path []string, m map[string]any) []string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool {
		oi, ok1 := d.order[pathKey(append(append([]string(nil), path...), keys[i]))]
		oj, ok2 := d.order[pathKey(append(append([]string(nil), path...), keys[j]))]
		if ok1 != ok2 {
			return ok1
		}
		return oi < oj
	})
	return keys
}

// tomlError turns a go-toml error into one message naming the file and line,
// with what to do about it.
func tomlError(file string, data []byte, err error) error {
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return fmt.Errorf("%s: invalid TOML: %v", file, err)
	}
	line, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	hint := "fix the TOML syntax on that line (key = \"text\", numbers and true/false bare, lists in [ ], tables as [name])"
	lines := strings.Split(string(data), "\n")
	if line >= 1 && line <= len(lines) {
		text := strings.TrimSpace(lines[line-1])
		if key, value, ok := strings.Cut(text, "="); ok {
			if i := strings.IndexByte(value, '#'); i >= 0 {
				value = value[:i]
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			if bareWord(value) {
				hint = fmt.Sprintf("text must be quoted: %s = %s", key, tomlString(value))
			}
		}
	}
	return fmt.Errorf("%s:%d:%d: invalid TOML: %s; %s", file, line, col, msg, hint)
}

// bareWord reports whether s looks like text someone forgot to quote.
func bareWord(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], "\"'[{+-.0123456789") {
		return false
	}
	switch s {
	case "true", "false", "inf", "nan":
		return false
	}
	return !strings.ContainsAny(s, "\"'[]{}")
}

// FromTOML reads a docbuild.toml; see MAPPING.md for how its keys map to
// Sphinx settings. dir is the configuration directory and file the name used
// in messages. Invalid TOML, or a setting given twice, is an error; values of
// the wrong type are warnings.
func FromTOML(dir, file string, data []byte) (*Config, []Warning, error) {
	var top map[string]any
	if err := toml.Unmarshal(data, &top); err != nil {
		return nil, nil, tomlError(file, data, err)
	}
	doc := scanTOML(data)
	c := New(dir)
	c.File = file
	var warns []Warning
	warnAt := func(line int, text string) {
		warns = append(warns, Warning{File: file, Line: line, Kind: Warn, Text: text})
	}
	type entry struct {
		name string
		path []string
		v    any
	}
	var entries []entry
	where := map[string][]string{}
	for _, k := range doc.keysInOrder(nil, top) {
		v := top[k]
		if sub, ok := v.(map[string]any); ok && isSection(k) {
			for _, sk := range doc.keysInOrder([]string{k}, sub) {
				entries = append(entries, entry{k + "_" + sk, []string{k, sk}, sub[sk]})
			}
			continue
		}
		entries = append(entries, entry{k, []string{k}, v})
	}
	for _, e := range entries {
		line := doc.line(e.path...)
		if prev, dup := where[e.name]; dup {
			return nil, nil, fmt.Errorf("%s:%d: %s is set twice (also as %s on line %d); keep one of them",
				file, line, e.name, tomlPathText(prev), doc.line(prev...))
		}
		where[e.name] = e.path
		v, err := fromTOMLValue(doc, e.path, e.v, 0)
		if err != nil {
			warnAt(line, fmt.Sprintf("%s: %v; ignored", e.name, err))
			continue
		}
		if e.name == "tags" {
			tags, err := asStringList(v)
			if err != nil {
				warnAt(line, "tags must be a list of strings; ignored")
				continue
			}
			c.Tags = append(c.Tags, tags...)
			continue
		}
		v = tomlShape(e.name, v)
		if _, known := settings[e.name]; !known {
			for _, p := range completePrefixes {
				if strings.HasPrefix(e.name, p) {
					warnAt(line, fmt.Sprintf("unknown setting %s (%s); check its spelling", e.name, tomlPathText(e.path)))
				}
			}
		}
		c.set(e.name, v, line, func(text string) { warnAt(line, text) })
	}
	c.derive()
	return c, warns, nil
}

func tomlPathText(path []string) string {
	if len(path) == 2 {
		return fmt.Sprintf("[%s] %s", path[0], path[1])
	}
	return strings.Join(path, ".")
}

// fromTOMLValue converts a decoded TOML value into the value model; tables
// become *Dict in document order, dates their TOML text.
func fromTOMLValue(doc *tomlDoc, path []string, v any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	switch x := v.(type) {
	case string, bool, int64, float64:
		return x, nil
	case []any:
		out := make([]any, len(x))
		for i, it := range x {
			var err error
			if out[i], err = fromTOMLValue(doc, path, it, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case []map[string]any:
		out := make([]any, len(x))
		for i, it := range x {
			var err error
			if out[i], err = fromTOMLValue(doc, path, it, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		d := NewDict()
		for _, k := range doc.keysInOrder(path, x) {
			val, err := fromTOMLValue(doc, append(append([]string(nil), path...), k), x[k], depth+1)
			if err != nil {
				return nil, err
			}
			_ = d.Set(k, val)
		}
		return d, nil
	case time.Time:
		return x.Format(time.RFC3339Nano), nil
	case toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return fmt.Sprint(x), nil
	}
	return nil, fmt.Errorf("unsupported TOML value %T", v)
}

// tomlShape gives TOML values the shapes Sphinx expects where TOML lacks
// None and tuples: an extlinks entry of one string has no caption; an
// intersphinx entry may be just a URI, and "" as inventory means None.
func tomlShape(name string, v any) any {
	d, ok := v.(*Dict)
	if !ok {
		return v
	}
	switch name {
	case "extlinks":
		out := NewDict()
		d.Each(func(k, val any) {
			if l, ok := sequence(val); ok {
				t := Tuple(append([]any(nil), l...))
				if len(t) == 1 {
					t = append(t, nil)
				}
				val = t
			}
			_ = out.Set(k, val)
		})
		return out
	case "intersphinx_mapping":
		out := NewDict()
		d.Each(func(k, val any) {
			switch x := val.(type) {
			case string:
				val = Tuple{x, nil}
			case []any:
				t := Tuple(append([]any(nil), x...))
				if len(t) == 1 {
					t = append(t, nil)
				}
				if len(t) == 2 {
					t[1] = noneForEmpty(t[1])
				}
				val = t
			}
			_ = out.Set(k, val)
		})
		return out
	}
	return v
}

func noneForEmpty(v any) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case []any:
		t := make(Tuple, len(x))
		for i, it := range x {
			t[i] = noneForEmpty(it)
		}
		return t
	}
	return v
}

// WriteTOML writes the settings the configuration file and overrides set as
// a docbuild.toml, grouped into the tables of MAPPING.md; reading it back
// gives the same configuration. Values TOML cannot express (None inside a
// list, dicts with non-string keys, bytes) are left out with a comment.
func (c *Config) WriteTOML(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# docbuild configuration; see config/MAPPING.md for the keys.\n")
	type item struct {
		key   string
		value string // inline TOML, "" for a table
		table *Dict
	}
	var top []item
	var tables []item
	sections := map[string][]item{}
	var sectionOrder []string
	var skipped []string
	for _, name := range c.order {
		v, ok := c.Raw[name]
		if !ok {
			continue
		}
		v = tomlUnshape(name, v)
		if v == nil {
			continue // None is the absence of a key
		}
		if err := checkTOMLable(v, 0); err != nil {
			text := Repr(v)
			if len(text) > 200 {
				text = truncRunes(text, 200) + "..."
			}
			skipped = append(skipped, fmt.Sprintf("%s = %s (%v)", name, text, err))
			continue
		}
		if name == "tags" {
			continue // conf.py's tags object, not a setting; c.Tags is written below
		}
		if isSection(name) {
			skipped = append(skipped, fmt.Sprintf("%s (the name of a table of docbuild.toml)", name))
			continue
		}
		key := name
		section := ""
		if s, rest, ok := strings.Cut(name, "_"); ok && isSection(s) && rest != "" {
			section, key = s, rest
		}
		it := item{key: key}
		if d, ok := v.(*Dict); ok {
			it.table = d
		} else {
			it.value = tomlInline(v)
		}
		switch {
		case section != "":
			if _, seen := sections[section]; !seen {
				sectionOrder = append(sectionOrder, section)
			}
			sections[section] = append(sections[section], it)
		case it.table != nil:
			tables = append(tables, it)
		default:
			top = append(top, it)
		}
	}
	if len(c.Tags) > 0 {
		tags := make([]any, len(c.Tags))
		for i, t := range c.Tags {
			tags[i] = t
		}
		top = append(top, item{key: "tags", value: tomlInline(tags)})
	}
	for _, it := range top {
		fmt.Fprintf(&b, "%s = %s\n", tomlKey(it.key), it.value)
	}
	writeTable := func(header string, d *Dict) {
		fmt.Fprintf(&b, "\n[%s]\n", header)
		d.Each(func(k, val any) {
			fmt.Fprintf(&b, "%s = %s\n", tomlKey(k.(string)), tomlInline(val))
		})
	}
	for _, it := range tables {
		writeTable(tomlKey(it.key), it.table)
	}
	for _, s := range sectionOrder {
		var subtables []item
		header := false
		for _, it := range sections[s] {
			if it.table != nil {
				subtables = append(subtables, it)
				continue
			}
			if !header {
				fmt.Fprintf(&b, "\n[%s]\n", s)
				header = true
			}
			fmt.Fprintf(&b, "%s = %s\n", tomlKey(it.key), it.value)
		}
		for _, it := range subtables {
			writeTable(s+"."+tomlKey(it.key), it.table)
		}
	}
	if len(skipped) > 0 {
		b.WriteString("\n# Not expressible in TOML, left out:\n")
		for _, s := range skipped {
			b.WriteString("#   " + strings.ReplaceAll(s, "\n", `\n`) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tomlUnshape is the inverse of tomlShape: None captions and inventories
// get their TOML spelling.
func tomlUnshape(name string, v any) any {
	d, ok := v.(*Dict)
	if !ok {
		return v
	}
	switch name {
	case "source_suffix":
		out := NewDict()
		d.Each(func(k, val any) {
			if val == nil {
				val = ""
			}
			_ = out.Set(k, val)
		})
		return out
	case "extlinks":
		out := NewDict()
		d.Each(func(k, val any) {
			if l, ok := sequence(val); ok && len(l) == 2 && l[1] == nil {
				val = []any{l[0]}
			}
			_ = out.Set(k, val)
		})
		return out
	case "intersphinx_mapping":
		out := NewDict()
		d.Each(func(k, val any) {
			if l, ok := sequence(val); ok && len(l) == 2 {
				inv := l[1]
				if invs, ok := sequence(inv); ok {
					items := make([]any, len(invs))
					for i, it := range invs {
						if it == nil {
							it = ""
						}
						items[i] = it
					}
					inv = items
				}
				if inv == nil {
					val = []any{l[0]}
				} else {
					val = []any{l[0], inv}
				}
			} else if val == nil {
				// Old format: URI -> None.
				val = ""
			}
			_ = out.Set(k, val)
		})
		return out
	}
	return v
}

// checkTOMLable reports why v cannot be written as TOML: None, bytes,
// non-string keys, a value that contains itself, or one whose text would
// be unreasonably large (shared sub-values make it exponential).
func checkTOMLable(v any, depth int) error {
	tc := tomlCheck{sizes: map[any]int{}}
	_, err := tc.check(v, depth)
	return err
}

type tomlCheck struct {
	sizes map[any]int // by container identity: estimated text size
	path  []any
}

func (tc *tomlCheck) check(v any, depth int) (int, error) {
	if depth > maxDepth {
		return 0, errTooDeep
	}
	switch x := v.(type) {
	case nil:
		return 0, errors.New("None has no TOML form")
	case Bytes:
		return 0, errors.New("bytes have no TOML form")
	case string:
		return len(x) + 2, nil
	case bool, int64, float64:
		return 8, nil
	case []any, Tuple, *Set, *Dict:
	default:
		return 0, fmt.Errorf("%s has no TOML form", TypeName(v))
	}
	var id any
	switch x := v.(type) {
	case Tuple:
		if len(x) > 0 {
			id = &x[0]
		}
	default:
		id = identity(v)
	}
	if id != nil {
		for _, p := range tc.path {
			if p == id {
				return 0, errors.New("the value contains itself")
			}
		}
		if n, ok := tc.sizes[id]; ok {
			return n, nil
		}
		tc.path = append(tc.path, id)
		defer func() { tc.path = tc.path[:len(tc.path)-1] }()
	}
	size := 2
	add := func(n int, err error) error {
		if err != nil {
			return err
		}
		size += n + 2
		if size > maxRepr {
			return errTooLarge
		}
		return nil
	}
	if d, ok := v.(*Dict); ok {
		var err error
		d.Each(func(k, val any) {
			if err != nil {
				return
			}
			ks, ok := k.(string)
			if !ok {
				err = fmt.Errorf("key %s is not a string", Repr(k))
				return
			}
			if err = add(len(ks)+3, nil); err == nil {
				err = add(tc.check(val, depth+1))
			}
		})
		if err != nil {
			return 0, err
		}
	} else {
		items, _ := iterate(v)
		for _, it := range items {
			if err := add(tc.check(it, depth+1)); err != nil {
				return 0, err
			}
		}
	}
	if id != nil {
		tc.sizes[id] = size
	}
	return size, nil
}

// tomlInline renders a value checked by checkTOMLable as inline TOML.
func tomlInline(v any) string {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		switch {
		case math.IsInf(x, 1):
			return "inf"
		case math.IsInf(x, -1):
			return "-inf"
		case math.IsNaN(x):
			return "nan"
		}
		return floatRepr(x)
	case []any, Tuple, *Set:
		items, _ := iterate(x)
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = tomlInline(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Dict:
		var parts []string
		x.Each(func(k, val any) {
			parts = append(parts, tomlKey(k.(string))+" = "+tomlInline(val))
		})
		if len(parts) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return `""`
}

// tomlKey quotes a key unless it is a bare key.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, c := range []byte(k) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return tomlString(k)
		}
	}
	return k
}

// tomlString renders s as a basic string, multi-line when it has newlines so
// that rst_prolog and the like stay readable.
func tomlString(s string) string {
	multi := strings.Contains(s, "\n")
	var b strings.Builder
	if multi {
		b.WriteString("\"\"\"\n")
	} else {
		b.WriteByte('"')
	}
	quotes := 0
	for _, r := range s {
		if r == '"' {
			quotes++
		} else {
			quotes = 0
		}
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"' && (!multi || quotes >= 3):
			b.WriteString(`\"`)
			quotes = 0
		case r == '\n' && multi:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		if quotes > 0 {
			// A quote right before the closing delimiter must be escaped.
			str := b.String()
			b.Reset()
			b.WriteString(str[:len(str)-quotes])
			b.WriteString(strings.Repeat(`\"`, quotes))
		}
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
