#!/bin/sh
# Regenerates the golden outputs of the real-world reStructuredText
# documents in this folder: NAME.golden is what docutils 0.19's
# rst2pseudoxml prints for NAME.rst, run from this folder (so the source
# attribute is the bare file name) with no configuration file and the
# settings "docbuild pseudoxml" uses by default. The goldens are kept
# read-only; realworld_test.go compares docbuild's output with them.
#
# Usage: sh gen.sh [NAME.rst ...]   (default: every *.rst here)
set -e
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.rst
for f in "$@"; do
	g="${f%.rst}.golden"
	[ -e "$g" ] && chmod u+w "$g"
	# DOCUTILSCONFIG= keeps docutils from reading any docutils.conf.
	DOCUTILSCONFIG= rst2pseudoxml --no-generator --no-datestamp --no-source-link \
		"$f" >"$g" 2>/dev/null || { echo "gen.sh: rst2pseudoxml failed on $f" >&2; exit 1; }
	chmod a-w "$g"
done
