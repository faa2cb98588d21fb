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
	type item struct {
		word string
		e    *idxEntry
	}
	list := make([]item, 0, len(words))
	for w, e := range words {
		sortTargets(e.targets)
		for _, s := range e.subs {
			sortTargets(s.targets)
		}
		list = append(list, item{w, e})
	}
	sortKey := func(it item) (int, string) {
		k := it.word
		if it.e.key != nil {
			k = *it.e.key
		}
		lk := norm.NFD.String(strings.ToLower(k))
		lk = strings.TrimPrefix(lk, "\u200f")
		r := firstRune(lk)
		if unicode.IsLetter(r) || r == '_' {
			return 1, lk
		}
		return 0, lk
	}
	sort.Slice(list, func(i, j int) bool {
		gi, ki := sortKey(list[i])
		gj, kj := sortKey(list[j])
		if gi != gj {
			return gi < gj
		}
		if ki != kj {
			return ki < kj
		}
		return list[i].word < list[j].word
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
		sort.Slice(subNames, func(i, j int) bool { return subKey(subNames[i]) < subKey(subNames[j]) })
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
