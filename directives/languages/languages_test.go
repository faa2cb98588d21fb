package languages

import (
	"reflect"
	"testing"

	"github.com/docbuild/docbuild/directives"
)

func newRegistry() *directives.Registry {
	reg := directives.NewRegistry()
	Register(reg)
	return reg
}

func TestLanguageCodes(t *testing.T) {
	reg := newRegistry()
	tests := []struct{ tag, code string }{
		{"en", "en"},
		{"de", "de"},
		{"de-AT", "de"},
		{"de_AT-1901", "de"},
		{"pt-BR", "pt_br"},
		{"pt", ""},
		{"zh-Hant-TW", "zh_tw"},
		{"zh_CN", "zh_cn"},
		{"xx", ""},
		{"", ""},
	}
	for _, tt := range tests {
		l := reg.Language(tt.tag)
		code := ""
		if l != nil {
			code = l.Code
		}
		if code != tt.code {
			t.Errorf("Language(%q) = %q, want %q", tt.tag, code, tt.code)
		}
	}
	if got := len(Codes()); got != 27 {
		t.Errorf("%d languages, want docutils 0.19's 27", got)
	}
}

func TestTables(t *testing.T) {
	reg := newRegistry()
	en, de, zh := reg.Language("en"), reg.Language("de"), reg.Language("zh_cn")
	if en.Module != "docutils.parsers.rst.languages.en" {
		t.Errorf("en module %q", en.Module)
	}
	checks := []struct {
		table map[string]string
		key   string
		want  string
	}{
		{en.Directives, "code-block", "code"},
		{en.Directives, "sourcecode", "code"},
		{en.Directives, "section-numbering", "sectnum"},
		{en.Roles, "sub", "subscript"},
		{en.Roles, "t", "title-reference"},
		{en.Roles, "url", "uri-reference"},
		{en.Labels, "danger", "!DANGER!"},
		{en.BibliographicFields, "authors", "authors"},
		{de.Directives, "achtung", "attention"},
		{de.Labels, "contents", "Inhalt"},
		{de.BibliographicFields, "autoren", "authors"},
	}
	for _, c := range checks {
		if got := c.table[c.key]; got != c.want {
			t.Errorf("%q maps to %q, want %q", c.key, got, c.want)
		}
	}
	if !reflect.DeepEqual(zh.AuthorSeparators, []string{";", ",", "；", "，", "、"}) {
		t.Errorf("zh_cn author separators %q", zh.AuthorSeparators)
	}
}

// The INFO texts are docutils' (see roles.role and directives.directive).
func TestLookup(t *testing.T) {
	reg := newRegistry()
	tests := []struct {
		kind, name, lang string
		canonical        string
		info             []string
	}{
		{"directive", "note", "en", "note", nil},
		{"directive", "code-block", "en", "code", nil},
		{"directive", "Achtung", "de", "attention", nil},
		{"directive", "note", "de-AT", "note", []string{
			`No directive entry for "note" in module "docutils.parsers.rst.languages.de".`,
			`Using English fallback for directive "note".`}},
		{"directive", "note", "xx", "note", []string{
			`Problem retrieving directive entry from language module None: 'NoneType' object has no attribute 'directives'.`,
			`Using English fallback for directive "note".`}},
		{"role", "emphasis", "xx", "emphasis", []string{
			`Problem retrieving role entry from language module None: 'NoneType' object has no attribute 'roles'.`,
			`Using English fallback for role "emphasis".`}},
		{"role", "betonung", "zh-Hant-TW", "betonung", []string{
			`No role entry for "betonung" in module "docutils.parsers.rst.languages.zh_tw".`,
			`Trying "betonung" as canonical role name.`}},
		{"role", "sup", "en", "superscript", nil},
		{"role", "", "de", "title-reference", nil},
	}
	for _, tt := range tests {
		var canonical string
		var info []string
		if tt.kind == "directive" {
			_, canonical, info = reg.LookupDirective(tt.name, tt.lang)
		} else {
			_, canonical, info = reg.LookupRole(tt.name, tt.lang)
		}
		if canonical != tt.canonical || !reflect.DeepEqual(info, tt.info) {
			t.Errorf("lookup %s %q in %q = %q, %q; want %q, %q", tt.kind, tt.name, tt.lang, canonical, info, tt.canonical, tt.info)
		}
	}
}
