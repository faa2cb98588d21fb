// Package domains implements Sphinx 5.3's Python and C domains and the
// directives of sphinx.ext.doctest: the object description directives
// (py:function, c:macro, ...) that make desc trees with index entries and
// ids, the cross-reference roles (py:func, c:type, ...) that make
// pending_xref nodes, and the resolvers that turn those into references
// once every document has been read.
//
// Described objects are noted into the document's reading scratch state
// under env.ObjectsTempKey; project.Collect copies them into
// env.DocRecord.Objects, and the domains' resolvers index them.
package domains

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/sphinx"
)

// describer is what one object type contributes to the generic object
// description directive (Sphinx's ObjectDescription subclasses).
type describer interface {
	// handleSignature fills signode from one signature and returns the
	// object's name, or ok false when the signature cannot be parsed.
	handleSignature(d *descRun, sig string, signode *doctree.Element) (name objName, ok bool)
	// addTargetAndIndex gives signode its ids, notes the object and adds
	// its index entries.
	addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element)
	beforeContent(d *descRun)
	afterContent(d *descRun)
	// tocParts is Sphinx's _object_hierarchy_parts; tocName its
	// _toc_entry_name.
	tocParts(d *descRun, signode *doctree.Element) []string
	tocName(d *descRun, signode *doctree.Element) string
}

// objName is the name handle_signature returns: the fully qualified name
// and, for Python, the explicit prefix written in the signature.
type objName struct {
	full, prefix string
}

// descRun is one run of an object description directive.
type descRun struct {
	c        *directives.Call
	doc      *doctree.Document
	domain   string
	objtype  string
	index    *doctree.Element
	entries  sphinx.IndexEntries
	names    []objName
	describe describer
}

var (
	nlEscapeRE       = regexp.MustCompile(`\\\n`)
	stripBackslashRE = regexp.MustCompile(`\\(.)`)
)

// descOptions are the options of every object description.
func descOptions(extra map[string]directives.OptionConv) map[string]directives.OptionConv {
	spec := map[string]directives.OptionConv{
		"noindex":         directives.Flag,
		"noindexentry":    directives.Flag,
		"nocontentsentry": directives.Flag,
	}
	for k, v := range extra {
		spec[k] = v
	}
	return spec
}

// descDirective makes the directive of one object type; name is the full
// "domain:type" Sphinx runs it under whatever name it is used by.
func descDirective(name string, spec map[string]directives.OptionConv, mk func(c *directives.Call) describer) *directives.Directive {
	return &directives.Directive{
		RequiredArguments:       1,
		FinalArgumentWhitespace: true,
		HasContent:              true,
		OptionSpec:              descOptions(spec),
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			domain, objtype, found := strings.Cut(name, ":")
			if !found {
				domain, objtype = "", name
			}
			d := &descRun{c: c, doc: c.Host.Document(), domain: domain, objtype: objtype, describe: mk(c)}
			return d.run(), nil
		},
	}
}

func (d *descRun) has(opt string) bool {
	_, ok := d.c.Options[opt]
	return ok
}

func (d *descRun) opt(name string) string {
	s, _ := d.c.Options[name].(string)
	return s
}

// signatures is ObjectDescription.get_signatures.
func (d *descRun) signatures() []string {
	lines := strings.Split(nlEscapeRE.ReplaceAllString(d.c.Arguments[0], ""), "\n")
	strip := true
	if de := sphinx.EnvOf(d.doc); de != nil {
		if v, ok := de.Setting("strip_signature_backslash"); ok {
			strip, _ = v.(bool)
		} else {
			strip = false
		}
	} else {
		strip = false
	}
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if strip {
			l = stripBackslashRE.ReplaceAllString(l, "$1")
		}
		lines[i] = l
	}
	return lines
}

// run is ObjectDescription.run.
func (d *descRun) run() []doctree.Node {
	c := d.c
	d.index = doctree.NewElement(sphinx.TagIndex)
	node := doctree.NewElement(sphinx.TagDesc)
	node.Source, node.Line = c.Host.SourceAndLine(c.Lineno)
	node.Set("domain", d.domain)
	node.Set("objtype", d.objtype)
	node.Set("desctype", d.objtype)
	noindex := d.has("noindex")
	node.Set("noindex", noindex)
	node.Set("noindexentry", d.has("noindexentry"))
	node.Set("nocontentsentry", d.has("nocontentsentry"))
	if d.domain != "" {
		node.Classes = append(node.Classes, d.domain)
	}
	node.Classes = append(node.Classes, d.objtype)
	for _, sig := range d.signatures() {
		signode := sphinx.NewDescNode(sphinx.TagDescSignature, d.domain, sig, "")
		if d.domain != "" {
			signode.Classes = append(signode.Classes, d.domain)
		}
		signode.Source, signode.Line = c.Host.SourceAndLine(c.Lineno)
		node.Append(signode)
		name, ok := d.describe.handleSignature(d, sig, signode)
		if !ok {
			signode.Clear()
			signode.Append(sphinx.NewDescNode(sphinx.TagDescName, d.domain, sig, sig))
		}
		if settingBool(d.doc, "toc_object_entries", true) {
			signode.Set("_toc_parts", spaceList(d.describe.tocParts(d, signode)))
			signode.Set("_toc_name", d.describe.tocName(d, signode))
		} else {
			signode.Set("_toc_parts", spaceList(nil))
			signode.Set("_toc_name", "")
		}
		if !ok {
			continue
		}
		seen := false
		for _, n := range d.names {
			if n == name {
				seen = true
			}
		}
		if !seen {
			d.names = append(d.names, name)
			if !noindex {
				d.describe.addTargetAndIndex(d, name, sig, signode)
			}
		}
	}
	d.index.Set("entries", d.entries)
	content := doctree.NewElement(sphinx.TagDescContent)
	node.Append(content)
	d.describe.beforeContent(d)
	c.Host.NestedParse(c.Content, c.ContentOffset, content, false)
	if d.domain == "py" {
		transformPyFields(d.doc, content)
	}
	d.describe.afterContent(d)
	return []doctree.Node{d.index, node}
}

// addEntry appends an index entry of the directive's index node.
func (d *descRun) addEntry(typ, value, id string) {
	d.entries = append(d.entries, sphinx.IndexEntry{Type: typ, Value: value, TargetID: id})
}

// noteObject records a described object for the build's resolvers.
func noteObject(doc *doctree.Document, o env.Object) {
	de := sphinx.EnvOf(doc)
	if de == nil {
		return
	}
	t := de.Temp()
	objs, _ := t[env.ObjectsTempKey].([]env.Object)
	t[env.ObjectsTempKey] = append(objs, o)
}

// spaceList is a tuple attribute, which docutils prints space-separated.
type spaceList []string

func (s spaceList) String() string { return strings.Join(s, " ") }

// Strings returns the items, for readers outside this package (the toc
// collector nests object entries by them).
func (s spaceList) Strings() []string { return s }

// pyDict is an empty Python dict attribute (the doctest nodes' options).
type pyDict struct{}

func (pyDict) String() string { return "{}" }

// refContext returns the document's reference context.
func refContext(doc *doctree.Document) map[string]string { return sphinx.RefContext(doc) }

// setting returns a configuration value, def without one.
func setting(doc *doctree.Document, name string, def any) any {
	if de := sphinx.EnvOf(doc); de != nil {
		if v, ok := de.Setting(name); ok && v != nil {
			return v
		}
	}
	return def
}

func settingBool(doc *doctree.Document, name string, def bool) bool {
	b, ok := setting(doc, name, def).(bool)
	if !ok {
		return def
	}
	return b
}

// scratch returns a per-document stack kept in the reading scratch
// state (the py:modules and py:classes lists of Sphinx's ref_context).
func scratch(doc *doctree.Document, key string) *[]string {
	var t map[string]any
	if de := sphinx.EnvOf(doc); de != nil {
		t = de.Temp()
	}
	if t == nil {
		// Without an environment the stacks live on the ref context's
		// owner map; a document-local map keeps them apart.
		t = localScratch(doc)
	}
	if p, ok := t[key].(*[]string); ok {
		return p
	}
	p := new([]string)
	t[key] = p
	return p
}

// localScratches holds the scratch state of documents read without an
// environment (single files), dropped with the document.
var localScratches = struct {
	sync.Mutex
	m map[weak.Pointer[doctree.Document]]map[string]any
}{m: map[weak.Pointer[doctree.Document]]map[string]any{}}

func localScratch(doc *doctree.Document) map[string]any {
	key := weak.Make(doc)
	localScratches.Lock()
	defer localScratches.Unlock()
	if s, ok := localScratches.m[key]; ok {
		return s
	}
	s := map[string]any{}
	localScratches.m[key] = s
	runtime.AddCleanup(doc, func(k weak.Pointer[doctree.Document]) {
		localScratches.Lock()
		delete(localScratches.m, k)
		localScratches.Unlock()
	}, key)
	return s
}

// plainObject is ObjectDescription itself (the describe and object
// directives): every signature is shown as is, nothing is indexed.
type plainObject struct{}

func (plainObject) handleSignature(d *descRun, sig string, signode *doctree.Element) (objName, bool) {
	return objName{}, false
}
func (plainObject) addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element) {
}
func (plainObject) beforeContent(d *descRun)                               {}
func (plainObject) afterContent(d *descRun)                                {}
func (plainObject) tocParts(d *descRun, signode *doctree.Element) []string { return nil }
func (plainObject) tocName(d *descRun, signode *doctree.Element) string    { return "" }

// RegisterCodecs adds to set the codecs of this package's attribute value
// types (pyDict, spaceList), which the build encodes between reading and
// writing a document (see sphinx.RegisterCodecs).
func RegisterCodecs(set *doctree.ValueCodecs) {
	doctree.RegisterValueCodec(set, "domains.spaceList",
		func(w *doctree.ValueWriter, s spaceList) { w.Value([]string(s)) },
		func(r *doctree.ValueReader) (spaceList, error) {
			v := r.Value()
			if v == nil {
				return nil, r.Err()
			}
			l, ok := v.([]string)
			if !ok {
				return nil, fmt.Errorf("spaceList of type %T", v)
			}
			return spaceList(l), r.Err()
		})
	doctree.RegisterValueCodec(set, "domains.pyDict",
		func(*doctree.ValueWriter, pyDict) {},
		func(r *doctree.ValueReader) (pyDict, error) { return pyDict{}, r.Err() })
}
