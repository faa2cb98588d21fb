package doctree

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// IsSpace reports whether r is white space as Python's str.isspace defines
// it, which docutils relies on (it includes the information separators
// U+001C..U+001F, which unicode.IsSpace does not).
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// Fields splits s around runs of white space, as Python's str.split().
func Fields(s string) []string { return strings.FieldsFunc(s, IsSpace) }

// TrimSpace trims white space as Python's str.strip() does.
func TrimSpace(s string) string { return strings.TrimFunc(s, IsSpace) }

// FullyNormalizeName returns a case- and white-space-normalised name
// (docutils' fully_normalize_name).
func FullyNormalizeName(name string) string {
	return strings.Join(Fields(pyLower(name)), " ")
}

// WhitespaceNormalizeName returns name with runs of white space folded into
// one space and none at the ends (docutils' whitespace_normalize_name).
func WhitespaceNormalizeName(name string) string {
	return strings.Join(Fields(name), " ")
}

// pyLower lowercases as Python's str.lower() does for the cases that differ
// from strings.ToLower in practice (İ becomes "i̇").
func pyLower(s string) string {
	if strings.ContainsRune(s, 'İ') {
		s = strings.ReplaceAll(s, "İ", "i\u0307")
	}
	return strings.ToLower(s)
}

var idTranslate = map[rune]string{
	0x00df: "sz", 0x00e6: "ae", 0x0153: "oe", 0x0238: "db", 0x0239: "qp",
	0x00f8: "o", 0x0111: "d", 0x0127: "h", 0x0131: "i", 0x0142: "l",
	0x0167: "t", 0x0180: "b", 0x0183: "b", 0x0188: "c", 0x018c: "d",
	0x0192: "f", 0x0199: "k", 0x019a: "l", 0x019e: "n", 0x01a5: "p",
	0x01ab: "t", 0x01ad: "t", 0x01b4: "y", 0x01b6: "z", 0x01e5: "g",
	0x0225: "z", 0x0234: "l", 0x0235: "n", 0x0236: "t", 0x0237: "j",
	0x023c: "c", 0x023f: "s", 0x0240: "z", 0x0247: "e", 0x0249: "j",
	0x024b: "q", 0x024d: "r", 0x024f: "y",
}

// ToASCII is the first step of docutils' make_id, which Sphinx's _make_id
// shares: letters of idTranslate are transliterated, the rest decomposed
// (NFKD), and what still has no ASCII form dropped, as Python's
// encode('ascii', 'ignore'). ASCII text comes back as it is.
func ToASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if t, ok := idTranslate[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	s = norm.NFKD.String(b.String())
	b.Reset()
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// MakeID converts s into an identifier matching [a-z](-?[a-z0-9]+)*, as
// docutils' make_id: lowercased, transliterated to ASCII, runs of other
// characters turned into one hyphen, and leading digits and hyphens and
// trailing hyphens removed.
func MakeID(s string) string {
	s = pyLower(s)
	s = ToASCII(s)
	var b strings.Builder
	// Keep [a-z0-9]; every other run becomes one hyphen.
	s = strings.Join(Fields(s), " ")
	pendingHyphen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			if pendingHyphen {
				b.WriteByte('-')
				pendingHyphen = false
			}
			b.WriteByte(c)
		} else {
			pendingHyphen = true
		}
	}
	if pendingHyphen {
		b.WriteByte('-')
	}
	id := b.String()
	// strip leading digits/hyphens and trailing hyphens
	i := 0
	for i < len(id) && (id[i] == '-' || ('0' <= id[i] && id[i] <= '9')) {
		i++
	}
	id = id[i:]
	return strings.TrimRight(id, "-")
}
