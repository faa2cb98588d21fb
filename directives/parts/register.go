// Package parts implements docutils' directives for document parts
// (docutils.parsers.rst.directives.parts): contents, sectnum, header and
// footer. contents and sectnum leave pending elements for the transforms
// docutils.transforms.parts.Contents and SectNum.
package parts

import (
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Transform names, as docutils' pending elements record them.
const (
	ContentsTransform = "docutils.transforms.parts.Contents"
	SectNumTransform  = "docutils.transforms.parts.SectNum"
)

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	reg.AddDirective("contents", &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              contentsSpec(),
		Run:                     runContents,
	})
	reg.AddDirective("sectnum", &directives.Directive{
		OptionSpec: sectnumSpec(),
		Run:        runSectnum,
	})
	reg.AddDirective("header", &directives.Directive{
		HasContent: true,
		Run:        runHeader,
	})
	reg.AddDirective("footer", &directives.Directive{
		HasContent: true,
		Run:        runFooter,
	})
}

// runContents is docutils' Contents.run: a topic holding the title and a
// pending element that the Contents transform replaces by the table.
func runContents(c *directives.Call) ([]doctree.Node, error) {
	cur := c.Host.CurrentNode()
	if !c.Host.MatchTitles() && (cur == nil || cur.Tag != doctree.TagSidebar) {
		return nil, c.Errorf("The \"%s\" directive may not be used within topics or body elements.", c.Name)
	}
	doc := c.Host.Document()
	_, local := c.Options["local"]
	var title *doctree.Element
	var messages []*doctree.Element
	if len(c.Arguments) > 0 {
		titleText := c.Arguments[0]
		var textNodes []doctree.Node
		textNodes, messages = c.Host.ParseInline(titleText, c.Lineno)
		title = doctree.NewTextElement(doctree.TagTitle, titleText, "", textNodes...)
	} else if !local {
		title = doctree.NewTextElement(doctree.TagTitle, "", contentsLabel(c))
	}
	topic := doctree.NewElement(doctree.TagTopic)
	topic.Classes = append(topic.Classes, "contents")
	if cls, ok := c.Options["class"].([]string); ok {
		topic.Classes = append(topic.Classes, cls...)
	}
	// The latex writer needs a location for its warnings. docutils takes
	// the state machine's current line, the block's last, minus one.
	topic.Source, topic.Line = c.Host.SourceAndLine(c.Lineno + strings.Count(c.BlockText, "\n"))
	topic.Line--
	if local {
		topic.Classes = append(topic.Classes, "local")
	}
	var name string
	if title != nil {
		name = title.AsText()
		topic.Append(title)
	} else {
		name = contentsLabel(c)
	}
	name = doctree.FullyNormalizeName(name)
	if !doc.HasName(name) {
		topic.Names = append(topic.Names, name)
	}
	doc.NoteImplicitTarget(topic, nil)
	pending := newPending(ContentsTransform, c.Options)
	pending.RawSource = c.BlockText
	doc.NotePending(pending, -1)
	topic.Append(pending)
	out := []doctree.Node{topic}
	for _, m := range messages {
		out = append(out, m)
	}
	return out, nil
}

// runSectnum is docutils' Sectnum.run.
func runSectnum(c *directives.Call) ([]doctree.Node, error) {
	pending := newPending(SectNumTransform, c.Options)
	c.Host.Document().NotePending(pending, -1)
	return []doctree.Node{pending}, nil
}

// runHeader is docutils' Header.run: the content goes into the
// document's decoration, not where the directive stands.
func runHeader(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	doc := c.Host.Document()
	deco := doc.GetDecoration()
	setupChild(doc, deco)
	var header *doctree.Element
	if len(deco.Children) > 0 {
		if e, ok := deco.Children[0].(*doctree.Element); ok && e.Tag == doctree.TagHeader {
			header = e
		}
	}
	if header == nil {
		header = doctree.NewElement(doctree.TagHeader)
		deco.Insert(0, header)
		setupChild(doc, header)
	}
	c.Host.NestedParse(c.Content, c.ContentOffset, header, false)
	return nil, nil
}

// runFooter is docutils' Footer.run.
func runFooter(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	doc := c.Host.Document()
	deco := doc.GetDecoration()
	setupChild(doc, deco)
	var footer *doctree.Element
	if e, ok := deco.LastChild().(*doctree.Element); ok && e.Tag == doctree.TagFooter {
		footer = e
	}
	if footer == nil {
		footer = doctree.NewElement(doctree.TagFooter)
		deco.Append(footer)
		setupChild(doc, footer)
	}
	c.Host.NestedParse(c.Content, c.ContentOffset, footer, false)
	return nil, nil
}

// setupChild gives an element just added to the document the current
// source and line, as docutils' Element.setup_child does for every node
// appended to a tree that belongs to a document.
func setupChild(doc *doctree.Document, e *doctree.Element) {
	if e.Source == "" {
		e.Source = doc.CurrentSource
	}
	if e.Line == 0 {
		e.Line = doc.CurrentLine
	}
}

// newPending returns a pending element for transform whose details are a
// copy of the directive's options.
func newPending(transform string, opts map[string]any) *doctree.Element {
	p := doctree.NewElement(doctree.TagPending)
	details := make(map[string]any, len(opts))
	for k, v := range opts {
		details[k] = v
	}
	p.Pending = &doctree.PendingInfo{Transform: transform, Details: details}
	return p
}

// contentsLabel returns the localised "Contents" label of the document's
// language, falling back to English as docutils' get_language does.
func contentsLabel(c *directives.Call) string {
	reg := c.Host.Registry()
	if reg != nil {
		for _, code := range languageTags(c.Host.Language()) {
			if l := reg.Language(code); l != nil {
				if s, ok := l.Labels["contents"]; ok {
					return s
				}
				break
			}
		}
		if l := reg.Language("en"); l != nil {
			if s, ok := l.Labels["contents"]; ok {
				return s
			}
		}
	}
	return "Contents"
}

// languageTags lists the language codes to try for a BCP 47 tag, most
// specific first, as docutils' normalize_language_tag: the primary subtag
// with every combination of the other subtags ("de-AT-1901" gives
// "de_at_1901", "de_at", "de_1901", "de"). A singleton subtag stays
// attached to the one after it ("x-foo").
func languageTags(tag string) []string {
	tag = strings.ReplaceAll(strings.ToLower(tag), "-", "_")
	var subtags []string
	for _, s := range strings.Split(tag, "_") {
		if n := len(subtags); n > 1 && len(subtags[n-1]) == 1 {
			subtags[n-1] += "_" + s
			continue
		}
		subtags = append(subtags, s)
	}
	base, rest := subtags[0], subtags[1:]
	var out []string
	for n := len(rest); n > 0; n-- {
		combinations(rest, n, func(picked []string) {
			out = append(out, base+"_"+strings.Join(picked, "_"))
		})
	}
	return append(out, base)
}

// combinations calls f with every n-element combination of items, in the
// order of Python's itertools.combinations.
func combinations(items []string, n int, f func([]string)) {
	if len(items) > 12 {
		items = items[:12] // bounds the work on absurd tags
	}
	picked := make([]string, 0, n)
	var rec func(start int)
	rec = func(start int) {
		if len(picked) == n {
			f(picked)
			return
		}
		for i := start; i <= len(items)-(n-len(picked)); i++ {
			picked = append(picked, items[i])
			rec(i + 1)
			picked = picked[:len(picked)-1]
		}
	}
	rec(0)
}
