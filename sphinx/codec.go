package sphinx

import (
	"fmt"

	"github.com/docbuild/docbuild/doctree"
)

// RegisterCodecs adds to set the codecs of this package's attribute value
// types (toctree and index entries, highlight arguments), so that
// doctree.EncodeDocument, with which a build keeps each read tree encoded
// until its document is written, can carry them. The names are part of
// the encoding: changing one makes older encodings unreadable, which only
// matters once encodings outlive a build.
func RegisterCodecs(set *doctree.ValueCodecs) {
	doctree.RegisterValueCodec(set, "sphinx.TocEntries",
		func(w *doctree.ValueWriter, t TocEntries) {
			w.Len(lenOrNil(t == nil, len(t)))
			for _, e := range t {
				w.String(e.Title)
				w.String(e.Ref)
			}
		},
		func(r *doctree.ValueReader) (TocEntries, error) {
			n := r.Len()
			if n < 0 {
				return nil, r.Err()
			}
			t := make(TocEntries, n)
			for i := range t {
				t[i] = TocEntry{Title: r.String(), Ref: r.String()}
			}
			return t, r.Err()
		})
	doctree.RegisterValueCodec(set, "sphinx.IndexEntries",
		func(w *doctree.ValueWriter, t IndexEntries) {
			w.Len(lenOrNil(t == nil, len(t)))
			for _, e := range t {
				w.String(e.Type)
				w.String(e.Value)
				w.String(e.TargetID)
				w.String(e.Main)
				w.String(e.Key)
				w.Bool(e.HasKey)
			}
		},
		func(r *doctree.ValueReader) (IndexEntries, error) {
			n := r.Len()
			if n < 0 {
				return nil, r.Err()
			}
			t := make(IndexEntries, n)
			for i := range t {
				t[i] = IndexEntry{Type: r.String(), Value: r.String(), TargetID: r.String(),
					Main: r.String(), Key: r.String(), HasKey: r.Bool()}
			}
			return t, r.Err()
		})
	doctree.RegisterValueCodec(set, "sphinx.HighlightArgs",
		func(w *doctree.ValueWriter, h HighlightArgs) {
			w.Value(h.HLLines)
			w.Int(h.LinenoStart)
			w.Bool(h.HasLinenoStart)
		},
		func(r *doctree.ValueReader) (HighlightArgs, error) {
			var h HighlightArgs
			if v := r.Value(); v != nil {
				l, ok := v.([]int)
				if !ok {
					return h, fmt.Errorf("hl_lines of type %T", v)
				}
				h.HLLines = l
			}
			h.LinenoStart = r.Int()
			h.HasLinenoStart = r.Bool()
			return h, r.Err()
		})
}

// lenOrNil is the length ValueWriter.Len takes: -1 for a nil slice, so
// that nil and empty stay apart.
func lenOrNil(isNil bool, n int) int {
	if isNil {
		return -1
	}
	return n
}
