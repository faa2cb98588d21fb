package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/input"
	"github.com/docbuild/docbuild/internal/atomicfile"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/transforms"
	"github.com/docbuild/docbuild/writers/html"
)

// singleHTMLArgs reports whether "docbuild html" was given one source file
// (FILE.rst, optionally with -o OUT.html) rather than a project folder.
func singleHTMLArgs(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && a != "-" {
			// Skip the value of a project or output flag, so that
			// "-cpuprofile cpu.prof" never reads as a file to render.
			switch strings.TrimLeft(a, "-") {
			case "o", "D", "j", "t", "cpuprofile", "memprofile":
				i++
			}
			continue
		}
		// The first positional argument decides: a file is rendered on
		// its own, a folder is a project.
		fi, err := os.Stat(a)
		return err == nil && !fi.IsDir()
	}
	return false
}

// runHTMLFile renders one reST file as a standalone HTML5 page, as
// docutils' rst2html5 does.
func runHTMLFile(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("html", flag.ContinueOnError)
	fs.SetOutput(stderr)
	settings := doctree.DefaultSettings()
	out := fs.String("o", "", "write the page to `file` (default: standard output)")
	settingsFlags(fs, settings)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docbuild html [options] FILE.rst [-o OUT.html]\n\nRender one reStructuredText file as an HTML5 page.\n\n")
		fs.PrintDefaults()
	}
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		args = fs.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	path := pos[0]
	text, err := input.ReadFile(path, settings.InputEncoding)
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: %v\n", err)
		return 1
	}
	doc := doctree.NewDocument(path, settings)
	doc.Reporter.Stream = func(msg *doctree.Element) { fmt.Fprintln(stderr, doctree.FormatMessage(msg)) }
	page, halted := RenderHTMLPage(doc, text)
	if halted != nil {
		fmt.Fprintf(stderr, "Exiting due to level-%d (%s) system message.\n", halted.Msg.GetInt("level"), halted.Msg.GetString("type"))
		return 1
	}
	if *out == "" {
		_, err = io.WriteString(stdout, page)
	} else {
		err = atomicfile.Write(*out, []byte(page))
	}
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: writing %s: %v\n", *out, err)
		return 1
	}
	return 0
}

// RenderHTMLPage parses text into doc, applies the transforms docutils'
// HTML5 writer applies, and renders the page.
func RenderHTMLPage(doc *doctree.Document, text string) (string, *doctree.HaltError) {
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	if h := parse(doc, text, reg); h != nil {
		return "", h
	}
	tr := transforms.NewTransformer(doc, transforms.NewStandardRegistry())
	tr.Languages = reg
	tr.Components["writer"] = htmlWriter{}
	ts := append(transforms.ReaderTransforms(), transforms.RSTParserTransforms()...)
	tr.AddTransforms(append(ts, transforms.HTMLWriterTransforms()...)...)
	if err := tr.Apply(); err != nil {
		if h, ok := err.(*doctree.HaltError); ok {
			return "", h
		}
	}
	labels := map[string]string{}
	if l := reg.Language(doc.Settings.LanguageCode); l != nil {
		labels = l.Labels
	}
	return html.Page(doc, html.Options{
		RawEnabled:         doc.Settings.RawEnabled,
		FootnoteReferences: doc.Settings.FootnoteReferences,
		Language:           doc.Settings.LanguageCode,
		Labels:             labels,
	}), nil
}

// htmlWriter is the HTML writer as a transform component.
type htmlWriter struct{}

func (htmlWriter) Supports(format string) bool { return format == "html" || format == "html5" }
