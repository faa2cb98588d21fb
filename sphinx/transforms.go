package sphinx

import (
	"regexp"
	"sort"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"golang.org/x/text/unicode/norm"
)

// This file holds the bodies of Sphinx's read-time transforms that only
// concern nodes of this package; the transform pipeline runs them at
// Sphinx's priorities (GlossarySorter 500, ManpageLink 999, and the HTML
// builders' KeyboardTransform, SplitKbd, as a post-transform at 400).

// SortGlossaries is Sphinx's GlossarySorter: the items of each glossary
// with the sorted flag are put in the order of their first terms,
// compared lowercased and decomposed (NFD); the sort is stable.
func SortGlossaries(root *doctree.Element) {
	for _, g := range doctree.FindTag(root, TagGlossary) {
		if sorted, _ := g.Get("sorted"); sorted != true {
			continue
		}
		dl, ok := firstChild(g)
		if !ok || dl == nil {
			continue
		}
		key := func(n doctree.Node) string {
			item, ok := n.(*doctree.Element)
			if !ok || len(item.Children) == 0 {
				return ""
			}
			return norm.NFD.String(strings.ToLower(item.Children[0].AsText()))
		}
		sort.SliceStable(dl.Children, func(i, j int) bool {
			return key(dl.Children[i]) < key(dl.Children[j])
		})
	}
}

// manpageRE splits a manual page reference such as "ls(1)" into the page
// and section.
var manpageRE = regexp.MustCompile(`^((.+)[(.]([1-9][\pL\pN_]*)?\)?)$`)

// ManpageLink is Sphinx's ManpageLink transform: each manpage node gets
// the attributes path, page and section ("ls(1)": "ls(1)", "ls", "1") that
// writers use with manpages_url.
func ManpageLink(root *doctree.Element) {
	for _, n := range doctree.FindTag(root, TagManpage) {
		var parts []string
		for _, c := range n.Children {
			if t, ok := c.(*doctree.Text); ok {
				parts = append(parts, t.AsText())
			}
		}
		page := strings.Join(parts, " ")
		path, name, section := page, page, ""
		if m := manpageRE.FindStringSubmatchIndex(page); m != nil {
			path, name = page[m[2]:m[3]], page[m[4]:m[5]]
			if m[6] >= 0 {
				section = page[m[6]:m[7]]
			} else {
				n.Set("path", path)
				n.Set("page", name)
				n.Set("section", nil)
				continue
			}
		}
		n.Set("path", path)
		n.Set("page", name)
		n.Set("section", section)
	}
}
