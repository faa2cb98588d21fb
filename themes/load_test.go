package themes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadSkipsJinja checks that a Sphinx project's Jinja templates are
// left out with a warning, whether they use statements ({% ... %}) or
// only expressions with calls ({{ pathto('x') }}), and that a Go template
// of the project is used.
func TestLoadSkipsJinja(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"footer.html":       "{% block footer %}x{% endblock %}",
		"sidebarintro.html": `<a href="{{ pathto(master_doc) }}">home</a>`,
		"mine.html":         `<p class="mine">{{.CurrentPageName}}</p>`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	theme, warns, err := Load([]string{dir})
	if err != nil {
		t.Fatalf("Load failed: %v", err)
	}
	var text []string
	for _, w := range warns {
		text = append(text, filepath.Base(w.File)+": "+w.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"footer.html: template footer.html is a Jinja (Sphinx) template", "sidebarintro.html: template sidebarintro.html is not a Go template"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if len(theme.Overridden) != 1 || theme.Overridden[0] != "mine.html" {
		t.Errorf("project templates used: %v, want [mine.html]", theme.Overridden)
	}
}
