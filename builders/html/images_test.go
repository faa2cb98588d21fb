package html_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/html"
	"github.com/docbuild/docbuild/doctree"
	"github.com/docbuild/docbuild/project"
)

// treeless hides the build's trees from Prepare, as a build that drops
// each tree after reading it does: the builder must name the images from
// what its AfterRead hook recorded.
type treeless struct{ *html.Builder }

func (t treeless) Prepare(b *project.Build, out string) error {
	docs := b.Docs
	b.Docs = map[string]*doctree.Document{}
	defer func() { b.Docs = docs }()
	return t.Builder.Prepare(b, out)
}

// imageProject writes a project with two different images named pic.png
// in different folders, a "logo.*" image with a PNG and a GIF candidate,
// and a missing image.
func imageProject(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	files := map[string]string{
		"conf.py":    "project = 'Images'\n",
		"index.rst":  "Images\n======\n\n.. toctree::\n\n   a/page\n   b/page\n",
		"a/page.rst": "A\n=\n\n.. image:: pic.png\n",
		"a/pic.png":  "A-PNG",
		"b/page.rst": "B\n=\n\n.. image:: pic.png\n\n.. image:: logo.*\n\n.. image:: gone.png\n",
		"b/pic.png":  "B-PNG",
		"b/logo.png": "LOGO-PNG",
		"b/logo.gif": "LOGO-GIF",
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

func TestImagesRecordedAfterRead(t *testing.T) {
	tests := []struct {
		name    string
		builder func() project.Builder
		// pages maps each page file to the image URIs it must show.
		pages map[string][]string
	}{
		{"html", func() project.Builder { return treeless{html.New()} }, map[string][]string{
			"a/page.html": {`src="../_images/pic.png"`},
			"b/page.html": {`src="../_images/pic1.png"`, `src="../_images/logo.png"`},
		}},
		{"dirhtml", func() project.Builder { return treeless{html.NewDir()} }, map[string][]string{
			"a/page/index.html": {`src="../../_images/pic.png"`},
			"b/page/index.html": {`src="../../_images/pic1.png"`, `src="../../_images/logo.png"`},
		}},
		{"singlehtml", func() project.Builder { return treeless{html.NewSingle()} }, map[string][]string{
			"index.html": {`src="_images/pic.png"`, `src="_images/pic1.png"`, `src="_images/logo.png"`},
		}},
		// Without Attach before Read there are no records: Prepare walks
		// the trees in Docs.
		{"unattached", nil, map[string][]string{
			"a/page.html": {`src="../_images/pic.png"`},
			"b/page.html": {`src="../_images/pic1.png"`, `src="../_images/logo.png"`},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := imageProject(t)
			var out, log string
			if tc.builder != nil {
				out, log = build(t, src, tc.builder())
			} else {
				out, log = buildUnattached(t, src, html.New())
			}
			for file, want := range tc.pages {
				page := read(t, filepath.Join(out, filepath.FromSlash(file)))
				for _, w := range want {
					if !strings.Contains(page, w) {
						t.Errorf("%s lacks %s", file, w)
					}
				}
			}
			for name, want := range map[string]string{"pic.png": "A-PNG", "pic1.png": "B-PNG", "logo.png": "LOGO-PNG"} {
				if got := read(t, filepath.Join(out, "_images", name)); got != want {
					t.Errorf("_images/%s = %q, want %q", name, got, want)
				}
			}
			if _, err := os.Stat(filepath.Join(out, "_images", "logo.gif")); err == nil {
				t.Error("_images/logo.gif copied; logo.* should pick only logo.png")
			}
			wantWarn := "b/page.rst:8: WARNING: image file not readable: b/gone.png"
			if strings.Count(log, "image file not readable") != 1 || !strings.Contains(log, wantWarn) {
				t.Errorf("log lacks exactly one %q:\n%s", wantWarn, log)
			}
		})
	}
}

// buildUnattached reads the project before the builder learns the build,
// so that no AfterRead hook records images.
func buildUnattached(t *testing.T, src string, builder *html.Builder) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var log bytes.Buffer
	b, err := project.New(project.Options{
		SrcDir: src, OutDir: out, Registry: registry(), Log: &log,
		Now: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		// A builder that was not attached before reading finds the
		// trees only when the build keeps them.
		KeepTrees: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	configure(b)
	b.Builder = builder
	ctx := context.Background()
	if err := b.Read(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Write(ctx, builder); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return out, log.String()
}
