package sphinx

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// This file holds Sphinx's code directives (sphinx.directives.code and the
// code directive of sphinx.directives.patches). Sphinx highlights at write
// time, so the literal blocks keep their text whole and carry language,
// linenos, force and highlight_args for the writer.

func highlightDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments: 1,
		OptionSpec: map[string]directives.OptionConv{
			"force":           directives.Flag,
			"linenothreshold": directives.PositiveInt,
		},
		Run: runHighlight,
	}
}

// runHighlight sets the language of the document's later code blocks.
func runHighlight(c *directives.Call) ([]doctree.Node, error) {
	lang := doctree.TrimSpace(c.Arguments[0])
	threshold := math.MaxInt64
	if v, ok := c.Options["linenothreshold"].(int); ok {
		threshold = v
	}
	temp(c.Host.Document())["highlight_language"] = lang
	node := doctree.NewElement(TagHighlightLang)
	node.Set("lang", lang)
	node.Set("force", has(c.Options, "force"))
	node.Set("linenothreshold", threshold)
	return []doctree.Node{node}, nil
}

// highlightLanguage is the language of a code block without one: the
// last highlight directive's, else the highlight_language setting.
func highlightLanguage(doc *doctree.Document) string {
	if l, ok := temp(doc)["highlight_language"].(string); ok {
		return l
	}
	return settingString(EnvOf(doc), "highlight_language", "default")
}

func codeBlockDirective() *directives.Directive {
	return &directives.Directive{
		OptionalArguments: 1,
		OptionSpec: map[string]directives.OptionConv{
			"force":           directives.Flag,
			"linenos":         directives.Flag,
			"dedent":          optionalInt,
			"lineno-start":    intOption,
			"emphasize-lines": directives.UnchangedRequired,
			"caption":         directives.UnchangedRequired,
			"class":           directives.ClassOption,
			"name":            directives.Unchanged,
		},
		HasContent: true,
		Run:        runCodeBlock,
	}
}

// runCodeBlock is Sphinx's CodeBlock (code-block and sourcecode).
func runCodeBlock(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	code := c.Content.Text()
	var hlLines []int
	if spec := optString(c.Options, "emphasize-lines"); spec != "" {
		n := c.Content.Len()
		ranges, err := parseLinenos(spec, n)
		if err != nil {
			return []doctree.Node{doc.Reporter.Warning(err.Error(), doctree.MsgOpts{Line: c.Lineno})}, nil
		}
		if ranges.outOfRange(n) {
			warnAtLine(c, "line number spec is out of range(1-%d): %s", n, doctree.PyStrRepr(spec))
		}
		hlLines = []int{}
		for _, i := range ranges.items(n) {
			hlLines = append(hlLines, i+1)
		}
	}
	if has(c.Options, "dedent") {
		lines := pyio.SplitLines(code, true)
		lines = dedentLines(c, lines, c.Options["dedent"])
		code = strings.Join(lines, "")
	}
	literal := doctree.NewTextElement(doctree.TagLiteralBlock, code, code)
	if has(c.Options, "linenos") || has(c.Options, "lineno-start") {
		literal.Set("linenos", true)
	}
	literal.Classes = append(literal.Classes, classesOf(c.Options)...)
	literal.Set("force", has(c.Options, "force"))
	if len(c.Arguments) > 0 {
		literal.Set("language", c.Arguments[0])
	} else {
		literal.Set("language", highlightLanguage(doc))
	}
	args := HighlightArgs{HLLines: hlLines}
	if v, ok := c.Options["lineno-start"].(int); ok {
		args.LinenoStart, args.HasLinenoStart = v, true
	}
	literal.Set("highlight_args", args)
	setSourceInfo(c, literal)
	out := literal
	if caption := optString(c.Options, "caption"); caption != "" {
		wrapped, err := containerWrapper(c, literal, caption)
		if err != nil {
			return []doctree.Node{doc.Reporter.Warning(err.Error(), doctree.MsgOpts{Line: c.Lineno})}, nil
		}
		out = wrapped
	}
	c.AddName(out)
	return []doctree.Node{out}, nil
}

// containerWrapper is sphinx.directives.code.container_wrapper: the
// literal block in a literal-block-wrapper container after a caption
// parsed from the caption text.
func containerWrapper(c *directives.Call, literal *doctree.Element, caption string) (*doctree.Element, error) {
	container := doctree.NewElement(doctree.TagContainer)
	container.Set("literal_block", true)
	container.Classes = []string{"literal-block-wrapper"}
	parsed := doctree.NewElement("Element")
	lines := strings.Split(caption, "\n")
	c.Host.NestedParse(directives.NewContent(lines, "", 0), c.ContentOffset, parsed, false)
	first, _ := firstChild(parsed)
	if first == nil {
		// Sphinx fails with an IndexError here.
		return nil, errors.New("Invalid caption: " + caption)
	}
	if first.Tag == doctree.TagSystemMessage {
		return nil, errors.New("Invalid caption: " + first.AsText())
	}
	cap := doctree.NewElement(doctree.TagCaption)
	cap.RawSource = first.RawSource
	kids := append([]doctree.Node(nil), first.Children...)
	first.Clear()
	cap.Append(kids...)
	cap.Source, cap.Line = literal.Source, literal.Line
	container.Append(cap, literal)
	return container, nil
}

// firstChild returns the first child of e when it is an element.
func firstChild(e *doctree.Element) (*doctree.Element, bool) {
	if len(e.Children) == 0 {
		return nil, false
	}
	f, ok := e.Children[0].(*doctree.Element)
	return f, ok
}

// dedentLines is sphinx.directives.code.dedent_lines: with no amount,
// textwrap.dedent; else that many characters off every line, warning when
// that strips more than white space.
func dedentLines(c *directives.Call, lines []string, amount any) []string {
	n, ok := amount.(int)
	if !ok {
		return pyio.SplitLines(textwrapDedent(strings.Join(lines, "")), true)
	}
	for _, l := range lines {
		if doctree.TrimSpace(prefixRunes(l, n)) != "" {
			warnAtLine(c, "non-whitespace stripped by dedent")
			break
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		nl := dropRunes(l, n)
		if strings.HasSuffix(l, "\n") && nl == "" {
			nl = "\n"
		}
		out[i] = nl
	}
	return out
}

// prefixRunes is s[:n] on Python's code points.
func prefixRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// dropRunes is s[n:] on Python's code points.
func dropRunes(s string, n int) string { return s[len(prefixRunes(s, n)):] }

var (
	whitespaceOnlyRE  = regexp.MustCompile(`(?m)^[ \t]+$`)
	leadingWhitespace = regexp.MustCompile(`(?m)(^[ \t]*)[^ \t\n]`)
)

// textwrapDedent is Python's textwrap.dedent: lines of blanks become
// empty, then the longest leading white space common to all other lines
// is removed.
func textwrapDedent(text string) string {
	text = whitespaceOnlyRE.ReplaceAllString(text, "")
	margin, found := "", false
	for _, m := range leadingWhitespace.FindAllStringSubmatch(text, -1) {
		indent := m[1]
		switch {
		case !found:
			margin, found = indent, true
		case strings.HasPrefix(indent, margin):
			// deeper: the margin stays
		case strings.HasPrefix(margin, indent):
			margin = indent
		default:
			// no common prefix beyond their shared start
			i := 0
			for i < len(margin) && i < len(indent) && margin[i] == indent[i] {
				i++
			}
			margin = margin[:i]
		}
	}
	if margin == "" {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, margin)
	}
	return strings.Join(lines, "")
}

// lineRange is one part of a line number spec: line indexes [from, to).
type lineRange struct{ from, to int }

// lineSpec is a parsed line number spec (sphinx.util.parselinenos) kept
// as ranges, so that "1-100000000" costs nothing; items expands it.
type lineSpec []lineRange

// parseLinenos parses a spec such as "1,3-5,7-" for a text of total lines.
// Numbers are 1-based; "-5" starts at 1 and "5-" runs to the end.
func parseLinenos(spec string, total int) (lineSpec, error) {
	bad := fmt.Errorf("invalid line number spec: %s", doctree.PyStrRepr(spec))
	var out lineSpec
	for _, part := range strings.Split(spec, ",") {
		ends := strings.Split(doctree.TrimSpace(part), "-")
		switch len(ends) {
		case 1:
			n, err := directives.PyInt(ends[0], false)
			if err != nil {
				return nil, bad
			}
			out = append(out, lineRange{n - 1, n})
		case 2:
			if ends[0] == "" && ends[1] == "" {
				return nil, bad
			}
			start := 1
			if ends[0] != "" {
				n, err := directives.PyInt(ends[0], false)
				if err != nil {
					return nil, bad
				}
				start = n
			}
			end := max(start, total)
			if ends[1] != "" {
				n, err := directives.PyInt(ends[1], false)
				if err != nil {
					return nil, bad
				}
				end = n
			}
			if start > end {
				return nil, bad
			}
			out = append(out, lineRange{start - 1, end})
		default:
			return nil, bad
		}
	}
	return out, nil
}

// outOfRange reports whether some line index is total or more.
func (s lineSpec) outOfRange(total int) bool {
	for _, r := range s {
		if r.to > total {
			return true
		}
	}
	return false
}

// items lists the line indexes below total, in order (Python's list with
// the out-of-range ones filtered away). An index of -1 (from line "0")
// stays: Python reads it as the last line.
func (s lineSpec) items(total int) []int {
	var out []int
	for _, r := range s {
		for i := r.from; i < r.to && i < total; i++ {
			out = append(out, i)
		}
	}
	return out
}

// contiguous reports whether the spec's indexes follow each other.
func (s lineSpec) contiguous() bool {
	for i := 1; i < len(s); i++ {
		if s[i].from != s[i-1].to {
			return false
		}
	}
	return true
}

// codeDirective is Sphinx's replacement of docutils' code directive.
func codeDirective() *directives.Directive {
	return &directives.Directive{
		OptionalArguments: 1,
		OptionSpec: map[string]directives.OptionConv{
			"class":        directives.ClassOption,
			"force":        directives.Flag,
			"name":         directives.Unchanged,
			"number-lines": optionalInt,
		},
		HasContent: true,
		Run:        runCode,
	}
}

func runCode(c *directives.Call) ([]doctree.Node, error) {
	if err := c.AssertHasContent(); err != nil {
		return nil, err
	}
	doc := c.Host.Document()
	code := c.Content.Text()
	node := doctree.NewTextElement(doctree.TagLiteralBlock, code, code)
	node.Classes = append(node.Classes, classesOf(c.Options)...)
	node.Set("force", has(c.Options, "force"))
	args := HighlightArgs{}
	c.AddName(node)
	setSourceInfo(c, node)
	if len(c.Arguments) > 0 {
		node.Set("language", c.Arguments[0])
	} else {
		node.Set("language", highlightLanguage(doc))
	}
	if has(c.Options, "number-lines") {
		node.Set("linenos", true)
		if n, ok := c.Options["number-lines"].(int); ok && n != 0 {
			args.LinenoStart, args.HasLinenoStart = n, true
		}
	}
	node.Set("highlight_args", args)
	return []doctree.Node{node}, nil
}

func literalIncludeDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec: map[string]directives.OptionConv{
			"dedent":          optionalInt,
			"linenos":         directives.Flag,
			"lineno-start":    intOption,
			"lineno-match":    directives.Flag,
			"tab-width":       intOption,
			"language":        directives.UnchangedRequired,
			"force":           directives.Flag,
			"encoding":        directives.Encoding,
			"pyobject":        directives.UnchangedRequired,
			"lines":           directives.UnchangedRequired,
			"start-after":     directives.UnchangedRequired,
			"end-before":      directives.UnchangedRequired,
			"start-at":        directives.UnchangedRequired,
			"end-at":          directives.UnchangedRequired,
			"prepend":         directives.UnchangedRequired,
			"append":          directives.UnchangedRequired,
			"emphasize-lines": directives.UnchangedRequired,
			"caption":         directives.Unchanged,
			"class":           directives.ClassOption,
			"name":            directives.Unchanged,
			"diff":            directives.UnchangedRequired,
		},
		Run: runLiteralInclude,
	}
}

// relFn2Path resolves a file named in a directive (env.relfn2path); with
// no environment, paths are relative to the document's directory.
func relFn2Path(doc *doctree.Document, name string) (rel, abs string) {
	if env := EnvOf(doc); env != nil {
		return env.RelFn2Path(name)
	}
	dir := pyio.SourceDir(doc.Root.GetString("source"), doc)
	rel = filepath.Clean(strings.TrimPrefix(name, "/"))
	return rel, filepath.Join(dir, rel)
}

// runLiteralInclude is Sphinx's LiteralInclude: a file, or part of it, as
// a literal block. Every failure becomes a warning in place of the block.
func runLiteralInclude(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	warning := func(msg string) ([]doctree.Node, error) {
		return []doctree.Node{doc.Reporter.Warning(msg, doctree.MsgOpts{Line: c.Lineno})}, nil
	}
	if !doc.Settings.FileInsertionEnabled {
		return warning("File insertion disabled")
	}
	opts := c.Options
	if has(opts, "diff") {
		_, p := relFn2Path(doc, optString(opts, "diff"))
		opts["diff"] = p
	}
	rel, filename := relFn2Path(doc, c.Arguments[0])
	if env := EnvOf(doc); env != nil {
		env.NoteDependency(rel)
	}
	r, err := newIncludeReader(c, filename, opts)
	if err != nil {
		return warning(err.Error())
	}
	text, nlines, err := r.read()
	if err != nil {
		return warning(err.Error())
	}
	node := doctree.NewTextElement(doctree.TagLiteralBlock, text, text)
	node.Set("source", filename)
	node.Set("force", has(opts, "force"))
	setSourceInfo(c, node)
	if optString(opts, "diff") != "" {
		node.Set("language", "udiff")
	} else if has(opts, "language") {
		node.Set("language", optString(opts, "language"))
	}
	if has(opts, "linenos") || has(opts, "lineno-start") || has(opts, "lineno-match") {
		node.Set("linenos", true)
	}
	node.Classes = append(node.Classes, classesOf(opts)...)
	args := HighlightArgs{}
	if has(opts, "emphasize-lines") {
		spec := optString(opts, "emphasize-lines")
		ranges, err := parseLinenos(spec, nlines)
		if err != nil {
			return warning(err.Error())
		}
		if ranges.outOfRange(nlines) {
			warnAtLine(c, "line number spec is out of range(1-%d): %s", nlines, doctree.PyStrRepr(spec))
		}
		args.HLLines = []int{}
		for _, i := range ranges.items(nlines) {
			args.HLLines = append(args.HLLines, i+1)
		}
	}
	args.LinenoStart, args.HasLinenoStart = r.linenoStart, true
	node.Set("highlight_args", args)
	out := node
	if has(opts, "caption") {
		caption := optString(opts, "caption")
		if caption == "" {
			caption = c.Arguments[0]
		}
		wrapped, err := containerWrapper(c, node, caption)
		if err != nil {
			return warning(err.Error())
		}
		out = wrapped
	}
	c.AddName(out)
	return []doctree.Node{out}, nil
}

// invalidOptionPairs are the literalinclude options that exclude each
// other, in the order Sphinx checks them.
var invalidOptionPairs = [][2]string{
	{"lineno-match", "lineno-start"},
	{"lineno-match", "append"},
	{"lineno-match", "prepend"},
	{"start-after", "start-at"},
	{"end-before", "end-at"},
	{"diff", "pyobject"},
	{"diff", "lineno-start"},
	{"diff", "lineno-match"},
	{"diff", "lines"},
	{"diff", "start-after"},
	{"diff", "end-before"},
	{"diff", "start-at"},
	{"diff", "end-at"},
}

// includeReader is Sphinx's LiteralIncludeReader: it reads the file and
// runs the line filters the options ask for.
type includeReader struct {
	c           *directives.Call
	filename    string
	opts        map[string]any
	encoding    string
	linenoStart int
}

func newIncludeReader(c *directives.Call, filename string, opts map[string]any) (*includeReader, error) {
	for _, p := range invalidOptionPairs {
		if has(opts, p[0]) && has(opts, p[1]) {
			return nil, fmt.Errorf("Cannot use both \"%s\" and \"%s\" options", p[0], p[1])
		}
	}
	enc := settingString(EnvOf(c.Host.Document()), "source_encoding", "utf-8-sig")
	if e, ok := opts["encoding"].(string); ok {
		enc = e
	}
	start := 1
	if v, ok := opts["lineno-start"].(int); ok {
		start = v
	}
	return &includeReader{c: c, filename: filename, opts: opts, encoding: enc, linenoStart: start}, nil
}

// readFile reads a file as Python's open() in text mode would, with
// universal newlines, and splits it into lines that keep their ends.
func (r *includeReader) readFile(filename string) ([]string, error) {
	data, err := pyio.ReadBytes(filename)
	if err != nil {
		return nil, fmt.Errorf("Include file %s not found or reading it failed", doctree.PyStrRepr(filename))
	}
	text, err := pyio.Decode(data, r.encoding)
	if err != nil {
		var lookup *pyio.LookupError
		if errors.As(err, &lookup) {
			return nil, err
		}
		return nil, fmt.Errorf("Encoding %s used for reading included file %s seems to be wrong, try giving an :encoding: option",
			doctree.PyStrRepr(r.encoding), doctree.PyStrRepr(filename))
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if w, ok := r.opts["tab-width"].(int); ok {
		text = pyio.ExpandTabs(text, w)
	}
	return pyio.SplitLines(text, true), nil
}

// read returns the text to show and its number of lines.
func (r *includeReader) read() (string, int, error) {
	var lines []string
	var err error
	if has(r.opts, "diff") {
		lines, err = r.showDiff()
	} else {
		lines, err = r.readFile(r.filename)
		filters := []func([]string) ([]string, error){
			r.pyobjectFilter, r.startFilter, r.endFilter, r.linesFilter,
			r.dedentFilter, r.prependFilter, r.appendFilter,
		}
		for _, f := range filters {
			if err != nil {
				break
			}
			lines, err = f(lines)
		}
	}
	if err != nil {
		return "", 0, err
	}
	return strings.Join(lines, ""), len(lines), nil
}

func (r *includeReader) showDiff() ([]string, error) {
	newLines, err := r.readFile(r.filename)
	if err != nil {
		return nil, err
	}
	oldName := optString(r.opts, "diff")
	oldLines, err := r.readFile(oldName)
	if err != nil {
		return nil, err
	}
	return unifiedDiff(oldLines, newLines, oldName, r.filename), nil
}

func (r *includeReader) pyobjectFilter(lines []string) ([]string, error) {
	obj := optString(r.opts, "pyobject")
	if obj == "" {
		return lines, nil
	}
	tags, err := findPythonTags(lines)
	if err != nil {
		return nil, err
	}
	t, ok := tags[obj]
	if !ok {
		return nil, fmt.Errorf("Object named %s not found in include file %s", doctree.PyStrRepr(obj), doctree.PyStrRepr(r.filename))
	}
	lines = pySlice(lines, t.start-1, t.end)
	if has(r.opts, "lineno-match") {
		r.linenoStart = t.start
	}
	return lines, nil
}

// pySlice is Python's lines[from:to] for non-negative bounds.
func pySlice(lines []string, from, to int) []string {
	from = min(max(from, 0), len(lines))
	to = min(max(to, from), len(lines))
	return lines[from:to]
}

func (r *includeReader) startFilter(lines []string) ([]string, error) {
	var start string
	inclusive := false
	switch {
	case has(r.opts, "start-at"):
		start = optString(r.opts, "start-at")
	case has(r.opts, "start-after"):
		start, inclusive = optString(r.opts, "start-after"), true
	}
	if start == "" {
		return lines, nil
	}
	for i, l := range lines {
		if !strings.Contains(l, start) {
			continue
		}
		if inclusive {
			if has(r.opts, "lineno-match") {
				r.linenoStart += i + 1
			}
			return lines[i+1:], nil
		}
		if has(r.opts, "lineno-match") {
			r.linenoStart += i
		}
		return lines[i:], nil
	}
	if inclusive {
		return nil, fmt.Errorf("start-after pattern not found: %s", start)
	}
	return nil, fmt.Errorf("start-at pattern not found: %s", start)
}

func (r *includeReader) endFilter(lines []string) ([]string, error) {
	var end string
	inclusive := false
	switch {
	case has(r.opts, "end-at"):
		end, inclusive = optString(r.opts, "end-at"), true
	case has(r.opts, "end-before"):
		end = optString(r.opts, "end-before")
	}
	if end == "" {
		return lines, nil
	}
	for i, l := range lines {
		if !strings.Contains(l, end) {
			continue
		}
		if inclusive {
			return lines[:i+1], nil
		}
		if i != 0 {
			// end-before ignores a match on the first line
			return lines[:i], nil
		}
	}
	if inclusive {
		return nil, fmt.Errorf("end-at pattern not found: %s", end)
	}
	return nil, fmt.Errorf("end-before pattern not found: %s", end)
}

func (r *includeReader) linesFilter(lines []string) ([]string, error) {
	spec := optString(r.opts, "lines")
	if spec == "" {
		return lines, nil
	}
	ranges, err := parseLinenos(spec, len(lines))
	if err != nil {
		return nil, err
	}
	if ranges.outOfRange(len(lines)) {
		warnAtLine(r.c, "line number spec is out of range(1-%d): %s", len(lines), doctree.PyStrRepr(spec))
	}
	if has(r.opts, "lineno-match") {
		if !ranges.contiguous() {
			return nil, errors.New(`Cannot use "lineno-match" with a disjoint set of "lines"`)
		}
		r.linenoStart += ranges[0].from
	}
	var out []string
	for _, i := range ranges.items(len(lines)) {
		if i < 0 {
			// Python's lines[-1]
			if len(lines) == 0 {
				return nil, errors.New("list index out of range")
			}
			i += len(lines)
		}
		out = append(out, lines[i])
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("Line spec %s: no lines pulled from include file %s", doctree.PyStrRepr(spec), doctree.PyStrRepr(r.filename))
	}
	return out, nil
}

func (r *includeReader) dedentFilter(lines []string) ([]string, error) {
	if !has(r.opts, "dedent") {
		return lines, nil
	}
	return dedentLines(r.c, lines, r.opts["dedent"]), nil
}

func (r *includeReader) prependFilter(lines []string) ([]string, error) {
	if p := optString(r.opts, "prepend"); p != "" {
		lines = append([]string{p + "\n"}, lines...)
	}
	return lines, nil
}

func (r *includeReader) appendFilter(lines []string) ([]string, error) {
	if a := optString(r.opts, "append"); a != "" {
		lines = append(lines, a+"\n")
	}
	return lines, nil
}
