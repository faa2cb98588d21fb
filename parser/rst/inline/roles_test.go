package inline

import (
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/languages"
	"github.com/docbuild/docbuild/directives/roles"
	"github.com/docbuild/docbuild/doctree"
)

// testRegistry returns a registry of the standard roles and languages
// (not the directives, which the inliner never uses), completed with stand-ins for
// the generic roles and the English role names while those packages are
// still empty, so that the inliner can be tested on its own. The stand-ins
// are never used once the real ones are registered.
func testRegistry() *directives.Registry {
	reg := directives.NewRegistry()
	languages.Register(reg)
	roles.Register(reg)
	generic := map[string]string{
		"abbreviation":    doctree.TagAbbreviation,
		"acronym":         doctree.TagAcronym,
		"emphasis":        doctree.TagEmphasis,
		"literal":         doctree.TagLiteral,
		"strong":          doctree.TagStrong,
		"subscript":       doctree.TagSubscript,
		"superscript":     doctree.TagSuperscript,
		"title-reference": doctree.TagTitleReference,
	}
	for name, tag := range generic {
		if reg.Role(name) == nil {
			tag := tag
			reg.AddRole(name, &directives.Role{Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
				return []doctree.Node{doctree.NewTextElement(tag, c.RawText, c.Text)}, nil
			}})
		}
	}
	if reg.Language("en") == nil {
		reg.AddLanguage(&directives.Language{
			Code:   "en",
			Module: "docutils.parsers.rst.languages.en",
			Roles: map[string]string{
				"abbreviation": "abbreviation", "ab": "abbreviation",
				"acronym": "acronym", "ac": "acronym",
				"code": "code", "index": "index", "i": "index",
				"subscript": "subscript", "sub": "subscript",
				"superscript": "superscript", "sup": "superscript",
				"title-reference": "title-reference", "title": "title-reference", "t": "title-reference",
				"pep-reference": "pep-reference", "pep": "pep-reference",
				"rfc-reference": "rfc-reference", "rfc": "rfc-reference",
				"emphasis": "emphasis", "strong": "strong", "literal": "literal", "math": "math",
				"named-reference": "named-reference", "anonymous-reference": "anonymous-reference",
				"footnote-reference": "footnote-reference", "citation-reference": "citation-reference",
				"substitution-reference": "substitution-reference", "target": "target",
				"uri-reference": "uri-reference", "uri": "uri-reference", "url": "uri-reference",
				"raw": "raw",
			},
		})
	}
	return reg
}
