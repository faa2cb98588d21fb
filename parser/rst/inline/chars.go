package inline

//go:generate sh -c "python3 gen_tables.py > tables.go && gofmt -w tables.go"

import "unicode/utf8"

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// inRanges reports whether r lies in one of the sorted ranges.
func inRanges(r rune, rs []runeRange) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[m].lo:
			hi = m
		case r > rs[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isWord is Python's \w: letters, digits and numbers, and the underscore.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cWord != 0
	}
	return inRanges(r, wordRanges)
}

// isSpace is Python's \s (str.isspace).
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cSpace != 0
	}
	return inRanges(r, spaceRanges)
}

// isDigit is Python's \d: a Unicode decimal digit.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cDigit != 0
	}
	return inRanges(r, digitRanges)
}

// isStartPrefix reports whether r may precede an inline markup
// start-string: white space, an opener or a delimiter.
func isStartPrefix(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cStartPrefix != 0
	}
	return inRanges(r, startPrefixRanges)
}

// isEndSuffix reports whether r may follow an inline markup end-string:
// white space, an escape marker, a closing delimiter, a delimiter or a
// closer.
func isEndSuffix(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cEndSuffix != 0
	}
	return inRanges(r, endSuffixRanges)
}

// digitValue returns the value of a decimal digit. Unicode encodes every
// set of decimal digits as a contiguous run from zero to nine, and the
// runs that touch (the mathematical digits) are whole sets, so the offset
// from the start of the run gives the value.
func digitValue(r rune) int {
	if r < utf8.RuneSelf {
		return int(r - '0')
	}
	start := r
	for start > 0 && isDigit(start-1) {
		start--
	}
	return int(r-start) % 10
}

// matchChars reports whether c1 and c2 are a matching open/close pair
// (punctuation_chars.match_chars): a start-string between them is
// "quoted".
func matchChars(c1, c2 rune) bool {
	i := -1
	for k, o := range openers {
		if o == c1 {
			i = k
			break
		}
	}
	if i < 0 {
		return false
	}
	if c2 == closers[i] {
		return true
	}
	for _, c := range quotePairs[c1] {
		if c == c2 {
			return true
		}
	}
	return false
}

// isSimpleWord is a character of a simple name's words: (?!_)\w.
func isSimpleWord(r rune) bool { return r != '_' && isWord(r) }

// isSimpleSep is a character that may join two words of a simple name.
func isSimpleSep(c byte) bool {
	return c == '-' || c == '.' || c == '_' || c == '+' || c == ':'
}

// Character sets of the URI and e-mail patterns (all ASCII).
const (
	uUric = 1 << iota
	uUrilast
	uEmailc
	uScheme
)

var uriClass = func() (t [128]uint8) {
	set := func(chars string, bit uint8) {
		for i := 0; i < len(chars); i++ {
			t[chars[i]] |= bit
		}
	}
	const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	set("-_.!~*'()[];/:@&=+$,%\x00"+alnum, uUric)
	set("_~*/=+"+alnum, uUrilast)
	set("-_!~*'{|}/#?^`&=+$%\x00"+alnum, uEmailc)
	set(".+-"+alnum, uScheme)
	return t
}()

func uriIs(c byte, bit uint8) bool { return c < utf8.RuneSelf && uriClass[c]&bit != 0 }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
