package pyio

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// A codec decodes bytes the way one Python codec does, with Python's error
// reasons and positions.
type codec func(data []byte) (string, error)

// normalizeEncoding is encodings.normalize_encoding plus lower-casing, as
// codecs.lookup applies them before consulting the alias table.
func normalizeEncoding(name string) string {
	var b strings.Builder
	punct := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if r == '.' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			b.WriteRune(r)
		} else {
			punct = true
		}
	}
	return b.String()
}

// pythonAliases maps normalized Python codec names and aliases to the
// codecs implemented here.
var pythonAliases = map[string]string{
	"utf_8": "utf-8", "u8": "utf-8", "utf": "utf-8", "utf8": "utf-8",
	"utf8_ucs2": "utf-8", "utf8_ucs4": "utf-8", "cp65001": "utf-8",
	"utf_8_sig": "utf-8-sig", "utf8_sig": "utf-8-sig",
	"ascii": "ascii", "646": "ascii", "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii",
	"ansi_x3.4_1986": "ascii", "cp367": "ascii", "csascii": "ascii", "ibm367": "ascii",
	"iso646_us": "ascii", "iso_646.irv_1991": "ascii", "iso_ir_6": "ascii", "us": "ascii",
	"us_ascii": "ascii",
	"latin_1":  "latin-1", "8859": "latin-1", "cp819": "latin-1", "csisolatin1": "latin-1",
	"ibm819": "latin-1", "iso8859": "latin-1", "iso8859_1": "latin-1", "iso_8859_1": "latin-1",
	"iso_8859_1_1987": "latin-1", "iso_ir_100": "latin-1", "l1": "latin-1", "latin": "latin-1",
	"latin1": "latin-1",
	"utf_16": "utf-16", "u16": "utf-16", "utf16": "utf-16",
	"utf_16_le": "utf-16-le", "utf_16le": "utf-16-le", "unicodelittleunmarked": "utf-16-le",
	"utf_16_be": "utf-16-be", "utf_16be": "utf-16-be", "unicodebigunmarked": "utf-16-be",
	"utf_32": "utf-32", "u32": "utf-32", "utf32": "utf-32",
	"utf_32_le": "utf-32-le", "utf_32le": "utf-32-le",
	"utf_32_be": "utf-32-be", "utf_32be": "utf-32-be",
}

func lookupCodec(name string) (codec, error) {
	switch pythonAliases[normalizeEncoding(name)] {
	case "utf-8":
		return func(d []byte) (string, error) { return decodeUTF8(d) }, nil
	case "utf-8-sig":
		return func(d []byte) (string, error) { return decodeUTF8(bytes.TrimPrefix(d, bomUTF8)) }, nil
	case "ascii":
		return decodeASCII, nil
	case "latin-1":
		return decodeLatin1, nil
	case "utf-16":
		return func(d []byte) (string, error) { return decodeUTF16(d, 0) }, nil
	case "utf-16-le":
		return func(d []byte) (string, error) { return decodeUTF16(d, 1) }, nil
	case "utf-16-be":
		return func(d []byte) (string, error) { return decodeUTF16(d, 2) }, nil
	case "utf-32":
		return func(d []byte) (string, error) { return decodeUTF32(d, 0) }, nil
	case "utf-32-le":
		return func(d []byte) (string, error) { return decodeUTF32(d, 1) }, nil
	case "utf-32-be":
		return func(d []byte) (string, error) { return decodeUTF32(d, 2) }, nil
	}
	var enc encoding.Encoding
	if e, err := ianaindex.IANA.Encoding(name); err == nil && e != nil {
		enc = e
	} else if e, err := htmlindex.Get(name); err == nil {
		enc = e
	} else if e, err := ianaindex.IANA.Encoding(strings.ReplaceAll(normalizeEncoding(name), "_", "-")); err == nil && e != nil {
		enc = e
	}
	if enc == nil {
		return nil, &LookupError{Msg: "unknown encoding: " + name}
	}
	pyName := strings.ReplaceAll(normalizeEncoding(name), "-", "_")
	return func(d []byte) (string, error) { return decodeOther(enc, pyName, d) }, nil
}

// Decode decodes data with the named Python codec. A BOM or other
// character the codec keeps stays in the text, as in Python.
func Decode(data []byte, enc string) (string, error) {
	c, err := lookupCodec(enc)
	if err != nil {
		return "", err
	}
	return c(data)
}

var bomUTF8 = []byte("\xef\xbb\xbf")

func decodeUTF8(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	for i := 0; i < len(data); {
		b := data[i]
		if b < 0x80 {
			i++
			continue
		}
		n, lo, hi := 0, byte(0x80), byte(0xbf)
		switch {
		case b >= 0xc2 && b <= 0xdf:
			n = 2
		case b == 0xe0:
			n, lo = 3, 0xa0
		case b == 0xed:
			n, hi = 3, 0x9f
		case b >= 0xe1 && b <= 0xef:
			n = 3
		case b == 0xf0:
			n, lo = 4, 0x90
		case b == 0xf4:
			n, hi = 4, 0x8f
		case b >= 0xf1 && b <= 0xf3:
			n = 4
		default:
			return "", &UnicodeDecodeError{"utf-8", data, i, i + 1, "invalid start byte"}
		}
		for k := 1; k < n; k++ {
			if i+k >= len(data) {
				return "", &UnicodeDecodeError{"utf-8", data, i, len(data), "unexpected end of data"}
			}
			c := data[i+k]
			if k > 1 {
				lo, hi = 0x80, 0xbf
			}
			if c < lo || c > hi {
				return "", &UnicodeDecodeError{"utf-8", data, i, i + k, "invalid continuation byte"}
			}
		}
		i += n
	}
	return string(data), nil
}

func decodeASCII(data []byte) (string, error) {
	for i, b := range data {
		if b >= 0x80 {
			return "", &UnicodeDecodeError{"ascii", data, i, i + 1, "ordinal not in range(128)"}
		}
	}
	return string(data), nil
}

func decodeLatin1(data []byte) (string, error) {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		b.WriteRune(rune(c))
	}
	return b.String(), nil
}

// decodeUTF16 decodes UTF-16; order 0 detects a BOM (little-endian when
// there is none, as on the platforms docutils is tested on), 1 is
// little-endian and 2 big-endian.
func decodeUTF16(data []byte, order int) (string, error) {
	i := 0
	if order == 0 {
		order = 1
		if len(data) >= 2 && data[0] == 0xff && data[1] == 0xfe {
			i = 2
		} else if len(data) >= 2 && data[0] == 0xfe && data[1] == 0xff {
			order, i = 2, 2
		}
	}
	name := "utf-16-le"
	var bo binary.ByteOrder = binary.LittleEndian
	if order == 2 {
		name, bo = "utf-16-be", binary.BigEndian
	}
	var b strings.Builder
	b.Grow(len(data) / 2)
	for i < len(data) {
		if len(data)-i < 2 {
			return "", &UnicodeDecodeError{name, data, i, len(data), "truncated data"}
		}
		u := rune(bo.Uint16(data[i:]))
		switch {
		case u < 0xd800 || u > 0xdfff:
			b.WriteRune(u)
			i += 2
		case u >= 0xdc00:
			return "", &UnicodeDecodeError{name, data, i, i + 2, "illegal encoding"}
		case len(data)-i < 4:
			return "", &UnicodeDecodeError{name, data, i, len(data), "unexpected end of data"}
		default:
			u2 := rune(bo.Uint16(data[i+2:]))
			if u2 < 0xdc00 || u2 > 0xdfff {
				return "", &UnicodeDecodeError{name, data, i, i + 2, "illegal UTF-16 surrogate"}
			}
			b.WriteRune(0x10000 + (u-0xd800)<<10 + (u2 - 0xdc00))
			i += 4
		}
	}
	return b.String(), nil
}

// decodeUTF32 decodes UTF-32 with the same order convention as decodeUTF16.
func decodeUTF32(data []byte, order int) (string, error) {
	i := 0
	if order == 0 {
		order = 1
		if bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}) {
			i = 4
		} else if bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}) {
			order, i = 2, 4
		}
	}
	name := "utf-32-le"
	var bo binary.ByteOrder = binary.LittleEndian
	if order == 2 {
		name, bo = "utf-32-be", binary.BigEndian
	}
	var b strings.Builder
	for i < len(data) {
		if len(data)-i < 4 {
			return "", &UnicodeDecodeError{name, data, i, len(data), "truncated data"}
		}
		u := bo.Uint32(data[i:])
		switch {
		case u > 0x10ffff:
			return "", &UnicodeDecodeError{name, data, i, i + 4, "code point not in range(0x110000)"}
		case u >= 0xd800 && u < 0xe000:
			return "", &UnicodeDecodeError{name, data, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"}
		}
		b.WriteRune(rune(u))
		i += 4
	}
	return b.String(), nil
}

// decodeOther decodes with an encoding from golang.org/x/text. Single-byte
// tables report undefined bytes as Python's charmap codec does; the
// multi-byte decoders are trusted to replace what they cannot decode.
func decodeOther(enc encoding.Encoding, pyName string, data []byte) (string, error) {
	if cm, ok := enc.(*charmap.Charmap); ok {
		var b strings.Builder
		for i, c := range data {
			r := cm.DecodeByte(c)
			if r == utf8.RuneError {
				return "", &UnicodeDecodeError{"charmap", data, i, i + 1, "character maps to <undefined>"}
			}
			b.WriteRune(r)
		}
		return b.String(), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", &UnicodeDecodeError{pyName, data, 0, 1, "illegal multibyte sequence"}
	}
	return string(out), nil
}

var codingSlug = regexp.MustCompile(`coding[:=][ \t\n\r\f\v]*([-A-Za-z0-9_.]+)`)

// DecodeGuess decodes data whose encoding was not given, as docutils'
// FileInput does with input_encoding None: UTF-8 with an optional BOM
// first; failing that, the encoding a BOM or a "coding:" declaration
// names, else UTF-8 and then Latin-1; every U+FEFF is then removed.
func DecodeGuess(data []byte) (string, error) {
	if s, err := decodeUTF8(bytes.TrimPrefix(data, bomUTF8)); err == nil {
		return s, nil
	}
	var candidates []string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		candidates = []string{"utf-8"}
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		candidates = []string{"utf-16-be"}
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		candidates = []string{"utf-16-le"}
	default:
		lines := bytesSplitLines(data)
		if len(lines) > 2 {
			lines = lines[:2]
		}
		for _, l := range lines {
			if m := codingSlug.FindSubmatch(l); m != nil {
				candidates = []string{string(m[1])}
				break
			}
		}
		if candidates == nil {
			candidates = []string{"utf-8", "latin-1"}
		}
	}
	var last error
	for _, enc := range candidates {
		s, err := Decode(data, enc)
		if err == nil {
			return strings.ReplaceAll(s, "\ufeff", ""), nil
		}
		last = err
	}
	quoted := make([]string, len(candidates))
	for i, c := range candidates {
		quoted[i] = "'" + c + "'"
	}
	return "", &UnicodeError{Msg: "Unable to decode input data.  Tried the following encodings: " +
		strings.Join(quoted, ", ") + ".\n(" + ErrorString(last) + ")"}
}

// bytesSplitLines is bytes.splitlines: it breaks at \n, \r and \r\n only.
func bytesSplitLines(data []byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			out = append(out, data[start:i])
			start = i + 1
		case '\r':
			out = append(out, data[start:i])
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(data) {
		out = append(out, data[start:])
	}
	return out
}
