package doctree

import "fmt"

// Document is the root of a tree plus the document-wide registries that
// parsers fill and transforms consume (docutils' nodes.document). Each
// parse has its own Document; nothing here is shared between documents.
type Document struct {
	Root     *Element
	Settings *Settings
	Reporter *Reporter

	IndirectTargets   []*Element
	SubstitutionDefs  map[string]*Element
	SubstitutionNames map[string]string
	RefNames          map[string][]*Element
	RefIDs            map[string][]*Element
	// NameIDs maps names to ids; "" stands for docutils' None (a name
	// whose target was invalidated by a duplicate).
	NameIDs   map[string]string
	NameTypes map[string]bool
	IDs       map[string]*Element

	FootnoteRefs        map[string][]*Element
	CitationRefs        map[string][]*Element
	AutoFootnotes       []*Element
	AutoFootnoteRefs    []*Element
	SymbolFootnotes     []*Element
	SymbolFootnoteRefs  []*Element
	Footnotes           []*Element
	Citations           []*Element
	AutoFootnoteStart   int
	SymbolFootnoteStart int

	idCounter map[string]int

	ParseMessages     []*Element
	TransformMessages []*Element
	// Pending lists the pending elements noted during parsing, with the
	// priority they were noted with (-1: the transform's default).
	Pending []PendingNote
	// IncludeLog holds the chain of included files, to detect loops.
	IncludeLog []IncludeRecord
	Decoration *Element

	CurrentSource string
	CurrentLine   int

	// Halted is set when a message at the halt level stopped processing;
	// the tree then holds what was made before it.
	Halted *HaltError

	// Env is the build environment of the project the document belongs to
	// (Sphinx's document.settings.env), as the sphinx package defines it;
	// nil when a single file is parsed on its own.
	Env any
}

// PendingNote is a pending element waiting for its transform.
type PendingNote struct {
	Node     *Element
	Priority int
}

// IncludeRecord is one entry of the include log: a file and the options it
// was included with, as the include directive records them.
type IncludeRecord struct {
	Path string
	Key  string
}

// NewDocument returns an empty document for source with the given settings.
func NewDocument(source string, settings *Settings) *Document {
	if settings == nil {
		settings = DefaultSettings()
	}
	root := NewElement(TagDocument)
	root.Set("source", source)
	d := &Document{
		Root:              root,
		Settings:          settings,
		Reporter:          NewReporter(source, settings),
		SubstitutionDefs:  map[string]*Element{},
		SubstitutionNames: map[string]string{},
		RefNames:          map[string][]*Element{},
		RefIDs:            map[string][]*Element{},
		NameIDs:           map[string]string{},
		NameTypes:         map[string]bool{},
		IDs:               map[string]*Element{},
		FootnoteRefs:      map[string][]*Element{},
		CitationRefs:      map[string][]*Element{},
		AutoFootnoteStart: 1,
		idCounter:         map[string]int{},
		CurrentSource:     source,
	}
	return d
}

// SetID gives node an id (registering existing ones) and returns it. A
// duplicate id gives a SEVERE message, appended to msgnode when it is not
// nil. The id is made from the node's names or, failing that, from
// auto_id_prefix and a counter, exactly as docutils' document.set_id.
func (d *Document) SetID(node *Element, msgnode *Element, suggestedPrefix string) string {
	if len(node.IDs) > 0 {
		var id string
		for _, id = range node.IDs {
			if old, ok := d.IDs[id]; !ok {
				d.IDs[id] = node
			} else if old != node {
				msg := d.Reporter.Severe(fmt.Sprintf("Duplicate ID: \"%s\".", id), MsgOpts{})
				if msgnode != nil {
					msgnode.Append(msg)
				}
			}
		}
		return id
	}
	idPrefix := d.Settings.IDPrefix
	autoPrefix := d.Settings.AutoIDPrefix
	baseID, id := "", ""
	found := false
	for _, name := range node.Names {
		if idPrefix != "" {
			baseID = MakeID("x" + name)
			if baseID != "" {
				baseID = baseID[1:]
			}
		} else {
			baseID = MakeID(name)
		}
		id = idPrefix + baseID
		if _, taken := d.IDs[id]; baseID != "" && !taken {
			found = true
			break
		}
	}
	if !found {
		var prefix string
		if baseID != "" && len(autoPrefix) > 0 && autoPrefix[len(autoPrefix)-1] == '%' {
			prefix = id + "-"
		} else {
			prefix = idPrefix + autoPrefix
			if len(prefix) > 0 && prefix[len(prefix)-1] == '%' {
				p := suggestedPrefix
				if p == "" {
					p = MakeID(node.Tag)
				}
				prefix = prefix[:len(prefix)-1] + p + "-"
			}
		}
		for {
			d.idCounter[prefix]++
			id = fmt.Sprintf("%s%d", prefix, d.idCounter[prefix])
			if _, taken := d.IDs[id]; !taken {
				break
			}
		}
	}
	node.IDs = append(node.IDs, id)
	d.IDs[id] = node
	return id
}

// setNameIDMap records node's names, handling duplicates as docutils'
// set_name_id_map does.
func (d *Document) setNameIDMap(node *Element, id string, msgnode *Element, explicit bool) {
	names := append([]string(nil), node.Names...)
	for _, name := range names {
		if _, ok := d.NameIDs[name]; ok {
			d.setDuplicateNameID(node, id, name, msgnode, explicit)
		} else {
			d.NameIDs[name] = id
			d.NameTypes[name] = explicit
		}
	}
}

func (d *Document) setDuplicateNameID(node *Element, id, name string, msgnode *Element, explicit bool) {
	oldID := d.NameIDs[name]
	oldExplicit := d.NameTypes[name]
	d.NameTypes[name] = oldExplicit || explicit
	if explicit {
		if oldExplicit {
			level := LevelWarning
			if oldID != "" {
				oldNode := d.IDs[oldID]
				if refuri, ok := node.Get("refuri"); ok {
					if oldNode != nil && len(oldNode.Names) > 0 {
						if oldURI, ok := oldNode.Get("refuri"); ok && oldURI == refuri {
							level = LevelInfo
						}
					}
				}
				if level > LevelInfo {
					if oldNode != nil {
						DupName(oldNode, name)
					}
					d.NameIDs[name] = ""
				}
			}
			msg := d.Reporter.SystemMessage(level, fmt.Sprintf("Duplicate explicit target name: \"%s\".", name),
				MsgOpts{BackRefs: []string{id}, BaseNode: node})
			if msgnode != nil {
				msgnode.Append(msg)
			}
			DupName(node, name)
		} else {
			d.NameIDs[name] = id
			if oldID != "" {
				if oldNode := d.IDs[oldID]; oldNode != nil {
					DupName(oldNode, name)
				}
			}
		}
	} else {
		if oldID != "" && !oldExplicit {
			d.NameIDs[name] = ""
			if oldNode := d.IDs[oldID]; oldNode != nil {
				DupName(oldNode, name)
			}
		}
		DupName(node, name)
	}
	if !explicit || (!oldExplicit && oldID != "") {
		msg := d.Reporter.Info(fmt.Sprintf("Duplicate implicit target name: \"%s\".", name),
			MsgOpts{BackRefs: []string{id}, BaseNode: node})
		if msgnode != nil {
			msgnode.Append(msg)
		}
	}
}

// HasName reports whether a target name is registered.
func (d *Document) HasName(name string) bool {
	_, ok := d.NameIDs[name]
	return ok
}

// NoteImplicitTarget registers a target made implicitly (a section title).
func (d *Document) NoteImplicitTarget(target, msgnode *Element) {
	id := d.SetID(target, msgnode, "")
	d.setNameIDMap(target, id, msgnode, false)
}

// NoteExplicitTarget registers an explicitly named target.
func (d *Document) NoteExplicitTarget(target, msgnode *Element) {
	id := d.SetID(target, msgnode, "")
	d.setNameIDMap(target, id, msgnode, true)
}

// NoteRefName records a node that refers to a name.
func (d *Document) NoteRefName(node *Element) {
	name := node.GetString("refname")
	d.RefNames[name] = append(d.RefNames[name], node)
}

// NoteRefID records a node that refers to an id.
func (d *Document) NoteRefID(node *Element) {
	id := node.GetString("refid")
	d.RefIDs[id] = append(d.RefIDs[id], node)
}

// NoteIndirectTarget records an indirect target.
func (d *Document) NoteIndirectTarget(target *Element) {
	d.IndirectTargets = append(d.IndirectTargets, target)
	if len(target.Names) > 0 {
		d.NoteRefName(target)
	}
}

// NoteAnonymousTarget gives an anonymous target its id.
func (d *Document) NoteAnonymousTarget(target *Element) { d.SetID(target, nil, "") }

// NoteAutoFootnote records an auto-numbered footnote.
func (d *Document) NoteAutoFootnote(f *Element) {
	d.SetID(f, nil, "")
	d.AutoFootnotes = append(d.AutoFootnotes, f)
}

// NoteAutoFootnoteRef records a reference to an auto-numbered footnote.
func (d *Document) NoteAutoFootnoteRef(ref *Element) {
	d.SetID(ref, nil, "")
	d.AutoFootnoteRefs = append(d.AutoFootnoteRefs, ref)
}

// NoteSymbolFootnote records a symbol footnote.
func (d *Document) NoteSymbolFootnote(f *Element) {
	d.SetID(f, nil, "")
	d.SymbolFootnotes = append(d.SymbolFootnotes, f)
}

// NoteSymbolFootnoteRef records a reference to a symbol footnote.
func (d *Document) NoteSymbolFootnoteRef(ref *Element) {
	d.SetID(ref, nil, "")
	d.SymbolFootnoteRefs = append(d.SymbolFootnoteRefs, ref)
}

// NoteFootnote records a manually numbered footnote.
func (d *Document) NoteFootnote(f *Element) {
	d.SetID(f, nil, "")
	d.Footnotes = append(d.Footnotes, f)
}

// NoteFootnoteRef records a reference to a manually numbered footnote.
func (d *Document) NoteFootnoteRef(ref *Element) {
	d.SetID(ref, nil, "")
	name := ref.GetString("refname")
	d.FootnoteRefs[name] = append(d.FootnoteRefs[name], ref)
	d.NoteRefName(ref)
}

// NoteCitation records a citation.
func (d *Document) NoteCitation(c *Element) { d.Citations = append(d.Citations, c) }

// NoteCitationRef records a citation reference.
func (d *Document) NoteCitationRef(ref *Element) {
	d.SetID(ref, nil, "")
	name := ref.GetString("refname")
	d.CitationRefs[name] = append(d.CitationRefs[name], ref)
	d.NoteRefName(ref)
}

// NoteSubstitutionDef records a substitution definition; a duplicate gives
// an ERROR message appended to msgnode, and the last definition wins.
func (d *Document) NoteSubstitutionDef(subdef *Element, defName string, msgnode *Element) {
	name := WhitespaceNormalizeName(defName)
	if old, ok := d.SubstitutionDefs[name]; ok {
		msg := d.Reporter.Error(fmt.Sprintf("Duplicate substitution definition name: \"%s\".", name),
			MsgOpts{BaseNode: subdef})
		if msgnode != nil {
			msgnode.Append(msg)
		}
		DupName(old, name)
	}
	d.SubstitutionDefs[name] = subdef
	d.SubstitutionNames[FullyNormalizeName(name)] = name
}

// NoteSubstitutionRef sets a substitution reference's refname.
func (d *Document) NoteSubstitutionRef(subref *Element, refname string) {
	subref.Set("refname", WhitespaceNormalizeName(refname))
}

// NotePending queues a pending element for its transform; priority -1 means
// the transform's default priority.
func (d *Document) NotePending(p *Element, priority int) {
	d.Pending = append(d.Pending, PendingNote{Node: p, Priority: priority})
}

// NoteParseMessage records a message made while parsing.
func (d *Document) NoteParseMessage(msg *Element) { d.ParseMessages = append(d.ParseMessages, msg) }

// NoteTransformMessage records a message made by a transform.
func (d *Document) NoteTransformMessage(msg *Element) {
	d.TransformMessages = append(d.TransformMessages, msg)
}

// NoteSource records the source and line being processed (offset is
// 0-based; -1 for none).
func (d *Document) NoteSource(source string, offset int) {
	d.CurrentSource = source
	d.CurrentLine = offset + 1
}

// GetDecoration returns the document's decoration element, creating it
// after the titles and meta elements when needed.
func (d *Document) GetDecoration() *Element {
	if d.Decoration == nil {
		d.Decoration = NewElement(TagDecoration)
		idx := -1
		for i, c := range d.Root.Children {
			if ce, ok := c.(*Element); ok && (ce.Is(ClassTitular) || ce.Tag == TagMeta) {
				continue
			}
			idx = i
			break
		}
		if idx < 0 {
			d.Root.Append(d.Decoration)
		} else {
			d.Root.Insert(idx, d.Decoration)
		}
	}
	return d.Decoration
}
