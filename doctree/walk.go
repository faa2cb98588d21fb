package doctree

import "strings"

// Visitor's Visit is called for each node in Walk. If it returns a non-nil
// visitor w, Walk visits the node's children with w and then calls
// w.Visit(nil), as go/ast.Walk does.
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in depth-first order.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	if e, ok := n.(*Element); ok {
		for i := 0; i < len(e.Children); i++ {
			Walk(v, e.Children[i])
		}
	}
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if n != nil && f(n) {
		return f
	}
	return nil
}

// Inspect calls f for each node of the tree rooted at n, in depth-first
// order; when f returns false the node's children are skipped.
func Inspect(n Node, f func(Node) bool) { Walk(inspector(f), n) }

// FindAll returns the elements of the subtree rooted at e (e included) for
// which match returns true, in document order. The result is a snapshot, so
// callers may change the tree while going through it (docutils' findall
// used with list()).
func FindAll(e *Element, match func(*Element) bool) []*Element {
	var out []*Element
	var rec func(*Element)
	rec = func(x *Element) {
		if match(x) {
			out = append(out, x)
		}
		for _, c := range x.Children {
			if ce, ok := c.(*Element); ok {
				rec(ce)
			}
		}
	}
	rec(e)
	return out
}

// FindTag returns the elements with one of tags in the subtree rooted at e.
func FindTag(e *Element, tags ...string) []*Element {
	return FindAll(e, func(x *Element) bool {
		for _, t := range tags {
			if x.Tag == t {
				return true
			}
		}
		return false
	})
}

// NextNode returns the first element after e in document order (descendants
// first, then following siblings and their ancestors' siblings) for which
// match returns true, or nil. With descend false, e's descendants are
// skipped; with siblings only, ancestors' siblings are not searched.
func NextNode(e *Element, match func(*Element) bool, descend, ascend bool) *Element {
	if descend {
		for _, c := range e.Children {
			if ce, ok := c.(*Element); ok {
				if r := firstIn(ce, match); r != nil {
					return r
				}
			}
		}
	}
	for n := e; n != nil; n = n.parent {
		p := n.parent
		if p == nil {
			return nil
		}
		i := p.Index(n)
		for _, c := range p.Children[i+1:] {
			if ce, ok := c.(*Element); ok {
				if r := firstIn(ce, match); r != nil {
					return r
				}
			}
		}
		if !ascend {
			return nil
		}
	}
	return nil
}

func firstIn(e *Element, match func(*Element) bool) *Element {
	if match(e) {
		return e
	}
	for _, c := range e.Children {
		if ce, ok := c.(*Element); ok {
			if r := firstIn(ce, match); r != nil {
				return r
			}
		}
	}
	return nil
}

// CleanText is Sphinx's clean_astext: e's text without raw elements and
// image alternative texts, as titles are shown in tables of contents and
// link texts.
func CleanText(e *Element) string {
	var b strings.Builder
	Inspect(e, func(n Node) bool {
		switch x := n.(type) {
		case *Text:
			b.WriteString(x.AsText())
		case *Element:
			if x.Tag == "raw" || x.Tag == "image" {
				return false
			}
		}
		return true
	})
	return b.String()
}
