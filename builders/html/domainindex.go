package html

import (
	"encoding/json"
	"sort"
	"strings"
)

// DomainIndex is an index a domain adds to the site, such as the Python
// module index (py-modindex), as Sphinx's html_domain_indices.
type DomainIndex struct {
	// Name is the page name ("py-modindex"), Title its title ("Python
	// Module Index") and Short the relation link's name ("modules").
	Name, Title, Short string
	Content            []DomainIndexGroup
	// Collapse folds the sub-entries when the page loads.
	Collapse bool
}

// DomainIndexGroup is one letter of a domain index.
type DomainIndexGroup struct {
	Letter  string
	Entries []DomainIndexEntry
}

// MarshalJSON writes Sphinx's (letter, entries) pair.
func (g DomainIndexGroup) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]any{g.Letter, g.Entries})
}

// DomainIndexEntry is one entry of a domain index, Sphinx's IndexEntry:
// Subtype 0 is a plain entry, 1 an entry with sub-entries, 2 a sub-entry;
// DocName and Anchor locate it ("" for a group head without a page of its
// own); Extra is the platform, Qualifier "Deprecated" or "", Description
// the synopsis.
type DomainIndexEntry struct {
	Name        string
	Subtype     int
	DocName     string
	Anchor      string
	Extra       string
	Qualifier   string
	Description string
	// Link is the entry's URL from the index page.
	Link string
}

// MarshalJSON writes Sphinx's 7-tuple.
func (e DomainIndexEntry) MarshalJSON() ([]byte, error) {
	return json.Marshal([7]any{e.Name, e.Subtype, e.DocName, e.Anchor, e.Extra, e.Qualifier, e.Description})
}

// Sub reports a sub-entry, indented under its group head.
func (e DomainIndexEntry) Sub() bool { return e.Subtype == 2 }

// moduleIndex builds the Python module index from the documents' module
// objects, as Sphinx's PythonModuleIndex.generate: modules sorted by
// name, grouped by first letter, modindex_common_prefix stripped, and
// submodules gathered under their package.
func (bd *Builder) moduleIndex() *DomainIndex {
	type module struct {
		name, docname, anchor, platform, synopsis string
		deprecated                                bool
	}
	var mods []module
	seen := map[string]bool{}
	for _, name := range bd.b.Env.DocNames() {
		for _, o := range bd.b.Env.Docs[name].Objects {
			if o.Domain == "py" && o.Type == "module" && !seen[o.Name] {
				seen[o.Name] = true
				mods = append(mods, module{o.Name, name, o.ID, o.Platform, o.Synopsis, o.Deprecated})
			}
		}
	}
	if len(mods) == 0 {
		return nil
	}
	sort.SliceStable(mods, func(i, j int) bool { return strings.ToLower(mods[i].name) < strings.ToLower(mods[j].name) })
	var ignores []string
	if v, ok := bd.cfg.Value("modindex_common_prefix"); ok {
		if list, ok := v.([]any); ok {
			for _, x := range list {
				if s, ok := x.(string); ok {
					ignores = append(ignores, s)
				}
			}
		}
	}
	sort.SliceStable(ignores, func(i, j int) bool { return len(ignores[i]) > len(ignores[j]) })
	content := map[string][]DomainIndexEntry{}
	prev := ""
	toplevels := 0
	for _, m := range mods {
		modname, stripped := m.name, ""
		for _, ig := range ignores {
			if strings.HasPrefix(modname, ig) {
				modname, stripped = modname[len(ig):], ig
				break
			}
		}
		if modname == "" {
			modname, stripped = stripped, ""
		}
		letter := strings.ToLower(string([]rune(modname)[:1]))
		entries := content[letter]
		pkg, _, _ := strings.Cut(modname, ".")
		subtype := 0
		if pkg != modname {
			if prev == pkg {
				if n := len(entries); n > 0 {
					entries[n-1].Subtype = 1
				}
			} else if !strings.HasPrefix(prev, pkg) {
				entries = append(entries, DomainIndexEntry{Name: stripped + pkg, Subtype: 1})
			}
			subtype = 2
		} else {
			toplevels++
		}
		q := ""
		if m.deprecated {
			q = "Deprecated"
		}
		entries = append(entries, DomainIndexEntry{Name: stripped + modname, Subtype: subtype, DocName: m.docname,
			Anchor: m.anchor, Extra: m.platform, Qualifier: q, Description: m.synopsis})
		content[letter] = entries
		prev = modname
	}
	idx := &DomainIndex{Name: "py-modindex", Title: "Python Module Index", Short: "modules",
		Collapse: len(mods)-toplevels < toplevels}
	letters := make([]string, 0, len(content))
	for l := range content {
		letters = append(letters, l)
	}
	sort.Strings(letters)
	for _, l := range letters {
		entries := content[l]
		for i := range entries {
			switch {
			case entries[i].DocName == "":
			case bd.variant == SingleHTML:
				entries[i].Link = bd.rootDoc() + bd.suffix + "#" + entries[i].Anchor
			default:
				entries[i].Link = relativeURI(bd.targetURI(idx.Name), bd.targetURI(entries[i].DocName)) + "#" + entries[i].Anchor
			}
		}
		idx.Content = append(idx.Content, DomainIndexGroup{Letter: l, Entries: entries})
	}
	return idx
}

// domainIndicesEnabled reads html_domain_indices: true, false, or a list
// of the index names to write.
func (bd *Builder) domainIndexEnabled(name string) bool {
	v, ok := bd.cfg.Value("html_domain_indices")
	if !ok {
		return true
	}
	switch x := v.(type) {
	case bool:
		return x
	case []any:
		for _, n := range x {
			if n == name {
				return true
			}
		}
		return false
	}
	return true
}
