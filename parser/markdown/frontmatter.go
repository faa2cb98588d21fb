package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// readTopmatter reads the YAML front matter for the configuration (MyST's
// read_topmatter): ok is false for malformed YAML. A front matter that is
// not a mapping is ignored here (MyST fails on it); the renderer reports
// it.
func readTopmatter(text string) (*yamlMap, bool) {
	if !strings.HasPrefix(text, "---") {
		return nil, true
	}
	lines := pySplitLines(text)
	var b strings.Builder
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") {
			break
		}
		b.WriteString(pyRStrip(line))
		b.WriteByte('\n')
	}
	v, err := yamlLoad(b.String())
	if err != nil {
		return nil, false
	}
	m, _ := v.(*yamlMap)
	return m, true
}

// pyTypeName is repr(type(v)) for a YAML value.
func pyTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "<class 'NoneType'>"
	case bool:
		return "<class 'bool'>"
	case int:
		return "<class 'int'>"
	case float64:
		return "<class 'float'>"
	case string:
		return "<class 'str'>"
	case []any:
		return "<class 'list'>"
	case *yamlMap:
		return "<class 'dict'>"
	case pyDate:
		return "<class 'datetime.date'>"
	case pyDateTime:
		return "<class 'datetime.datetime'>"
	}
	return "<class 'object'>"
}

func typeErr(field string, want string, v any) error {
	return fmt.Errorf("'%s' must be of type %s (got %s that is a %s).", field, want, pyRepr(v), pyTypeName(v))
}

const (
	pyBool    = "<class 'bool'>"
	pyInt     = "<class 'int'>"
	pyStrType = "<class 'str'>"
	pyDict    = "<class 'dict'>"
	pyListTup = "(<class 'list'>, <class 'tuple'>)"
)

func asBool(field string, v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, typeErr(field, pyBool, v)
	}
	return b, nil
}

func asStringList(field string, v any) ([]string, error) {
	l, ok := v.([]any)
	if !ok {
		return nil, typeErr(field, pyListTup, v)
	}
	out := make([]string, 0, len(l))
	for i, e := range l {
		s, ok := e.(string)
		if !ok {
			return nil, typeErr(fmt.Sprintf("%s[%d]", field, i), pyStrType, e)
		}
		out = append(out, s)
	}
	return out, nil
}

// setTopmatterField validates and sets one configuration field from front
// matter, as MyST's validators do.
func setTopmatterField(c *Config, name string, v any) error {
	var err error
	switch name {
	case "commonmark_only":
		c.CommonmarkOnly, err = asBool(name, v)
	case "gfm_only":
		c.GFMOnly, err = asBool(name, v)
	case "all_links_external":
		c.AllLinksExternal, err = asBool(name, v)
	case "highlight_code_blocks":
		c.HighlightCodeBlocks, err = asBool(name, v)
	case "title_to_header":
		c.TitleToHeader, err = asBool(name, v)
	case "footnote_transition":
		c.FootnoteTransition, err = asBool(name, v)
	case "linkify_fuzzy_links":
		c.LinkifyFuzzyLinks, err = asBool(name, v)
	case "dmath_allow_labels":
		c.DmathAllowLabels, err = asBool(name, v)
	case "dmath_allow_space":
		c.DmathAllowSpace, err = asBool(name, v)
	case "dmath_allow_digits":
		c.DmathAllowDigits, err = asBool(name, v)
	case "dmath_double_inline":
		c.DmathDoubleInline, err = asBool(name, v)
	case "update_mathjax":
		c.UpdateMathjax, err = asBool(name, v)
	case "mathjax_classes":
		if _, ok := v.(string); !ok {
			err = typeErr(name, pyStrType, v)
		}
	case "enable_extensions":
		var exts []string
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				exts = append(exts, pyStr(e))
			}
		case string:
			for _, r := range x {
				exts = append(exts, string(r))
			}
		case *yamlMap:
			for _, k := range x.Keys {
				exts = append(exts, pyStr(k))
			}
		default:
			return fmt.Errorf("'enable_extensions' not iterable: %s", pyStr(v))
		}
		var unknown []string
		for _, e := range exts {
			if !slices.Contains(knownExtensions, e) && !slices.Contains(unknown, "'"+e+"'") {
				unknown = append(unknown, "'"+e+"'")
			}
		}
		if len(unknown) > 0 {
			return fmt.Errorf("'enable_extensions' items not recognised: {%s}", strings.Join(unknown, ", "))
		}
		c.EnableExtensions = exts
	case "disable_syntax":
		c.DisableSyntax, err = asStringList(name, v)
	case "url_schemes":
		if v == nil {
			c.URLSchemes = nil
			return nil
		}
		var l []string
		l, err = asStringList(name, v)
		if err == nil {
			c.URLSchemes = append([]string{}, l...)
		}
	case "ref_domains":
		if v == nil {
			c.RefDomains = nil
			return nil
		}
		c.RefDomains, err = asStringList(name, v)
	case "number_code_blocks":
		c.NumberCodeBlocks, err = asStringList(name, v)
	case "heading_anchors":
		if v == nil {
			c.HeadingAnchors = 0
			return nil
		}
		n, ok := v.(int)
		if !ok || n < 1 || n > 7 {
			return fmt.Errorf("'heading_anchors' must be in [1, 2, 3, 4, 5, 6, 7] (got %s)", pyRepr(v))
		}
		c.HeadingAnchors = n
	case "heading_slug_func":
		return fmt.Errorf("'heading_slug_func' must be callable (got %s that is a %s).", pyRepr(v), pyTypeName(v))
	case "words_per_minute":
		switch x := v.(type) {
		case int:
			c.WordsPerMinute = x
		case bool:
			c.WordsPerMinute = map[bool]int{false: 0, true: 1}[x]
		default:
			err = typeErr(name, pyInt, v)
		}
	case "sub_delimiters":
		l, ok := v.([]any)
		if !ok || len(l) != 2 {
			return fmt.Errorf("myst_sub_delimiters is not a tuple of length 2: %s", pyRepr(v))
		}
		var d [2]byte
		for i, e := range l {
			s, ok := e.(string)
			if !ok || len(s) != 1 {
				return fmt.Errorf("myst_sub_delimiters does not contain strings of length 1: %s", pyRepr(v))
			}
			d[i] = s[0]
		}
		c.SubDelimiters = d
	case "html_meta":
		m, ok := v.(*yamlMap)
		if !ok {
			return typeErr(name, pyDict, v)
		}
		merged := append([]MetaEntry(nil), c.HTMLMeta...)
		for i, k := range m.Keys {
			ks, ok := k.(string)
			if !ok {
				return typeErr(fmt.Sprintf("%s[%s]", name, pyRepr(k)), pyStrType, k)
			}
			vs, ok := m.Vals[i].(string)
			if !ok {
				return typeErr(fmt.Sprintf("%s[%s]", name, pyRepr(k)), pyStrType, m.Vals[i])
			}
			merged = setMeta(merged, ks, vs)
		}
		c.HTMLMeta = merged
	case "substitutions":
		m, ok := v.(*yamlMap)
		if !ok {
			return typeErr(name, pyDict, v)
		}
		merged := map[string]any{}
		for k, val := range c.Substitutions {
			merged[k] = val
		}
		for i, k := range m.Keys {
			ks, ok := k.(string)
			if !ok {
				return typeErr(fmt.Sprintf("%s[%s]", name, pyRepr(k)), pyStrType, k)
			}
			switch m.Vals[i].(type) {
			case string, int, float64, bool:
			default:
				return typeErr(fmt.Sprintf("%s[%s]", name, pyRepr(k)), "(<class 'str'>, <class 'int'>, <class 'float'>)", m.Vals[i])
			}
			merged[ks] = m.Vals[i]
		}
		c.Substitutions = merged
	default:
		return errUnknownField
	}
	return err
}

var errUnknownField = fmt.Errorf("unknown field")

func setMeta(list []MetaEntry, k, v string) []MetaEntry {
	for i := range list {
		if list[i].Key == k {
			list[i].Value = v
			return list
		}
	}
	return append(list, MetaEntry{k, v})
}

// mergeFileLevel applies the "myst" key of the front matter (and the
// deprecated top-level html_meta and substitutions) to the configuration
// (MyST's merge_file_level).
func mergeFileLevel(c Config, top *yamlMap, warning func(wtype, msg string)) Config {
	updates := &yamlMap{}
	if m, ok := top.Get("myst"); ok {
		if mm, ok := m.(*yamlMap); ok {
			updates = mm
		} else {
			warning("topmatter", fmt.Sprintf("'myst' key not a dict: %s", pyTypeName(m)))
		}
	}
	if v, ok := top.Get("html_meta"); ok {
		warning("topmatter", "top-level 'html_meta' key is deprecated, place under 'myst' key instead")
		updates.set("html_meta", v)
	}
	if v, ok := top.Get("substitutions"); ok {
		warning("topmatter", "top-level 'substitutions' key is deprecated, place under 'myst' key instead")
		updates.set("substitutions", v)
	}
	nc := c
	nc.EnableExtensions = slices.Clone(c.EnableExtensions)
	for i, k := range updates.Keys {
		name := pyStr(k)
		trial := nc
		err := setTopmatterField(&trial, name, updates.Vals[i])
		if err == errUnknownField {
			warning("topmatter", "Unknown field: "+name)
			continue
		}
		if err != nil {
			warning("topmatter", err.Error())
			continue
		}
		nc = trial
	}
	return nc
}

// htmlMetaNodes turns html_meta into pending meta nodes, as the meta
// directive does (MyST's html_meta_to_nodes).
func htmlMetaNodes(meta []MetaEntry, doc *doctree.Document, line int) []doctree.Node {
	var out []doctree.Node
	source := doc.Root.GetString("source")
	for _, e := range meta {
		m := doctree.NewElement(doctree.TagMeta)
		m.RawSource = e.Value
		m.Source = source
		m.Line = line
		m.Set("content", e.Value)
		var perr string
		if e.Value == "" {
			perr = "No content"
		} else {
			for i, part := range strings.FieldsFunc(e.Key, isPySpace) {
				eq := strings.IndexByte(part, '=')
				if eq < 0 && i == 0 {
					m.Set("name", part)
					continue
				}
				if eq < 0 {
					perr = "no '=' in " + part
					break
				}
				name, val := part[:eq], part[eq+1:]
				if name == "" || val == "" {
					perr = "malformed " + part
					break
				}
				m.Set(strings.ToLower(name), val)
			}
		}
		if perr != "" {
			out = append(out, doc.Reporter.Error(fmt.Sprintf("Error parsing meta tag attribute \"%s\": %s.", e.Key, perr), doctree.MsgOpts{}))
			continue
		}
		p := doctree.NewElement(doctree.TagPending)
		p.Pending = &doctree.PendingInfo{
			Transform: "docutils.transforms.components.Filter",
			Details:   map[string]any{"component": "writer", "format": "html", "nodes": []doctree.Node{m}},
		}
		doc.NotePending(p, -1)
		out = append(out, p)
	}
	return out
}

// renderFrontMatter renders the front matter as a field list (MyST's
// render_front_matter).
func (r *renderer) renderFrontMatter(n *frontMatter) {
	position := r.nodeLine(n)
	data, err := yamlLoad(n.Content)
	if err != nil {
		r.warn("Malformed YAML", position, "topmatter", r.cur)
		return
	}
	m, ok := data.(*yamlMap)
	if !ok {
		r.warn("YAML is not a dict: "+pyTypeName(data), position, "topmatter", r.cur)
		return
	}
	fields := &yamlMap{}
	for i, k := range m.Keys {
		switch k {
		case "myst", "mystnb", "substitutions", "html_meta":
			continue
		}
		fields.Keys = append(fields.Keys, k)
		fields.Vals = append(fields.Vals, m.Vals[i])
	}
	if len(fields.Keys) > 0 {
		r.appendNode(r.fieldListFromDict(fields, 0))
	}
	if t, ok := m.Get("title"); ok && r.cfg.TitleToHeader && pyTruthy(t) {
		r.nestedRender("# "+pyStr(t), 0, false, true)
	}
}

// pyTruthy is Python's bool() of a YAML value.
func pyTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case *yamlMap:
		return len(x.Keys) > 0
	}
	return true
}

// englishBiblio are docutils' English bibliographic field names, used when
// the registry knows no language.
var englishBiblio = []string{"author", "authors", "organization", "address", "contact", "version",
	"revision", "status", "date", "copyright", "dedication", "abstract"}

func (r *renderer) isBibliographic(key string) bool {
	lang := r.reg.Language(r.doc.Settings.LanguageCode)
	if lang == nil || len(lang.BibliographicFields) == 0 {
		lang = r.reg.Language("en")
	}
	if lang == nil || len(lang.BibliographicFields) == 0 {
		return slices.Contains(englishBiblio, key)
	}
	_, ok := lang.BibliographicFields[key]
	return ok
}

// fieldListFromDict renders each key and value as a field; bibliographic
// values are parsed as inline Markdown, the others kept as literals
// (MyST's dict_to_fm_field_list).
func (r *renderer) fieldListFromDict(data *yamlMap, line int) *doctree.Element {
	fl := doctree.NewElement(doctree.TagFieldList)
	fl.Source, fl.Line = r.source, line
	for i, k := range data.Keys {
		key := pyStr(k)
		var value string
		switch v := data.Vals[i].(type) {
		case string, int, float64, bool, pyDate, pyDateTime:
			value = pyStr(v)
		default:
			value = jsonDumps(v)
		}
		body := doctree.NewElement(doctree.TagParagraph)
		body.Source, body.Line = r.source, line
		if r.isBibliographic(key) {
			for _, n := range r.parseInline(value, line, body) {
				body.Append(n)
			}
		} else {
			body.Append(doctree.NewTextElement(doctree.TagLiteral, value, value))
		}
		field := doctree.NewElement(doctree.TagField)
		field.Source = value
		name := doctree.NewTextElement(doctree.TagFieldName, key, key)
		field.Append(name)
		fb := doctree.NewTextElement(doctree.TagFieldBody, value, "", body)
		field.Append(fb)
		fl.Append(field)
	}
	return fl
}
