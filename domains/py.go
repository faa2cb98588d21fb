package domains

import (
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/env"
	"github.com/docbuild/docbuild/sphinx"
)

// pySigRE is sphinx.domains.python.py_sig_re: prefix, name, arguments and
// return annotation of a Python signature.
var pySigRE = regexp.MustCompile(`^([\p{L}\p{N}_.]*\.)?([\p{L}\p{N}_]+)\s*(?:\(\s*(.*)\s*\)(?:\s*->\s*(.*))?)?$`)

// pyObject is one Python object type (PyObject and its subclasses).
type pyObject struct {
	objtype string
	// needsArglist adds an empty parameter list when none is given.
	needsArglist bool
	// decorator prefixes the signature with "@".
	decorator bool
	// classlike objects nest: their content describes members.
	classlike bool
	// forced options (classmethod, staticmethod directives).
	forced string
}

func pyDirective(name string, o pyObject) *directives.Directive {
	spec := map[string]directives.OptionConv{
		"module":     directives.Unchanged,
		"canonical":  directives.Unchanged,
		"annotation": directives.Unchanged,
	}
	switch o.objtype {
	case "function":
		spec["async"] = directives.Flag
	case "class", "exception":
		spec["final"] = directives.Flag
	case "method":
		for _, f := range []string{"abstractmethod", "async", "classmethod", "final", "property", "staticmethod"} {
			spec[f] = directives.Flag
		}
	case "data", "attribute":
		spec["type"] = directives.Unchanged
		spec["value"] = directives.Unchanged
	case "property":
		spec["abstractmethod"] = directives.Flag
		spec["classmethod"] = directives.Flag
		spec["type"] = directives.Unchanged
	}
	return descDirective(name, spec, func(c *directives.Call) describer {
		if o.forced != "" {
			c.Options[o.forced] = nil
		}
		p := o
		return &p
	})
}

// modname is the module an object belongs to: its :module: option or the
// current module.
func (p *pyObject) modname(d *descRun) (string, bool) {
	if v, ok := d.c.Options["module"]; ok {
		s, _ := v.(string)
		return s, true
	}
	m, ok := refContext(d.doc)["py:module"]
	return m, ok
}

func (p *pyObject) signaturePrefix(d *descRun) []string {
	var words []string
	switch p.objtype {
	case "function":
		if d.has("async") {
			words = append(words, "async")
		}
	case "class", "exception":
		if d.has("final") {
			words = append(words, "final")
		}
		words = append(words, p.objtype)
	case "method":
		for _, f := range [][2]string{{"final", "final"}, {"abstractmethod", "abstract"}, {"async", "async"}, {"classmethod", "classmethod"}, {"staticmethod", "static"}} {
			if d.has(f[0]) {
				words = append(words, f[1])
			}
		}
	case "property":
		if d.has("abstractmethod") {
			words = append(words, "abstract")
		}
		if d.has("classmethod") {
			words = append(words, "class")
		}
		words = append(words, "property")
	}
	return words
}

// handleSignature is PyObject.handle_signature.
func (p *pyObject) handleSignature(d *descRun, sig string, signode *doctree.Element) (objName, bool) {
	m := pySigRE.FindStringSubmatch(sig)
	if m == nil {
		return objName{}, false
	}
	prefix, name, arglist, retann := m[1], m[2], m[3], m[4]
	hasArgs := strings.Contains(sig[len(m[1])+len(m[2]):], "(")
	modname, hasMod := p.modname(d)
	ctx := refContext(d.doc)
	classname := ctx["py:class"]
	var fullname string
	addModule := true
	if classname != "" {
		addModule = false
		switch {
		case prefix != "" && (prefix == classname || strings.HasPrefix(prefix, classname+".")):
			fullname = prefix + name
			prefix = strings.TrimLeft(prefix[len(classname):], ".")
		case prefix != "":
			fullname = classname + "." + prefix + name
		default:
			fullname = classname + "." + name
		}
	} else {
		if prefix != "" {
			classname = strings.TrimRight(prefix, ".")
			fullname = prefix + name
		} else {
			classname = ""
			fullname = name
		}
	}
	if hasMod {
		signode.Set("module", modname)
	} else {
		signode.Set("module", nil)
	}
	signode.Set("class", classname)
	signode.Set("fullname", fullname)

	if p.decorator {
		signode.Append(sphinx.NewDescNode(sphinx.TagDescAddname, "py", "@", "@"))
	}
	if words := p.signaturePrefix(d); len(words) > 0 {
		ann := sphinx.NewDescNode(sphinx.TagDescAnnotation, "py", strings.Join(words, " ")+" ", "")
		for _, w := range words {
			ann.Append(doctree.NewText(w), sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
		}
		signode.Append(ann)
	}
	if prefix != "" {
		signode.Append(sphinx.NewDescNode(sphinx.TagDescAddname, "py", prefix, prefix))
	} else if modname != "" && addModule && settingBool(d.doc, "add_module_names", true) {
		signode.Append(sphinx.NewDescNode(sphinx.TagDescAddname, "py", modname+".", modname+"."))
	}
	signode.Append(sphinx.NewDescNode(sphinx.TagDescName, "py", name, name))
	if hasArgs && arglist != "" {
		if pl := parseArglist(d.doc, arglist); pl != nil {
			signode.Append(pl)
		} else {
			signode.Append(pseudoParseArglist(arglist))
		}
	} else if p.needsArglist {
		signode.Append(sphinx.NewDescNode(sphinx.TagDescParameterlist, "py", "", ""))
	}
	if retann != "" {
		r := sphinx.NewDescNode(sphinx.TagDescReturns, "py", retann, "")
		r.Append(parseAnnotation(d.doc, retann)...)
		signode.Append(r)
	}
	if typ := d.opt("type"); typ != "" && (p.objtype == "data" || p.objtype == "attribute" || p.objtype == "property") {
		ann := sphinx.NewDescNode(sphinx.TagDescAnnotation, "py", typ, "")
		ann.Append(sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", ":"), sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""))
		ann.Append(parseAnnotation(d.doc, typ)...)
		signode.Append(ann)
	}
	if value := d.opt("value"); value != "" && (p.objtype == "data" || p.objtype == "attribute") {
		ann := sphinx.NewDescNode(sphinx.TagDescAnnotation, "py", value, "")
		ann.Append(sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""), sphinx.NewDescNode(sphinx.TagDescSigPunctuation, "", "", "="),
			sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""), doctree.NewText(value))
		signode.Append(ann)
	}
	if anno := d.opt("annotation"); anno != "" {
		ann := sphinx.NewDescNode(sphinx.TagDescAnnotation, "py", " "+anno, "")
		ann.Append(sphinx.NewDescNode(sphinx.TagDescSigSpace, "", "", ""), doctree.NewText(anno))
		signode.Append(ann)
	}
	return objName{full: fullname, prefix: prefix}, true
}

// addTargetAndIndex is PyObject.add_target_and_index (and PyFunction's).
func (p *pyObject) addTargetAndIndex(d *descRun, name objName, sig string, signode *doctree.Element) {
	modname, _ := p.modname(d)
	fullname := name.full
	if modname != "" {
		fullname = modname + "." + name.full
	}
	id := sphinx.MakeID(d.doc, "", fullname)
	signode.IDs = append(signode.IDs, id)
	if id != fullname && d.doc.IDs[fullname] == nil {
		signode.IDs = append(signode.IDs, fullname)
	}
	d.doc.NoteExplicitTarget(signode, nil)
	noteObject(d.doc, env.Object{Domain: "py", Type: p.objtype, Name: fullname, ID: id})
	if d.has("noindexentry") {
		return
	}
	if p.objtype == "function" {
		if modname != "" {
			d.addEntry("single", name.full+"() (in module "+modname+")", id)
		} else {
			d.addEntry("pair", "built-in function; "+name.full+"()", id)
		}
		return
	}
	if text := p.indexText(d, modname, name.full); text != "" {
		d.addEntry("single", text, id)
	}
}

// indexText is get_index_text of each object type.
func (p *pyObject) indexText(d *descRun, modname, name string) string {
	switch p.objtype {
	case "class":
		if modname == "" {
			return name + " (built-in class)"
		}
		return name + " (class in " + modname + ")"
	case "exception":
		return name
	case "data":
		if modname != "" {
			return name + " (in module " + modname + ")"
		}
		return name + " (built-in variable)"
	}
	clsname, member, ok := cutLast(name, ".")
	if !ok {
		switch {
		case p.objtype == "method" && modname != "":
			return name + "() (in module " + modname + ")"
		case p.objtype == "method":
			return name + "()"
		case modname != "":
			return name + " (in module " + modname + ")"
		}
		return name
	}
	if modname != "" && settingBool(d.doc, "add_module_names", true) {
		clsname = modname + "." + clsname
	}
	switch p.objtype {
	case "method":
		switch {
		case d.has("classmethod"):
			return member + "() (" + clsname + " class method)"
		case d.has("property"):
			return member + " (" + clsname + " property)"
		case d.has("staticmethod"):
			return member + "() (" + clsname + " static method)"
		}
		return member + "() (" + clsname + " method)"
	case "property":
		return member + " (" + clsname + " property)"
	}
	return member + " (" + clsname + " attribute)"
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", s, false
	}
	return s[:i], s[i+len(sep):], true
}

// beforeContent is PyObject.before_content: classes and their members
// make the class the context of their content.
func (p *pyObject) beforeContent(d *descRun) {
	ctx := refContext(d.doc)
	prefix := ""
	if len(d.names) > 0 {
		last := d.names[len(d.names)-1]
		if p.classlike {
			prefix = last.full
		} else if last.prefix != "" {
			prefix = strings.Trim(last.prefix, ".")
		}
	}
	if prefix != "" {
		ctx["py:class"] = prefix
		if p.classlike {
			classes := scratch(d.doc, "py:classes")
			*classes = append(*classes, prefix)
		}
	}
	if mod, ok := d.c.Options["module"]; ok {
		modules := scratch(d.doc, "py:modules")
		*modules = append(*modules, ctx["py:module"])
		ctx["py:module"], _ = mod.(string)
	}
}

// afterContent is PyObject.after_content.
func (p *pyObject) afterContent(d *descRun) {
	ctx := refContext(d.doc)
	classes := scratch(d.doc, "py:classes")
	if p.classlike && len(*classes) > 0 {
		*classes = (*classes)[:len(*classes)-1]
	}
	if len(*classes) > 0 {
		ctx["py:class"] = (*classes)[len(*classes)-1]
	} else {
		delete(ctx, "py:class")
	}
	if _, ok := d.c.Options["module"]; ok {
		modules := scratch(d.doc, "py:modules")
		if n := len(*modules); n > 0 {
			if m := (*modules)[n-1]; m != "" {
				ctx["py:module"] = m
			} else {
				delete(ctx, "py:module")
			}
			*modules = (*modules)[:n-1]
		} else {
			delete(ctx, "py:module")
		}
	}
}

// tocParts is PyObject._object_hierarchy_parts.
func (p *pyObject) tocParts(d *descRun, signode *doctree.Element) []string {
	full := signode.GetString("fullname")
	if full == "" {
		return nil
	}
	var parts []string
	if mod := signode.GetString("module"); mod != "" && signode.Has("module") {
		if v, _ := signode.Get("module"); v != nil {
			parts = []string{mod}
		}
	}
	return append(parts, strings.Split(full, ".")...)
}

// tocName is PyObject._toc_entry_name with toc_object_entries_show_parents
// "domain", Sphinx's default.
func (p *pyObject) tocName(d *descRun, signode *doctree.Element) string {
	parts := p.tocParts(d, signode)
	if len(parts) == 0 {
		return ""
	}
	parens := ""
	if settingBool(d.doc, "add_function_parentheses", true) && (p.objtype == "function" || p.objtype == "method") {
		parens = "()"
	}
	show := "domain"
	if s, ok := setting(d.doc, "toc_object_entries_show_parents", "domain").(string); ok {
		show = s
	}
	name := parts[len(parts)-1]
	switch show {
	case "hide":
		return name + parens
	case "all":
		return strings.Join(parts, ".") + parens
	}
	if f := signode.GetString("fullname"); f != "" {
		return f + parens
	}
	return name + parens
}

// pyModuleDirective is PyModule.
func pyModuleDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments: 1,
		HasContent:        true,
		OptionSpec: map[string]directives.OptionConv{
			"platform":   directives.Unchanged,
			"synopsis":   directives.Unchanged,
			"noindex":    directives.Flag,
			"deprecated": directives.Flag,
		},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			doc := c.Host.Document()
			modname := strings.TrimSpace(c.Arguments[0])
			refContext(doc)["py:module"] = modname
			section := doctree.NewElement("section")
			c.Host.NestedParse(c.Content, c.ContentOffset, section, true)
			var out []doctree.Node
			if _, noindex := c.Options["noindex"]; !noindex {
				id := sphinx.MakeID(doc, "module", modname)
				target := doctree.NewElement(doctree.TagTarget)
				target.IDs = []string{id}
				target.Set("ismod", true)
				target.Source, target.Line = c.Host.SourceAndLine(c.Lineno)
				doc.NoteExplicitTarget(target, nil)
				synopsis, _ := c.Options["synopsis"].(string)
				platform, _ := c.Options["platform"].(string)
				_, deprecated := c.Options["deprecated"]
				noteObject(doc, env.Object{Domain: "py", Type: "module", Name: modname, ID: id,
					Synopsis: synopsis, Platform: platform, Deprecated: deprecated})
				index := doctree.NewElement(sphinx.TagIndex)
				index.Set("entries", sphinx.IndexEntries{{Type: "pair", Value: "module; " + modname, TargetID: id}})
				out = append(out, target, index)
			}
			out = append(out, section.Children...)
			section.Clear()
			return out, nil
		},
	}
}

// pyCurrentModuleDirective is PyCurrentModule.
func pyCurrentModuleDirective() *directives.Directive {
	return &directives.Directive{
		RequiredArguments: 1,
		OptionSpec:        map[string]directives.OptionConv{},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			modname := strings.TrimSpace(c.Arguments[0])
			ctx := refContext(c.Host.Document())
			if modname == "None" {
				delete(ctx, "py:module")
			} else {
				ctx["py:module"] = modname
			}
			return nil, nil
		},
	}
}

// pyProcessLink is PyXRefRole.process_link.
func pyProcessLink(c *directives.RoleCall, ref *doctree.Element, explicit bool, title, target string) (string, string) {
	ctx := refContext(c.Inliner.Document())
	for _, k := range []string{"py:module", "py:class"} {
		if v, ok := ctx[k]; ok {
			ref.Set(k, v)
		} else {
			ref.Set(k, nil)
		}
	}
	if !explicit {
		title = strings.TrimLeft(title, ".")
		target = strings.TrimLeft(target, "~")
		if strings.HasPrefix(title, "~") {
			title = title[1:]
			if i := strings.LastIndex(title, "."); i >= 0 {
				title = title[i+1:]
			}
		}
	}
	if strings.HasPrefix(target, ".") {
		target = target[1:]
		ref.Set("refspecific", true)
	}
	return title, target
}

// pyRoles are the Python domain's roles and whether they fix parentheses.
var pyRoles = map[string]bool{
	"data": false, "exc": false, "func": true, "class": false, "const": false,
	"attr": false, "meth": true, "mod": false, "obj": false,
}

// pyTypes are the Python domain's object directives.
var pyTypes = map[string]pyObject{
	"function":        {objtype: "function", needsArglist: true},
	"data":            {objtype: "data"},
	"class":           {objtype: "class", classlike: true},
	"exception":       {objtype: "exception", classlike: true},
	"method":          {objtype: "method", needsArglist: true},
	"classmethod":     {objtype: "method", needsArglist: true, forced: "classmethod"},
	"staticmethod":    {objtype: "method", needsArglist: true, forced: "staticmethod"},
	"attribute":       {objtype: "attribute"},
	"property":        {objtype: "property"},
	"decorator":       {objtype: "function", decorator: true},
	"decoratormethod": {objtype: "method", decorator: true},
}

// registerPy adds the Python domain under "py:" names and, as the
// default domain, under plain names.
func registerPy(reg *directives.Registry) {
	for name, o := range pyTypes {
		full := "py:" + o.objtype
		d := pyDirective(full, o)
		reg.AddLocalDirective("py:"+name, d)
		reg.AddLocalDirective(name, d)
	}
	for _, name := range []string{"module", "py:module"} {
		reg.AddLocalDirective(name, pyModuleDirective())
	}
	for _, name := range []string{"currentmodule", "py:currentmodule"} {
		reg.AddLocalDirective(name, pyCurrentModuleDirective())
	}
	for name, parens := range pyRoles {
		r := (&sphinx.XRefRole{Domain: "py", Type: name, FixParens: parens, ProcessLink: pyProcessLink}).Role()
		reg.AddLocalRole("py:"+name, r)
		reg.AddLocalRole(name, r)
	}
}
