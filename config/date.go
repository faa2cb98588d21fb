package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// DefaultDateFormat is what Sphinx uses for |today| and "Last updated" when
// no format is configured.
const DefaultDateFormat = "%b %d, %Y"

// BuildTime returns the time a build should show: $SOURCE_DATE_EPOCH (UTC)
// when set, for reproducible builds as Sphinx honours it, else now.
func BuildTime() time.Time {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			sec := int64(f)
			return time.Unix(sec, int64((f-float64(sec))*1e9)).UTC()
		}
	}
	return time.Now()
}

// TodayText is the text of |today|: today when set, else the build date in
// today_fmt (sphinx.transforms.DefaultSubstitutions).
func (c *Config) TodayText(t time.Time) string {
	if c.Today != "" {
		return c.Today
	}
	f := c.TodayFmt
	if f == "" {
		f = DefaultDateFormat
	}
	return FormatDate(f, t)
}

// LastUpdatedText is the "Last updated on" date of HTML pages, or false when
// html_last_updated_fmt is None.
func (c *Config) LastUpdatedText(t time.Time) (string, bool) {
	if !c.HTMLShowLastUpdated {
		return "", false
	}
	f := c.HTMLLastUpdatedFmt
	if f == "" {
		f = DefaultDateFormat
	}
	return FormatDate(f, t), true
}

// Substitutions returns the substitutions Sphinx defines in every document
// unless the document defines them itself: |version|, |release|, |today|.
func (c *Config) Substitutions(t time.Time) map[string]string {
	return map[string]string{
		"version": c.Version,
		"release": c.Release,
		"today":   c.TodayText(t),
	}
}

// FormatDate formats t with the strftime-style directives Sphinx accepts in
// today_fmt and html_last_updated_fmt (sphinx.util.i18n.format_date), in
// English: Sphinx translates them to Babel patterns, whose English output
// this reproduces. Unknown directives are left as they are, as Sphinx does.
func FormatDate(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 >= len(format) {
			b.WriteByte(format[i])
			continue
		}
		tok := format[i : i+2]
		if format[i+1] == '-' && i+2 < len(format) {
			long := format[i : i+3]
			if s, ok := dateDirective(long, t); ok {
				b.WriteString(s)
				i += 2
				continue
			}
		}
		if s, ok := dateDirective(tok, t); ok {
			b.WriteString(s)
			i++
			continue
		}
		b.WriteByte('%')
	}
	return b.String()
}

func dateDirective(tok string, t time.Time) (string, bool) {
	hour12 := t.Hour() % 12
	if hour12 == 0 {
		hour12 = 12
	}
	_, week := t.ISOWeek()
	switch tok {
	case "%a":
		return t.Format("Mon"), true
	case "%A":
		return t.Format("Monday"), true
	case "%b":
		return t.Format("Jan"), true
	case "%B":
		return t.Format("January"), true
	case "%c":
		return t.Format("Jan 2, 2006, 3:04:05 PM"), true
	case "%-d":
		return strconv.Itoa(t.Day()), true
	case "%d":
		return fmt.Sprintf("%02d", t.Day()), true
	case "%-H":
		return strconv.Itoa(t.Hour()), true
	case "%H":
		return fmt.Sprintf("%02d", t.Hour()), true
	case "%-I":
		return strconv.Itoa(hour12), true
	case "%I":
		return fmt.Sprintf("%02d", hour12), true
	case "%-j":
		return strconv.Itoa(t.YearDay()), true
	case "%j":
		return fmt.Sprintf("%03d", t.YearDay()), true
	case "%-m":
		return strconv.Itoa(int(t.Month())), true
	case "%m":
		return fmt.Sprintf("%02d", int(t.Month())), true
	case "%-M":
		return strconv.Itoa(t.Minute()), true
	case "%M":
		return fmt.Sprintf("%02d", t.Minute()), true
	case "%p":
		return t.Format("PM"), true
	case "%-S":
		return strconv.Itoa(t.Second()), true
	case "%S":
		return fmt.Sprintf("%02d", t.Second()), true
	case "%U", "%W":
		return fmt.Sprintf("%02d", week), true
	case "%-W":
		return strconv.Itoa(week), true
	case "%w":
		return strconv.Itoa(int(t.Weekday())), true
	case "%x":
		return t.Format("Jan 2, 2006"), true
	case "%X":
		return t.Format("3:04:05 PM"), true
	case "%y":
		return fmt.Sprintf("%02d", t.Year()%100), true
	case "%Y":
		return strconv.Itoa(t.Year()), true
	case "%Z":
		return t.Format("MST"), true
	case "%z":
		return t.Format("-0700"), true
	case "%%":
		return "%", true
	}
	return "", false
}
