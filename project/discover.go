// Package project owns a whole build of a documentation project: it finds
// the documents, reads each one (parse, transforms, collect) on every core,
// merges the environment, resolves cross-references and toctrees, and hands
// the resolved trees to a builder that writes the output. The output goes
// to a staging folder that replaces the old site only when the build
// succeeds, so a failed build never leaves a half-written site behind.
package project

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docbuild/docbuild/config"
)

// Source is one document of the project.
type Source struct {
	DocName string // "library/os"
	Rel     string // "library/os.rst", slash-separated
	Abs     string
	Type    string // "restructuredtext" or "markdown"
	// Size is the file's size in bytes when discovered, a guess at the
	// work it takes: the largest documents are read first, so that no
	// worker starts a big one while the others run out of work.
	Size int64
}

// Discover walks srcDir and returns the project's documents sorted by
// name: files with a configured source suffix, minus exclude_patterns,
// hidden files and folders, and the output folder.
func Discover(cfg *config.Config, srcDir, outDir string) ([]Source, error) {
	absOut, _ := filepath.Abs(outDir)
	var out []Source
	suffixes := cfg.Suffixes()
	excludes := append([]string{"_build", "**/.*", ".*", "Thumbs.db", ".DS_Store"}, cfg.ExcludePatterns...)
	err := filepath.WalkDir(srcDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(srcDir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(p); abs == absOut {
				return filepath.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") || matchAny(excludes, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		for _, suf := range suffixes {
			if strings.HasSuffix(rel, suf) && len(rel) > len(suf) {
				if matchAny(excludes, rel) {
					return nil
				}
				ft, _ := cfg.FileType(rel)
				var size int64
				if fi, err := d.Info(); err == nil {
					size = fi.Size()
				}
				out = append(out, Source{DocName: strings.TrimSuffix(rel, suf), Rel: rel, Abs: p, Type: ft, Size: size})
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DocName < out[j].DocName })
	// A name found with two suffixes keeps the first suffix in
	// source_suffix order, as Sphinx does.
	dedup := out[:0]
	for i, s := range out {
		if i > 0 && s.DocName == out[i-1].DocName {
			continue
		}
		dedup = append(dedup, s)
	}
	return dedup, nil
}

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if MatchPattern(p, rel) {
			return true
		}
	}
	return false
}

// MatchPattern matches a slash-separated path against a Sphinx-style glob:
// "*" and "?" do not cross "/", "**" matches any number of path parts, and
// [...] is a character class. A pattern matching a folder also matches what
// is inside it.
func MatchPattern(pattern, name string) bool {
	if matchGlob(pattern, name) {
		return true
	}
	// a folder pattern excludes its contents
	for i := strings.IndexByte(name, '/'); i >= 0; {
		if matchGlob(pattern, name[:i]) {
			return true
		}
		j := strings.IndexByte(name[i+1:], '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

func matchGlob(pattern, name string) bool {
	if !strings.Contains(pattern, "**") {
		ok, err := path.Match(pattern, name)
		return err == nil && ok
	}
	parts := strings.SplitN(pattern, "**", 2)
	prefix, rest := parts[0], strings.TrimPrefix(parts[1], "/")
	if !strings.HasPrefix(name, prefix) && !(prefix != "" && matchPrefixGlob(prefix, name)) {
		return false
	}
	tail := name
	if prefix != "" {
		// strip the matched prefix (as many parts as the prefix has)
		n := strings.Count(prefix, "/")
		segs := strings.SplitN(name, "/", n+1)
		if len(segs) <= n {
			return false
		}
		tail = segs[n]
	}
	if rest == "" {
		return true
	}
	for {
		if matchGlob(rest, tail) {
			return true
		}
		i := strings.IndexByte(tail, '/')
		if i < 0 {
			return false
		}
		tail = tail[i+1:]
	}
}

func matchPrefixGlob(prefix, name string) bool {
	n := strings.Count(prefix, "/")
	segs := strings.SplitN(name, "/", n+1)
	if len(segs) <= n {
		return false
	}
	ok, err := path.Match(strings.TrimSuffix(prefix, "/"), strings.Join(segs[:n], "/"))
	return err == nil && ok
}

// exists reports whether a file exists.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
