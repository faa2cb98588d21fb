package markdown

import (
	"errors"
	"fmt"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// errDirective is a problem with a directive's text (MyST's
// DirectiveParsingError).
type errDirective struct{ msg string }

func (e *errDirective) Error() string { return e.msg }

func directiveErr(format string, args ...any) error {
	return &errDirective{fmt.Sprintf(format, args...)}
}

// mockingError is raised (as a panic) by the parts of the Host interface
// that MyST does not mock; runDirective reports it as MyST does.
type mockingError struct{ msg string }

// pySplitLines is Python's str.splitlines().
func pySplitLines(s string) []string { return pyio.SplitLines(s, false) }

// dedent is Python's textwrap.dedent.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	margin := ""
	first := true
	for _, l := range lines {
		if strings.TrimLeft(l, " \t") == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		switch {
		case first:
			margin, first = ind, false
		case strings.HasPrefix(ind, margin):
		case strings.HasPrefix(margin, ind):
			margin = ind
		default:
			n := 0
			for n < len(margin) && n < len(ind) && margin[n] == ind[n] {
				n++
			}
			margin = margin[:n]
		}
	}
	for i, l := range lines {
		if strings.TrimLeft(l, " \t") == "" {
			lines[i] = strings.TrimLeft(l, " \t")
			continue
		}
		lines[i] = strings.TrimPrefix(l, margin)
	}
	return strings.Join(lines, "\n")
}

var yamlEndRE = regexp.MustCompile(`(?m)^-{3,}`)

// parseDirectiveText splits a directive's text into arguments, options
// and content lines, and checks the options (MyST's
// parse_directive_text). rawOptions keeps the YAML values unconverted
// (the test directive accepts any option).
func parseDirectiveText(d *directives.Directive, firstLine, content string, rawOptions bool) (args []string, opts map[string]any, body []string, contentOffset int, err error) {
	opts = map[string]any{}
	if len(d.OptionSpec) > 0 || rawOptions {
		var rest string
		rest, opts, err = parseDirectiveOptions(content, d, rawOptions)
		if err != nil {
			return nil, nil, nil, 0, err
		}
		body = pySplitLines(rest)
		contentOffset = len(pySplitLines(content)) - len(body)
	} else {
		body = pySplitLines(content)
	}
	if d.RequiredArguments == 0 && d.OptionalArguments == 0 {
		if firstLine != "" {
			body = append([]string{firstLine}, body...)
		}
	} else {
		args, err = parseDirectiveArguments(d, firstLine)
		if err != nil {
			return nil, nil, nil, 0, err
		}
	}
	if len(body) > 0 && pyStrip(body[0]) == "" {
		body = body[1:]
		contentOffset++
	}
	if len(body) > 0 && !d.HasContent {
		return nil, nil, nil, 0, directiveErr("No content permitted")
	}
	return args, opts, body, contentOffset, nil
}

// parseDirectiveOptions reads the options block: a YAML block between
// "---" lines, or leading ":name: value" lines.
func parseDirectiveOptions(content string, d *directives.Directive, raw bool) (string, map[string]any, error) {
	var values *yamlMap
	switch {
	case strings.HasPrefix(content, "---"):
		lines := pySplitLines(content)
		content = strings.Join(lines[1:], "\n")
		var block string
		if loc := yamlEndRE.FindStringIndex(content); loc != nil {
			block = content[:loc[0]]
			if loc[1]+1 <= len(content) {
				content = content[loc[1]+1:]
			} else {
				content = ""
			}
		} else {
			block = content
			content = ""
		}
		yamlText := dedent(block)
		v, err := yamlLoad(yamlText)
		if err != nil {
			return "", nil, directiveErr("Invalid options YAML: %s", yamlErrorText(yamlText, err))
		}
		if v != nil {
			m, ok := v.(*yamlMap)
			if !ok {
				return "", nil, directiveErr("Invalid options (not dict): %s", pyRepr(v))
			}
			values = m
		}
	case strings.HasPrefix(pyLStrip(content), ":"):
		lines := pySplitLines(content)
		var yamlLines []string
		for len(lines) > 0 && strings.HasPrefix(pyLStrip(lines[0]), ":") {
			yamlLines = append(yamlLines, pyLStrip(lines[0])[1:])
			lines = lines[1:]
		}
		content = strings.Join(lines, "\n")
		yamlText := strings.Join(yamlLines, "\n")
		v, err := yamlLoad(yamlText)
		if err != nil {
			return "", nil, directiveErr("Invalid options YAML: %s", yamlErrorText(yamlText, err))
		}
		if v != nil {
			m, ok := v.(*yamlMap)
			if !ok {
				return "", nil, directiveErr("Invalid options (not dict): %s", pyStr(v))
			}
			values = m
		}
	}
	opts := map[string]any{}
	if values == nil {
		return content, opts, nil
	}
	if raw {
		for i, k := range values.Keys {
			opts[pyStr(k)] = values.Vals[i]
		}
		return content, opts, nil
	}
	for i, k := range values.Keys {
		name := pyStr(k)
		conv, ok := d.OptionSpec[name]
		if _, isStr := k.(string); !ok || !isStr {
			return "", nil, directiveErr("Unknown option: %s", name)
		}
		value := values.Vals[i]
		var text string
		none := false
		switch v := value.(type) {
		case string:
			text = v
		case nil:
			none = true
		case bool:
			if v {
				none = true
			} else {
				text = "False"
			}
		case int, float64, pyDate, pyDateTime:
			text = pyStr(v)
		default:
			return "", nil, directiveErr(`option "%s" value not string (enclose with ""): %s`, name, pyStr(v))
		}
		converted, err := conv(text, none)
		if err != nil {
			shown := text
			if none {
				shown = "None"
			}
			return "", nil, directiveErr("Invalid option value: (option: '%s'; value: %s)\n%s", name, shown, err.Error())
		}
		opts[name] = converted
	}
	return content, opts, nil
}

// yamlErrorText is PyYAML's text for the error, when known, else
// yaml.v3's.
func yamlErrorText(text string, err error) string {
	if msg, ok := pyyamlError(text); ok {
		return msg
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// parseDirectiveArguments splits the first line into arguments (MyST's
// parse_directive_arguments).
func parseDirectiveArguments(d *directives.Directive, text string) ([]string, error) {
	required, optional := d.RequiredArguments, d.OptionalArguments
	args := strings.FieldsFunc(text, isPySpace)
	if len(args) < required {
		return nil, directiveErr("%d argument(s) required, %d supplied", required, len(args))
	}
	if len(args) > required+optional {
		if !d.FinalArgumentWhitespace {
			return nil, directiveErr("maximum %d argument(s) allowed, %d supplied", required+optional, len(args))
		}
		args = pySplitN(text, required+optional-1)
	}
	return args, nil
}

// pySplitN is Python's s.split(None, n).
func pySplitN(s string, n int) []string {
	var out []string
	rest := pyLStrip(s)
	for len(out) < n && rest != "" {
		i := strings.IndexFunc(rest, isPySpace)
		if i < 0 {
			break
		}
		out = append(out, rest[:i])
		rest = pyLStrip(rest[i:])
	}
	if rest != "" {
		out = append(out, rest)
	}
	return out
}

// runDirective runs a directive written in Markdown and returns its nodes
// (MyST's run_directive). position is the line of the directive's first
// line.
func (r *renderer) runDirective(name, firstLine, content string, position int) (result []doctree.Node) {
	r.doc.CurrentLine = position
	d, msgs := r.scope.LookupDirective(name, r.doc.Reporter, position)
	if d == nil {
		out := []doctree.Node{r.doc.Reporter.Error(`Unknown directive type "`+name+`".`+"\n", doctree.MsgOpts{Line: position})}
		for _, m := range msgs {
			out = append(out, m)
		}
		return out
	}
	literal := func() *doctree.Element {
		return doctree.NewTextElement(doctree.TagLiteralBlock, content, content)
	}
	reg := r.reg
	isInclude := d == reg.Directive("include")
	isTest := d == reg.Directive("restructuredtext-test-directive")
	if isInclude {
		spec := make(map[string]directives.OptionConv, len(d.OptionSpec)+2)
		for k, v := range d.OptionSpec {
			spec[k] = v
		}
		spec["relative-images"] = directives.Flag
		spec["relative-docs"] = directives.Path
		cp := *d
		cp.OptionSpec = spec
		d = &cp
	}
	args, opts, body, contentOffset, err := parseDirectiveText(d, firstLine, content, isTest)
	if err != nil {
		return []doctree.Node{r.doc.Reporter.Error("Directive '"+name+"': "+err.Error(), doctree.MsgOpts{Line: position}, literal())}
	}
	host := &host{r: r, lineno: position, node: r.cur}
	call := &directives.Call{
		Name:          name,
		Arguments:     args,
		Options:       opts,
		Content:       directives.NewContent(body, r.source, 0),
		Lineno:        position,
		ContentOffset: contentOffset,
		BlockText:     strings.Join(body, "\n"),
		Host:          host,
	}
	if isInclude {
		nodes, err := r.runInclude(call)
		if err != nil {
			return r.directiveError(err, position, literal())
		}
		return nodes
	}
	defer func() {
		if rec := recover(); rec != nil {
			me, ok := rec.(*mockingError)
			if !ok {
				panic(rec)
			}
			result = []doctree.Node{r.doc.Reporter.Error(
				"Directive '"+name+"' cannot be mocked: MockingError: "+me.msg,
				doctree.MsgOpts{Line: position}, literal())}
		}
	}()
	nodes, err := d.Run(call)
	if err != nil {
		return r.directiveError(err, position, literal())
	}
	return nodes
}

// directiveError reports a directive's error with its content attached.
func (r *renderer) directiveError(err error, position int, literal *doctree.Element) []doctree.Node {
	var de *directives.Error
	level, msg := doctree.LevelError, err.Error()
	if errors.As(err, &de) {
		level, msg = de.Level, de.Msg
	}
	m := r.doc.Reporter.SystemMessage(level, msg, doctree.MsgOpts{Line: position})
	m.Append(literal)
	return []doctree.Node{m}
}
