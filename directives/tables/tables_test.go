package tables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/hosttest"
	"github.com/docbuild/docbuild/doctree"
)

func newHost() *hosttest.Host {
	reg := directives.NewRegistry()
	Register(reg)
	return hosttest.New(reg)
}

func run(t *testing.T, h *hosttest.Host, name string, args []string, opts map[string]string, content ...string) string {
	t.Helper()
	return hosttest.Format(h.Run(name, args, opts, content))
}

func expect(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCSVTableInline(t *testing.T) {
	h := newHost()
	got := run(t, h, "csv-table", []string{"title"}, map[string]string{"header-rows": "1", "widths": "10,20"},
		`"a", b`, `"multi`, `line", 2`, `3`)
	expect(t, got, `<table classes="colwidths-given">
    <title>
        title
    <tgroup cols="2">
        <colspec colwidth="10">
        <colspec colwidth="20">
        <thead>
            <row>
                <entry>
                    <paragraph>
                        a
                <entry>
                    <paragraph>
                        b
        <tbody>
            <row>
                <entry>
                    <paragraph>
                        multi
                        line
                <entry>
                    <paragraph>
                        2
            <row>
                <entry>
                    <paragraph>
                        3
                <entry>
`)
}

func TestCSVTableHeaderAndDialect(t *testing.T) {
	h := newHost()
	got := run(t, h, "csv-table", nil, map[string]string{"header": `x, "y\"z"`, "delim": ";", "quote": "'", "keepspace": ""},
		`'p;q'; r`)
	expect(t, got, `<table>
    <tgroup cols="2">
        <colspec colwidth="50">
        <colspec colwidth="50">
        <thead>
            <row>
                <entry>
                    <paragraph>
                        x
                <entry>
                    <paragraph>
                        y"z
        <tbody>
            <row>
                <entry>
                    <paragraph>
                        p;q
                <entry>
                    <paragraph>
                        r
`)
}

func TestCSVTableErrors(t *testing.T) {
	block := func(s string) string { return s }
	_ = block
	cases := []struct {
		opts    map[string]string
		content []string
		want    string
	}{
		{nil, nil, `The "csv-table" directive requires content; none supplied.`},
		{map[string]string{"header-rows": "2"}, []string{"a"}, `2 header row(s) specified but only 1 row(s) of data supplied ("csv-table" directive).`},
		{map[string]string{"header-rows": "1"}, []string{"a"}, `Insufficient data supplied (1 row(s)); no data remaining for table body, required by "csv-table" directive.`},
		{map[string]string{"stub-columns": "2"}, []string{"a"}, `2 stub column(s) specified but only 1 columns(s) of data supplied ("csv-table" directive).`},
		{map[string]string{"widths": "1,2"}, []string{"a"}, `"csv-table" widths do not match the number of columns in table (1).`},
		{nil, []string{`"a`}, "Error with CSV data in \"csv-table\" directive:\nunexpected end of data"},
		{nil, []string{`"a"b`}, "Error with CSV data in \"csv-table\" directive:\n',' expected after '\"'"},
		{map[string]string{"file": "x.csv"}, []string{"a"}, `"csv-table" directive may not both specify an external file and have content.`},
		{map[string]string{"file": "x.csv", "url": "http://x"}, nil, `The "file" and "url" options may not be simultaneously specified for the "csv-table" directive.`},
		{map[string]string{"file": "no-such.csv"}, nil, "Problems with \"csv-table\" directive path:\n[Errno 2] No such file or directory: 'no-such.csv'."},
		{map[string]string{"url": "bogus.csv"}, nil, "Problems with \"csv-table\" directive URL \"bogus.csv\":\nunknown url type: 'bogus.csv'."},
		{map[string]string{"url": "gopher://x/y"}, nil, "Problems with \"csv-table\" directive URL \"gopher://x/y\":\n<urlopen error unknown url type: gopher>."},
	}
	for _, tc := range cases {
		h := newHost()
		nodes, err := h.Run("csv-table", nil, tc.opts, tc.content)
		if err != nil || len(nodes) != 1 {
			t.Errorf("%v: got %v, %v", tc.opts, nodes, err)
			continue
		}
		msg := nodes[0].(*doctree.Element)
		if msg.Tag != doctree.TagSystemMessage || msg.Children[0].AsText() != tc.want {
			t.Errorf("%v %q: got %s", tc.opts, tc.content, hosttest.Format(nodes, nil))
		}
	}
}

func TestCSVTableFile(t *testing.T) {
	dir := t.TempDir()
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "a,\"b\nc\"\r\nd,e\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	os.WriteFile(filepath.Join(dir, "u16.csv"), utf16, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("a,\xff\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.csv"), nil, 0o644)

	h := newHost()
	got := run(t, h, "csv-table", nil, map[string]string{"file": filepath.Join(dir, "u16.csv"), "encoding": "utf-16"})
	if !strings.Contains(got, "b\n                        c\n") || !strings.Contains(got, `<tgroup cols="2">`) {
		t.Errorf("utf-16 file: got\n%s", got)
	}
	got = run(t, h, "csv-table", nil, map[string]string{"file": filepath.Join(dir, "bad.csv")})
	if !strings.Contains(got, "Problem with \"csv-table\" directive:\n") ||
		!strings.Contains(got, "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte") {
		t.Errorf("bad utf-8: got\n%s", got)
	}
	got = run(t, h, "csv-table", nil, map[string]string{"file": filepath.Join(dir, "empty.csv")})
	if !strings.Contains(got, "No table data detected in CSV file.") {
		t.Errorf("empty file: got\n%s", got)
	}
	got = run(t, h, "csv-table", nil, map[string]string{"file": dir})
	if !strings.Contains(got, "[Errno 21] Is a directory:") {
		t.Errorf("directory: got\n%s", got)
	}
	h.Doc.Settings.FileInsertionEnabled = false
	got = run(t, h, "csv-table", nil, map[string]string{"file": filepath.Join(dir, "u16.csv")})
	if !strings.Contains(got, `File and URL access deactivated; ignoring "csv-table" directive.`) {
		t.Errorf("file insertion disabled: got\n%s", got)
	}
}

// listHost parses nested content "a|b/c|d" as a two-level bullet list
// with rows separated by "/" and cells by "|".
func listHost() *hosttest.Host {
	h := newHost()
	h.Nested = func(content directives.Content, offset int, node *doctree.Element) {
		text := strings.Join(content.Lines, "")
		if !strings.Contains(text, "|") {
			node.Append(doctree.NewTextElement(doctree.TagParagraph, text, text))
			return
		}
		outer := doctree.NewElement(doctree.TagBulletList)
		for _, row := range strings.Split(text, "/") {
			item := doctree.NewElement(doctree.TagListItem)
			inner := doctree.NewElement(doctree.TagBulletList)
			for _, cell := range strings.Split(row, "|") {
				if cell == "" {
					continue
				}
				li := doctree.NewElement(doctree.TagListItem)
				li.Append(doctree.NewTextElement(doctree.TagParagraph, cell, cell))
				inner.Append(li)
			}
			item.Append(inner)
			outer.Append(item)
		}
		node.Append(outer)
	}
	return h
}

func TestListTable(t *testing.T) {
	h := listHost()
	got := run(t, h, "list-table", []string{"T"}, map[string]string{"header-rows": "1", "widths": "auto", "align": "center", "class": "x"}, "a|b/c|d")
	expect(t, got, `<table align="center" classes="colwidths-auto x">
    <title>
        T
    <tgroup cols="2">
        <colspec colwidth="50">
        <colspec colwidth="50">
        <thead>
            <row>
                <entry>
                    <paragraph>
                        a
                <entry>
                    <paragraph>
                        b
        <tbody>
            <row>
                <entry>
                    <paragraph>
                        c
                <entry>
                    <paragraph>
                        d
`)
	got = run(t, h, "list-table", nil, nil, "a|b/c")
	if !strings.Contains(got, "uniform two-level bullet list expected, but row 2 does not contain the same number of items as row 1 (1 vs 2).") {
		t.Errorf("non-uniform: got\n%s", got)
	}
	got = run(t, h, "list-table", nil, nil, "plain")
	if !strings.Contains(got, "exactly one bullet list expected.") {
		t.Errorf("no list: got\n%s", got)
	}
	got = run(t, h, "list-table", nil, nil)
	if !strings.Contains(got, `The "list-table" directive is empty; content required.`) {
		t.Errorf("empty: got\n%s", got)
	}
}

func TestTableDirective(t *testing.T) {
	h := newHost()
	h.Nested = func(content directives.Content, offset int, node *doctree.Element) {
		table := doctree.NewElement(doctree.TagTable)
		tg := doctree.NewElement(doctree.TagTgroup)
		tg.Set("cols", 2)
		tg.Append(doctree.NewElement(doctree.TagColspec), doctree.NewElement(doctree.TagColspec))
		table.Append(tg)
		node.Append(table)
	}
	got := run(t, h, "table", []string{"Title"}, map[string]string{"widths": "3 4", "width": "50 %", "name": "My Table"}, "x")
	expect(t, got, `<table classes="colwidths-given" ids="my-table" names="my\ table" width="50%">
    <title>
        Title
    <tgroup cols="2">
        <colspec colwidth="3">
        <colspec colwidth="4">
`)
	got = run(t, h, "table", nil, map[string]string{"widths": "3"}, "x")
	if !strings.Contains(got, `"table" widths do not match the number of columns in table (2).`) {
		t.Errorf("widths mismatch: got\n%s", got)
	}
	got = run(t, h, "table", nil, nil)
	if !strings.Contains(got, `type="WARNING"`) || !strings.Contains(got, `Content block expected for the "table" directive; none found.`) {
		t.Errorf("no content: got\n%s", got)
	}
}
