// Command sitecheck runs the link-integrity check over a built HTML site
// and, given a second site built from the same sources (by Sphinx, say),
// separates the links broken in both from those broken only in the first:
//
//	go run ./internal/linkcheck/cmd/sitecheck SITE [BASELINE]
//
// It prints one line per broken link of SITE that BASELINE does not share
// and a summary, and exits with status 1 when there is any such link.
package main

import (
	"fmt"
	"os"
	"path"

	"github.com/docbuild/docbuild/internal/linkcheck"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: sitecheck SITE [BASELINE]")
		os.Exit(2)
	}
	rep, err := linkcheck.Check(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "sitecheck: %v\n", err)
		os.Exit(2)
	}
	// A link is "shared" when the baseline has the same page linking to
	// the same URL and failing too: the sources, not the tool, are at
	// fault (an image missing from the corpus, a target no one defines).
	// For src links the key is the file's base name: a missing image
	// keeps a different dangling path in each tool (Sphinx writes it
	// relative to the source folder, docbuild relative to the page).
	shared := map[[2]string]bool{}
	key := func(b linkcheck.Broken) [2]string {
		if b.Attr == "src" {
			return [2]string{b.Page, "src:" + path.Base(b.URL)}
		}
		return [2]string{b.Page, b.URL}
	}
	if len(os.Args) == 3 {
		base, err := linkcheck.Check(os.Args[2])
		if err != nil {
			fmt.Fprintf(os.Stderr, "sitecheck: %v\n", err)
			os.Exit(2)
		}
		for _, b := range base.Broken {
			shared[key(b)] = true
		}
		fmt.Printf("baseline %s: %d pages, %d local links, %d broken\n", os.Args[2], base.Pages, base.Links, len(base.Broken))
	}
	own := 0
	for _, b := range rep.Broken {
		if shared[key(b)] {
			continue
		}
		own++
		fmt.Println(b)
	}
	fmt.Printf("site %s: %d pages, %d local links, %d broken, %d of them also broken in the baseline, %d not\n",
		os.Args[1], rep.Pages, rep.Links, len(rep.Broken), len(rep.Broken)-own, own)
	if own > 0 {
		os.Exit(1)
	}
}
