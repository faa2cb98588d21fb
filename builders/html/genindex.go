package html

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
	"golang.org/x/text/unicode/norm"
)

// idxEntry is a word of the index being built: its links, sub-entries and
// category key (Sphinx's [targets, subitems, key] list).
type idxEntry struct {
	targets []IndexTarget
	subs    map[string]*idxEntry
	key     *string
}

// genIndex builds the general index from the documents' index entries, as
// Sphinx's IndexEntries.create_index: entries grouped under their first
// letter (symbols first), pair and triple entries under each of their
// words, "see" entries without links, and "func() (in module x)" entries
// of one word gathered under it.
func (bd *Builder) genIndex() ([]IndexGroup, []int) {
	words := map[string]*idxEntry{}
	var add func(dic map[string]*idxEntry, word, sub, main string, link bool, uri string, key *string)
	add = func(dic map[string]*idxEntry, word, sub, main string, link bool, uri string, key *string) {
		e := dic[word]
		if e == nil {
			e = &idxEntry{subs: map[string]*idxEntry{}, key: key}
			dic[word] = e
		}
		if sub != "" {
			add(e.subs, sub, "", main, link, uri, key)
		} else if link {
			e.targets = append(e.targets, IndexTarget{Main: main, URI: uri})
		}
	}
	for _, docname := range bd.b.Env.DocNames() {
		rec := bd.b.Env.Docs[docname]
		for _, ie := range rec.Index {
			uri := relativeURI(bd.targetURI("genindex"), bd.targetURI(docname)) + "#" + ie.TargetID
			var key *string
			if ie.Key != "" {
				k := ie.Key
				key = &k
			}
			parts := strings.Split(ie.Value, ";")
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			bad := func(n int) bool {
				if len(parts) != n {
					bd.b.Report(project.Message{File: bd.sourceOf(docname).Rel, Level: doctree.LevelWarning,
						Text: fmt.Sprintf("invalid %s index entry %s", ie.Type, pyQuote(ie.Value))})
					return true
				}
				return false
			}
			switch ie.Type {
			case "single":
				if len(parts) > 2 {
					bad(2)
					continue
				}
				sub := ""
				if len(parts) == 2 {
					sub = parts[1]
				}
				add(words, parts[0], sub, ie.Main, true, uri, key)
			case "pair":
				if bad(2) {
					continue
				}
				add(words, parts[0], parts[1], ie.Main, true, uri, key)
				add(words, parts[1], parts[0], ie.Main, true, uri, key)
			case "triple":
				if bad(3) {
					continue
				}
				add(words, parts[0], parts[1]+" "+parts[2], ie.Main, true, uri, key)
				add(words, parts[1], parts[2]+", "+parts[0], ie.Main, true, uri, key)
				add(words, parts[2], parts[0]+" "+parts[1], ie.Main, true, uri, key)
			case "see", "seealso":
				if bad(2) {
					continue
				}
				label := "see "
				if ie.Type == "seealso" {
					label = "see also "
				}
				add(words, parts[0], label+parts[1], "", false, "", key)
			default:
				bd.b.Report(project.Message{File: bd.sourceOf(docname).Rel, Level: doctree.LevelWarning,
					Text: fmt.Sprintf("unknown index entry type %s", pyQuote(ie.Type))})
			}
		}
	}
	sortTargets := func(t []IndexTarget) {
		sort.SliceStable(t, func(i, j int) bool {
			mi, mj := t[i].Main != "", t[j].Main != ""
			if mi != mj {
				return mi
			}
			return t[i].URI < t[j].URI
		})
	}
	// item is a word with its sort key, computed once: symbols (group 0)
	// before letters (group 1), then the lower-case decomposed key.
	type item struct {
		word  string
		e     *idxEntry
		group int
		key   string
	}
	list := make([]item, 0, len(words))
	for w, e := range words {
		sortTargets(e.targets)
		for _, s := range e.subs {
			sortTargets(s.targets)
		}
		k := w
		if e.key != nil {
			k = *e.key
		}
		lk := strings.TrimPrefix(norm.NFD.String(strings.ToLower(k)), "\u200f")
		group := 0
		if r := firstRune(lk); unicode.IsLetter(r) || r == '_' {
			group = 1
		}
		list = append(list, item{w, e, group, lk})
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := &list[i], &list[j]
		if a.group != b.group {
			return a.group < b.group
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return a.word < b.word
	})
	// Gather "name() (in module x)" entries under "name()".
	fix := regexp.MustCompile(`^(.*) (\([^()]*\))$`)
	oldKey := ""
	var oldSubs map[string]*idxEntry
	out := list[:0]
	for _, it := range list {
		if len(it.e.subs) == 0 {
			if m := fix.FindStringSubmatch(it.word); m != nil {
				if oldKey == m[1] && oldSubs != nil {
					s := oldSubs[m[2]]
					if s == nil {
						s = &idxEntry{subs: map[string]*idxEntry{}, key: it.e.key}
						oldSubs[m[2]] = s
					}
					s.targets = append(s.targets, it.e.targets...)
					continue
				}
				oldKey = m[1]
			} else {
				oldKey = it.word
			}
		}
		oldSubs = it.e.subs
		out = append(out, it)
	}
	list = out
	subKey := func(w string) string {
		k := norm.NFD.String(strings.ToLower(w))
		k = strings.TrimPrefix(k, "\u200f")
		if r := firstRune(k); unicode.IsLetter(r) || r == '_' {
			k = "\x7f" + k
		}
		return k
	}
	var groups []IndexGroup
	var counts []int
	for _, it := range list {
		letter := ""
		if it.e.key != nil {
			letter = *it.e.key
		} else {
			w := strings.TrimPrefix(it.word, "\u200f")
			r := unicode.ToUpper(firstRune(norm.NFD.String(w)))
			if unicode.IsLetter(r) || r == '_' {
				letter = string(r)
			} else {
				letter = "Symbols"
			}
		}
		word := IndexWord{Word: it.word, Targets: it.e.targets, Key: it.e.key}
		subNames := make([]string, 0, len(it.e.subs))
		for s := range it.e.subs {
			subNames = append(subNames, s)
		}
		if len(subNames) > 1 {
			keys := make(map[string]string, len(subNames))
			for _, n := range subNames {
				keys[n] = subKey(n)
			}
			sort.Slice(subNames, func(i, j int) bool {
				a, b := subNames[i], subNames[j]
				if keys[a] != keys[b] {
					return keys[a] < keys[b]
				}
				return a < b
			})
		}
		for _, s := range subNames {
			word.Subs = append(word.Subs, IndexSub{Word: s, Targets: it.e.subs[s].targets})
		}
		if n := len(groups); n > 0 && groups[n-1].Letter == letter {
			groups[n-1].Entries = append(groups[n-1].Entries, word)
			counts[n-1] += 1 + len(word.Subs)
			continue
		}
		groups = append(groups, IndexGroup{Letter: letter, Entries: []IndexWord{word}})
		counts = append(counts, 1+len(word.Subs))
	}
	return groups, counts
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
