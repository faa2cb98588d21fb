package config

import (
	"testing"
)

// TestDictKeys checks Python's key equality (1, 1.0 and True are one key)
// and insertion order, including after deletion.
func TestDictKeys(t *testing.T) {
	d := NewDict()
	steps := []struct {
		key, value any
	}{
		{int64(1), "int"}, {"b", int64(2)}, {1.0, "float"}, {true, "bool"}, {Tuple{"x", int64(1)}, "tuple"}, {nil, "none"},
	}
	for _, s := range steps {
		if err := d.Set(s.key, s.value); err != nil {
			t.Fatal(err)
		}
	}
	if got := Repr(d); got != "{1: 'bool', 'b': 2, ('x', 1): 'tuple', None: 'none'}" {
		t.Errorf("got %s", got)
	}
	if err := d.Set([]any{}, 1); err == nil {
		t.Error("a list key was accepted")
	}
	d.Delete("b")
	if v, ok := d.Get(Tuple{"x", 1.0}); !ok || v != "tuple" {
		t.Errorf("tuple key lookup: %v %v", v, ok)
	}
	if got := Repr(d); got != "{1: 'bool', ('x', 1): 'tuple', None: 'none'}" {
		t.Errorf("after delete: %s", got)
	}
}

// TestSelfContainingValues checks values that contain themselves print and
// compare the way Python's do, without hanging.
func TestSelfContainingValues(t *testing.T) {
	tests := []struct{ src, name, want string }{
		{"d = {}\nd['self'] = d\n", "d", "{'self': {...}}"},
		{"l = [1, 2]\nl[0] = l\n", "l", "[[...], 2]"},
		{"l = [0]\nl[0] = l\nsame = l == l\n", "same", "True"},
		{"d = {}\nd['a'] = [d]\n", "d", "{'a': [{...}]}"},
	}
	for _, tc := range tests {
		ns, warns := ParseConfPy("conf.py", []byte(tc.src))
		v, _, ok := ns.Get(tc.name)
		if !ok {
			t.Errorf("%q: %s unbound: %v", tc.src, tc.name, warns)
			continue
		}
		if got := Repr(v); got != tc.want {
			t.Errorf("%q: %s = %s, want %s", tc.src, tc.name, got, tc.want)
		}
	}
}

// TestLimits checks that values too large to build are refused rather than
// built, and that the reader goes on after them.
func TestLimits(t *testing.T) {
	src := "a = 'x' * 10**9\nb = [0] * 10**8\nt = (0,)\n" +
		"t = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\n" +
		"t = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\n" +
		"t = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\nt = (t, t)\n" +
		"s = {t}\nok = 'still read'\n"
	ns, warns := ParseConfPy("conf.py", []byte(src))
	for _, name := range []string{"a", "b", "s"} {
		if _, _, ok := ns.Get(name); ok {
			t.Errorf("%s was built", name)
		}
	}
	if v, _, _ := ns.Get("ok"); v != "still read" {
		t.Errorf("reading stopped: %v", warns)
	}
}
