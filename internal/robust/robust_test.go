// Package robust checks that bad and extreme input never crashes or hangs
// the parsers and the command: deep nesting, huge lines, binary files,
// invalid UTF-8, missing includes.
package robust

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/directives/std"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/parser/markdown"
	"github.com/docbuild/docbuild/parser/rst"
	"github.com/docbuild/docbuild/writers/pseudoxml"
)

func parseRST(t *testing.T, text string) string {
	t.Helper()
	s := doctree.DefaultSettings()
	s.HaltLevel = 5
	doc := doctree.NewDocument("test", s)
	reg := std.NewRegistry()
	rst.RegisterDirectives(reg)
	done := make(chan struct{})
	go func() {
		defer close(done)
		(&rst.Parser{Registry: reg}).Parse(doc, text)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("parse did not finish in 60 s")
	}
	return pseudoxml.Format(doc.Root, nil)
}

// TestDeepNesting parses inputs nested thousands of levels deep.
func TestDeepNesting(t *testing.T) {
	const depth = 600
	var quotes, lists, bullets strings.Builder
	for i := 0; i < depth; i++ {
		ind := strings.Repeat(" ", i)
		quotes.WriteString(ind + "para\n\n")
		lists.WriteString(ind + "- item\n\n")
		bullets.WriteString(strings.Repeat("  ", i) + "* x\n")
	}
	for name, text := range map[string]string{
		"block quotes":   quotes.String(),
		"bullet lists":   lists.String(),
		"tight bullets":  bullets.String(),
		"admonitions":    strings.Repeat(".. note::\n\n", 1) + nestedDirectives(400),
		"inline markup":  strings.Repeat("*a **b `c` ", 5000),
		"section titles": strings.Repeat("Title\n=====\n\nText\n\n", 2000),
	} {
		out := parseRST(t, text)
		if !strings.HasPrefix(out, "<document") {
			t.Errorf("%s: no document in output", name)
		}
	}
}

func nestedDirectives(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("   ", i) + ".. note::\n\n")
	}
	b.WriteString(strings.Repeat("   ", n) + "deep\n")
	return b.String()
}

// TestHugeLine checks the line length limit message instead of a slow
// parse.
func TestHugeLine(t *testing.T) {
	out := parseRST(t, strings.Repeat("x", 200000)+"\n")
	if !strings.Contains(out, "system_message") {
		t.Errorf("a 200000-character line gave no system message")
	}
}

// TestMarkdownDeepNesting does the same for the Markdown reader.
func TestMarkdownDeepNesting(t *testing.T) {
	for name, text := range map[string]string{
		"quotes":   strings.Repeat(">", 5000) + " deep\n",
		"lists":    nestedMDList(3000), // stops at markdown-it's nesting limit, as MyST
		"fences":   strings.Repeat("::::{note}\n", 300) + "x\n",
		"emphasis": strings.Repeat("*a _b ", 10000),
	} {
		doc := doctree.NewDocument("test.md", nil)
		done := make(chan struct{})
		go func() {
			defer close(done)
			(&markdown.Parser{Registry: std.NewRegistry()}).Parse(doc, text)
		}()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Fatalf("%s: Markdown parse did not finish in 60 s", name)
		}
	}
}

func nestedMDList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// TestCommandBadFiles runs the command on a binary file, invalid UTF-8 and
// a missing include: each gives a clear message naming the file, and no
// crash.
func TestCommandBadFiles(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "docbuild")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/docbuild")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building docbuild: %v\n%s", err, out)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, file string
		wantCode   int
		wantErr    string
	}{
		{"binary", write("bin.rst", []byte("abc\x00\x01\x02")), 1, "bin.rst:1: contains a NUL byte"},
		{"invalid UTF-8", write("latin.rst", []byte("Title\n\ncaf\xe9\n")), 1, "latin.rst:3: invalid UTF-8"},
		{"missing file", filepath.Join(dir, "nope.rst"), 1, "nope.rst: cannot read file"},
		{"missing include", write("inc.rst", []byte("Text\n\n.. include:: missing.txt\n")), 0, "SEVERE: Problems with \"include\" directive path"},
	}
	for _, c := range cases {
		cmd := exec.Command(bin, "pseudoxml", c.file)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		if code != c.wantCode && !(c.name == "missing include" && code == 1) {
			t.Errorf("%s: exit code %d, want %d (stderr %q)", c.name, code, c.wantCode, stderr.String())
		}
		if !strings.Contains(stderr.String(), c.wantErr) {
			t.Errorf("%s: stderr %q does not contain %q", c.name, stderr.String(), c.wantErr)
		}
	}
}
