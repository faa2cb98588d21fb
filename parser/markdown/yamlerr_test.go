package markdown

import (
	"encoding/json"
	"os"
	"testing"
)

// TestPyYAMLErrors compares the emulated error texts with PyYAML's
// (testdata/yaml_errors.json, made by testdata/gen_yaml_errors.py).
func TestPyYAMLErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/yaml_errors.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Input, Error string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if _, err := yamlLoad(c.Input); err == nil {
			t.Errorf("%q: yaml.v3 accepts what PyYAML refuses", c.Input)
			continue
		}
		got, ok := pyyamlError(c.Input)
		if !ok {
			t.Errorf("%q: not recognised; PyYAML says\n%s", c.Input, c.Error)
			continue
		}
		if got != c.Error {
			t.Errorf("%q:\n--- PyYAML\n%s\n--- got\n%s", c.Input, c.Error, got)
		}
	}
}
