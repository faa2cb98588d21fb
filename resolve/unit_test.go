package resolve

import (
	"testing"
)

// The expected URIs are Sphinx's relative_uri over each builder's
// get_target_uri.
func TestLinkers(t *testing.T) {
	tests := []struct {
		l              Linker
		from, to, want string
	}{
		{DocNameLinker{}, "index", "other", "other"},
		{DocNameLinker{}, "sub/page", "index", "../index"},
		{DocNameLinker{}, "sub/page", "sub/other2", "other2"},
		{DocNameLinker{}, "a/b/c", "a/d", "../d"},
		{DocNameLinker{}, "index", "index", ""},
		{HTMLLinker{".html"}, "index", "other", "other.html"},
		{HTMLLinker{".html"}, "sub/page", "index", "../index.html"},
		{HTMLLinker{".html"}, "sub/page", "sub/page", ""},
		{HTMLLinker{".html"}, "a b", "c%d", "c%25d.html"},
		{DirHTMLLinker{}, "index", "other", "other/"},
		{DirHTMLLinker{}, "other", "index", "../"},
		{DirHTMLLinker{}, "sub/index", "sub/page", "page/"},
		{DirHTMLLinker{}, "sub/page", "sub/index", "../"},
		{DirHTMLLinker{}, "sub/page", "index", "../../"},
		{DirHTMLLinker{}, "a b", "c%d", "../c%d/"},
		{SingleHTMLLinker{RootDoc: "index", Suffix: ".html"}, "x", "other", "index.html#document-other"},
	}
	for _, tt := range tests {
		if got := tt.l.DocURI(tt.from, tt.to); got != tt.want {
			t.Errorf("%T.DocURI(%q, %q) = %q, want %q", tt.l, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestEvalTags(t *testing.T) {
	tags := map[string]bool{"html": true, "extra": true}
	tests := []struct {
		expr    string
		want    bool
		wantErr bool
	}{
		{"html", true, false},
		{"latex", false, false},
		{"not latex", true, false},
		{"html and not extra", false, false},
		{"latex or (html and extra)", true, false},
		{"not (html or latex)", false, false},
		{"html if latex else extra", true, false},
		{"latex if html else extra", false, false},
		{"html extra", false, true},
		{"(html", false, true},
		{"", false, true},
		{"true", false, true},
	}
	for _, tt := range tests {
		got, err := EvalTags(tt.expr, tags)
		if (err != nil) != tt.wantErr || err == nil && got != tt.want {
			t.Errorf("EvalTags(%q) = %v, %v; want %v (error %v)", tt.expr, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestNumfigFormats(t *testing.T) {
	for _, tt := range []struct {
		format, want, err string
	}{
		{"Fig. {number}", "Fig. 1.2", ""},
		{"{name} ({number})", "Cap (1.2)", ""},
		{"{{literal}} {number}", "{literal} 1.2", ""},
		{"{other}", "", "KeyError('other')"},
	} {
		got, err := formatNumfig(tt.format, "1.2", "Cap", true)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("formatNumfig(%q) = %q, %v", tt.format, got, err)
		}
	}
	for _, tt := range []struct {
		format, want string
		ok           bool
	}{
		{"Fig. %s", "Fig. 1.2", true},
		{"100%% %s", "100% 1.2", true},
		{"no number", "", false},
		{"%s %s", "", false},
	} {
		got, ok := percentNumfig(tt.format, "1.2")
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("percentNumfig(%q) = %q, %v", tt.format, got, ok)
		}
	}
}

func TestDocNameJoin(t *testing.T) {
	for _, tt := range [][3]string{
		{"sub/page", "other2", "sub/other2"},
		{"sub/page", "../index", "index"},
		{"sub/page", "/index", "index"},
		{"index", "sub/page", "sub/page"},
		{"a/b/c", "../../x", "x"},
	} {
		if got := DocNameJoin(tt[0], tt[1]); got != tt[2] {
			t.Errorf("DocNameJoin(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
}

func TestDownloadDest(t *testing.T) {
	// Sphinx: md5(b"files/data.txt").hexdigest() + "/data.txt"
	if got := downloadDest("files/data.txt"); got != "eed8717de4de5fcdf5916aa18217b733/data.txt" {
		t.Errorf("downloadDest = %q", got)
	}
}

// The expected pairs are Python's os.path.splitext.
func TestPySplitext(t *testing.T) {
	tests := []struct{ in, stem, ext string }{
		{"page.md", "page", ".md"},
		{"sub/page.md", "sub/page", ".md"},
		{"sub/page", "sub/page", ""},
		{".md", ".md", ""},
		{"sub/.md", "sub/.md", ""},
		{"..md", "..md", ""},
		{"a.b/c", "a.b/c", ""},
		{"a.tar.gz", "a.tar", ".gz"},
		{"sub/..x.rst", "sub/..x", ".rst"},
		{"page.", "page", "."},
	}
	for _, tt := range tests {
		if stem, ext := pySplitext(tt.in); stem != tt.stem || ext != tt.ext {
			t.Errorf("pySplitext(%q) = %q, %q, want %q, %q", tt.in, stem, ext, tt.stem, tt.ext)
		}
	}
}
