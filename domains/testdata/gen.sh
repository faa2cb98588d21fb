#!/bin/sh
# Regenerates the goldens from Sphinx 5.3: sh gen.sh (from domains/testdata).
set -e
rm -rf /tmp/domains-golden
sphinx-build -q -b pseudoxml proj /tmp/domains-golden
cp /tmp/domains-golden/index.pseudoxml golden/index.pseudoxml
