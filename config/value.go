package config

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Values read from conf.py, docbuild.toml and overrides share one model, so
// that extensions reading Config.Raw see the same shapes whichever file the
// project uses. A value is one of:
//
//	nil        Python None
//	bool       True, False
//	int64      int (values outside int64 are not supported)
//	float64    float
//	string     str
//	Bytes      bytes
//	[]any      list
//	Tuple      tuple
//	*Dict      dict (insertion-ordered, any hashable keys)
//	*Set       set, frozenset
//
// Lists are shared between names the way Python shares them, except that
// growing a list (+=, append) gives the growing name a fresh list: the
// aliasing of grown lists is not tracked, which no real conf.py relies on.

// Tuple is a Python tuple; it is a distinct type so that values keep the
// list/tuple distinction Sphinx sometimes checks (extlinks, intersphinx).
type Tuple []any

// Bytes is a Python bytes value; it exists so that b” literals are not
// mistaken for str, which Python refuses to mix with them.
type Bytes string

// Dict is a Python dict. It keeps insertion order (as Python 3.7+ does), and
// accepts any hashable key: keys are compared the Python way (1, 1.0 and True
// are the same key).
type Dict struct {
	keys   []any
	values []any
	index  map[string]int
}

// NewDict returns an empty Dict ready for Set.
func NewDict() *Dict { return &Dict{index: map[string]int{}} }

// Len reports the number of entries.
func (d *Dict) Len() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// Keys returns the keys in insertion order; the slice is a copy.
func (d *Dict) Keys() []any {
	if d == nil {
		return nil
	}
	return append([]any(nil), d.keys...)
}

// Get returns the value stored under key, compared the Python way.
func (d *Dict) Get(key any) (any, bool) {
	if d == nil {
		return nil, false
	}
	h, err := hashKey(key)
	if err != nil {
		return nil, false
	}
	i, ok := d.index[h]
	if !ok {
		return nil, false
	}
	return d.values[i], true
}

// Set stores value under key, keeping the position of an existing key as
// Python does. It fails only for unhashable keys (lists, dicts, sets).
func (d *Dict) Set(key, value any) error {
	h, err := hashKey(key)
	if err != nil {
		return err
	}
	if d.index == nil {
		d.index = map[string]int{}
	}
	if i, ok := d.index[h]; ok {
		d.values[i] = value
		return nil
	}
	d.index[h] = len(d.keys)
	d.keys = append(d.keys, key)
	d.values = append(d.values, value)
	return nil
}

// Delete removes key if present.
func (d *Dict) Delete(key any) {
	h, err := hashKey(key)
	if err != nil || d == nil {
		return
	}
	i, ok := d.index[h]
	if !ok {
		return
	}
	d.keys = append(d.keys[:i:i], d.keys[i+1:]...)
	d.values = append(d.values[:i:i], d.values[i+1:]...)
	delete(d.index, h)
	for k, j := range d.index {
		if j > i {
			d.index[k] = j - 1
		}
	}
}

// Each calls fn for every entry in insertion order.
func (d *Dict) Each(fn func(key, value any)) {
	if d == nil {
		return
	}
	for i, k := range d.keys {
		fn(k, d.values[i])
	}
}

// copy returns a shallow copy, as dict(d) does.
func (d *Dict) copy() *Dict {
	n := NewDict()
	d.Each(func(k, v any) { _ = n.Set(k, v) })
	return n
}

// Set is a Python set. Its items keep insertion order so that output built
// from it is deterministic (Python's own order is by hash and unspecified).
type Set struct {
	d Dict
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{d: Dict{index: map[string]int{}}} }

// Add inserts item; it fails for unhashable items.
func (s *Set) Add(item any) error { return s.d.Set(item, nil) }

// Has reports whether item is in the set.
func (s *Set) Has(item any) bool {
	_, ok := s.d.Get(item)
	return ok
}

// Items returns the items in insertion order.
func (s *Set) Items() []any {
	if s == nil {
		return nil
	}
	return s.d.Keys()
}

// Len reports the number of items.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return s.d.Len()
}

// errUnhashable is returned when a list, dict or set is used as a key.
var errUnhashable = errors.New("unhashable type")

// work bounds the nodes a walk over a value visits. Values can share
// sub-values (t = (t, t) repeated), making naive walks exponential; Python
// would take as long, docbuild gives up instead of hanging.
type work struct{ left int }

const maxWork = 1 << 20

// maxKeyLen bounds the text hashKey builds for a tuple key; real keys are
// short, and a bound keeps shared sub-tuples from costing memory.
const maxKeyLen = 1 << 16

var errTooLarge = errors.New("value too large to process")

func (w *work) step() error {
	w.left--
	if w.left < 0 {
		return errTooLarge
	}
	return nil
}

// hashKey gives equal Python values equal strings, so Dict can index them.
func hashKey(v any) (string, error) {
	return hashKeyW(v, &work{maxWork})
}

func hashKeyW(v any, w *work) (string, error) {
	if err := w.step(); err != nil {
		return "", err
	}
	switch x := v.(type) {
	case nil:
		return "N", nil
	case bool:
		if x {
			return "i1", nil
		}
		return "i0", nil
	case int64:
		return "i" + strconv.FormatInt(x, 10), nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
			return "i" + strconv.FormatInt(int64(x), 10), nil
		}
		return "f" + strconv.FormatFloat(x, 'g', -1, 64), nil
	case string:
		return "s" + x, nil
	case Bytes:
		return "b" + string(x), nil
	case Tuple:
		var b strings.Builder
		b.WriteString("t(")
		for _, e := range x {
			h, err := hashKeyW(e, w)
			if err != nil {
				return "", err
			}
			b.WriteString(strconv.Itoa(len(h)))
			b.WriteByte(':')
			b.WriteString(h)
			if b.Len() > maxKeyLen {
				return "", errTooLarge
			}
		}
		b.WriteByte(')')
		return b.String(), nil
	default:
		return "", fmt.Errorf("%w: '%s'", errUnhashable, TypeName(v))
	}
}

// TypeName returns Python's name for the type of v, as used in Python's own
// error messages and in Sphinx's type warnings.
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case Bytes:
		return "bytes"
	case []any:
		return "list"
	case Tuple:
		return "tuple"
	case *Dict:
		return "dict"
	case *Set:
		return "set"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// truth is Python's bool(v).
func truth(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case Bytes:
		return x != ""
	case []any:
		return len(x) > 0
	case Tuple:
		return len(x) > 0
	case *Dict:
		return x.Len() > 0
	case *Set:
		return x.Len() > 0
	}
	return true
}

// maxDepth bounds recursion over nested values: Python would raise
// RecursionError on self-containing values, and we must not hang or overflow.
const maxDepth = 200

var errTooDeep = errors.New("value nested too deeply")

// equal is Python's ==, for the value model. Like Python it takes a value
// to be equal to itself without looking inside.
func equal(a, b any) bool {
	eq, err := equalW(a, b, 0, &work{maxWork})
	return err == nil && eq
}

// sameSeq reports whether two slices are the same list object.
func sameSeq(x, y []any) bool {
	return len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
}

func equalW(a, b any, depth int, w *work) (bool, error) {
	if depth > maxDepth {
		return false, errTooDeep
	}
	if err := w.step(); err != nil {
		return false, err
	}
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			return x == y, nil
		}
		return false, nil
	}
	switch x := a.(type) {
	case nil:
		return b == nil, nil
	case string:
		y, ok := b.(string)
		return ok && x == y, nil
	case Bytes:
		y, ok := b.(Bytes)
		return ok && x == y, nil
	case []any:
		y, ok := b.([]any)
		if !ok {
			return false, nil
		}
		return equalSeq(x, y, depth, w)
	case Tuple:
		y, ok := b.(Tuple)
		if !ok {
			return false, nil
		}
		return equalSeq(x, y, depth, w)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false, nil
		}
		if x == y {
			return true, nil
		}
		for i, k := range x.keys {
			v, ok := y.Get(k)
			if !ok {
				return false, nil
			}
			eq, err := equalW(x.values[i], v, depth+1, w)
			if err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case *Set:
		y, ok := b.(*Set)
		if !ok || x.Len() != y.Len() {
			return false, nil
		}
		for _, k := range x.d.keys {
			if !y.Has(k) {
				return false, nil
			}
		}
		return true, nil
	}
	return false, nil
}

func equalSeq(x, y []any, depth int, w *work) (bool, error) {
	if len(x) != len(y) {
		return false, nil
	}
	if sameSeq(x, y) {
		return true, nil
	}
	for i := range x {
		eq, err := equalW(x[i], y[i], depth+1, w)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// number returns v as a float64 when it is a Python number (bool included,
// as in Python); it is used where int and float mix.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// integer returns v as int64 when it is a Python int or bool.
func integer(v any) (int64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return x, true
	}
	return 0, false
}

// maxRepr caps the text that repr and str may build, so that a conf.py that
// builds a huge nested value cannot exhaust memory when it is formatted.
const maxRepr = 1 << 22

var errTooLong = errors.New("value too large")

// Repr returns Python's repr(v). Self-containing values print as Python
// prints them ({...}, [...]); text beyond 4 MiB is cut and ends in "...".
func Repr(v any) string {
	w := reprWriter{limit: maxRepr}
	w.repr(v, 0)
	if w.over {
		return w.String() + "..."
	}
	return w.String()
}

// Str returns Python's str(v).
func Str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return Repr(v)
}

// reprChecked is Repr with a size limit, for the evaluator.
func reprChecked(v any) (string, error) {
	w := reprWriter{limit: maxRepr}
	w.repr(v, 0)
	if w.over {
		return "", errTooLong
	}
	return w.String(), nil
}

func strChecked(v any) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	return reprChecked(v)
}

type reprWriter struct {
	strings.Builder
	limit int
	over  bool
	seen  []any // containers being printed, by identity
}

func (w *reprWriter) put(s string) {
	if w.over {
		return
	}
	if w.limit > 0 && w.Len()+len(s) > w.limit {
		w.over = true
		return
	}
	w.WriteString(s)
}

// enter detects self-containing containers and excessive depth. A list
// is identified by its first element's address (item assignment can make a
// list contain itself).
func (w *reprWriter) enter(v any, depth int) bool {
	if depth > maxDepth {
		return false
	}
	id := identity(v)
	for _, s := range w.seen {
		if s == id {
			return false
		}
	}
	return true
}

// identity returns a comparable identity for a container value.
func identity(v any) any {
	if l, ok := v.([]any); ok {
		if len(l) == 0 {
			return nil
		}
		return &l[0]
	}
	return v
}

func (w *reprWriter) repr(v any, depth int) {
	if w.over {
		return
	}
	switch x := v.(type) {
	case nil:
		w.put("None")
	case bool:
		if x {
			w.put("True")
		} else {
			w.put("False")
		}
	case int64:
		w.put(strconv.FormatInt(x, 10))
	case float64:
		w.put(floatRepr(x))
	case string:
		w.put(strRepr(x))
	case Bytes:
		w.put(bytesRepr(string(x)))
	case []any:
		if !w.enter(x, depth) {
			w.put("[...]")
			return
		}
		w.seen = append(w.seen, identity(x))
		w.put("[")
		w.items(x, depth)
		w.put("]")
		w.seen = w.seen[:len(w.seen)-1]
	case Tuple:
		if depth > maxDepth {
			w.put("(...)")
			return
		}
		w.put("(")
		w.items(x, depth)
		if len(x) == 1 {
			w.put(",")
		}
		w.put(")")
	case *Dict:
		if !w.enter(x, depth) {
			w.put("{...}")
			return
		}
		w.seen = append(w.seen, identity(x))
		w.put("{")
		for i, k := range x.keys {
			if i > 0 {
				w.put(", ")
			}
			w.repr(k, depth+1)
			w.put(": ")
			w.repr(x.values[i], depth+1)
		}
		w.put("}")
		w.seen = w.seen[:len(w.seen)-1]
	case *Set:
		if x.Len() == 0 {
			w.put("set()")
			return
		}
		w.put("{")
		w.items(x.d.keys, depth)
		w.put("}")
	default:
		w.put(fmt.Sprintf("<%T>", v))
	}
}

func (w *reprWriter) items(xs []any, depth int) {
	for i, e := range xs {
		if i > 0 {
			w.put(", ")
		}
		w.repr(e, depth+1)
	}
}

// floatRepr is Python's repr(float): the shortest digits that round-trip,
// in fixed notation for 1e-4 <= |x| < 1e16 and exponent notation otherwise.
func floatRepr(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	}
	s := strconv.FormatFloat(x, 'e', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if x != 0 && (exp < -4 || exp >= 16) {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		out += fmt.Sprintf("e%s%02d", sign, exp)
	} else {
		point := exp + 1 // digits before the decimal point
		switch {
		case point <= 0:
			out = "0." + strings.Repeat("0", -point) + digits
		case point >= len(digits):
			out = digits + strings.Repeat("0", point-len(digits)) + ".0"
		default:
			out = digits[:point] + "." + digits[point:]
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

// strRepr is Python's repr(str): single quotes unless the text has a single
// quote and no double quote, non-printable characters escaped.
func strRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// bytesRepr is Python's repr(bytes).
func bytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// asciiRepr is Python's ascii(v): repr with every non-ASCII character escaped.
func asciiRepr(v any) (string, error) {
	s, err := reprChecked(v)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String(), nil
}

// iterate returns the items Python's iter(v) would produce; str iterates over
// its characters, dict over its keys.
func iterate(v any) ([]any, error) {
	switch x := v.(type) {
	case []any:
		return x, nil
	case Tuple:
		return x, nil
	case *Dict:
		return x.Keys(), nil
	case *Set:
		return x.Items(), nil
	case string:
		out := make([]any, 0, utf8.RuneCountInString(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	case Bytes:
		out := make([]any, len(x))
		for i := 0; i < len(x); i++ {
			out[i] = int64(x[i])
		}
		return out, nil
	}
	return nil, fmt.Errorf("'%s' object is not iterable", TypeName(v))
}

// sortedKeys returns the string keys of m in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
