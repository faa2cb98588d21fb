package resolve

import (
	"flag"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/sphinx"
)

// fixtureRegistry is docutils' registry plus the few Sphinx directives
// and roles the golden projects use, made as Sphinx 5.3 makes them (node
// classes and attributes), so that the post-read stage can be tested
// before the sphinx package registers the real ones. Projects needing
// more (program options, only with sections) are skipped until then.
func fixtureRegistry() *directives.Registry {
	if *realSphinx {
		reg := std.NewRegistry()
		rst.RegisterDirectives(reg)
		sphinx.Register(reg)
		return reg
	}
	sphinx.RegisterNodes()
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	reg.AddLocalDirective("toctree", fixtureToctree)
	reg.AddLocalDirective("glossary", fixtureGlossary)
	reg.AddLocalDirective("code-block", fixtureCodeBlock)
	reg.AddLocalDirective("only", fixtureOnly)
	for _, r := range []struct {
		name, domain, inner string
		lower, warn         bool
	}{
		{"ref", "std", "inline", true, true},
		{"numref", "std", "literal", true, true},
		{"doc", "std", "inline", false, true},
		{"term", "std", "inline", false, true},
		{"keyword", "std", "literal", false, true},
		{"any", "", "literal", false, true},
		{"download", "", "literal", false, false},
	} {
		r := r
		reg.AddLocalRole(r.name, &directives.Role{Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
			return fixtureXRef(c, r.name, r.domain, r.inner, r.lower, r.warn), nil
		}})
	}
	return reg
}

var realSphinx = flag.Bool("sphinx", false, "test with the sphinx package's directives and roles instead of the fixture's")

func splitExplicitTitle(text string) (bool, string, string) {
	if m := regexp.MustCompile(`(?s)^(.+?)\s*<(.*?)>$`).FindStringSubmatch(text); m != nil {
		return true, m[1], m[2]
	}
	return false, text, text
}

func fixtureXRef(c *directives.RoleCall, role, domain, inner string, lower, warn bool) []doctree.Node {
	doc := c.Inliner.Document()
	de := sphinx.EnvOf(doc)
	text := doctree.Unescape(c.Text, false)
	classes := []string{"xref", role}
	if domain != "" {
		classes = []string{"xref", domain, domain + "-" + role}
	}
	if strings.HasPrefix(text, "!") {
		n := doctree.NewTextElement(inner, c.RawText, text[1:])
		n.Classes = classes
		return []doctree.Node{n}
	}
	explicit, title, target := splitExplicitTitle(text)
	if lower {
		target = strings.ToLower(target)
	}
	target = regexp.MustCompile(`\s+`).ReplaceAllString(target, " ")
	tag := "pending_xref"
	if role == "download" {
		tag = "download_reference"
	}
	ref := doctree.NewElement(tag)
	ref.RawSource = c.RawText
	ref.Set("refdoc", de.DocName())
	ref.Set("refdomain", domain)
	ref.Set("refexplicit", explicit)
	ref.Set("reftarget", target)
	ref.Set("reftype", role)
	ref.Set("refwarn", warn)
	ref.Source, ref.Line = doc.CurrentSource, c.Lineno
	n := doctree.NewTextElement(inner, c.RawText, title)
	n.Classes = classes
	ref.Append(n)
	return []doctree.Node{ref}
}

var fixtureToctree = &directives.Directive{
	HasContent: true,
	OptionSpec: map[string]directives.OptionConv{
		"maxdepth":      func(a string, _ bool) (any, error) { return strconv.Atoi(a) },
		"name":          func(a string, _ bool) (any, error) { return a, nil },
		"caption":       func(a string, _ bool) (any, error) { return a, nil },
		"glob":          flagOpt,
		"hidden":        flagOpt,
		"includehidden": flagOpt,
		"titlesonly":    flagOpt,
		"numbered": func(a string, none bool) (any, error) {
			if none || a == "" {
				return 999, nil
			}
			return strconv.Atoi(a)
		},
	},
	Run: func(c *directives.Call) ([]doctree.Node, error) {
		doc := c.Host.Document()
		de := sphinx.EnvOf(doc)
		tt := doctree.NewElement("toctree")
		tt.Set("parent", de.DocName())
		maxdepth := -1
		if v, ok := c.Options["maxdepth"]; ok {
			maxdepth = v.(int)
		}
		var caption any
		if v, ok := c.Options["caption"]; ok {
			caption = v
		}
		_, glob := c.Options["glob"]
		_, hidden := c.Options["hidden"]
		_, inch := c.Options["includehidden"]
		_, titles := c.Options["titlesonly"]
		numbered := 0
		if v, ok := c.Options["numbered"]; ok {
			numbered = v.(int)
		}
		tt.Source, tt.Line = c.Host.SourceAndLine(c.Lineno)
		var entries []any
		var includes []string
		found := map[string]bool{}
		for _, n := range de.FoundDocs() {
			found[n] = true
		}
		generated := map[string]bool{"genindex": true, "modindex": true, "search": true}
		for _, line := range c.Content.Lines {
			entry := strings.TrimSpace(line)
			if entry == "" {
				continue
			}
			explicit, title, ref := splitExplicitTitle(entry)
			if glob && !explicit && strings.ContainsAny(entry, "*?[") && !isURL(entry) {
				pat := DocNameJoin(de.DocName(), entry)
				var names []string
				for _, n := range de.FoundDocs() {
					if ok, _ := path.Match(pat, n); ok && n != de.DocName() {
						names = append(names, n)
					}
				}
				sort.Strings(names)
				for _, n := range names {
					entries = append(entries, []any{nil, n})
					includes = append(includes, n)
				}
				continue
			}
			var t any
			if explicit {
				t = title
			}
			docname := DocNameJoin(de.DocName(), strings.TrimSuffix(ref, ".rst"))
			switch {
			case isURL(ref) || ref == "self":
				entries = append(entries, []any{t, ref})
			case !found[docname] && !generated[docname]:
				msg := "toctree contains reference to nonexisting document %s"
				v, _ := de.Setting("exclude_patterns")
				pats, _ := v.([]string)
				if l, ok := v.([]any); ok {
					for _, p := range l {
						pats = append(pats, fmt.Sprint(p))
					}
				}
				for _, p := range pats {
					if ok, _ := path.Match(p, docname+".rst"); ok {
						msg = "toctree contains reference to excluded document %s"
					}
				}
				doc.Reporter.Warning(fmt.Sprintf(msg, pyRepr(docname)), doctree.MsgOpts{Line: c.Lineno})
			default:
				entries = append(entries, []any{t, docname})
				includes = append(includes, docname)
			}
		}
		tt.Set("entries", entries)
		tt.Set("includefiles", includes)
		tt.Set("maxdepth", maxdepth)
		tt.Set("caption", caption)
		tt.Set("glob", glob)
		tt.Set("hidden", hidden)
		tt.Set("includehidden", inch)
		tt.Set("numbered", numbered)
		tt.Set("titlesonly", titles)
		if caption != nil {
			tt.Set("rawcaption", caption)
		}
		wrapper := doctree.NewElement("compound", tt)
		wrapper.Classes = []string{"toctree-wrapper"}
		c.AddName(wrapper)
		return []doctree.Node{wrapper}, nil
	},
}

func flagOpt(string, bool) (any, error) { return nil, nil }

var fixtureGlossary = &directives.Directive{
	HasContent: true,
	OptionSpec: map[string]directives.OptionConv{"sorted": flagOpt},
	Run: func(c *directives.Call) ([]doctree.Node, error) {
		g := doctree.NewElement("glossary")
		g.Set("sorted", false)
		dl := doctree.NewElement("definition_list")
		dl.Classes = []string{"glossary"}
		g.Append(dl)
		var item *doctree.Element
		var def []string
		flush := func() {
			if item == nil {
				return
			}
			d := doctree.NewElement("definition")
			c.Host.NestedParse(directives.NewContent(def, "", c.ContentOffset), c.ContentOffset, d, false)
			item.Append(d)
			dl.Append(item)
			item, def = nil, nil
		}
		for _, line := range c.Content.Lines {
			switch {
			case strings.TrimSpace(line) == "":
				if item != nil {
					def = append(def, "")
				}
			case !strings.HasPrefix(line, " "):
				if item != nil && len(def) > 0 {
					flush()
				}
				if item == nil {
					item = doctree.NewElement("definition_list_item")
				}
				term := doctree.NewTextElement("term", line, line)
				id := "term-" + line
				term.IDs = []string{id}
				idx := doctree.NewElement("index")
				idx.Set("entries", []string{fmt.Sprintf("['single', '%s', '%s', 'main', None]", line, id)})
				term.Append(idx)
				c.Host.Document().NoteExplicitTarget(term, nil)
				item.Append(term)
			default:
				def = append(def, strings.TrimSpace(line))
			}
		}
		flush()
		return []doctree.Node{g}, nil
	},
}

var fixtureCodeBlock = &directives.Directive{
	HasContent:        true,
	OptionalArguments: 1,
	OptionSpec: map[string]directives.OptionConv{
		"caption": func(a string, _ bool) (any, error) { return a, nil },
		"name":    func(a string, _ bool) (any, error) { return a, nil },
	},
	Run: func(c *directives.Call) ([]doctree.Node, error) {
		code := strings.Join(c.Content.Lines, "\n")
		lit := doctree.NewElement("literal_block", doctree.NewText(code))
		lit.Set("force", false)
		lit.Set("highlight_args", "{}")
		lit.Set("language", c.Arguments[0])
		lit.Set("linenos", false)
		caption, ok := c.Options["caption"].(string)
		if !ok {
			c.AddName(lit)
			return []doctree.Node{lit}, nil
		}
		cont := doctree.NewElement("container")
		cont.Classes = []string{"literal-block-wrapper"}
		cont.Set("literal_block", true)
		cont.Append(doctree.NewElement("caption", doctree.NewText(caption)), lit)
		c.AddName(cont)
		return []doctree.Node{cont}, nil
	},
}

// fixtureOnly is Sphinx's only directive without its handling of section
// titles in the content.
var fixtureOnly = &directives.Directive{
	HasContent:              true,
	RequiredArguments:       1,
	FinalArgumentWhitespace: true,
	Run: func(c *directives.Call) ([]doctree.Node, error) {
		n := doctree.NewElement("only")
		n.Source, n.Line = c.Host.SourceAndLine(c.Lineno)
		n.Set("expr", c.Arguments[0])
		c.Host.NestedParse(c.Content, c.ContentOffset, n, false)
		return []doctree.Node{n}, nil
	},
}
