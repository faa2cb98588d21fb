package markdown_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

// allExtensions is every syntax extension docbuild implements.
var allExtensions = []string{
	markdown.ExtAmsmath, markdown.ExtAttrsImage, markdown.ExtColonFence, markdown.ExtDeflist,
	markdown.ExtDollarmath, markdown.ExtFieldlist, markdown.ExtHTMLAdmonition, markdown.ExtHTMLImage,
	markdown.ExtReplacements, markdown.ExtSmartquotes, markdown.ExtStrikethrough,
	markdown.ExtSubstitution, markdown.ExtTasklist,
}

// FuzzParse checks that no input makes the parser panic or hang, with
// MyST's defaults and with every extension on.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/oracle.json"); err == nil {
		var cases []oracleCase
		if json.Unmarshal(data, &cases) == nil {
			for _, c := range cases {
				var mode uint8
				if strings.Contains(strings.Join(c.Args, " "), "enable") {
					mode = 1
				}
				f.Add(c.Input, mode)
			}
		}
	}
	f.Add("```{note}\n:class: x\n---\n```\n[^1]\n\n[^1]: x", uint8(1))
	f.Add("a *b*\n\n  c {sub}`d`", uint8(2))
	reg := std.NewRegistry()
	// mode 0: MyST's defaults; 1: every extension; 2: the input is the
	// value of a bibliographic front-matter field, parsed as inline text.
	f.Fuzz(func(t *testing.T, input string, mode uint8) {
		cfg := markdown.DefaultConfig()
		if mode%3 != 0 {
			cfg.EnableExtensions = allExtensions
		}
		if mode%3 == 2 {
			input = "---\nauthor: |\n  " + strings.ReplaceAll(input, "\n", "\n  ") + "\n---\n"
		}
		settings := doctree.DefaultSettings()
		settings.HaltLevel = 5
		settings.FileInsertionEnabled = false
		doc := doctree.NewDocument("fuzz.md", settings)
		done := make(chan struct{})
		go func() {
			defer close(done)
			(&markdown.Parser{Registry: reg, Config: cfg}).Parse(doc, input)
			pseudoxml.Format(doc.Root, nil)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("parse did not finish in 10s")
		}
	})
}
