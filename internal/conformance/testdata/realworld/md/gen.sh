#!/bin/sh
# Regenerates the golden outputs of the real-world Markdown documents in
# this folder: NAME.golden is what MyST-Parser 0.18.1's
# myst-docutils-pseudoxml (on docutils 0.19) prints for NAME.md, run from
# this folder (so the source attribute is the bare file name) with no
# configuration file and the settings "docbuild pseudoxml" uses by
# default. The goldens are kept read-only; realworld_test.go compares
# docbuild's output with them.
#
# Usage: sh gen.sh [NAME.md ...]   (default: every *.md here)
set -e
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- $(ls *.md | grep -v '^SOURCES\.md$')
for f in "$@"; do
	g="${f%.md}.golden"
	[ -e "$g" ] && chmod u+w "$g"
	# DOCUTILSCONFIG= keeps docutils from reading any docutils.conf.
	DOCUTILSCONFIG= myst-docutils-pseudoxml --no-generator --no-datestamp --no-source-link \
		"$f" >"$g" 2>/dev/null || { echo "gen.sh: myst-docutils-pseudoxml failed on $f" >&2; exit 1; }
	chmod a-w "$g"
done
