#!/bin/sh
# Regenerates the goldens from Sphinx 5.3: sh gen.sh (from domains/testdata).
set -e
rm -rf /tmp/domains-golden
sphinx-build -q -b pseudoxml proj /tmp/domains-golden
cp /tmp/domains-golden/index.pseudoxml golden/index.pseudoxml
rm -rf /tmp/domains-golden-text
sphinx-build -q -b text proj /tmp/domains-golden-text
cp /tmp/domains-golden-text/index.txt golden/index.txt
