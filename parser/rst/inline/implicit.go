package inline

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docbuild/docbuild/doctree"
)

// implicitInline appends the nodes for text that holds no explicit
// markup: standalone URIs and e-mail addresses and, when enabled, PEP and
// RFC references, with the text around them (Inliner.implicit_inline).
// As in docutils, only the first URI-like match is considered: when its
// scheme is unknown, no URI is recognised in the text at all.
func (in *Inliner) implicitInline(text string, out []doctree.Node) []doctree.Node {
	in.implEnd = len(text)
	in.impl = [len(in.impl)]implMemo{}
	return in.implicit(text, 0, out)
}

// The implicit patterns, in the order they are tried.
const (
	pURI = iota
	pPEP
	pRFC
)

// implMatch is a match of an implicit pattern: [start, end) is the whole
// match; a URI's scheme ends at schemeEnd (email is set for an address);
// a PEP or RFC number spans [ns, ne).
type implMatch struct {
	start, end int
	schemeEnd  int
	ns, ne     int
	email      bool
}

func (m implMatch) shift(d int) implMatch {
	m.start, m.end, m.schemeEnd, m.ns, m.ne = m.start+d, m.end+d, m.schemeEnd+d, m.ns+d, m.ne+d
	return m
}

// implMemo is the last search of an implicit pattern through to the end
// of the text: made from offset from, it found match at offset at, or
// nothing (at < 0). Offsets are relative to the text implicitInline got.
type implMemo struct {
	valid    bool
	from, at int
	match    implMatch
}

// implicit is implicitInline on text at offset abs of the text it got.
// Docutils recurses on the text before and after each match; the text
// after is handled here by the loop, so that many matches do not make a
// deep recursion.
func (in *Inliner) implicit(text string, abs int, out []doctree.Node) []doctree.Node {
	for text != "" {
		m, pat, ok := in.firstImplicit(text, abs)
		if !ok {
			return append(out, doctree.NewText(text))
		}
		out = in.implicit(text[:m.start], abs, out)
		whole := text[m.start:m.end]
		ref := doctree.NewTextElement(doctree.TagReference, restore(whole), whole)
		switch pat {
		case pURI:
			refuri := unescape(whole)
			if m.email {
				refuri = "mailto:" + refuri
			}
			ref.Set("refuri", refuri)
		case pPEP:
			ref.Set("refuri", PEPURL(in.doc.Settings, text[m.ns:m.ne]))
		default:
			ref.Set("refuri", RFCURL(in.doc.Settings, text[m.ns:m.ne]))
		}
		out = append(out, ref)
		text, abs = text[m.end:], abs+m.end
	}
	return out
}

// firstImplicit finds the match that docutils' implicit_inline acts on:
// the first standalone URI or address, unless its scheme is unknown, then
// the first PEP reference, then the first RFC reference (each if enabled).
func (in *Inliner) firstImplicit(text string, abs int) (implMatch, int, bool) {
	if m, ok := in.findImplicit(pURI, text, abs); ok && (m.email || uriSchemes[strings.ToLower(text[m.start:m.schemeEnd])]) {
		return m, pURI, true
	}
	if in.pep {
		if m, ok := in.findImplicit(pPEP, text, abs); ok {
			return m, pPEP, true
		}
	}
	if in.rfc {
		if m, ok := in.findImplicit(pRFC, text, abs); ok {
			return m, pRFC, true
		}
	}
	return implMatch{}, 0, false
}

// findImplicit searches text, at offset abs, for pattern pat. Docutils
// searches the text after each match anew, which is quadratic when a
// pattern matches nothing there or what it matches is not used (a URI of
// unknown scheme); as for end-strings, the last search that ran to the
// end of the text is remembered, and a later one only looks afresh where
// the start of its text changes the look-behind.
func (in *Inliner) findImplicit(pat int, text string, abs int) (implMatch, bool) {
	search := func(to int) (implMatch, bool) {
		switch pat {
		case pURI:
			return in.searchURI(text, to)
		case pPEP:
			return in.searchPEP(text, to)
		}
		return in.searchRFC(text, to)
	}
	toEnd := abs+len(text) == in.implEnd
	m := &in.impl[pat]
	if toEnd && m.valid && abs >= m.from && (m.at < 0 || m.at >= abs+utf8.UTFMax) {
		if r, ok := search(min(utf8.UTFMax, len(text))); ok {
			return r, true
		}
		if m.at < 0 {
			return implMatch{}, false
		}
		return m.match.shift(-abs), true
	}
	r, ok := search(len(text))
	if toEnd {
		*m = implMemo{valid: true, from: abs, at: -1}
		if ok {
			m.at, m.match = abs+r.start, r.shift(abs)
		}
	}
	return r, ok
}

// searchURI finds the first standalone URI or e-mail address in s that
// starts before offset to (Inliner.patterns.uri).
func (in *Inliner) searchURI(s string, to int) (implMatch, bool) {
	// Without a colon or an "@", nothing can match; a short search (of
	// a few starts) is quicker without looking.
	hasColon, hasAt := true, true
	if to > utf8.UTFMax {
		hasColon = strings.IndexByte(s, ':') >= 0
		hasAt = strings.IndexByte(s, '@') >= 0
		if !hasColon && !hasAt {
			return implMatch{}, false
		}
	}
	// Every start inside one scheme or one local part reaches the same
	// colon or "@", and what follows does not depend on the start, so
	// each is scanned and tried once.
	schemeEnd, colonEnd := -1, -1
	localEnd, atEnd := -1, -1
	for p := 0; p < to; p++ {
		c := s[p]
		if c >= utf8.RuneSelf {
			continue
		}
		letter, emailc := hasColon && isASCIILetter(c), hasAt && uriIs(c, uEmailc)
		if !(letter || emailc) || !in.startOK(s, p) {
			continue
		}
		if letter {
			if p >= schemeEnd {
				schemeEnd = p + 1
				for schemeEnd < len(s) && uriIs(s[schemeEnd], uScheme) {
					schemeEnd++
				}
				colonEnd = -1
				if schemeEnd < len(s) && s[schemeEnd] == ':' {
					colonEnd = in.uriAfterScheme(s, schemeEnd+1)
				}
			}
			if colonEnd >= 0 {
				return implMatch{start: p, end: colonEnd, schemeEnd: schemeEnd}, true
			}
		}
		if emailc {
			if p >= localEnd {
				localEnd = localPartEnd(s, p)
				atEnd = in.emailHost(s, localEnd)
			}
			if atEnd >= 0 {
				return implMatch{start: p, end: atEnd, email: true}, true
			}
		}
	}
	return implMatch{}, false
}

// uriMatchAt reports whether the URI pattern matches at the start of s,
// whatever the scheme (patterns.uri.match).
func (in *Inliner) uriMatchAt(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if isASCIILetter(c) {
		q := 1
		for q < len(s) && uriIs(s[q], uScheme) {
			q++
		}
		if q < len(s) && s[q] == ':' && in.uriAfterScheme(s, q+1) >= 0 {
			return true
		}
	}
	if uriIs(c, uEmailc) {
		return in.emailHost(s, localPartEnd(s, 0)) >= 0
	}
	return false
}

// uricEnd returns the end of the run of URI characters at i.
func uricEnd(s string, i int) int {
	for i < len(s) && uriIs(s[i], uUric) {
		i++
	}
	return i
}

// uriEndAt is uri_end at k: a final URI character, or any URI character
// followed by ">".
func uriEndAt(s string, k int) bool {
	if k >= len(s) {
		return false
	}
	if uriIs(s[k], uUrilast) {
		return true
	}
	return uriIs(s[k], uUric) && k+1 < len(s) && s[k+1] == '>'
}

// uriAfterScheme matches the rest of an absolute URI after "scheme:" at h:
// the hierarchical part, then an optional query and fragment, each ending
// in uri_end, then the end-string suffix. It returns the end or -1. The
// optional slashes do not change which ends are possible, so they need no
// trying of their own.
func (in *Inliner) uriAfterScheme(s string, h int) int {
	r := uricEnd(s, h)
	for k := r - 1; k >= h; k-- {
		if !uriEndAt(s, k) {
			continue
		}
		e := k + 1
		if e < len(s) && s[e] == '?' {
			r2 := uricEnd(s, e+1)
			for k2 := r2 - 1; k2 >= e+1; k2-- {
				if uriEndAt(s, k2) {
					if end := in.uriFragment(s, k2+1); end >= 0 {
						return end
					}
				}
			}
		}
		if end := in.uriFragment(s, e); end >= 0 {
			return end
		}
	}
	return -1
}

// uriFragment matches an optional "#fragment" at e, then the suffix.
func (in *Inliner) uriFragment(s string, e int) int {
	if e < len(s) && s[e] == '#' {
		r := uricEnd(s, e+1)
		for k := r - 1; k >= e+1; k-- {
			if uriEndAt(s, k) && in.endOK(s, k+1) {
				return k + 1
			}
		}
	}
	if in.endOK(s, e) {
		return e
	}
	return -1
}

// localPartEnd returns the end of an address's local part starting at p,
// emailc+(\.emailc+)*, or p when there is none.
func localPartEnd(s string, p int) int {
	i := p
	for i < len(s) && uriIs(s[i], uEmailc) {
		i++
	}
	if i == p {
		return p
	}
	for i+1 < len(s) && s[i] == '.' && uriIs(s[i+1], uEmailc) {
		i++
		for i < len(s) && uriIs(s[i], uEmailc) {
			i++
		}
	}
	return i
}

// emailHost matches the rest of an e-mail address at l, the end of its
// local part: an unescaped "@", the host, uri_end and the suffix. It
// returns the end or -1.
func (in *Inliner) emailHost(s string, l int) int {
	return emailHostMatch(s, l, func(end int) bool { return in.endOK(s, end) })
}

// emailHostMatch matches "@" and the host at l, then uri_end, then
// accept at the end found; it returns that end or -1.
func emailHostMatch(s string, l int, accept func(int) bool) int {
	if l == 0 || l >= len(s) || s[l] != '@' || s[l-1] == 0 {
		return -1
	}
	h := l + 1
	if h >= len(s) || !uriIs(s[h], uEmailc) {
		return -1
	}
	hEnd := h
	for hEnd < len(s) && (s[hEnd] == '.' || uriIs(s[hEnd], uEmailc)) {
		hEnd++
	}
	for x := hEnd; x > h; x-- {
		if uriEndAt(s, x) && accept(x+1) {
			return x + 1
		}
	}
	return -1
}

// emailMatch reports whether s is an e-mail address as a whole
// (Inliner.patterns.email, anchored at both ends).
func emailMatch(s string) bool {
	if s == "" || !uriIs(s[0], uEmailc) {
		return false
	}
	atEnd := func(i int) bool { return i == len(s) || (i == len(s)-1 && s[i] == '\n') }
	return emailHostMatch(s, localPartEnd(s, 0), atEnd) >= 0
}

// searchPEP finds the first PEP reference starting before offset to, "pep-NNNN" (optionally
// followed by any character and "txt") or "PEP NNNN", and its number.
func (in *Inliner) searchPEP(s string, to int) (implMatch, bool) {
	for p := 0; p < to && p+4 <= len(s); p++ {
		c := s[p]
		if (c != 'p' && c != 'P') || !in.startOK(s, p) {
			continue
		}
		if strings.HasPrefix(s[p:], "pep-") {
			d := digitsEnd(s, p+4)
			// (?P<pepnum1>\d+)(.txt)? tried from the longest number down.
			for k := d; k > p+4; k = prevRuneStart(s, k) {
				if k < len(s) && s[k] != '\n' {
					_, w := decodeRune(s, k)
					if strings.HasPrefix(s[k+w:], "txt") && in.endOK(s, k+w+3) {
						return implMatch{start: p, end: k + w + 3, ns: p + 4, ne: k}, true
					}
				}
				if in.endOK(s, k) {
					return implMatch{start: p, end: k, ns: p + 4, ne: k}, true
				}
			}
			continue
		}
		if strings.HasPrefix(s[p:], "PEP") {
			sp := spacesEnd(s, p+3)
			if sp == p+3 {
				continue
			}
			if d := digitsEnd(s, sp); d > sp && in.endOK(s, d) {
				return implMatch{start: p, end: d, ns: sp, ne: d}, true
			}
		}
	}
	return implMatch{}, false
}

// searchRFC finds the first RFC reference starting before offset to, "RFC" then an optional hyphen
// or white space and a number.
func (in *Inliner) searchRFC(s string, to int) (implMatch, bool) {
	for p := 0; p < to && p+4 <= len(s); p++ {
		if s[p] != 'R' || !strings.HasPrefix(s[p:], "RFC") || !in.startOK(s, p) {
			continue
		}
		k := p + 3
		if s[k] == '-' {
			k++
		} else {
			k = spacesEnd(s, k)
		}
		if d := digitsEnd(s, k); d > k && in.endOK(s, d) {
			return implMatch{start: p, end: d, ns: k, ne: d}, true
		}
	}
	return implMatch{}, false
}

func decodeRune(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }

func prevRuneStart(s string, i int) int {
	i--
	for i > 0 && s[i]&0xc0 == 0x80 {
		i--
	}
	return i
}

// digitsEnd returns the end of the run of decimal digits (\d) at i.
func digitsEnd(s string, i int) int {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if !isDigit(r) {
			break
		}
		i += w
	}
	return i
}

// spacesEnd returns the end of the run of white space at i.
func spacesEnd(s string, i int) int {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if !isSpace(r) {
			break
		}
		i += w
	}
	return i
}

// asciiNumber returns the decimal digits of num, any script, as ASCII
// without leading zeros: the number Python's int() reads.
func asciiNumber(num string) string {
	var b strings.Builder
	for _, r := range num {
		d := byte('0' + digitValue(r))
		if b.Len() == 0 && d == '0' {
			continue
		}
		b.WriteByte(d)
	}
	if b.Len() == 0 {
		return "0"
	}
	return b.String()
}

// PEPURL returns the URL of a PEP given its number as decimal digits (of
// any script): pep_base_url followed by pep_file_url_template formatted
// with the number, as the inliner and the pep-reference role build it.
func PEPURL(s *doctree.Settings, num string) string {
	if s == nil {
		s = doctree.DefaultSettings()
	}
	return s.PEPBaseURL + percentFormat(s.PEPFileURL, asciiNumber(num))
}

// RFCURL returns the URL of an RFC given its number as decimal digits:
// rfc_base_url followed by "rfc%d.html".
func RFCURL(s *doctree.Settings, num string) string {
	if s == nil {
		s = doctree.DefaultSettings()
	}
	return s.RFCBaseURL + "rfc" + asciiNumber(num) + ".html"
}

// percentFormat formats a non-negative integer, given as ASCII digits,
// into a Python %-template with one integer conversion (%d, %i, %u, %s,
// with flags and width); "%%" is a percent sign. The digits are kept as
// text so that numbers of any size format as Python's do.
func percentFormat(tmpl, digits string) string {
	var b strings.Builder
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c != '%' || i+1 >= len(tmpl) {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		if tmpl[j] == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		zero, left, plus, space := false, false, false, false
	flags:
		for ; j < len(tmpl); j++ {
			switch tmpl[j] {
			case '0':
				zero = true
			case '-':
				left = true
			case '+':
				plus = true
			case ' ':
				space = true
			case '#':
			default:
				break flags
			}
		}
		w0 := j
		for j < len(tmpl) && tmpl[j] >= '0' && tmpl[j] <= '9' {
			j++
		}
		width, _ := strconv.Atoi(tmpl[w0:j])
		if j >= len(tmpl) || !strings.ContainsRune("dius", rune(tmpl[j])) {
			b.WriteByte(c)
			continue
		}
		num := digits
		sign := ""
		if tmpl[j] != 's' {
			if plus {
				sign = "+"
			} else if space {
				sign = " "
			}
		}
		pad := width - len(sign) - len(num)
		switch {
		case pad <= 0:
			b.WriteString(sign + num)
		case left:
			b.WriteString(sign + num + strings.Repeat(" ", pad))
		case zero && tmpl[j] != 's':
			b.WriteString(sign + strings.Repeat("0", pad) + num)
		default:
			b.WriteString(strings.Repeat(" ", pad) + sign + num)
		}
		i = j
	}
	return b.String()
}
