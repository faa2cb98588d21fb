package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/docbuild/docbuild/builders/html"
	"github.com/docbuild/docbuild/builders/json"
	"github.com/docbuild/docbuild/builders/pseudoxml"
	"github.com/docbuild/docbuild/builders/text"
	"github.com/docbuild/docbuild/builders/xml"
	"github.com/docbuild/docbuild/project"
	"github.com/docbuild/docbuild/sphinxbuild"
)

// builders maps builder names to constructors. It is a value the command
// builds, not a package global registry that others mutate.
func builders() map[string]func() project.Builder {
	return map[string]func() project.Builder{
		"pseudoxml":  func() project.Builder { return &pseudoxml.Builder{} },
		"html":       func() project.Builder { return html.New() },
		"dirhtml":    func() project.Builder { return html.NewDir() },
		"singlehtml": func() project.Builder { return html.NewSingle() },
		"json":       func() project.Builder { return json.New() },
		"xml":        func() project.Builder { return &xml.Builder{} },
		"text":       func() project.Builder { return &text.Builder{} },
	}
}

// listFlag collects repeated flags.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func runBuild(name string, args []string, stdout, stderr io.Writer) int {
	mk, ok := builders()[name]
	if !ok {
		fmt.Fprintf(stderr, "docbuild: unknown builder %q\n\n%s", name, usage)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	werror := fs.Bool("W", false, "turn warnings into errors: exit with status 1 when there are any")
	quiet := fs.Bool("q", false, "quiet: print only warnings and errors")
	nitpicky := fs.Bool("n", false, "nitpicky: warn about every reference that cannot be resolved")
	jobs := fs.Int("j", 0, "number of parallel `workers` (default: all cores)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `file`")
	var defines, tags listFlag
	fs.Var(&defines, "D", "override a configuration `setting=value` (repeatable)")
	fs.Var(&tags, "t", "define a `tag` for the only directive (repeatable)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docbuild %s [options] [SOURCEDIR [OUTDIR]]\n\nBuild the project in SOURCEDIR (default .) into OUTDIR (default SOURCEDIR/_build/%s).\n\n", name, name)
		fs.PrintDefaults()
	}
	// Options may follow the folders, as with sphinx-build.
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		args = fs.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) > 2 {
		fs.Usage()
		return 2
	}
	src := "."
	if len(pos) > 0 {
		src = pos[0]
	}
	out := filepath.Join(src, "_build", name)
	if len(pos) > 1 {
		out = pos[1]
	}
	opts := project.Options{
		SrcDir: src, OutDir: out, Overrides: defines, Tags: tags, Jobs: *jobs,
		Nitpicky: *nitpicky, Log: stderr, Registry: sphinxbuild.Registry(),
		Codecs: sphinxbuild.Codecs(),
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil {
			opts.Now = time.Unix(sec, 0).UTC()
		}
	}
	prog := newProgress(stderr, *quiet)
	opts.Progress = prog.update
	b, err := project.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: %v\n", err)
		return 1
	}
	sphinxbuild.Configure(b)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "docbuild: cannot write the CPU profile: %v\n", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer writeHeapProfile(*memProfile, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := b.Run(ctx, mk())
	prog.done()
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: build failed: %v\n", err)
		return 1
	}
	if !*quiet {
		fmt.Fprintf(stdout, "build succeeded: %d pages written to %s, %d warnings, %d errors, in %.2fs\n",
			res.Pages, out, res.Warnings, res.Errors, res.Elapsed.Seconds())
	}
	// As sphinx-build: problems in documents are reported, but only -W
	// turns them into a failing exit status.
	if *werror && res.Warnings+res.Errors > 0 {
		fmt.Fprintf(stderr, "docbuild: %d warnings and %d errors with -W: failing\n", res.Warnings, res.Errors)
		return 1
	}
	return 0
}

// writeHeapProfile writes the allocations made so far, for
// "go tool pprof -sample_index=alloc_space".
func writeHeapProfile(path string, stderr io.Writer) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "docbuild: cannot write the heap profile: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(stderr, "docbuild: cannot write the heap profile: %v\n", err)
	}
}

// progress shows the stage and count on a terminal when a build takes
// longer than a second; on a pipe it prints nothing, so logs stay clean.
type progress struct {
	w       io.Writer
	tty     bool
	start   time.Time
	last    time.Time
	shown   bool
	enabled bool
}

func newProgress(w io.Writer, quiet bool) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, tty: tty, start: time.Now(), enabled: !quiet}
}

func (p *progress) update(stage string, done, total int) {
	if !p.enabled || !p.tty {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond && done != total {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\033[K%s [%d/%d]", stage, done, total)
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
