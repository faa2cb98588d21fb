package domains

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

var (
	blanklineRE  = regexp.MustCompile(`(?m)^\s*<BLANKLINE>$`)
	doctestOptRE = regexp.MustCompile(`(?m)#\s*doctest:.+$`)
)

// doctestFlags are the names of Python's doctest option flags.
var doctestFlags = map[string]bool{
	"DONT_ACCEPT_TRUE_FOR_1": true, "DONT_ACCEPT_BLANKLINE": true, "NORMALIZE_WHITESPACE": true,
	"ELLIPSIS": true, "SKIP": true, "IGNORE_EXCEPTION_DETAIL": true, "REPORT_UDIFF": true,
	"REPORT_CDIFF": true, "REPORT_NDIFF": true, "REPORT_ONLY_FIRST_FAILURE": true, "FAIL_FAST": true,
}

// testDirective is sphinx.ext.doctest's TestDirective: the code shown as
// a literal block (a comment, which builders drop, for setup and cleanup
// code and hidden tests), marked for the doctest builder.
func testDirective(name string) *directives.Directive {
	spec := map[string]directives.OptionConv{"skipif": directives.UnchangedRequired}
	if name != "testsetup" && name != "testcleanup" {
		spec["hide"] = directives.Flag
		spec["no-trim-doctest-flags"] = directives.Flag
		spec["pyversion"] = directives.UnchangedRequired
		spec["trim-doctest-flags"] = directives.Flag
	}
	if name == "doctest" || name == "testoutput" {
		spec["options"] = directives.Unchanged
	}
	return &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              spec,
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			return runTest(c, name), nil
		},
	}
}

func runTest(c *directives.Call, name string) []doctree.Node {
	code := strings.Join(c.Content.Lines, "\n")
	test, hasTest := "", false
	_, noTrim := c.Options["no-trim-doctest-flags"]
	if name == "doctest" {
		if strings.Contains(code, "<BLANKLINE>") {
			test, hasTest = code, true
			code = blanklineRE.ReplaceAllString(code, "")
		}
		if doctestOptRE.MatchString(code) && !noTrim {
			if !hasTest {
				test, hasTest = code, true
			}
			code = doctestOptRE.ReplaceAllString(code, "")
		}
	}
	tag := doctree.TagLiteralBlock
	if _, hide := c.Options["hide"]; hide || name == "testsetup" || name == "testcleanup" {
		tag = doctree.TagComment
	}
	groups := []string{"default"}
	if len(c.Arguments) > 0 {
		groups = nil
		for _, g := range strings.Split(c.Arguments[0], ",") {
			groups = append(groups, strings.TrimSpace(g))
		}
	}
	node := doctree.NewTextElement(tag, code, code)
	node.Set("testnodetype", name)
	node.Set("groups", groups)
	node.Source, node.Line = c.Host.SourceAndLine(c.Lineno)
	if hasTest {
		node.Set("test", test)
	}
	doc := c.Host.Document()
	switch name {
	case "doctest":
		node.Set("language", "pycon")
	case "testcode":
		node.Set("language", "python")
	case "testoutput":
		node.Set("language", "none")
	}
	node.Set("options", pyDict{})
	if opts, ok := c.Options["options"].(string); ok && (name == "doctest" || name == "testoutput") {
		for _, o := range strings.Fields(strings.ReplaceAll(opts, ",", " ")) {
			switch {
			case o[0] != '+' && o[0] != '-':
				doc.Reporter.Warning("missing '+' or '-' in '"+o+"' option.", doctree.MsgOpts{SourceLine: c.Lineno})
			case !doctestFlags[o[1:]]:
				doc.Reporter.Warning("'"+o[1:]+"' is not a valid option.", doctree.MsgOpts{SourceLine: c.Lineno})
			}
		}
	}
	if v, ok := c.Options["skipif"].(string); ok {
		node.Set("skipif", v)
	}
	if _, ok := c.Options["trim-doctest-flags"]; ok {
		node.Set("trim_flags", true)
	} else if noTrim {
		node.Set("trim_flags", false)
	}
	return []doctree.Node{node}
}
