// Package search builds the full-text search index of a site at build time,
// in Sphinx's format: searchindex.js calls
// Search.setIndex({docnames, filenames, titles, terms, titleterms, objects,
// objnames, objtypes, envversion, alltitles, indexentries}), so the default
// theme's client and tools that read Sphinx's index both understand it.
//
// Words are collected from each resolved document as Sphinx's WordCollector
// does (every text node, titles apart, comments and raw markup skipped),
// lower-cased and stemmed with the Porter stemmer for English, minus
// Sphinx's stop words. Documents are collected independently (Collect is a
// pure function safe to call from the builder's workers) and added to an
// Index, whose output does not depend on the order they arrive in.
package search

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
)

// stopwords are Sphinx's English stop words, never indexed.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a and are as at be but by for if in into is it near no not of on or
		such that the their then there these they this to was will with`) {
		stopwords[w] = true
	}
}

// Stopwords returns the stop words of a search language, sorted; the
// client needs them to skip the same words in queries.
func Stopwords(lang string) []string {
	if !isEnglish(lang) {
		return nil
	}
	out := make([]string, 0, len(stopwords))
	for w := range stopwords {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func isEnglish(lang string) bool {
	return lang == "" || lang == "en" || strings.HasPrefix(lang, "en_") || strings.HasPrefix(lang, "en-")
}

// Language splits, stems and filters words as Sphinx's SearchLanguage.
type Language struct {
	english bool
}

// NewLanguage returns the rules for html_search_language: English gets the
// Porter stemmer and stop words; other languages are split on word
// boundaries and lower-cased only.
func NewLanguage(lang string) Language {
	return Language{english: isEnglish(lang)}
}

// Split returns the words of s: runs of letters, digits and underscores,
// as Python's \w+.
func Split(s string) []string {
	var out []string
	eachWord(s, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of s, as Split finds them.
func eachWord(s string, f func(string)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var w bool
		n := 1
		if c < utf8.RuneSelf {
			w = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			w = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			f(s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(s[start:])
	}
}

// stem is the language's stemmer, lower-casing as Sphinx's stem does.
func (l Language) stem(w string) string {
	w = strings.ToLower(w)
	if l.english {
		return Stem(w)
	}
	return w
}

// filter is Sphinx's word_filter: false for stop words and very short
// Japanese kana.
func (l Language) filter(w string) bool {
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if utf8.RuneCountInString(w) < 3 && r > 12353 && r < 12436 {
		return false
	}
	return !(r < 256 && l.english && stopwords[w])
}

// Title is a section (or other) title of a document and the id of the
// element it names; ID is "" where Sphinx writes null.
type Title struct {
	Text string
	ID   string
}

// DocWords is what one document contributes to the index.
type DocWords struct {
	// Words and TitleWords are index terms (stemmed and filtered), without
	// repeats, in first-seen order.
	Words      []string
	TitleWords []string
	Titles     []Title
	// Summary is the start of the document's text, for result snippets.
	Summary string
}

var (
	reStyle  = regexp.MustCompile(`(?is)<style.*?</style>`)
	reScript = regexp.MustCompile(`(?is)<script.*?</script>`)
	reTag    = regexp.MustCompile(`<[^<]+?>`)
)

// summaryLen is the length of the stored summaries, in bytes.
const summaryLen = 220

// Collect gathers the words of a resolved document. It reads doc only.
func Collect(doc *doctree.Document, l Language) DocWords {
	c := collector{lang: l, seen: map[string]bool{}, seenTitle: map[string]bool{}, seenWord: map[string]bool{}}
	c.walk(doc.Root, false)
	return DocWords{Words: copyWords(c.words), TitleWords: copyWords(c.titleWords), Titles: c.titles, Summary: strings.TrimSpace(c.summary.String())}
}

// copyWords copies words into one new string and slices them from it: the
// words are pieces of the document's text, which the index would
// otherwise keep alive until the build ends.
func copyWords(words []string) []string {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	var b strings.Builder
	b.Grow(n)
	for _, w := range words {
		b.WriteString(w)
	}
	all := b.String()
	out := make([]string, len(words))
	off := 0
	for i, w := range words {
		out[i] = all[off : off+len(w)]
		off += len(w)
	}
	return out
}

type collector struct {
	lang Language
	// seenWord holds the words met in the text, to skip repeats early.
	seenWord   map[string]bool
	words      []string
	titleWords []string
	titles     []Title
	seen       map[string]bool
	seenTitle  map[string]bool
	summary    strings.Builder
	sumDone    bool
}

// stem is the language's stem of w. Stemming is cheaper than a shared
// cache would be; repeats within a document are skipped before it.
func (c *collector) stem(w string) string { return c.lang.stem(w) }

func (c *collector) addWords(text string, summary bool) {
	eachWord(text, func(w string) {
		if c.seenWord[w] {
			return
		}
		c.seenWord[w] = true
		s := c.stem(w)
		if !c.lang.filter(s) && c.lang.filter(w) {
			// The stemmer must not drop a word from the index.
			s = w
		}
		if c.lang.filter(s) && !c.seen[s] {
			c.seen[s] = true
			c.words = append(c.words, s)
		}
	})
	if summary && !c.sumDone {
		c.addSummary(text)
	}
}

func (c *collector) addSummary(text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	if c.summary.Len() > 0 {
		c.summary.WriteByte(' ')
	}
	room := summaryLen - c.summary.Len()
	if room <= 0 {
		c.sumDone = true
		return
	}
	if len(text) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if sp := strings.LastIndexByte(text[:cut], ' '); sp > room/2 {
			cut = sp
		}
		c.summary.WriteString(text[:cut])
		c.summary.WriteString(" …")
		c.sumDone = true
		return
	}
	c.summary.WriteString(text)
}

func (c *collector) walk(e *doctree.Element, inTitle bool) {
	switch e.Tag {
	case "comment", "toctree", "index", "substitution_definition", "system_message", "pending", "only":
		if e.Tag == "only" {
			// Unresolved only nodes do not reach the output.
			return
		}
		return
	case "raw":
		if strings.Contains(" "+e.GetString("format")+" ", " html ") {
			t := reStyle.ReplaceAllString(e.AsText(), "")
			t = reScript.ReplaceAllString(t, "")
			t = reTag.ReplaceAllString(t, "")
			c.addWords(t, false)
		}
		return
	case "meta":
		if e.GetString("name") == "keywords" {
			for _, k := range strings.Split(e.GetString("content"), ",") {
				if k = strings.TrimSpace(k); k != "" && !c.seen[k] {
					c.seen[k] = true
					c.words = append(c.words, k)
				}
			}
		}
		return
	case "title":
		title := e.AsText()
		id := ""
		if p := e.Parent(); p != nil && len(p.IDs) > 0 {
			id = p.IDs[0]
		}
		c.titles = append(c.titles, Title{Text: title, ID: id})
		for _, w := range Split(title) {
			s := c.stem(w)
			switch {
			case c.lang.filter(s):
			case c.lang.filter(w):
				s = w
			default:
				continue
			}
			if !c.seenTitle[s] {
				c.seenTitle[s] = true
				c.titleWords = append(c.titleWords, s)
			}
		}
		inTitle = true
	}
	for _, n := range e.Children {
		switch x := n.(type) {
		case *doctree.Text:
			c.addWords(x.AsText(), !inTitle)
		case *doctree.Element:
			c.walk(x, inTitle)
		}
	}
}

// Object is a described object (a function, a class, a C macro...) for
// the index's "objects", as a domain's get_objects gives it.
type Object struct {
	Domain, Type string
	// TypeName is the type's label shown in results ("Python function").
	TypeName           string
	FullName, DispName string
	DocName, Anchor    string
	// Prio orders results (0 first); negative means not searchable.
	Prio int
}

// Index gathers documents' words. Add may be called concurrently.
type Index struct {
	lang    Language
	mu      sync.Mutex
	docs    map[string]*docEntry
	objects []Object
	// EnvVersion is written as envversion, which Sphinx's client ignores
	// and tools use to check compatibility.
	EnvVersion map[string]int
}

type docEntry struct {
	filename, title string
	words           DocWords
	entries         []env.IndexEntry
}

// NewIndex returns an empty index for html_search_language lang.
func NewIndex(lang string) *Index {
	return &Index{lang: NewLanguage(lang), docs: map[string]*docEntry{}, EnvVersion: map[string]int{
		"sphinx": 57, "sphinx.domains.c": 2, "sphinx.domains.changeset": 1, "sphinx.domains.citation": 1,
		"sphinx.domains.cpp": 8, "sphinx.domains.index": 1, "sphinx.domains.javascript": 2,
		"sphinx.domains.math": 2, "sphinx.domains.python": 3, "sphinx.domains.rst": 2, "sphinx.domains.std": 2,
	}}
}

// Language returns the index's language rules, for Collect.
func (ix *Index) Language() Language { return ix.lang }

// Add records a document: its source file name (relative to the source
// folder), its title as HTML, its words, and its index entries. A document
// with an empty title is not indexed, as in Sphinx.
func (ix *Index) Add(docname, filename, title string, words DocWords, entries []env.IndexEntry) {
	if title == "" {
		return
	}
	ix.mu.Lock()
	ix.docs[docname] = &docEntry{filename: filename, title: title, words: words, entries: entries}
	ix.mu.Unlock()
}

// AddObjects records described objects; those of documents not indexed
// are left out when the index is frozen.
func (ix *Index) AddObjects(objs []Object) {
	ix.mu.Lock()
	ix.objects = append(ix.objects, objs...)
	ix.mu.Unlock()
}

// Frozen is the finished index, ready to write.
type Frozen struct {
	DocNames     []string             `json:"docnames"`
	Filenames    []string             `json:"filenames"`
	Titles       []string             `json:"titles"`
	Terms        map[string]any       `json:"terms"`
	Objects      map[string][][5]any  `json:"objects"`
	ObjTypes     map[string]string    `json:"objtypes"`
	ObjNames     map[string][3]string `json:"objnames"`
	TitleTerms   map[string]any       `json:"titleterms"`
	EnvVersion   map[string]int       `json:"envversion"`
	AllTitles    map[string][][2]any  `json:"alltitles"`
	IndexEntries map[string][][2]any  `json:"indexentries"`
	// Summaries are docbuild's addition, written to a separate file (see
	// SummariesJS) so the index keeps Sphinx's shape.
	Summaries []string `json:"-"`
}

// Freeze computes the index from the documents added so far.
func (ix *Index) Freeze() *Frozen {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	names := make([]string, 0, len(ix.docs))
	for n := range ix.docs {
		names = append(names, n)
	}
	sort.Strings(names)
	f := &Frozen{
		DocNames: names, Terms: map[string]any{}, TitleTerms: map[string]any{},
		Objects: map[string][][5]any{}, ObjTypes: map[string]string{}, ObjNames: map[string][3]string{},
		EnvVersion: ix.EnvVersion, AllTitles: map[string][][2]any{}, IndexEntries: map[string][][2]any{},
	}
	terms := map[string][]int{}
	titleTerms := map[string][]int{}
	for i, n := range names {
		d := ix.docs[n]
		f.Filenames = append(f.Filenames, d.filename)
		f.Titles = append(f.Titles, d.title)
		f.Summaries = append(f.Summaries, d.words.Summary)
		inTitle := map[string]bool{}
		for _, w := range d.words.TitleWords {
			inTitle[w] = true
			titleTerms[w] = append(titleTerms[w], i)
		}
		for _, w := range d.words.Words {
			if !inTitle[w] {
				terms[w] = append(terms[w], i)
			}
		}
		for _, t := range d.words.Titles {
			var id any
			if t.ID != "" {
				id = t.ID
			}
			f.AllTitles[t.Text] = append(f.AllTitles[t.Text], [2]any{i, id})
		}
		for _, e := range indexEntryWords(d.entries) {
			f.IndexEntries[strings.ToLower(e.text)] = append(f.IndexEntries[strings.ToLower(e.text)], [2]any{i, e.id})
		}
	}
	for w, docs := range terms {
		f.Terms[w] = compact(docs)
	}
	ix.freezeObjects(f)
	for w, docs := range titleTerms {
		f.TitleTerms[w] = compact(docs)
	}
	return f
}

// compact writes a single document as a number, as Sphinx does.
func compact(docs []int) any {
	if len(docs) == 1 {
		return docs[0]
	}
	return docs
}

type entryWord struct{ text, id string }

// indexEntryWords lists the words of a document's index entries as
// Sphinx's IndexBuilder.feed does: each part of single, pair and triple
// entries, the first part of see and seealso, sorted and without repeats.
func indexEntryWords(entries []env.IndexEntry) []entryWord {
	seen := map[entryWord]bool{}
	var out []entryWord
	add := func(text, id string) {
		w := entryWord{text, id}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, e := range entries {
		parts := splitEntry(e.Value)
		switch e.Type {
		case "single":
			if len(parts) >= 1 && len(parts) <= 2 {
				for _, p := range parts {
					if p != "" {
						add(p, e.TargetID)
					}
				}
			}
		case "pair":
			if len(parts) == 2 {
				add(parts[0], e.TargetID)
				add(parts[1], e.TargetID)
			}
		case "triple":
			if len(parts) == 3 {
				for _, p := range parts {
					add(p, e.TargetID)
				}
			}
		case "see", "seealso":
			if len(parts) == 2 {
				add(parts[0], e.TargetID)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].text != out[j].text {
			return out[i].text < out[j].text
		}
		return out[i].id < out[j].id
	})
	return out
}

// splitEntry splits an index entry value at semicolons, as Sphinx's
// split_into.
func splitEntry(v string) []string {
	parts := strings.Split(v, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// JSON returns the index as JSON (searchindex.json of the JSON builder).
func (f *Frozen) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// JS returns searchindex.js: the JSON passed to Search.setIndex.
func (f *Frozen) JS() []byte {
	out := append([]byte("Search.setIndex("), f.JSON()...)
	return append(out, ')')
}

// SummariesJS returns the summaries file the default theme's client loads
// beside the index: Search.setSummaries([...]) with one text per document,
// in docnames order.
func (f *Frozen) SummariesJS() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	sums := f.Summaries
	if sums == nil {
		sums = []string{}
	}
	if err := enc.Encode(sums); err != nil {
		panic(err)
	}
	return []byte("Search.setSummaries(" + strings.TrimRight(b.String(), "\n") + ")")
}

// freezeObjects fills objects, objtypes and objnames as Sphinx's
// IndexBuilder.get_objects: objects grouped by the prefix of their display
// name, each as [document, type index, priority, short anchor, name], with
// "" standing for an anchor equal to the full name and "-" for
// TYPE-FULLNAME.
func (ix *Index) freezeObjects(f *Frozen) {
	fn2index := make(map[string]int, len(f.DocNames))
	for i, n := range f.DocNames {
		fn2index[n] = i
	}
	objs := append([]Object(nil), ix.objects...)
	sort.SliceStable(objs, func(i, j int) bool {
		a, b := objs[i], objs[j]
		switch {
		case a.Domain != b.Domain:
			return a.Domain < b.Domain
		case a.FullName != b.FullName:
			return a.FullName < b.FullName
		case a.DispName != b.DispName:
			return a.DispName < b.DispName
		case a.Type != b.Type:
			return a.Type < b.Type
		case a.DocName != b.DocName:
			return a.DocName < b.DocName
		case a.Anchor != b.Anchor:
			return a.Anchor < b.Anchor
		}
		return a.Prio < b.Prio
	})
	types := map[[2]string]int{}
	for _, o := range objs {
		doc, ok := fn2index[o.DocName]
		if !ok || o.Prio < 0 {
			continue
		}
		disp := html.EscapeString(o.DispName)
		prefix, name := "", disp
		if i := strings.LastIndexByte(disp, '.'); i >= 0 {
			prefix, name = disp[:i], disp[i+1:]
		}
		key := [2]string{o.Domain, o.Type}
		ti, ok := types[key]
		if !ok {
			ti = len(types)
			types[key] = ti
			f.ObjTypes[strconv.Itoa(ti)] = o.Domain + ":" + o.Type
			name := o.TypeName
			if name == "" {
				name = o.Type
			}
			f.ObjNames[strconv.Itoa(ti)] = [3]string{o.Domain, o.Type, name}
		}
		anchor := o.Anchor
		switch anchor {
		case o.FullName:
			anchor = ""
		case o.Type + "-" + o.FullName:
			anchor = "-"
		}
		f.Objects[prefix] = append(f.Objects[prefix], [5]any{doc, ti, o.Prio, anchor, name})
	}
}
