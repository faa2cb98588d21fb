package linkcheck

import (
	"flag"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	rep, err := Check("testdata/site")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range rep.Broken {
		got = append(got, b.String())
	}
	want := []string{
		`index.html:3: src="_static/missing.js": no such file _static/missing.js`,
		`index.html:9: href="sub/page.html#nosuch": no id "nosuch" in sub/page.html`,
		`index.html:13: href="missing.html": no such file missing.html`,
		`index.html:17: href="../outside.html": points outside the site`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("broken links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Pages != 3 {
		t.Errorf("pages = %d, want 3", rep.Pages)
	}
	if rep.Links != 12 {
		t.Errorf("links = %d, want 12", rep.Links)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		src   string
		ids   []string
		links []string
	}{
		{`<p id="a" class=x>t</p><span id='b'/>`, []string{"a", "b"}, nil},
		{`<a name="n" href="x.html#y">`, []string{"n"}, []string{"href=x.html#y"}},
		{`<div name="notanchor" data-href="no">`, nil, nil},
		{`<style>a { content: "<a href='no'>" }</style><img src="i.png">`, nil, []string{"src=i.png"}},
		{"<a\nhref=\"a&amp;b\">", nil, []string{"href=a&b"}},
		{`1 < 2 <a href="ok">`, nil, []string{"href=ok"}},
	}
	for _, tc := range tests {
		p := Parse(tc.src)
		var ids []string
		for _, id := range tc.ids {
			if !p.IDs[id] {
				t.Errorf("%q: id %q not found", tc.src, id)
			}
			ids = append(ids, id)
		}
		if len(p.IDs) != len(ids) {
			t.Errorf("%q: ids %v, want %v", tc.src, p.IDs, tc.ids)
		}
		var links []string
		for _, l := range p.Links {
			links = append(links, l.Attr+"="+l.URL)
		}
		if strings.Join(links, " ") != strings.Join(tc.links, " ") {
			t.Errorf("%q: links %v, want %v", tc.src, links, tc.links)
		}
	}
}

func TestIsExternal(t *testing.T) {
	for u, want := range map[string]bool{
		"http://x": true, "mailto:a@b": true, "//cdn/x.js": true, "a.html": false,
		"a.html#b:c": false, "dir/a:b.html": false, "#x": false, "javascript:void(0)": true,
	} {
		if got := isExternal(u); got != want {
			t.Errorf("isExternal(%q) = %v, want %v", u, got, want)
		}
	}
}

var site = flag.String("site", "", "a built site to check (go test ./internal/linkcheck -run Site -site DIR)")

// TestSite checks a site given on the command line and reports its
// broken links; without -site it is skipped.
func TestSite(t *testing.T) {
	if *site == "" {
		t.Skip("no -site given")
	}
	rep, err := Check(*site)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages, %d local links, %d broken", rep.Pages, rep.Links, len(rep.Broken))
	for i, b := range rep.Broken {
		if i == 50 {
			t.Logf("... and %d more", len(rep.Broken)-50)
			break
		}
		t.Log(b)
	}
	if len(rep.Broken) > 0 {
		t.Fail()
	}
}
