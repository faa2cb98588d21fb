package doctree

import "sync"

var classMu sync.RWMutex

// RegisterClass records the categories of an element tag that docutils does
// not define (Sphinx's and extensions' nodes). Registering a tag again
// replaces its categories. It is safe for concurrent use, but meant for
// program start-up.
func RegisterClass(tag string, c Class) {
	classMu.Lock()
	classes[tag] = c
	classMu.Unlock()
}

// ClassOf returns the categories of a tag; 0 for an unknown tag.
func ClassOf(tag string) Class {
	classMu.RLock()
	c := classes[tag]
	classMu.RUnlock()
	return c
}

// Is reports whether the element belongs to every category in c.
func (e *Element) Is(c Class) bool { return ClassOf(e.Tag)&c == c }

// IsTextElement reports whether tag is a docutils TextElement class.
func IsTextElement(tag string) bool { return ClassOf(tag)&ClassTextElement != 0 }

// IsFixedText reports whether tag is a docutils FixedTextElement class.
func IsFixedText(tag string) bool { return ClassOf(tag)&ClassFixedTextElement != 0 }
