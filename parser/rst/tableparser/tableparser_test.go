package tableparser

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The expected results in testdata/cases.json come from docutils 0.19
// itself; see testdata/gen.py.

type jsonCell struct {
	MoreRows int      `json:"morerows"`
	MoreCols int      `json:"morecols"`
	Offset   int      `json:"offset"`
	Lines    []string `json:"lines"`
}

type jsonTable struct {
	ColWidths []int         `json:"colwidths"`
	Head      [][]*jsonCell `json:"head"`
	Body      [][]*jsonCell `json:"body"`
}

type jsonError struct {
	Kind   string `json:"kind"`
	Msg    string `json:"msg"`
	Offset int    `json:"offset"`
}

type testCase struct {
	Name   string     `json:"name"`
	Parser string     `json:"parser"`
	Block  []string   `json:"block"`
	Table  *jsonTable `json:"table"`
	Error  *jsonError `json:"error"`
}

func loadCases(t testing.TB) []testCase {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []testCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) == 0 {
		t.Fatal("no test cases")
	}
	return file.Cases
}

func parse(parser string, block []string) (*Table, error) {
	if parser == "grid" {
		return ParseGrid(block)
	}
	return ParseSimple(block)
}

func toJSONRows(rows [][]*Cell) [][]*jsonCell {
	out := make([][]*jsonCell, len(rows))
	for i, row := range rows {
		out[i] = make([]*jsonCell, len(row))
		for j, c := range row {
			if c != nil {
				lines := c.Lines
				if lines == nil {
					lines = []string{}
				}
				out[i][j] = &jsonCell{c.MoreRows, c.MoreCols, c.Offset, lines}
			}
		}
	}
	return out
}

func toJSONTable(t *Table) *jsonTable {
	widths := t.ColWidths
	if widths == nil {
		widths = []int{}
	}
	return &jsonTable{widths, toJSONRows(t.HeadRows), toJSONRows(t.BodyRows)}
}

func normalise(t *jsonTable) *jsonTable {
	for _, rows := range [][][]*jsonCell{t.Head, t.Body} {
		for _, row := range rows {
			for _, c := range row {
				if c != nil && c.Lines == nil {
					c.Lines = []string{}
				}
			}
		}
	}
	if t.ColWidths == nil {
		t.ColWidths = []int{}
	}
	if t.Head == nil {
		t.Head = [][]*jsonCell{}
	}
	if t.Body == nil {
		t.Body = [][]*jsonCell{}
	}
	return t
}

func check(t *testing.T, tc testCase, block []string) {
	t.Helper()
	got, err := parse(tc.Parser, block)
	if tc.Error != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("got table %s, error %v; want %s %q (offset %d)",
				dump(got), err, tc.Error.Kind, tc.Error.Msg, tc.Error.Offset)
		}
		if tc.Error.Kind != "TableMarkupError" {
			// docutils crashes; any *Error will do.
			if !strings.HasPrefix(e.Msg, "Malformed table") {
				t.Errorf("error %q for docutils %s: want a 'Malformed table' message", e.Msg, tc.Error.Kind)
			}
			return
		}
		if e.Msg != tc.Error.Msg || e.Offset != tc.Error.Offset {
			t.Errorf("got error %q (offset %d), want %q (offset %d)",
				e.Msg, e.Offset, tc.Error.Msg, tc.Error.Offset)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error %v; want %s", err, dump(tc.Table))
	}
	gotJSON, want := normalise(toJSONTable(got)), normalise(tc.Table)
	if !reflect.DeepEqual(gotJSON, want) {
		t.Errorf("got  %s\nwant %s", dump(gotJSON), dump(want))
	}
}

func dump(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestDocutilsCases(t *testing.T) {
	for _, tc := range loadCases(t) {
		t.Run(tc.Name, func(t *testing.T) { check(t, tc, tc.Block) })
	}
}

// TestPrePadded checks that blocks already passed through PadDoubleWidth,
// as the reST parser's table isolation may do, give the same results.
func TestPrePadded(t *testing.T) {
	for _, tc := range loadCases(t) {
		padded := make([]string, len(tc.Block))
		changed := false
		for i, l := range tc.Block {
			padded[i] = PadDoubleWidth(l)
			changed = changed || padded[i] != l
		}
		if !changed {
			continue
		}
		t.Run(tc.Name, func(t *testing.T) { check(t, tc, padded) })
	}
}

func TestPadDoubleWidth(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"中文", "中\x00文\x00"},
		{"中\x00文", "中\x00文\x00"},
		{"ｘ y", "ｘ\x00 y"},
		{"\u3000", "\u3000\x00"},
		{"e\u0306", "e\u0306"},
	} {
		if got := PadDoubleWidth(tt.in); got != tt.want {
			t.Errorf("PadDoubleWidth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	_, err := ParseSimple([]string{"===  ===", "a    b", "abcdefg", "===  ==="})
	if err == nil || err.Error() != "Text in column margin in table line 3." {
		t.Fatalf("got %v", err)
	}
}

// TestLarge guards against super-linear behaviour on big well-formed and
// pathological tables.
func TestLarge(t *testing.T) {
	const rows, cols = 3000, 20
	var grid []string
	sep := "+" + strings.Repeat("-----+", cols)
	grid = append(grid, sep)
	for r := 0; r < rows; r++ {
		grid = append(grid, "|"+strings.Repeat(" abc |", cols), sep)
	}
	var simple []string
	border := strings.TrimSpace(strings.Repeat("=====  ", cols))
	simple = append(simple, border)
	for r := 0; r < rows; r++ {
		simple = append(simple, strings.Repeat("abc    ", cols))
	}
	simple = append(simple, border)

	// A grid whose top line and columns are all '+' but whose left edge
	// never closes: docutils' scanners try every corner combination.
	const n = 400
	var bad []string
	bad = append(bad, strings.Repeat("+", n))
	for r := 1; r < n; r++ {
		bad = append(bad, " "+strings.Repeat("+", n-1))
	}

	start := time.Now()
	tab, err := ParseGrid(grid)
	if err != nil || len(tab.BodyRows) != rows || len(tab.ColWidths) != cols {
		t.Fatalf("grid: %v", err)
	}
	tab, err = ParseSimple(simple)
	if err != nil || len(tab.BodyRows) != rows || len(tab.ColWidths) != cols {
		t.Fatalf("simple: %v", err)
	}
	if _, err := ParseGrid(bad); err == nil {
		t.Fatal("pathological grid: want error")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("large tables took %v", d)
	}
}

func seeds(f *testing.F, parser string) {
	for _, tc := range loadCases(f) {
		if tc.Parser == parser {
			f.Add(strings.Join(tc.Block, "\n"))
		}
	}
}

func checkShape(t *testing.T, tab *Table, err error, grid bool) {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error of type %T", err)
		}
		return
	}
	for _, rows := range [][][]*Cell{tab.HeadRows, tab.BodyRows} {
		for _, row := range rows {
			if grid && len(row) != len(tab.ColWidths) {
				t.Fatalf("row of %d cells, %d columns", len(row), len(tab.ColWidths))
			}
			if !grid && len(row) == 0 {
				t.Fatal("empty row")
			}
			for _, c := range row {
				if c == nil {
					continue
				}
				for _, l := range c.Lines {
					if strings.ContainsRune(l, PadChar) {
						t.Fatalf("pad character left in %q", l)
					}
				}
			}
		}
	}
}

func FuzzParseGrid(f *testing.F) {
	seeds(f, "grid")
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := ParseGrid(strings.Split(s, "\n"))
		checkShape(t, tab, err, true)
	})
}

func FuzzParseSimple(f *testing.F) {
	seeds(f, "simple")
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := ParseSimple(strings.Split(s, "\n"))
		checkShape(t, tab, err, false)
	})
}
