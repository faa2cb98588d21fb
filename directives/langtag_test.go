package directives

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// testdata/langtags.json holds [tag, normalize_language_tag(tag)] pairs
// from docutils 0.19.
func TestNormalizeLanguageTag(t *testing.T) {
	data, err := os.ReadFile("testdata/langtags.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases [][2]json.RawMessage
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		var tag string
		var want []string
		if err := json.Unmarshal(c[0], &tag); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(c[1], &want); err != nil {
			t.Fatal(err)
		}
		if got := NormalizeLanguageTag(tag); !reflect.DeepEqual(got, want) {
			t.Errorf("NormalizeLanguageTag(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestNormalizeLanguageTagBounded(t *testing.T) {
	tag := "en"
	for i := 0; i < 40; i++ {
		tag += "-ab"
	}
	if n := len(NormalizeLanguageTag(tag)); n != 1<<maxLanguageSubtags {
		t.Errorf("got %d tags, want %d", n, 1<<maxLanguageSubtags)
	}
}
