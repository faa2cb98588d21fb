package sphinx

import (
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// kbdMultiwordKeys are the key names KeyboardTransform keeps whole
// although they hold a space. Sphinx 5.3 lists more, but a missing comma
// turns the others into single words ("pagedown") that never match.
var kbdMultiwordKeys = map[[2]string]bool{
	{"caps", "lock"}: true,
	{"page", "up"}:   true,
	{"num", "lock"}:  true,
}

// SplitKbd is the HTML builders' KeyboardTransform (a post-transform of
// Sphinx 5.3): the text of each literal whose classes are exactly "kbd"
// and that names several keys ("Control-x") becomes one nested kbd literal
// per key with the separators between them, and the outer literal gets
// the class "compound".
func SplitKbd(root *doctree.Element) {
	targets := doctree.FindAll(root, func(e *doctree.Element) bool {
		return e.Tag == doctree.TagLiteral && len(e.Classes) == 1 && e.Classes[0] == "kbd"
	})
	for _, node := range targets {
		if len(node.Children) == 0 {
			continue
		}
		parts := splitKbdText(node.Children[len(node.Children)-1].AsText())
		if len(parts) == 1 || isMultiwordKey(parts) {
			continue
		}
		node.Classes = append(node.Classes, "compound")
		node.RemoveAt(len(node.Children) - 1)
		for len(parts) > 0 {
			var key string
			if isMultiwordKey(parts) {
				key = strings.Join(parts[:3], "")
				parts = parts[3:]
			} else {
				key, parts = parts[0], parts[1:]
			}
			k := doctree.NewTextElement(doctree.TagLiteral, "", key)
			k.Classes = []string{"kbd"}
			node.Append(k)
			if len(parts) > 0 {
				node.Append(doctree.NewText(parts[0]))
				parts = parts[1:]
			}
		}
	}
}

// splitKbdText is re.split(r'(?<=.)(-|\+|\^|\s+)(?=.)', text): the keys
// and the separators between them. A separator needs a character other
// than a newline on each side; a run of white space gives back what the
// lookahead needs.
func splitKbdText(text string) []string {
	rs := []rune(text)
	var out []string
	start := 0
	for p := 0; p < len(rs); {
		if p == 0 || rs[p-1] == '\n' {
			p++
			continue
		}
		end := -1
		switch c := rs[p]; {
		case c == '-' || c == '+' || c == '^':
			if p+1 < len(rs) && rs[p+1] != '\n' {
				end = p + 1
			}
		case doctree.IsSpace(c):
			q := p
			for q < len(rs) && doctree.IsSpace(rs[q]) {
				q++
			}
			for q > p && (q == len(rs) || rs[q] == '\n') {
				q--
			}
			if q > p {
				end = q
			}
		}
		if end < 0 {
			p++
			continue
		}
		out = append(out, string(rs[start:p]), string(rs[p:end]))
		start, p = end, end
	}
	return append(out, string(rs[start:]))
}

func isMultiwordKey(parts []string) bool {
	if len(parts) >= 3 && doctree.TrimSpace(parts[1]) == "" {
		return kbdMultiwordKeys[[2]string{strings.ToLower(parts[0]), strings.ToLower(parts[2])}]
	}
	return false
}
