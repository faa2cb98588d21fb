// Package markdown parses Markdown (CommonMark with MyST's extensions) into
// a doctree exactly as MyST-Parser 0.18.1's docutils renderer does: the same
// elements, attributes and system messages, so that docutils-level output
// (pseudo-XML) is byte-identical to myst-docutils'.
//
// The text is parsed by github.com/yuin/goldmark; MyST's syntax (targets,
// comments, block breaks, front matter, colon fences, dollar and amsmath
// math, field and definition lists, footnotes, roles, substitutions) is
// added as goldmark block and inline parsers that follow the markdown-it
// plugin rules MyST uses. The goldmark tree is then rendered into doctree
// nodes, running directives and roles from a directives.Registry through
// the directives.Host interface, with directive content parsed as Markdown
// (or as reStructuredText for {eval-rst}), as MyST's mocked docutils state
// does.
package markdown

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Parser parses MyST Markdown documents. It holds no per-document state and
// may be used by many goroutines at once.
type Parser struct {
	// Registry supplies directives and roles; nil means an empty registry.
	Registry *directives.Registry
	// Config holds the myst_* settings; the zero value is read as
	// DefaultConfig() when EnableExtensions and URLSchemes are both nil and
	// WordsPerMinute is 0.
	Config Config
}

func (p *Parser) registry() *directives.Registry {
	if p.Registry == nil {
		return directives.NewRegistry()
	}
	return p.Registry
}

// config returns the parser's configuration, MyST's defaults for a zero
// Config.
func (p *Parser) config() Config {
	c := p.Config
	if c.WordsPerMinute == 0 && c.URLSchemes == nil && c.EnableExtensions == nil && c.SubDelimiters == [2]byte{} {
		return DefaultConfig()
	}
	if c.SubDelimiters == [2]byte{} {
		c.SubDelimiters = [2]byte{'{', '}'}
	}
	return c
}

// Parse parses input (the whole text of one document) into doc.Root, using
// doc.Settings and reporting through doc.Reporter (MyST's Parser.parse).
// Problems in the input become system_message elements in the tree.
func (p *Parser) Parse(doc *doctree.Document, input string) {
	defer func() {
		if rec := recover(); rec != nil {
			if _, ok := rec.(*doctree.HaltError); !ok {
				panic(rec)
			}
		}
	}()
	input = normalizeInput(input)
	if limit := doc.Settings.LineLengthLimit; limit > 0 && len(input) > limit {
		rest := input
		for i := 1; ; i++ {
			line, after, more := strings.Cut(rest, "\n")
			if len(line) > limit && utf8.RuneCountInString(line) > limit {
				doc.Root.Append(doc.Reporter.Error(fmt.Sprintf("Line %d exceeds the line-length-limit: %d.", i, limit), doctree.MsgOpts{}))
				return
			}
			if !more {
				break
			}
			rest = after
		}
	}
	cfg := p.config()
	if err := cfg.Validate(); err != nil {
		doc.Root.Append(doc.Reporter.Error("Global myst configuration invalid: "+err.Error(), doctree.MsgOpts{}))
		cfg = DefaultConfig()
	}
	if top, ok := readTopmatter(input); ok && top != nil {
		cfg = mergeFileLevel(cfg, top, func(wtype, msg string) {
			doc.Root.Append(doc.Reporter.Warning(msg+" [myst."+wtype+"]", doctree.MsgOpts{Line: 1}))
		})
	}
	r := newRenderer(p, cfg, doc)
	r.render(input)
	if !doc.Settings.RawEnabled {
		for _, raw := range doctree.FindTag(doc.Root, doctree.TagRaw) {
			if raw.Parent() != nil {
				doctree.ReplaceSelf(raw, doc.Reporter.Warning("Raw content disabled.", doctree.MsgOpts{}))
			}
		}
	}
}

// normalizeInput is markdown-it's normalize rule: line ends become "\n"
// and NUL becomes U+FFFD.
func normalizeInput(s string) string {
	if strings.ContainsAny(s, "\r\x00") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

func newRenderer(p *Parser, cfg Config, doc *doctree.Document) *renderer {
	reg := p.registry()
	r := &renderer{
		reg:    reg,
		cfg:    cfg,
		doc:    doc,
		scope:  directives.NewScope(reg, doc.Settings.LanguageCode),
		env:    newEnv(),
		cur:    doc.Root,
		source: doc.Root.GetString("source"),
	}
	r.levels = []levelElem{{0, doc.Root}}
	r.block = goldmarkFor(&r.cfg, false)
	r.inline = goldmarkFor(&r.cfg, true)
	src := r.source
	doc.Reporter.SourceAndLine = func(line int) (string, int, bool) {
		if line == 0 {
			return "", 0, false
		}
		return src, line, true
	}
	return r
}

// render renders the whole document (MyST's DocutilsRenderer.render).
func (r *renderer) render(input string) {
	r.appendNode(htmlMetaNodes(r.cfg.HTMLMeta, r.doc, 0)...)
	root, u := r.parseText(input, 0, false)
	r.renderTokens(root, u)
	r.finalise()
}

// goldmarkParsers caches the goldmark parsers by the settings that
// buildGoldmark reads (goldmarkKey): building one and its first use sort
// and index the parsers, a cost that would otherwise come with every
// document. A goldmark parser is immutable once built and safe for
// concurrent use; the cache only grows with distinct syntax settings, and
// stops growing at maxGoldmarkParsers.
var (
	goldmarkParsers     sync.Map // string -> parser.Parser
	goldmarkParserCount atomic.Int32
)

const maxGoldmarkParsers = 64

// goldmarkFor returns the goldmark parser for a configuration, from the
// cache when it can.
func goldmarkFor(cfg *Config, inline bool) parser.Parser {
	key := goldmarkKey(cfg, inline)
	if p, ok := goldmarkParsers.Load(key); ok {
		return p.(parser.Parser)
	}
	p := buildGoldmark(cfg, inline)
	if goldmarkParserCount.Load() < maxGoldmarkParsers {
		if old, loaded := goldmarkParsers.LoadOrStore(key, p); loaded {
			return old.(parser.Parser)
		}
		goldmarkParserCount.Add(1)
	}
	return p
}

// goldmarkKey names every setting that buildGoldmark reads; a new one
// there must be added here.
func goldmarkKey(cfg *Config, inline bool) string {
	ext := slices.Clone(cfg.EnableExtensions)
	slices.Sort(ext)
	dis := slices.Clone(cfg.DisableSyntax)
	slices.Sort(dis)
	return fmt.Sprintf("%t|%t|%t|%q|%q|%t|%t|%t|%t|%q",
		inline, cfg.CommonmarkOnly, cfg.GFMOnly, ext, dis,
		cfg.DmathAllowLabels, cfg.DmathAllowSpace, cfg.DmathAllowDigits, cfg.DmathDoubleInline,
		cfg.SubDelimiters[:])
}

// buildGoldmark makes the goldmark parser for a configuration: for block
// parsing, or (inline) for text that markdown-it parses with parseInline.
func buildGoldmark(cfg *Config, inline bool) parser.Parser {
	on := func(rule string) bool { return !cfg.disabled(rule) }
	myst := cfg.myst()
	var blocks, inlines, paras, asts []util.PrioritizedValue
	add := func(list *[]util.PrioritizedValue, cond bool, v any, prio int) {
		if cond {
			*list = append(*list, util.Prioritized(v, prio))
		}
	}
	if inline {
		add(&blocks, true, inlineBlockParser{}, 100)
	} else {
		add(&blocks, on("front_matter") && myst, frontMatterParser{}, 10)
		add(&blocks, on("lheading"), parser.NewSetextHeadingParser(), 100)
		add(&blocks, on("myst_block_break") && myst, blockBreakParser{}, 150)
		add(&blocks, on("myst_target") && myst, targetParser{}, 160)
		add(&blocks, on("hr"), parser.NewThematicBreakParser(), 200)
		add(&blocks, on("list"), nestingGuard{parser.NewListParser()}, 300)
		add(&blocks, on("list"), parser.NewListItemParser(), 400)
		add(&blocks, on("code"), parser.NewCodeBlockParser(), 500)
		add(&blocks, on("heading"), parser.NewATXHeadingParser(), 600)
		add(&blocks, on("colon_fence") && myst && cfg.Has(ExtColonFence), colonFenceParser{}, 650)
		add(&blocks, on("math_block") && myst && cfg.Has(ExtDollarmath), mathBlockParser{allowLabels: cfg.DmathAllowLabels}, 660)
		add(&blocks, on("substitution_block") && myst && cfg.Has(ExtSubstitution), substBlockParser{cfg.SubDelimiters[0], cfg.SubDelimiters[1]}, 670)
		add(&blocks, on("fence"), parser.NewFencedCodeBlockParser(), 700)
		add(&blocks, on("myst_line_comment") && myst, lineCommentParser{}, 780)
		add(&blocks, on("amsmath") && myst && cfg.Has(ExtAmsmath), amsmathParser{}, 790)
		add(&blocks, on("blockquote"), nestingGuard{parser.NewBlockquoteParser()}, 800)
		add(&blocks, on("footnote_def") && myst, footnoteDefParser{}, 850)
		add(&blocks, on("html_block"), parser.NewHTMLBlockParser(), 900)
		add(&blocks, on("fieldlist") && myst && cfg.Has(ExtFieldlist), fieldListParser{}, 950)
		add(&blocks, on("fieldlist") && myst && cfg.Has(ExtFieldlist), fieldParser{}, 951)
		add(&blocks, on("deflist") && myst && cfg.Has(ExtDeflist), defDescParser{}, 960)
		add(&blocks, on("deflist") && myst && cfg.Has(ExtDeflist), defListParser{}, 990)
		add(&blocks, on("deflist") && myst && cfg.Has(ExtDeflist), defTermParser{}, 991)
		add(&blocks, true, parser.NewParagraphParser(), 1000)
		add(&paras, on("reference"), parser.LinkReferenceParagraphTransformer, 100)
		if !cfg.CommonmarkOnly && on("table") {
			paras = append(paras, util.Prioritized(extension.NewTableParagraphTransformer(), 200))
			asts = append(asts, util.Prioritized(extension.NewTableASTTransformer(), 0))
		}
	}
	add(&inlines, on("substitution_inline") && myst && cfg.Has(ExtSubstitution), substInlineParser{cfg.SubDelimiters[0], cfg.SubDelimiters[1]}, 50)
	add(&inlines, on("math_inline") && myst && cfg.Has(ExtDollarmath), mathInlineParser{cfg.DmathAllowSpace, cfg.DmathAllowDigits, cfg.DmathDoubleInline}, 60)
	add(&inlines, on("myst_role") && myst, roleParser{}, 90)
	add(&inlines, on("backticks"), parser.NewCodeSpanParser(), 100)
	add(&inlines, on("footnote_ref") && myst, footnoteRefParser{}, 150)
	add(&inlines, on("link"), parser.NewLinkParser(), 200)
	add(&inlines, on("autolink"), parser.NewAutoLinkParser(), 300)
	add(&inlines, on("html_inline"), rawHTMLParser{parser.NewRawHTMLParser()}, 400)
	add(&inlines, on("strikethrough") && (cfg.GFMOnly || (myst && cfg.Has(ExtStrikethrough))), strikethroughParser{}, 450)
	add(&inlines, on("emphasis"), emphasisParser{}, 500)
	add(&inlines, on("linkify") && (cfg.GFMOnly || (!cfg.CommonmarkOnly && cfg.Has(ExtLinkify))), extension.NewLinkifyParser(), 999)
	add(&inlines, on("attr") && myst && cfg.Has(ExtAttrsImage), attrsParser{}, 900)
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(paras...),
		parser.WithASTTransformers(asts...),
	)
}
