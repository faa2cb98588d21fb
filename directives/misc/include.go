package misc

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// standardIncludes are docutils' standard data files
// (docutils/parsers/rst/include, public domain), which documents include
// as "<isonum.txt>".
//
//go:embed include/*.txt
var standardIncludes embed.FS

// DefaultStandardIncludeDir returns where the embedded standard data files
// appear to be when the include directive is registered without a
// directory of its own: "docutils/parsers/rst/include" beside the working
// directory. That is the layout of a docutils source tree, whose test
// suite runs in its "test" directory, so paths in messages read as in
// docutils' own tests. Nothing is read from that directory: any path
// inside it names an embedded file.
func DefaultStandardIncludeDir() string {
	wd, err := os.Getwd()
	if err != nil {
		wd = string(filepath.Separator)
	}
	return filepath.Join(filepath.Dir(wd), "docutils", "parsers", "rst", "include")
}

// SubdocumentParser is implemented by a Host that can parse an included
// file as a document of its own, as the include directive's "parser"
// option asks: the host parses text into doc with the named parser
// (directives.ParserRST, ...) and applies that parser's transforms; it
// returns false for a parser it does not have. docutils does this with a
// new document and a new parser; a Host without this method gets the file
// parsed in place, as without the option.
type SubdocumentParser interface {
	ParseSubdocument(doc *doctree.Document, text string, parser string) bool
}

// IncludeDirective returns docutils' include directive, with the standard
// data files appearing in stdDir ("" for DefaultStandardIncludeDir).
func IncludeDirective(stdDir string) *directives.Directive {
	inc := &includer{stdDir: stdDir}
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec: map[string]directives.OptionConv{
			"literal":      directives.Flag,
			"code":         directives.Unchanged,
			"encoding":     directives.Encoding,
			"parser":       directives.ParserName,
			"tab-width":    pyInt,
			"start-line":   pyInt,
			"end-line":     pyInt,
			"start-after":  directives.UnchangedRequired,
			"end-before":   directives.UnchangedRequired,
			"number-lines": directives.Unchanged,
			"class":        directives.ClassOption,
			"name":         directives.Unchanged,
		},
		Run: inc.run,
	}
}

// pyInt is Python's int() as an option converter.
func pyInt(arg string, none bool) (any, error) {
	v, err := directives.PyInt(arg, none)
	if err != nil {
		return nil, err
	}
	return v, nil
}

type includer struct{ stdDir string }

// run is docutils' Include.run.
func (inc *includer) run(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	settings := doc.Settings
	if !settings.FileInsertionEnabled {
		return nil, c.Warningf("\"%s\" directive disabled.", c.Name)
	}
	source, _ := c.Host.SourceAndLine(c.Lineno)
	stdDir := inc.stdDir
	if stdDir == "" {
		stdDir = DefaultStandardIncludeDir()
	}
	p, _ := directives.Path(c.Arguments[0], false)
	target := p.(string)
	if strings.HasPrefix(target, "<") && strings.HasSuffix(target, ">") && len(target) >= 2 {
		target = filepath.Join(stdDir, target[1:len(target)-1])
	}
	target = pyio.ResolvePath(pyio.SourceDir(source, doc), target)
	encoding := pyio.InputEncoding(c.Options["encoding"], settings)
	tabWidth := settings.TabWidth
	if v, ok := c.Options["tab-width"].(int); ok {
		tabWidth = v
	}
	data, err := readInclude(target, stdDir)
	if err != nil {
		return nil, c.Severef("Problems with \"%s\" directive path:\n%s.", c.Name, pyio.ErrorString(err))
	}
	text, err := pyio.DecodeText(data, encoding)
	if err != nil {
		return nil, c.Severef("Problem with \"%s\" directive:\n%s", c.Name, pyio.ErrorString(err))
	}

	startline, _ := c.Options["start-line"].(int)
	endline, hasEnd := c.Options["end-line"].(int)
	rawtext := text
	if startline != 0 || hasEnd {
		lines := pyio.SplitLines(text, true)
		lo, hi := pySlice(len(lines), startline, hasEnd, endline)
		rawtext = strings.Join(lines[lo:hi], "")
	}
	afterText, _ := c.Options["start-after"].(string)
	if afterText != "" {
		i := strings.Index(rawtext, afterText)
		if i < 0 {
			return nil, c.Severef("Problem with \"start-after\" option of \"%s\" directive:\nText not found.", c.Name)
		}
		rawtext = rawtext[i+len(afterText):]
	}
	beforeText, _ := c.Options["end-before"].(string)
	if beforeText != "" {
		i := strings.Index(rawtext, beforeText)
		if i < 0 {
			return nil, c.Severef("Problem with \"end-before\" option of \"%s\" directive:\nText not found.", c.Name)
		}
		rawtext = rawtext[:i]
	}

	includeLines := pyio.String2Lines(rawtext, tabWidth, true)
	for i, line := range includeLines {
		if utf8.RuneCountInString(line) > settings.LineLengthLimit {
			return nil, c.Warningf("\"%s\": line %d exceeds the line-length-limit.", target, i+1)
		}
	}

	if _, ok := c.Options["literal"]; ok {
		return includeLiteral(c, target, rawtext, tabWidth, len(includeLines))
	}
	if code, ok := c.Options["code"]; ok {
		if tabWidth < 0 {
			includeLines = pyio.SplitLines(rawtext, false)
		}
		return includeCode(c, target, code, includeLines)
	}

	// Prevent circular inclusion. docutils compares the path and the
	// clipping options, so that a file may include other parts of itself.
	clip := clipKey(c.Options)
	if len(doc.IncludeLog) == 0 {
		doc.IncludeLog = append(doc.IncludeLog, doctree.IncludeRecord{
			Path: pyio.RelativePath("", source), Key: clipKey(nil)})
	}
	for _, rec := range doc.IncludeLog {
		if rec.Path == target && rec.Key == clip {
			chain := []string{target}
			for i := len(doc.IncludeLog) - 1; i >= 0; i-- {
				chain = append(chain, doc.IncludeLog[i].Path)
			}
			return nil, c.Warningf("circular inclusion in \"%s\" directive:\n%s", c.Name, strings.Join(chain, "\n> "))
		}
	}

	if parser, ok := c.Options["parser"].(string); ok {
		if parser == directives.ParserNull {
			// docutils' null parser makes an empty document.
			return nil, nil
		}
		if sp, ok := c.Host.(SubdocumentParser); ok {
			sub := doctree.NewDocument(target, settings)
			sub.IncludeLog = append(append([]doctree.IncludeRecord(nil), doc.IncludeLog...),
				doctree.IncludeRecord{Path: target, Key: clip})
			if sp.ParseSubdocument(sub, strings.Join(includeLines, "\n"), parser) {
				children := sub.Root.Children
				sub.Root.Children = nil
				return children, nil
			}
			return nil, unavailableParser(c)
		}
		if parser != directives.ParserRST {
			return nil, unavailableParser(c)
		}
	}

	// Include as reStructuredText source. The closing comment tells the
	// parser to drop the include log's last entry (docutils' Body.comment).
	includeLines = append(includeLines, "", fmt.Sprintf(".. end of inclusion from \"%s\"", target))
	c.Host.InsertInput(includeLines, target)
	doc.IncludeLog = append(doc.IncludeLog, doctree.IncludeRecord{Path: target, Key: clip})
	return nil, nil
}

// unavailableParser is docutils' option error for a parser that cannot be
// loaded, as docutils reports it for a Markdown parser when none of the
// third-party packages it wraps is installed.
func unavailableParser(c *directives.Call) error {
	value := fmt.Sprint(c.Options["parser"])
	return c.Errorf("Error in \"%s\" directive:\ninvalid option value: (option: \"parser\"; value: %s)\n"+
		"Parser \"%s\" not found. Parsing \"CommonMark\" requires one of the packages\n"+
		"('pycmark', 'myst', 'recommonmark') available at https://pypi.org.",
		c.Name, doctree.PyStrRepr(value), value)
}

// includeLiteral returns the file as a literal block, with line numbers
// when asked for.
func includeLiteral(c *directives.Call, target, rawtext string, tabWidth, nLines int) ([]doctree.Node, error) {
	text := rawtext
	if tabWidth >= 0 {
		text = pyio.ExpandTabs(rawtext, tabWidth)
	}
	block := doctree.NewElement(doctree.TagLiteralBlock)
	block.RawSource = rawtext
	block.Set("source", target)
	if cls, ok := c.Options["class"].([]string); ok {
		block.Classes = append(block.Classes, cls...)
	}
	block.Line = 1
	c.AddName(block)
	if v, ok := c.Options["number-lines"]; ok {
		start := 1
		if s, _ := v.(string); s != "" {
			n, err := directives.PyInt(s, false)
			if err != nil {
				return nil, c.Errorf(":number-lines: with non-integer start value")
			}
			start = n
		}
		end := start + nLines
		text = strings.TrimSuffix(text, "\n")
		format := fmt.Sprintf("%%%dd ", len(fmt.Sprint(end)))
		lines := strings.Split(text, "\n")
		for i, line := range lines {
			num := fmt.Sprintf(format, start+i)
			ln := doctree.NewTextElement(doctree.TagInline, num, num)
			ln.Classes = []string{"ln"}
			if i < len(lines)-1 {
				line += "\n"
			}
			block.Append(ln, doctree.NewText(line))
		}
		return []doctree.Node{block}, nil
	}
	block.Append(doctree.NewText(text))
	return []doctree.Node{block}, nil
}

// includeCode hands the file to the code directive, as docutils' include
// does for its "code" option.
func includeCode(c *directives.Call, target string, language any, lines []string) ([]doctree.Node, error) {
	code := c.Host.Registry().Directive("code")
	if code == nil || code.Run == nil {
		return nil, c.Errorf("Unknown directive type \"code\".")
	}
	opts := make(map[string]any, len(c.Options))
	for k, v := range c.Options {
		if k != "code" {
			opts[k] = v
		}
	}
	opts["source"] = target
	lang, _ := language.(string)
	call := &directives.Call{
		Name:          c.Name,
		Arguments:     []string{lang},
		Options:       opts,
		Content:       directives.NewContent(lines, target, 0),
		Lineno:        c.Lineno,
		ContentOffset: c.ContentOffset,
		BlockText:     c.BlockText,
		Host:          c.Host,
	}
	return code.Run(call)
}

// readInclude reads the file to include: a standard data file from the
// embedded copies, any other file from disk.
func readInclude(target, stdDir string) ([]byte, error) {
	rel, err := filepath.Rel(pyio.Abs(stdDir), pyio.Abs(target))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return pyio.ReadBytes(target)
	}
	name := path.Join("include", filepath.ToSlash(rel))
	data, err := standardIncludes.ReadFile(name)
	if err == nil {
		return data, nil
	}
	errno := syscall.ENOENT
	if info, serr := fs.Stat(standardIncludes, name); serr == nil && info.IsDir() {
		errno = syscall.EISDIR
	} else if errors.Is(err, fs.ErrInvalid) && rel == "." {
		errno = syscall.EISDIR
	}
	return nil, &pyio.OSError{ClassName: "InputError", Errno: int(errno), Strerror: pyio.Strerror(errno), Filename: target}
}

// clipKey renders the clipping options that identify an inclusion in the
// include log, as docutils' tuple (start-line, end-line, end-before,
// start-after).
func clipKey(opts map[string]any) string {
	parts := make([]string, 4)
	for i, name := range []string{"start-line", "end-line", "end-before", "start-after"} {
		v, ok := opts[name]
		if !ok {
			parts[i] = "None"
			continue
		}
		parts[i] = doctree.PyRepr(v)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// pySlice returns the bounds of Python's slice [start:end] of a sequence of
// length n; hasEnd false stands for an omitted end.
func pySlice(n, start int, hasEnd bool, end int) (int, int) {
	norm := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		return i
	}
	lo, hi := norm(start), n
	if hasEnd {
		hi = norm(end)
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}
