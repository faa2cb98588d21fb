#!/usr/bin/python3
"""Regenerates nesting.json: deeply nested block quotes and lists around
markdown-it's block nesting limit, and what MyST-Parser 0.18.1 (Debian's
python3-myst-parser, through myst-docutils-pseudoxml) makes of them.
Run from parser/markdown:

    /usr/bin/python3 testdata/gen_nesting.py > testdata/nesting.json
"""
import json
import random
import subprocess
import tempfile


def case(rng):
    lines = []
    for blk in range(rng.randint(1, 3)):
        d = rng.randint(8, 24)
        kind = rng.choice("qlm")
        if kind == "l":
            for i in range(d):
                lines.append("  " * i + "- item%d" % i)
            if rng.random() < 0.5:
                lines.append("  " * rng.randint(0, d) + "tail text")
        elif kind == "q":
            lines.append("> " * d + "quote")
            if rng.random() < 0.5:
                lines.append("lazy")
        else:
            ind = ""
            for i in range(d):
                if i % 2:
                    ind += "> "
                else:
                    lines.append(ind + "- x%d" % i)
                    ind += "  "
            lines.append(ind + "end")
        lines += ["", "para %d" % blk, ""]
    return "\n".join(lines) + "\n"


rng = random.Random(7)
out = []
for k in range(40):
    text = case(rng)
    with tempfile.NamedTemporaryFile("w", suffix=".md", dir=".") as f:
        f.write(text)
        f.flush()
        res = subprocess.run(["myst-docutils-pseudoxml", f.name], capture_output=True, text=True)
        expected = res.stdout.replace(f.name, "test.md", 1)
    out.append({"id": "nesting:%d" % k, "input": text, "expected": expected})
print(json.dumps(out, indent=1))
