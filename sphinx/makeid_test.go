package sphinx

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

// makeIDStringRef is _make_id spelled as Sphinx spells it, with its two
// regular expressions, to check the one-pass version against.
func makeIDStringRef(s string) string {
	s = doctree.ToASCII(s) // the transliteration is shared; the rest is compared
	s = strings.Join(doctree.Fields(s), " ")
	s = regexp.MustCompile(`[^a-zA-Z0-9._]+`).ReplaceAllString(s, "-")
	return regexp.MustCompile(`^[-0-9._]+|-+$`).ReplaceAllString(s, "")
}

func TestMakeIDStringOnePass(t *testing.T) {
	cases := map[string]string{
		"os.path.join": "os.path.join", "  spaced  out ": "spaced-out", "-x-": "x",
		"3.11 release": "release", "a--b": "a-b", "a - b": "a-b", "__init__": "init__",
		"Straße": "Strasze", "": "", "...": "", "ünïcödé": "unicode", "C++ API": "C-API",
	}
	for in, want := range cases {
		if got := makeIDString(in); got != want {
			t.Errorf("makeIDString(%q) = %q, want %q", in, got, want)
		}
	}
	alphabet := []byte("aZ09._- \t-+:/()é")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		b := make([]byte, 0, 12)
		for j := rng.Intn(12); j > 0; j-- {
			b = append(b, alphabet[rng.Intn(len(alphabet)-1)])
		}
		in := string(b)
		if got, want := makeIDString(in), makeIDStringRef(in); got != want {
			t.Fatalf("makeIDString(%q) = %q, the regexps give %q", in, got, want)
		}
	}
}
