package transforms

import (
	"fmt"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
)

// The transforms of docutils.transforms.references.
var (
	// PropagateTargets moves the ids and names of empty internal targets
	// to the element that follows them.
	PropagateTargets = &Transform{Name: docutilsPrefix + "references.PropagateTargets", Priority: 260, Apply: propagateTargets}
	// AnonymousHyperlinks links anonymous references to anonymous targets
	// in order.
	AnonymousHyperlinks = &Transform{Name: docutilsPrefix + "references.AnonymousHyperlinks", Priority: 440, Apply: anonymousHyperlinks}
	// IndirectHyperlinks resolves chains of indirect targets and the
	// references to them.
	IndirectHyperlinks = &Transform{Name: docutilsPrefix + "references.IndirectHyperlinks", Priority: 460, Apply: indirectHyperlinks}
	// ExternalTargets resolves references to targets with a URI.
	ExternalTargets = &Transform{Name: docutilsPrefix + "references.ExternalTargets", Priority: 640, Apply: externalTargets}
	// InternalTargets resolves references to internal targets.
	InternalTargets = &Transform{Name: docutilsPrefix + "references.InternalTargets", Priority: 660, Apply: internalTargets}
	// Footnotes numbers auto-numbered and symbol footnotes and links
	// footnotes and citations with their references.
	Footnotes = &Transform{Name: docutilsPrefix + "references.Footnotes", Priority: 620, Apply: footnotes}
	// Substitutions replaces substitution references by the contents of
	// their definitions.
	Substitutions = &Transform{Name: docutilsPrefix + "references.Substitutions", Priority: 220, Apply: substitutions}
	// TargetNotes makes a footnote for each external target and adds
	// references to it after each reference (the target-notes directive).
	TargetNotes = &Transform{Name: docutilsPrefix + "references.TargetNotes", Priority: 540, Apply: targetNotes}
	// DanglingReferences reports references no target resolves and
	// targets nothing references.
	DanglingReferences = &Transform{Name: docutilsPrefix + "references.DanglingReferences", Priority: 850, Apply: danglingReferences}
)

// truthy reports whether an attribute value counts as true in Python.
func truthy(v any, ok bool) bool {
	if !ok {
		return false
	}
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
	case []string:
		return len(x) > 0
	}
	return true
}

func isAnonymous(e *doctree.Element) bool { return truthy(e.Get("anonymous")) }

func propagateTargets(ctx *Context) error {
	doc := ctx.Doc
	for _, target := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		// Only block-level targets without reference (".. _target:").
		if p := target.Parent(); p == nil || p.Is(doctree.ClassTextElement) {
			continue
		}
		if target.Has("refid") || target.Has("refuri") || target.Has("refname") {
			continue
		}
		if len(target.IDs) == 0 {
			continue
		}
		next := doctree.NextNode(target, anyElement, true, true)
		// Skip system messages: FilterMessages may remove them.
		for next != nil && next.Tag == doctree.TagSystemMessage {
			next = doctree.NextNode(next, anyElement, false, true)
		}
		// Invisibles would lose the attributes; other targetables (such
		// as footnotes) are targets of their own.
		if next == nil || (next.Is(doctree.ClassInvisible) || next.Is(doctree.ClassTargetable)) && next.Tag != doctree.TagTarget {
			continue
		}
		next.IDs = append(next.IDs, target.IDs...)
		next.Names = append(next.Names, target.Names...)
		byName, byID := next.ExpectReferencedBy()
		if byName == nil {
			byName = map[string]*doctree.Element{}
		}
		if byID == nil {
			byID = map[string]*doctree.Element{}
		}
		for _, id := range target.IDs {
			doc.IDs[id] = next
			byID[id] = target
		}
		for _, name := range target.Names {
			byName[name] = target
		}
		targetByName, targetByID := target.ExpectReferencedBy()
		for k, v := range targetByName {
			byName[k] = v
		}
		for k, v := range targetByID {
			byID[k] = v
		}
		next.SetExpectReferencedBy(byName, byID)
		target.Set("refid", target.IDs[0])
		target.IDs = nil
		target.Names = nil
		doc.NoteRefID(target)
	}
	return nil
}

func anyElement(*doctree.Element) bool { return true }

// noLocation locates a transform's message that names no node: docutils
// asks the parse's state machine for its current line, whatever that is
// once the parse is over (the reporter's SourceAndLine with line 0).
var noLocation = doctree.MsgOpts{}

// lineLocation locates a message at an absolute line number, as docutils
// does when a transform passes line=node.line; no line gives noLocation.
func lineLocation(line int) doctree.MsgOpts {
	if line == 0 {
		return noLocation
	}
	return doctree.MsgOpts{Line: line}
}

func anonymousHyperlinks(ctx *Context) error {
	doc := ctx.Doc
	var refs, targets []*doctree.Element
	for _, n := range doctree.FindTag(doc.Root, doctree.TagReference) {
		if isAnonymous(n) {
			refs = append(refs, n)
		}
	}
	for _, n := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		if isAnonymous(n) {
			targets = append(targets, n)
		}
	}
	if len(refs) != len(targets) {
		msg := doc.Reporter.Error(fmt.Sprintf("Anonymous hyperlink mismatch: %d references but %d targets.\nSee \"backrefs\" attribute for IDs.",
			len(refs), len(targets)), noLocation)
		doc.SetID(msg, nil, "")
		for _, ref := range refs {
			replaceSelf(ref, problematic(doc, ref, msg))
		}
		return nil
	}
	for i, ref := range refs {
		target := targets[i]
		target.Referenced = true
		for guard := 0; target != nil && guard <= len(doc.IDs); guard++ {
			if target.Has("refuri") {
				ref.Set("refuri", target.GetString("refuri"))
				ref.Resolved = true
				break
			}
			if len(target.IDs) == 0 {
				// A propagated target: follow it to the element that
				// took its id.
				target = doc.IDs[target.GetString("refid")]
				continue
			}
			ref.Set("refid", target.IDs[0])
			doc.NoteRefID(ref)
			break
		}
	}
	return nil
}

// indirectResolver holds the state of one IndirectHyperlinks run.
type indirectResolver struct {
	ctx *Context
	doc *doctree.Document
	// multiply marks the targets whose resolution is under way, to detect
	// circular chains (docutils' target.multiply_indirect).
	multiply map[*doctree.Element]bool
}

func indirectHyperlinks(ctx *Context) error {
	r := &indirectResolver{ctx: ctx, doc: ctx.Doc, multiply: map[*doctree.Element]bool{}}
	for i := 0; i < len(r.doc.IndirectTargets); i++ {
		target := r.doc.IndirectTargets[i]
		if !target.Resolved {
			r.resolveTarget(target)
		}
		r.resolveReferences(target, 0)
	}
	return nil
}

func (r *indirectResolver) resolveTarget(target *doctree.Element) {
	doc := r.doc
	refnameV, hasRefname := target.Get("refname")
	refname, _ := refnameV.(string)
	var reftargetID string
	if !hasRefname {
		reftargetID = target.GetString("refid")
	} else {
		reftargetID = doc.NameIDs[refname]
		if reftargetID == "" {
			if !r.tryResolvers(target) {
				r.nonexistent(target)
			}
			return
		}
	}
	reftarget := doc.IDs[reftargetID]
	if reftarget == nil {
		r.nonexistent(target)
		return
	}
	reftarget.NoteReferencedBy("", reftargetID)
	if reftarget.Tag == doctree.TagTarget && !reftarget.Resolved && reftarget.Has("refname") {
		if r.multiply[target] {
			r.targetError(target, "forming a circular reference")
			return
		}
		r.multiply[target] = true
		r.resolveTarget(reftarget) // multiply indirect
		delete(r.multiply, target)
	}
	switch {
	case reftarget.Has("refuri"):
		target.Set("refuri", reftarget.GetString("refuri"))
		target.Del("refid")
	case reftarget.Has("refid"):
		target.Set("refid", reftarget.GetString("refid"))
		doc.NoteRefID(target)
	case len(reftarget.IDs) > 0:
		target.Set("refid", reftargetID)
		doc.NoteRefID(target)
	default:
		r.nonexistent(target)
		return
	}
	if hasRefname {
		target.Del("refname")
	}
	target.Resolved = true
}

func (r *indirectResolver) tryResolvers(node *doctree.Element) bool {
	for _, res := range r.ctx.Transformer.Resolvers {
		if res.Resolve(node) {
			return true
		}
	}
	return false
}

func (r *indirectResolver) nonexistent(target *doctree.Element) {
	if r.doc.HasName(target.GetString("refname")) {
		r.targetError(target, "which is a duplicate, and cannot be used as a unique reference")
	} else {
		r.targetError(target, "which does not exist")
	}
}

func (r *indirectResolver) targetError(target *doctree.Element, explanation string) {
	doc := r.doc
	naming := ""
	var reflist []*doctree.Element
	if len(target.Names) > 0 {
		naming = fmt.Sprintf("\"%s\" ", target.Names[0])
	}
	for _, name := range target.Names {
		reflist = append(reflist, doc.RefNames[name]...)
	}
	for _, id := range target.IDs {
		reflist = append(reflist, doc.RefIDs[id]...)
	}
	if len(target.IDs) > 0 {
		naming += fmt.Sprintf("(id=\"%s\")", target.IDs[0])
	}
	msg := doc.Reporter.Error(fmt.Sprintf("Indirect hyperlink target %s refers to target \"%s\", %s.",
		naming, target.GetString("refname"), explanation), doctree.MsgOpts{BaseNode: target})
	doc.SetID(msg, nil, "")
	seen := map[*doctree.Element]bool{}
	for _, ref := range reflist {
		if seen[ref] {
			continue
		}
		seen[ref] = true
		replaceSelf(ref, problematic(doc, ref, msg))
	}
	target.Resolved = true
}

// resolveReferences passes the resolved target's refid or refuri on to
// the references (and indirect targets) naming it.
func (r *indirectResolver) resolveReferences(target *doctree.Element, depth int) {
	doc := r.doc
	var attname string
	switch {
	case target.Has("refid"):
		attname = "refid"
	case target.Has("refuri"):
		attname = "refuri"
	default:
		return
	}
	attval := target.GetString(attname)
	update := func(ref *doctree.Element, del string) {
		if ref.Resolved {
			return
		}
		ref.Del(del)
		ref.Set(attname, attval)
		if attname == "refid" {
			doc.NoteRefID(ref)
		}
		ref.Resolved = true
		if ref.Tag == doctree.TagTarget {
			r.resolveReferences(ref, depth+1)
		}
	}
	for _, name := range target.Names {
		reflist := doc.RefNames[name]
		if len(reflist) > 0 {
			target.NoteReferencedBy(name, "")
		}
		for _, ref := range append([]*doctree.Element(nil), reflist...) {
			update(ref, "refname")
		}
	}
	for _, id := range target.IDs {
		reflist := doc.RefIDs[id]
		if len(reflist) > 0 {
			target.NoteReferencedBy("", id)
		}
		for _, ref := range append([]*doctree.Element(nil), reflist...) {
			update(ref, "refid")
		}
	}
}

func externalTargets(ctx *Context) error {
	doc := ctx.Doc
	for _, target := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		if !target.Has("refuri") {
			continue
		}
		refuri := target.GetString("refuri")
		for _, name := range target.Names {
			reflist := doc.RefNames[name]
			if len(reflist) > 0 {
				target.NoteReferencedBy(name, "")
			}
			for _, ref := range reflist {
				if ref.Resolved {
					continue
				}
				ref.Del("refname")
				ref.Set("refuri", refuri)
				ref.Resolved = true
			}
		}
	}
	return nil
}

func internalTargets(ctx *Context) error {
	doc := ctx.Doc
	for _, target := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		if target.Has("refuri") || target.Has("refid") {
			continue
		}
		for _, name := range target.Names {
			refid := doc.NameIDs[name]
			reflist := doc.RefNames[name]
			if len(reflist) > 0 {
				target.NoteReferencedBy(name, "")
			}
			for _, ref := range reflist {
				if ref.Resolved {
					continue
				}
				if refid != "" {
					ref.Del("refname")
					ref.Set("refid", refid)
				}
				ref.Resolved = true
			}
		}
	}
	return nil
}

// footnoteSymbols are the labels of symbol footnotes, in order; after the
// last, they repeat doubled, tripled and so on.
var footnoteSymbols = []string{
	"*", "\u2020", "\u2021", "\u00A7", "\u00B6", "#",
	"\u2660", "\u2665", "\u2666", "\u2663",
}

func footnotes(ctx *Context) error {
	doc := ctx.Doc
	startnum := doc.AutoFootnoteStart
	var labels []string
	doc.AutoFootnoteStart, labels = numberFootnotes(doc, startnum)
	numberFootnoteReferences(doc, labels)
	symbolizeFootnotes(doc)
	for _, fn := range doc.Footnotes {
		for _, label := range fn.Names {
			if reflist, ok := doc.FootnoteRefs[label]; ok {
				resolveNoteReferences(fn, reflist)
			}
		}
	}
	for _, c := range doc.Citations {
		for _, label := range c.Names {
			if reflist, ok := doc.CitationRefs[label]; ok {
				resolveNoteReferences(c, reflist)
			}
		}
	}
	return nil
}

// numberFootnotes numbers the auto-numbered footnotes and the references
// that name labelled ones; it returns the next number and the labels given
// to unlabelled footnotes.
func numberFootnotes(doc *doctree.Document, startnum int) (int, []string) {
	var labels []string
	for _, fn := range doc.AutoFootnotes {
		var label string
		for {
			label = fmt.Sprint(startnum)
			startnum++
			if !doc.HasName(label) {
				break
			}
		}
		fn.Insert(0, doctree.NewTextElement(doctree.TagLabel, "", label))
		for _, name := range fn.Names {
			for _, ref := range doc.FootnoteRefs[name] {
				ref.Append(doctree.NewText(label))
				ref.Del("refname")
				if len(fn.IDs) > 0 {
					ref.Set("refid", fn.IDs[0])
				}
				if len(ref.IDs) > 0 {
					fn.AddBackRef(ref.IDs[0])
				}
				doc.NoteRefID(ref)
				ref.Resolved = true
			}
		}
		if len(fn.Names) == 0 && len(fn.DupNames()) == 0 {
			fn.Names = append(fn.Names, label)
			doc.NoteExplicitTarget(fn, fn)
			labels = append(labels, label)
		}
	}
	return startnum, labels
}

func numberFootnoteReferences(doc *doctree.Document, labels []string) {
	i := 0
	for k, ref := range doc.AutoFootnoteRefs {
		if ref.Resolved || ref.Has("refid") {
			continue
		}
		if i >= len(labels) {
			msg := doc.Reporter.Error(fmt.Sprintf("Too many autonumbered footnote references: only %d corresponding footnotes available.",
				len(labels)), doctree.MsgOpts{BaseNode: ref})
			doc.SetID(msg, nil, "")
			for _, r := range doc.AutoFootnoteRefs[k:] {
				if r.Resolved || r.Has("refname") {
					continue
				}
				replaceSelf(r, problematic(doc, r, msg))
			}
			break
		}
		label := labels[i]
		ref.Append(doctree.NewText(label))
		id := doc.NameIDs[label]
		ref.Set("refid", id)
		doc.NoteRefID(ref)
		if fn := doc.IDs[id]; fn != nil && len(ref.IDs) > 0 {
			fn.AddBackRef(ref.IDs[0])
		}
		ref.Resolved = true
		i++
	}
}

func symbolizeFootnotes(doc *doctree.Document) {
	var labels []string
	for _, fn := range doc.SymbolFootnotes {
		reps, index := doc.SymbolFootnoteStart/len(footnoteSymbols), doc.SymbolFootnoteStart%len(footnoteSymbols)
		label := ""
		for j := 0; j <= reps; j++ {
			label += footnoteSymbols[index]
		}
		labels = append(labels, label)
		fn.Insert(0, doctree.NewTextElement(doctree.TagLabel, "", label))
		doc.SymbolFootnoteStart++
		doc.SetID(fn, nil, "")
	}
	for i, ref := range doc.SymbolFootnoteRefs {
		if i >= len(labels) {
			msg := doc.Reporter.Error(fmt.Sprintf("Too many symbol footnote references: only %d corresponding footnotes available.",
				len(labels)), doctree.MsgOpts{BaseNode: ref})
			doc.SetID(msg, nil, "")
			for _, r := range doc.SymbolFootnoteRefs[i:] {
				if r.Resolved || r.Has("refid") {
					continue
				}
				replaceSelf(r, problematic(doc, r, msg))
			}
			break
		}
		ref.Append(doctree.NewText(labels[i]))
		fn := doc.SymbolFootnotes[i]
		if len(fn.IDs) > 0 {
			ref.Set("refid", fn.IDs[0])
		}
		doc.NoteRefID(ref)
		if len(ref.IDs) > 0 {
			fn.AddBackRef(ref.IDs[0])
		}
	}
}

func resolveNoteReferences(note *doctree.Element, reflist []*doctree.Element) {
	if len(note.IDs) == 0 {
		return
	}
	id := note.IDs[0]
	for _, ref := range reflist {
		if ref.Resolved {
			continue
		}
		ref.Del("refname")
		ref.Set("refid", id)
		if len(ref.IDs) > 0 {
			note.AddBackRef(ref.IDs[0])
		}
		ref.Resolved = true
	}
	note.Resolved = true
}

func substitutions(ctx *Context) error {
	doc := ctx.Doc
	defs := doc.SubstitutionDefs
	normed := doc.SubstitutionNames
	nested := map[string][]string{}
	limit := doc.Settings.LineLengthLimit
	// origin maps a substitution reference copied out of a definition to
	// the reference that the definition replaced (docutils' "ref-origin").
	origin := map[*doctree.Element]*doctree.Element{}
	// where records the location of the references replaced so far:
	// docutils still finds it through the stale parent of a replaced node.
	where := map[*doctree.Element]doctree.MsgOpts{}

	subrefs := doctree.FindTag(doc.Root, doctree.TagSubstitutionReference)
	for k := 0; k < len(subrefs); k++ {
		ref := subrefs[k]
		refname := ref.GetString("refname")
		if k >= maxSubstitutions {
			// docutils has no such limit; this one only stops input
			// crafted to expand without end.
			msg := doc.Reporter.Error(fmt.Sprintf("Too many substitutions: \"%s\" not expanded.", refname), doctree.MsgOpts{BaseNode: ref})
			replaceSelf(ref, problematic(doc, ref, msg))
			continue
		}
		key, found := refname, false
		if _, ok := defs[refname]; ok {
			found = true
		} else {
			key, found = normed[doctree.FullyNormalizeName(refname)]
		}
		var msg *doctree.Element
		var subdef *doctree.Element
		if !found {
			msg = doc.Reporter.Error(fmt.Sprintf("Undefined substitution referenced: \"%s\".", refname), doctree.MsgOpts{BaseNode: ref})
		} else {
			subdef = defs[key]
			if subdef == nil {
				msg = doc.Reporter.Error(fmt.Sprintf("Undefined substitution referenced: \"%s\".", refname), doctree.MsgOpts{BaseNode: ref})
			} else if utf8.RuneCountInString(subdef.AsText()) > limit && limit > 0 {
				msg = doc.Reporter.Error(fmt.Sprintf("Substitution definition \"%s\" exceeds the line-length-limit.", key), noLocation)
			}
		}
		if msg != nil {
			replaceSelf(ref, problematic(doc, ref, msg))
			continue
		}
		parent := ref.Parent()
		if parent == nil {
			continue
		}
		index := parent.Index(ref)
		if subdef.Has("ltrim") || subdef.Has("trim") {
			if index > 0 {
				if t, ok := parent.Children[index-1].(*doctree.Text); ok {
					parent.Replace(t, doctree.NewText(trimRight(t.Data)))
				}
			}
		}
		if subdef.Has("rtrim") || subdef.Has("trim") {
			if index+1 < len(parent.Children) {
				if t, ok := parent.Children[index+1].(*doctree.Text); ok {
					parent.Replace(t, doctree.NewText(trimLeft(t.Data)))
				}
			}
		}
		subdefCopy := subdef.DeepCopyElement()
		circular := false
		for _, nestedRef := range doctree.FindTag(subdefCopy, doctree.TagSubstitutionReference) {
			nestedName, ok := normed[doctree.FullyNormalizeName(nestedRef.GetString("refname"))]
			if ok {
				if containsString(nested[nestedName], nestedName) {
					circular = true
					break
				}
				nested[nestedName] = append(nested[nestedName], key)
			}
			// An undefined nested name (docutils fails with a KeyError)
			// is left to be reported as undefined in its turn.
			origin[nestedRef] = ref
			subrefs = append(subrefs, nestedRef)
		}
		if circular {
			parent := ref.Parent()
			if parent == nil {
				continue
			}
			if parent.Tag == doctree.TagSubstitutionDefinition {
				msg := doc.Reporter.Error("Circular substitution definition detected:",
					doctree.MsgOpts{BaseNode: parent, Line: parent.Line},
					doctree.NewTextElement(doctree.TagLiteralBlock, parent.RawSource, parent.RawSource))
				replaceSelf(parent, msg)
			} else {
				// Find the reference in the text that started the chain.
				refOrigin := ref
				for seen := 0; origin[refOrigin] != nil && seen < len(subrefs); seen++ {
					refOrigin = origin[refOrigin]
				}
				at, ok := where[refOrigin]
				if !ok {
					at = doctree.MsgOpts{BaseNode: refOrigin}
				}
				msg := doc.Reporter.Error(fmt.Sprintf("Circular substitution definition referenced: \"%s\".", refname), at)
				replaceSelf(ref, problematic(doc, ref, msg))
			}
			continue
		}
		kids := append([]doctree.Node(nil), subdefCopy.Children...)
		if src, line := doctree.SourceLine(ref); src != "" || line != 0 {
			where[ref] = doctree.MsgOpts{Source: src, SourceLine: line}
		}
		replaceSelf(ref, kids...)
		// Register the refnames of the replacement, so that the
		// reference transforms resolve them.
		for _, n := range kids {
			if e, ok := n.(*doctree.Element); ok && e.Is(doctree.ClassReferential) && e.Has("refname") {
				doc.NoteRefName(e)
			}
		}
	}
	return nil
}

// maxSubstitutions bounds the substitution references one document may
// expand, nested ones included.
const maxSubstitutions = 100000

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func trimRight(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !doctree.IsSpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

func trimLeft(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !doctree.IsSpace(r) {
			break
		}
		s = s[size:]
	}
	return s
}

// trimFootnoteReferenceSpace is docutils' get_trim_footnote_ref_space.
func trimFootnoteReferenceSpace(s *doctree.Settings) bool {
	return s.TrimFootnoteReferenceSpace || s.FootnoteReferences == "superscript"
}

func targetNotes(ctx *Context) error {
	doc := ctx.Doc
	if ctx.Pending == nil {
		return fmt.Errorf("needs a pending element")
	}
	var classes []string
	if ctx.Pending.Pending != nil {
		switch c := ctx.Pending.Pending.Details["class"].(type) {
		case []string:
			classes = c
		case string:
			classes = []string{c}
		}
	}
	notes := map[string]*doctree.Element{}
	var nodelist []doctree.Node
	add := func(refuri string, refs []*doctree.Element) {
		fn := makeTargetFootnote(doc, refuri, refs, notes, classes)
		if _, ok := notes[refuri]; !ok {
			notes[refuri] = fn
			nodelist = append(nodelist, fn)
		}
	}
	for _, target := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		if !target.Has("refuri") {
			continue
		}
		var refs []*doctree.Element
		for _, name := range target.Names {
			refs = append(refs, doc.RefNames[name]...)
		}
		if len(refs) == 0 {
			continue
		}
		add(target.GetString("refuri"), refs)
	}
	for _, ref := range doctree.FindTag(doc.Root, doctree.TagReference) {
		if !isAnonymous(ref) || !ref.Has("refuri") {
			continue
		}
		add(ref.GetString("refuri"), []*doctree.Element{ref})
	}
	replaceSelf(ctx.Pending, nodelist...)
	return nil
}

func makeTargetFootnote(doc *doctree.Document, refuri string, refs []*doctree.Element, notes map[string]*doctree.Element, classes []string) *doctree.Element {
	fn, dup := notes[refuri]
	var name string
	if dup {
		if len(fn.Names) > 0 {
			name = fn.Names[0]
		}
	} else {
		fn = doctree.NewElement(doctree.TagFootnote)
		id := doc.SetID(fn, nil, "")
		// Upper-case letters and a colon: the parser cannot make such a
		// name.
		name = "TARGET_NOTE: " + id
		fn.Set("auto", 1)
		fn.Names = []string{name}
		para := doctree.NewElement(doctree.TagParagraph)
		ref := doctree.NewTextElement(doctree.TagReference, "", refuri)
		ref.Set("refuri", refuri)
		para.Append(ref)
		fn.Append(para)
		doc.NoteAutoFootnote(fn)
		doc.NoteExplicitTarget(fn, fn)
	}
	for _, ref := range refs {
		if ref.Tag == doctree.TagTarget || ref.Parent() == nil {
			continue
		}
		refnode := doctree.NewElement(doctree.TagFootnoteReference)
		refnode.Set("refname", name)
		refnode.Set("auto", 1)
		refnode.Classes = append(refnode.Classes, classes...)
		doc.NoteAutoFootnoteRef(refnode)
		doc.NoteFootnoteRef(refnode)
		index := ref.Parent().Index(ref) + 1
		reflist := []doctree.Node{refnode}
		if !trimFootnoteReferenceSpace(doc.Settings) {
			if len(classes) > 0 {
				sp := doctree.NewTextElement(doctree.TagInline, "", " ")
				sp.Classes = append([]string(nil), classes...)
				reflist = append([]doctree.Node{sp}, reflist...)
			} else {
				reflist = append([]doctree.Node{doctree.NewText(" ")}, reflist...)
			}
		}
		ref.Parent().Insert(index, reflist...)
	}
	return fn
}

func danglingReferences(ctx *Context) error {
	doc := ctx.Doc
	danglingWalk(ctx, doc.Root)
	// After resolving all references, look for unreferenced targets.
	for _, target := range doctree.FindTag(doc.Root, doctree.TagTarget) {
		if target.Referenced {
			continue
		}
		if isAnonymous(target) {
			// An anonymous mismatch has been reported already.
			continue
		}
		var naming string
		switch {
		case len(target.Names) > 0:
			naming = target.Names[0]
		case len(target.IDs) > 0:
			naming = target.IDs[0]
		default:
			// Propagated targets always have a refid.
			naming = target.GetString("refid")
		}
		doc.Reporter.Info(fmt.Sprintf("Hyperlink target \"%s\" is not referenced.", naming), doctree.MsgOpts{BaseNode: target})
	}
	return nil
}

// danglingWalk visits the tree as docutils' DanglingReferencesVisitor:
// each element's children are taken before they are visited, so a
// reference replaced by a problematic still has its children walked.
func danglingWalk(ctx *Context, e *doctree.Element) {
	switch e.Tag {
	case doctree.TagReference, doctree.TagFootnoteReference, doctree.TagCitationReference:
		visitDangling(ctx, e)
	}
	for _, c := range append([]doctree.Node(nil), e.Children...) {
		if ce, ok := c.(*doctree.Element); ok {
			danglingWalk(ctx, ce)
		}
	}
}

func visitDangling(ctx *Context, node *doctree.Element) {
	doc := ctx.Doc
	if node.Resolved || !node.Has("refname") {
		return
	}
	refname := node.GetString("refname")
	id := doc.NameIDs[refname]
	if id != "" {
		node.Del("refname")
		node.Set("refid", id)
		if t := doc.IDs[id]; t != nil {
			t.NoteReferencedBy("", id)
		}
		node.Resolved = true
		return
	}
	for _, res := range ctx.Transformer.Resolvers {
		if res.Resolve(node) {
			return
		}
	}
	var msg *doctree.Element
	if doc.HasName(refname) {
		msg = doc.Reporter.Error(fmt.Sprintf("Duplicate target name, cannot be used as a unique reference: \"%s\".", refname),
			doctree.MsgOpts{BaseNode: node})
	} else {
		msg = doc.Reporter.Error(fmt.Sprintf("Unknown target name: \"%s\".", refname), doctree.MsgOpts{BaseNode: node})
	}
	msgid := doc.SetID(msg, nil, "")
	prb := doctree.NewTextElement(doctree.TagProblematic, node.RawSource, node.RawSource)
	prb.Set("refid", msgid)
	var prbid string
	if len(node.IDs) > 0 {
		prbid = node.IDs[0]
	} else {
		prbid = doc.SetID(prb, nil, "")
	}
	msg.AddBackRef(prbid)
	replaceSelf(node, prb)
}
