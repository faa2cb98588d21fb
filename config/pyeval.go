package config

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep evaluation of hostile input bounded: Python would happily
// build a gigabyte string, docbuild refuses to.
const (
	maxStrLen  = 1 << 22
	maxListLen = 1 << 20
)

var (
	errIntTooLarge = fmt.Errorf("integer outside 64 bits: %w", errUnsupported)
	errZeroDiv     = errors.New("division by zero")
)

// tagSet stands for the `tags` object Sphinx puts in conf.py's namespace;
// tags.add() and tags.remove() are honoured.
type tagSet struct {
	tags []string
}

func (t *tagSet) has(name string) bool {
	for _, x := range t.tags {
		if x == name {
			return true
		}
	}
	return false
}

// evaluator holds the namespace conf.py statements run in.
type evaluator struct {
	vars map[string]any
	tags *tagSet
	// assigned is called whenever a top-level name is bound, rebound or
	// deleted (deleted: true).
	assigned func(name string, deleted bool)
	// spent is the memory, roughly in bytes, the values built so far take;
	// see maxSpent.
	spent int
}

// maxSpent bounds the memory one conf.py may make docbuild allocate, so
// that a file repeating x = [0] * 1000000 cannot exhaust memory.
const maxSpent = 1 << 28

// charge counts the size of a value an operation built.
func (ev *evaluator) charge(v any) error {
	switch x := v.(type) {
	case string:
		ev.spent += len(x)
	case Bytes:
		ev.spent += len(x)
	case []any:
		ev.spent += 16 * len(x)
	case Tuple:
		ev.spent += 16 * len(x)
	case *Dict:
		ev.spent += 48 * x.Len()
	case *Set:
		ev.spent += 48 * x.Len()
	}
	if ev.spent > maxSpent {
		return errTooLong
	}
	return nil
}

func (ev *evaluator) eval(x expr) (any, error) {
	v, err := ev.evalNode(x)
	if err != nil {
		return nil, err
	}
	switch x.(type) {
	case constExpr, nameExpr:
	default:
		if err := ev.charge(v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (ev *evaluator) evalNode(x expr) (any, error) {
	switch x := x.(type) {
	case constExpr:
		return x.v, nil
	case nameExpr:
		if x.name == "tags" && ev.tags != nil {
			if _, shadowed := ev.vars["tags"]; !shadowed {
				return ev.tags, nil
			}
		}
		v, ok := ev.vars[x.name]
		if !ok {
			return nil, fmt.Errorf("name '%s' is not defined", x.name)
		}
		return v, nil
	case listExpr:
		return ev.evalItems(x.elts)
	case tupleExpr:
		items, err := ev.evalItems(x.elts)
		return Tuple(items), err
	case setExpr:
		items, err := ev.evalItems(x.elts)
		if err != nil {
			return nil, err
		}
		s := NewSet()
		for _, it := range items {
			if err := s.Add(it); err != nil {
				return nil, err
			}
		}
		return s, nil
	case dictExpr:
		d := NewDict()
		for i, kx := range x.keys {
			v, err := ev.eval(x.values[i])
			if err != nil {
				return nil, err
			}
			if kx == nil {
				m, ok := v.(*Dict)
				if !ok {
					return nil, fmt.Errorf("'%s' object is not a mapping", TypeName(v))
				}
				var err error
				m.Each(func(k, v any) {
					if err == nil {
						err = d.Set(k, v)
					}
				})
				if err != nil {
					return nil, err
				}
				continue
			}
			k, err := ev.eval(kx)
			if err != nil {
				return nil, err
			}
			if err := d.Set(k, v); err != nil {
				return nil, err
			}
		}
		return d, nil
	case starredExpr:
		return nil, errors.New("can't use starred expression here")
	case binExpr:
		a, err := ev.eval(x.x)
		if err != nil {
			return nil, err
		}
		b, err := ev.eval(x.y)
		if err != nil {
			return nil, err
		}
		return binop(x.op, a, b)
	case unaryExpr:
		v, err := ev.eval(x.x)
		if err != nil {
			return nil, err
		}
		return unop(x.op, v)
	case boolExpr:
		var v any
		for _, e := range x.xs {
			var err error
			v, err = ev.eval(e)
			if err != nil {
				return nil, err
			}
			if truth(v) != x.and {
				return v, nil
			}
		}
		return v, nil
	case compareExpr:
		a, err := ev.eval(x.first)
		if err != nil {
			return nil, err
		}
		for i, op := range x.ops {
			b, err := ev.eval(x.rest[i])
			if err != nil {
				return nil, err
			}
			ok, err := ev.compare(op, a, b)
			if err != nil {
				return nil, err
			}
			if !ok {
				return false, nil
			}
			a = b
		}
		return true, nil
	case condExpr:
		c, err := ev.eval(x.cond)
		if err != nil {
			return nil, err
		}
		if truth(c) {
			return ev.eval(x.then)
		}
		return ev.eval(x.els)
	case attrExpr:
		return nil, fmt.Errorf("attribute access '.%s': %w", x.name, errUnsupported)
	case callExpr:
		return ev.call(x)
	case indexExpr:
		v, err := ev.eval(x.x)
		if err != nil {
			return nil, err
		}
		if s, ok := x.index.(sliceExpr); ok {
			return ev.slice(v, s)
		}
		k, err := ev.eval(x.index)
		if err != nil {
			return nil, err
		}
		return index(v, k)
	case sliceExpr:
		return nil, errors.New("slice outside subscript")
	case fstrExpr:
		return ev.fstring(x.parts)
	}
	return nil, fmt.Errorf("unknown expression %T", x)
}

func (ev *evaluator) evalItems(elts []expr) ([]any, error) {
	out := make([]any, 0, len(elts))
	for _, e := range elts {
		if s, ok := e.(starredExpr); ok {
			v, err := ev.eval(s.x)
			if err != nil {
				return nil, err
			}
			items, err := iterate(v)
			if err != nil {
				return nil, err
			}
			out = append(out, items...)
		} else {
			v, err := ev.eval(e)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		if len(out) > maxListLen {
			return nil, errTooLong
		}
	}
	return out, nil
}

func (ev *evaluator) fstring(parts []fpart) (string, error) {
	var b strings.Builder
	for _, p := range parts {
		if p.x == nil {
			b.WriteString(p.lit)
			continue
		}
		v, err := ev.eval(p.x)
		if err != nil {
			return "", err
		}
		switch p.conv {
		case 'r':
			v, err = reprChecked(v)
		case 'a':
			v, err = asciiRepr(v)
		case 's':
			v, err = strChecked(v)
		}
		if err != nil {
			return "", err
		}
		spec := ""
		if p.spec != nil {
			if spec, err = ev.fstring(p.spec); err != nil {
				return "", err
			}
		}
		s, err := formatValue(v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		if b.Len() > maxStrLen {
			return "", errTooLong
		}
	}
	return b.String(), nil
}

func (ev *evaluator) compare(op string, a, b any) (bool, error) {
	switch op {
	case "==":
		return equal(a, b), nil
	case "!=":
		return !equal(a, b), nil
	case "in", "not in":
		in, err := contains(b, a)
		if err != nil {
			return false, err
		}
		return in == (op == "in"), nil
	case "is", "is not":
		same, err := identical(a, b)
		if err != nil {
			return false, err
		}
		return same == (op == "is"), nil
	}
	c, err := order(a, b, 0, &work{maxWork})
	if err != nil {
		return false, fmt.Errorf("'%s' not supported between instances of '%s' and '%s'", op, TypeName(a), TypeName(b))
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	default:
		return c >= 0, nil
	}
}

// identical approximates Python's "is" for the values where it is
// meaningful in a configuration file: None, True, False and containers.
func identical(a, b any) (bool, error) {
	switch x := a.(type) {
	case nil:
		return b == nil, nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y, nil
	case *Dict, *Set:
		return a == b, nil
	}
	if b == nil {
		return false, nil
	}
	if _, ok := b.(bool); ok {
		return false, nil
	}
	return false, fmt.Errorf("'is' on %s: %w", TypeName(a), errUnsupported)
}

// order compares a and b as Python's < does: -1, 0 or 1.
func order(a, b any, depth int, w *work) (int, error) {
	if depth > maxDepth {
		return 0, errTooDeep
	}
	if err := w.step(); err != nil {
		return 0, err
	}
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			switch {
			case x < y:
				return -1, nil
			case x > y:
				return 1, nil
			}
			return 0, nil
		}
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return strings.Compare(string(x), string(y)), nil
		}
	case []any:
		if y, ok := b.([]any); ok {
			return orderSeq(x, y, depth, w)
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return orderSeq(x, y, depth, w)
		}
	}
	return 0, errors.New("unorderable")
}

func orderSeq(x, y []any, depth int, w *work) (int, error) {
	for i := 0; i < len(x) && i < len(y); i++ {
		eq, err := equalW(x[i], y[i], depth+1, w)
		if err != nil {
			return 0, err
		}
		if eq {
			continue
		}
		return order(x[i], y[i], depth+1, w)
	}
	switch {
	case len(x) < len(y):
		return -1, nil
	case len(x) > len(y):
		return 1, nil
	}
	return 0, nil
}

func contains(container, item any) (bool, error) {
	switch c := container.(type) {
	case string:
		s, ok := item.(string)
		if !ok {
			return false, fmt.Errorf("'in <string>' requires string as left operand, not %s", TypeName(item))
		}
		return strings.Contains(c, s), nil
	case Bytes:
		s, ok := item.(Bytes)
		if !ok {
			return false, errors.New("a bytes-like object is required")
		}
		return strings.Contains(string(c), string(s)), nil
	case []any:
		return containsItem(c, item), nil
	case Tuple:
		return containsItem(c, item), nil
	case *Dict:
		if _, err := hashKey(item); err != nil {
			return false, err
		}
		_, ok := c.Get(item)
		return ok, nil
	case *Set:
		if _, err := hashKey(item); err != nil {
			return false, err
		}
		return c.Has(item), nil
	case *tagSet:
		s, ok := item.(string)
		return ok && c.has(s), nil
	}
	return false, fmt.Errorf("argument of type '%s' is not iterable", TypeName(container))
}

func containsItem(xs []any, item any) bool {
	for _, x := range xs {
		if equal(x, item) {
			return true
		}
	}
	return false
}

func unop(op string, v any) (any, error) {
	if op == "not" {
		return !truth(v), nil
	}
	if i, ok := integer(v); ok {
		switch op {
		case "-":
			if i == math.MinInt64 {
				return nil, errIntTooLarge
			}
			return -i, nil
		case "+":
			return i, nil
		case "~":
			return ^i, nil
		}
	}
	if f, ok := v.(float64); ok {
		switch op {
		case "-":
			return -f, nil
		case "+":
			return f, nil
		}
	}
	return nil, fmt.Errorf("bad operand type for unary %s: '%s'", op, TypeName(v))
}

// binop applies a Python binary operator.
func binop(op string, a, b any) (any, error) {
	if x, ok := integer(a); ok {
		if y, ok := integer(b); ok {
			return intOp(op, x, y)
		}
	}
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			return floatOp(op, x, y)
		}
	}
	switch op {
	case "+":
		switch x := a.(type) {
		case string:
			if y, ok := b.(string); ok {
				if len(x)+len(y) > maxStrLen {
					return nil, errTooLong
				}
				return x + y, nil
			}
		case Bytes:
			if y, ok := b.(Bytes); ok {
				if len(x)+len(y) > maxStrLen {
					return nil, errTooLong
				}
				return x + y, nil
			}
		case []any:
			if y, ok := b.([]any); ok {
				return concat(x, y)
			}
		case Tuple:
			if y, ok := b.(Tuple); ok {
				out, err := concat(x, y)
				return Tuple(out), err
			}
		}
	case "*":
		if n, ok := integer(b); ok {
			return repeat(a, n)
		}
		if n, ok := integer(a); ok {
			return repeat(b, n)
		}
	case "%":
		if s, ok := a.(string); ok {
			return percentFormat(s, b)
		}
	case "|":
		switch x := a.(type) {
		case *Dict:
			if y, ok := b.(*Dict); ok {
				d := x.copy()
				y.Each(func(k, v any) { _ = d.Set(k, v) })
				return d, nil
			}
		case *Set:
			if y, ok := b.(*Set); ok {
				s := NewSet()
				for _, it := range append(x.Items(), y.Items()...) {
					_ = s.Add(it)
				}
				return s, nil
			}
		}
	case "-":
		if x, ok := a.(*Set); ok {
			if y, ok := b.(*Set); ok {
				s := NewSet()
				for _, it := range x.Items() {
					if !y.Has(it) {
						_ = s.Add(it)
					}
				}
				return s, nil
			}
		}
	}
	return nil, fmt.Errorf("unsupported operand type(s) for %s: '%s' and '%s'", op, TypeName(a), TypeName(b))
}

func concat(x, y []any) ([]any, error) {
	if len(x)+len(y) > maxListLen {
		return nil, errTooLong
	}
	out := make([]any, 0, len(x)+len(y))
	return append(append(out, x...), y...), nil
}

func repeat(v any, n int64) (any, error) {
	if n < 0 {
		n = 0
	}
	switch x := v.(type) {
	case string:
		if n > 0 && int64(len(x)) > maxStrLen/n {
			return nil, errTooLong
		}
		return strings.Repeat(x, int(n)), nil
	case Bytes:
		if n > 0 && int64(len(x)) > maxStrLen/n {
			return nil, errTooLong
		}
		return Bytes(strings.Repeat(string(x), int(n))), nil
	case []any:
		return repeatSeq(x, n)
	case Tuple:
		out, err := repeatSeq(x, n)
		return Tuple(out), err
	}
	return nil, fmt.Errorf("can't multiply sequence by non-int of type '%s'", TypeName(v))
}

func repeatSeq(x []any, n int64) ([]any, error) {
	if n > 0 && int64(len(x)) > maxListLen/n {
		return nil, errTooLong
	}
	out := make([]any, 0, len(x)*int(n))
	for i := int64(0); i < n; i++ {
		out = append(out, x...)
	}
	return out, nil
}

func intOp(op string, x, y int64) (any, error) {
	switch op {
	case "+":
		s := x + y
		if (s > x) != (y > 0) {
			return nil, errIntTooLarge
		}
		return s, nil
	case "-":
		s := x - y
		if (s < x) != (y > 0) {
			return nil, errIntTooLarge
		}
		return s, nil
	case "*":
		if x == 0 || y == 0 {
			return int64(0), nil
		}
		hi, lo := bits.Mul64(uint64(absInt(x)), uint64(absInt(y)))
		if hi != 0 || lo > math.MaxInt64 || x == math.MinInt64 || y == math.MinInt64 {
			return nil, errIntTooLarge
		}
		if (x < 0) != (y < 0) {
			return -int64(lo), nil
		}
		return int64(lo), nil
	case "/":
		if y == 0 {
			return nil, errZeroDiv
		}
		return float64(x) / float64(y), nil
	case "//":
		if y == 0 {
			return nil, errZeroDiv
		}
		if x == math.MinInt64 && y == -1 {
			return nil, errIntTooLarge
		}
		q := x / y
		if (x%y != 0) && ((x < 0) != (y < 0)) {
			q--
		}
		return q, nil
	case "%":
		if y == 0 {
			return nil, errZeroDiv
		}
		if y == -1 {
			return int64(0), nil
		}
		m := x % y
		if m != 0 && (m < 0) != (y < 0) {
			m += y
		}
		return m, nil
	case "**":
		if y < 0 {
			if x == 0 {
				return nil, errZeroDiv
			}
			return math.Pow(float64(x), float64(y)), nil
		}
		result := int64(1)
		base := x
		for e := y; e > 0; e >>= 1 {
			if e&1 == 1 {
				r, err := intOp("*", result, base)
				if err != nil {
					return nil, err
				}
				result = r.(int64)
			}
			if e > 1 {
				b, err := intOp("*", base, base)
				if err != nil {
					return nil, err
				}
				base = b.(int64)
			}
		}
		return result, nil
	case "|":
		return x | y, nil
	case "&":
		return x & y, nil
	case "^":
		return x ^ y, nil
	case "<<":
		if y < 0 {
			return nil, errors.New("negative shift count")
		}
		if y >= 63 || (x<<y)>>y != x {
			if x == 0 {
				return int64(0), nil
			}
			return nil, errIntTooLarge
		}
		return x << y, nil
	case ">>":
		if y < 0 {
			return nil, errors.New("negative shift count")
		}
		if y >= 64 {
			y = 63
		}
		return x >> y, nil
	}
	return nil, fmt.Errorf("unsupported operand type(s) for %s: 'int' and 'int'", op)
}

func absInt(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func floatOp(op string, x, y float64) (any, error) {
	switch op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return nil, errZeroDiv
		}
		return x / y, nil
	case "//":
		if y == 0 {
			return nil, errZeroDiv
		}
		return math.Floor(x / y), nil
	case "%":
		if y == 0 {
			return nil, errZeroDiv
		}
		m := math.Mod(x, y)
		if m != 0 && (m < 0) != (y < 0) {
			m += y
		}
		return m, nil
	case "**":
		if x < 0 && y != math.Trunc(y) {
			return nil, fmt.Errorf("complex result: %w", errUnsupported)
		}
		if x == 0 && y < 0 {
			return nil, errZeroDiv
		}
		return math.Pow(x, y), nil
	}
	return nil, fmt.Errorf("unsupported operand type(s) for %s: 'float'", op)
}

// index is v[k] for a single key.
func index(v, k any) (any, error) {
	switch x := v.(type) {
	case *Dict:
		if _, err := hashKey(k); err != nil {
			return nil, err
		}
		r, ok := x.Get(k)
		if !ok {
			return nil, fmt.Errorf("KeyError: %s", Repr(k))
		}
		return r, nil
	case []any, Tuple, string, Bytes:
		i, ok := integer(k)
		if !ok {
			return nil, fmt.Errorf("%s indices must be integers, not %s", TypeName(v), TypeName(k))
		}
		switch x := v.(type) {
		case string:
			runes := []rune(x)
			j, err := seqIndex(i, len(runes))
			if err != nil {
				return nil, err
			}
			return string(runes[j]), nil
		case Bytes:
			j, err := seqIndex(i, len(x))
			if err != nil {
				return nil, err
			}
			return int64(x[j]), nil
		case []any:
			j, err := seqIndex(i, len(x))
			if err != nil {
				return nil, err
			}
			return x[j], nil
		case Tuple:
			j, err := seqIndex(i, len(x))
			if err != nil {
				return nil, err
			}
			return x[j], nil
		}
	}
	return nil, fmt.Errorf("'%s' object is not subscriptable", TypeName(v))
}

func seqIndex(i int64, n int) (int, error) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, errors.New("index out of range")
	}
	return int(i), nil
}

func (ev *evaluator) slice(v any, s sliceExpr) (any, error) {
	bound := func(x expr) (int64, bool, error) {
		if x == nil {
			return 0, false, nil
		}
		b, err := ev.eval(x)
		if err != nil {
			return 0, false, err
		}
		if b == nil {
			return 0, false, nil
		}
		i, ok := integer(b)
		if !ok {
			return 0, false, errors.New("slice indices must be integers or None")
		}
		return i, true, nil
	}
	lo, hasLo, err := bound(s.lo)
	if err != nil {
		return nil, err
	}
	hi, hasHi, err := bound(s.hi)
	if err != nil {
		return nil, err
	}
	step, hasStep, err := bound(s.step)
	if err != nil {
		return nil, err
	}
	if !hasStep {
		step = 1
	}
	if step == 0 {
		return nil, errors.New("slice step cannot be zero")
	}
	var items []any
	var runes []rune
	switch x := v.(type) {
	case []any:
		items = x
	case Tuple:
		items = x
	case string:
		runes = []rune(x)
	case Bytes:
		runes = []rune(string(x)) // only ASCII-safe; bytes slicing is rare
	default:
		return nil, fmt.Errorf("'%s' object is not subscriptable", TypeName(v))
	}
	n := int64(len(items))
	if runes != nil || items == nil {
		n = int64(len(runes))
	}
	idx := sliceIndices(lo, hasLo, hi, hasHi, step, n)
	switch x := v.(type) {
	case []any, Tuple:
		out := make([]any, 0, len(idx))
		for _, i := range idx {
			out = append(out, items[i])
		}
		if _, ok := x.(Tuple); ok {
			return Tuple(out), nil
		}
		return out, nil
	default:
		var b strings.Builder
		for _, i := range idx {
			b.WriteRune(runes[i])
		}
		if _, ok := x.(Bytes); ok {
			return Bytes(b.String()), nil
		}
		return b.String(), nil
	}
}

// sliceIndices follows PySlice_AdjustIndices.
func sliceIndices(lo int64, hasLo bool, hi int64, hasHi bool, step, n int64) []int64 {
	clamp := func(i int64, lower, upper int64) int64 {
		if i < 0 {
			i += n
			if i < 0 {
				i = lower
			}
		} else if i >= n {
			i = upper
		}
		return i
	}
	var start, stop int64
	if step > 0 {
		start, stop = 0, n
		if hasLo {
			start = clamp(lo, 0, n)
		}
		if hasHi {
			stop = clamp(hi, 0, n)
		}
	} else {
		start, stop = n-1, -1
		if hasLo {
			start = clamp(lo, -1, n-1)
		}
		if hasHi {
			stop = clamp(hi, -1, n-1)
		}
	}
	var out []int64
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, i)
	}
	return out
}

// call evaluates the calls docbuild understands: a few pure builtins and
// methods of str, dict, list and set. Anything else is unsupported, which is
// how imports' functions (os.path.join...) are recognised as unevaluable.
func (ev *evaluator) call(c callExpr) (any, error) {
	args, err := ev.evalItems(c.args)
	if err != nil {
		return nil, err
	}
	kwargs := make([]any, len(c.kwargs))
	for i, k := range c.kwargs {
		if kwargs[i], err = ev.eval(k); err != nil {
			return nil, err
		}
	}
	switch fn := c.fn.(type) {
	case nameExpr:
		if _, shadowed := ev.vars[fn.name]; shadowed {
			return nil, fmt.Errorf("'%s' object is not callable", TypeName(ev.vars[fn.name]))
		}
		return callBuiltin(fn.name, args, c.kwnames, kwargs)
	case attrExpr:
		recv, err := ev.eval(fn.x)
		if err != nil {
			return nil, err
		}
		return ev.callMethod(fn, recv, args, c.kwnames, kwargs)
	}
	return nil, fmt.Errorf("call: %w", errUnsupported)
}

func callBuiltin(name string, args []any, kwnames []string, kwargs []any) (any, error) {
	arity := func(min, max int) error {
		if len(args) < min || len(args) > max {
			return fmt.Errorf("%s() takes %d to %d arguments (%d given)", name, min, max, len(args))
		}
		if len(kwnames) > 0 && name != "dict" {
			return fmt.Errorf("%s() keyword arguments: %w", name, errUnsupported)
		}
		return nil
	}
	switch name {
	case "dict":
		if err := arity(0, 1); err != nil {
			return nil, err
		}
		d := NewDict()
		if len(args) == 1 {
			if err := dictUpdate(d, args[0]); err != nil {
				return nil, err
			}
		}
		for i, k := range kwnames {
			_ = d.Set(k, kwargs[i])
		}
		return d, nil
	case "list", "tuple", "set", "frozenset", "sorted":
		if err := arity(0, 1); err != nil {
			return nil, err
		}
		var items []any
		if len(args) == 1 {
			it, err := iterate(args[0])
			if err != nil {
				return nil, err
			}
			items = append(items, it...)
		}
		switch name {
		case "list":
			if items == nil {
				items = []any{}
			}
			return items, nil
		case "tuple":
			return Tuple(items), nil
		case "sorted":
			var err error
			w := &work{maxWork}
			sort.SliceStable(items, func(i, j int) bool {
				if err != nil {
					return false
				}
				c, e := order(items[i], items[j], 0, w)
				if e != nil && err == nil {
					err = errors.New("'<' not supported between these items")
				}
				return c < 0
			})
			return items, err
		}
		s := NewSet()
		for _, it := range items {
			if err := s.Add(it); err != nil {
				return nil, err
			}
		}
		return s, nil
	case "str":
		if err := arity(0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return "", nil
		}
		return strChecked(args[0])
	case "repr":
		if err := arity(1, 1); err != nil {
			return nil, err
		}
		return reprChecked(args[0])
	case "bool":
		if err := arity(0, 1); err != nil {
			return nil, err
		}
		return len(args) == 1 && truth(args[0]), nil
	case "len":
		if err := arity(1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			return int64(utf8.RuneCountInString(x)), nil
		case Bytes:
			return int64(len(x)), nil
		}
		items, err := iterate(args[0])
		if err != nil {
			return nil, fmt.Errorf("object of type '%s' has no len()", TypeName(args[0]))
		}
		return int64(len(items)), nil
	case "int":
		if err := arity(0, 2); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return int64(0), nil
		}
		base := int64(10)
		if len(args) == 2 {
			b, ok := integer(args[1])
			if !ok {
				return nil, errors.New("int() base must be an integer")
			}
			base = b
		}
		return toInt(args[0], base, len(args) == 2)
	case "float":
		if err := arity(0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return 0.0, nil
		}
		if f, ok := number(args[0]); ok {
			return f, nil
		}
		if s, ok := args[0].(string); ok {
			return parseFloatLiteral(s)
		}
		return nil, fmt.Errorf("float() argument must be a string or a number, not '%s'", TypeName(args[0]))
	}
	return nil, fmt.Errorf("call of %s(): %w", name, errUnsupported)
}

// toInt is Python's int(x[, base]).
func toInt(v any, base int64, explicitBase bool) (any, error) {
	if !explicitBase {
		if i, ok := integer(v); ok {
			return i, nil
		}
		if f, ok := v.(float64); ok {
			if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1<<63 {
				return nil, errIntTooLarge
			}
			return int64(f), nil
		}
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("int() argument must be a string or a number, not '%s'", TypeName(v))
	}
	return parseIntText(s, base)
}

// parseIntText converts text the way int(str, base) does: surrounding
// whitespace, a sign and single underscores between digits are allowed.
func parseIntText(s string, base int64) (int64, error) {
	bad := fmt.Errorf("invalid literal for int() with base %d: %s", base, strRepr(s))
	t := strings.TrimFunc(s, unicode.IsSpace)
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		neg = t[0] == '-'
		t = t[1:]
	}
	lt := strings.ToLower(t)
	if base == 0 {
		switch {
		case strings.HasPrefix(lt, "0x"):
			base, t = 16, t[2:]
		case strings.HasPrefix(lt, "0o"):
			base, t = 8, t[2:]
		case strings.HasPrefix(lt, "0b"):
			base, t = 2, t[2:]
		default:
			base = 10
			if len(t) > 1 && t[0] == '0' && strings.Trim(t, "0_") != "" {
				return 0, bad
			}
		}
		t = strings.TrimPrefix(t, "_")
	} else if base == 16 && strings.HasPrefix(lt, "0x") || base == 8 && strings.HasPrefix(lt, "0o") || base == 2 && strings.HasPrefix(lt, "0b") {
		t = strings.TrimPrefix(t[2:], "_")
	}
	if base < 2 || base > 36 {
		return 0, errors.New("int() base must be >= 2 and <= 36, or 0")
	}
	if t == "" || strings.HasPrefix(t, "_") || strings.HasSuffix(t, "_") || strings.Contains(t, "__") {
		return 0, bad
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), int(base), 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, errIntTooLarge
		}
		return 0, bad
	}
	if neg {
		n = -n
	}
	return n, nil
}

// parseFloatLiteral is float(str).
func parseFloatLiteral(s string) (float64, error) {
	t := strings.ToLower(strings.TrimFunc(s, unicode.IsSpace))
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(t, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	if strings.HasPrefix(t, "_") || strings.HasSuffix(t, "_") || strings.Contains(t, "__") || strings.Contains(t, "0x") {
		return 0, fmt.Errorf("could not convert string to float: %s", strRepr(s))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("could not convert string to float: %s", strRepr(s))
	}
	return f, nil
}

func dictUpdate(d *Dict, src any) error {
	if m, ok := src.(*Dict); ok {
		var err error
		m.Each(func(k, v any) {
			if err == nil {
				err = d.Set(k, v)
			}
		})
		return err
	}
	items, err := iterate(src)
	if err != nil {
		return err
	}
	for _, it := range items {
		pair, err := iterate(it)
		if err != nil || len(pair) != 2 {
			return errors.New("dictionary update sequence element has wrong length")
		}
		if err := d.Set(pair[0], pair[1]); err != nil {
			return err
		}
	}
	return nil
}

// callMethod evaluates recv.name(args). Methods that change a list rebind
// the receiver expression (a name or an item), as Python's in-place change
// would be seen through it.
func (ev *evaluator) callMethod(fn attrExpr, recv any, args []any, kwnames []string, kwargs []any) (any, error) {
	if s, ok := recv.(string); ok && fn.name == "format" {
		kw := map[string]any{}
		for i, k := range kwnames {
			kw[k] = kwargs[i]
		}
		return strFormat(s, args, kw)
	}
	if len(kwnames) > 0 {
		return nil, fmt.Errorf("keyword arguments to .%s(): %w", fn.name, errUnsupported)
	}
	nargs := func(min, max int) error {
		if len(args) < min || len(args) > max {
			return fmt.Errorf("%s() takes %d to %d arguments (%d given)", fn.name, min, max, len(args))
		}
		return nil
	}
	switch x := recv.(type) {
	case string:
		return strMethod(x, fn.name, args)
	case *tagSet:
		if err := nargs(1, 1); err != nil {
			return nil, err
		}
		tag, ok := args[0].(string)
		if !ok {
			return nil, errors.New("tag names are strings")
		}
		switch fn.name {
		case "add":
			if !x.has(tag) {
				x.tags = append(x.tags, tag)
			}
			return nil, nil
		case "remove", "discard":
			for i, t := range x.tags {
				if t == tag {
					x.tags = append(x.tags[:i:i], x.tags[i+1:]...)
					break
				}
			}
			return nil, nil
		case "has":
			return x.has(tag), nil
		}
	case *Dict:
		switch fn.name {
		case "get":
			if err := nargs(1, 2); err != nil {
				return nil, err
			}
			if _, err := hashKey(args[0]); err != nil {
				return nil, err
			}
			if v, ok := x.Get(args[0]); ok {
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, nil
		case "keys", "values", "items", "copy":
			if err := nargs(0, 0); err != nil {
				return nil, err
			}
			if fn.name == "copy" {
				return x.copy(), nil
			}
			var out []any
			x.Each(func(k, v any) {
				switch fn.name {
				case "keys":
					out = append(out, k)
				case "values":
					out = append(out, v)
				default:
					out = append(out, Tuple{k, v})
				}
			})
			if out == nil {
				out = []any{}
			}
			return out, nil
		case "update":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			return nil, dictUpdate(x, args[0])
		case "setdefault":
			if err := nargs(1, 2); err != nil {
				return nil, err
			}
			if _, err := hashKey(args[0]); err != nil {
				return nil, err
			}
			if v, ok := x.Get(args[0]); ok {
				return v, nil
			}
			var def any
			if len(args) == 2 {
				def = args[1]
			}
			return def, x.Set(args[0], def)
		case "pop":
			if err := nargs(1, 2); err != nil {
				return nil, err
			}
			if v, ok := x.Get(args[0]); ok {
				x.Delete(args[0])
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, fmt.Errorf("KeyError: %s", Repr(args[0]))
		case "clear":
			*x = *NewDict()
			return nil, nil
		}
	case *Set:
		switch fn.name {
		case "add":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			return nil, x.Add(args[0])
		case "update":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			items, err := iterate(args[0])
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				if err := x.Add(it); err != nil {
					return nil, err
				}
			}
			return nil, nil
		case "discard", "remove":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			x.d.Delete(args[0])
			return nil, nil
		}
	case []any:
		var out []any
		switch fn.name {
		case "copy":
			if err := nargs(0, 0); err != nil {
				return nil, err
			}
			return append([]any{}, x...), nil
		case "index", "count":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			n := int64(0)
			for i, it := range x {
				if equal(it, args[0]) {
					if fn.name == "index" {
						return int64(i), nil
					}
					n++
				}
			}
			if fn.name == "index" {
				return nil, fmt.Errorf("%s is not in list", Repr(args[0]))
			}
			return n, nil
		case "append":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			out = append(x[:len(x):len(x)], args[0])
		case "extend":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			items, err := iterate(args[0])
			if err != nil {
				return nil, err
			}
			if out, err = concat(x, items); err != nil {
				return nil, err
			}
		case "insert":
			if err := nargs(2, 2); err != nil {
				return nil, err
			}
			i, ok := integer(args[0])
			if !ok {
				return nil, errors.New("list.insert() index must be an integer")
			}
			n := int64(len(x))
			if i < 0 {
				i += n
			}
			i = max(0, min(i, n))
			out = append(append(append([]any{}, x[:i]...), args[1]), x[i:]...)
		case "remove":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			found := -1
			for i, it := range x {
				if equal(it, args[0]) {
					found = i
					break
				}
			}
			if found < 0 {
				return nil, errors.New("list.remove(x): x not in list")
			}
			out = append(append([]any{}, x[:found]...), x[found+1:]...)
		case "sort", "reverse", "pop", "clear":
			return nil, fmt.Errorf("list.%s(): %w", fn.name, errUnsupported)
		default:
			return nil, fmt.Errorf("'list' object has no attribute '%s'", fn.name)
		}
		if len(out) > maxListLen {
			return nil, errTooLong
		}
		return nil, ev.assign(fn.x, out)
	}
	return nil, fmt.Errorf("method %s.%s(): %w", TypeName(recv), fn.name, errUnsupported)
}

func strMethod(s, name string, args []any) (any, error) {
	strArg := func(i int) (string, error) {
		if i >= len(args) {
			return "", fmt.Errorf("%s() missing argument", name)
		}
		a, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("%s() argument must be str, not %s", name, TypeName(args[i]))
		}
		return a, nil
	}
	switch name {
	case "join":
		if len(args) != 1 {
			return nil, errors.New("join() takes exactly one argument")
		}
		items, err := iterate(args[0])
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		total := 0
		for i, it := range items {
			p, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("sequence item %d: expected str instance, %s found", i, TypeName(it))
			}
			parts[i] = p
			total += len(p) + len(s)
			if total > maxStrLen {
				return nil, errTooLong
			}
		}
		return strings.Join(parts, s), nil
	case "replace":
		if len(args) < 2 || len(args) > 3 {
			return nil, errors.New("replace() takes 2 or 3 arguments")
		}
		old, err := strArg(0)
		if err != nil {
			return nil, err
		}
		repl, err := strArg(1)
		if err != nil {
			return nil, err
		}
		n := int64(-1)
		if len(args) == 3 {
			var ok bool
			if n, ok = integer(args[2]); !ok {
				return nil, errors.New("replace() count must be an integer")
			}
		}
		count := strings.Count(s, old)
		if old == "" {
			count = utf8.RuneCountInString(s) + 1
		}
		if n >= 0 && int64(count) > n {
			count = int(n)
		}
		if len(s)+count*(len(repl)-len(old)) > maxStrLen {
			return nil, errTooLong
		}
		return strings.Replace(s, old, repl, int(max(n, -1))), nil
	case "strip", "lstrip", "rstrip":
		if len(args) > 1 {
			return nil, fmt.Errorf("%s() takes at most 1 argument", name)
		}
		trim := func(r rune) bool { return unicode.IsSpace(r) }
		if len(args) == 1 && args[0] != nil {
			chars, err := strArg(0)
			if err != nil {
				return nil, err
			}
			trim = func(r rune) bool { return strings.ContainsRune(chars, r) }
		}
		switch name {
		case "strip":
			return strings.TrimFunc(s, trim), nil
		case "lstrip":
			return strings.TrimLeftFunc(s, trim), nil
		}
		return strings.TrimRightFunc(s, trim), nil
	case "lower", "upper", "title", "capitalize":
		if len(args) != 0 {
			return nil, fmt.Errorf("%s() takes no arguments", name)
		}
		switch name {
		case "lower":
			return strings.ToLower(s), nil
		case "upper":
			return strings.ToUpper(s), nil
		case "capitalize":
			r, size := utf8.DecodeRuneInString(s)
			if size == 0 {
				return s, nil
			}
			return string(unicode.ToTitle(r)) + strings.ToLower(s[size:]), nil
		}
		var b strings.Builder
		prevCased := false
		for _, r := range s {
			if prevCased {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevCased = unicode.IsLetter(r)
		}
		return b.String(), nil
	case "startswith", "endswith":
		if len(args) != 1 {
			return nil, fmt.Errorf("%s() takes one argument", name)
		}
		var prefixes []any
		if t, ok := args[0].(Tuple); ok {
			prefixes = t
		} else {
			prefixes = []any{args[0]}
		}
		for _, p := range prefixes {
			ps, ok := p.(string)
			if !ok {
				return nil, fmt.Errorf("%s first arg must be str or a tuple of str", name)
			}
			if name == "startswith" && strings.HasPrefix(s, ps) || name == "endswith" && strings.HasSuffix(s, ps) {
				return true, nil
			}
		}
		return false, nil
	case "split", "rsplit":
		if len(args) > 2 {
			return nil, errors.New("split() takes at most 2 arguments")
		}
		maxsplit := int64(-1)
		if len(args) == 2 {
			var ok bool
			if maxsplit, ok = integer(args[1]); !ok {
				return nil, errors.New("maxsplit must be an integer")
			}
		}
		var parts []string
		if len(args) == 0 || args[0] == nil {
			if maxsplit >= 0 {
				return nil, fmt.Errorf("whitespace split with maxsplit: %w", errUnsupported)
			}
			parts = strings.Fields(s)
		} else {
			sep, err := strArg(0)
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, errors.New("empty separator")
			}
			if maxsplit >= 0 && name == "rsplit" {
				return nil, fmt.Errorf("rsplit with maxsplit: %w", errUnsupported)
			}
			n := -1
			if maxsplit >= 0 {
				n = int(min(maxsplit, maxListLen)) + 1
			}
			parts = strings.SplitN(s, sep, n)
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out, nil
	}
	return nil, fmt.Errorf("str.%s(): %w", name, errUnsupported)
}

// assign binds v to a target expression: a name, an item of a dict or list,
// or a tuple/list of targets to unpack into.
func (ev *evaluator) assign(target expr, v any) error {
	switch t := target.(type) {
	case nameExpr:
		if keywords[t.name] {
			return errors.New("cannot assign to keyword")
		}
		ev.vars[t.name] = v
		if ev.assigned != nil {
			ev.assigned(t.name, false)
		}
		return nil
	case indexExpr:
		container, err := ev.eval(t.x)
		if err != nil {
			return err
		}
		if _, ok := t.index.(sliceExpr); ok {
			return fmt.Errorf("slice assignment: %w", errUnsupported)
		}
		k, err := ev.eval(t.index)
		if err != nil {
			return err
		}
		switch c := container.(type) {
		case *Dict:
			if err := c.Set(k, v); err != nil {
				return err
			}
		case []any:
			i, ok := integer(k)
			if !ok {
				return errors.New("list indices must be integers")
			}
			j, err := seqIndex(i, len(c))
			if err != nil {
				return errors.New("list assignment index out of range")
			}
			c[j] = v
		default:
			return fmt.Errorf("'%s' object does not support item assignment", TypeName(container))
		}
		if root := rootName(t); root != "" && ev.assigned != nil {
			ev.assigned(root, false)
		}
		return nil
	case tupleExpr, listExpr:
		var targets []expr
		if tt, ok := t.(tupleExpr); ok {
			targets = tt.elts
		} else {
			targets = t.(listExpr).elts
		}
		items, err := iterate(v)
		if err != nil {
			return fmt.Errorf("cannot unpack non-iterable %s object", TypeName(v))
		}
		for _, tg := range targets {
			if _, star := tg.(starredExpr); star {
				return fmt.Errorf("starred assignment: %w", errUnsupported)
			}
		}
		if len(items) != len(targets) {
			return fmt.Errorf("cannot unpack %d values into %d names", len(items), len(targets))
		}
		for i, tg := range targets {
			if err := ev.assign(tg, items[i]); err != nil {
				return err
			}
		}
		return nil
	case attrExpr:
		return fmt.Errorf("attribute assignment: %w", errUnsupported)
	}
	return errors.New("cannot assign to expression")
}

// rootName finds the variable an item assignment changes (d in d['a']['b']).
func rootName(x expr) string {
	for {
		switch t := x.(type) {
		case nameExpr:
			return t.name
		case indexExpr:
			x = t.x
		default:
			return ""
		}
	}
}

// del removes a name or an item.
func (ev *evaluator) del(target expr) error {
	switch t := target.(type) {
	case nameExpr:
		if _, ok := ev.vars[t.name]; !ok {
			return fmt.Errorf("name '%s' is not defined", t.name)
		}
		delete(ev.vars, t.name)
		if ev.assigned != nil {
			ev.assigned(t.name, true)
		}
		return nil
	case indexExpr:
		container, err := ev.eval(t.x)
		if err != nil {
			return err
		}
		k, err := ev.eval(t.index)
		if err != nil {
			return err
		}
		d, ok := container.(*Dict)
		if !ok {
			return fmt.Errorf("del on %s item: %w", TypeName(container), errUnsupported)
		}
		if _, ok := d.Get(k); !ok {
			return fmt.Errorf("KeyError: %s", Repr(k))
		}
		d.Delete(k)
		if root := rootName(t); root != "" && ev.assigned != nil {
			ev.assigned(root, false)
		}
		return nil
	case tupleExpr:
		for _, e := range t.elts {
			if err := ev.del(e); err != nil {
				return err
			}
		}
		return nil
	}
	return errors.New("cannot delete expression")
}
