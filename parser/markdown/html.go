package markdown

import "github.com/docbuild/docbuild/doctree"

// htmlExtensions converts HTML made only of <img> elements (html_image) or
// admonition <div>s (html_admonition) into directives, as MyST's
// html_to_nodes does; ok is false when the HTML is something else.
func (r *renderer) htmlExtensions(text string, line int) ([]doctree.Node, bool) {
	return nil, false
}
