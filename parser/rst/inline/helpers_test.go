package inline

import (
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// The expected values are Python's (template % number), checked with
// python3.
func TestPercentFormat(t *testing.T) {
	for _, tc := range []struct{ tmpl, num, want string }{
		{"pep-%04d", "8", "pep-0008"},
		{"pep-%04d", "12345", "pep-12345"},
		{"%d.html", "0", "0.html"},
		{"x%5dy", "42", "x   42y"},
		{"x%-5dy", "42", "x42   y"},
		{"%+d", "7", "+7"},
		{"% d", "7", " 7"},
		{"%s.txt", "9", "9.txt"},
		{"%%d-%d", "3", "%d-3"},
		{"%04d", "123456789012345678901234567890", "123456789012345678901234567890"},
		{"%+05d", "3", "+0003"},
		{"%-05d|", "3", "3    |"},
		{"%i", "1", "1"},
		{"%05s", "3", "    3"},
	} {
		if got := percentFormat(tc.tmpl, tc.num); got != tc.want {
			t.Errorf("percentFormat(%q, %s) = %q, want %q", tc.tmpl, tc.num, got, tc.want)
		}
	}
}

func TestReferenceURLs(t *testing.T) {
	s := doctree.DefaultSettings()
	for _, tc := range []struct{ got, want string }{
		{PEPURL(s, "8"), "https://peps.python.org/pep-0008"},
		{PEPURL(s, "0287"), "https://peps.python.org/pep-0287"},
		{PEPURL(s, "٣"), "https://peps.python.org/pep-0003"},
		{PEPURL(nil, "20"), "https://peps.python.org/pep-0020"},
		{RFCURL(s, "2822"), "https://tools.ietf.org/html/rfc2822.html"},
		{RFCURL(s, "007"), "https://tools.ietf.org/html/rfc7.html"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestEscapes(t *testing.T) {
	for _, tc := range []struct{ in, nulled, unescaped, restored string }{
		{`plain`, "plain", "plain", "plain"},
		{`a\*b`, "a\x00*b", "a*b", `a\*b`},
		{`a\\b`, "a\x00\\b", `a\b`, `a\\b`},
		{`a\ b`, "a\x00 b", "ab", `a\ b`},
		{"a\\\nb", "a\x00\nb", "ab", "a\\\nb"},
		{`end\`, "end\x00", "end", `end\`},
	} {
		n := escape2null(tc.in)
		if n != tc.nulled {
			t.Errorf("escape2null(%q) = %q, want %q", tc.in, n, tc.nulled)
		}
		if u := unescape(n); u != tc.unescaped {
			t.Errorf("unescape(%q) = %q, want %q", n, u, tc.unescaped)
		}
		if r := restore(n); r != tc.restored {
			t.Errorf("restore(%q) = %q, want %q", n, r, tc.restored)
		}
	}
}

func TestMatchChars(t *testing.T) {
	for _, tc := range []struct {
		open, close rune
		want        bool
	}{
		{'(', ')', true}, {'[', ']', true}, {'<', '>', true}, {'"', '"', true},
		{'«', '»', true}, {'»', '»', true}, {'‚', '‘', true}, {'‚', '’', true},
		{'„', '“', true}, {'(', ']', false}, {')', '(', false}, {'a', 'a', false},
	} {
		if got := matchChars(tc.open, tc.close); got != tc.want {
			t.Errorf("matchChars(%q, %q) = %v", tc.open, tc.close, got)
		}
	}
}
