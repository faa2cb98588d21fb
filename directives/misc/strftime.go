package misc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Strftime formats t as Python's time.strftime does on Linux in the C
// locale (glibc's strftime): the C99 and POSIX conversions, glibc's flags
// "-", "_", "0", "^" and "#" and a field width. An unknown conversion is
// copied as it stands, as glibc does.
func Strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			b.WriteByte(ch)
			continue
		}
		start := i
		i++
		flag := byte(0)
		upper, swap := false, false
		for i < len(format) {
			switch format[i] {
			case '-', '_', '0':
				flag = format[i]
			case '^':
				upper = true
			case '#':
				swap = true
			default:
				goto width
			}
			i++
		}
	width:
		w := -1
		if j := i; j < len(format) && format[j] >= '0' && format[j] <= '9' {
			for j < len(format) && format[j] >= '0' && format[j] <= '9' {
				j++
			}
			w, _ = strconv.Atoi(format[i:j])
			i = j
		}
		for i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		if i >= len(format) {
			b.WriteString(pad(format[start:], nil, 0, w))
			break
		}
		s, numeric, ok := conversion(format[i], t)
		if !ok {
			b.WriteString(pad(format[start:i+1], nil, 0, w))
			continue
		}
		if upper {
			s = strings.ToUpper(s)
		} else if swap {
			s = swapCase(format[i], s)
		}
		b.WriteString(pad(s, numeric, flag, w))
	}
	return b.String()
}

// numeric is the natural width and padding of a numeric conversion.
type numeric struct {
	width int
	fill  byte
}

// conversion returns one conversion's text; numeric conversions also
// return their natural width and padding so that flags can change them.
func conversion(c byte, t time.Time) (string, *numeric, bool) {
	num := func(v, width int, fill byte) (string, *numeric, bool) {
		return strconv.Itoa(v), &numeric{width, fill}, true
	}
	hour12 := t.Hour() % 12
	if hour12 == 0 {
		hour12 = 12
	}
	isoYear, isoWeek := t.ISOWeek()
	switch c {
	case 'a':
		return t.Weekday().String()[:3], nil, true
	case 'A':
		return t.Weekday().String(), nil, true
	case 'b', 'h':
		return t.Month().String()[:3], nil, true
	case 'B':
		return t.Month().String(), nil, true
	case 'c':
		return Strftime("%a %b %e %H:%M:%S %Y", t), nil, true
	case 'C':
		return num(t.Year()/100, 2, '0')
	case 'd':
		return num(t.Day(), 2, '0')
	case 'D':
		return Strftime("%m/%d/%y", t), nil, true
	case 'e':
		return num(t.Day(), 2, ' ')
	case 'F':
		return Strftime("%Y-%m-%d", t), nil, true
	case 'G':
		return num(isoYear, 1, '0')
	case 'g':
		return num(isoYear%100, 2, '0')
	case 'H':
		return num(t.Hour(), 2, '0')
	case 'I':
		return num(hour12, 2, '0')
	case 'j':
		return num(t.YearDay(), 3, '0')
	case 'k':
		return num(t.Hour(), 2, ' ')
	case 'l':
		return num(hour12, 2, ' ')
	case 'm':
		return num(int(t.Month()), 2, '0')
	case 'M':
		return num(t.Minute(), 2, '0')
	case 'n':
		return "\n", nil, true
	case 'p':
		if t.Hour() < 12 {
			return "AM", nil, true
		}
		return "PM", nil, true
	case 'P':
		if t.Hour() < 12 {
			return "am", nil, true
		}
		return "pm", nil, true
	case 'r':
		return Strftime("%I:%M:%S %p", t), nil, true
	case 'R':
		return Strftime("%H:%M", t), nil, true
	case 's':
		return num(int(t.Unix()), 1, '0')
	case 'S':
		return num(t.Second(), 2, '0')
	case 't':
		return "\t", nil, true
	case 'T':
		return Strftime("%H:%M:%S", t), nil, true
	case 'u':
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return num(wd, 1, '0')
	case 'U':
		return num((t.YearDay()+6-int(t.Weekday()))/7, 2, '0')
	case 'V':
		return num(isoWeek, 2, '0')
	case 'w':
		return num(int(t.Weekday()), 1, '0')
	case 'W':
		return num((t.YearDay()+6-(int(t.Weekday())+6)%7)/7, 2, '0')
	case 'x':
		return Strftime("%m/%d/%y", t), nil, true
	case 'X':
		return Strftime("%H:%M:%S", t), nil, true
	case 'y':
		return num(t.Year()%100, 2, '0')
	case 'Y':
		return num(t.Year(), 1, '0')
	case 'z':
		_, off := t.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60), nil, true
	case 'Z':
		name, _ := t.Zone()
		return name, nil, true
	case '%':
		return "%", nil, true
	}
	return "", nil, false
}

// swapCase applies glibc's "#" flag: names are upper-cased, except %p
// (lower-cased) and %Z (lower-cased).
func swapCase(c byte, s string) string {
	switch c {
	case 'p', 'Z':
		return strings.ToLower(s)
	case 'a', 'A', 'b', 'B', 'h':
		return strings.ToUpper(s)
	}
	return s
}

// pad pads a conversion to its width: numbers with their fill unless a
// flag changes it ("-" drops the natural width), text with spaces on the
// left.
func pad(s string, n *numeric, flag byte, width int) string {
	fill := byte(' ')
	natural := 0
	if n != nil {
		fill, natural = n.fill, n.width
		switch flag {
		case '-':
			if width < 0 {
				return s
			}
			fill = ' '
		case '_':
			fill = ' '
		case '0':
			fill = '0'
		}
	} else if flag == '0' {
		fill = '0'
	}
	if width < 0 {
		width = natural
	}
	neg := strings.HasPrefix(s, "-")
	if len(s) >= width {
		return s
	}
	if fill == '0' && neg {
		return "-" + strings.Repeat("0", width-len(s)) + s[1:]
	}
	return strings.Repeat(string(fill), width-len(s)) + s
}
