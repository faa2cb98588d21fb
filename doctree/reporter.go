package doctree

import (
	"fmt"
	"strconv"
)

// The system message levels, as docutils numbers them.
const (
	LevelDebug = iota
	LevelInfo
	LevelWarning
	LevelError
	LevelSevere
)

// LevelNames are the type names of the message levels.
var LevelNames = [...]string{"DEBUG", "INFO", "WARNING", "ERROR", "SEVERE"}

// MsgOpts locate and annotate a system message.
type MsgOpts struct {
	// Line is an absolute input line number (1-based) that the reporter's
	// SourceAndLine maps to a source and a line; 0 means "the current
	// line". It is ignored when BaseNode or Source is given.
	Line int
	// BaseNode: the message takes its source and line from this node or its
	// closest ancestor that has them.
	BaseNode Node
	// Source and SourceLine give the location explicitly.
	Source     string
	SourceLine int
	// BackRefs are the ids the message refers back to.
	BackRefs []string
}

// HaltError is raised (as a panic value, recovered by the parser's entry
// point) when a message reaches the halt level, as docutils raises
// SystemMessage.
type HaltError struct{ Msg *Element }

func (h *HaltError) Error() string { return h.Msg.AsText() }

// Reporter makes system_message elements and sends the ones at or above the
// report level to Stream. There is one per document; it is not shared.
type Reporter struct {
	Source      string
	ReportLevel int
	HaltLevel   int
	Debug       bool
	// SourceAndLine maps an absolute line number (0: the current line) to
	// the source and line of the original input, taking inclusions into
	// account. The reST state machine sets it while parsing.
	SourceAndLine func(line int) (source string, srcLine int, ok bool)
	// Stream receives each message at or above ReportLevel; nil discards.
	Stream func(msg *Element)
	// Observers see every message above DEBUG (the document's parse or
	// transform message lists).
	Observers []func(msg *Element)
	MaxLevel  int
}

// NewReporter returns a reporter for the given source and settings.
func NewReporter(source string, s *Settings) *Reporter {
	return &Reporter{Source: source, ReportLevel: s.ReportLevel, HaltLevel: s.HaltLevel, Debug: s.Debug, MaxLevel: -1}
}

// SystemMessage returns a new system_message element of the given level with
// message as its first paragraph, followed by children.
func (r *Reporter) SystemMessage(level int, message string, opts MsgOpts, children ...Node) *Element {
	msg := NewElement(TagSystemMessage)
	// level, line, source, type: one allocation.
	msg.Attrs = make([]Attr, 0, 4)
	var src string
	line := opts.Line
	hasSrc, hasLine := false, opts.Line != 0
	if opts.Source != "" {
		src, hasSrc = opts.Source, true
		if opts.SourceLine != 0 {
			line, hasLine = opts.SourceLine, true
		}
	}
	if opts.BaseNode != nil {
		s, l := SourceLine(opts.BaseNode)
		if s != "" && !hasSrc {
			src, hasSrc = s, true
		}
		if l != 0 && !hasLine {
			line, hasLine = l, true
		}
	}
	if !hasSrc {
		// The line is absolute: map it through the state machine, which
		// knows about included files.
		if r.SourceAndLine != nil {
			if s, l, ok := r.SourceAndLine(line); ok {
				src, hasSrc = s, true
				line, hasLine = l, true
			}
		}
	}
	if !hasSrc {
		src = r.Source
	}
	if len(opts.BackRefs) > 0 {
		msg.SetBackRefs(append(msg.BackRefs(), opts.BackRefs...))
	}
	msg.Set("level", level)
	if hasLine {
		msg.Set("line", line)
	}
	msg.Set("source", src)
	msg.Set("type", LevelNames[level])
	msg.Children = make([]Node, 0, 1+len(children))
	if message != "" {
		msg.Append(NewTextElement(TagParagraph, "", message))
	}
	msg.Append(children...)
	if r.Stream != nil && (level >= r.ReportLevel || (r.Debug && level == LevelDebug) || level >= r.HaltLevel) {
		r.Stream(msg)
	}
	if level >= r.HaltLevel {
		panic(&HaltError{Msg: msg})
	}
	if level > LevelDebug || r.Debug {
		for _, o := range r.Observers {
			o(msg)
		}
	}
	if level > r.MaxLevel {
		r.MaxLevel = level
	}
	return msg
}

// Info returns a level-1 message.
func (r *Reporter) Info(message string, opts MsgOpts, children ...Node) *Element {
	return r.SystemMessage(LevelInfo, message, opts, children...)
}

// Warning returns a level-2 message.
func (r *Reporter) Warning(message string, opts MsgOpts, children ...Node) *Element {
	return r.SystemMessage(LevelWarning, message, opts, children...)
}

// Error returns a level-3 message.
func (r *Reporter) Error(message string, opts MsgOpts, children ...Node) *Element {
	return r.SystemMessage(LevelError, message, opts, children...)
}

// Severe returns a level-4 message.
func (r *Reporter) Severe(message string, opts MsgOpts, children ...Node) *Element {
	return r.SystemMessage(LevelSevere, message, opts, children...)
}

// DebugMsg returns a level-0 message when debugging is on, else nil.
func (r *Reporter) DebugMsg(message string, opts MsgOpts, children ...Node) *Element {
	if !r.Debug {
		return nil
	}
	return r.SystemMessage(LevelDebug, message, opts, children...)
}

// FormatMessage renders a system message as one line for a terminal:
// "source:line: LEVEL: text".
func FormatMessage(msg *Element) string {
	text := ""
	if len(msg.Children) > 0 {
		if p, ok := msg.Children[0].(*Element); ok && p.Tag == TagParagraph {
			text = p.AsText()
		}
	}
	loc := msg.GetString("source")
	if l, ok := msg.Get("line"); ok {
		loc += ":" + FormatValue(l)
	}
	return fmt.Sprintf("%s: %s: %s", loc, msg.GetString("type"), text)
}

// FormatValue renders an attribute value as Python's str() would.
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "True"
		}
		return "False"
	case float64:
		return PyFloat(x)
	}
	return fmt.Sprint(v)
}

// PyFloat formats a float as Python's repr does.
func PyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if f == float64(int64(f)) && f < 1e16 && f > -1e16 {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return s
}
