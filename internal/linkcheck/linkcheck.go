// Package linkcheck checks the internal links of a built HTML site: every
// local href and src of every .html file must name an existing file, and a
// #fragment must name an id (or an anchor's name) in the page it points at.
// External links (with a scheme, or protocol-relative) are not followed.
// It parses HTML with a small tokenizer of its own, enough for markup
// docbuild and Sphinx write: comments, raw text in script and style,
// quoted and unquoted attributes, character references.
package linkcheck

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Broken is one link that does not land.
type Broken struct {
	// Page is the linking file, relative to the site root, slash-separated.
	Page string
	Line int
	// Attr is the attribute ("href", "src") and URL its value.
	Attr, URL string
	// Reason says what is missing.
	Reason string
}

func (b Broken) String() string {
	return fmt.Sprintf("%s:%d: %s=%q: %s", b.Page, b.Line, b.Attr, b.URL, b.Reason)
}

// Report summarises a check.
type Report struct {
	Pages  int // .html files parsed
	Links  int // local links checked
	Broken []Broken
}

// Page is what a parsed page holds for the check.
type Page struct {
	IDs   map[string]bool
	Links []Link
}

// Link is one href or src.
type Link struct {
	Attr, URL string
	Line      int
}

// Parse extracts the ids and links of an HTML page.
func Parse(src string) Page {
	p := Page{IDs: map[string]bool{}}
	line := 1
	i := 0
	for i < len(src) {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			break
		}
		line += strings.Count(src[i:i+lt], "\n")
		i += lt
		switch {
		case strings.HasPrefix(src[i:], "<!--"):
			end := strings.Index(src[i+4:], "-->")
			if end < 0 {
				return p
			}
			line += strings.Count(src[i:i+4+end], "\n")
			i += 4 + end + 3
			continue
		case strings.HasPrefix(src[i:], "<!"), strings.HasPrefix(src[i:], "<?"):
			end := strings.IndexByte(src[i:], '>')
			if end < 0 {
				return p
			}
			line += strings.Count(src[i:i+end], "\n")
			i += end + 1
			continue
		}
		name, attrs, n, ok := parseTag(src[i:])
		if !ok {
			i++
			continue
		}
		tagLine := line
		line += strings.Count(src[i:i+n], "\n")
		i += n
		for _, a := range attrs {
			switch a.name {
			case "id":
				p.IDs[a.value] = true
			case "name":
				if name == "a" {
					p.IDs[a.value] = true
				}
			case "href":
				if name == "a" || name == "link" || name == "area" {
					p.Links = append(p.Links, Link{Attr: "href", URL: a.value, Line: tagLine})
				}
			case "src":
				if name == "img" || name == "script" || name == "iframe" || name == "source" || name == "video" || name == "audio" || name == "embed" {
					p.Links = append(p.Links, Link{Attr: "src", URL: a.value, Line: tagLine})
				}
			}
		}
		if name == "script" || name == "style" {
			end := strings.Index(strings.ToLower(src[i:]), "</"+name)
			if end < 0 {
				return p
			}
			line += strings.Count(src[i:i+end], "\n")
			i += end
		}
	}
	return p
}

type attr struct{ name, value string }

// parseTag reads a start or end tag at the start of s ("<..."), returning
// the lower-case tag name, the attributes and the length consumed.
func parseTag(s string) (name string, attrs []attr, n int, ok bool) {
	i := 1
	if i < len(s) && s[i] == '/' {
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return "", nil, 0, false
		}
		return "/" + strings.ToLower(strings.TrimSpace(s[2:end])), nil, end + 1, true
	}
	start := i
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == start {
		return "", nil, 0, false
	}
	name = strings.ToLower(s[start:i])
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return "", nil, 0, false
		}
		if s[i] == '>' {
			return name, attrs, i + 1, true
		}
		if s[i] == '/' {
			i++
			continue
		}
		as := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
			i++
		}
		an := strings.ToLower(s[as:i])
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		val := ""
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					return "", nil, 0, false
				}
				val = s[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
					i++
				}
				val = s[vs:i]
			}
		}
		if an != "" {
			attrs = append(attrs, attr{an, html.UnescapeString(val)})
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// isExternal reports a URL that leaves the site.
func isExternal(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == ':':
			return i > 0
		case c == '/' || c == '?' || c == '#':
			return false
		}
	}
	return false
}

// Check walks the site in root and checks every page's local links.
func Check(root string) (*Report, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(root, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	pages := make(map[string]*Page, len(files))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	var firstErr error
	for _, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func(f string) {
			defer wg.Done()
			defer func() { <-sem }()
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			p := Parse(string(data))
			pages[f] = &p
		}(f)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	rep := &Report{Pages: len(files)}
	exists := map[string]bool{}
	stat := func(rel string) bool {
		if v, ok := exists[rel]; ok {
			return v
		}
		fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		v := err == nil && !fi.IsDir()
		exists[rel] = v
		return v
	}
	for _, f := range files {
		for _, l := range pages[f].Links {
			u := l.URL
			if u == "" || isExternal(u) {
				continue
			}
			rep.Links++
			if b := checkLink(f, u, pages, stat); b != "" {
				rep.Broken = append(rep.Broken, Broken{Page: f, Line: l.Line, Attr: l.Attr, URL: u, Reason: b})
			}
		}
	}
	return rep, nil
}

// checkLink returns why a local link from page is broken, or "".
func checkLink(page, u string, pages map[string]*Page, stat func(string) bool) string {
	ref, frag, _ := strings.Cut(u, "#")
	if i := strings.IndexByte(ref, '?'); i >= 0 {
		ref = ref[:i]
	}
	target := page
	if ref != "" {
		p, err := url.PathUnescape(ref)
		if err != nil {
			return "bad escape in URL"
		}
		if strings.HasPrefix(p, "/") {
			return "absolute path: the site would only work at a server's root"
		}
		joined := path.Join(path.Dir(page), p)
		if strings.HasPrefix(joined, "../") || joined == ".." {
			return "points outside the site"
		}
		if strings.HasSuffix(p, "/") || joined == "." || !stat(joined) && stat(joined+"/index.html") {
			if joined == "." {
				joined = "index.html"
			} else {
				joined += "/index.html"
			}
		}
		if !stat(joined) {
			return "no such file " + joined
		}
		target = joined
	}
	if frag == "" {
		return ""
	}
	tp, ok := pages[target]
	if !ok {
		return "" // not HTML: fragments are not checked
	}
	id, err := url.PathUnescape(frag)
	if err != nil {
		id = frag
	}
	if !tp.IDs[id] {
		return "no id " + strconvQuote(id) + " in " + target
	}
	return ""
}

func strconvQuote(s string) string { return `"` + s + `"` }
