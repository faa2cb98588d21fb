package doctree

import (
	"sync"
	"sync/atomic"
)

// classTable holds the categories of every known tag. Lookups happen for
// nearly every node made or read, so the map is immutable once published:
// readers load it without locking and RegisterClass publishes a copy.
var (
	classTable atomic.Pointer[map[string]Class]
	classMu    sync.Mutex
)

func init() {
	m := make(map[string]Class, len(classes))
	for k, v := range classes {
		m[k] = v
	}
	classTable.Store(&m)
}

// RegisterClass records the categories of an element tag that docutils does
// not define (Sphinx's and extensions' nodes). Registering a tag again
// replaces its categories. It is safe for concurrent use but copies the
// table, so it is meant for start-up.
func RegisterClass(tag string, c Class) {
	classMu.Lock()
	defer classMu.Unlock()
	old := *classTable.Load()
	if cur, ok := old[tag]; ok && cur == c {
		return
	}
	m := make(map[string]Class, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[tag] = c
	classTable.Store(&m)
}

// ClassOf returns the categories of a tag; 0 for an unknown tag.
func ClassOf(tag string) Class { return (*classTable.Load())[tag] }

// Is reports whether the element belongs to every category in c.
func (e *Element) Is(c Class) bool { return ClassOf(e.Tag)&c == c }

// IsTextElement reports whether tag is a docutils TextElement class.
func IsTextElement(tag string) bool { return ClassOf(tag)&ClassTextElement != 0 }

// IsFixedText reports whether tag is a docutils FixedTextElement class.
func IsFixedText(tag string) bool { return ClassOf(tag)&ClassFixedTextElement != 0 }
