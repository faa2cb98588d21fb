// Package pseudoxml writes a doctree as docutils' indented pseudo-XML
// (nodes.Node.pformat), byte for byte: attributes sorted by name, list
// values joined with spaces after escaping, text lines indented under their
// element, and pending elements followed by their internal attributes.
package pseudoxml

import (
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"sort"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

// Options change what is written.
type Options struct {
	// ExposeInternals names internal node attributes to write as
	// "internal:NAME" attributes: "line" and "source" are known
	// (docutils' expose_internals setting).
	ExposeInternals []string
}

// Format returns the pseudo-XML of the tree rooted at n.
func Format(n doctree.Node, opts *Options) string {
	var b strings.Builder
	w := writer{b: &b}
	if opts != nil {
		w.internals = opts.ExposeInternals
	}
	w.node(n, 0)
	return b.String()
}

type writer struct {
	b         *strings.Builder
	internals []string
	attrs     []doctree.Attr
}

const indent = "    "

func (w *writer) pad(level int) {
	for i := 0; i < level; i++ {
		w.b.WriteString(indent)
	}
}

func (w *writer) node(n doctree.Node, level int) {
	switch x := n.(type) {
	case *doctree.Text:
		for _, line := range pyio.SplitLines(x.AsText(), false) {
			w.pad(level)
			w.b.WriteString(line)
			w.b.WriteByte('\n')
		}
	case *doctree.Element:
		w.pad(level)
		w.StartTag(x)
		w.b.WriteByte('\n')
		for _, c := range x.Children {
			w.node(c, level+1)
		}
		if x.Tag == doctree.TagPending && x.Pending != nil {
			w.pendingInternals(x, level)
		}
	}
}

// StartTag writes "<tag attr="value" ...>" as docutils' starttag with
// pseudo_quoteattr.
func (w *writer) StartTag(e *doctree.Element) {
	w.b.WriteByte('<')
	w.b.WriteString(e.Tag)
	attrs := w.attrs[:0]
	for _, a := range e.AllAttrs() {
		if l, ok := a.Value.([]string); ok && len(l) == 0 {
			switch a.Name {
			case "ids", "classes", "names", "dupnames", "backrefs":
				continue
			}
		}
		attrs = append(attrs, a)
	}
	for _, name := range w.internals {
		switch name {
		case "line":
			if e.Line != 0 {
				attrs = append(attrs, doctree.Attr{Name: "internal:line", Value: e.Line})
			}
		case "source":
			if e.Source != "" {
				attrs = append(attrs, doctree.Attr{Name: "internal:source", Value: e.Source})
			}
		}
	}
	sort.SliceStable(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
	for _, a := range attrs {
		w.b.WriteByte(' ')
		w.b.WriteString(a.Name)
		w.b.WriteString(`="`)
		switch v := a.Value.(type) {
		case nil:
			w.b.WriteString("True")
		case []string:
			for i, s := range v {
				if i > 0 {
					w.b.WriteByte(' ')
				}
				w.b.WriteString(serialEscape(s))
			}
		default:
			w.b.WriteString(doctree.FormatValue(v))
		}
		w.b.WriteByte('"')
	}
	w.b.WriteByte('>')
	w.attrs = attrs
}

func serialEscape(s string) string {
	if !strings.ContainsAny(s, `\ `) {
		return s
	}
	s = strings.ReplaceAll(s, `\`, `\\`)
	return strings.ReplaceAll(s, " ", `\ `)
}

func (w *writer) pendingInternals(e *doctree.Element, level int) {
	lines := []string{
		".. internal attributes:",
		"     .transform: " + e.Pending.Transform,
		"     .details:",
	}
	keys := make([]string, 0, len(e.Pending.Details))
	for k := range e.Pending.Details {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := e.Pending.Details[k]
		switch x := v.(type) {
		case doctree.Node:
			lines = append(lines, "       "+k+":")
			for _, l := range pyio.SplitLines(Format(x, nil), false) {
				lines = append(lines, "         "+l)
			}
		case []doctree.Node:
			if len(x) > 0 {
				lines = append(lines, "       "+k+":")
				for _, n := range x {
					for _, l := range pyio.SplitLines(Format(n, nil), false) {
						lines = append(lines, "         "+l)
					}
				}
				continue
			}
			lines = append(lines, "       "+k+": "+doctree.PyRepr(v))
		default:
			lines = append(lines, "       "+k+": "+doctree.PyRepr(v))
		}
	}
	for _, l := range lines {
		w.pad(level)
		w.b.WriteString(indent)
		w.b.WriteString(l)
		w.b.WriteByte('\n')
	}
}
