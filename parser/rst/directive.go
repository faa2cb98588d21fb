package rst

import (
	"errors"
	"fmt"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// This file runs directives: states.Body.directive, run_directive,
// parse_directive_block and the option parsing, with docutils' messages.

// directive is Body.directive: name is the directive name as written and
// end the byte end of the directive marker on the current line.
func (m *machine) directive(name string, end int, presets map[string]any) ([]doctree.Node, bool) {
	d, msgs := m.ds.scope.LookupDirective(name, m.ds.rep, m.ds.doc.CurrentLine)
	m.addMsgs(msgs)
	if d == nil {
		return m.unknownDirective(name)
	}
	return m.runDirective(d, name, end, presets)
}

// unknownDirective is Body.unknown_directive.
func (m *machine) unknownDirective(name string) ([]doctree.Node, bool) {
	lineno := m.absLineNumber()
	indented, _, _, blankFinish := m.getFirstKnownIndented(0, false, false, true)
	text := strings.Join(indented.data, "\n")
	msg := m.ds.rep.Error("Unknown directive type \""+name+"\".", doctree.MsgOpts{Line: lineno}, literalBlock(text, text))
	return []doctree.Node{msg}, blankFinish
}

// markupError is docutils' MarkupError raised while splitting a directive
// block.
type markupError string

func (e markupError) Error() string { return string(e) }

// runDirective is Body.run_directive.
func (m *machine) runDirective(d *directives.Directive, name string, end int, presets map[string]any) ([]doctree.Node, bool) {
	lineno := m.absLineNumber()
	initialLineOffset := m.lineOffset
	indented, _, lineOffset, blankFinish := m.getFirstKnownIndented(cpLen(m.line[:end]), false, true, false)
	blockText := strings.Join(m.input.slice(initialLineOffset, m.lineOffset+1).data, "\n")
	args, opts, content, contentOffset, err := m.parseDirectiveBlock(indented, lineOffset, d, presets)
	if err != nil {
		msg := m.ds.rep.Error(fmt.Sprintf("Error in \"%s\" directive:\n%s.", name, err.Error()),
			doctree.MsgOpts{Line: lineno}, literalBlock(blockText, blockText))
		return []doctree.Node{msg}, blankFinish
	}
	h := &host{m: m}
	h.views = append(h.views, content)
	call := &directives.Call{
		Name:          name,
		Arguments:     args,
		Options:       opts,
		Content:       content.content(),
		Lineno:        lineno,
		ContentOffset: contentOffset,
		BlockText:     blockText,
		Host:          h,
	}
	var result []doctree.Node
	if d.Run != nil {
		var runErr error
		result, runErr = d.Run(call)
		if runErr != nil {
			level, text := doctree.LevelError, runErr.Error()
			var de *directives.Error
			if errors.As(runErr, &de) {
				level, text = de.Level, de.Msg
			}
			msg := m.ds.rep.SystemMessage(level, text, doctree.MsgOpts{Line: lineno})
			msg.Append(literalBlock(blockText, blockText))
			result = []doctree.Node{msg}
		}
	}
	return result, blankFinish || m.isNextLineBlank()
}

// parseDirectiveBlock is Body.parse_directive_block.
func (m *machine) parseDirectiveBlock(indented *stringList, lineOffset int, d *directives.Directive, presets map[string]any) (args []string, opts map[string]any, content *stringList, contentOffset int, err error) {
	hasArgs := d.RequiredArguments > 0 || d.OptionalArguments > 0
	hasOptions := len(d.OptionSpec) > 0
	if indented.Len() > 0 && isBlank(indented.data[0]) {
		indented.trimStart(1)
		lineOffset++
	}
	for indented.Len() > 0 && isBlank(indented.data[indented.Len()-1]) {
		indented.trimEnd(1)
	}
	var argBlock *stringList
	i := 0
	if indented.Len() > 0 && (hasArgs || hasOptions) {
		for i = 0; i < indented.Len(); i++ {
			if isBlank(indented.data[i]) {
				break
			}
		}
		argBlock = indented.slice(0, i)
		content = indented.from(i + 1)
		contentOffset = lineOffset + i + 1
	} else {
		content = indented
		contentOffset = lineOffset
		argBlock = indented.slice(0, 0)
	}
	if hasOptions {
		opts, argBlock, err = m.parseDirectiveOptions(presets, d.OptionSpec, argBlock)
		if err != nil {
			return nil, nil, nil, 0, err
		}
	} else {
		opts = map[string]any{}
	}
	if argBlock.Len() > 0 && !hasArgs {
		joined := &stringList{
			data:  append(append([]string(nil), argBlock.data...), indented.data[min(i, indented.Len()):]...),
			items: append(append([]directives.LineItem(nil), argBlock.items...), indented.items[min(i, indented.Len()):]...),
		}
		content = joined
		contentOffset = lineOffset
		argBlock = indented.slice(0, 0)
	}
	for content.Len() > 0 && isBlank(content.data[0]) {
		content.trimStart(1)
		contentOffset++
	}
	if hasArgs {
		args, err = parseDirectiveArguments(d, argBlock.data)
		if err != nil {
			return nil, nil, nil, 0, err
		}
	}
	if content.Len() > 0 && !d.HasContent {
		return nil, nil, nil, 0, markupError("no content permitted")
	}
	return args, opts, content, contentOffset, nil
}

// parseDirectiveOptions is Body.parse_directive_options.
func (m *machine) parseDirectiveOptions(presets map[string]any, spec map[string]directives.OptionConv, argBlock *stringList) (map[string]any, *stringList, error) {
	options := make(map[string]any, len(presets))
	for k, v := range presets {
		options[k] = v
	}
	var optBlock *stringList
	for i, line := range argBlock.data {
		if line != "" && matchFieldMarker(line) >= 0 {
			optBlock = argBlock.from(i)
			argBlock = argBlock.slice(0, i)
			break
		}
	}
	if optBlock != nil && optBlock.Len() > 0 {
		data, err := m.parseExtensionOptions(spec, optBlock)
		if err != "" {
			return nil, nil, markupError(err)
		}
		for k, v := range data {
			options[k] = v
		}
	}
	return options, argBlock, nil
}

// parseDirectiveArguments is Body.parse_directive_arguments.
func parseDirectiveArguments(d *directives.Directive, argBlock []string) ([]string, error) {
	required, optional := d.RequiredArguments, d.OptionalArguments
	argText := strings.Join(argBlock, "\n")
	arguments := pySplit(argText)
	if len(arguments) < required {
		return nil, markupError(fmt.Sprintf("%d argument(s) required, %d supplied", required, len(arguments)))
	}
	if len(arguments) > required+optional {
		if d.FinalArgumentWhitespace {
			return pySplitN(argText, required+optional-1), nil
		}
		return nil, markupError(fmt.Sprintf("maximum %d argument(s) allowed, %d supplied", required+optional, len(arguments)))
	}
	return arguments, nil
}

// pySplitN is Python's str.split(None, maxsplit).
func pySplitN(s string, maxsplit int) []string {
	var out []string
	i := 0
	skip := func() {
		for i < len(s) {
			r, size := decodeRune(s, i)
			if !isPySpace(r) {
				return
			}
			i += size
		}
	}
	for {
		skip()
		if i >= len(s) {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			return append(out, s[i:])
		}
		start := i
		for i < len(s) {
			r, size := decodeRune(s, i)
			if isPySpace(r) {
				break
			}
			i += size
		}
		out = append(out, s[start:i])
	}
}

// parseExtensionOptions is Body.parse_extension_options; a non-empty
// string is docutils' error text.
func (m *machine) parseExtensionOptions(spec map[string]directives.OptionConv, dataLines *stringList) (map[string]any, string) {
	node := doctree.NewElement(doctree.TagFieldList)
	newOffset, blankFinish := m.nestedListParse(dataLines, 0, node, stExtensionOptions, true, listParseOpts{})
	if newOffset != dataLines.Len() { // incomplete parse of block
		return nil, "invalid option block"
	}
	options, errText := extractExtensionOptions(node, spec)
	if errText != "" {
		return nil, errText
	}
	if !blankFinish {
		return nil, "option data incompletely parsed"
	}
	return options, ""
}

// extractExtensionOptions is utils.extract_extension_options, returning
// parse_extension_options' messages for its exceptions.
func extractExtensionOptions(fieldList *doctree.Element, spec map[string]directives.OptionConv) (map[string]any, string) {
	type pair struct {
		name  string
		value string
		none  bool
	}
	var list []pair
	for _, c := range fieldList.Children {
		field, ok := c.(*doctree.Element)
		if !ok || len(field.Children) < 2 {
			continue
		}
		fname := field.Children[0]
		body, _ := field.Children[1].(*doctree.Element)
		if len(pySplit(fname.AsText())) != 1 {
			return nil, "invalid option data: extension option field name may not contain multiple words"
		}
		name := strings.ToLower(fname.AsText())
		if body == nil || len(body.Children) == 0 {
			list = append(list, pair{name: name, none: true})
			continue
		}
		p, _ := body.Children[0].(*doctree.Element)
		if len(body.Children) > 1 || p == nil || p.Tag != doctree.TagParagraph || len(p.Children) != 1 {
			return nil, fmt.Sprintf("invalid option data: extension option field body may contain\na single paragraph only (option \"%s\")", name)
		}
		t, ok := p.Children[0].(*doctree.Text)
		if !ok {
			return nil, fmt.Sprintf("invalid option data: extension option field body may contain\na single paragraph only (option \"%s\")", name)
		}
		list = append(list, pair{name: name, value: t.AsText()})
	}
	options := map[string]any{}
	for _, p := range list {
		conv, ok := spec[p.name]
		if !ok || conv == nil {
			return nil, "unknown option: \"" + p.name + "\""
		}
		if _, dup := options[p.name]; dup {
			return nil, "invalid option data: duplicate option \"" + p.name + "\""
		}
		v, err := conv(p.value, p.none)
		if err != nil {
			repr := "None"
			if !p.none {
				repr = doctree.PyRepr(p.value)
			}
			return nil, fmt.Sprintf("invalid option value: (option: \"%s\"; value: %s)\n%s", p.name, repr, err.Error())
		}
		options[p.name] = v
	}
	return options, ""
}
