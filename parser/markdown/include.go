package markdown

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/rst"
)

// runInclude runs the include directive as MyST's MockIncludeDirective: an
// included file is parsed as Markdown in place (or kept as a literal or
// code block).
func (r *renderer) runInclude(c *directives.Call) ([]doctree.Node, error) {
	if !r.doc.Settings.FileInsertionEnabled {
		return nil, &directives.Error{Level: doctree.LevelWarning, Msg: fmt.Sprintf("Directive \"%s\" disabled.", c.Name)}
	}
	sourceDir := filepath.Dir(pyio.Abs(r.source))
	var arg strings.Builder
	for _, l := range pySplitLines(c.Arguments[0]) {
		arg.WriteString(pyStrip(l))
	}
	includeArg := arg.String()
	var path string
	if strings.HasPrefix(includeArg, "<") && strings.HasSuffix(includeArg, ">") && len(includeArg) > 1 {
		path = filepath.Join(r.standardIncludeDir(), includeArg[1:len(includeArg)-1])
	} else {
		path = includeArg
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(sourceDir, path)
	}
	encoding := r.doc.Settings.InputEncoding
	if e, ok := c.Options["encoding"].(string); ok && e != "" {
		encoding = e
	}
	data, err := pyio.ReadBytes(path)
	var content string
	if err == nil {
		content, err = pyio.Decode(data, encoding)
	}
	if err != nil {
		return nil, &directives.Error{Level: doctree.LevelSevere, Msg: fmt.Sprintf("Directive \"%s\": error reading file: %s\n%s.", c.Name, path, err.Error())}
	}
	content = pyio.NormalizeNewlines(content)
	lines := pySplitLines(content)
	startline := 0
	if v, ok := c.Options["start-line"].(int); ok {
		startline = v
	}
	endline := len(lines)
	if v, ok := c.Options["end-line"].(int); ok {
		endline = v
	}
	content = strings.Join(pySlice(lines, startline, endline), "\n")
	if startline < 0 {
		startline = 0
	}
	for _, opt := range []string{"start-after", "end-before"} {
		splitOn, _ := c.Options[opt].(string)
		if splitOn == "" {
			continue
		}
		idx := strings.Index(content, splitOn)
		if idx < 0 {
			return nil, &directives.Error{Level: doctree.LevelSevere, Msg: fmt.Sprintf("Directive \"%s\"; option \"%s\": text not found \"%s\".", c.Name, opt, splitOn)}
		}
		if opt == "start-after" {
			startline += idx + len(splitOn)
			content = content[idx+len(splitOn):]
		} else {
			content = content[:idx]
		}
	}
	if _, ok := c.Options["literal"]; ok {
		lb := doctree.NewElement(doctree.TagLiteralBlock)
		lb.RawSource = content
		// MyST passes source= to the constructor: an attribute.
		lb.Set("source", path)
		lb.Line = 1
		if cls, ok := c.Options["class"].([]string); ok {
			lb.Classes = append(lb.Classes, cls...)
		}
		c.AddName(lb)
		if v, ok := c.Options["number-lines"]; ok {
			start := 1
			if s, _ := v.(string); s != "" {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil {
					return nil, &directives.Error{Level: doctree.LevelError, Msg: ":number-lines: with non-integer start value"}
				}
				start = n
			}
			end := start + len(pySplitLines(content))
			content = strings.TrimSuffix(content, "\n")
			appendCodeTokens(lb, numberCodeLines([]codeToken{{value: content}}, start, end))
		} else {
			lb.Append(doctree.NewText(content))
		}
		return []doctree.Node{lb}, nil
	}
	if code, ok := c.Options["code"]; ok {
		cb := r.reg.Directive("code-block")
		if cb == nil {
			cb = r.reg.Directive("code")
		}
		if cb == nil {
			return nil, &directives.Error{Level: doctree.LevelError, Msg: "Unknown directive type \"code\"."}
		}
		opts := map[string]any{}
		for k, v := range c.Options {
			if k != "code" {
				opts[k] = v
			}
		}
		opts["source"] = path
		var args []string
		if s, _ := code.(string); s != "" {
			args = []string{s}
		}
		call := &directives.Call{
			Name:      c.Name,
			Arguments: args,
			Options:   opts,
			Content:   directives.NewContent(pySplitLines(content), path, 0),
			Lineno:    c.Lineno,
			BlockText: content,
			Host:      c.Host,
		}
		return cb.Run(call)
	}
	savedSource, savedRep := r.source, r.doc.Reporter.Source
	savedSL := r.doc.Reporter.SourceAndLine
	savedImages, savedDocs := r.env.relativeImages, r.env.relativeDocs
	defer func() {
		r.source = savedSource
		r.doc.Root.Set("source", savedSource)
		r.doc.Reporter.Source = savedRep
		r.doc.Reporter.SourceAndLine = savedSL
		r.env.relativeImages, r.env.relativeDocs = savedImages, savedDocs
	}()
	r.source = path
	r.doc.Root.Set("source", path)
	r.doc.Reporter.Source = path
	r.doc.Reporter.SourceAndLine = func(line int) (string, int, bool) {
		if line == 0 {
			return "", 0, false
		}
		return path, line, true
	}
	if _, ok := c.Options["relative-images"]; ok {
		rel, err := filepath.Rel(sourceDir, filepath.Dir(path))
		if err != nil {
			rel = filepath.Dir(path)
		}
		rel = filepath.ToSlash(rel)
		r.env.relativeImages = &rel
	}
	if v, ok := c.Options["relative-docs"].(string); ok {
		r.env.relativeDocs = &relativeDocs{prefix: v, sourceDir: sourceDir, includeDir: filepath.Dir(path)}
	}
	r.nestedRender(content, startline+1, false, true)
	return nil, nil
}

// pySlice is Python's lines[start:end].
func pySlice(lines []string, start, end int) []string {
	n := len(lines)
	norm := func(i int) int {
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	s, e := norm(start), norm(end)
	if s >= e {
		return nil
	}
	return lines[s:e]
}

// standardIncludeDir is where "<name>" includes are looked for.
func (r *renderer) standardIncludeDir() string {
	return filepath.Join("docutils", "parsers", "rst", "include")
}

// renderRST parses the content of an {eval-rst} block as reStructuredText
// into a document of its own and moves its nodes here (MyST's
// render_restructuredtext).
func (r *renderer) renderRST(content string, line int) {
	newdoc := doctree.NewDocument(r.source, r.doc.Settings)
	newdoc.Reporter = r.doc.Reporter
	savedSL := r.doc.Reporter.SourceAndLine
	defer func() { r.doc.Reporter.SourceAndLine = savedSL }()
	// MyST parses "\n"*line + content, for the line numbers.
	(&rst.Parser{Registry: r.reg, LineOffset: max(line, 0)}).Parse(newdoc, content)
	children := append([]doctree.Node(nil), newdoc.Root.Children...)
	newdoc.Root.Clear()
	for _, c := range children {
		if e, ok := c.(*doctree.Element); ok && len(e.Names) > 0 {
			r.doc.NoteExplicitTarget(e, e)
		}
	}
	r.appendNode(children...)
}
