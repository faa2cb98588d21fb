package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// levelFlag parses a report or halt level given as a number or a name
// (info, warning, error, severe, none), as docutils' threshold choices.
type levelFlag struct{ p *int }

func (l levelFlag) String() string {
	if l.p == nil {
		return ""
	}
	return strconv.Itoa(*l.p)
}

func (l levelFlag) Set(s string) error {
	switch strings.ToLower(s) {
	case "info", "1":
		*l.p = 1
	case "warning", "2":
		*l.p = 2
	case "error", "3":
		*l.p = 3
	case "severe", "4":
		*l.p = 4
	case "none", "5":
		*l.p = 5
	default:
		return fmt.Errorf("level must be 1-5 or info, warning, error, severe, none")
	}
	return nil
}

// settingsFlags registers the command-line options for docutils' settings
// on fs, writing into s.
func settingsFlags(fs *flag.FlagSet, s *doctree.Settings) {
	fs.Var(levelFlag{&s.ReportLevel}, "report", "report system messages at or above `level` (1 info .. 5 none)")
	fs.Var(levelFlag{&s.HaltLevel}, "halt", "stop at system messages at or above `level`")
	fs.StringVar(&s.LanguageCode, "language", s.LanguageCode, "document `language` code (en, de, fr, ...)")
	fs.IntVar(&s.TabWidth, "tab-width", s.TabWidth, "tab stop `width`")
	fs.BoolVar(&s.SectsubtitleXform, "section-subtitles", s.SectsubtitleXform, "promote lone subsection titles to section subtitles")
	fs.BoolVar(&s.DoctitleXform, "doctitle", s.DoctitleXform, "promote a lone top-level section title to the document title")
	fs.BoolVar(&s.DocinfoXform, "docinfo", s.DocinfoXform, "turn the first field list into bibliographic information")
	fs.StringVar(&s.FootnoteReferences, "footnote-references", s.FootnoteReferences, "footnote reference `style`: brackets or superscript")
	fs.StringVar(&s.SmartQuotes, "smart-quotes", s.SmartQuotes, "smart quotes: yes, no, or alt")
	fs.BoolVar(&s.FileInsertionEnabled, "file-insertion", s.FileInsertionEnabled, "allow directives to insert files (include, raw :file:, csv-table :file:)")
	fs.BoolVar(&s.RawEnabled, "raw", s.RawEnabled, "allow raw passthrough (the raw directive and role)")
	fs.StringVar(&s.SyntaxHighlight, "syntax-highlight", s.SyntaxHighlight, "code token classes: long, short or none")
	fs.BoolVar(&s.CharacterLevelInlineMarkup, "character-level-inline-markup", s.CharacterLevelInlineMarkup, "allow inline markup inside words")
	fs.BoolVar(&s.TrimFootnoteReferenceSpace, "trim-footnote-reference-space", s.TrimFootnoteReferenceSpace, "remove the space before footnote references")
	fs.StringVar(&s.InputEncoding, "input-encoding", s.InputEncoding, "`encoding` of the input file")
	fs.IntVar(&s.LineLengthLimit, "line-length-limit", s.LineLengthLimit, "longest allowed input line, in characters")
	fs.BoolVar(&s.PEPReferences, "pep-references", s.PEPReferences, "recognise standalone PEP references")
	fs.BoolVar(&s.RFCReferences, "rfc-references", s.RFCReferences, "recognise standalone RFC references")
}

// isMarkdown reports whether path names a Markdown file, read with the MyST
// parser as myst-docutils-pseudoxml reads it.
func isMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".myst":
		return true
	}
	return false
}

// splitMySTArgs takes the MyST options (--myst-NAME=VALUE, as
// myst-docutils-pseudoxml accepts them) out of args.
func splitMySTArgs(args []string) (rest []string, myst [][2]string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name := strings.TrimLeft(a, "-")
		if !strings.HasPrefix(a, "-") || !strings.HasPrefix(name, "myst-") {
			rest = append(rest, a)
			continue
		}
		name, value, ok := strings.Cut(name, "=")
		if !ok {
			if i+1 >= len(args) {
				return nil, nil, fmt.Errorf("option --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		myst = append(myst, [2]string{name, value})
	}
	return rest, myst, nil
}

func runPseudoXML(args []string, stdout, stderr io.Writer) int {
	args, mystArgs, err := splitMySTArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: %v\n", err)
		return 2
	}
	fs := flag.NewFlagSet("pseudoxml", flag.ContinueOnError)
	fs.SetOutput(stderr)
	settings := doctree.DefaultSettings()
	parseOnly := fs.Bool("parse-only", false, "print the tree as the parser leaves it, before transforms")
	docutilsOnly := fs.Bool("docutils", false, "know only docutils' own directives and roles, for comparison with docutils")
	settingsFlags(fs, settings)
	// docutils' footer options, accepted with their default (no footer) so
	// that rst2pseudoxml command lines work unchanged.
	for _, name := range []string{"no-generator", "no-datestamp", "no-source-link"} {
		fs.Bool(name, true, "no "+strings.TrimPrefix(name, "no-")+" footer (the default; docbuild writes none)")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docbuild pseudoxml [options] FILE|-\n\nPrint one document as docutils pseudo-XML: reStructuredText as rst2pseudoxml,\nMarkdown (FILE.md, FILE.markdown) as myst-docutils-pseudoxml.\n\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "  --myst-NAME=VALUE\n    \ta MyST option for Markdown, as myst-docutils-pseudoxml (e.g. --myst-enable-extensions=deflist)\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	_ = docutilsOnly // the registry holds only docutils' set so far
	path := fs.Arg(0)
	mdConfig := markdown.DefaultConfig()
	for _, kv := range mystArgs {
		if err := mdConfig.SetOption(kv[0], kv[1]); err != nil {
			fmt.Fprintf(stderr, "docbuild: --%s: %v\n", kv[0], err)
			return 2
		}
	}
	text, err := input.ReadFile(path, settings.InputEncoding)
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: %v\n", err)
		return 1
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil {
			settings.Now = time.Unix(sec, 0).UTC()
		}
	}
	source := path
	if path == "-" {
		source = "<stdin>"
	} else if dir := filepath.Dir(path); dir != "" {
		settings.SourceDir = dir
	}
	doc := doctree.NewDocument(source, settings)
	// The first message at the halt level stops docutils; the parsers may
	// stop quietly at it, so it is noted here as the reporter sends it.
	var haltMsg *doctree.Element
	doc.Reporter.Stream = func(msg *doctree.Element) {
		if msg.GetInt("level") >= settings.HaltLevel && haltMsg == nil {
			haltMsg = msg
		}
		fmt.Fprintln(stderr, doctree.FormatMessage(msg))
	}
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	var halted *doctree.HaltError
	if isMarkdown(path) {
		halted = parseMarkdown(doc, text, reg, mdConfig)
	} else {
		halted = parse(doc, text, reg)
	}
	if halted == nil && haltMsg != nil {
		halted = &doctree.HaltError{Msg: haltMsg}
	}
	opts := &pseudoxml.Options{ExposeInternals: settings.ExposeInternals}
	if !*parseOnly && halted == nil {
		// After the transforms, ExposeInternals has already put the
		// internal attributes into the tree.
		opts = nil
		if err := applyTransforms(doc, reg); err != nil {
			if h, ok := err.(*doctree.HaltError); ok {
				halted = h
			} else {
				fmt.Fprintf(stderr, "docbuild: %s: %v\n", source, err)
			}
		}
	}
	if halted == nil && haltMsg != nil {
		halted = &doctree.HaltError{Msg: haltMsg}
	}
	if halted != nil {
		// docutils stops before writing anything.
		fmt.Fprintf(stderr, "Exiting due to level-%d (%s) system message.\n", halted.Msg.GetInt("level"), halted.Msg.GetString("type"))
		return 1
	}
	out := pseudoxml.Format(doc.Root, opts)
	if _, err := io.WriteString(stdout, out); err != nil {
		fmt.Fprintf(stderr, "docbuild: writing output: %v\n", err)
		return 1
	}
	return 0
}

// parse runs the reST parser; a message at the halt level ends the parse
// and is returned.
func parse(doc *doctree.Document, text string, reg *directives.Registry) (halted *doctree.HaltError) {
	defer func() {
		if r := recover(); r != nil {
			if h, ok := r.(*doctree.HaltError); ok {
				halted = h
				return
			}
			panic(r)
		}
	}()
	p := &rst.Parser{Registry: reg}
	p.Parse(doc, text)
	return doc.Halted
}

// parseMarkdown runs the MyST Markdown parser; a message at the halt level
// ends the parse and is returned (if the parser lets it through).
func parseMarkdown(doc *doctree.Document, text string, reg *directives.Registry, cfg markdown.Config) (halted *doctree.HaltError) {
	defer func() {
		if r := recover(); r != nil {
			if h, ok := r.(*doctree.HaltError); ok {
				halted = h
				return
			}
			panic(r)
		}
	}()
	p := &markdown.Parser{Registry: reg, Config: cfg}
	p.Parse(doc, text)
	return nil
}

// applyTransforms runs the transforms rst2pseudoxml applies.
func applyTransforms(doc *doctree.Document, reg *directives.Registry) error {
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = transforms.PseudoXMLWriter
	tr.AddTransforms(transforms.PseudoXMLTransforms()...)
	return tr.Apply()
}
