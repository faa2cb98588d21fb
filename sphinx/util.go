package sphinx

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/directives/misc/pyio"
	"github.com/docbuild/docbuild/doctree"
)

// wsRE is sphinx.util.ws_re.
var wsRE = regexp.MustCompile(`\s+`)

// urlRE is sphinx.util.url_re: anything with a scheme.
var urlRE = regexp.MustCompile(`^(.+)://`)

// isURL reports whether s matches Sphinx's url_re.
func isURL(s string) bool { return urlRE.MatchString(s) }

// setting returns a configuration value, or def when there is no
// environment or no such value.
func setting(env DocEnv, name string, def any) any {
	if env == nil {
		return def
	}
	v, ok := env.Setting(name)
	if !ok {
		return def
	}
	return v
}

// settingString returns a string configuration value, or def.
func settingString(env DocEnv, name, def string) string {
	if s, ok := setting(env, name, def).(string); ok {
		return s
	}
	return def
}

// settingBool returns a configuration value's Python truth, or def.
func settingBool(env DocEnv, name string, def bool) bool {
	return truth(setting(env, name, def))
}

// truth is Python's bool() for configuration values.
func truth(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case config.Tuple:
		return len(x) > 0
	case []string:
		return len(x) > 0
	case *config.Dict:
		return x.Len() > 0
	}
	return true
}

// stringList reads a configuration value holding strings: a list, tuple,
// set or dict (its keys, in order) of strings, or one string.
func stringList(v any) []string {
	var out []string
	add := func(items []any) {
		for _, it := range items {
			if s, ok := it.(string); ok {
				out = append(out, s)
			}
		}
	}
	switch x := v.(type) {
	case string:
		out = []string{x}
	case []string:
		out = append(out, x...)
	case []any:
		add(x)
	case config.Tuple:
		add(x)
	case *config.Dict:
		add(x.Keys())
	case *config.Set:
		add(x.Items())
	case map[string]string:
		for k := range x {
			out = append(out, k)
		}
	}
	return out
}

// docName returns the name of the document being read, "" without an
// environment.
func docName(env DocEnv) string {
	if env == nil {
		return ""
	}
	return env.DocName()
}

// newSerialNo is env.new_serialno; without an environment the counter
// lives in the document's own scratch state so ids stay unique.
func newSerialNo(doc *doctree.Document, category string) int {
	if env := EnvOf(doc); env != nil {
		return env.NewSerialNo(category)
	}
	counters := localTemp(doc)
	key := category + "serialno"
	n, _ := counters[key].(int)
	counters[key] = n + 1
	return n
}

// temp returns the per-document scratch state (env.temp_data).
func temp(doc *doctree.Document) map[string]any {
	if env := EnvOf(doc); env != nil {
		if t := env.Temp(); t != nil {
			return t
		}
	}
	return localTemp(doc)
}

// localTemps holds the scratch state of documents parsed without an
// environment. Keyed by document, it is only touched by the goroutine
// parsing that document; entries are dropped with the document.
var localTemps = newDocMap()

func localTemp(doc *doctree.Document) map[string]any { return localTemps.get(doc) }

// RefContextKey is the key under DocEnv.Temp() of the document's reference
// context (Sphinx's env.ref_context: "std:program", "py:module", ...), a
// map[string]string that directives such as program set and roles such as
// option read.
const RefContextKey = "ref_context"

// RefContext returns the reference context of the document being read,
// creating it when needed.
func RefContext(doc *doctree.Document) map[string]string {
	t := temp(doc)
	if m, ok := t[RefContextKey].(map[string]string); ok {
		return m
	}
	m := map[string]string{}
	t[RefContextKey] = m
	return m
}

// setSourceInfo is SphinxDirective.set_source_info: the node gets the
// source and line of the directive's first line.
func setSourceInfo(c *directives.Call, node *doctree.Element) {
	node.Source, node.Line = c.Host.SourceAndLine(c.Lineno)
}

// warn reports one of Sphinx's logged warnings (logger.warning), which are
// not part of the tree: the message goes to the reporter's stream only.
func warn(doc *doctree.Document, source string, line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if source == "" {
		source = doc.Reporter.Source
	}
	doc.Reporter.Warning(msg, doctree.MsgOpts{Source: source, SourceLine: line})
}

// warnAt reports a logged warning located at a node.
func warnAt(doc *doctree.Document, node doctree.Node, format string, args ...any) {
	src, line := doctree.SourceLine(node)
	warn(doc, src, line, format, args...)
}

// warnAtLine reports a logged warning located at the directive's line.
func warnAtLine(c *directives.Call, format string, args ...any) {
	src, line := c.Host.SourceAndLine(c.Lineno)
	warn(c.Host.Document(), src, line, format, args...)
}

// docnameJoin is sphinx.util.docname_join: a document name relative to
// the directory of base, "/"-rooted names being absolute.
func docnameJoin(base, name string) string {
	return strings.TrimPrefix(path.Clean(path.Join("/"+base, "..", name)), "/")
}

// intOption is Python's int as an option converter (Sphinx uses the bare
// built-in for maxdepth, lineno-start, tab-width, columns).
func intOption(arg string, none bool) (any, error) {
	return directives.PyInt(arg, none)
}

// optionalInt is sphinx.directives.optional_int: no value gives nil.
func optionalInt(arg string, none bool) (any, error) {
	if none {
		return nil, nil
	}
	v, err := directives.PyInt(arg, false)
	if err != nil {
		return nil, err
	}
	if v < 0 {
		return nil, fmt.Errorf("negative value; must be positive or zero")
	}
	return v, nil
}

// classesOf returns the converted "class" option.
func classesOf(opts map[string]any) []string {
	l, _ := opts["class"].([]string)
	return l
}

// has reports whether an option was given.
func has(opts map[string]any, name string) bool {
	_, ok := opts[name]
	return ok
}

// optString returns a string option, "" when absent.
func optString(opts map[string]any, name string) string {
	s, _ := opts[name].(string)
	return s
}

// appendMessages appends system messages to directive output.
func appendMessages(out []doctree.Node, msgs []*doctree.Element) []doctree.Node {
	for _, m := range msgs {
		out = append(out, m)
	}
	return out
}

// splitLinesKeep is Python's str.splitlines(True).
func splitLinesKeep(s string) []string { return pyio.SplitLines(s, true) }
