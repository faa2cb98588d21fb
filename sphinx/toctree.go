package sphinx

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// matchExplicitTitle matches "title <target>" as Sphinx's explicit title
// expressions do: sphinx.util.nodes.explicit_title_re (noLT: the target
// holds no "<"; toctree entries and extlinks) and ReferenceRole's
// explicit_title_re (the target may hold "<"). A "<" right after a NUL
// escape marker (a backslash-escaped "<") never starts the target, and the
// title is the shortest text before a "<" that works, less its trailing
// white space.
func matchExplicitTitle(text string, noLT bool) (title, target string, ok bool) {
	s := text
	if strings.HasSuffix(s, ">\n") {
		// Python's $ also matches before a final newline
		s = s[:len(s)-1]
	}
	if len(s) < 3 || s[len(s)-1] != '>' {
		return "", "", false
	}
	for i := 1; i < len(s)-1; i++ {
		if s[i] != '<' || s[i-1] == 0 {
			continue
		}
		target = s[i+1 : len(s)-1]
		if noLT && strings.Contains(target, "<") {
			continue
		}
		title = strings.TrimRightFunc(s[:i], doctree.IsSpace)
		if title == "" {
			_, size := utf8.DecodeRuneInString(s)
			title = s[:size]
		}
		return title, target, true
	}
	return "", "", false
}

// globRE is the toctree's test for glob patterns.
var globRE = regexp.MustCompile(`.*[*?\[].*`)

// generatedDocs are the document names Sphinx generates and that toctrees
// may list although no source file has them (the std domain's initial
// labels).
var generatedDocs = []string{"genindex", "modindex", "search"}

func isGenerated(name string) bool {
	for _, g := range generatedDocs {
		if g == name {
			return true
		}
	}
	return false
}

// numberedOption is Sphinx's int_or_nothing: no value means 999 levels.
func numberedOption(arg string, none bool) (any, error) {
	if none || arg == "" {
		return 999, nil
	}
	return directives.PyInt(arg, false)
}

func toctreeDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{
			"maxdepth":      intOption,
			"name":          directives.Unchanged,
			"caption":       directives.UnchangedRequired,
			"glob":          directives.Flag,
			"hidden":        directives.Flag,
			"includehidden": directives.Flag,
			"numbered":      numberedOption,
			"titlesonly":    directives.Flag,
			"reversed":      directives.Flag,
		},
		HasContent: true,
		Run:        runToctree,
	}
}

// runToctree is Sphinx's TocTree directive: a toctree node listing the
// entries, wrapped in a compound of class toctree-wrapper.
func runToctree(c *directives.Call) ([]doctree.Node, error) {
	env := EnvOf(c.Host.Document())
	node := doctree.NewElement(TagToctree)
	node.Set("parent", docName(env))
	node.Set("entries", TocEntries{})
	node.Set("includefiles", []string{})
	maxdepth := -1
	if v, ok := c.Options["maxdepth"].(int); ok {
		maxdepth = v
	}
	node.Set("maxdepth", maxdepth)
	if has(c.Options, "caption") {
		node.Set("caption", optString(c.Options, "caption"))
	} else {
		node.Set("caption", nil)
	}
	node.Set("glob", has(c.Options, "glob"))
	node.Set("hidden", has(c.Options, "hidden"))
	node.Set("includehidden", has(c.Options, "includehidden"))
	numbered := 0
	if v, ok := c.Options["numbered"].(int); ok {
		numbered = v
	}
	node.Set("numbered", numbered)
	node.Set("titlesonly", has(c.Options, "titlesonly"))
	setSourceInfo(c, node)
	wrapper := doctree.NewElement(doctree.TagCompound)
	wrapper.Classes = []string{"toctree-wrapper"}
	wrapper.Append(node)
	c.AddName(wrapper)
	toctreeEntries(c, env, node)
	return []doctree.Node{wrapper}, nil
}

// toctreeEntries is TocTree.parse_content: it fills entries and
// includefiles from the directive's lines, warning about documents that
// do not exist.
func toctreeEntries(c *directives.Call, env DocEnv, node *doctree.Element) {
	doc := c.Host.Document()
	current := docName(env)
	var found []string
	suffixes := []string{".rst"}
	var excluded []*regexp.Regexp
	if env != nil {
		found = env.FoundDocs()
		if s := stringList(setting(env, "source_suffix", nil)); len(s) > 0 {
			suffixes = s
		}
		excluded = compileMatchers(stringList(setting(env, "exclude_patterns", nil)))
	}
	// Without an environment (a file read on its own) there is no
	// project to check the entries against: they are all taken.
	exists := func(name string) bool {
		return env == nil || isGenerated(name) || env.HasDoc(name)
	}
	seen := map[string]bool{}
	// the documents a glob may still pick (and that are not yet listed)
	remaining := map[string]bool{}
	for _, d := range found {
		remaining[d] = true
	}
	for _, g := range generatedDocs {
		remaining[g] = true
	}
	delete(remaining, current)

	var entries TocEntries
	var includes []string
	glob := has(c.Options, "glob")
	for _, entry := range c.Content.Lines {
		if entry == "" {
			continue
		}
		title, ref, explicit := matchExplicitTitle(entry, true)
		if glob && globRE.MatchString(entry) && !explicit && !isURL(entry) {
			pattern := patternRE(docnameJoin(current, entry))
			var matched []string
			for d := range remaining {
				if pattern.MatchString(d) {
					matched = append(matched, d)
				}
			}
			sort.Strings(matched)
			for _, d := range matched {
				if isGenerated(d) {
					continue
				}
				delete(remaining, d)
				entries = append(entries, TocEntry{Ref: d})
				includes = append(includes, d)
			}
			if len(matched) == 0 && env != nil {
				warnAt(doc, node, "toctree glob pattern %s didn't match any documents", doctree.PyStrRepr(entry))
			}
			continue
		}
		docname := entry
		if explicit {
			docname = ref
		} else {
			ref, title = entry, ""
		}
		for _, s := range suffixes {
			if strings.HasSuffix(docname, s) {
				docname = docname[:len(docname)-len(s)]
				break
			}
		}
		docname = docnameJoin(current, docname)
		switch {
		case isURL(ref) || ref == "self":
			entries = append(entries, TocEntry{Title: title, Ref: ref})
		case !exists(docname):
			kind := "nonexisting"
			if env != nil && matchAny(excluded, docPath(env, docname, suffixes)) {
				kind = "excluded"
			}
			warnAt(doc, node, "toctree contains reference to %s document %s", kind, doctree.PyStrRepr(docname))
		default:
			switch {
			case remaining[docname]:
				delete(remaining, docname)
			case env == nil && !seen[docname]:
			default:
				warnAt(doc, node, "duplicated entry found in toctree: %s", docname)
			}
			seen[docname] = true
			entries = append(entries, TocEntry{Title: title, Ref: docname})
			includes = append(includes, docname)
		}
	}
	if has(c.Options, "reversed") {
		for i, j := 0, len(entries)-1; i < j; i, j = i+1, j-1 {
			entries[i], entries[j] = entries[j], entries[i]
		}
		for i, j := 0, len(includes)-1; i < j; i, j = i+1, j-1 {
			includes[i], includes[j] = includes[j], includes[i]
		}
	}
	if entries == nil {
		entries = TocEntries{}
	}
	if includes == nil {
		includes = []string{}
	}
	node.Set("entries", entries)
	node.Set("includefiles", includes)
}

// docPath is project.doc2path(docname, basedir=False): the source file
// name of a document, with the first suffix that exists on disk (or the
// first suffix).
func docPath(env DocEnv, docname string, suffixes []string) string {
	base := filepath.Join(env.SrcDir(), filepath.FromSlash(docname))
	for _, s := range suffixes {
		if fi, err := os.Stat(base + s); err == nil && fi.Mode().IsRegular() {
			return docname + s
		}
	}
	return docname + suffixes[0]
}

// patternRE compiles a Sphinx glob pattern (sphinx.util.matching's
// _translate_pattern): "*" and "?" do not match "/", "**" does.
func patternRE(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`^`)
	rs := []rune(pat)
	for i := 0; i < len(rs); {
		c := rs[i]
		i++
		switch c {
		case '*':
			if i < len(rs) && rs[i] == '*' {
				i++
				b.WriteString(`.*`)
			} else {
				b.WriteString(`[^/]*`)
			}
		case '?':
			b.WriteString(`[^/]`)
		case '[':
			j := i
			if j < len(rs) && rs[j] == '!' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) {
				b.WriteString(`\[`)
				continue
			}
			stuff := strings.ReplaceAll(string(rs[i:j]), `\`, `\\`)
			i = j + 1
			switch {
			case strings.HasPrefix(stuff, "!"):
				stuff = "^/" + stuff[1:]
			case strings.HasPrefix(stuff, "^"):
				stuff = `\` + stuff
			}
			// Go reads "[" in a class as the start of a POSIX class
			b.WriteString("[" + strings.ReplaceAll(stuff, "[", `\[`) + "]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		// a character class Python accepts but Go does not: match nothing
		return regexp.MustCompile(`^\b\B$`)
	}
	return re
}

// compileMatchers is sphinx.util.matching.Matcher: the patterns, plus
// those starting with "**/" without that prefix.
func compileMatchers(patterns []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range patterns {
		out = append(out, patternRE(p))
	}
	for _, p := range patterns {
		if strings.HasPrefix(p, "**/") {
			out = append(out, patternRE(p[3:]))
		}
	}
	return out
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
