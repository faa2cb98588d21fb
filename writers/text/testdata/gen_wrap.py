#!/usr/bin/python3
"""Regenerate wrap.json: Sphinx 5.3's my_wrap (sphinx.writers.text) on
assorted texts and widths, for the Go wrapper's table-driven test."""
import json
import os

from sphinx.writers.text import my_wrap

TEXTS = [
    "",
    " ",
    "   leading spaces kept on the first line",
    "word",
    "two words",
    "hyphenated-words well-known state-of-the-art x-ray e-mail re-use-it",
    "1-2-3 ab1-cd mid-1st a-b -foo-bar (paren-thesis) [brack-et] \"quo-ted\"",
    "em--dash word---word end.--next \"q\"--d 1--2 a--b--c --start trail-- !--x ?--y",
    "interpreted `text with` role :py:func:`name` and :bad-role:`x y` `",
    "x :role:`a` y `b` z :Role:`c` :ro1e:`d`",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa end",
    "short aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa end",
    "日本語の文章はここにあります。とても長い文章を書いて、折り返しを確認します。",
    "これはEnglishの混在したtextです。moreEnglishWordsHere。",
    "xxxxxxxxxxxxxxxxxxxxx 日本語日本語",
    "café naïve re\u0301sume\u0301 e\u0301\u0301",
    "non\u00a0breaking\u00a0spaces\u00a0here and there",
    "tab\there\tand\t\ttabs",
    "line\nbreaks\r\nand\x0bvertical\x0cfeed",
    "zero\u200bwidth and soft\u00adhyphen and fullwidth ＡＢＣ",
    "trailing spaces   ",
    "under_score-word snake_case-name",
    "ÄÖÜ-äöü Straße-Weg über-all",
    "a " * 40,
    "punctuation, lots; of: it! really? yes.",
]
WIDTHS = [2, 3, 5, 8, 13, 20, 70]

out = []
for text in TEXTS:
    for width in WIDTHS:
        out.append({"text": text, "width": width, "lines": my_wrap(text, width)})
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "wrap.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
