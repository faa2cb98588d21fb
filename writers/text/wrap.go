package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// ColumnWidth returns the number of terminal columns text takes, as
// docutils.utils.column_width counts them: East Asian wide and fullwidth
// characters count two, combining characters count one less.
func ColumnWidth(text string) int {
	w := 0
	for _, r := range text {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	w := 1
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		w = 2
	}
	if norm.NFC.PropertiesString(string(r)).CCC() != 0 {
		w--
	}
	return w
}

// isSpace is Python's str.isspace and the \s of its str patterns.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// isWord is the \w of Python's str patterns: letters, numbers, underscore.
func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// wordSepAt matches Sphinx's TextWrapper.wordsep_re at position i of r and
// returns the end of the match, or -1. The pattern's alternatives, tried in
// order, are: a run of whitespace; after whitespace, interpreted text (an
// optional :role: then a backquote and non-space characters); a hyphenated
// word part such as "well-" when letters follow the hyphen; and an em-dash
// of two or more hyphens between a word (or punctuation) and a word.
func wordSepAt(r []rune, i int) int {
	n := len(r)
	// \s+
	if isSpace(r[i]) {
		j := i + 1
		for j < n && isSpace(r[j]) {
			j++
		}
		return j
	}
	// (?<=\s)(?::[a-z-]+:)?`\S+
	if i > 0 && isSpace(r[i-1]) {
		nonSpaceRun := func(from int) int {
			if from >= n || isSpace(r[from]) {
				return -1
			}
			for from < n && !isSpace(r[from]) {
				from++
			}
			return from
		}
		if r[i] == ':' {
			k := i + 1
			for k < n && (r[k] >= 'a' && r[k] <= 'z' || r[k] == '-') {
				k++
			}
			if k > i+1 && k+1 < n && r[k] == ':' && r[k+1] == '`' {
				if e := nonSpaceRun(k + 2); e > 0 {
					return e
				}
			}
		} else if r[i] == '`' {
			if e := nonSpaceRun(i + 1); e > 0 {
				return e
			}
		}
	}
	// [^\s\w]*\w+[a-zA-Z]-(?=\w+[a-zA-Z])
	j := i
	for j < n && !isSpace(r[j]) && !isWord(r[j]) {
		j++
	}
	k := j
	for k < n && isWord(r[k]) {
		k++
	}
	if k-j >= 2 && isASCIILetter(r[k-1]) && k < n && r[k] == '-' {
		m := k + 1
		for q := m; q < n && isWord(r[q]); q++ {
			if q > m && isASCIILetter(r[q]) {
				return k + 1
			}
		}
	}
	// (?<=[\w\!\"\'\&\.\,\?])-{2,}(?=\w)
	if r[i] == '-' && i > 0 && (isWord(r[i-1]) || strings.ContainsRune(`!"'&.,?`, r[i-1])) {
		k := i
		for k < n && r[k] == '-' {
			k++
		}
		if k-i >= 2 && k < n && isWord(r[k]) {
			return k
		}
	}
	return -1
}

// splitWords splits text as re.split(wordsep_re, text) does, keeping the
// separators and dropping empty strings (textwrap's _split).
func splitWords(text string) []string {
	r := []rune(text)
	var out []string
	last := 0
	for i := 0; i < len(r); {
		e := wordSepAt(r, i)
		if e < 0 {
			i++
			continue
		}
		if i > last {
			out = append(out, string(r[last:i]))
		}
		out = append(out, string(r[i:e]))
		last, i = e, e
	}
	if last < len(r) {
		out = append(out, string(r[last:]))
	}
	return out
}

// splitChunks is Sphinx's TextWrapper._split: the word split, then each
// chunk cut into runs of characters of equal column width, where runs of
// one-column characters are split again and every other character is a
// chunk of its own.
func splitChunks(text string) []string {
	var chunks []string
	for _, chunk := range splitWords(text) {
		r := []rune(chunk)
		for start := 0; start < len(r); {
			w := runeWidth(r[start])
			end := start + 1
			for end < len(r) && runeWidth(r[end]) == w {
				end++
			}
			if w == 1 {
				chunks = append(chunks, splitWords(string(r[start:end]))...)
			} else {
				for _, c := range r[start:end] {
					chunks = append(chunks, string(c))
				}
			}
			start = end
		}
	}
	return chunks
}

// mungeWhitespace expands tabs to multiples of eight columns and turns
// each ASCII whitespace character into a space (textwrap's
// _munge_whitespace with its defaults).
func mungeWhitespace(text string) string {
	var b strings.Builder
	col := 0
	for _, r := range text {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		case '\n', '\r':
			b.WriteByte(' ')
			col = 0
			continue
		case '\v', '\f':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
		col++
	}
	return b.String()
}

// Wrap breaks text into lines of at most width columns as Sphinx's text
// writer does (sphinx.writers.text.my_wrap): Python's textwrap with
// Sphinx's word separators, widths counted in columns, whitespace dropped
// at line ends and at the start of lines after the first, and words longer
// than a line broken, one character earlier than they would need to be, as
// Sphinx's _break_word does.
func Wrap(text string, width int) []string {
	if width < 1 {
		width = 1 // Python raises ValueError here.
	}
	chunks := splitChunks(mungeWhitespace(text))
	// chunks is used as a stack: the next chunk is the last element.
	for i, j := 0, len(chunks)-1; i < j; i, j = i+1, j-1 {
		chunks[i], chunks[j] = chunks[j], chunks[i]
	}
	blank := func(s string) bool { return strings.TrimFunc(s, isSpace) == "" }
	var lines []string
	for len(chunks) > 0 {
		var cur []string
		curLen := 0
		if blank(chunks[len(chunks)-1]) && len(lines) > 0 {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := ColumnWidth(chunks[len(chunks)-1])
			if curLen+l > width {
				break
			}
			cur = append(cur, chunks[len(chunks)-1])
			chunks = chunks[:len(chunks)-1]
			curLen += l
		}
		if len(chunks) > 0 && ColumnWidth(chunks[len(chunks)-1]) > width {
			spaceLeft := max(width-curLen, 1)
			head, tail := breakWord(chunks[len(chunks)-1], spaceLeft)
			if head == "" && len(cur) == 0 {
				// Sphinx loops forever here (a one-column line); take
				// one character instead.
				r := []rune(tail)
				head, tail = string(r[:1]), string(r[1:])
			}
			cur = append(cur, head)
			chunks[len(chunks)-1] = tail
		}
		if len(cur) > 0 && blank(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			lines = append(lines, strings.Join(cur, ""))
		}
	}
	return lines
}

// breakWord is Sphinx's TextWrapper._break_word: it cuts word before the
// character preceding the first one that goes past spaceLeft columns.
func breakWord(word string, spaceLeft int) (string, string) {
	r := []rune(word)
	total := 0
	for i, c := range r {
		total += runeWidth(c)
		if total > spaceLeft {
			cut := i - 1
			if cut < 0 { // word[:-1], word[-1:]
				cut = len(r) - 1
			}
			return string(r[:cut]), string(r[cut:])
		}
	}
	return word, ""
}
