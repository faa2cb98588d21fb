#!/bin/sh
# Regenerates sphinx/: what Sphinx 5.3's JSON builder
# (sphinxcontrib-serializinghtml) writes for builders/html/testdata/basic,
# the oracle json_test.go compares docbuild's JSON builder with.
# Needs Debian's python3-sphinx and python3-sphinxcontrib.serializinghtml.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
SOURCE_DATE_EPOCH=1700000000 sphinx-build -q -b json ../../html/testdata/basic "$tmp" 2>/dev/null
rm -rf sphinx
mkdir -p sphinx/guide
for f in index.fjson intro.fjson reference.fjson guide/index.fjson guide/usage.fjson guide/advanced.fjson \
	genindex.fjson search.fjson py-modindex.fjson globalcontext.json searchindex.json; do
	python3 -m json.tool --sort-keys "$tmp/$f" > "sphinx/$f"
done
rm -rf "$tmp"
