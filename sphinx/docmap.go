package sphinx

import (
	"runtime"
	"sync"
	"weak"

	"github.com/docbuild/docbuild/doctree"
)

// docMap holds scratch state for documents read without a DocEnv (a single
// file given to docbuild on its own). The documents are weakly referenced:
// an entry goes away when its document is collected, so nothing leaks and
// doctree.Document needs no field for it.
type docMap struct {
	mu sync.Mutex
	m  map[weak.Pointer[doctree.Document]]map[string]any
}

func newDocMap() *docMap {
	return &docMap{m: map[weak.Pointer[doctree.Document]]map[string]any{}}
}

// get returns the state of doc, creating it on first use.
func (d *docMap) get(doc *doctree.Document) map[string]any {
	key := weak.Make(doc)
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, ok := d.m[key]; ok {
		return s
	}
	s := map[string]any{}
	d.m[key] = s
	runtime.AddCleanup(doc, func(k weak.Pointer[doctree.Document]) {
		d.mu.Lock()
		delete(d.m, k)
		d.mu.Unlock()
	}, key)
	return s
}
