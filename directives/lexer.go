package directives

//go:generate /usr/bin/python3 gen_lexers.py

import (
	"errors"
	"strings"
)

// CheckLexer returns the error docutils' code_analyzer.Lexer raises for
// code in language with the given syntax_highlight setting ("long",
// "short" or "none"), or nil: the names it knows are the lexer aliases of
// the Pygments the reference output is made with (the system Python's,
// see gen_lexers.py). The tokens themselves come from package
// directives/pygments.
func CheckLexer(language, syntaxHighlight string) error {
	if language == "" || language == "text" || syntaxHighlight == "none" {
		return nil
	}
	if pygmentsLexers[strings.ToLower(language)] {
		return nil
	}
	return errors.New("Cannot analyze code. No Pygments lexer found for \"" + language + "\".")
}
