#!/usr/bin/python3
"""Regenerate the XML writer's golden files with docutils 0.19 (rst2xml).

Run from anywhere: every testdata/NAME.rst is rendered, from the package
directory (so that the source attribute reads "testdata/NAME.rst"), as
  NAME.xml           rst2xml defaults
  NAME.newlines.xml  with --newlines
  NAME.indents.xml   with --indents
and rst2xml's standard error (its warnings) goes to NAME.stderr.

When the shared test data is beside the project (../shared), docutils'
functional test document (conformance/docutils-0.19/functional/input/
standalone_rst_pseudoxml.txt, with the settings of its pseudo-XML test) is
rendered too, from that folder, as functional.xml and functional.indents.xml.
"""
import glob
import os
import subprocess

BASE = ["rst2xml", "--no-generator", "--no-datestamp", "--no-source-link"]
VARIANTS = {"": [], ".newlines": ["--newlines"], ".indents": ["--indents"]}

pkg = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(pkg)
env = dict(os.environ, SOURCE_DATE_EPOCH="0")
for src in sorted(glob.glob("testdata/*.rst")):
    name = src[:-len(".rst")]
    for suffix, args in VARIANTS.items():
        res = subprocess.run(BASE + args + [src], capture_output=True,
                             text=True, env=env)
        with open(name + suffix + ".xml", "w", encoding="utf-8") as f:
            f.write(res.stdout)
        if suffix == "":
            with open(name + ".stderr", "w", encoding="utf-8") as f:
                f.write(res.stderr)

conf = os.path.join(pkg, "..", "..", "..", "shared", "conformance", "docutils-0.19")
if os.path.isdir(conf):
    os.chdir(conf)
    func = ["--report=1", "--section-subtitles", "--syntax-highlight=none",
            "functional/input/standalone_rst_pseudoxml.txt"]
    for suffix, args in (("", []), (".indents", ["--indents"])):
        res = subprocess.run(BASE + args + func, capture_output=True, text=True, env=env)
        with open(os.path.join(pkg, "testdata", "functional" + suffix + ".xml"), "w",
                  encoding="utf-8") as f:
            f.write(res.stdout)
