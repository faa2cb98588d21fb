package doctree

import (
	"testing"
	"unsafe"
)

func TestRareFields(t *testing.T) {
	e := NewElement("footnote")
	if e.rare != nil || e.Has("backrefs") != true || len(e.BackRefs()) != 0 {
		t.Fatal("a fresh element has empty list attributes and no rare part")
	}
	e.Get("dupnames")
	if e.rare != nil {
		t.Error("reading dupnames made room for it")
	}
	e.AddBackRef("r1")
	DupName(e, "x")
	c := e.Copy()
	e.AddBackRef("r2")
	if got := c.BackRefs(); len(got) != 1 || got[0] != "r1" {
		t.Errorf("copy's backrefs = %v, want [r1]", got)
	}
	if got := c.GetStrings("dupnames"); len(got) != 1 || got[0] != "x" {
		t.Errorf("copy's dupnames = %v, want [x]", got)
	}
	e.Del("backrefs")
	if len(e.BackRefs()) != 0 {
		t.Error("Del did not empty backrefs")
	}
}

// TestElementSize keeps the element inside the 208-byte size class: a
// large project holds hundreds of thousands of elements, and every field
// added here costs memory on each. Rare fields go in elementRare.
func TestElementSize(t *testing.T) {
	if got := unsafe.Sizeof(Element{}); got > 208 {
		t.Errorf("Element is %d bytes, want at most 208", got)
	}
}
