package html

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/highlight"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/themes"
)

// imageTypes are the image formats a browser shows, in the order a
// "name.*" image picks them (Sphinx's supported_image_types for html).
var imageTypes = []string{".svg", ".png", ".gif", ".jpg", ".jpeg", ".webp"}

// imageSource returns an image's source path relative to the source
// folder. With a "candidates" attribute (Sphinx's image collector ran) the
// uri already is; otherwise it is relative to the document, or to the
// source folder when it starts with "/". It reads no builder state, so
// the read workers' AfterRead hook may call it.
func (bd *Builder) imageSource(docname string, e *doctree.Element) string {
	uri := e.GetString("uri")
	if e.Has("candidates") {
		return path.Clean(strings.TrimPrefix(uri, "/"))
	}
	if strings.HasPrefix(uri, "/") {
		return path.Clean(strings.TrimLeft(uri, "/"))
	}
	return path.Clean(path.Join(docDir(docname), uri))
}

// imageRef is what the builder needs of one local image of a document:
// recorded when the document is read, since the trees are gone by the time
// Prepare names the images.
type imageRef struct {
	// src is the image's path relative to the source folder, as
	// imageSource resolves it; for a "name.*" image, the picked file.
	src  string
	line int
	// glob is set for "name.*" images, which pick a file by type.
	glob bool
}

// imageRecords holds the images of each read document, filled by the
// AfterRead hook Attach registers. The read workers add to it
// concurrently, hence the mutex.
type imageRecords struct {
	mu sync.Mutex
	// build is the build whose AfterRead runs the hook: records of
	// another build's documents are not used.
	build *project.Build
	// docs has an entry, possibly empty, for every document the hook saw,
	// so that a document without images is not walked again.
	docs map[string][]imageRef
}

// attachImages registers the hook that records each document's images as
// it is read, once per build.
func (bd *Builder) attachImages(b *project.Build) {
	bd.imgRecs.mu.Lock()
	defer bd.imgRecs.mu.Unlock()
	if bd.imgRecs.build == b {
		return
	}
	bd.imgRecs.build = b
	bd.imgRecs.docs = map[string][]imageRef{}
	b.AfterRead = append(b.AfterRead, bd.recordImages)
}

// recordImages is the AfterRead hook: it runs in a read worker on a tree
// no other goroutine touches, so it may rewrite the tree's "name.*"
// images, which then persist in the tree that is written.
func (bd *Builder) recordImages(b *project.Build, docname string, doc *doctree.Document) {
	refs := bd.scanImages(b.SrcDir, docname, doc)
	bd.imgRecs.mu.Lock()
	if bd.imgRecs.build == b {
		bd.imgRecs.docs[docname] = refs
	}
	bd.imgRecs.mu.Unlock()
}

// scanImages lists a document's local images in tree order and resolves
// its "name.*" images to a file, rewriting their nodes as Sphinx's image
// collector does. It reads no builder state (srcDir is passed in), only
// the file system and the one tree, so read workers call it concurrently.
func (bd *Builder) scanImages(srcDir, docname string, doc *doctree.Document) []imageRef {
	var refs []imageRef
	for _, img := range doctree.FindTag(doc.Root, "image") {
		uri := img.GetString("uri")
		if uri == "" || isURL(uri) || strings.HasPrefix(uri, "data:") {
			continue
		}
		src := bd.imageSource(docname, img)
		glob := strings.HasSuffix(src, ".*")
		if glob {
			src = pickCandidate(srcDir, src)
			// As Sphinx's image collector: the uri is now relative
			// to the source folder.
			img.Set("uri", src)
			img.Set("candidates", map[string]any{"*": src})
		}
		_, line := doctree.SourceLine(img)
		refs = append(refs, imageRef{src, line, glob})
	}
	return refs
}

// collectImages checks every local image of the project exists and names
// its copy under _images/: the file's base name, numbered when two
// different files share one, as Sphinx does. Documents are taken in name
// order, so the numbering and the warnings do not depend on the order the
// documents were read in. The images come from the records the AfterRead
// hook made; a document without a record (the builder was not attached
// before the build read) is walked in b.Docs instead.
func (bd *Builder) collectImages() {
	names := bd.b.Env.DocNames()
	perDoc := make([][]imageRef, len(names))
	var missing []int
	bd.imgRecs.mu.Lock()
	for i, n := range names {
		refs, ok := bd.imgRecs.docs[n]
		if bd.imgRecs.build != bd.b {
			ok = false
		}
		if ok {
			perDoc[i] = refs
		} else if bd.b.Docs[n] != nil {
			missing = append(missing, i)
		}
	}
	bd.imgRecs.mu.Unlock()
	parallelDo(len(missing), func(j int) {
		i := missing[j]
		perDoc[i] = bd.scanImages(bd.b.SrcDir, names[i], bd.b.Docs[names[i]])
	})
	bd.images = map[string]string{}
	bd.imageFiles = map[string]string{}
	taken := map[string]bool{}
	for i, list := range perDoc {
		for _, f := range list {
			if _, done := bd.images[f.src]; done {
				continue
			}
			abs := filepath.Join(bd.b.SrcDir, filepath.FromSlash(f.src))
			if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
				text := "image file not readable: " + f.src
				if f.glob {
					text = "a suitable image for html builder not found: " + f.src
				}
				bd.b.Report(project.Message{File: bd.sourceOf(names[i]).Rel, Line: f.line, Level: doctree.LevelWarning, Text: text})
				bd.images[f.src] = ""
				continue
			}
			base := path.Base(f.src)
			name := base
			for n := 1; taken[name]; n++ {
				ext := path.Ext(base)
				name = strings.TrimSuffix(base, ext) + strconv.Itoa(n) + ext
			}
			taken[name] = true
			bd.images[f.src] = name
			bd.imageFiles[name] = abs
		}
	}
	for k, v := range bd.images {
		if v == "" {
			delete(bd.images, k)
		}
	}
}

// pickCandidate resolves "dir/name.*" to the first existing file in
// imageTypes order, or leaves the pattern when there is none. It only
// stats files, so concurrent calls are safe.
func pickCandidate(srcDir, pattern string) string {
	stem := strings.TrimSuffix(pattern, "*")
	for _, ext := range imageTypes {
		cand := stem + ext[1:]
		if _, err := os.Stat(filepath.Join(srcDir, filepath.FromSlash(cand))); err == nil {
			return cand
		}
	}
	return pattern
}

// copyAssets copies images to _images/ and downloads to _downloads/.
func (bd *Builder) copyAssets(ctx context.Context) error {
	if len(bd.imageFiles) > 0 {
		names := make([]string, 0, len(bd.imageFiles))
		for n := range bd.imageFiles {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if err := copyFile(bd.imageFiles[n], filepath.Join(bd.out, "_images", filepath.FromSlash(n))); err != nil {
				return err
			}
		}
	}
	if bd.state != nil {
		downloads := bd.state.Downloads()
		rels := make([]string, 0, len(downloads))
		for r := range downloads {
			rels = append(rels, r)
		}
		sort.Strings(rels)
		for _, rel := range rels {
			src := filepath.Join(bd.b.SrcDir, filepath.FromSlash(rel))
			if _, err := os.Stat(src); err != nil {
				// Reported by the resolver where the reference is.
				continue
			}
			if err := copyFile(src, filepath.Join(bd.out, "_downloads", filepath.FromSlash(downloads[rel]))); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// writeStatic writes _static/: the theme's files, the generated ones
// (highlighting styles, documentation options), then the project's
// html_static_path over them, the logo and favicon, and html_extra_path
// files at the root.
func (bd *Builder) writeStatic() error {
	static := filepath.Join(bd.out, "_static")
	err := fs.WalkDir(themes.Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.Static(), p)
		if err != nil {
			return err
		}
		return WriteFile(filepath.Join(static, filepath.FromSlash(p)), data)
	})
	if err != nil {
		return err
	}
	if err := WriteFile(filepath.Join(static, "pygments.css"), []byte(bd.pygmentsCSS())); err != nil {
		return err
	}
	if err := WriteFile(filepath.Join(static, "documentation_options.js"), []byte(bd.documentationOptions())); err != nil {
		return err
	}
	for _, p := range bd.cfg.HTMLStaticPath {
		src := bd.configPath(p)
		fi, err := os.Stat(src)
		if err != nil {
			bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line("html_static_path"), Level: doctree.LevelWarning,
				Text: fmt.Sprintf("html_static_path entry %s does not exist", pyQuote(p))})
			continue
		}
		if fi.IsDir() {
			err = copyTree(src, static)
		} else {
			err = copyFile(src, filepath.Join(static, fi.Name()))
		}
		if err != nil {
			return err
		}
	}
	for _, f := range []struct{ setting, value string }{{"html_logo", bd.cfg.HTMLLogo}, {"html_favicon", bd.cfg.HTMLFavicon}} {
		if f.value == "" || isURL(f.value) {
			continue
		}
		src := bd.configPath(f.value)
		if _, err := os.Stat(src); err != nil {
			bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line(f.setting), Level: doctree.LevelWarning,
				Text: fmt.Sprintf("%s file %s does not exist", strings.TrimPrefix(f.setting, "html_"), pyQuote(f.value))})
			continue
		}
		if err := copyFile(src, filepath.Join(static, filepath.Base(src))); err != nil {
			return err
		}
	}
	for _, p := range bd.cfg.HTMLExtraPath {
		src := bd.configPath(p)
		fi, err := os.Stat(src)
		if err != nil {
			bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line("html_extra_path"), Level: doctree.LevelWarning,
				Text: fmt.Sprintf("html_extra_path entry %s does not exist", pyQuote(p))})
			continue
		}
		if fi.IsDir() {
			err = copyTree(src, bd.out)
		} else {
			err = copyFile(src, filepath.Join(bd.out, fi.Name()))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func pyQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

// pygmentsCSS is the code highlighting stylesheet: pygments_style for the
// light scheme and pygments_dark_style (or the default dark style) for
// the dark one.
func (bd *Builder) pygmentsCSS() string {
	light, ok := highlight.Style(bd.cfg.PygmentsStyle)
	if !ok {
		bd.b.Report(project.Message{File: bd.cfg.File, Line: bd.cfg.Line("pygments_style"), Level: doctree.LevelWarning,
			Text: fmt.Sprintf("pygments_style %s is not known; using the default style", pyQuote(bd.cfg.PygmentsStyle))})
	}
	darkName := highlight.DefaultDark
	if v, ok := bd.cfg.Value("pygments_dark_style"); ok {
		if s, ok := v.(string); ok && s != "" {
			darkName = s
		}
	}
	dark, _ := highlight.Style(darkName)
	return highlight.CSS(light, dark)
}

// documentationOptions is _static/documentation_options.js, which Sphinx
// themes and extensions read (DOCUMENTATION_OPTIONS), and docbuild's
// search client uses to build links.
func (bd *Builder) documentationOptions() string {
	c := bd.cfg
	builder := bd.name
	if bd.variant == DirHTML {
		builder = "dirhtml"
	}
	linkSuffix := ".html"
	if bd.variant == DirHTML {
		linkSuffix = "/"
	}
	jsString := func(s string) string { return strconv.Quote(s) }
	return "var DOCUMENTATION_OPTIONS = {\n" +
		"    URL_ROOT: document.getElementById(\"documentation_options\").getAttribute('data-url_root'),\n" +
		"    VERSION: " + jsString(c.Release) + ",\n" +
		"    LANGUAGE: " + jsString(c.Language) + ",\n" +
		"    SEARCH_LANGUAGE: " + jsString(c.HTMLSearchLanguage) + ",\n" +
		"    COLLAPSE_INDEX: false,\n" +
		"    BUILDER: " + jsString(builder) + ",\n" +
		"    ROOT_DOC: " + jsString(c.RootDoc) + ",\n" +
		"    FILE_SUFFIX: " + jsString(bd.suffix) + ",\n" +
		"    LINK_SUFFIX: " + jsString(linkSuffix) + ",\n" +
		"    HAS_SOURCE: " + strconv.FormatBool(c.HTMLCopySource) + ",\n" +
		"    SOURCELINK_SUFFIX: " + jsString(c.HTMLSourcelinkSuffix) + ",\n" +
		"    NAVIGATION_WITH_KEYS: false,\n" +
		"    SHOW_SEARCH_SUMMARY: true,\n" +
		"    ENABLE_SEARCH_SHORTCUTS: true,\n" +
		"};\n"
}

// WriteFile writes a file of the output, creating its folder when needed.
// The output goes to a fresh staging folder that replaces the site only
// when the build succeeds, so files need no atomic replacement here.
func WriteFile(path string, data []byte) error {
	err := os.WriteFile(path, data, 0o644)
	if err != nil && os.IsNotExist(err) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		err = os.WriteFile(path, data, 0o644)
	}
	return err
}

// copyFile copies src to dst, creating folders.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyTree copies the files below src into dst, skipping hidden files as
// Sphinx does.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}
