package directives

import (
	"strings"
	"sync"

	"github.com/docbuild/docbuild/doctree"
)

// Scope is one document's view of a Registry: the roles the document
// defines with the role directive, its default role, and the lookups made
// so far. docutils keeps these in module globals; here each parse has its
// own Scope, so a role defined in one document never leaks into another.
// Like docutils, a name that was looked up once is cached, so its INFO
// message about language fallbacks is given once per document.
type Scope struct {
	Reg  *Registry
	Lang string

	roles       map[string]*Role
	directives  map[string]*Directive
	defaultRole *Role
	hasDefault  bool
}

// NewScope returns a scope over reg for a document in language lang.
func NewScope(reg *Registry, lang string) *Scope {
	return &Scope{Reg: reg, Lang: lang, roles: map[string]*Role{}, directives: map[string]*Directive{}}
}

// LookupDirective finds a directive by its written name. msgs holds the
// INFO message about language fallbacks, reported at line (an absolute
// line number), if any.
func (s *Scope) LookupDirective(name string, rep *doctree.Reporter, line int) (*Directive, []*doctree.Element) {
	norm := strings.ToLower(name)
	if d, ok := s.directives[norm]; ok {
		return d, nil
	}
	if pc := s.Reg.Process; pc != nil {
		if d := pc.directive(norm); d != nil {
			s.directives[norm] = d
			return d, nil
		}
	}
	d, _, info := s.Reg.LookupDirective(name, s.Lang)
	var msgs []*doctree.Element
	if len(info) > 0 {
		msgs = append(msgs, rep.Info(strings.Join(info, "\n"), doctree.MsgOpts{Line: line}))
	}
	if d != nil {
		s.directives[norm] = d
		if pc := s.Reg.Process; pc != nil {
			pc.noteDirective(norm, d)
		}
	}
	return d, msgs
}

// LookupRole finds a role by its written name ("" for the default role).
// msgs holds the INFO message about language fallbacks, if any.
func (s *Scope) LookupRole(name string, rep *doctree.Reporter, line int) (*Role, []*doctree.Element) {
	norm := strings.ToLower(name)
	if name == "" && s.hasDefault {
		return s.defaultRole, nil
	}
	if r, ok := s.roles[norm]; ok {
		return r, nil
	}
	r, _, info := s.Reg.LookupRole(name, s.Lang)
	var msgs []*doctree.Element
	if len(info) > 0 {
		msgs = append(msgs, rep.Info(strings.Join(info, "\n"), doctree.MsgOpts{Line: line}))
	}
	if r != nil {
		s.roles[norm] = r
	}
	return r, msgs
}

// DefineRole makes name refer to r for the rest of the document.
func (s *Scope) DefineRole(name string, r *Role) { s.roles[strings.ToLower(name)] = r }

// SetDefaultRole makes r the role of interpreted text without an explicit
// role; a nil r restores the registry's default.
func (s *Scope) SetDefaultRole(r *Role) {
	s.defaultRole, s.hasDefault = r, r != nil
}

// ProcessCache models docutils' module-level directive cache, which lives
// as long as the Python process: a directive name looked up once, in any
// document, is found silently (with no language-fallback INFO message) in
// every later one. A command that parses one file, like rst2pseudoxml,
// has no use for it; a harness that replays docutils' own test runs (many
// documents in one process) sets one on the Registry.
type ProcessCache struct {
	mu         sync.Mutex
	directives map[string]*Directive
}

// NewProcessCache returns an empty cache.
func NewProcessCache() *ProcessCache {
	return &ProcessCache{directives: map[string]*Directive{}}
}

func (p *ProcessCache) directive(norm string) *Directive {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.directives[norm]
}

func (p *ProcessCache) noteDirective(norm string, d *Directive) {
	p.mu.Lock()
	p.directives[norm] = d
	p.mu.Unlock()
}
