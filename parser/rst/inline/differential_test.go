package inline

import (
	"encoding/json"
	"os"
	"testing"
)

// TestDifferential compares the inliner with docutils on random
// inline-heavy paragraphs (testdata/differential.json, made by
// testdata/gen_differential.py from docutils' own Inliner).
func TestDifferential(t *testing.T) {
	path := "testdata/differential.json"
	if p := os.Getenv("DOCBUILD_DIFFERENTIAL"); p != "" {
		path = p // a larger set made with gen_differential.py
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Paras    []string       `json:"paragraphs"`
		Settings map[string]any `json:"settings"`
		Expected string         `json:"expected"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	reg := testRegistry()
	failed := 0
	for _, c := range cases {
		settings, ok := caseSettings(c.Settings)
		if !ok {
			t.Fatalf("unknown settings %v", c.Settings)
		}
		var paras []paragraph
		for i, p := range c.Paras {
			paras = append(paras, paragraph{text: p, lineno: 1 + 10*i})
		}
		got, err := parseParagraphs(paras, settings, reg)
		if err == nil && got == c.Expected {
			continue
		}
		failed++
		if failed <= 10 {
			t.Errorf("paragraphs %q %v\n--- expected\n%s--- got\n%s%v", c.Paras, c.Settings, c.Expected, got, err)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ from docutils", failed, len(cases))
	}
}
