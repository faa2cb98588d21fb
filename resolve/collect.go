package resolve

import (
	"crypto/md5"
	"encoding/hex"
	"os"
	"path"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// collectDoc extracts from an unresolved document what the post-read stage
// shares: its table of contents, title, toctrees, enumerable nodes and std
// objects. It only reads the document.
func collectDoc(name string, doc *doctree.Document) *docData {
	d := &docData{name: name, figtypes: map[string]figTarget{}}
	if doc == nil {
		d.toc = doctree.NewElement("bullet_list")
		d.title = doctree.NewElement("title", doctree.NewText("<no title>"))
		d.titleText = "<no title>"
		return d
	}
	root := doc.Root
	numEntries := 0
	d.toc = buildToc(name, root, &numEntries)
	d.numEntries = numEntries
	if d.toc == nil {
		d.toc = doctree.NewElement("bullet_list")
	}
	d.title = doctree.NewElement("title")
	if sec := firstTag(root, "section"); sec != nil && len(sec.Children) > 0 {
		if t, ok := sec.Children[0].(*doctree.Element); ok {
			d.title.Append(filterTitle(t)...)
		}
	} else {
		t := root.GetString("title")
		if t == "" {
			t = "<no title>"
		}
		d.title.Append(doctree.NewText(t))
	}
	d.titleText = cleanText(d.title)
	doctree.Inspect(root, func(n doctree.Node) bool {
		e, ok := n.(*doctree.Element)
		if !ok {
			return false
		}
		switch e.Tag {
		case "toctree":
			d.toctrees = append(d.toctrees, e.Copy())
			d.includes = append(d.includes, e.GetStrings("includefiles")...)
			if e.GetInt("numbered") != 0 {
				d.numbered = true
			}
		case "download_reference":
			if t := e.GetString("reftarget"); t != "" && !strings.Contains(t, "://") {
				d.downloads = append(d.downloads, downloadRel(doc, name, t))
			}
		case "production":
			if tok := e.GetString("tokenname"); tok != "" && len(e.IDs) > 0 {
				d.objects = append(d.objects, stdObject{typ: "token", name: tok, doc: name, id: e.IDs[0]})
			}
		case "desc":
			if e.GetString("domain") == "std" {
				d.objects = append(d.objects, stdObjectsOf(name, e)...)
			}
		}
		return true
	})
	// Enumerable nodes and sections that explicit labels point to, for
	// :numref: (which reads the target node's type).
	for lname, explicit := range doc.NameTypes {
		if !explicit {
			continue
		}
		id := doc.NameIDs[lname]
		node := doc.IDs[id]
		if node == nil {
			continue
		}
		if node.Tag == "target" && node.Has("refid") {
			id = node.GetString("refid")
			node = doc.IDs[id]
			if node == nil {
				continue
			}
		}
		if ft := enumerableType(node); ft != "" && len(node.IDs) > 0 {
			d.figtypes[id] = figTarget{typ: ft, firstID: node.IDs[0]}
		}
	}
	return d
}

// downloadRel is the path of a download target relative to the source
// directory (env.relfn2path): "/x" is relative to the source directory,
// anything else to the document's folder.
func downloadRel(doc *doctree.Document, docname, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(strings.TrimLeft(target, "/"))
	}
	return path.Clean(path.Join(path.Dir(docname), target))
}

// downloadDest is where a download file goes under _downloads/: a folder
// named by the MD5 digest of its path, as Sphinx's DownloadFiles.add_file.
func downloadDest(rel string) string {
	sum := md5.Sum([]byte(rel))
	return hex.EncodeToString(sum[:]) + "/" + path.Base(rel)
}

func firstTag(root *doctree.Element, tag string) *doctree.Element {
	var found *doctree.Element
	doctree.Inspect(root, func(n doctree.Node) bool {
		if found != nil {
			return false
		}
		e, ok := n.(*doctree.Element)
		if !ok {
			return false
		}
		if e.Tag == tag {
			found = e
			return false
		}
		return true
	})
	return found
}

// buildToc is Sphinx's TocTreeCollector.process_doc build_toc: the
// sections below node as nested bullet lists, with toctree copies and
// object descriptions where they appear and only nodes kept for the
// writer to evaluate. numEntries counts entries so that only the very
// first gets the empty anchor (it stands for the page itself).
func buildToc(docname string, node *doctree.Element, numEntries *int) *doctree.Element {
	var entries []doctree.Node
	memo := map[string]*doctree.Element{}
	for _, c := range node.Children {
		sn, ok := c.(*doctree.Element)
		if !ok {
			continue
		}
		switch sn.Tag {
		case "section":
			var text []doctree.Node
			if len(sn.Children) > 0 {
				if t, ok := sn.Children[0].(*doctree.Element); ok {
					text = filterTitle(t)
				}
			}
			anchor := anchorName(sn.IDs, numEntries)
			ref := doctree.NewElement("reference", text...)
			ref.Set("internal", true)
			ref.Set("refuri", docname)
			ref.Set("anchorname", anchor)
			item := doctree.NewElement("list_item", doctree.NewElement("compact_paragraph", ref))
			if sub := buildToc(docname, sn, numEntries); sub != nil {
				item.Append(sub)
			}
			entries = append(entries, item)
		case "only":
			only := doctree.NewElement("only")
			only.Set("expr", sn.GetString("expr"))
			if bl := buildToc(docname, sn, numEntries); bl != nil {
				kids := append([]doctree.Node(nil), bl.Children...)
				bl.Clear()
				only.Append(kids...)
				entries = append(entries, only)
			}
		default:
			doctree.Inspect(sn, func(n doctree.Node) bool {
				e, ok := n.(*doctree.Element)
				if !ok {
					return false
				}
				switch e.Tag {
				case "toctree":
					entries = append(entries, e.Copy())
				case "desc":
					entries = appendDescEntries(entries, docname, e, numEntries, memo)
				}
				return true
			})
		}
	}
	if len(entries) == 0 {
		return nil
	}
	return doctree.NewElement("bullet_list", entries...)
}

// appendDescEntries adds the toc entries of an object description's
// signatures (Sphinx 5.2's toc_object_entries), nesting each under its
// parent object when the parent is in the same list.
func appendDescEntries(entries []doctree.Node, docname string, desc *doctree.Element, numEntries *int, memo map[string]*doctree.Element) []doctree.Node {
	for _, c := range desc.Children {
		sig, ok := c.(*doctree.Element)
		if !ok || sig.Tag != "desc_signature" {
			continue
		}
		tocName := sig.GetString("_toc_name")
		if tocName == "" || truthy(desc, "nocontentsentry") || len(sig.IDs) == 0 {
			continue
		}
		anchor := anchorName(sig.IDs, numEntries)
		ref := doctree.NewElement("reference", doctree.NewElement("literal", doctree.NewText(tocName)))
		ref.Set("internal", true)
		ref.Set("refuri", docname)
		ref.Set("anchorname", anchor)
		para := doctree.NewElement("compact_paragraph", ref)
		para.Set("skip_section_number", true)
		entry := doctree.NewElement("list_item", para)
		var parts []string
		switch v, _ := sig.Get("_toc_parts"); l := v.(type) {
		case []string:
			parts = l
		case interface{ Strings() []string }:
			// The py domain's list type, which prints as Sphinx's tuple.
			parts = l.Strings()
		}
		key := strings.Join(parts, "\x00")
		memo[key] = entry
		if len(parts) > 1 {
			if parent := memo[strings.Join(parts[:len(parts)-1], "\x00")]; parent != nil {
				if last, ok := parent.LastChild().(*doctree.Element); ok && last.Tag == "bullet_list" {
					last.Append(entry)
				} else {
					parent.Append(doctree.NewElement("bullet_list", entry))
				}
				continue
			}
		}
		entries = append(entries, entry)
	}
	return entries
}

func anchorName(ids []string, numEntries *int) string {
	anchor := ""
	if *numEntries > 0 && len(ids) > 0 {
		anchor = "#" + ids[0]
	}
	*numEntries++
	return anchor
}

// filterTitle copies a title's content for a toc entry as Sphinx's
// SphinxContentsFilter: footnote and citation references and images are
// dropped, references, targets, problematic and pending_xref nodes are
// replaced by their content.
func filterTitle(title *doctree.Element) []doctree.Node {
	holder := doctree.NewElement("title")
	var copyInto func(dst *doctree.Element, n doctree.Node)
	copyInto = func(dst *doctree.Element, n doctree.Node) {
		switch x := n.(type) {
		case *doctree.Text:
			dst.Append(doctree.NewText(x.Data))
		case *doctree.Element:
			switch x.Tag {
			case "citation_reference", "footnote_reference", "image":
				return
			case "problematic", "reference", "target", "pending_xref":
				for _, c := range x.Children {
					copyInto(dst, c)
				}
				return
			}
			c := x.Copy()
			dst.Append(c)
			for _, cc := range x.Children {
				copyInto(c, cc)
			}
		}
	}
	for _, c := range title.Children {
		copyInto(holder, c)
	}
	kids := append([]doctree.Node(nil), holder.Children...)
	holder.Clear()
	return kids
}

// cleanText is doctree.CleanText (Sphinx's clean_astext).
func cleanText(e *doctree.Element) string { return doctree.CleanText(e) }

// enumerableType is the figure type of a node for numfig (the std
// domain's get_enumerable_node_type, and the math domain's for labelled
// equations): "section", "figure", "table", "code-block", "displaymath" or
// "".
func enumerableType(e *doctree.Element) string {
	switch e.Tag {
	case "section":
		return "section"
	case "figure":
		return "figure"
	case "table":
		return "table"
	case "container":
		// Sphinx registers every container as enumerable; only those
		// with a caption (code blocks) get a number.
		return "code-block"
	case "math_block":
		return "displaymath"
	}
	return ""
}

// numfigTitle is the caption or title of an enumerable node, "" when it
// has none (the std domain's get_numfig_title).
func numfigTitle(e *doctree.Element) string {
	switch e.Tag {
	case "figure", "table", "container":
		for _, c := range e.ChildElements() {
			if c.Tag == "caption" || c.Tag == "title" {
				return cleanText(c)
			}
		}
	}
	return ""
}

func truthy(e *doctree.Element, name string) bool { return e.Truthy(name) }

// fileReadable reports whether a file can be opened for reading (Sphinx
// checks os.access(filename, os.R_OK)).
func fileReadable(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// figTarget is the numfig type of a labelled node and its first id, under
// which its number is kept.
type figTarget struct {
	typ, firstID string
}
