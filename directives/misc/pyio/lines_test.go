package pyio

import "testing"

func TestSplitLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"", 0}, {"a", 1}, {"a\n", 1}, {"a\n\nb", 3}, {"a\r\nb", 2}, {"a\u2028b\u0085c", 3}, {"\n", 1}} {
		if got := len(SplitLines(c.in, false)); got != c.want {
			t.Errorf("SplitLines(%q) gave %d lines, want %d", c.in, got, c.want)
		}
	}
}
