//go:build pycheck

package misc

import (
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// TestStrftimeAgainstPython compares Strftime with Python's time.strftime
// (run with -tags pycheck) on UTC times.
func TestStrftimeAgainstPython(t *testing.T) {
	formats := []string{"%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %%",
		"%-d %-m %_d %0e %^a %^B %#p %#a %10d %-10d %_5Y %5a %05a %E %Ey %Od %q %", "%3", "%-", "%^", "%#b %^#b"}
	for _, ts := range []int64{0, 1795000000, 1800000000, 946684799, 1041379200, 1104537600} {
		tm := time.Unix(ts, 0).UTC()
		for _, f := range formats {
			out, err := exec.Command("python3", "-c", "import sys,time; sys.stdout.write(time.strftime(sys.argv[1], time.gmtime(int(sys.argv[2]))))", f, strconv.FormatInt(ts, 10)).Output()
			if err != nil {
				t.Fatal(err)
			}
			if got := Strftime(f, tm); got != string(out) {
				t.Errorf("%d %q:\n got %q\nwant %q", ts, f, got, out)
			}
		}
	}
}
