package transforms

import (
	"errors"
	"reflect"
	"testing"

	"github.com/docbuild/docbuild/doctree"
)

func TestNormalizeLanguageTag(t *testing.T) {
	for in, want := range map[string][]string{
		"de_AT-1901":      {"de-at-1901", "de-at", "de-1901", "de"},
		"de-CH-x_altquot": {"de-ch-x-altquot", "de-ch", "de-x-altquot", "de"},
		"en":              {"en"},
		"":                {""},
	} {
		if got := NormalizeLanguageTag(in); !reflect.DeepEqual(got, want) {
			t.Errorf("NormalizeLanguageTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// recorder makes transforms that log their names when applied.
type recorder struct{ log []string }

func (r *recorder) make(name string, prio int) *Transform {
	return &Transform{Name: name, Priority: prio, Apply: func(*Context) error {
		r.log = append(r.log, name)
		return nil
	}}
}

func TestTransformerOrder(t *testing.T) {
	doc := doctree.NewDocument("test", nil)
	rec := &recorder{}
	reg := NewRegistry()
	pend := rec.make("x.Pending", 500)
	reg.Add(pend)
	// A pending element noted while parsing, with the default priority.
	p := doctree.NewElement(doctree.TagPending)
	p.Pending = &doctree.PendingInfo{Transform: "x.Pending"}
	doc.Root.Append(p)
	doc.NotePending(p, -1)
	tr := NewTransformer(doc, reg)
	// Added later, so they follow the pending one on equal priorities.
	tr.AddTransforms(rec.make("b", 500), rec.make("a", 100), rec.make("c", 500))
	// A transform that queues another while running.
	tr.Add(&Transform{Name: "adder", Priority: 200, Apply: func(ctx *Context) error {
		rec.log = append(rec.log, "adder")
		ctx.Transformer.Add(rec.make("late", 300), -1)
		q := doctree.NewElement(doctree.TagPending)
		q.Pending = &doctree.PendingInfo{Transform: "x.Pending"}
		ctx.Doc.NotePending(q, 250)
		return nil
	}}, -1)
	if err := tr.Apply(); err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "adder", "x.Pending", "late", "x.Pending", "b", "c"}
	if !reflect.DeepEqual(rec.log, want) {
		t.Errorf("order %q, want %q", rec.log, want)
	}
}

func TestTransformerMessagesAndErrors(t *testing.T) {
	doc := doctree.NewDocument("test", nil)
	obs := len(doc.Reporter.Observers)
	p := doctree.NewElement(doctree.TagPending)
	p.Pending = &doctree.PendingInfo{Transform: "no.Such"}
	doc.Root.Append(p)
	doc.NotePending(p, -1)
	tr := NewTransformer(doc, NewRegistry())
	ran := false
	tr.Add(&Transform{Name: "warn", Priority: 10, Apply: func(ctx *Context) error {
		ctx.Reporter().Warning("careful", doctree.MsgOpts{})
		ran = true
		return nil
	}}, -1)
	err := tr.Apply()
	if err == nil || !ran {
		t.Fatalf("want an error for the unknown transform and the others run; err %v, ran %v", err, ran)
	}
	if len(doc.TransformMessages) != 1 {
		t.Errorf("%d transform messages, want 1", len(doc.TransformMessages))
	}
	if len(doc.Reporter.Observers) != obs {
		t.Errorf("observer left attached")
	}
	if err := tr.AddNames("references.Substitutions"); err == nil {
		t.Errorf("an empty registry knows references.Substitutions")
	}
}

func TestTransformerHalt(t *testing.T) {
	s := doctree.DefaultSettings()
	s.HaltLevel = doctree.LevelError
	doc := doctree.NewDocument("test", s)
	tr := NewTransformer(doc, NewStandardRegistry())
	next := false
	tr.Add(&Transform{Name: "fail", Priority: 10, Apply: func(ctx *Context) error {
		ctx.Reporter().Error("stop", doctree.MsgOpts{})
		return nil
	}}, -1)
	tr.Add(&Transform{Name: "next", Priority: 20, Apply: func(*Context) error { next = true; return nil }}, -1)
	err := tr.Apply()
	var h *doctree.HaltError
	if !errors.As(err, &h) || next {
		t.Errorf("want a halt before the next transform; err %v, next ran %v", err, next)
	}
	if len(doc.Reporter.Observers) != 0 {
		t.Errorf("observer left attached after a halt")
	}
}

func TestRegistryLookup(t *testing.T) {
	reg := NewStandardRegistry()
	for _, n := range []string{"references.Substitutions", "docutils.transforms.references.Substitutions"} {
		if reg.Lookup(n) != Substitutions {
			t.Errorf("Lookup(%q) failed", n)
		}
	}
	for _, tr := range All() {
		if reg.Lookup(tr.Name) != tr {
			t.Errorf("%s not registered", tr.Name)
		}
	}
}
