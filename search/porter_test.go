package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestStemMatchesSnowball checks the stemmer against the stems
// snowballstemmer's Porter algorithm (Sphinx's indexer) gives a sample of
// the CPython docs' words (testdata/gen_porter.py).
func TestStemMatchesSnowball(t *testing.T) {
	f, err := os.Open("testdata/porter.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, bad := 0, 0
	for sc.Scan() {
		word, want, _ := strings.Cut(sc.Text(), "\t")
		n++
		if got := Stem(word); got != want {
			bad++
			if bad <= 20 {
				t.Errorf("Stem(%q) = %q, want %q", word, got, want)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d words in testdata/porter.tsv", n)
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, n)
	}
}
