package markdown

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// This file reproduces markdown-it's link normalisation (normalizeLink,
// normalizeLinkText, validateLink, unescapeAll) and the entity and escape
// decoding of text, since MyST puts those strings in the tree as they are.

// isASCIIPunct reports whether c may be backslash-escaped in CommonMark.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

var namedEntity = regexp.MustCompile(`^&([A-Za-z][A-Za-z0-9]{1,31});`)
var numericEntity = regexp.MustCompile(`^&#((?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7}));`)

// validEntityCode is markdown-it's isValidEntityCode.
func validEntityCode(c int64) bool {
	switch {
	case c >= 0xD800 && c <= 0xDFFF, c >= 0xFDD0 && c <= 0xFDEF,
		c&0xFFFF == 0xFFFF, c&0xFFFF == 0xFFFE,
		c >= 0 && c <= 8, c == 0x0B, c >= 0x0E && c <= 0x1F,
		c >= 0x7F && c <= 0x9F, c > 0x10FFFF:
		return false
	}
	return true
}

// entityAt decodes an entity at the start of s as markdown-it's inline
// entity rule: it returns the text and the length consumed, or 0.
func entityAt(s string) (string, int) {
	if m := numericEntity.FindStringSubmatch(s); m != nil {
		var code int64
		var err error
		if m[1][0] == 'x' || m[1][0] == 'X' {
			code, err = strconv.ParseInt(m[1][1:], 16, 64)
		} else {
			code, err = strconv.ParseInt(m[1], 10, 64)
		}
		if err != nil || !validEntityCode(code) {
			return "\uFFFD", len(m[0])
		}
		return string(rune(code)), len(m[0])
	}
	if m := namedEntity.FindStringSubmatch(s); m != nil {
		if e, ok := util.LookUpHTML5EntityByName(m[1]); ok {
			return string(e.Characters), len(m[0])
		}
	}
	return "", 0
}

// decodeText resolves backslash escapes and entities in a run of raw
// Markdown text, as markdown-it's escape and entity rules do.
func decodeText(s string) string {
	if strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if t, n := entityAt(s[i:]); n > 0 {
				b.WriteString(t)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

var unescapeAllEntity = regexp.MustCompile(`^&([A-Za-z#][A-Za-z0-9]{1,31});`)
var digitalEntityTest = regexp.MustCompile(`^#((?:[xX][0-9a-fA-F]{1,8}|[0-9]{1,8}))`)

// unescapeAll is markdown-it's unescapeAll, used for link destinations
// and titles: an entity that does not resolve stays as it is.
func unescapeAll(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if m := unescapeAllEntity.FindStringSubmatch(s[i:]); m != nil {
				name := m[1]
				if e, ok := util.LookUpHTML5EntityByName(name); ok {
					b.WriteString(string(e.Characters))
					i += len(m[0])
					continue
				}
				if d := digitalEntityTest.FindStringSubmatch(name); d != nil {
					var code int64
					var err error
					if name[1] == 'x' || name[1] == 'X' {
						code, err = strconv.ParseInt(name[2:], 16, 64)
					} else {
						code, err = strconv.ParseInt(name[1:], 10, 64)
					}
					if err == nil && validEntityCode(code) {
						b.WriteRune(rune(code))
						i += len(m[0])
						continue
					}
				}
				b.WriteString(m[0])
				i += len(m[0])
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escapeHTML is markdown-it's escapeHtml (html.escape without the
// apostrophe).
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, `&<>"`) {
		return s
	}
	return htmlEscaper.Replace(s)
}

var badProto = regexp.MustCompile(`^(vbscript|javascript|file|data):`)
var goodData = regexp.MustCompile(`^data:image/(gif|png|jpeg|webp);`)

// validateLink is markdown-it's validateLink: scripts and most data URLs
// are refused.
func validateLink(url string) bool {
	u := pyStrip(url)
	i := strings.IndexByte(u, ':')
	if i < 0 {
		// no scheme, as for most links
		return true
	}
	u = strings.ToLower(u)
	if badProto.MatchString(u) {
		return goodData.MatchString(u)
	}
	return true
}

const encodeKeep = ";/?:@&=+$,-_.!~*'()#"

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// mdurlEncode percent-encodes what is not safe in a URL, keeping existing
// escapes (mdurl.encode).
func mdurlEncode(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c != '%' && c < 0x80 && strings.IndexByte(encodeKeep, c) >= 0
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteString(s[i : i+3])
			i += 3
			continue
		}
		if c < 0x80 {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(encodeKeep, c) >= 0 {
				b.WriteByte(c)
			} else {
				writePercent(&b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString("%EF%BF%BD")
			i++
			continue
		}
		for _, x := range []byte(s[i : i+n]) {
			writePercent(&b, x)
		}
		i += n
	}
	return b.String()
}

// writePercent writes c as "%XX".
func writePercent(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}

const decodeKeep = ";/?:@&=+$,#%"

// mdurlDecode decodes percent escapes that form UTF-8, except those of
// the characters in decodeKeep (mdurl.decode).
func mdurlDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '%' || i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		// collect the run of escapes
		j := i
		var bytes []byte
		for j+2 < len(s) && s[j] == '%' && isHex(s[j+1]) && isHex(s[j+2]) {
			v, _ := strconv.ParseUint(s[j+1:j+3], 16, 8)
			bytes = append(bytes, byte(v))
			j += 3
		}
		b.WriteString(decodeEscapes(s[i:j], bytes))
		i = j
	}
	return b.String()
}

// decodeEscapes decodes one run of %XX escapes (raw) whose byte values
// are bs, as mdurl's decoder.
func decodeEscapes(raw string, bs []byte) string {
	var b strings.Builder
	for k := 0; k < len(bs); {
		b1 := bs[k]
		if b1 < 0x80 {
			if strings.IndexByte(decodeKeep, b1) >= 0 {
				b.WriteString(raw[3*k : 3*k+3])
			} else {
				b.WriteByte(b1)
			}
			k++
			continue
		}
		size := 0
		switch {
		case b1&0xE0 == 0xC0:
			size = 2
		case b1&0xF0 == 0xE0:
			size = 3
		case b1&0xF8 == 0xF0:
			size = 4
		}
		if size > 0 && k+size <= len(bs) {
			ok := true
			for _, c := range bs[k+1 : k+size] {
				if c&0xC0 != 0x80 {
					ok = false
				}
			}
			if ok {
				if r, n := utf8.DecodeRune(bs[k : k+size]); r != utf8.RuneError && n == size {
					b.WriteRune(r)
				} else {
					b.WriteString(strings.Repeat("\uFFFD", size))
				}
				k += size
				continue
			}
		}
		b.WriteString(raw[3*k : 3*k+3])
		k++
	}
	return b.String()
}

// urlParts splits a URL around its host name the way mdurl's parser does
// for the cases that matter to host-name recoding.
func urlParts(url string) (prefix, host, suffix string, recode bool) {
	rest := url
	proto := ""
	if i := strings.IndexByte(rest, ':'); i > 0 {
		ok := true
		for _, c := range []byte(rest[:i]) {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
				ok = false
			}
		}
		if ok {
			proto = strings.ToLower(rest[:i])
			rest = rest[i+1:]
		}
	}
	pre := url[:len(url)-len(rest)]
	switch {
	case strings.HasPrefix(rest, "//") && (proto == "" || proto == "http" || proto == "https"):
		pre += "//"
		rest = rest[2:]
	case proto == "mailto":
	default:
		return url, "", "", false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	hostPart := rest[:end]
	if at := strings.LastIndexByte(hostPart, '@'); at >= 0 {
		pre += hostPart[:at+1]
		hostPart = hostPart[at+1:]
	}
	port := ""
	if c := strings.LastIndexByte(hostPart, ':'); c >= 0 {
		port = hostPart[c:]
		hostPart = hostPart[:c]
	}
	return pre, hostPart, port + rest[end:], true
}

// normalizeLink is markdown-it's normalizeLink.
func normalizeLink(url string) string {
	url = pyStrip(url)
	if pre, host, suf, ok := urlParts(url); ok && host != "" {
		url = pre + hostToASCII(host) + suf
	}
	return mdurlEncode(url)
}

// normalizeLinkText is markdown-it's normalizeLinkText.
func normalizeLinkText(url string) string {
	url = pyStrip(url)
	if pre, host, suf, ok := urlParts(url); ok && host != "" {
		url = pre + hostToUnicode(host) + suf
	}
	return mdurlDecode(url)
}

func splitHostLabels(host string) []string {
	return strings.FieldsFunc(host, func(r rune) bool {
		return r == '.' || r == '\u3002' || r == '\uFF0E' || r == '\uFF61'
	})
}

func hostToASCII(host string) string {
	nonASCII := false
	for i := 0; i < len(host); i++ {
		if host[i] > 0x7E {
			nonASCII = true
		}
	}
	if !nonASCII {
		return host
	}
	labels := splitHostLabels(host)
	for i, l := range labels {
		for _, r := range l {
			if r > 0x7E {
				if enc, ok := punyEncode(l); ok {
					labels[i] = "xn--" + enc
				}
				break
			}
		}
	}
	return strings.Join(labels, ".")
}

func hostToUnicode(host string) string {
	if !strings.Contains(strings.ToLower(host), "xn--") {
		return host
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if strings.HasPrefix(l, "xn--") {
			if dec, ok := punyDecode(strings.ToLower(l[4:])); ok {
				labels[i] = dec
			}
		}
	}
	return strings.Join(labels, ".")
}

// Punycode (RFC 3492).
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
)

func pcAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}

func pcDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

func punyEncode(s string) (string, bool) {
	runes := []rune(s)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := pcInitialN, 0, pcInitialBias
	for h < len(runes) {
		m := int(^uint(0) >> 1)
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		if (m - n) > (int(^uint32(0)>>1)-delta)/(h+1) {
			return "", false
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := pcBase; ; k += pcBase {
					t := k - bias
					if t < pcTMin {
						t = pcTMin
					} else if t > pcTMax {
						t = pcTMax
					}
					if q < t {
						break
					}
					out = append(out, pcDigit(t+(q-t)%(pcBase-t)))
					q = (q - t) / (pcBase - t)
				}
				out = append(out, pcDigit(q))
				bias = pcAdapt(delta, h+1, h == b)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out), true
}

func punyDecode(s string) (string, bool) {
	var output []rune
	pos := 0
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		for _, c := range []byte(s[:i]) {
			if c >= 0x80 {
				return "", false
			}
			output = append(output, rune(c))
		}
		pos = i + 1
	}
	n, bias, i := pcInitialN, pcInitialBias, 0
	for pos < len(s) {
		oldi, w := i, 1
		for k := pcBase; ; k += pcBase {
			if pos >= len(s) {
				return "", false
			}
			c := s[pos]
			pos++
			var digit int
			switch {
			case c >= '0' && c <= '9':
				digit = int(c-'0') + 26
			case c >= 'a' && c <= 'z':
				digit = int(c - 'a')
			case c >= 'A' && c <= 'Z':
				digit = int(c - 'A')
			default:
				return "", false
			}
			i += digit * w
			if i < 0 || i > 0x10FFFF*64 {
				return "", false
			}
			t := k - bias
			if t < pcTMin {
				t = pcTMin
			} else if t > pcTMax {
				t = pcTMax
			}
			if digit < t {
				break
			}
			w *= pcBase - t
			if w > 0x10FFFF*64 {
				return "", false
			}
		}
		bias = pcAdapt(i-oldi, len(output)+1, oldi == 0)
		n += i / (len(output) + 1)
		i %= len(output) + 1
		if n > 0x10FFFF {
			return "", false
		}
		output = append(output[:i], append([]rune{rune(n)}, output[i:]...)...)
		i++
	}
	return string(output), true
}
