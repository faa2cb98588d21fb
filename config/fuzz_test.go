package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseConfPy checks that no input makes the conf.py reader panic or
// hang, that reports point inside the file, and that whatever it reads can
// be written as docbuild.toml and read back.
func FuzzParseConfPy(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/conf.py")
	files = append(files, "/tmp/cpython-docs/conf.py")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	if data, err := os.ReadFile("testdata/exprs.txt"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				f.Add([]byte(prelude + "x = " + line + "\n"))
			}
		}
	}
	for _, s := range []string{
		"a = [\n", "'''", "x = (((((1)))))", "if x:\n\ty = 1\n  z = 2\n", "\\", "a = b = c",
		"f'{x!r:>{w}}'", "d = {}\nd['d'] = d\ns = '%s' % d\n", "x = 'a' * 10**9",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ns, warns := ParseConfPy("conf.py", src)
		lines := 1 + bytes.Count(src, []byte("\n"))
		for _, w := range warns {
			if w.Line < 1 || w.Line > lines {
				t.Fatalf("warning outside the file (%d lines): %s", lines, w)
			}
		}
		for _, name := range ns.Names() {
			v, line, ok := ns.Get(name)
			if !ok || line < 1 || line > lines {
				t.Fatalf("%s: ok %v line %d", name, ok, line)
			}
			_ = Repr(v)
		}
		c, _ := FromConfPy(".", "conf.py", src)
		var buf bytes.Buffer
		if err := c.WriteTOML(&buf); err != nil {
			t.Fatal(err)
		}
		if _, _, err := FromTOML(".", "docbuild.toml", buf.Bytes()); err != nil {
			t.Fatalf("written TOML does not read back: %v\n%s", err, buf.String())
		}
	})
}

// FuzzFromTOML checks that no docbuild.toml makes the reader panic, and
// that a file it accepts can be written and read back.
func FuzzFromTOML(f *testing.F) {
	f.Add([]byte("project = \"x\"\n[html]\ntheme = \"furo\"\n[html.theme_options]\na = 1\n"))
	f.Add([]byte("[extlinks]\ngh = [\"https://github.com/%s\"]\n[intersphinx.mapping]\npy = \"https://docs.python.org/3\"\n"))
	f.Add([]byte("a.b.c = 1\n[[x]]\ny = 2\n[t]\n\"quoted key\" = { inner = [1, 2, { z = 3 }] }\n"))
	f.Add([]byte("when = 1979-05-27T07:32:00Z\nday = 1979-05-27\nhtml_theme = 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := FromTOML(".", "docbuild.toml", data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := c.WriteTOML(&buf); err != nil {
			t.Fatal(err)
		}
		if _, _, err := FromTOML(".", "docbuild.toml", buf.Bytes()); err != nil {
			t.Fatalf("written TOML does not read back: %v\n%s", err, buf.String())
		}
	})
}
