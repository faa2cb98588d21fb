package search

// Stem returns the Porter stem of a lower-case English word, as the
// original algorithm (and snowballstemmer's "porter", which Sphinx indexes
// with) computes it: short words are stemmed too ("is" becomes "i"), and
// none of the reference C implementation's departures apply. The search
// client in the default theme runs the same algorithm on queries, so index
// terms and query terms meet.
func Stem(word string) string {
	if word == "" {
		return word
	}
	// Letters other than a, e, i, o, u and y count as consonants, as in
	// snowball's implementation.
	s := &stemmer{b: []rune(word)}
	s.k = len(s.b) - 1
	s.step1ab()
	if s.k < 0 {
		return ""
	}
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return string(s.b[:s.k+1])
}

// stemmer holds the word being stemmed: b[0..k] is the current word and
// j marks the end of the stem while a suffix is tested.
type stemmer struct {
	b    []rune
	k, j int
}

// cons reports whether b[i] is a consonant: not a vowel, and a "y" only
// at the start or after a vowel.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		if i == 0 {
			return true
		}
		return !s.cons(i - 1)
	}
	return true
}

// m counts the vowel-consonant sequences in b[0..j].
func (s *stemmer) m() int {
	n, i := 0, 0
	for {
		if i > s.j {
			return n
		}
		if !s.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > s.j {
				return n
			}
			if s.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > s.j {
				return n
			}
			if !s.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

// vowelInStem reports whether b[0..j] contains a vowel.
func (s *stemmer) vowelInStem() bool {
	for i := 0; i <= s.j; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doublec reports whether b[i-1..i] is a double consonant.
func (s *stemmer) doublec(i int) bool {
	if i < 1 || s.b[i] != s.b[i-1] {
		return false
	}
	return s.cons(i)
}

// cvc reports whether b[i-2..i] is consonant-vowel-consonant with the last
// not w, x or y: the stem of "hop", not of "hoop" or "snow".
func (s *stemmer) cvc(i int) bool {
	if i < 2 || !s.cons(i) || s.cons(i-1) || !s.cons(i-2) {
		return false
	}
	switch s.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends reports whether b[0..k] ends with suffix, setting j before it.
func (s *stemmer) ends(suffix string) bool {
	n := len(suffix) // suffixes are ASCII: bytes are runes
	if n > s.k+1 {
		return false
	}
	for i := 0; i < n; i++ {
		if s.b[s.k+1-n+i] != rune(suffix[i]) {
			return false
		}
	}
	s.j = s.k - n
	return true
}

// setTo replaces b[j+1..k] with r.
func (s *stemmer) setTo(r string) {
	s.b = append(s.b[:s.j+1], []rune(r)...)
	s.k = s.j + len(r)
}

func (s *stemmer) r(repl string) {
	if s.m() > 0 {
		s.setTo(repl)
	}
}

// step1ab removes plurals and -ed or -ing.
func (s *stemmer) step1ab() {
	if s.b[s.k] == 's' {
		switch {
		case s.ends("sses"):
			s.k -= 2
		case s.ends("ies"):
			s.setTo("i")
		case s.k == 0 || s.b[s.k-1] != 's':
			s.k--
		}
	}
	if s.ends("eed") {
		if s.m() > 0 {
			s.k--
		}
		return
	}
	if (s.ends("ed") || s.ends("ing")) && s.vowelInStem() {
		s.k = s.j
		switch {
		case s.ends("at"):
			s.setTo("ate")
		case s.ends("bl"):
			s.setTo("ble")
		case s.ends("iz"):
			s.setTo("ize")
		case s.doublec(s.k):
			// Snowball undoubles only these letters (the paper: any
			// but l, s and z).
			switch s.b[s.k] {
			case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
				s.k--
			}
		default:
			s.j = s.k
			if s.m() == 1 && s.cvc(s.k) {
				s.setTo("e")
			}
		}
	}
}

// step1c turns a terminal y into i when there is another vowel.
func (s *stemmer) step1c() {
	if s.ends("y") && s.vowelInStem() {
		s.b[s.k] = 'i'
	}
}

var step2Rules = map[rune][][2]string{
	'a': {{"ational", "ate"}, {"tional", "tion"}},
	'c': {{"enci", "ence"}, {"anci", "ance"}},
	'e': {{"izer", "ize"}},
	'l': {{"abli", "able"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}},
	'o': {{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}},
	's': {{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}},
	't': {{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}},
}

// step2 maps double suffixes to single ones.
func (s *stemmer) step2() {
	if s.k < 1 {
		return
	}
	for _, rule := range step2Rules[s.b[s.k-1]] {
		if s.ends(rule[0]) {
			s.r(rule[1])
			return
		}
	}
}

var step3Rules = map[rune][][2]string{
	'e': {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}},
	'i': {{"iciti", "ic"}},
	'l': {{"ical", "ic"}, {"ful", ""}},
	's': {{"ness", ""}},
}

// step3 handles -ic-, -full, -ness and the like.
func (s *stemmer) step3() {
	for _, rule := range step3Rules[s.b[s.k]] {
		if s.ends(rule[0]) {
			s.r(rule[1])
			return
		}
	}
}

var step4Suffixes = map[rune][]string{
	'a': {"al"},
	'c': {"ance", "ence"},
	'e': {"er"},
	'i': {"ic"},
	'l': {"able", "ible"},
	'n': {"ant", "ement", "ment", "ent"},
	'o': {"ion", "ou"},
	's': {"ism"},
	't': {"ate", "iti"},
	'u': {"ous"},
	'v': {"ive"},
	'z': {"ize"},
}

// step4 removes -ant, -ence and the like when m > 1.
func (s *stemmer) step4() {
	if s.k < 1 {
		return
	}
	found := false
	for _, suf := range step4Suffixes[s.b[s.k-1]] {
		if s.ends(suf) {
			if suf == "ion" && !(s.j >= 0 && (s.b[s.j] == 's' || s.b[s.j] == 't')) {
				continue
			}
			found = true
			break
		}
	}
	if !found {
		return
	}
	if s.m() > 1 {
		s.k = s.j
	}
}

// step5 removes a final -e when m > 1 and changes -ll to -l when m > 1.
func (s *stemmer) step5() {
	s.j = s.k
	if s.b[s.k] == 'e' {
		a := s.m()
		if a > 1 || a == 1 && !s.cvc(s.k-1) {
			s.k--
		}
	}
	if s.b[s.k] == 'l' && s.doublec(s.k) && s.m() > 1 {
		s.k--
	}
}
