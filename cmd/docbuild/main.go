// Command docbuild builds documentation written in reStructuredText and
// Markdown: whole Sphinx-style projects, or one file at a time.
//
//	docbuild pseudoxml [options] FILE|-
//
// Run "docbuild help" for the full usage.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `docbuild: documentation builds with Sphinx's semantics, fast.

Usage:
  docbuild BUILDER [options] [SOURCEDIR [OUTDIR]]
                                         build a project (builders: html, dirhtml, singlehtml, json, pseudoxml, xml, text)
  docbuild pseudoxml [options] FILE|-   print one document's tree as docutils pseudo-XML
  docbuild html [options] FILE.rst [-o OUT.html]
                                         render one reST file as an HTML5 page
  docbuild help                          show this text

Project options: -W (warnings are errors), -q (quiet), -n (nitpicky),
-D name=value (override a setting), -j N (workers), -t TAG.

Run "docbuild pseudoxml -h" for the options of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status; it is main
// without the process, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "pseudoxml":
		// "docbuild pseudoxml FILE" prints one document; with a folder (or
		// none) it builds the project.
		if isSingleFile(args[1:]) {
			return runPseudoXML(args[1:], stdout, stderr)
		}
		return runBuild(args[0], args[1:], stdout, stderr)
	}
	if args[0] == "html" && singleHTMLArgs(args[1:]) {
		return runHTMLFile(args[1:], stdout, stderr)
	}
	if _, ok := builders()[args[0]]; ok {
		return runBuild(args[0], args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "docbuild: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// isSingleFile reports whether a command's arguments name one input file
// (or "-"), rather than a project folder: exactly one positional argument
// that is not a folder.
func isSingleFile(args []string) bool {
	var pos []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
		}
	}
	if len(pos) != 1 {
		return false
	}
	if pos[0] == "-" {
		return true
	}
	fi, err := os.Stat(pos[0])
	return err != nil || !fi.IsDir()
}
