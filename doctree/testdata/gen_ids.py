# Regenerates ids.json: docutils 0.19's make_id and fully_normalize_name
# on a fixed list of names (run: python3 gen_ids.py > ids.json).
import json
from docutils import nodes
names = ["Hello World", "  leading and trailing  ", "123abc", "a_b.c:d", "Ünïcödé Tëxt",
         "straße", "œuvre", "ø", "--x--", "a\u00a0b", "a\u1680b", "Ünicode\u2003space",
         "中文标题", "x", "", "MiXeD CaSe", "a  \t b", "1. Section", "İstanbul", "ǅ",
         "émile-zola", "tab\there", "a\x1cb", "-", "9", "a-", "dots...and---dashes"]
out = [{"in": n, "id": nodes.make_id(n), "fnorm": nodes.fully_normalize_name(n),
        "wnorm": nodes.whitespace_normalize_name(n)} for n in names]
print(json.dumps(out, ensure_ascii=False, indent=1))
