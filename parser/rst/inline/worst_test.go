//go:build linux

package inline

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// TestLinearTime checks that inputs which make docutils' regular
// expressions search the rest of the text again and again take time in
// proportion to their length here: sixteen times the text may take
// sixteen times as long, give or take, but not the 256 times a quadratic
// search would.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	reg := testRegistry()
	// The time is this thread's CPU time, after a collection, so that
	// other processes and the collector's own threads do not blur it; the
	// best of three runs is kept.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	parse := func(text string, charLevel bool) time.Duration {
		best := time.Duration(1 << 62)
		for run := 0; run < 3; run++ {
			runtime.GC()
			settings := doctree.DefaultSettings()
			settings.HaltLevel = 5
			settings.CharacterLevelInlineMarkup = charLevel
			settings.PEPReferences, settings.RFCReferences = true, true
			doc := doctree.NewDocument("test", settings)
			in := New(doc, directives.NewScope(reg, "en"))
			start := threadTime()
			in.Parse(text, 1, doc.Root)
			best = min(best, threadTime()-start)
		}
		return best
	}
	for _, tc := range []struct {
		name, unit string
	}{
		{"emphasis without end", "*a "},
		{"strong without end", "**a "},
		{"literal without end", "``a "},
		{"interpreted without end", "`a "},
		{"substitution without end", "|a "},
		{"target without end", "_`a "},
		{"hyphenated words", "a-"},
		{"scheme-like words", "a+"},
		{"local parts", "a-b."},
		{"roles", ":a:"},
		{"footnote labels", "[1"},
		{"phrase ends", "`a` "},
		{"escaped backquotes", "`\\` "},
		{"PEP-like", "pep-1 "},
	} {
		for _, charLevel := range []bool{false, true} {
			small := strings.Repeat(tc.unit, 2000/len(tc.unit))
			large := strings.Repeat(tc.unit, 32000/len(tc.unit))
			ts, tl := parse(small, charLevel), parse(large, charLevel)
			if tl > 20*time.Millisecond && tl > 64*ts {
				t.Errorf("%s (character level %v): %v for %d bytes, %v for %d bytes",
					tc.name, charLevel, ts, len(small), tl, len(large))
			}
		}
	}
}

// threadTime returns the CPU time the calling thread has used.
func threadTime() time.Duration {
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	var ts syscall.Timespec
	if _, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime,
		uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
