#!/usr/bin/env python3
"""Dump docutils 0.19's parse results, registries included, as JSON.

The transforms package's tests rebuild these documents in Go and apply
docbuild's transforms to them, so that the transforms can be checked
against docutils independently of docbuild's parser. Regenerate with

    python3 transforms/testdata/dumptrees.py $(realpath ../shared/conformance/docutils-0.19) \
        | gzip -9n > transforms/testdata/parsed.json.gz

The cases: the transform suite's (its transforms, then TestMessages, as
docutils' TransformTestCase), some bad input (EXTRAS), the parser suite's
inputs and the functional document (these three through rst2pseudoxml's
standard transforms). Each holds the case's id, transforms ("standard" for
the standard list), settings, expected output ("expected" for the suite's
verified cases, "docutils_output" as docutils gives it), and "doc": the
document as docutils' parser leaves it.
"""

import json
import os
import sys

from docutils import frontend, nodes, utils
from docutils.parsers import rst


class Dumper:
    def __init__(self):
        self.ids = {}
        self.nodes = []

    def ref(self, node):
        if node is None:
            return None
        key = id(node)
        if key not in self.ids:
            self.ids[key] = len(self.nodes)
            self.nodes.append(None)
            self.nodes[self.ids[key]] = self.node(node)
        return self.ids[key]

    def value(self, v):
        if isinstance(v, nodes.Node):
            return {"node": self.ref(v)}
        if isinstance(v, (list, tuple)):
            if all(isinstance(x, str) for x in v):
                return list(v)
            return {"list": [self.value(x) for x in v]}
        if isinstance(v, bool) or v is None or isinstance(v, (int, float, str)):
            return v
        if isinstance(v, dict):
            return {"dict": {k: self.value(x) for k, x in v.items()}}
        if isinstance(v, type):
            return {"class": v.__module__ + "." + v.__name__}
        return {"repr": repr(v)}

    def node(self, n):
        if isinstance(n, nodes.Text):
            return {"text": str(n)}
        d = {"tag": n.tagname,
             "attrs": [[k, self.value(v)] for k, v in n.attributes.items()],
             "children": None,
             "rawsource": n.rawsource}
        if n.source is not None:
            d["source"] = n.source
        if n.line is not None:
            d["line"] = n.line
        if n.source is None and n.line is None and not in_document(n):
            # Out of the tree, but docutils still finds a location through
            # the parent pointers it keeps: record it.
            src, line = utils.get_source_line(n)
            d["stale"] = [src, line]
        if getattr(n, "referenced", 0):
            d["referenced"] = True
        if getattr(n, "resolved", 0):
            d["resolved"] = True
        if isinstance(n, nodes.pending):
            d["transform"] = n.transform.__module__ + "." + n.transform.__name__
            d["details"] = {k: self.value(v) for k, v in n.details.items()}
        # children after registering self, so cycles through parents are fine
        d["children"] = [self.ref(c) for c in n.children]
        return d


def in_document(n):
    """Whether n is in its document's tree (reachable from the root)."""
    while n.parent is not None:
        if not any(c is n for c in n.parent.children):
            return False
        n = n.parent
    return isinstance(n, nodes.document)


def dump(doc):
    dm = Dumper()
    root = dm.ref(doc)
    refs = lambda lst: [dm.ref(x) for x in lst]
    refmap = lambda m: {k: refs(v) for k, v in m.items()}
    sm = doc.reporter.get_source_and_line.__self__
    out = {
        "root": root,
        "ids": {k: dm.ref(v) for k, v in doc.ids.items()},
        "nameids": dict(doc.nameids),
        "nametypes": dict(doc.nametypes),
        "refnames": refmap(doc.refnames),
        "refids": refmap(doc.refids),
        "indirect_targets": refs(doc.indirect_targets),
        "substitution_defs": {k: dm.ref(v) for k, v in doc.substitution_defs.items()},
        "substitution_names": dict(doc.substitution_names),
        "footnote_refs": refmap(doc.footnote_refs),
        "citation_refs": refmap(doc.citation_refs),
        "autofootnotes": refs(doc.autofootnotes),
        "autofootnote_refs": refs(doc.autofootnote_refs),
        "symbol_footnotes": refs(doc.symbol_footnotes),
        "symbol_footnote_refs": refs(doc.symbol_footnote_refs),
        "footnotes": refs(doc.footnotes),
        "citations": refs(doc.citations),
        "autofootnote_start": doc.autofootnote_start,
        "symbol_footnote_start": doc.symbol_footnote_start,
        "id_counter": dict(doc.id_counter),
        "pending": [[p, dm.ref(n)] for (p, _cls, n, _kw) in doc.transformer.transforms],
        "sm": {"items": [list(x) for x in sm.input_lines.items],
               "input_offset": sm.input_offset,
               "line_offset": sm.line_offset},
    }
    out["nodes"] = dm.nodes
    return out


# Bad input that must neither crash nor hang docbuild, run through the
# standard transforms of rst2pseudoxml. docutils itself fails on some.
EXTRAS = [
    ("circular indirect targets", ".. _a: b_\n.. _b: a_\n\na_ b_\n"),
    ("self indirect target", ".. _a: a_\n\na_\n"),
    ("long indirect chain", "".join(".. _t%d: t%d_\n" % (i, i + 1) for i in range(50)) + ".. _t50: http://x\n\nt0_\n"),
    ("undefined nested substitution", "x |a| y\n\n.. |a| replace:: 1 |b| 2\n"),
    ("self substitution", ".. |a| replace:: |a|\n\n|a|\n"),
    ("mutual substitution", ".. |a| replace:: x |b|\n.. |b| replace:: y |a|\n\n|a| |b|\n"),
    ("substitution chain", "".join(".. |s%d| replace:: |s%d|\n" % (i, i + 1) for i in range(30)) + ".. |s30| replace:: end\n\n|s0|\n"),
    ("more anonymous targets", "a__\n\n__ http://a\n__ http://b\n"),
    ("too many auto footnote refs", "[#]_ [#]_ [#]_\n\n.. [#] one\n"),
    ("too many symbol footnote refs", "[*]_ [*]_\n\n.. [*] one\n"),
    ("symbol footnotes wrap", "".join("[*]_ " for i in range(12)) + "\n\n" + "".join(".. [*] n%d\n" % i for i in range(12))),
    ("contents without sections", ".. contents::\n\nText.\n"),
    ("local contents", "Title\n=====\n\nA\n-\n\n.. contents::\n   :local:\n\nB\n~\n\nC\n~\n"),
    ("sectnum and contents", ".. sectnum::\n   :depth: 2\n   :prefix: P\n\n.. contents:: Here\n   :backlinks: top\n\nA\n=\n\nB\n-\n\nC\n~\n\nD\n=\n"),
    ("class at end", "para\n\n.. class:: x\n"),
    ("transitions", "Title\n=====\n\nS\n-\n\npara\n\n----\n\nT\n-\n\npara\n\n----\n"),
    ("duplicate targets", ".. _a: http://a\n.. _a: http://b\n\na_\n\n.. _c:\n\n.. _c:\n\nc_\n"),
    ("target notes", "a_ and b_ and `c <http://c>`__\n\n.. _a: http://a\n.. _b: http://a\n\n.. target-notes::\n   :class: tn\n"),
    ("docinfo", "=====\nTitle\n=====\n\n:Author: A. Uthor\n:Authors: A; B\n:Date: $Date: 2002-08-20 12:00:00 $\n:RCSfile: $RCSfile: x.txt,v $\n:Version: 1\n:Dedication: To me.\n:Abstract: Short.\n:Abstract: Twice.\n:Other: field\n:Address: 1 Road\n          Town\n:Authors:\n\n:Copyright: * not a para\n\nBody.\n"),
    ("smart quotes", "\"Hello,\" she said -- 'don't' ... ``x`` and \\\"escaped\\\" and 'the '80s'.\n\n.. class:: language-fr\n\n\"French\" 'quotes'\n\n.. class:: language-xx\n\n\"unknown\"\n"),
]


def apply_transforms(doc, names):
    """Apply the case's transforms as DocutilsTestSupport.TransformTestCase
    does and return the pseudo-XML docutils itself gives."""
    import importlib
    from docutils.transforms import universal
    classes = []
    for name in names:
        module, cls = name.rsplit(".", 1)
        classes.append(getattr(importlib.import_module("docutils.transforms." + module), cls))
    doc.transformer.add_transforms(classes)
    doc.transformer.add_transform(universal.TestMessages)
    try:
        doc.transformer.apply_transforms()
    except Exception as e:  # docutils fails on some bad input
        return "EXCEPTION: %r" % e
    return doc.pformat()


def warm_language_cache(code):
    """Load the language modules before parsing, as docutils' own test
    run has them loaded: a fresh process reports "Using <module ...>"."""
    from docutils import languages
    from docutils.parsers.rst import languages as rst_languages
    languages.get_language(code)
    rst_languages.get_language(code)


def settings_for(case):
    settings = frontend.get_default_settings(rst.Parser)
    settings.report_level = 1
    settings.halt_level = 5
    settings.warning_stream = open(os.devnull, "w")
    for k, v in (case.get("settings") or {}).items():
        setattr(settings, k, v)
    return settings


def main():
    suite = sys.argv[1]
    cases = json.load(open(os.path.join(suite, "transforms.json")))
    os.chdir(os.path.join(suite, "root"))
    out = []
    for c in cases:
        settings = settings_for(c)
        warm_language_cache(settings.language_code)
        doc = utils.new_document("test data", settings)
        rst.Parser().parse(c["input"], doc)
        item = {k: c[k] for k in ("id", "transforms", "expected", "verified")}
        item["settings"] = c.get("settings")
        item["doc"] = dump(doc)
        item["docutils_output"] = apply_transforms(doc, c["transforms"])
        out.append(item)
    from docutils.readers import standalone
    from docutils.writers import pseudoxml
    reader, writer = standalone.Reader(), pseudoxml.Writer()
    for name, text in EXTRAS:
        settings = frontend.get_default_settings(standalone.Reader, rst.Parser, pseudoxml.Writer)
        settings.report_level = 1
        settings.halt_level = 5
        settings.smart_quotes = name == "smart quotes"
        settings.warning_stream = open(os.devnull, "w")
        doc = utils.new_document("test data", settings)
        rst.Parser().parse(text, doc)
        item = {"id": "extra: " + name, "transforms": ["standard"], "expected": "",
                "verified": False, "settings": {"smart_quotes": settings.smart_quotes}}
        item["doc"] = dump(doc)
        doc.transformer.add_transforms(reader.get_transforms() + rst.Parser().get_transforms()
                                       + writer.get_transforms())
        doc.transformer.components["writer"] = writer
        try:
            doc.transformer.apply_transforms()
            item["docutils_output"] = doc.pformat()
        except Exception as e:
            item["docutils_output"] = "EXCEPTION: %r" % e
        out.append(item)
    # The inputs of the parser suite, through rst2pseudoxml's transforms.
    for c in json.load(open(os.path.join(suite, "parser.json"))):
        settings = frontend.get_default_settings(standalone.Reader, rst.Parser, pseudoxml.Writer)
        settings.report_level = 1
        settings.halt_level = 5
        settings.warning_stream = open(os.devnull, "w")
        for k, v in (c.get("settings") or {}).items():
            setattr(settings, k, v)
        warm_language_cache(settings.language_code)
        doc = utils.new_document("test data", settings)
        rst.Parser().parse(c["input"], doc)
        if not hasattr(doc.reporter, "get_source_and_line"):
            continue  # the parse stopped before the state machine ran
        item = {"id": "parser: " + c["id"], "transforms": ["standard"], "expected": "",
                "verified": False, "settings": c.get("settings")}
        item["doc"] = dump(doc)
        doc.transformer.add_transforms(reader.get_transforms() + rst.Parser().get_transforms()
                                       + writer.get_transforms())
        doc.transformer.components["writer"] = writer
        try:
            doc.transformer.apply_transforms()
            item["docutils_output"] = doc.pformat()
        except Exception as e:
            item["docutils_output"] = "EXCEPTION: %r" % e
        out.append(item)
    # The functional document, parsed as rst2pseudoxml parses it.
    os.chdir(suite)
    from docutils.core import Publisher
    pub = Publisher()
    pub.set_components("standalone", "restructuredtext", "pseudoxml")
    src = "functional/input/standalone_rst_pseudoxml.txt"
    pub.process_command_line(["--no-datestamp", "--report=1", "--section-subtitles",
                              "--syntax-highlight=none", "--no-generator",
                              "--no-source-link", src])
    pub.set_io()
    doc = pub.reader.read(pub.source, pub.parser, pub.settings)
    out.append({"id": "functional", "transforms": [], "verified": True,
                "expected": open("functional/expected/standalone_rst_pseudoxml.txt").read(),
                "settings": None, "doc": dump(doc)})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
