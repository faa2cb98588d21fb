package resolve

import (
	"path"
	"slices"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// MyST-Parser turns a Markdown link that is not an external URL into a
// pending_xref of type "myst" (no domain), and resolves it with its own
// post-transform, MystReferenceResolver, before Sphinx's: the target may
// be a heading anchor ("doc.md#slug", "#slug"), a std label, a document
// (with or without its suffix), a std object or any domain's object. The
// link's own content is kept when it has one (nested syntax).

// resolveMyst is MystReferenceResolver.resolve_myst_ref: every match,
// a warning when there are several, the first one with the classes of
// the role that matched.
func (s *State) resolveMyst(x *XRef, target string) *doctree.Element {
	var results []AnyMatch
	if n := s.mystAnchor(x); n != nil {
		results = append(results, AnyMatch{Role: "std:doc", Node: n})
	} else {
		// An anchored document was found: looking for labels and
		// documents too would find it twice.
		if n := s.mystRef(x, ""); n != nil {
			results = append(results, AnyMatch{Role: "std:ref", Node: n})
		}
		if n := s.mystDoc(x); n != nil {
			results = append(results, AnyMatch{Role: "std:doc", Node: n})
		}
	}
	domains, all := s.mystRefDomains()
	if all || slices.Contains(domains, "std") {
		results = append(results, s.std.objectMatches(x, target)...)
	}
	for _, d := range s.order {
		if d.Name() == "std" || !all && !slices.Contains(domains, d.Name()) {
			continue
		}
		results = append(results, d.ResolveAnyXRef(x.copy(), target)...)
	}
	if len(results) == 0 {
		return nil
	}
	if len(results) > 1 && !s.suppressed("myst", "ref") {
		var cands []string
		for _, r := range results {
			title := r.Node.GetString("reftitle")
			if !r.Node.Has("reftitle") {
				title = r.Node.AsText()
			}
			cands = append(cands, ":"+r.Role+":`"+title+"`")
		}
		x.Warn("more than one target found for 'myst' cross-reference %s: could be %s [myst.ref]", target, strings.Join(cands, " or "))
	}
	res := results[0]
	dom, _, _ := strings.Cut(res.Role, ":")
	if len(res.Node.Children) > 0 {
		if first, ok := res.Node.Children[0].(*doctree.Element); ok {
			first.Classes = append(first.Classes, dom, strings.ReplaceAll(res.Role, ":", "-"))
		}
	}
	return res.Node
}

// mystRefDomains is myst_ref_domains: the domains Markdown links may
// reach; all is true for None (every domain).
func (s *State) mystRefDomains() (domains []string, all bool) {
	v, ok := s.b.Cfg.Value("myst_ref_domains")
	if !ok || v == nil {
		return nil, true
	}
	switch x := v.(type) {
	case []string:
		return x, false
	case []any:
		for _, d := range x {
			if str, ok := d.(string); ok {
				domains = append(domains, str)
			}
		}
		return domains, false
	}
	return nil, true
}

// mystAnchor resolves a target with a "#" as a heading anchor
// (_resolve_anchor): the label "path#slug" that MyST made of a heading,
// the path being relative to the referring document ("#slug" alone is in
// it).
func (s *State) mystAnchor(x *XRef) *doctree.Element {
	if s.b.Cfg.MystHeadingAnchors == 0 {
		// no anchors were made (myst_heading_anchors is None)
		return nil
	}
	target := x.Node.GetString("reftarget")
	i := strings.LastIndexByte(target, '#')
	if i < 0 {
		return nil
	}
	relPath, anchor := path.Clean(target[:i]), target[i+1:]
	refdoc := x.refdoc()
	var docPath string
	switch {
	case relPath == ".":
		docPath = s.docPath(refdoc)
	case strings.HasPrefix(relPath, "/"):
		// os.path.join drops what comes before an absolute path
		docPath = relPath
	default:
		docPath = path.Clean(path.Join(refdoc, "..", relPath))
	}
	return s.mystRef(x, docPath+"#"+anchor)
}

// docPath is a document's source file relative to the source directory
// (env.doc2path with base=False): the name with the suffix of the file
// that exists, else with the first source suffix.
func (s *State) docPath(docname string) string {
	if src, ok := s.b.SourceOf(docname); ok && src.Rel != "" {
		return src.Rel
	}
	if suffixes := s.b.Cfg.Suffixes(); len(suffixes) > 0 {
		return docname + suffixes[0]
	}
	return docname
}

// refdoc is the document the reference was written in.
func (x *XRef) refdoc() string {
	if d := x.Node.GetString("refdoc"); d != "" {
		return d
	}
	return x.FromDoc
}

// mystRef resolves a std label (_resolve_ref_nested): the lower-cased
// reference target, or target when given. An explicit link keeps its
// content (any label will do); otherwise it shows the label's title.
func (s *State) mystRef(x *XRef, target string) *doctree.Element {
	if target == "" {
		target = strings.ToLower(x.Node.GetString("reftarget"))
	}
	var inner *doctree.Element
	var docname, id string
	if x.Explicit() {
		l, _ := s.std.anonLabel(target)
		docname, id = l.DocName, l.ID
		inner = x.nestedContent()
	} else {
		l, _ := s.std.label(target)
		docname, id = l.DocName, l.ID
		inner = doctree.NewTextElement("inline", l.Title, l.Title)
	}
	if docname == "" {
		return nil
	}
	return x.RefNode(docname, id, inner, "")
}

// mystDoc resolves a document (_resolve_doc_nested), relative to the
// referring one, with or without a source suffix.
func (s *State) mystDoc(x *XRef) *doctree.Element {
	docname := DocNameJoin(x.refdoc(), x.Node.GetString("reftarget"))
	if !s.HasDoc(docname) {
		if stem, ext := pySplitext(docname); ext != "" {
			if _, ok := s.b.Cfg.SourceSuffix[ext]; ok {
				docname = stem
			}
		}
		if !s.HasDoc(docname) {
			return nil
		}
	}
	var inner *doctree.Element
	if x.Explicit() {
		inner = x.nestedContent()
	} else {
		caption := s.TitleText(docname)
		inner = doctree.NewTextElement("inline", caption, caption)
	}
	inner.Classes = append(inner.Classes, "doc")
	return x.RefNode(docname, "", inner, "")
}

// nestedContent is an inline holding copies of the link's content, for a
// link with its own text: MyST keeps its nested markup.
func (x *XRef) nestedContent() *doctree.Element {
	inner := doctree.NewElement("inline")
	inner.RawSource = x.Node.AsText()
	if len(x.Node.Children) > 0 {
		if first, ok := x.Node.Children[0].(*doctree.Element); ok {
			for _, c := range first.Children {
				inner.Append(c.DeepCopy())
			}
		}
	}
	return inner
}

// pySplitext is Python's os.path.splitext: the extension of the last path
// element, leading dots not counting.
func pySplitext(p string) (string, string) {
	base := p[strings.LastIndexByte(p, '/')+1:]
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || strings.Trim(base[:i], ".") == "" {
		return p, ""
	}
	cut := len(p) - len(base) + i
	return p[:cut], p[cut:]
}

// suppressed reports whether suppress_warnings silences warnings of a
// type and subtype (Sphinx's is_suppressed_warning).
func (s *State) suppressed(typ, subtype string) bool {
	for _, w := range s.b.Cfg.SuppressWarnings {
		t, sub, hasSub := strings.Cut(w, ".")
		if t == typ && (!hasSub || sub == subtype || sub == "*") {
			return true
		}
	}
	return false
}
