package sphinx

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// This file holds sphinx.directives.other (sectionauthor and friends,
// seealso, tabularcolumns, centered, acks, hlist, only, include) and the
// version change directives of sphinx.domains.changeset.

func authorDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		Run:                     runAuthor,
	}
}

// runAuthor shows the author only when show_authors is set.
func runAuthor(c *directives.Call) ([]doctree.Node, error) {
	if !settingBool(EnvOf(c.Host.Document()), "show_authors", false) {
		return nil, nil
	}
	para := doctree.NewElement(doctree.TagParagraph)
	para.Set("translatable", false)
	var label string
	switch strings.ToLower(c.Name) {
	case "sectionauthor":
		label = "Section author: "
	case "moduleauthor":
		label = "Module author: "
	case "codeauthor":
		label = "Code author: "
	default:
		label = "Author: "
	}
	emph := doctree.NewElement(doctree.TagEmphasis, doctree.NewText(label))
	inodes, msgs := c.Host.ParseInline(c.Arguments[0], c.Lineno)
	emph.Append(inodes...)
	para.Append(emph)
	return appendMessages([]doctree.Node{para}, msgs), nil
}

// admonitionDirective is docutils' BaseAdmonition for one of Sphinx's
// admonition-like nodes (seealso).
func admonitionDirective(tag string) *directives.Directive {
	return &directives.Directive{
		FinalArgumentWhitespace: true,
		OptionSpec: map[string]directives.OptionConv{
			"class": directives.ClassOption,
			"name":  directives.Unchanged,
		},
		HasContent: true,
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			node, err := runAdmonition(c, tag)
			if err != nil {
				return nil, err
			}
			return []doctree.Node{node}, nil
		},
	}
}

// runAdmonition is BaseAdmonition.run for an admonition without a title.
func runAdmonition(c *directives.Call, tag string) (*doctree.Element, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	node := doctree.NewElement(tag)
	node.RawSource = c.Content.Text()
	node.Classes = append(node.Classes, classesOf(c.Options)...)
	c.AddName(node)
	node.Source, node.Line = c.Host.SourceAndLine(c.Lineno)
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	return node, nil
}

func tabularColumnsDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			node := doctree.NewElement(TagTabularColSpec)
			node.Set("spec", c.Arguments[0])
			setSourceInfo(c, node)
			return []doctree.Node{node}, nil
		},
	}
}

func centeredDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			if len(c.Arguments) == 0 {
				return nil, nil
			}
			node := doctree.NewElement(TagCentered)
			inodes, msgs := c.Host.ParseInline(c.Arguments[0], c.Lineno)
			node.Append(inodes...)
			return appendMessages([]doctree.Node{node}, msgs), nil
		},
	}
}

func acksDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{},
		HasContent: true,
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			node := doctree.NewElement(TagAcks)
			c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
			if !onlyBulletList(node) {
				warnAtLine(c, ".. acks content is not a list")
				return nil, nil
			}
			return []doctree.Node{node}, nil
		},
	}
}

// onlyBulletList reports whether e holds a single bullet list.
func onlyBulletList(e *doctree.Element) bool {
	if len(e.Children) != 1 {
		return false
	}
	l, ok := e.Children[0].(*doctree.Element)
	return ok && l.Tag == doctree.TagBulletList
}

func hlistDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{"columns": intOption},
		HasContent: true,
		Run:        runHList,
	}
}

// maxColumns bounds the columns of an hlist so that a mistyped number
// cannot exhaust memory.
const maxColumns = 1000

// runHList distributes the items of a bullet list over columns, the first
// columns taking one more item when they do not divide evenly.
func runHList(c *directives.Call) ([]doctree.Node, error) {
	ncolumns := 2
	if v, ok := c.Options["columns"].(int); ok {
		ncolumns = v
	}
	node := doctree.NewElement(doctree.TagParagraph)
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	if !onlyBulletList(node) {
		warnAtLine(c, ".. hlist content is not a list")
		return nil, nil
	}
	if ncolumns <= 0 {
		// Python's divmod by zero, or range() of a negative count
		if ncolumns == 0 {
			return nil, c.Errorf("integer division or modulo by zero")
		}
		hl := doctree.NewElement(TagHList)
		hl.Set("ncolumns", strconv.Itoa(ncolumns))
		return []doctree.Node{hl}, nil
	}
	if ncolumns > maxColumns {
		// Sphinx would make that many empty columns; no page shows them
		ncolumns = maxColumns
	}
	full := node.Children[0].(*doctree.Element)
	items := append([]doctree.Node(nil), full.Children...)
	full.Clear()
	per, more := len(items)/ncolumns, len(items)%ncolumns
	hl := doctree.NewElement(TagHList)
	hl.Set("ncolumns", strconv.Itoa(ncolumns))
	index := 0
	for col := 0; col < ncolumns; col++ {
		end := index + per
		if col < more {
			end++
		}
		list := doctree.NewElement(doctree.TagBulletList)
		list.Append(items[index:end]...)
		hl.Append(doctree.NewElement(TagHListCol, list))
		index = end
	}
	return []doctree.Node{hl}, nil
}

func onlyDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		HasContent:              true,
		Run:                     runOnly,
	}
}

// sectionMemoHost is implemented by the reST parser's host: it exposes
// docutils' memo.title_styles and memo.section_level.
type sectionMemoHost interface {
	SectionMemo() (styles []string, level int)
	SetSectionMemo(styles []string, level int)
}

// runOnly is Sphinx's Only: an only node holding the content, parsed as a
// section hierarchy of its own. When the content's first section title
// uses a style of the surrounding document, the node goes up to the
// section level that style stands for, and nothing is returned.
func runOnly(c *directives.Call) ([]doctree.Node, error) {
	node := doctree.NewElement(TagOnly)
	setSourceInfo(c, node)
	node.Set("expr", c.Arguments[0])
	memo, ok := c.Host.(sectionMemoHost)
	if !ok {
		c.Host.NestedParse(c.Content, c.ContentOffset, node, true)
		return []doctree.Node{node}, nil
	}
	outer, outerLevel := memo.SectionMemo()
	memo.SetSectionMemo(nil, 0)
	defer memo.SetSectionMemo(outer, outerLevel)
	c.Host.NestedParse(c.Content, c.ContentOffset, node, true)
	styles, _ := memo.SectionMemo()
	parent := c.Host.CurrentNode()
	if len(outer) == 0 || len(styles) == 0 || parent == nil {
		return []doctree.Node{node}, nil
	}
	nested := -1
	for i, s := range outer {
		if s == styles[0] {
			nested = i
			break
		}
	}
	if nested < 0 {
		return []doctree.Node{node}, nil
	}
	depth := -2
	for p := parent; p != nil; p = p.Parent() {
		depth++
	}
	for i := 0; i < depth-nested+1; i++ {
		if parent.Parent() != nil {
			parent = parent.Parent()
		}
	}
	parent.Append(node)
	return nil, nil
}

// versionLabels are the texts of the version change directives.
var versionLabels = map[string][2]string{
	"versionadded":   {"New in version %s", "added"},
	"versionchanged": {"Changed in version %s", "changed"},
	"deprecated":     {"Deprecated since version %s", "deprecated"},
}

func versionChangeDirective(kind string) *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              map[string]directives.OptionConv{},
		HasContent:              true,
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			return runVersionChange(c, kind)
		},
	}
}

// runVersionChange is sphinx.domains.changeset.VersionChange: a
// versionmodified node whose first paragraph starts with the label
// ("New in version 1.2: ").
func runVersionChange(c *directives.Call, kind string) ([]doctree.Node, error) {
	node := doctree.NewElement(TagVersionModified)
	setSourceInfo(c, node)
	node.Set("type", kind)
	node.Set("version", c.Arguments[0])
	label := versionLabels[kind]
	text := strings.ReplaceAll(label[0], "%s", c.Arguments[0])
	var msgs []*doctree.Element
	if len(c.Arguments) == 2 {
		var inodes []doctree.Node
		inodes, msgs = c.Host.ParseInline(c.Arguments[1], c.Lineno+1)
		para := doctree.NewTextElement(doctree.TagParagraph, c.Arguments[1], "", inodes...)
		para.Set("translatable", false)
		setSourceInfo(c, para)
		node.Append(para)
	}
	if c.Content.Len() > 0 {
		c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	}
	classes := []string{"versionmodified", label[1]}
	newInline := func(s string) *doctree.Element {
		in := doctree.NewTextElement(doctree.TagInline, "", s)
		in.Classes = append([]string(nil), classes...)
		return in
	}
	first, _ := firstChild(node)
	switch {
	case first != nil && first.Tag == doctree.TagParagraph:
		para := first
		if first.RawSource != "" {
			// the first paragraph becomes translatable content
			content := doctree.NewElement(doctree.TagInline)
			content.RawSource = first.RawSource
			content.Set("translatable", true)
			content.Source, content.Line = first.Source, first.Line
			kids := append([]doctree.Node(nil), first.Children...)
			first.Clear()
			content.Append(kids...)
			para = doctree.NewElement(doctree.TagParagraph, content)
			para.Set("translatable", false)
			doctree.ReplaceSelf(first, para)
		}
		para.Insert(0, newInline(text+": "))
	case len(node.Children) > 0:
		para := doctree.NewElement(doctree.TagParagraph, newInline(text+": "))
		para.Set("translatable", false)
		node.Insert(0, para)
	default:
		para := doctree.NewElement(doctree.TagParagraph, newInline(text+"."))
		para.Set("translatable", false)
		node.Append(para)
	}
	return appendMessages([]doctree.Node{node}, msgs), nil
}

// includeDirective wraps docutils' include as Sphinx does: a path that is
// not a standard include ("<name>") is resolved with env.relfn2path, so
// "/x" is relative to the source directory.
func includeDirective(base *directives.Directive) *directives.Directive {
	d := *base
	d.Run = func(c *directives.Call) ([]doctree.Node, error) {
		doc := c.Host.Document()
		env := EnvOf(doc)
		if arg := c.Arguments[0]; env != nil && !(strings.HasPrefix(arg, "<") && strings.HasSuffix(arg, ">")) {
			rel, abs := env.RelFn2Path(arg)
			c.Arguments[0] = abs
			env.NoteDependency(rel)
		}
		return base.Run(c)
	}
	return &d
}

// figureDirective wraps docutils' figure as Sphinx does: the name option
// names the figure rather than its image.
func figureDirective(base *directives.Directive) *directives.Directive {
	d := *base
	d.Run = func(c *directives.Call) ([]doctree.Node, error) {
		name, hasName := c.Options["name"]
		delete(c.Options, "name")
		out, err := base.Run(c)
		if err != nil || len(out) != 1 {
			return out, err
		}
		fig, ok := out[0].(*doctree.Element)
		if !ok || fig.Tag != doctree.TagFigure {
			return out, nil
		}
		if hasName {
			c.Options["name"] = name
			c.AddName(fig)
		}
		if fig.Line == 0 && len(fig.Children) == 2 {
			if capt, ok := fig.Children[1].(*doctree.Element); ok {
				fig.Line = capt.Line
			}
		}
		return out, nil
	}
	return &d
}

// csvTableDirective wraps docutils' csv-table as Sphinx does: a file option
// starting with "/" is relative to the source directory (unless such an
// absolute file exists, which gets a warning).
func csvTableDirective(base *directives.Directive) *directives.Directive {
	d := *base
	d.Run = func(c *directives.Call) ([]doctree.Node, error) {
		doc := c.Host.Document()
		env := EnvOf(doc)
		if f, ok := c.Options["file"].(string); ok && env != nil && strings.HasPrefix(f, "/") {
			if fileExists(f) {
				warnAtLine(c, "\":file:\" option for csv-table directive now recognizes an absolute path as a relative path from source directory. Please update your document.")
			} else {
				_, abs := env.RelFn2Path(f)
				c.Options["file"] = relPathFrom(docDir(doc), abs)
			}
		}
		return base.Run(c)
	}
	return &d
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// docDir is the directory of the document being read.
func docDir(doc *doctree.Document) string {
	return filepath.Dir(pyio.Abs(doc.Root.GetString("source")))
}

// relPathFrom is os.path.relpath(target, start).
func relPathFrom(start, target string) string {
	if r, err := filepath.Rel(start, target); err == nil {
		return r
	}
	return target
}
