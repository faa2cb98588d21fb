package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSingleHTMLArgs checks how "docbuild html ARGS" tells one file from a
// project: the first positional argument decides, and the values of flags
// (a profile file that already exists, say) are not positional.
func TestSingleHTMLArgs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.rst")
	prof := filepath.Join(dir, "cpu.prof")
	for _, f := range []string{file, prof} {
		if err := os.WriteFile(f, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{file}, true},
		{[]string{file, "-o", "out.html"}, true},
		{[]string{"-o", file, dir}, false},
		{[]string{dir}, false},
		{[]string{"-cpuprofile", prof, dir, filepath.Join(dir, "out")}, false},
		{[]string{"-D", "x=y", "-j", "2", dir}, false},
		{[]string{"-q", file}, true},
	} {
		if got := singleHTMLArgs(tc.args); got != tc.want {
			t.Errorf("singleHTMLArgs(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
