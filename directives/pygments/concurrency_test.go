package pygments

import (
	"fmt"
	"sync"
	"testing"
)

// Tokens may be called from many goroutines at once (parallel builds).
func TestConcurrentTokens(t *testing.T) {
	codes := map[string]string{
		"python":        "def f(x):\n    return x  # c\n",
		"pycon":         ">>> 1 + 1\n2\n",
		"console":       "$ ls -l\ntotal 0\n",
		"yaml":          "a:\n  - b: 1\n",
		"json":          "{\"a\": [1, 2.5, true]}",
		"markdown":      "# T\n\n```python\nx = 1\n```\n",
		"c":             "int main(void) { size_t n; return 0; }\n",
		"make":          "all: x\n\tcc -o $@ $<\n",
		"rst":           ".. code:: python\n\n   x = 1\n",
		"shell-session": "(venv) $ pip install x\n",
	}
	want := map[string]string{}
	for lang, code := range codes {
		toks, err := Tokens(code, lang, "short")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		want[lang] = fmt.Sprint(toks)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lang, code := range codes {
				toks, err := Tokens(code, lang, "short")
				if err != nil || fmt.Sprint(toks) != want[lang] {
					t.Errorf("%s: different tokens in a goroutine: %v", lang, err)
				}
			}
		}()
	}
	wg.Wait()
}
