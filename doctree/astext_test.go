package doctree

import "testing"

// AsText follows the astext overrides of docutils' node classes.
func TestAsTextOverrides(t *testing.T) {
	img := NewElement(TagImage)
	img.Set("alt", "test badge")
	img.Set("uri", "badge.svg")
	title := NewTextElement("title", "", "")
	title.Append(NewText("pkgconf "))
	title.Append(img)
	if got := title.AsText(); got != "pkgconf test badge" {
		t.Errorf("title with an image: %q", got)
	}
	if got := NewElement(TagImage).AsText(); got != "" {
		t.Errorf("image without alt: %q", got)
	}
	arg := NewTextElement(TagOptionArgument, "FILE", "FILE")
	if got := arg.AsText(); got != " FILE" {
		t.Errorf("option_argument: %q", got)
	}
	arg.Set("delimiter", "=")
	if got := arg.AsText(); got != "=FILE" {
		t.Errorf("option_argument with =: %q", got)
	}
}
