package transforms

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// The transforms of docutils.transforms.frontmatter.
var (
	// DocTitle promotes a lone top-level section's title to the document
	// title (and a lone second-level one to the subtitle).
	DocTitle = &Transform{Name: docutilsPrefix + "frontmatter.DocTitle", Priority: 320, Apply: docTitle}
	// SectionSubTitle promotes a lone subsection's title to its section's
	// subtitle.
	SectionSubTitle = &Transform{Name: docutilsPrefix + "frontmatter.SectionSubTitle", Priority: 350, Apply: sectionSubTitle}
	// DocInfo turns a leading field list into bibliographic elements.
	DocInfo = &Transform{Name: docutilsPrefix + "frontmatter.DocInfo", Priority: 340, Apply: docInfo}
)

// candidateIndex returns the section that may be promoted into node and
// its index: the first child that is not pre-bibliographic, when it is a
// section and the last child.
func candidateIndex(node *doctree.Element) (*doctree.Element, int) {
	index := firstChildNotMatching(node, []doctree.Class{doctree.ClassPreBibliographic})
	if index < 0 || len(node.Children) > index+1 {
		return nil, -1
	}
	sect := childElement(node, index)
	if sect == nil || sect.Tag != doctree.TagSection {
		return nil, -1
	}
	return sect, index
}

// updateAllAttsConcatenating merges src's attributes into dst as docutils'
// update_all_atts_concatenating(replace=True, and_source=True): the basic
// list attributes are appended without duplicates, other lists are
// concatenated, everything else is replaced.
func updateAllAttsConcatenating(dst, src *doctree.Element) {
	dst.UpdateBasicAtts(src)
	for _, a := range src.Attrs {
		if l, ok := a.Value.([]string); ok {
			if old, ok := dst.Get(a.Name); ok {
				if ol, ok := old.([]string); ok {
					dst.Set(a.Name, doctree.AppendUnique(ol, l...))
					continue
				}
			}
		}
		dst.Set(a.Name, a.Value)
	}
}

// promoteTitle makes a lone section's title node's title, and the
// section's contents node's contents.
func promoteTitle(node *doctree.Element) bool {
	section, index := candidateIndex(node)
	if section == nil {
		return false
	}
	updateAllAttsConcatenating(node, section)
	var kids []doctree.Node
	if len(section.Children) > 0 {
		kids = append(kids, section.Children[0])
	}
	kids = append(kids, node.Children[:index]...)
	if len(section.Children) > 1 {
		kids = append(kids, section.Children[1:]...)
	}
	setChildren(node, kids)
	return true
}

// promoteSubtitle makes a lone subsection's title node's subtitle.
func promoteSubtitle(node *doctree.Element) bool {
	subsection, index := candidateIndex(node)
	if subsection == nil {
		return false
	}
	subtitle := doctree.NewElement(doctree.TagSubtitle)
	updateAllAttsConcatenating(subtitle, subsection)
	if t := childElement(subsection, 0); t != nil {
		setChildren(subtitle, t.Children)
	}
	var kids []doctree.Node
	if len(node.Children) > 0 {
		kids = append(kids, node.Children[0])
	}
	kids = append(kids, subtitle)
	if index > 1 {
		kids = append(kids, node.Children[1:index]...)
	}
	if len(subsection.Children) > 1 {
		kids = append(kids, subsection.Children[1:]...)
	}
	setChildren(node, kids)
	return true
}

func docTitle(ctx *Context) error {
	doc := ctx.Doc
	if ctx.Settings().DoctitleXform {
		if promoteTitle(doc.Root) {
			promoteSubtitle(doc.Root)
		}
	}
	// The metadata title: an existing attribute, the "title" setting, or
	// the promoted title.
	if !doc.Root.Has("title") {
		if t := ctx.Settings().Title; t != "" {
			doc.Root.Set("title", t)
		} else if first := childElement(doc.Root, 0); first != nil && first.Tag == doctree.TagTitle {
			doc.Root.Set("title", first.AsText())
		}
	}
	return nil
}

func sectionSubTitle(ctx *Context) error {
	if !ctx.Settings().SectsubtitleXform {
		return nil
	}
	// Promotion only changes the part of the tree not visited yet, so a
	// snapshot visits the same sections in the same order as docutils'
	// lazy traversal (the emptied subsections are no longer candidates).
	for _, section := range doctree.FindTag(ctx.Doc.Root, doctree.TagSection) {
		promoteSubtitle(section)
	}
	return nil
}

// biblioTags maps canonical bibliographic field names to element tags.
var biblioTags = map[string]string{
	"author":       doctree.TagAuthor,
	"authors":      doctree.TagAuthors,
	"organization": doctree.TagOrganization,
	"address":      doctree.TagAddress,
	"contact":      doctree.TagContact,
	"version":      doctree.TagVersion,
	"revision":     doctree.TagRevision,
	"status":       doctree.TagStatus,
	"date":         doctree.TagDate,
	"copyright":    doctree.TagCopyright,
	"dedication":   doctree.TagTopic,
	"abstract":     doctree.TagTopic,
}

// rcsKeywordSubstitutions clean expanded RCS keywords in bibliographic
// fields ("$Date: 2002/10/12 ... $" becomes "2002-10-12").
var rcsKeywordSubstitutions = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)\$Date: (\d\d\d\d)[-/](\d\d)[-/](\d\d)[ T][\d:]+[^$]* \$`), "${1}-${2}-${3}"},
	{regexp.MustCompile(`(?i)\$RCSfile: (.+),v \$`), "${1}"},
	{regexp.MustCompile(`\$[a-zA-Z]+: (.+) \$`), "${1}"},
}

// cleanRCSKeywords rewrites a paragraph holding only text with the first
// RCS keyword pattern that matches it.
func cleanRCSKeywords(para *doctree.Element) {
	if len(para.Children) != 1 {
		return
	}
	t, ok := para.Children[0].(*doctree.Text)
	if !ok {
		return
	}
	for _, s := range rcsKeywordSubstitutions {
		if s.re.MatchString(t.Data) {
			para.Replace(t, doctree.NewText(s.re.ReplaceAllString(t.Data, s.repl)))
			return
		}
	}
}

func docInfo(ctx *Context) error {
	if !ctx.Settings().DocinfoXform {
		return nil
	}
	root := ctx.Doc.Root
	index := firstChildNotMatching(root, []doctree.Class{doctree.ClassPreBibliographic})
	if index < 0 {
		return nil
	}
	candidate := childElement(root, index)
	if candidate == nil || candidate.Tag != doctree.TagFieldList {
		return nil
	}
	biblioindex := firstChildNotMatching(root, []doctree.Class{doctree.ClassTitular, doctree.ClassDecorative}, doctree.TagMeta)
	nodelist := extractBibliographic(ctx, candidate)
	root.RemoveAt(index)
	if biblioindex < 0 || biblioindex > len(root.Children) {
		biblioindex = len(root.Children)
	}
	root.Insert(biblioindex, nodelist...)
	return nil
}

// errNotBiblio is docutils' TransformError: the field stays a generic
// field of the docinfo.
var errNotBiblio = fmt.Errorf("not a bibliographic field")

func extractBibliographic(ctx *Context, fieldList *doctree.Element) []doctree.Node {
	doc := ctx.Doc
	lang := ctx.Language()
	bibliofields := lang.BibliographicFields
	labels := lang.Labels
	docinfo := doctree.NewElement(doctree.TagDocinfo)
	topics := map[string]*doctree.Element{}
	for _, f := range append([]doctree.Node(nil), fieldList.Children...) {
		field, ok := f.(*doctree.Element)
		if !ok {
			continue
		}
		name := ""
		if fn := childElement(field, 0); fn != nil && len(fn.Children) > 0 {
			name = fn.Children[0].AsText()
		}
		normedname := doctree.FullyNormalizeName(name)
		err := func() error {
			canonical, known := bibliofields[normedname]
			if !(len(field.Children) == 2 && known && checkEmptyBiblioField(doc, field, name)) {
				return errNotBiblio
			}
			body := childElement(field, 1)
			if body == nil {
				return errNotBiblio
			}
			tag := biblioTags[canonical]
			switch {
			case tag == "":
				return errNotBiblio
			case tag == doctree.TagAuthors:
				return extractAuthors(ctx, field, name, docinfo)
			case tag == doctree.TagTopic:
				if topics[canonical] != nil {
					body.Append(doc.Reporter.Warning(fmt.Sprintf("There can only be one \"%s\" field.", name), doctree.MsgOpts{BaseNode: field}))
					return errNotBiblio
				}
				label := labels[canonical]
				if label == "" {
					label = englishLanguage.Labels[canonical]
				}
				title := doctree.NewTextElement(doctree.TagTitle, name, label)
				topic := doctree.NewElement(doctree.TagTopic, title)
				topic.Classes = []string{canonical}
				topic.Append(append([]doctree.Node(nil), body.Children...)...)
				topics[canonical] = topic
			default:
				if !checkCompoundBiblioField(doc, field, name) {
					return errNotBiblio
				}
				para := childElement(body, 0)
				cleanRCSKeywords(para)
				el := doctree.NewElement(tag)
				el.Append(append([]doctree.Node(nil), para.Children...)...)
				docinfo.Append(el)
			}
			return nil
		}()
		if err == nil {
			continue
		}
		if last := childElement(field, len(field.Children)-1); last != nil && len(last.Children) == 1 && isTag(last.Children[0], doctree.TagParagraph) {
			cleanRCSKeywords(last.Children[0].(*doctree.Element))
		}
		if classvalue := doctree.MakeID(normedname); classvalue != "" {
			field.Classes = append(field.Classes, classvalue)
		}
		docinfo.Append(field)
	}
	var nodelist []doctree.Node
	if len(docinfo.Children) != 0 {
		nodelist = append(nodelist, docinfo)
	}
	for _, name := range []string{"dedication", "abstract"} {
		if topics[name] != nil {
			nodelist = append(nodelist, topics[name])
		}
	}
	return nodelist
}

func checkEmptyBiblioField(doc *doctree.Document, field *doctree.Element, name string) bool {
	last := childElement(field, len(field.Children)-1)
	if last == nil {
		return false
	}
	if len(last.Children) < 1 {
		last.Append(doc.Reporter.Warning(fmt.Sprintf("Cannot extract empty bibliographic field \"%s\".", name), doctree.MsgOpts{BaseNode: field}))
		return false
	}
	return true
}

func checkCompoundBiblioField(doc *doctree.Document, field *doctree.Element, name string) bool {
	last := childElement(field, len(field.Children)-1)
	if last == nil {
		return false
	}
	if len(last.Children) > 1 {
		last.Append(doc.Reporter.Warning(fmt.Sprintf("Cannot extract compound bibliographic field \"%s\".", name), doctree.MsgOpts{BaseNode: field}))
		return false
	}
	if !isTag(last.Children[0], doctree.TagParagraph) {
		last.Append(doc.Reporter.Warning(fmt.Sprintf("Cannot extract bibliographic field \"%s\" containing anything other than a single paragraph.", name),
			doctree.MsgOpts{BaseNode: field}))
		return false
	}
	return true
}

func extractAuthors(ctx *Context, field *doctree.Element, name string, docinfo *doctree.Element) error {
	body := childElement(field, 1)
	authors, err := func() ([][]doctree.Node, error) {
		if len(body.Children) == 1 {
			switch {
			case isTag(body.Children[0], doctree.TagParagraph):
				return authorsFromOneParagraph(ctx, body)
			case isTag(body.Children[0], doctree.TagBulletList):
				return authorsFromBulletList(body.Children[0].(*doctree.Element))
			}
			return nil, errNotBiblio
		}
		return authorsFromParagraphs(body)
	}()
	if err == nil {
		authorsEl := doctree.NewElement(doctree.TagAuthors)
		for _, a := range authors {
			if len(a) > 0 {
				authorsEl.Append(doctree.NewElement(doctree.TagAuthor, a...))
			}
		}
		if len(authorsEl.Children) >= 1 {
			docinfo.Append(authorsEl)
			return nil
		}
	}
	last := childElement(field, len(field.Children)-1)
	last.Append(ctx.Doc.Reporter.Warning(fmt.Sprintf("Bibliographic field \"%s\" incompatible with extraction: it must contain either a single paragraph (with authors separated by one of \"%s\"), multiple paragraphs (one per author), or a bullet list with one paragraph (one author) per item.",
		name, strings.Join(ctx.Language().AuthorSeparators, "")), doctree.MsgOpts{BaseNode: field}))
	return errNotBiblio
}

func authorsFromOneParagraph(ctx *Context, body *doctree.Element) ([][]doctree.Node, error) {
	var b strings.Builder
	for _, t := range textNodes(body) {
		b.WriteString(t.Data)
	}
	text := b.String()
	if text == "" {
		return nil, errNotBiblio
	}
	var names []string
	for _, sep := range ctx.Language().AuthorSeparators {
		names = splitUnescaped(text, sep)
		if len(names) > 1 {
			break
		}
	}
	if names == nil {
		names = []string{text}
	}
	var out [][]doctree.Node
	for _, n := range names {
		n = doctree.TrimSpace(n)
		if n != "" {
			out = append(out, []doctree.Node{doctree.NewText(n)})
		}
	}
	return out, nil
}

// splitUnescaped splits text at sep where sep is not escaped (preceded by
// the NUL that marks a backslash escape).
func splitUnescaped(text, sep string) []string {
	if sep == "" {
		return []string{text}
	}
	var out []string
	start := 0
	for i := 0; i+len(sep) <= len(text); {
		if text[i:i+len(sep)] == sep && (i == 0 || text[i-1] != 0) {
			out = append(out, text[start:i])
			i += len(sep)
			start = i
			continue
		}
		i++
	}
	return append(out, text[start:])
}

func authorsFromBulletList(list *doctree.Element) ([][]doctree.Node, error) {
	var authors [][]doctree.Node
	for _, c := range list.Children {
		item, ok := c.(*doctree.Element)
		if !ok {
			return nil, errNotBiblio
		}
		if item.Tag == doctree.TagComment {
			continue
		}
		if len(item.Children) != 1 || !isTag(item.Children[0], doctree.TagParagraph) {
			return nil, errNotBiblio
		}
		authors = append(authors, append([]doctree.Node(nil), item.Children[0].(*doctree.Element).Children...))
	}
	if len(authors) == 0 {
		return nil, errNotBiblio
	}
	return authors, nil
}

func authorsFromParagraphs(body *doctree.Element) ([][]doctree.Node, error) {
	for _, c := range body.Children {
		if !isTag(c, doctree.TagParagraph) && !isTag(c, doctree.TagComment) {
			return nil, errNotBiblio
		}
	}
	var authors [][]doctree.Node
	for _, c := range body.Children {
		if isTag(c, doctree.TagComment) {
			continue
		}
		authors = append(authors, append([]doctree.Node(nil), c.(*doctree.Element).Children...))
	}
	return authors, nil
}
