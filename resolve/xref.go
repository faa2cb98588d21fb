package resolve

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

// Domain resolves the cross-references of one Sphinx domain (Domain's
// resolve_xref and resolve_any_xref). The standard domain is built in;
// others (py, c) register with State.AddDomain.
type Domain interface {
	// Name is the domain's name, as pending_xref's refdomain gives it.
	Name() string
	// ResolveXRef returns the node replacing a reference of type typ to
	// target, or nil when the target is unknown.
	ResolveXRef(x *XRef, typ, target string) *doctree.Element
	// ResolveAnyXRef returns every target an 'any' reference could
	// mean, each with its role as "domain:role".
	ResolveAnyXRef(x *XRef, target string) []AnyMatch
	// DanglingWarning returns the warning for an unresolved reference of
	// type typ, or "" for the generic one.
	DanglingWarning(typ, target string) string
}

// AnyMatch is one target of an 'any' reference.
type AnyMatch struct {
	Role string // "std:ref", "py:func", "doc"
	Node *doctree.Element
}

// XRef is one pending_xref being resolved, as a domain sees it.
type XRef struct {
	State   *State
	FromDoc string
	// Node is the pending_xref; ContNode is a copy of its content, to be
	// put inside the resulting reference.
	Node     *doctree.Element
	ContNode *doctree.Element
	msgs     *[]project.Message
}

// copy returns the reference with its own copy of the content, for
// trying several resolutions of one reference.
func (x *XRef) copy() *XRef {
	c := *x
	c.ContNode = x.ContNode.DeepCopyElement()
	return &c
}

// Explicit reports whether the reference gave its own title.
func (x *XRef) Explicit() bool { return truthy(x.Node, "refexplicit") }

// URI returns the URI of a document from the document being resolved.
func (x *XRef) URI(todoc string) string { return x.State.linker.DocURI(x.FromDoc, todoc) }

// RefNode makes a reference to an id in a document around child, as
// Sphinx's make_refnode: refid within the same document, refuri
// otherwise; title, when not empty, becomes reftitle.
func (x *XRef) RefNode(todoc, targetID string, child doctree.Node, title string) *doctree.Element {
	n := doctree.NewElement("reference")
	n.Set("internal", true)
	if x.FromDoc == todoc && targetID != "" {
		n.Set("refid", targetID)
	} else if targetID != "" {
		n.Set("refuri", x.URI(todoc)+"#"+targetID)
	} else {
		n.Set("refuri", x.URI(todoc))
	}
	if title != "" {
		n.Set("reftitle", title)
	}
	n.Append(child)
	return n
}

// Warn reports a warning located at the reference.
func (x *XRef) Warn(format string, args ...any) {
	*x.msgs = append(*x.msgs, x.State.warn(x.FromDoc, x.Node, format, args...))
}

// ResolveDoc is the project.Resolver of the post-read stage: it completes
// one document as Sphinx's get_and_resolve_doctree does (the metadata
// field list removed, cross-references resolved, only nodes evaluated,
// toctrees replaced by their lists).
func (s *State) ResolveDoc(b *project.Build, docname string, doc *doctree.Document) []project.Message {
	if doc == nil {
		return nil
	}
	if err := s.prepare(); err != nil {
		return []project.Message{{Level: doctree.LevelError, Text: err.Error()}}
	}
	var msgs []project.Message
	RemoveDocinfo(doc)
	msgs = append(msgs, s.resolveDownloads(docname, doc)...)
	msgs = append(msgs, s.ResolveReferences(docname, doc.Root)...)
	msgs = append(msgs, s.ProcessOnly(docname, doc.Root)...)
	msgs = append(msgs, s.resolveToctrees(docname, doc.Root)...)
	return msgs
}

// RemoveDocinfo removes the leading docinfo from a document once its
// fields have become the document's metadata, as Sphinx's
// MetadataCollector does.
func RemoveDocinfo(doc *doctree.Document) {
	for _, c := range doc.Root.Children {
		e, ok := c.(*doctree.Element)
		if !ok {
			return
		}
		switch e.Tag {
		case "title", "subtitle", "meta", "system_message", "raw", "decoration", "header",
			"footer", "comment", "substitution_definition", "target", "pending":
			// docutils' PreBibliographic elements may come first.
			continue
		case "docinfo":
			doc.Root.Remove(e)
		}
		return
	}
}

// resolveDownloads gives each download reference the file name under
// _downloads/ that the builder copies it to, and warns about missing
// files (Sphinx's DownloadFileCollector).
func (s *State) resolveDownloads(docname string, doc *doctree.Document) []project.Message {
	var msgs []project.Message
	for _, n := range doctree.FindTag(doc.Root, "download_reference") {
		target := n.GetString("reftarget")
		if strings.Contains(target, "://") {
			n.Set("refuri", target)
			continue
		}
		rel := downloadRel(doc, docname, target)
		abs := s.b.SrcDir + "/" + rel
		if !fileReadable(abs) {
			msgs = append(msgs, s.warn(docname, n, "download file not readable: %s", abs))
			continue
		}
		n.Set("filename", s.downloads[rel])
	}
	return msgs
}

// ResolveReferences replaces every pending_xref below root by a reference
// or, when its target is unknown, by its content (Sphinx's
// ReferencesResolver), and returns the warnings.
func (s *State) ResolveReferences(docname string, root *doctree.Element) []project.Message {
	var msgs []project.Message
	for _, node := range doctree.FindTag(root, "pending_xref") {
		if node.Parent() == nil {
			continue
		}
		s.resolveOne(docname, node, &msgs)
	}
	return msgs
}

func (s *State) resolveOne(docname string, node *doctree.Element, msgs *[]project.Message) {
	var contnode *doctree.Element
	if content := xrefCondition(node, "resolved", "*"); content != nil {
		contnode = firstElement(content)
	} else if len(node.Children) > 0 {
		if e, ok := node.Children[0].(*doctree.Element); ok {
			contnode = e.DeepCopyElement()
		}
	}
	if contnode == nil {
		contnode = doctree.NewElement("inline", doctree.NewText(node.AsText()))
	}
	typ := node.GetString("reftype")
	target := node.GetString("reftarget")
	node.SetDefault("refdoc", docname)
	refdoc := node.GetString("refdoc")
	x := &XRef{State: s, FromDoc: refdoc, Node: node, ContNode: contnode, msgs: msgs}
	var newnode *doctree.Element
	var domain Domain
	noURI := false
	if dn := node.GetString("refdomain"); dn != "" {
		domain = s.domains[dn]
		if domain == nil {
			noURI = true
		} else {
			newnode = domain.ResolveXRef(x, typ, target)
		}
	} else if typ == "any" {
		newnode = s.resolveAny(x, target)
	} else if typ == "myst" {
		newnode = s.resolveMyst(x, target)
		if newnode == nil {
			// MyST warns as for a reference without a domain.
			node.Set("refdomain", "")
		}
	}
	if newnode == nil && !noURI {
		s.warnMissing(x, typ, target, domain)
	}
	var repl []doctree.Node
	if newnode != nil {
		repl = []doctree.Node{newnode}
	} else {
		repl = []doctree.Node{contnode}
		if len(node.Children) > 0 {
			if first, ok := node.Children[0].(*doctree.Element); ok && first.Tag == "pending_xref_condition" {
				if matched := xrefCondition(node, "*"); matched != nil {
					repl = matched
				} else {
					x.Warn("Could not determine the fallback text for the cross-reference. Might be a bug.")
				}
			}
		}
	}
	doctree.ReplaceSelf(node, repl...)
}

// xrefCondition returns copies of the children of the first
// pending_xref_condition child matching one of conditions, or nil.
func xrefCondition(node *doctree.Element, conditions ...string) []doctree.Node {
	for _, cond := range conditions {
		for _, c := range node.ChildElements() {
			if c.Tag == "pending_xref_condition" && c.GetString("condition") == cond {
				var out []doctree.Node
				for _, k := range c.Children {
					out = append(out, k.DeepCopy())
				}
				return out
			}
		}
	}
	return nil
}

func firstElement(nodes []doctree.Node) *doctree.Element {
	for _, n := range nodes {
		if e, ok := n.(*doctree.Element); ok {
			return e
		}
	}
	return nil
}

// resolveAny resolves an 'any' reference: as a document first, then in
// the standard domain, then in every other domain; it warns when more than
// one target matches and marks the result with the role that matched.
func (s *State) resolveAny(x *XRef, target string) *doctree.Element {
	var results []AnyMatch
	if n := s.std.ResolveXRef(x, "doc", target); n != nil {
		results = append(results, AnyMatch{Role: "doc", Node: n})
	}
	results = append(results, s.std.ResolveAnyXRef(x, target)...)
	for _, d := range s.order {
		if d.Name() == "std" {
			continue
		}
		results = append(results, d.ResolveAnyXRef(x.copy(), target)...)
	}
	if len(results) == 0 {
		return nil
	}
	if len(results) > 1 {
		var cands []string
		for _, r := range results {
			title := r.Node.GetString("reftitle")
			if !r.Node.Has("reftitle") {
				title = r.Node.AsText()
			}
			cands = append(cands, fmt.Sprintf(":%s:`%s`", r.Role, title))
		}
		x.Warn("more than one target found for 'any' cross-reference %s: could be %s", pyRepr(target), strings.Join(cands, " or "))
	}
	res := results[0]
	dom, _, _ := strings.Cut(res.Role, ":")
	if len(res.Node.Children) > 0 {
		if first, ok := res.Node.Children[0].(*doctree.Element); ok && len(first.Classes) > 0 {
			first.Classes = append(first.Classes, dom, strings.ReplaceAll(res.Role, ":", "-"))
		}
	}
	return res.Node
}

// warnMissing warns about an unresolved reference when the reference asks
// for it (refwarn) or the build is nitpicky and the reference is not
// ignored, with Sphinx's wording.
func (s *State) warnMissing(x *XRef, typ, target string, domain Domain) {
	node := x.Node
	warn := truthy(node, "refwarn")
	cfg := s.b.Cfg
	if cfg.Nitpicky || s.b.Opts.Nitpicky {
		warn = true
		dtype := typ
		if domain != nil {
			dtype = domain.Name() + ":" + typ
		}
		stdLike := domain == nil || domain.Name() == "std"
		for _, ig := range cfg.NitpickIgnore {
			if ig.Type == dtype && ig.Target == target || stdLike && ig.Type == typ && ig.Target == target {
				warn = false
			}
		}
		for _, ig := range cfg.NitpickIgnoreRegex {
			if fullMatch(ig.Type, dtype) && fullMatch(ig.Target, target) ||
				stdLike && fullMatch(ig.Type, typ) && fullMatch(ig.Target, target) {
				warn = false
			}
		}
	}
	if !warn || s.suppressed("ref", typ) {
		return
	}
	refdomain := node.GetString("refdomain")
	if !node.Has("refdomain") {
		refdomain = "std"
	}
	switch {
	case (domain == nil || domain.Name() == "std") && typ == "ref":
		if _, ok := s.std.anonLabel(target); !ok {
			x.Warn("undefined label: %s", pyRepr(target))
		} else {
			x.Warn("Failed to create a cross reference. A title or caption not found: %s", pyRepr(target))
		}
	case domain != nil && domain.DanglingWarning(typ, target) != "":
		x.Warn("%s", domain.DanglingWarning(typ, target))
	case refdomain != "" && refdomain != "std":
		x.Warn("%s:%s reference target not found: %s", refdomain, typ, target)
	default:
		x.Warn("%s reference target not found: %s", pyRepr(typ), target)
	}
}

func fullMatch(pattern, s string) bool {
	re, err := regexp.Compile(`^(?:` + pattern + `)$`)
	return err == nil && re.MatchString(s)
}

// pyRepr quotes a string as Python's repr does, as Sphinx's messages
// show targets with %r.
func pyRepr(s string) string { return doctree.PyStrRepr(s) }
