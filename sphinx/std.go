package sphinx

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// This file holds the directives of Sphinx's standard domain that are not
// object descriptions (glossary, productionlist), the index directive and
// role, and Sphinx's id maker.

// makeIDString is sphinx.util.nodes._make_id: docutils' make_id without
// the lowercasing, keeping dots and underscores inside the id.
func makeIDString(s string) string {
	s = doctree.ToASCII(s)
	// The two substitutions of _make_id, `[^a-zA-Z0-9._]+` → "-" (which
	// also covers the whitespace normalisation before it) and
	// `^[-0-9._]+|-+$` → "", in one pass: ids are made for every object
	// and term, and regexps were a tenth of the parse.
	out := make([]byte, 0, len(s))
	inRun := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' {
			out = append(out, c)
			inRun = false
		} else if !inRun {
			out = append(out, '-')
			inRun = true
		}
	}
	start := 0
	for start < len(out) && (out[start] == '-' || out[start] == '.' || out[start] == '_' || out[start] >= '0' && out[start] <= '9') {
		start++
	}
	out = out[start:]
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	if string(out) == s {
		return s
	}
	return string(out)
}

// MakeID is sphinx.util.nodes.make_id: an id for term under prefix
// ("term-environment") that the document does not use yet, falling back
// to the prefix and a per-document serial number ("term-0").
func MakeID(doc *doctree.Document, prefix, term string) string {
	format := func(s string) string {
		if prefix != "" {
			return prefix + "-" + s
		}
		p := doc.Settings.IDPrefix
		if p == "" {
			p = "id"
		}
		return p + s
	}
	id := ""
	switch {
	case prefix != "" && term != "":
		id = makeIDString(format(term))
		if id == prefix {
			id = ""
		}
	case term != "":
		id = makeIDString(term)
	}
	for id == "" || doc.IDs[id] != nil {
		id = format(itoa(newSerialNo(doc, prefix)))
	}
	return id
}

// pairIndexTypes are the shorthand pair entry types of index directives.
var pairIndexTypes = []struct{ name, label string }{
	{"module", "module"},
	{"keyword", "keyword"},
	{"operator", "operator"},
	{"object", "object"},
	{"exception", "exception"},
	{"statement", "statement"},
	{"builtin", "built-in function"},
}

// indexTypes are the entry types of index directives.
var indexTypes = []string{"single", "pair", "double", "triple", "see", "seealso"}

// ProcessIndexEntry is sphinx.util.nodes.process_index_entry: the index
// entries of one line of an index directive ("pair: module; os", "!main",
// "one, two").
func ProcessIndexEntry(entry, targetID string) IndexEntries {
	var out IndexEntries
	entry = doctree.TrimSpace(entry)
	orig := entry
	main := ""
	if strings.HasPrefix(entry, "!") {
		main = "main"
		entry = strings.TrimLeftFunc(entry[1:], doctree.IsSpace)
	}
	for _, t := range pairIndexTypes {
		if strings.HasPrefix(entry, t.name+":") {
			value := doctree.TrimSpace(entry[len(t.name)+1:])
			return append(out, IndexEntry{Type: "pair", Value: t.label + "; " + value, TargetID: targetID, Main: main})
		}
	}
	for _, t := range indexTypes {
		if strings.HasPrefix(entry, t+":") {
			value := doctree.TrimSpace(entry[len(t)+1:])
			if t == "double" {
				t = "pair"
			}
			return append(out, IndexEntry{Type: t, Value: value, TargetID: targetID, Main: main})
		}
	}
	for _, value := range strings.Split(orig, ",") {
		value = doctree.TrimSpace(value)
		main := ""
		if strings.HasPrefix(value, "!") {
			main = "main"
			value = strings.TrimLeftFunc(value[1:], doctree.IsSpace)
		}
		if value == "" {
			continue
		}
		out = append(out, IndexEntry{Type: "single", Value: value, TargetID: targetID, Main: main})
	}
	return out
}

func indexDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{"name": directives.Unchanged},
		Run:                     runIndex,
	}
}

// runIndex is the index directive: an index node and the target its
// entries point at.
func runIndex(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	target := doctree.NewElement(doctree.TagTarget)
	if has(c.Options, "name") {
		target.Names = []string{optString(c.Options, "name")}
	} else {
		target.IDs = []string{"index-" + itoa(newSerialNo(doc, "index"))}
	}
	doc.NoteExplicitTarget(target, nil)
	targetID := ""
	if len(target.IDs) > 0 {
		targetID = target.IDs[0]
	}
	index := doctree.NewElement(TagIndex)
	entries := IndexEntries{}
	for _, line := range strings.Split(c.Arguments[0], "\n") {
		entries = append(entries, ProcessIndexEntry(line, targetID)...)
	}
	index.Set("entries", entries)
	index.Set("inline", false)
	setSourceInfo(c, index)
	return []doctree.Node{index, target}, nil
}

// indexRole is Sphinx's index role: an index entry at the text, which
// stays in the paragraph.
func indexRole(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
	doc := c.Inliner.Document()
	rr := parseReference(c.Text)
	targetID := "index-" + itoa(newSerialNo(doc, "index"))
	var title string
	var entries IndexEntries
	switch {
	case rr.explicit:
		title = rr.title
		entries = ProcessIndexEntry(rr.target, targetID)
	case strings.HasPrefix(rr.target, "!"):
		title = dropRunes(rr.title, 1)
		entries = IndexEntries{{Type: "single", Value: rr.target[1:], TargetID: targetID, Main: "main"}}
	default:
		title = rr.title
		entries = IndexEntries{{Type: "single", Value: rr.target, TargetID: targetID}}
	}
	if entries == nil {
		entries = IndexEntries{}
	}
	index := doctree.NewElement(TagIndex)
	index.Set("entries", entries)
	index.Source, index.Line = roleSourceLine(c)
	target := doctree.NewElement(doctree.TagTarget)
	target.IDs = []string{targetID}
	return []doctree.Node{index, target, doctree.NewText(title)}, nil
}

func glossaryDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{"sorted": directives.Flag},
		HasContent: true,
		Run:        runGlossary,
	}
}

// glossaryEntry is one definition of a glossary: its term lines and its
// definition lines.
type glossaryEntry struct {
	terms      []directives.Content
	definition directives.Content
}

// runGlossary is Sphinx's Glossary: a definition list whose items may
// have several terms, each a target for :term: with an index entry.
// Sorting (the sorted option) happens in a later transform.
func runGlossary(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	rep := doc.Reporter
	node := doctree.NewElement(TagGlossary)
	node.Set("sorted", has(c.Options, "sorted"))
	var entries []*glossaryEntry
	inDefinition, inComment, wasEmpty := true, false, true
	indent := 0
	var out []doctree.Node
	warnItem := func(msg string, it directives.LineItem) {
		out = append(out, rep.Warning(msg, doctree.MsgOpts{Source: it.Source, SourceLine: it.Offset}))
	}
	for i, line := range c.Content.Lines {
		it := c.Content.Items[i]
		if line == "" {
			if inDefinition && len(entries) > 0 {
				last := entries[len(entries)-1]
				last.definition.Lines = append(last.definition.Lines, "")
				last.definition.Items = append(last.definition.Items, it)
			}
			wasEmpty = true
			continue
		}
		r := []rune(line)
		switch {
		case !doctree.IsSpace(r[0]):
			if strings.HasPrefix(line, ".. ") {
				inComment = true
				continue
			}
			inComment = false
			term := directives.Content{Lines: []string{line}, Items: []directives.LineItem{it}}
			if inDefinition {
				if !wasEmpty {
					warnItem("glossary term must be preceded by empty line", it)
				}
				entries = append(entries, &glossaryEntry{terms: []directives.Content{term}})
				inDefinition = false
			} else {
				if wasEmpty {
					warnItem("glossary terms must not be separated by empty lines", it)
				}
				if len(entries) > 0 {
					last := entries[len(entries)-1]
					last.terms = append(last.terms, term)
				} else {
					warnItem("glossary seems to be misformatted, check indentation", it)
				}
			}
		case inComment:
		default:
			if !inDefinition {
				inDefinition = true
				indent = len(r) - len([]rune(strings.TrimLeftFunc(line, doctree.IsSpace)))
			}
			if len(entries) > 0 {
				last := entries[len(entries)-1]
				last.definition.Lines = append(last.definition.Lines, string(r[min(indent, len(r)):]))
				last.definition.Items = append(last.definition.Items, it)
			} else {
				warnItem("glossary seems to be misformatted, check indentation", it)
			}
		}
		wasEmpty = false
	}
	dlist := doctree.NewElement(doctree.TagDefinitionList)
	dlist.Classes = []string{"glossary"}
	for _, e := range entries {
		item := doctree.NewElement(doctree.TagDefinitionListItem)
		var msgs []*doctree.Element
		for _, t := range e.terms {
			line, it := t.Lines[0], t.Items[0]
			parts := termClassifiers.Split(line, -1)
			textNodes, sysmsgs := c.Host.ParseInline(parts[0], it.Offset)
			key, hasKey := "", len(parts) > 1
			if hasKey {
				key = parts[1]
			}
			term := makeGlossaryTerm(doc, textNodes, key, hasKey, it.Source, it.Offset)
			term.RawSource = line
			msgs = append(msgs, sysmsgs...)
			item.Append(term)
		}
		for _, m := range msgs {
			item.Append(m)
		}
		def := doctree.NewElement(doctree.TagDefinition)
		if e.definition.Len() > 0 {
			c.Host.NestedParse(e.definition, e.definition.Items[0].Offset, def, false)
		}
		item.Append(def)
		dlist.Append(item)
	}
	node.Append(dlist)
	return append(out, node), nil
}

// termClassifiers splits a glossary term line into the term and its
// classifiers.
var termClassifiers = regexp.MustCompile(` +: +`)

// makeGlossaryTerm is sphinx.domains.std.make_glossary_term: a term node
// with the id "term-<term>", registered as a target, ending with its
// index entry. key is the index key (the first classifier) when hasKey.
func makeGlossaryTerm(doc *doctree.Document, textNodes []doctree.Node, key string, hasKey bool, source string, line int) *doctree.Element {
	term := doctree.NewElement(doctree.TagTerm, textNodes...)
	term.Source, term.Line = source, line
	text := term.AsText()
	id := MakeID(doc, "term", text)
	term.IDs = append(term.IDs, id)
	doc.NoteExplicitTarget(term, nil)
	noteTerm(doc, text, id, term)
	index := doctree.NewElement(TagIndex)
	index.Set("entries", IndexEntries{{Type: "single", Value: text, TargetID: id, Main: "main", Key: key, HasKey: hasKey}})
	index.Source, index.Line = source, line
	term.Append(index)
	return term
}

// noteTerm warns about a term defined twice in the document, as the
// standard domain's note_object does (the build compares documents).
func noteTerm(doc *doctree.Document, text, id string, node *doctree.Element) {
	t := temp(doc)
	seen, _ := t["std:terms"].(map[string]bool)
	if seen == nil {
		seen = map[string]bool{}
		t["std:terms"] = seen
	}
	if seen[text] {
		warnAt(doc, node, "duplicate term description of %s, other instance in %s", text, docName(EnvOf(doc)))
	}
	seen[text] = true
}

// tokenRE finds the token references of a production rule.
var tokenRE = regexp.MustCompile("`((~?\\w*:)?\\w+)`")

// tokenXrefs is sphinx.domains.std.token_xrefs: the text of a production
// rule with its `token` references as pending_xref nodes.
func tokenXrefs(text, group string) []doctree.Node {
	if group != "" {
		group += ":"
	}
	var out []doctree.Node
	pos := 0
	for _, m := range tokenRE.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > pos {
			out = append(out, doctree.NewText(text[pos:m[0]]))
		}
		token := text[m[2]:m[3]]
		var title, target string
		switch {
		case strings.Contains(token, ":") && token[0] == '~':
			_, title, _ = strings.Cut(token, ":")
			target = token[1:]
		case strings.Contains(token, ":") && token[0] == ':':
			title = token[1:]
			target = title
		case strings.Contains(token, ":"):
			title, target = token, token
		default:
			title, target = token, group+token
		}
		ref := doctree.NewElement(TagPendingXref)
		ref.RawSource = title
		ref.Set("reftype", "token")
		ref.Set("refdomain", "std")
		ref.Set("reftarget", target)
		lit := doctree.NewTextElement(doctree.TagLiteral, token, title)
		lit.Classes = []string{"xref"}
		ref.Append(lit)
		out = append(out, ref)
		pos = m[1]
	}
	if pos < len(text) {
		out = append(out, doctree.NewText(text[pos:]))
	}
	return out
}

func productionListDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		Run:                     runProductionList,
	}
}

// runProductionList is Sphinx's ProductionList: one production per rule,
// each with an id for :token: references. A first line without a colon
// names the production group.
func runProductionList(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	node := doctree.NewElement(TagProductionList)
	setSourceInfo(c, node)
	text := strings.ReplaceAll(c.Arguments[0], "\\\n", "")
	group := ""
	firstRule := false
	for _, rule := range strings.Split(text, "\n") {
		if !firstRule && !strings.Contains(rule, ":") {
			group = doctree.TrimSpace(rule)
			continue
		}
		firstRule = true
		name, tokens, ok := strings.Cut(rule, ":")
		if !ok {
			break
		}
		sub := doctree.NewElement(TagProduction)
		sub.RawSource = rule
		name = doctree.TrimSpace(name)
		sub.Set("tokenname", name)
		if name != "" {
			id := MakeID(doc, "grammar-token-"+group, name)
			sub.IDs = append(sub.IDs, id)
			doc.NoteImplicitTarget(sub, sub)
		}
		sub.Append(tokenXrefs(tokens, group)...)
		node.Append(sub)
	}
	return []doctree.Node{node}, nil
}

func programDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			program := wsRE.ReplaceAllString(doctree.TrimSpace(c.Arguments[0]), "-")
			ctx := RefContext(c.Host.Document())
			if program == "None" {
				delete(ctx, "std:program")
			} else {
				ctx["std:program"] = program
			}
			return nil, nil
		},
	}
}
