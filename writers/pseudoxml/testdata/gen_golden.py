# Regenerates tree.golden: docutils 0.19's pformat of the tree that
# pseudoxml_test.go builds by hand (run: python3 gen_golden.py > tree.golden).
from docutils import nodes, transforms
doc = nodes.document(None, None, source="test data")
sec = nodes.section(ids=["a-b"], names=["a b", "c\\d"], classes=["x"])
doc += sec
sec += nodes.title("", "Title")
p = nodes.paragraph("", "line one\nline two\r\nthree\x0bfour", level=3, anonymous=1)
sec += p
p += nodes.emphasis("", "em")
sec += nodes.literal_block("", "  code\n\n  more")
t = nodes.target(refuri="http://x", flag=None, t=True, f=False)
sec += t
sm = nodes.system_message("A message.", level=2, line=4, source="test data", type="WARNING", backrefs=["id1"])
sec += sm
class Dummy(transforms.Transform):
    pass
Dummy.__module__ = "docutils.transforms.parts"
Dummy.__name__ = "Contents"
pend = nodes.pending(Dummy, {"title": "It's", "list": ["a", 'b"'], "none": None, "num": 3,
                             "node": nodes.paragraph("", "inner")})
sec += pend
sec += nodes.paragraph("", "escaped\x00 space")
print(doc.pformat(), end="")
