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
)

const usage = `docbuild: documentation builds with Sphinx's semantics, fast.

Usage:
  docbuild pseudoxml [options] FILE|-   print one document's tree as docutils pseudo-XML
  docbuild help                          show this text

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
		return runPseudoXML(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "docbuild: unknown command %q\n\n%s", args[0], usage)
	return 2
}
