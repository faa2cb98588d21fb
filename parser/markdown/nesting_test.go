package markdown_test

import (
	"encoding/json"
	"os"
	"testing"
)

// TestNestingLimit checks deeply nested block quotes and lists against
// MyST's output (testdata/nesting.json, made by gen_nesting.py): past
// markdown-it's nesting limit content is dropped exactly as MyST drops it.
// (internal/robust parses a 3000-level list, which the limit keeps fast.)
func TestNestingLimit(t *testing.T) {
	data, err := os.ReadFile("testdata/nesting.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ ID, Input, Expected string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got, err := publish(c.Input, nil)
		if err != nil || got != c.Expected {
			t.Errorf("%s: %v\n--- input\n%s--- got\n%s--- want\n%s", c.ID, err, c.Input, got, c.Expected)
		}
	}
}
