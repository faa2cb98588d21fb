package highlight

import (
	"strings"
	"testing"
)

var benchCode = strings.Repeat(`def frobnicate(widget, *args, **kwargs):
    """Frobnicate the widget."""
    return [w * 2 for w in widget if w is not None]  # comment
`, 10)

func BenchmarkPython(b *testing.B) {
	h := New()
	for i := 0; i < b.N; i++ {
		h.Block(benchCode, "python3", Options{})
	}
}

func BenchmarkPythonParallel(b *testing.B) {
	h := New()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			h.Block(benchCode, "python3", Options{})
		}
	})
}
