package pyio

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/doctree"
)

var urlType = regexp.MustCompile(`(?s)^([^/:]+):(.*)$`)

// OpenURL fetches a URL as urllib.request.urlopen(url).read() would, within
// what docbuild allows at parse time: file: and data: URLs are read
// locally; network schemes are refused with a URLError, since documents
// are built without network access. The errors are those urllib raises:
// ValueError for a URL without a scheme, URLError otherwise.
func OpenURL(rawURL string) ([]byte, error) {
	full := strings.TrimSpace(rawURL)
	if strings.HasPrefix(full, "<") && strings.HasSuffix(full, ">") {
		full = strings.TrimSpace(full[1 : len(full)-1])
	}
	if strings.HasPrefix(full, "URL:") {
		full = strings.TrimSpace(full[4:])
	}
	if i := strings.IndexByte(full, '#'); i >= 0 {
		full = full[:i]
	}
	m := urlType.FindStringSubmatch(full)
	if m == nil {
		return nil, &ValueError{Msg: "unknown url type: " + doctree.PyStrRepr(full)}
	}
	scheme, rest := strings.ToLower(m[1]), m[2]
	switch scheme {
	case "http", "https", "ftp":
		return nil, &URLError{Reason: "network access is disabled: docbuild does not fetch remote URLs"}
	case "file":
		return openFileURL(rest)
	case "data":
		return openDataURL(rest)
	}
	return nil, &URLError{Reason: "unknown url type: " + scheme}
}

func openFileURL(rest string) ([]byte, error) {
	host, path := "", rest
	if strings.HasPrefix(rest, "//") {
		hp := rest[2:]
		i := strings.IndexByte(hp, '/')
		if i < 0 {
			host, path = hp, ""
		} else {
			host, path = hp[:i], hp[i:]
		}
	}
	if host != "" && host != "localhost" {
		return nil, &URLError{Reason: "file not on local host"}
	}
	local, err := url.PathUnescape(path)
	if err != nil {
		local = path
	}
	data, err := ReadBytes(local)
	if err != nil {
		if oe, ok := err.(*OSError); ok {
			return nil, &URLError{Reason: (&OSError{Errno: oe.Errno, Strerror: oe.Strerror, Filename: oe.Filename}).Error()}
		}
		return nil, &URLError{Reason: err.Error()}
	}
	return data, nil
}

func openDataURL(rest string) ([]byte, error) {
	mediatype, data, ok := strings.Cut(rest, ",")
	if !ok {
		return nil, &ValueError{Msg: "not enough values to unpack (expected 2, got 1)"}
	}
	if strings.HasSuffix(mediatype, ";base64") {
		clean := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, data)
		out, err := base64.StdEncoding.DecodeString(clean)
		if err != nil {
			out, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(clean, "="))
		}
		if err != nil {
			return nil, &ValueError{Msg: "Incorrect padding"}
		}
		return out, nil
	}
	out, err := url.PathUnescape(data)
	if err != nil {
		return []byte(data), nil
	}
	return []byte(out), nil
}
