package domains

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/sphinx"
)

// registerStd adds the standard domain's object descriptions (Sphinx's
// sphinx.domains.std): option and its old name cmdoption, for a
// program's command-line options, and envvar. Its other directives
// (program, glossary, productionlist) live in package sphinx; the
// resolver finds the objects in the trees.
func registerStd(reg *directives.Registry) {
	for _, name := range []string{"option", "cmdoption"} {
		d := descDirective("std:"+name, nil, func(*directives.Call) describer { return stdOption{} })
		reg.AddLocalDirective(name, d)
		reg.AddLocalDirective("std:"+name, d)
	}
	envvar := descDirective("std:envvar", nil, func(*directives.Call) describer {
		return stdGeneric{objtype: "envvar", indexTemplate: "environment variable; %s"}
	})
	reg.AddLocalDirective("envvar", envvar)
	reg.AddLocalDirective("std:envvar", envvar)
}

// stdWS is sphinx.util.ws_re.
var stdWS = regexp.MustCompile(`\s+`)

// stdGeneric is GenericObject: the signature is the name.
type stdGeneric struct {
	objtype       string
	indexTemplate string
}

func (g stdGeneric) handleSignature(d *descRun, sig string, signode *doctree.Element) (objName, bool) {
	signode.Clear()
	signode.Append(sphinx.NewDescNode(sphinx.TagDescName, d.domain, sig, sig))
	return objName{full: stdWS.ReplaceAllString(sig, " ")}, true
}

func (g stdGeneric) addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element) {
	id := sphinx.MakeID(d.doc, g.objtype, name.full)
	signode.IDs = append(signode.IDs, id)
	d.doc.NoteExplicitTarget(signode, nil)
	if g.indexTemplate == "" {
		return
	}
	typ, entry := "single", g.indexTemplate
	if before, after, ok := strings.Cut(g.indexTemplate, ":"); ok {
		typ, entry = strings.TrimSpace(before), strings.TrimSpace(after)
	}
	d.addEntry(typ, fmt.Sprintf(entry, name.full), id)
}

func (stdGeneric) beforeContent(*descRun)                       {}
func (stdGeneric) afterContent(*descRun)                        {}
func (stdGeneric) tocParts(*descRun, *doctree.Element) []string { return nil }
func (stdGeneric) tocName(*descRun, *doctree.Element) string    { return "" }
func (stdOption) beforeContent(*descRun)                        {}
func (stdOption) afterContent(*descRun)                         {}
func (stdOption) tocParts(*descRun, *doctree.Element) []string  { return nil }
func (stdOption) tocName(*descRun, *doctree.Element) string     { return "" }

// stdOption is Cmdoption: "-v, --verbose LEVEL" names one option under
// several spellings, each with its arguments.
type stdOption struct{}

// optionDescRE is option_desc_re.
var optionDescRE = regexp.MustCompile(`^((?:/|--|-|\+)?[^\s=]+)(=?\s*.*)`)

func (stdOption) handleSignature(d *descRun, sig string, signode *doctree.Element) (objName, bool) {
	var allnames []string
	for _, opt := range strings.Split(sig, ", ") {
		opt = strings.TrimSpace(opt)
		m := optionDescRE.FindStringSubmatch(opt)
		if m == nil {
			src, line := doctree.SourceLine(signode)
			d.doc.Reporter.Warning(fmt.Sprintf("Malformed option description %s, should look like \"opt\", \"-opt args\", \"--opt args\", \"/opt args\" or \"+opt args\"", doctree.PyRepr(opt)),
				doctree.MsgOpts{Source: src, SourceLine: line})
			continue
		}
		optname, args := m[1], m[2]
		if strings.HasSuffix(optname, "[") && strings.HasSuffix(args, "]") {
			// An optional value in brackets: foo[=bar].
			optname = optname[:len(optname)-1]
			args = "[" + args
		}
		if len(allnames) > 0 {
			signode.Append(sphinx.NewDescNode(sphinx.TagDescAddname, d.domain, ", ", ", "))
		}
		signode.Append(sphinx.NewDescNode(sphinx.TagDescName, d.domain, optname, optname))
		signode.Append(sphinx.NewDescNode(sphinx.TagDescAddname, d.domain, args, args))
		allnames = append(allnames, optname)
	}
	if len(allnames) == 0 {
		return objName{}, false
	}
	signode.Set("allnames", allnames)
	return objName{full: allnames[0]}, true
}

func (stdOption) addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element) {
	program := refContext(d.doc)["std:program"]
	allnames := signode.GetStrings("allnames")
	for _, optname := range allnames {
		prefixes := []string{"cmdoption"}
		if program != "" {
			prefixes = append(prefixes, program)
		}
		if !strings.HasPrefix(optname, "-") && !strings.HasPrefix(optname, "/") {
			prefixes = append(prefixes, "arg")
		}
		prefix := strings.Join(prefixes, "-")
		id := sphinx.MakeID(d.doc, prefix, optname)
		signode.IDs = append(signode.IDs, id)
		// The id Sphinx made before 3.0, kept so old links still land.
		old := doctree.MakeID(prefix + "-" + optname)
		if d.doc.IDs[old] == nil && !contains(signode.IDs, old) {
			signode.IDs = append(signode.IDs, old)
		}
	}
	d.doc.NoteExplicitTarget(signode, nil)
	descr := "command line option"
	if program != "" {
		descr = program + " command line option"
	}
	for _, optname := range allnames {
		d.addEntry("pair", descr+"; "+optname, signode.IDs[0])
	}
}
