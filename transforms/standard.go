package transforms

// All returns docutils' transforms that docbuild implements.
func All() []*Transform {
	return []*Transform{
		PropagateTargets, AnonymousHyperlinks, IndirectHyperlinks, ExternalTargets,
		InternalTargets, Footnotes, Substitutions, TargetNotes, DanglingReferences,
		DocTitle, SectionSubTitle, DocInfo,
		SectNum, Contents,
		CallBack, ClassAttribute, Transitions,
		Decorations, ExposeInternals, Messages, FilterMessages, TestMessages,
		StripComments, StripClassesAndElements, SmartQuotes,
		Filter, Admonitions, PEPTargetNotes,
	}
}

// NewStandardRegistry returns a registry holding every transform of All.
// Each call returns a new registry, which the caller may extend.
func NewStandardRegistry() *Registry {
	r := NewRegistry()
	r.Add(All()...)
	return r
}

// ReaderTransforms are the standalone reader's transforms
// (docutils.readers.standalone.Reader.get_transforms, which includes the
// base Reader's).
func ReaderTransforms() []*Transform {
	return []*Transform{
		Decorations, ExposeInternals, StripComments,
		Substitutions, PropagateTargets, DocTitle, SectionSubTitle, DocInfo,
		AnonymousHyperlinks, IndirectHyperlinks, Footnotes, ExternalTargets,
		InternalTargets, DanglingReferences, Transitions,
	}
}

// RSTParserTransforms are the reStructuredText parser's transforms.
func RSTParserTransforms() []*Transform { return []*Transform{SmartQuotes} }

// WriterTransforms are every docutils writer's transforms (the base
// Writer's; the pseudo-XML writer adds none).
func WriterTransforms() []*Transform {
	return []*Transform{Messages, FilterMessages, StripClassesAndElements}
}

// HTMLWriterTransforms are the HTML writers' transforms (docutils'
// _html_base.Writer adds Admonitions to the base Writer's).
func HTMLWriterTransforms() []*Transform {
	return append(WriterTransforms(), Admonitions)
}

// PseudoXMLTransforms are the transforms rst2pseudoxml applies, in the
// order docutils' Publisher adds them (reader, parser, writer): the order
// breaks ties between equal priorities.
func PseudoXMLTransforms() []*Transform {
	var out []*Transform
	out = append(out, ReaderTransforms()...)
	out = append(out, RSTParserTransforms()...)
	return append(out, WriterTransforms()...)
}

// pseudoXMLWriter is the pseudo-XML writer as a component: it supports
// every format (docutils' pseudoxml Writer.supports).
type pseudoXMLWriter struct{}

func (pseudoXMLWriter) Supports(string) bool { return true }

// PseudoXMLWriter is the component to register as "writer" when the
// output is pseudo-XML.
var PseudoXMLWriter Component = pseudoXMLWriter{}
