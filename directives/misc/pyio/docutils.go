package pyio

import (
	"path/filepath"

	"github.com/docbuild/docbuild/doctree"
)

// InputEncoding returns the encoding a directive reads an external file
// with: its "encoding" option when given, else the input_encoding setting.
// The setting's UTF-8 drops a leading byte-order mark, as docutils 0.19
// does with its default setting; "" asks for docutils' guessing.
func InputEncoding(option any, settings *doctree.Settings) string {
	if s, ok := option.(string); ok {
		return s
	}
	if normalizeEncoding(settings.InputEncoding) == "utf_8" || normalizeEncoding(settings.InputEncoding) == "utf8" {
		return "utf-8-sig"
	}
	return settings.InputEncoding
}

// SourceDir is the directory that paths in a directive from source are
// relative to: os.path.dirname(os.path.abspath(source)). The document's
// own source (such as "<stdin>", which names no file) is located in the
// source_dir setting when that is set.
func SourceDir(source string, doc *doctree.Document) string {
	if doc.Settings.SourceDir != "" && source == doc.Root.GetString("source") {
		return Abs(doc.Settings.SourceDir)
	}
	return filepath.Dir(Abs(source))
}

// ResolvePath is the path docutils reads for a path written in a
// directive: joined to the source directory, normalized, and made relative
// to the working directory.
func ResolvePath(sourceDir, path string) string {
	if !filepath.IsAbs(path) {
		path = filepath.Join(sourceDir, path)
	}
	return RelativePath("", filepath.Clean(path))
}
