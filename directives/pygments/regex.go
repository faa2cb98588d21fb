package pygments

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/dlclark/regexp2/v2"
)

// pattern is one exported regular expression, compiled on first use and
// anchored at the position it is tried at (Python's pattern.match(text,
// pos)).
type pattern struct {
	src   string
	flags string
	once  sync.Once
	re    *regexp2.Regexp
}

func (p *pattern) compile() *regexp2.Regexp {
	p.once.Do(func() {
		opts := regexp2.None
		for _, f := range p.flags {
			switch f {
			case 'i':
				opts |= regexp2.IgnoreCase
			case 'm':
				opts |= regexp2.Multiline
			case 's':
				opts |= regexp2.Singleline
			case 'x':
				opts |= regexp2.IgnorePatternWhitespace
			}
		}
		re, err := regexp2.Compile(`\G(?:`+p.src+`)`, opts, regexp2.OptionMaintainCaptureOrder())
		if err != nil {
			panic(fmt.Sprintf("pygments: pattern %q: %v", p.src, err))
		}
		p.re = re
	})
	return p.re
}

// match is pattern.match(text, pos): the match starting at pos, or nil.
func (p *pattern) match(text []rune, pos int) *regexp2.Match {
	m, err := p.compile().FindRunesMatchStartingAt(text, pos)
	if err != nil || m == nil {
		return nil
	}
	return m
}

// regexLexerDef is one RegexLexer's exported token table.
type regexLexerDef struct {
	States   map[string][]ruleDef `json:"states"`
	Custom   bool                 `json:"custom"`
	CFamily  bool                 `json:"cfamily"`
	Extended bool                 `json:"extended"`
}

// ruleDef is one rule: pattern index, action, new state.
type ruleDef struct {
	Pattern  int
	Action   *action
	NewState newState
}

func (r *ruleDef) UnmarshalJSON(b []byte) error {
	var raw [3]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if err := json.Unmarshal(raw[0], &r.Pattern); err != nil {
		return err
	}
	if string(raw[1]) != "null" {
		r.Action = &action{}
		if err := json.Unmarshal(raw[1], r.Action); err != nil {
			return err
		}
	}
	return json.Unmarshal(raw[2], &r.NewState)
}

// action is what a rule does with its match: yield one token type, split
// the groups (bygroups), lex the text with another lexer (using) or run a
// callback ported from Pygments.
type action struct {
	token    TokenType
	isToken  bool
	byGroups []*action // nil entries skip their group
	using    string    // "this" or a lexer class name
	stack    []string
	callback string
	args     map[string]any
}

func (a *action) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		a.token, a.isToken = TokenType(s), true
		return nil
	}
	var d struct {
		ByGroups []json.RawMessage `json:"bygroups"`
		Using    string            `json:"using"`
		Stack    []string          `json:"stack"`
		Callback string            `json:"callback"`
		Args     map[string]any    `json:"args"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return err
	}
	for _, g := range d.ByGroups {
		if string(g) == "null" {
			a.byGroups = append(a.byGroups, nil)
			continue
		}
		sub := &action{}
		if err := json.Unmarshal(g, sub); err != nil {
			return err
		}
		a.byGroups = append(a.byGroups, sub)
	}
	if d.ByGroups != nil && a.byGroups == nil {
		a.byGroups = []*action{}
	}
	a.using, a.stack, a.callback, a.args = d.Using, d.Stack, d.Callback, d.Args
	return nil
}

// tokenArg returns a callback's token-type argument.
func (a *action) tokenArg(name string) TokenType {
	s, _ := a.args[name].(string)
	return TokenType(s)
}

// boolArg returns a callback's boolean argument.
func (a *action) boolArg(name string) bool {
	b, _ := a.args[name].(bool)
	return b
}

// newState is a rule's state change: none, pop n states (pop > 0), push
// the current state again (pushSelf), or a list of states to push, where
// "#pop" and "#push" pop and repeat.
type newState struct {
	set      bool
	pop      int
	pushSelf bool
	states   []string
}

func (n *newState) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s != "#push" {
			return fmt.Errorf("bad state %q", s)
		}
		n.set, n.pushSelf = true, true
	case b[0] == '[':
		n.set = true
		return json.Unmarshal(b, &n.states)
	default:
		var i int
		if err := json.Unmarshal(b, &i); err != nil {
			return err
		}
		n.set, n.pop = true, -i
	}
	return nil
}

type rule struct {
	pat *pattern
	act *action
	ns  newState
}

// regexLexer runs a RegexLexer's (or an ExtendedRegexLexer's)
// get_tokens_unprocessed.
type regexLexer struct {
	t      *tables
	name   string
	states map[string][]rule
	// cfamily applies CFamilyLexer's renaming of C type names to
	// Keyword.Type.
	cfamily bool
	// extended follows ExtendedRegexLexer: callbacks move the position
	// themselves through the context.
	extended bool
}

func newRegexLexer(t *tables, name string, def *regexLexerDef) *regexLexer {
	lx := &regexLexer{t: t, name: name, states: map[string][]rule{}, cfamily: def.CFamily, extended: def.Extended}
	for st, rules := range def.States {
		rs := make([]rule, len(rules))
		for i, r := range rules {
			rs[i] = rule{pat: t.patterns[r.Pattern], act: r.Action, ns: r.NewState}
		}
		lx.states[st] = rs
	}
	return lx
}

// lexCtx is the state of one run: Pygments' LexerContext (with the
// YamlLexerContext fields) for extended lexers, the position and stack
// for the others.
type lexCtx struct {
	text  []rune
	pos   int
	stack []string
	out   []tok

	// YamlLexerContext
	indentStack       []int
	indent            int
	nextIndent        int
	blockScalarIndent int // -1: None

	// HttpLexer's content_type
	contentType string
	// BibTeXLexer's opening_brace
	openingBrace    string
	hasOpeningBrace bool
}

// matchInfo is a match handed to a callback: a regexp match, or the
// _PseudoMatch that bygroups makes for one group.
type matchInfo struct {
	start int
	text  []rune
	m     *regexp2.Match
}

func (mi matchInfo) end() int { return mi.start + len(mi.text) }

// group returns group n's text and whether it took part in the match.
func (mi matchInfo) group(n int) ([]rune, bool) {
	if n == 0 {
		return mi.text, true
	}
	if mi.m == nil {
		panic("pygments: no such group")
	}
	g := mi.m.GroupByNumber(n)
	if g == nil || len(g.Captures) == 0 {
		return nil, false
	}
	return g.Runes(), true
}

func (mi matchInfo) groupStart(n int) int {
	if n == 0 {
		return mi.start
	}
	g := mi.m.GroupByNumber(n)
	if g == nil || len(g.Captures) == 0 {
		return -1
	}
	return g.RuneIndex
}

func (lx *regexLexer) tokens(text []rune) []tok {
	return lx.tokensFrom(text, []string{"root"})
}

// tokensFrom is get_tokens_unprocessed(text, stack).
func (lx *regexLexer) tokensFrom(text []rune, stack []string) []tok {
	ctx := &lexCtx{text: text, stack: append([]string(nil), stack...), indent: -1, blockScalarIndent: -1}
	statetokens := lx.states[ctx.stack[len(ctx.stack)-1]]
	stuck := 0
	for {
		matched := false
		before, depth := ctx.pos, len(ctx.stack)
		for i := range statetokens {
			r := &statetokens[i]
			m := r.pat.match(text, ctx.pos)
			if m == nil {
				continue
			}
			matched = true
			mi := matchInfo{start: m.RuneIndex, text: m.Runes(), m: m}
			if r.act != nil {
				if r.act.isToken {
					ctx.out = append(ctx.out, tok{ctx.pos, r.act.token, mi.text})
					if lx.extended {
						ctx.pos = mi.end()
					}
				} else {
					lx.run(ctx, r.act, mi)
					if lx.extended && !r.ns.set {
						statetokens = lx.states[ctx.stack[len(ctx.stack)-1]]
					}
				}
			}
			if !lx.extended {
				ctx.pos = mi.end()
			}
			if r.ns.set {
				switch {
				case r.ns.states != nil:
					for _, s := range r.ns.states {
						switch s {
						case "#pop":
							if len(ctx.stack) > 1 {
								ctx.stack = ctx.stack[:len(ctx.stack)-1]
							}
						case "#push":
							ctx.stack = append(ctx.stack, ctx.stack[len(ctx.stack)-1])
						default:
							ctx.stack = append(ctx.stack, s)
						}
					}
				case r.ns.pop > 0:
					if r.ns.pop >= len(ctx.stack) {
						ctx.stack = ctx.stack[:1]
					} else {
						ctx.stack = ctx.stack[:len(ctx.stack)-r.ns.pop]
					}
				case r.ns.pushSelf:
					ctx.stack = append(ctx.stack, ctx.stack[len(ctx.stack)-1])
				}
				statetokens = lx.states[ctx.stack[len(ctx.stack)-1]]
			}
			break
		}
		if matched {
			// Pygments loops for ever on a rule that matches nothing and
			// changes nothing; give up on such a lexer's output instead.
			if ctx.pos == before && len(ctx.stack) == depth {
				if stuck++; stuck > 10000 {
					panic(errNoLexer)
				}
			} else {
				stuck = 0
			}
			continue
		}
		if ctx.pos >= len(text) {
			break
		}
		if text[ctx.pos] == '\n' {
			ctx.stack = []string{"root"}
			statetokens = lx.states["root"]
			typ := TokenType("Text.Whitespace")
			if lx.extended {
				typ = "Text"
			}
			ctx.out = append(ctx.out, tok{ctx.pos, typ, text[ctx.pos : ctx.pos+1]})
			ctx.pos++
			continue
		}
		ctx.out = append(ctx.out, tok{ctx.pos, "Error", text[ctx.pos : ctx.pos+1]})
		ctx.pos++
	}
	if lx.cfamily {
		lx.cfamilyTypes(ctx.out)
	}
	return ctx.out
}

// run performs a callback action (bygroups, using or a ported callback)
// for a match.
func (lx *regexLexer) run(ctx *lexCtx, a *action, mi matchInfo) {
	switch {
	case a.byGroups != nil:
		for i, ga := range a.byGroups {
			if ga == nil {
				continue
			}
			data, ok := mi.group(i + 1)
			start := mi.groupStart(i + 1)
			if ga.isToken {
				if len(data) > 0 {
					ctx.out = append(ctx.out, tok{start, ga.token, data})
				}
				continue
			}
			if !ok {
				continue
			}
			if lx.extended {
				ctx.pos = start
			}
			lx.run(ctx, ga, matchInfo{start: start, text: data})
		}
		if lx.extended {
			ctx.pos = mi.end()
		}
	case a.using != "":
		var other lexer = lx
		if a.using != "this" {
			other = lx.t.byClass(a.using)
		}
		var toks []tok
		if rl, ok := other.(*regexLexer); ok && a.stack != nil {
			toks = rl.tokensFrom(mi.text, a.stack)
		} else {
			toks = other.tokens(mi.text)
		}
		for _, t := range toks {
			t.pos += mi.start
			ctx.out = append(ctx.out, t)
		}
		if lx.extended {
			ctx.pos = mi.end()
		}
	case a.callback != "":
		cb, ok := callbacks[a.callback]
		if !ok {
			panic("pygments: no callback " + a.callback)
		}
		cb(lx, ctx, a, mi)
	default:
		panic("pygments: empty action")
	}
}

// cfamilyTypes is CFamilyLexer.get_tokens_unprocessed: names of standard,
// C99, C11 atomic and Linux types become Keyword.Type.
func (lx *regexLexer) cfamilyTypes(toks []tok) {
	sets := lx.t.sets
	for i := range toks {
		if toks[i].typ != "Name" {
			continue
		}
		v := string(toks[i].val)
		if sets["c_stdlib_types"][v] || sets["c_c99_types"][v] || sets["c_c11_atomic_types"][v] || sets["c_linux_types"][v] {
			toks[i].typ = "Keyword.Type"
		}
	}
}
