#!/usr/bin/python3
"""Regenerate the Sphinx-node goldens of the text writer with Sphinx 5.3.

Builds testdata/sphinxnodes with the text builder and, for its "nodes"
document, writes to testdata/golden/sphinxnodes/:
  nodes.txt             what sphinx-build -b text writes
  nodes.json            the resolved doctree the text writer was given
                        (Sphinx's get_and_resolve_doctree), as JSON: an
                        element is {"tag", "attrs", "children"}, a text
                        node a string
  nodes.secnumbers.json the section numbers the numbered toctree gives it
The Go test reads the JSON back into a tree and renders it.
"""
import json
import os
import shutil
import tempfile

from docutils import nodes
from sphinx.application import Sphinx



def value(v):
    if isinstance(v, (list, tuple)):
        return [value(x) for x in v]
    if v is None or isinstance(v, (str, int, bool, float)):
        return v
    return str(v)


def to_json(node):
    if isinstance(node, nodes.Text):
        return str(node)
    return {"tag": node.tagname,
            "attrs": {k: value(v) for k, v in node.attributes.items()
                      if v != [] or k not in node.list_attributes},
            "children": [to_json(c) for c in node.children]}


here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "sphinxnodes")
golden = os.path.join(here, "golden", "sphinxnodes")
os.makedirs(golden, exist_ok=True)
os.environ["SOURCE_DATE_EPOCH"] = "0"
with tempfile.TemporaryDirectory() as out:
    app = Sphinx(src, src, out, os.path.join(out, ".doctrees"), "text",
                 status=None, warning=None, freshenv=True)
    app.build()
    shutil.copyfile(os.path.join(out, "nodes.txt"), os.path.join(golden, "nodes.txt"))
    tree = app.env.get_and_resolve_doctree("nodes", app.builder)
    with open(os.path.join(golden, "nodes.json"), "w", encoding="utf-8") as f:
        json.dump(to_json(tree), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    nums = {k: list(v) for k, v in app.env.toc_secnumbers.get("nodes", {}).items()}
    with open(os.path.join(golden, "nodes.secnumbers.json"), "w") as f:
        json.dump(nums, f, indent=1, sort_keys=True)
        f.write("\n")
