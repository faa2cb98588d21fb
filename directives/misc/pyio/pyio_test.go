package pyio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeErrors(t *testing.T) {
	// Expected texts are CPython 3.11's.
	cases := []struct {
		data, enc, want string
	}{
		{"ab\xffcd", "utf-8", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"},
		{"ab\xc3", "utf-8", "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data"},
		{"ab\xe2\x82", "utf-8", "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"},
		{"ab\xe2\x82x", "utf-8", "'utf-8' codec can't decode bytes in position 2-3: invalid continuation byte"},
		{"\xed\xa0\x80", "utf-8", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
		{"\xc0\xaf", "utf-8", "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"},
		{"\xf0\x9f\x98", "utf8", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"},
		{"\xef\xbb\xbfa\xff", "utf-8-sig", "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"},
		{"\xfe\xff", "ascii", "'ascii' codec can't decode byte 0xfe in position 0: ordinal not in range(128)"},
		{"a\x00b", "utf-16", "'utf-16-le' codec can't decode byte 0x62 in position 2: truncated data"},
		{"\x00\xdcab", "utf-16", "'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding"},
		{"\x00\xd8ab", "utf-16-le", "'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"},
		{"\x00\xd8a", "utf-16", "'utf-16-le' codec can't decode bytes in position 0-2: unexpected end of data"},
		{"\xfe\xff\xdc\x00", "utf-16", "'utf-16-be' codec can't decode bytes in position 2-3: illegal encoding"},
		{"abcde", "utf-32", "'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)"},
		{"\x00\xd8\x00\x00", "utf-32", "'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)"},
		{"\x00\xd8a", "utf-32", "'utf-32-le' codec can't decode bytes in position 0-2: truncated data"},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.data), c.enc)
		if err == nil || err.Error() != c.want {
			t.Errorf("Decode(%q, %s) = %v, want %s", c.data, c.enc, err, c.want)
		}
	}
	if s, err := Decode([]byte("\xff\xfea\x00"), "UTF-16"); err != nil || s != "a" {
		t.Errorf("utf-16 BOM: %q %v", s, err)
	}
	if s, err := Decode([]byte("\xe9"), "Latin-1"); err != nil || s != "é" {
		t.Errorf("latin-1: %q %v", s, err)
	}
	if _, err := Decode(nil, "no-such-codec"); err == nil || ErrorString(err) != "LookupError: unknown encoding: no-such-codec" {
		t.Errorf("unknown codec: %v", err)
	}
}

func TestDecodeGuess(t *testing.T) {
	cases := map[string]string{
		"\xef\xbb\xbfabc":            "abc",
		"caf\xe9":                    "café",
		"# coding: latin-1\ncaf\xe9": "# coding: latin-1\ncafé",
		"\xff\xfea\x00\xff":          "",
	}
	for in, want := range cases {
		got, err := DecodeGuess([]byte(in))
		if want == "" {
			if err == nil || !strings.HasPrefix(err.Error(), "Unable to decode input data.  Tried the following encodings: 'utf-16-le'.\n(UnicodeDecodeError: ") {
				t.Errorf("DecodeGuess(%q) error = %v", in, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("DecodeGuess(%q) = %q, %v", in, got, err)
		}
	}
}

func TestLines(t *testing.T) {
	if got := NormalizeNewlines("a\r\nb\rc\x0cd\u2028e"); got != "a\nb\nc\nd\ne\n" {
		t.Errorf("NormalizeNewlines = %q", got)
	}
	if got := NormalizeNewlines(""); got != "" {
		t.Errorf("NormalizeNewlines(\"\") = %q", got)
	}
	got := String2Lines("a\tb  \n\tc\x0bd\n", 4, true)
	if strings.Join(got, "|") != "a   b|    c d" {
		t.Errorf("String2Lines = %q", got)
	}
	if ExpandTabs("ab\tc", 0) != "abc" || ExpandTabs("ab\tc", 3) != "ab c" {
		t.Errorf("ExpandTabs")
	}
	if got := SplitLines("a\nb\r\n", true); len(got) != 2 || got[1] != "b\r\n" {
		t.Errorf("SplitLines keepends = %q", got)
	}
}

func TestRelativePath(t *testing.T) {
	wd, _ := os.Getwd()
	cases := map[[2]string]string{
		{"", filepath.Join(wd, "x", "y.txt")}:                      "x/y.txt",
		{"", filepath.Join(filepath.Dir(wd), "z.txt")}:             "../z.txt",
		{filepath.Join(wd, "a", "f"), filepath.Join(wd, "b", "g")}: "../b/g",
		{"/usr/a", "/var/b"}:                                       "/var/b",
	}
	for in, want := range cases {
		if got := RelativePath(in[0], in[1]); got != want {
			t.Errorf("RelativePath(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadBytes(filepath.Join(dir, "missing"))
	if err == nil || ErrorString(err) != "InputError: [Errno 2] No such file or directory: '"+filepath.Join(dir, "missing")+"'" {
		t.Errorf("missing file: %v", err)
	}
	_, err = ReadBytes(dir)
	if err == nil || !strings.HasPrefix(err.Error(), "[Errno 21] Is a directory: ") {
		t.Errorf("directory: %v", err)
	}
	if _, err = ReadBytes("a\x00b"); err == nil || ErrorString(err) != "ValueError: embedded null byte" {
		t.Errorf("NUL in path: %v", err)
	}
}

func TestOpenURL(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "d.txt")
	os.WriteFile(f, []byte("data"), 0o644)
	if b, err := OpenURL("file://" + f); err != nil || string(b) != "data" {
		t.Errorf("file URL: %q %v", b, err)
	}
	if _, err := OpenURL("file:///no/such"); err == nil || err.Error() != "<urlopen error [Errno 2] No such file or directory: '/no/such'>" {
		t.Errorf("missing file URL: %v", err)
	}
	if b, err := OpenURL("data:text/plain;base64,aGk="); err != nil || string(b) != "hi" {
		t.Errorf("data URL: %q %v", b, err)
	}
	if _, err := OpenURL("bogus.csv"); err == nil || ErrorString(err) != "ValueError: unknown url type: 'bogus.csv'" {
		t.Errorf("no scheme: %v", err)
	}
	if _, err := OpenURL("https://example.org/x"); err == nil || !strings.HasPrefix(ErrorString(err), "URLError: <urlopen error ") {
		t.Errorf("https: %v", err)
	}
}
