package misc

import (
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// runRaw is docutils' Raw.run: content, a file or a URL's text passed
// through to writers of the given formats.
func runRaw(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	settings := doc.Settings
	file, hasFile := c.Options["file"].(string)
	url, hasURL := c.Options["url"].(string)
	if !settings.RawEnabled || (!settings.FileInsertionEnabled && (hasFile || hasURL)) {
		return nil, c.Warningf("\"%s\" directive disabled.", c.Name)
	}
	format := strings.Join(doctree.Fields(strings.ToLower(c.Arguments[0])), " ")
	encoding := pyio.InputEncoding(c.Options["encoding"], settings)
	var text, source string
	switch {
	case c.Content.Len() > 0:
		if hasFile || hasURL {
			return nil, c.Errorf("\"%s\" directive may not both specify an external file and have content.", c.Name)
		}
		text = c.Content.Text()
	case hasFile:
		if hasURL {
			return nil, c.Errorf("The \"file\" and \"url\" options may not be simultaneously specified for the \"%s\" directive.", c.Name)
		}
		current, _ := c.Host.SourceAndLine(c.Lineno)
		source = pyio.ResolvePath(pyio.SourceDir(current, doc), file)
		data, err := pyio.ReadBytes(source)
		if err != nil {
			return nil, c.Severef("Problems with \"%s\" directive path:\n%s.", c.Name, pyio.ErrorString(err))
		}
		text, err = pyio.DecodeText(data, encoding)
		if err != nil {
			return nil, c.Severef("Problem with \"%s\" directive:\n%s", c.Name, pyio.ErrorString(err))
		}
	case hasURL:
		data, err := pyio.OpenURL(url)
		if err != nil {
			return nil, c.Severef("Problems with \"%s\" directive URL \"%s\":\n%s.", c.Name, url, pyio.ErrorString(err))
		}
		if encoding == "" {
			text, err = pyio.DecodeGuess(data)
		} else {
			text, err = pyio.Decode(data, encoding)
		}
		if err != nil {
			return nil, c.Severef("Problem with \"%s\" directive:\n%s", c.Name, pyio.ErrorString(err))
		}
		source = url
	default:
		return nil, c.AssertHasContent()
	}
	raw := doctree.NewTextElement(doctree.TagRaw, "", text)
	if cls, ok := c.Options["class"].([]string); ok {
		raw.Classes = append(raw.Classes, cls...)
	}
	raw.Set("format", format)
	if source != "" {
		raw.Set("source", source)
	}
	raw.Source, raw.Line = c.Host.SourceAndLine(c.Lineno)
	return []doctree.Node{raw}, nil
}
