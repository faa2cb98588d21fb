package directives

//go:generate python3 gen_lexers.py

import (
	"errors"
	"strings"
)

// CheckLexer returns the error docutils' code_analyzer.Lexer raises for
// code in language with the given syntax_highlight setting ("long",
// "short" or "none"), or nil. docutils reports it from the code role and
// the code directive. docbuild has no Pygments and never splits code into
// tokens, but it knows the lexer names of the Pygments that the reference
// output was made with, so an unknown language is reported as docutils
// reports it.
func CheckLexer(language, syntaxHighlight string) error {
	if language == "" || language == "text" || syntaxHighlight == "none" {
		return nil
	}
	if pygmentsLexers[strings.ToLower(language)] {
		return nil
	}
	return errors.New("Cannot analyze code. No Pygments lexer found for \"" + language + "\".")
}
