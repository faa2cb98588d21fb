#!/usr/bin/python3
"""Regenerate the text writer's golden files with Sphinx 5.3.

Builds testdata/project with `sphinx-build -b text` into a temporary
directory and copies each document's output, except the index (which holds
only the toctree), to testdata/golden/NAME.txt. Sphinx's warnings go to
testdata/golden/sphinx.log.

A second build with text_newlines = "windows" and text_sectionchars =
"#@-~^+=" writes the VARIANT_DOCS to testdata/golden/windows/.
"""
import glob
import os
import shutil
import subprocess
import tempfile

VARIANT_DOCS = ["sections", "tables", "blocks"]
VARIANT_OPTS = ["-D", "text_newlines=windows", "-D", "text_sectionchars=#@-~^+="]

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.join(here, "project")
golden = os.path.join(here, "golden")
os.makedirs(golden, exist_ok=True)


def build(out, opts=()):
    return subprocess.run(
        ["sphinx-build", "-b", "text", "-q", "-E", "-d",
         os.path.join(out, ".doctrees"), *opts, project, out],
        capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="0"))


with tempfile.TemporaryDirectory() as out:
    res = build(out)
    with open(os.path.join(golden, "sphinx.log"), "w", encoding="utf-8") as f:
        f.write(res.stderr.replace(project + os.sep, ""))
    res.check_returncode()
    for path in sorted(glob.glob(os.path.join(out, "*.txt"))):
        name = os.path.basename(path)
        if name != "index.txt":
            shutil.copyfile(path, os.path.join(golden, name))

windows = os.path.join(golden, "windows")
os.makedirs(windows, exist_ok=True)
with tempfile.TemporaryDirectory() as out:
    build(out, VARIANT_OPTS).check_returncode()
    for name in VARIANT_DOCS:
        shutil.copyfile(os.path.join(out, name + ".txt"),
                        os.path.join(windows, name + ".txt"))
