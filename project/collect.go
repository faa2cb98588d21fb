package project

import (
	"strings"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/sphinx"
)

// Collect gathers what a transformed document contributes to the
// environment, as Sphinx's environment collectors and the std domain's
// process_doc do: title, table of contents, toctrees, labels, terms,
// numbered objects, images and downloads, and file-wide metadata.
func Collect(doc *doctree.Document, docname string) *env.DocRecord {
	r := &env.DocRecord{
		DocName:    docname,
		Labels:     map[string]env.Label{},
		AnonLabels: map[string]env.Label{},
		Terms:      map[string]env.Term{},
		Metadata:   map[string]string{},
		Refs:       map[string][]string{},
	}
	root := doc.Root
	collectMetadata(root, r)
	r.Title = "<no title>"
	if s := firstSection(root); s != nil {
		if t := sectionTitle(s); t != nil {
			r.Title = cleanText(t)
		}
	} else if t := root.GetString("title"); t != "" {
		r.Title = t
	}
	r.Toc = tocOf(root, true)
	de := sphinx.EnvOf(doc)
	if de != nil {
		// MyST's heading anchors ("doc.md#slug") are std labels, which
		// explicit labels of the same name replace.
		if anchors, ok := de.Temp()[markdown.AnchorsTempKey].([]markdown.HeadingAnchor); ok {
			for _, a := range anchors {
				r.AnonLabels[a.Name] = env.Label{DocName: docname, ID: a.ID, Line: a.Line}
				r.Labels[a.Name] = env.Label{DocName: docname, ID: a.ID, Title: a.Title, Line: a.Line}
			}
		}
	}
	collectLabels(doc, r)
	if de != nil {
		if objs, ok := de.Temp()[env.ObjectsTempKey].([]env.Object); ok {
			r.Objects = objs
		}
	}
	doctree.Inspect(root, func(n doctree.Node) bool {
		e, ok := n.(*doctree.Element)
		if !ok {
			return false
		}
		switch e.Tag {
		case "toctree":
			r.TocTrees = append(r.TocTrees, tocTreeOf(e))
		case "term":
			if p := e.Parent(); p != nil && len(e.IDs) > 0 && insideGlossary(e) {
				name := strings.ToLower(cleanText(e))
				if _, dup := r.Terms[name]; !dup {
					r.Terms[name] = env.Term{DocName: docname, ID: e.IDs[0], Text: cleanText(e)}
				}
			}
		case "image":
			if uri := e.GetString("uri"); uri != "" && !strings.Contains(uri, "://") && !strings.HasPrefix(uri, "data:") {
				r.Images = append(r.Images, uri)
			}
		case "index":
			r.Index = append(r.Index, IndexEntriesOf(e)...)
		case "download_reference":
			if t := e.GetString("reftarget"); t != "" {
				r.Downloads = append(r.Downloads, t)
			}
		case "pending_xref":
			typ := e.GetString("reftype")
			if t := e.GetString("reftarget"); t != "" {
				r.Refs[typ] = append(r.Refs[typ], t)
			}
		case "figure", "table":
			if len(e.IDs) > 0 {
				r.Numbered = append(r.Numbered, env.NumberedObject{Kind: e.Tag, ID: e.IDs[0], Title: captionOf(e)})
			}
		case "container":
			if e.HasClass("literal-block-wrapper") && len(e.IDs) > 0 {
				r.Numbered = append(r.Numbered, env.NumberedObject{Kind: "code-block", ID: e.IDs[0], Title: captionOf(e)})
			}
		}
		return true
	})
	return r
}

func insideGlossary(e *doctree.Element) bool {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if p.Tag == "glossary" {
			return true
		}
	}
	return false
}

// collectMetadata reads the leading docinfo (or field list) as file-wide
// metadata, as Sphinx's MetadataCollector.
func collectMetadata(root *doctree.Element, r *env.DocRecord) {
	for _, c := range root.ChildElements() {
		switch c.Tag {
		case "docinfo", "field_list":
			for _, f := range c.ChildElements() {
				if f.Tag == "field" {
					kids := f.ChildElements()
					if len(kids) == 2 {
						r.Metadata[strings.ToLower(kids[0].AsText())] = kids[1].AsText()
					}
				} else {
					r.Metadata[f.Tag] = f.AsText()
				}
			}
			return
		case "comment", "target", "substitution_definition", "pending", "system_message":
			continue
		default:
			return
		}
	}
}

func firstSection(root *doctree.Element) *doctree.Element {
	var found *doctree.Element
	doctree.Inspect(root, func(n doctree.Node) bool {
		if found != nil {
			return false
		}
		if e, ok := n.(*doctree.Element); ok {
			if e.Tag == "section" {
				found = e
				return false
			}
			return true
		}
		return false
	})
	return found
}

func sectionTitle(s *doctree.Element) *doctree.Element {
	for _, c := range s.ChildElements() {
		if c.Tag == "title" {
			return c
		}
	}
	return nil
}

// cleanText is doctree.CleanText (Sphinx's clean_astext).
func cleanText(e *doctree.Element) string { return doctree.CleanText(e) }

// tocOf builds the table of contents from the sections below e. The first
// level of the document's own sections gets the empty anchor, as Sphinx
// links the document's title to the page itself.
func tocOf(e *doctree.Element, top bool) []*env.TocEntry {
	var out []*env.TocEntry
	for _, c := range e.ChildElements() {
		switch c.Tag {
		case "section":
			t := sectionTitle(c)
			if t == nil {
				continue
			}
			entry := &env.TocEntry{Title: cleanText(t)}
			if !top && len(c.IDs) > 0 {
				entry.Anchor = c.IDs[0]
			}
			entry.Children = tocOf(c, false)
			out = append(out, entry)
		case "only", "compound", "container":
			out = append(out, tocOf(c, top)...)
		}
	}
	return out
}

func tocTreeOf(e *doctree.Element) *env.TocTree {
	t := &env.TocTree{
		IncludeFiles:  e.GetStrings("includefiles"),
		MaxDepth:      e.GetInt("maxdepth"),
		Caption:       e.GetString("caption"),
		Hidden:        truthy(e, "hidden"),
		IncludeHidden: truthy(e, "includehidden"),
		Numbered:      e.GetInt("numbered"),
		TitlesOnly:    truthy(e, "titlesonly"),
		Glob:          truthy(e, "glob"),
	}
	if v, ok := e.Get("entries"); ok {
		t.Entries = tocTreeEntries(v)
	}
	return t
}

// tocTreeEntries reads a toctree's entries attribute, a list of
// (title, target) pairs.
func tocTreeEntries(v any) []env.TocTreeEntry {
	var out []env.TocTreeEntry
	switch x := v.(type) {
	case sphinx.TocEntries:
		for _, e := range x {
			out = append(out, env.TocTreeEntry{Title: e.Title, Target: e.Ref, IsURL: strings.Contains(e.Ref, "://"), IsSelf: e.Ref == "self"})
		}
	case []env.TocTreeEntry:
		return x
	case [][2]string:
		for _, p := range x {
			out = append(out, env.TocTreeEntry{Title: p[0], Target: p[1], IsURL: strings.Contains(p[1], "://"), IsSelf: p[1] == "self"})
		}
	case []any:
		for _, item := range x {
			switch p := item.(type) {
			case []any:
				if len(p) == 2 {
					title, _ := p[0].(string)
					target, _ := p[1].(string)
					out = append(out, env.TocTreeEntry{Title: title, Target: target, IsURL: strings.Contains(target, "://"), IsSelf: target == "self"})
				}
			case [2]string:
				out = append(out, env.TocTreeEntry{Title: p[0], Target: p[1], IsURL: strings.Contains(p[1], "://"), IsSelf: p[1] == "self"})
			}
		}
	}
	return out
}

func truthy(e *doctree.Element, name string) bool { return e.Truthy(name) }

func captionOf(e *doctree.Element) string {
	for _, c := range e.ChildElements() {
		if c.Tag == "caption" || c.Tag == "title" {
			return cleanText(c)
		}
	}
	return ""
}

// collectLabels records the document's explicit targets as :ref: labels,
// as Sphinx's std domain process_doc does.
func collectLabels(doc *doctree.Document, r *env.DocRecord) {
	for name, explicit := range doc.NameTypes {
		if !explicit {
			continue
		}
		id := doc.NameIDs[name]
		if id == "" {
			continue
		}
		node := doc.IDs[id]
		if node == nil {
			continue
		}
		if node.Tag == "target" && node.Has("refid") {
			target := doc.IDs[node.GetString("refid")]
			if target == nil || len(target.Names) == 0 {
				continue
			}
			node = target
			if len(node.IDs) > 0 {
				id = node.IDs[0]
			}
		}
		if node.Tag == "footnote" || node.Has("refuri") || strings.HasPrefix(node.Tag, "desc_") {
			continue
		}
		_, line := doctree.SourceLine(node)
		r.AnonLabels[name] = env.Label{DocName: r.DocName, ID: id, Line: line}
		title := ""
		switch {
		case node.Tag == "section":
			if t := sectionTitle(node); t != nil {
				title = cleanText(t)
			}
		case node.Tag == "rubric":
			title = cleanText(node)
		case node.Tag == "figure" || node.Tag == "table" || (node.Tag == "container" && node.HasClass("literal-block-wrapper")):
			title = captionOf(node)
		default:
			for _, tt := range doctree.FindTag(node, "toctree") {
				title = tt.GetString("caption")
				break
			}
		}
		if title == "" {
			continue
		}
		r.Labels[name] = env.Label{DocName: r.DocName, ID: id, Title: title, Line: line}
	}
}

// IndexEntriesOf reads the entries attribute of an index node: Sphinx's
// 5-tuples (type, value, target id, main, key), in whichever list form the
// directive or role stored them. A missing key (Python's None) is "".
func IndexEntriesOf(e *doctree.Element) []env.IndexEntry {
	v, ok := e.Get("entries")
	if !ok {
		return nil
	}
	var out []env.IndexEntry
	add := func(f []string) {
		for len(f) < 5 {
			f = append(f, "")
		}
		out = append(out, env.IndexEntry{Type: f[0], Value: f[1], TargetID: f[2], Main: f[3], Key: f[4]})
	}
	fields := func(x any) []string {
		switch t := x.(type) {
		case []string:
			return append([]string(nil), t...)
		case [5]string:
			return t[:]
		case [4]string:
			return t[:]
		case []any:
			s := make([]string, len(t))
			for i, v := range t {
				s[i], _ = v.(string)
			}
			return s
		}
		return nil
	}
	switch t := v.(type) {
	case sphinx.IndexEntries:
		for _, e := range t {
			out = append(out, env.IndexEntry{Type: e.Type, Value: e.Value, TargetID: e.TargetID, Main: e.Main, Key: e.Key})
		}
	case []env.IndexEntry:
		return append(out, t...)
	case [][]string:
		for _, f := range t {
			add(append([]string(nil), f...))
		}
	case [][5]string:
		for _, f := range t {
			add(f[:])
		}
	case []any:
		for _, x := range t {
			if f := fields(x); f != nil {
				add(f)
			}
		}
	}
	return out
}
