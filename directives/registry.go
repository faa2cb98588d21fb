package directives

import "strings"

// Language holds the localised names of directives and roles of one
// language (docutils.parsers.rst.languages.xx) and the localised labels the
// transforms and writers use (docutils.languages.xx).
type Language struct {
	// Code is the language code, such as "de" or "pt_br".
	Code string
	// Module is the docutils module name that messages quote, such as
	// "docutils.parsers.rst.languages.de".
	Module string
	// Directives and Roles map localised names to canonical English names.
	Directives map[string]string
	Roles      map[string]string
	// Labels maps node class names to localised labels ("author": "Autor").
	Labels map[string]string
	// BibliographicFields maps lowercased localised field names to
	// canonical names.
	BibliographicFields map[string]string
	// AuthorSeparators are the characters that separate authors.
	AuthorSeparators []string
}

// Registry holds the directives, roles and languages known to a build. It
// is filled at start-up and then only read, so one Registry may serve many
// documents at once; per-document additions (the role directive) live in
// the parser.
type Registry struct {
	directives map[string]*Directive
	roles      map[string]*Role
	languages  map[string]*Language
	// local holds the names registered with AddLocalDirective and
	// AddLocalRole, keyed "d:" or "r:" plus the lowercased name.
	local map[string]bool
	// Process, when set, is shared by every document parsed with this
	// registry, as docutils' process-wide lookup cache (see ProcessCache).
	Process *ProcessCache
	// DefaultRole is the canonical name of the role used for interpreted
	// text without a role ("title-reference" in docutils).
	DefaultRole string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{
		directives:  map[string]*Directive{},
		roles:       map[string]*Role{},
		languages:   map[string]*Language{},
		DefaultRole: "title-reference",
	}
}

// AddDirective registers a directive under its canonical (English) name.
func (r *Registry) AddDirective(name string, d *Directive) { r.directives[strings.ToLower(name)] = d }

// AddRole registers a role under its canonical (English) name.
func (r *Registry) AddRole(name string, role *Role) { r.roles[strings.ToLower(name)] = role }

// AddLocalDirective registers a directive the way docutils'
// register_directive does (and so Sphinx's app.add_directive): the name is
// found as written in a document of any language, before the language
// tables are consulted, so its use gives no INFO message about fallbacks.
func (r *Registry) AddLocalDirective(name string, d *Directive) {
	r.AddDirective(name, d)
	r.markLocal("d:" + strings.ToLower(name))
}

// AddLocalRole registers a role the way docutils' register_local_role does
// (Sphinx's app.add_role), as AddLocalDirective does for directives.
func (r *Registry) AddLocalRole(name string, role *Role) {
	r.AddRole(name, role)
	r.markLocal("r:" + strings.ToLower(name))
}

func (r *Registry) markLocal(key string) {
	if r.local == nil {
		r.local = map[string]bool{}
	}
	r.local[key] = true
}

// AddLanguage registers a language's localised names.
func (r *Registry) AddLanguage(l *Language) { r.languages[l.Code] = l }

// Directive returns the directive registered under a canonical name.
func (r *Registry) Directive(name string) *Directive { return r.directives[name] }

// Role returns the role registered under a canonical name.
func (r *Registry) Role(name string) *Role { return r.roles[name] }

// Language returns the language for a code, or nil. As docutils'
// LanguageImporter, it tries the combinations of NormalizeLanguageTag in
// turn, so "de-AT" finds "de".
func (r *Registry) Language(code string) *Language {
	if l, ok := r.languages[code]; ok {
		return l
	}
	for _, tag := range NormalizeLanguageTag(code) {
		if l, ok := r.languages[strings.ReplaceAll(tag, "-", "_")]; ok {
			return l
		}
	}
	return nil
}

// LookupDirective finds a directive by the name written in a document in
// language lang. info holds the lines of docutils' INFO message about
// fallbacks ("No directive entry for ..."), or is empty. The directive is
// nil when the name is unknown.
func (r *Registry) LookupDirective(name, lang string) (d *Directive, canonical string, info []string) {
	norm := strings.ToLower(name)
	if r.local["d:"+norm] {
		return r.directives[norm], norm, nil
	}
	canonical, info = r.lookup(name, norm, lang, "directive", func(l *Language) map[string]string { return l.Directives })
	return r.directives[canonical], canonical, info
}

// LookupRole finds a role by the name written in a document in language
// lang, as LookupDirective does for directives.
func (r *Registry) LookupRole(name, lang string) (role *Role, canonical string, info []string) {
	norm := strings.ToLower(name)
	if name == "" {
		return r.roles[r.DefaultRole], r.DefaultRole, nil
	}
	if r.local["r:"+norm] {
		return r.roles[norm], norm, nil
	}
	canonical, info = r.lookup(name, norm, lang, "role", func(l *Language) map[string]string { return l.Roles })
	return r.roles[canonical], canonical, info
}

func (r *Registry) lookup(name, norm, lang, kind string, table func(*Language) map[string]string) (string, []string) {
	var info []string
	canonical := ""
	if l := r.Language(lang); l != nil {
		if c, ok := table(l)[norm]; ok {
			canonical = c
		} else {
			info = append(info, "No "+kind+" entry for \""+name+"\" in module \""+l.Module+"\".")
		}
	} else {
		// docutils has no rST language module then and reports the
		// AttributeError of looking a name up in None.
		info = append(info, "Problem retrieving "+kind+" entry from language module None: 'NoneType' object has no attribute '"+kind+"s'.")
	}
	if canonical == "" {
		if en := r.languages["en"]; en != nil {
			if c, ok := table(en)[norm]; ok {
				canonical = c
				info = append(info, "Using English fallback for "+kind+" \""+name+"\".")
			}
		}
		if canonical == "" {
			info = append(info, "Trying \""+name+"\" as canonical "+kind+" name.")
			canonical = norm
		}
	}
	return canonical, info
}
