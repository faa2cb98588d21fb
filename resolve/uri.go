package resolve

import (
	"fmt"
	"strings"
)

// Linker gives the URI of one document as seen from another, which is all
// that differs between builders when references and toctrees are resolved
// (Sphinx's builder.get_relative_uri). A builder that implements Linker is
// asked directly (project.Build.Builder); others get DocNameLinker, the
// pseudo-XML builder's scheme.
type Linker interface {
	// DocURI returns the URI of document to relative to document from,
	// without a fragment. It may be "" when both are the same page.
	DocURI(from, to string) string
}

// DocNameLinker links documents by their names, as Sphinx's XML and
// pseudo-XML builders do ("sub/page" from "index" is "sub/page").
type DocNameLinker struct{}

// DocURI returns the relative path between the two document names.
func (DocNameLinker) DocURI(from, to string) string { return RelativeURI(from, to) }

// HTMLLinker is the html builder's scheme: one file per document named
// docname + Suffix (".html").
type HTMLLinker struct{ Suffix string }

// DocURI returns the relative URI of to's page from from's page.
func (l HTMLLinker) DocURI(from, to string) string {
	return RelativeURI(quote(from)+l.Suffix, quote(to)+l.Suffix)
}

// DirHTMLLinker is the dirhtml builder's scheme: a folder per document
// (other/index.html), linked as "other/".
type DirHTMLLinker struct{}

// DocURI returns the relative URI of to's folder from from's folder.
func (DirHTMLLinker) DocURI(from, to string) string {
	return RelativeURI(dirTarget(from), dirTarget(to))
}

func dirTarget(docname string) string {
	if docname == "index" {
		return ""
	}
	if strings.HasSuffix(docname, "/index") {
		return docname[:len(docname)-len("index")]
	}
	return docname + "/"
}

// SingleHTMLLinker is the singlehtml builder's scheme: every document is
// a part of the root document's page, at the anchor "document-NAME".
// Builders that merge the pages fix the resulting double fragments
// themselves, as Sphinx's fix_refuris does.
type SingleHTMLLinker struct {
	RootDoc string
	Suffix  string
	// Docs reports whether a name is a document of the project; other
	// names (additional pages) keep their own file.
	Docs func(docname string) bool
}

// DocURI returns the single page with the document's anchor.
func (l SingleHTMLLinker) DocURI(_, to string) string {
	if l.Docs == nil || l.Docs(to) {
		return l.RootDoc + l.Suffix + "#document-" + to
	}
	return to + l.Suffix
}

// RelativeURI returns a relative URL from base to to, both relative to the
// output root, as sphinx.util.osutil.relative_uri: common leading folders
// are dropped and each remaining folder of base becomes "../".
func RelativeURI(base, to string) string {
	if strings.HasPrefix(to, "/") {
		return to
	}
	b2 := strings.Split(cutFragment(base), "/")
	t2 := strings.Split(cutFragment(to), "/")
	for len(b2) > 1 && len(t2) > 1 && b2[0] == t2[0] {
		b2, t2 = b2[1:], t2[1:]
	}
	if len(b2) == len(t2) {
		same := true
		for i := range b2 {
			if b2[i] != t2[i] {
				same = false
				break
			}
		}
		if same {
			return ""
		}
	}
	if len(b2) == 1 && len(t2) == 1 && t2[0] == "" {
		return "./"
	}
	return strings.Repeat("../", len(b2)-1) + strings.Join(t2, "/")
}

func cutFragment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// quote percent-encodes a document name for a URL as Python's
// urllib.parse.quote with its default safe "/".
func quote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '_', c == '.', c == '-', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
