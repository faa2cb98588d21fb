#!/usr/bin/python3
"""Regenerates oracle.json: Markdown inputs and the pseudo-XML that
MyST-Parser 0.18.1 on docutils 0.19 (Debian's python3-myst-parser) makes of
them with docutils' standard transforms, as myst-docutils-pseudoxml does.

Inputs: every example of the CommonMark spec (goldmark's copy, given as the
first argument; without syntax highlighting, which needs Pygments), every
input of MyST's fixture files (the folder given as the second argument) and
of docbuild's own (testdata/cases.md, further arguments), each with MyST's
default settings and again with the syntax extensions in EXTENSIONS on (and
no highlighting). Cases on which MyST fails are left out. Run it from
parser/markdown, where the cases' include paths start; absolute paths in
the output are written with that directory as "<cwd>":

    /usr/bin/python3 testdata/gen_oracle.py GOLDMARK/_test/spec.json \
        ../../../shared/conformance/myst-0.18.1 testdata/cases.md > testdata/oracle.json
"""
import io
import json
import os
import re
import sys
import warnings

warnings.filterwarnings("ignore")

from docutils.core import publish_string
from docutils.frontend import OptionParser
from docutils.readers.standalone import Reader
from docutils.writers.pseudoxml import Writer
from myst_parser.parsers.docutils_ import Parser

EXTENSIONS = "amsmath,attrs_image,colon_fence,deflist,dollarmath,fieldlist,html_admonition,html_image,replacements,smartquotes,strikethrough,substitution,tasklist"


def fixtures(path):
    """Yields (title, input) from a markdown-it fixture file."""
    lines = open(path, encoding="utf8").read().split("\n")
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i] != ".":
            title = lines[i]
            j = i + 2
            inp = []
            while j < len(lines) and lines[j] != ".":
                inp.append(lines[j])
                j += 1
            k = j + 1
            while k < len(lines) and lines[k] != ".":
                k += 1
            yield title, "\n".join(inp) + "\n"
            i = k + 1
        else:
            i += 1


def run(text, args):
    try:
        settings = OptionParser(components=(Reader, Parser, Writer)).parse_args(
            args + ["--no-datestamp", "--no-generator", "--no-source-link"])
    except BaseException:
        return None
    settings.warning_stream = io.StringIO()
    settings.report_level = 2
    try:
        out = publish_string(text, source_path="test.md", parser=Parser(),
                             writer_name="pseudoxml", settings=settings)
    except BaseException:
        return None
    return out.decode("utf8")


def main():
    cases = []
    seen = set()

    def add(cid, text, args):
        key = (text, tuple(args))
        if key in seen:
            return
        seen.add(key)
        out = run(text, args)
        if out is not None:
            # absolute paths (of included files) depend on the checkout
            out = out.replace(os.getcwd(), "<cwd>")
            cases.append({"id": cid, "input": text, "args": args, "expected": out})

    sys.stderr = io.StringIO()
    for ex in json.load(open(sys.argv[1], encoding="utf8")):
        # Pygments' tokens are not reproducible: code stays one text.
        add("spec:%d" % ex["example"], ex["markdown"], ["--myst-highlight-code-blocks=false"])
    folder = sys.argv[2]
    files = [os.path.join(folder, n) for n in sorted(os.listdir(folder))
             if (n.endswith(".md") or n.endswith(".txt")) and n != "LICENSE"]
    files += sys.argv[3:]
    for path in files:
        name = os.path.basename(path)
        for n, (title, text) in enumerate(fixtures(path)):
            args = [a.replace('"', "") for a in re.findall(r"--myst-[a-z-]+=\S+", title)]
            cid = "%s:%d %s" % (name, n, title)
            add(cid, text, args)
            if not args:
                add(cid + " [ext]", text, ["--myst-enable-extensions=" + EXTENSIONS,
                                           "--myst-highlight-code-blocks=false"])
    json.dump(cases, sys.stdout, ensure_ascii=False, indent=0)


main()
