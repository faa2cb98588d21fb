// Package images implements docutils' image and figure directives
// (docutils.parsers.rst.directives.images).
package images

import (
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"image"
	// The formats whose size the figure directive's figwidth "image" can
	// read, as docutils does with PIL.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

var (
	alignH      = []string{"left", "center", "right"}
	alignV      = []string{"top", "middle", "bottom"}
	alignValues = append(append([]string(nil), alignV...), alignH...)
)

// Register adds this package's directives to reg.
func Register(reg *directives.Registry) {
	reg.AddDirective("image", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              imageSpec(),
		Run:                     runImage,
	})
	reg.AddDirective("figure", &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec:              figureSpec(),
		HasContent:              true,
		Run:                     runFigure,
	})
}

// runImage is docutils' Image.run.
func runImage(c *directives.Call) ([]doctree.Node, error) {
	n, err := makeImage(c)
	if err != nil {
		return nil, err
	}
	return []doctree.Node{n}, nil
}

// makeImage builds the image element, wrapped in a reference when the
// target option is given.
func makeImage(c *directives.Call) (doctree.Node, error) {
	if v, ok := c.Options["align"]; ok {
		align, _ := v.(string)
		if cur := c.Host.CurrentNode(); cur != nil && cur.Tag == doctree.TagSubstitutionDefinition {
			if !contains(alignV, align) {
				return nil, c.Errorf("Error in \"%s\" directive: \"%s\" is not a valid value for the \"align\" option within a substitution definition.  Valid values for \"align\" are: \"%s\".",
					c.Name, align, strings.Join(alignV, "\", \""))
			}
		} else if !contains(alignH, align) {
			return nil, c.Errorf("Error in \"%s\" directive: \"%s\" is not a valid value for the \"align\" option.  Valid values for \"align\" are: \"%s\".",
				c.Name, align, strings.Join(alignH, "\", \""))
		}
	}
	arg := ""
	if len(c.Arguments) > 0 {
		arg = c.Arguments[0]
	}
	u, err := directives.URI(arg, false)
	if err != nil {
		return nil, c.Errorf("%s", err)
	}
	c.Options["uri"] = u
	var ref *doctree.Element
	if v, ok := c.Options["target"]; ok {
		target, _ := v.(string)
		block := splitLines(escape2null(target))
		kind, data := c.Host.ParseTarget(block, c.BlockText, c.Lineno)
		ref = doctree.NewElement(doctree.TagReference)
		if kind == "refname" {
			ref.Set("refname", doctree.FullyNormalizeName(data))
			ref.Set("name", doctree.WhitespaceNormalizeName(data))
			c.Host.Document().NoteRefName(ref)
		} else {
			ref.Set("refuri", data)
		}
		delete(c.Options, "target")
	}
	img := doctree.NewElement(doctree.TagImage)
	img.RawSource = c.BlockText
	keys := make([]string, 0, len(c.Options))
	for k := range c.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "class":
			l, _ := c.Options[k].([]string)
			img.Classes = append(img.Classes, l...)
		case "name":
			// moved into names by AddName
		default:
			img.Set(k, c.Options[k])
		}
	}
	c.AddName(img)
	if ref != nil {
		ref.Append(img)
		return ref, nil
	}
	return img, nil
}

// runFigure is docutils' Figure.run: an image with an optional caption
// (the first paragraph of the content) and legend (the rest).
func runFigure(c *directives.Call) ([]doctree.Node, error) {
	figwidth, hasFigwidth := c.Options["figwidth"]
	figclasses, _ := c.Options["figclass"].([]string)
	align, hasAlign := c.Options["align"]
	delete(c.Options, "figwidth")
	delete(c.Options, "figclass")
	delete(c.Options, "align")
	imageNode, err := makeImage(c)
	if err != nil {
		return nil, err
	}
	figure := doctree.NewElement(doctree.TagFigure, imageNode)
	if hasFigwidth {
		if figwidth == "image" {
			if c.Host.Document().Settings.FileInsertionEnabled {
				if w, ok := imageWidth(imageNodeURI(imageNode)); ok {
					figure.Set("width", strconv.Itoa(w)+"px")
				}
			}
		} else if figwidth != nil {
			figure.Set("width", figwidth)
		}
	}
	figure.Classes = append(figure.Classes, figclasses...)
	if hasAlign && align != nil {
		if s, _ := align.(string); s != "" {
			figure.Set("align", s)
		}
	}
	if c.Content.Len() == 0 {
		return []doctree.Node{figure}, nil
	}
	// An anonymous container for parsing the content.
	node := doctree.NewElement("")
	c.Host.NestedParse(c.Content, c.ContentOffset, node, false)
	if len(node.Children) == 0 {
		return []doctree.Node{figure}, nil
	}
	first, _ := node.Children[0].(*doctree.Element)
	switch {
	case first != nil && first.Tag == doctree.TagParagraph:
		children := append([]doctree.Node(nil), first.Children...)
		first.Clear()
		caption := doctree.NewTextElement(doctree.TagCaption, first.RawSource, "", children...)
		caption.Source, caption.Line = first.Source, first.Line
		figure.Append(caption)
	case first != nil && first.Tag == doctree.TagComment && len(first.Children) == 0:
		// An empty comment stands for "no caption", before a legend.
	default:
		msg := c.Host.Reporter().Error("Figure caption must be a paragraph or empty comment.",
			doctree.MsgOpts{Line: c.Lineno},
			doctree.NewTextElement(doctree.TagLiteralBlock, c.BlockText, c.BlockText))
		return []doctree.Node{figure, msg}, nil
	}
	if len(node.Children) > 1 {
		rest := append([]doctree.Node(nil), node.Children[1:]...)
		node.Clear()
		figure.Append(doctree.NewElement(doctree.TagLegend, rest...))
	}
	return []doctree.Node{figure}, nil
}

// imageWidth returns the pixel width of the image file at uri, which is a
// path relative to the working directory, as docutils reads it with PIL.
// It fails for unreadable files and formats it cannot decode; docutils
// then leaves the figure's width unset.
func imageWidth(uri string) (int, bool) {
	f, err := os.Open(urlToPath(uri))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0, false
	}
	return cfg.Width, true
}

// urlToPath undoes URL %-escapes as Python's url2pathname on POSIX
// (urllib.parse.unquote): invalid escapes stay as they are.
func urlToPath(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// escape2null turns backslash escapes into NUL markers: each backslash
// becomes NUL and the character after it is kept (docutils'
// escape2null).
func escape2null(text string) string {
	if !strings.Contains(text, `\`) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			b.WriteByte(0)
			if i+1 < len(text) {
				// the escaped character is kept, even a backslash
				i++
				b.WriteByte(text[i])
			}
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// splitLines is Python's str.splitlines.
func splitLines(s string) []string { return pyio.SplitLines(s, false) }

// imageNodeURI returns the uri of the image made by makeImage, which may
// be wrapped in a reference.
func imageNodeURI(n doctree.Node) string {
	e, _ := n.(*doctree.Element)
	if e != nil && e.Tag == doctree.TagReference && len(e.Children) > 0 {
		e, _ = e.Children[0].(*doctree.Element)
	}
	if e == nil {
		return ""
	}
	return e.GetString("uri")
}
