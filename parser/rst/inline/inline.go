// Package inline parses reStructuredText inline markup (emphasis, strong,
// literals, interpreted text and roles, references, targets, footnote and
// citation references, substitution references, standalone URIs and e-mail
// addresses) as docutils 0.19's Inliner does, with the same recognition
// rules and system messages.
package inline

import (
	"strings"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// Inliner parses inline markup for one document. It is not safe for
// concurrent use; each parse makes its own.
type Inliner struct {
	doc   *doctree.Document
	scope *directives.Scope
	// parent is the element the text being parsed goes into.
	parent *doctree.Element

	charLevel bool // character_level_inline_markup
	pep, rfc  bool // pep_references, rfc_references

	// refMemo is an offset into the escaped text before which no simple
	// name can start a reference; it keeps the search linear in long
	// hyphenated words.
	refMemo int
	// base is the offset of the text being searched in the escaped text.
	base int
	// ends remembers the last search for each kind of end-string.
	ends [kAnonymous + 1]endMemo
	// impl remembers the last search of each implicit pattern in the
	// text given to implicitInline, which is implEnd long.
	impl    [pRFC + 1]implMemo
	implEnd int
}

var _ directives.InlineHost = (*Inliner)(nil)

// New returns an inliner for doc, with its patterns set up from
// doc.Settings (character_level_inline_markup, pep_references,
// rfc_references), looking roles up in scope.
func New(doc *doctree.Document, scope *directives.Scope) *Inliner {
	in := &Inliner{doc: doc, scope: scope}
	if s := doc.Settings; s != nil {
		in.charLevel = s.CharacterLevelInlineMarkup
		in.pep = s.PEPReferences
		in.rfc = s.RFCReferences
	}
	return in
}

// Document returns the document being parsed.
func (in *Inliner) Document() *doctree.Document { return in.doc }

// Reporter returns the document's reporter.
func (in *Inliner) Reporter() *doctree.Reporter { return in.doc.Reporter }

// Parent returns the element the current text goes into.
func (in *Inliner) Parent() *doctree.Element { return in.parent }

// Parse parses text, whose first line is the absolute line lineno, for
// inclusion in parent. It returns the nodes and the system messages, which
// the caller places after the text's element, as docutils' Inliner.parse.
// Messages about duplicate targets go straight into parent, as docutils
// puts them.
func (in *Inliner) Parse(text string, lineno int, parent *doctree.Element) ([]doctree.Node, []*doctree.Element) {
	// A role may parse text of its own with this inliner; the text being
	// parsed must find the state it left.
	saved := *in
	defer func() {
		in.parent, in.refMemo, in.base, in.ends = saved.parent, saved.refMemo, saved.base, saved.ends
	}()
	in.parent = parent
	in.refMemo = 0
	in.ends = [len(in.ends)]endMemo{}
	processed := make([]doctree.Node, 0, 8)
	var messages []*doctree.Element
	// The text before each construct found, not yet searched for
	// standalone URIs and the like.
	var unprocessed []string
	escaped := escape2null(text)
	remaining := escaped
	for remaining != "" {
		in.base = len(escaped) - len(remaining)
		m, ok := in.searchInitial(remaining, in.base)
		if !ok {
			break
		}
		r := in.dispatch(remaining, m, lineno)
		unprocessed = append(unprocessed, r.before)
		messages = append(messages, r.messages...)
		if len(r.nodes) > 0 {
			processed = in.implicitInline(strings.Join(unprocessed, ""), processed)
			processed = append(processed, r.nodes...)
			unprocessed = unprocessed[:0]
		}
		remaining = r.after
	}
	unprocessed = append(unprocessed, remaining)
	processed = in.implicitInline(strings.Join(unprocessed, ""), processed)
	return processed, messages
}

// result is what a construct's handler returns: the text before it, its
// nodes, the text after it and its messages.
type result struct {
	before   string
	nodes    []doctree.Node
	after    string
	messages []*doctree.Element
}

func (in *Inliner) dispatch(s string, m initial, lineno int) result {
	switch m.kind {
	case kEmphasis:
		r, _ := in.inlineObj(s, m, lineno, doctree.TagEmphasis, false)
		return r
	case kStrong:
		r, _ := in.inlineObj(s, m, lineno, doctree.TagStrong, false)
		return r
	case kLiteral:
		r, _ := in.inlineObj(s, m, lineno, doctree.TagLiteral, true)
		return r
	case kTarget:
		return in.inlineTarget(s, m, lineno)
	case kSubst:
		return in.substitutionReference(s, m, lineno)
	case kInterpreted:
		return in.interpretedOrPhraseRef(s, m, lineno)
	case kFootnote:
		return in.footnoteReference(s, m)
	default:
		return in.reference(s, m)
	}
}

// Problematic returns a problematic element holding text, linked to
// message both ways, giving both their ids (Inliner.problematic).
func (in *Inliner) Problematic(text, rawsource string, message *doctree.Element) *doctree.Element {
	msgid := in.doc.SetID(message, in.parent, "")
	prb := doctree.NewTextElement(doctree.TagProblematic, rawsource, text)
	prb.Set("refid", msgid)
	prbid := in.doc.SetID(prb, nil, "")
	message.AddBackRef(prbid)
	return prb
}

// warnProblematic reports a warning and returns it with a problematic
// element for text.
func (in *Inliner) warnProblematic(msg, text string, lineno int) (*doctree.Element, *doctree.Element) {
	w := in.doc.Reporter.Warning(msg, doctree.MsgOpts{Line: lineno})
	return in.Problematic(text, text, w), w
}

var objNames = map[string]string{
	doctree.TagEmphasis:              "emphasis",
	doctree.TagStrong:                "strong",
	doctree.TagLiteral:               "literal",
	doctree.TagTarget:                "target",
	doctree.TagSubstitutionReference: "substitution_reference",
}

// inlineObj handles the constructs made of a start-string, text and an
// end-string (Inliner.inline_obj). It also returns the end-string.
func (in *Inliner) inlineObj(s string, m initial, lineno int, tag string, restoreBackslashes bool) (result, string) {
	if quotedStart(s, m.start, m.end) {
		return result{before: s[:m.se], after: s[m.se:]}, ""
	}
	rest := s[m.se:]
	if e, ok := in.findEnd(m.kind, rest, in.base+m.se); ok && e.i > 0 {
		i, j := e.i, e.j
		text := rest[:i]
		if restoreBackslashes {
			text = restore(text)
		}
		textend := m.se + j
		node := doctree.NewTextElement(tag, restore(s[m.ss:textend]), text)
		return result{before: s[:m.ss], nodes: []doctree.Node{node}, after: s[textend:]}, rest[i:j]
	}
	text := restore(s[m.ss:m.se])
	prb, msg := in.warnProblematic("Inline "+objNames[tag]+" start-string without end-string.", text, lineno)
	return result{before: s[:m.ss], nodes: []doctree.Node{prb}, after: s[m.se:], messages: []*doctree.Element{msg}}, ""
}

// inlineTarget handles an inline internal target, _`name`.
func (in *Inliner) inlineTarget(s string, m initial, lineno int) result {
	r, _ := in.inlineObj(s, m, lineno, doctree.TagTarget, false)
	if len(r.nodes) == 1 {
		if t, ok := r.nodes[0].(*doctree.Element); ok && t.Tag == doctree.TagTarget {
			t.Names = append(t.Names, normalizeName(t.AsText()))
			in.doc.NoteExplicitTarget(t, in.parent)
		}
	}
	return r
}

// substitutionReference handles |name|, |name|_ and |name|__.
func (in *Inliner) substitutionReference(s string, m initial, lineno int) result {
	r, end := in.inlineObj(s, m, lineno, doctree.TagSubstitutionReference, false)
	if len(r.nodes) != 1 {
		return r
	}
	sub, ok := r.nodes[0].(*doctree.Element)
	if !ok || sub.Tag != doctree.TagSubstitutionReference {
		return r
	}
	subText := sub.AsText()
	in.doc.NoteSubstitutionRef(sub, subText)
	if strings.HasSuffix(end, "_") {
		ref := doctree.NewTextElement(doctree.TagReference, "|"+subText+end, "")
		if strings.HasSuffix(end, "__") {
			ref.Set("anonymous", 1)
		} else {
			ref.Set("refname", normalizeName(subText))
			in.doc.NoteRefName(ref)
		}
		ref.Append(sub)
		r.nodes = []doctree.Node{ref}
	}
	return r
}

// interpretedOrPhraseRef handles `text`, :role:`text`, `text`:role:,
// `phrase`_ and `phrase`__.
func (in *Inliner) interpretedOrPhraseRef(s string, m initial, lineno int) result {
	matchstart, matchend := m.ss, m.se
	rolestart := m.start
	role := ""
	position := ""
	if m.start < m.ss {
		role = s[m.start+1 : m.ss-1]
		position = "prefix"
	} else if quotedStart(s, m.start, m.end) {
		return result{before: s[:matchend], after: s[matchend:]}
	}
	rest := s[matchend:]
	e, ok := in.findEnd(kInterpreted, rest, in.base+matchend)
	if ok && e.i > 0 {
		textend := matchend + e.j
		if e.re > e.rs {
			if role != "" {
				text := restore(s[rolestart:textend])
				prb, msg := in.warnProblematic("Multiple roles in interpreted text (both "+
					"prefix and suffix present; only one allowed).", text, lineno)
				return result{before: s[:rolestart], nodes: []doctree.Node{prb}, after: s[textend:], messages: []*doctree.Element{msg}}
			}
			// docutils takes the suffix less its first and last characters.
			role = rest[e.rs+1 : e.j-1]
			position = "suffix"
		}
		escaped := rest[:e.i]
		rawsource := restore(s[matchstart:textend])
		if strings.HasSuffix(rawsource, "_") {
			if role != "" {
				text := restore(s[rolestart:textend])
				prb, msg := in.warnProblematic("Mismatch: both interpreted text role "+position+
					" and reference suffix.", text, lineno)
				return result{before: s[:rolestart], nodes: []doctree.Node{prb}, after: s[textend:], messages: []*doctree.Element{msg}}
			}
			return in.phraseRef(s[:matchstart], s[textend:], rawsource, escaped)
		}
		rawsource = restore(s[rolestart:textend])
		nodes, msgs := in.interpreted(rawsource, escaped, role, lineno)
		return result{before: s[:rolestart], nodes: nodes, after: s[textend:], messages: msgs}
	}
	text := restore(s[matchstart:matchend])
	prb, msg := in.warnProblematic("Inline interpreted text or phrase reference start-string without end-string.", text, lineno)
	return result{before: s[:matchstart], nodes: []doctree.Node{prb}, after: s[matchend:], messages: []*doctree.Element{msg}}
}

// phraseRef makes a reference from a phrase reference, with its embedded
// URI or alias target if any (Inliner.phrase_ref).
func (in *Inliner) phraseRef(before, after, rawsource, escaped string) result {
	var (
		text, unescaped string
		target          *doctree.Element
		alias           string
		aliasIsName     bool
	)
	if start, lt, ok := embeddedLink(escaped); ok {
		text = escaped[:start]
		unescaped = unescape(text)
		aliastext := escaped[lt+1 : len(escaped)-1]
		rawaliastext := restore(aliastext)
		underscoreEscaped := strings.HasSuffix(rawaliastext, `\_`)
		if strings.HasSuffix(aliastext, "_") && !underscoreEscaped && !in.uriMatchAt(aliastext) {
			aliasIsName = true
			alias = normalizeName(unescape(aliastext[:len(aliastext)-1]))
			target = doctree.NewTextElement(doctree.TagTarget, escaped[start:], "")
			target.Set("refname", alias)
		} else {
			parts := splitEscapedWhitespace(aliastext)
			for i, p := range parts {
				parts[i] = strings.Join(pyFields(p), "")
			}
			alias = in.adjustURI(unescape(strings.Join(parts, " ")))
			if strings.HasSuffix(alias, `\_`) {
				alias = alias[:len(alias)-2] + "_"
			}
			target = doctree.NewTextElement(doctree.TagTarget, escaped[start:], "")
			target.Set("refuri", alias)
			target.Referenced = true
		}
		if text == "" {
			text = alias
			unescaped = unescape(text)
		}
	} else {
		text = escaped
		unescaped = unescape(text)
	}
	refname := normalizeName(unescaped)
	ref := doctree.NewTextElement(doctree.TagReference, rawsource, text)
	ref.Set("name", whitespaceNormalizeName(unescaped))
	nodes := []doctree.Node{ref}
	if strings.HasSuffix(rawsource, "__") {
		switch {
		case target != nil && aliasIsName:
			ref.Set("refname", alias)
			in.doc.NoteRefName(ref)
		case target != nil:
			ref.Set("refuri", alias)
		default:
			ref.Set("anonymous", 1)
		}
	} else if target != nil {
		target.Names = append(target.Names, refname)
		if aliasIsName {
			ref.Set("refname", alias)
			in.doc.NoteIndirectTarget(target)
			in.doc.NoteRefName(ref)
		} else {
			ref.Set("refuri", alias)
			in.doc.NoteExplicitTarget(target, in.parent)
		}
		nodes = append(nodes, target)
	} else {
		ref.Set("refname", refname)
		in.doc.NoteRefName(ref)
	}
	return result{before: before, nodes: nodes, after: after}
}

// adjustURI prefixes an e-mail address with "mailto:".
func (in *Inliner) adjustURI(uri string) string {
	if emailMatch(uri) {
		return "mailto:" + uri
	}
	return uri
}

// interpreted runs a role on interpreted text; role "" is the default role.
func (in *Inliner) interpreted(rawsource, text, role string, lineno int) ([]doctree.Node, []*doctree.Element) {
	var r *directives.Role
	var messages []*doctree.Element
	if in.scope != nil {
		r, messages = in.scope.LookupRole(role, in.doc.Reporter, lineno)
	}
	if r != nil && r.Fn != nil {
		var opts map[string]any
		if r.Options != nil {
			// Role functions may consume options; each call gets its own.
			opts = make(map[string]any, len(r.Options))
			for k, v := range r.Options {
				opts[k] = v
			}
		}
		nodes, msgs := r.Fn(&directives.RoleCall{
			Name:    role,
			RawText: rawsource,
			Text:    text,
			Lineno:  lineno,
			Options: opts,
			Content: r.Content,
			Inliner: in,
		})
		return nodes, append(messages, msgs...)
	}
	msg := in.doc.Reporter.Error(`Unknown interpreted text role "`+role+`".`, doctree.MsgOpts{Line: lineno})
	return []doctree.Node{in.Problematic(rawsource, rawsource, msg)}, append(messages, msg)
}

// footnoteReference handles [1]_, [#]_, [#label]_, [*]_ and [label]_.
func (in *Inliner) footnoteReference(s string, m initial) result {
	label := s[m.ls:m.le]
	refname := normalizeName(label)
	before := s[:m.start]
	var ref *doctree.Element
	if m.citation {
		ref = doctree.NewTextElement(doctree.TagCitationReference, "["+label+"]_", "")
		ref.Set("refname", refname)
		ref.Append(doctree.NewText(label))
		in.doc.NoteCitationRef(ref)
	} else {
		ref = doctree.NewTextElement(doctree.TagFootnoteReference, "["+label+"]_", "")
		switch {
		case strings.HasPrefix(refname, "#"):
			refname = refname[1:]
			ref.Set("auto", 1)
			in.doc.NoteAutoFootnoteRef(ref)
		case refname == "*":
			refname = ""
			ref.Set("auto", "*")
			in.doc.NoteSymbolFootnoteRef(ref)
		default:
			ref.Append(doctree.NewText(label))
		}
		if refname != "" {
			ref.Set("refname", refname)
			in.doc.NoteFootnoteRef(ref)
		}
		if st := in.doc.Settings; st != nil && (st.TrimFootnoteReferenceSpace || st.FootnoteReferences == "superscript") {
			// Docutils trims by default only for superscript references
			// (utils.get_trim_footnote_ref_space).
			before = trimRightSpace(before)
		}
	}
	return result{before: before, nodes: []doctree.Node{ref}, after: s[m.end:]}
}

// reference handles the simple references name_ and name__.
func (in *Inliner) reference(s string, m initial) result {
	name := s[m.ls:m.le]
	ref := doctree.NewTextElement(doctree.TagReference, s[m.start:m.end], name)
	ref.Set("name", whitespaceNormalizeName(name))
	if m.kind == kAnonymous {
		ref.Set("anonymous", 1)
	} else {
		ref.Set("refname", normalizeName(name))
		in.doc.NoteRefName(ref)
	}
	return result{before: s[:m.start], nodes: []doctree.Node{ref}, after: s[m.end:]}
}
