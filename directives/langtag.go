package directives

import "strings"

// maxLanguageSubtags bounds the subtags NormalizeLanguageTag combines: the
// number of combinations doubles with each one, and no language module
// name has more than two parts.
const maxLanguageSubtags = 10

// NormalizeLanguageTag returns the lowercased combinations of a BCP 47
// language tag's subtags, most specific first, ending with the primary
// subtag, as docutils.utils.normalize_language_tag: "de_AT-1901" gives
// "de-at-1901", "de-at", "de-1901", "de". A singleton subtag (such as "x")
// stays attached to the subtag after it. Only the first
// maxLanguageSubtags subtags after the primary one are combined.
func NormalizeLanguageTag(tag string) []string {
	tag = strings.ReplaceAll(strings.ToLower(tag), "-", "_")
	// re.sub(r'_([a-zA-Z0-9])_', r'_\1-', tag): non-overlapping, left to
	// right.
	var b strings.Builder
	for i := 0; i < len(tag); i++ {
		if tag[i] == '_' && i+2 < len(tag) && isASCIIAlnum(tag[i+1]) && tag[i+2] == '_' {
			b.WriteByte('_')
			b.WriteByte(tag[i+1])
			b.WriteByte('-')
			i += 2
			continue
		}
		b.WriteByte(tag[i])
	}
	subtags := strings.Split(b.String(), "_")
	base, rest := subtags[0], subtags[1:]
	if len(rest) > maxLanguageSubtags {
		rest = rest[:maxLanguageSubtags]
	}
	var out []string
	picked := make([]string, 0, len(rest)+1)
	var combine func(start, n int)
	combine = func(start, n int) {
		if n == 0 {
			out = append(out, strings.Join(picked, "-"))
			return
		}
		for i := start; i <= len(rest)-n; i++ {
			picked = append(picked, rest[i])
			combine(i+1, n-1)
			picked = picked[:len(picked)-1]
		}
	}
	picked = append(picked, base)
	for n := len(rest); n > 0; n-- {
		combine(0, n)
	}
	return append(out, base)
}

func isASCIIAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
