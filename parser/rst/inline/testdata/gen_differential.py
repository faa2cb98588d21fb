#!/usr/bin/env python3
"""Generate differential.json: random inline-heavy paragraphs with the
pseudo-XML docutils 0.19's Inliner makes of them.

Each case is one to three paragraphs, the Nth at line 1 + 10 * N. Each
paragraph is parsed as docutils' Body.paragraph parses it: the
inliner's nodes go into a paragraph appended to the document (which is
also the inliner's parent), the messages after it.

    python3 gen_differential.py [count] [seed] > differential.json
"""

import json
import random
import sys

from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser, languages, roles, states
from docutils.utils import Reporter

TOKENS = [
    # markup characters, alone and in the usual combinations
    "*", "**", "`", "``", "_", "__", "|", "[", "]", "]_", "#", ":", "<", ">",
    "\\", "\\ ", "\\\\", "\\*", "\\`", "\\_", "|_", "|__", "`_", "`__",
    "_`", ":title:", ":emphasis:", ":strong:", ":literal:", ":sub:", ":sup:",
    ":foo:", ":a.b-c_d:", "<http://x.org>", "<a_>", "<a\\_>", "<b@c.d>",
    "[1]", "[#]", "[#x]", "[*]", "[cit]",
    # words, digits and URIs
    "word", "x", "ab", "a_b", "a-b", "a.b", "a+b", "a:b", "1", "42", "٣",
    "http://example.org", "https://a.b/c?d=e#f", "ftp:x", "foo:bar",
    "mailto:a@b.c", "user@example.com", "a.b@c", "x@y", "pep-8", "PEP 287",
    "pep-0001.txt", "RFC 2822", "RFC-1", "RFC1",
    # punctuation, quotes and white space of all kinds
    " ", " ", " ", "  ", "\n", ".", ",", ";", "!", "?", "(", ")", "{", "}",
    "'", '"', "-", "/", "«", "»", "‘", "’", "‚", "“", "”", "„", "›", "‹",
    "\u00a0", "\u2000", "\u3000", "\u3001", "（", "）", "é", "ß", "İ", "日本",
    "\u0301", "&", "$", "%", "+", "=", "~", "^", "@",
    # pieces of embedded targets and other corner cases
    " <", "\\<", "\\>", ">`_", ">`__", "\\\n", "\n<", "mailto:", ".txt",
    "Xtxt", "PEP\n8", "RFC\n2", "http://x.org/a.", "http://x>", "a@b>",
    "a@b.", "x.org?q#f", "?q", "#f", "[#a_b]_", "|x|__", "::", ":a:b:`x`",
    "`x`:a:b:", "_`x`", "`a <b>`_", "`<b_>`__", "`a <b\\_>`_", "`a\n<b>`_",
]


# Corner cases worth keeping whatever the random ones turn out to be.
CORNERS = [
    r"`a <b\ c>`_", r"`<a@b.c>`_", r"`x <y\_>`_", r"`x <http://a_>`_",
    r"|a|__ and |b|_", r"`a <b c\\ d>`__", "`a\n<b\nc>`_", r"`x <mailto:a@b>`_",
    r"`\<x>`_", r"`x <\<y>`_", r"`x <y\>>`_", r"`x < y>`_", r"`x <y >`_",
    r"`x`:title:_", r"`x`__:title:", r":title:`x`__", r"`x <a_>`__",
    r"`x <a_>`_ `y <a_>`_", r"_`x` _`x`", r"`a <http://x>`_ `a <http://x>`_",
    r"`a <http://x>`_ `a <http://y>`_", "[#a]_ [#a]_ [*]_ [1]_ [c]_",
    r"RFC 2822, RFC-1, rfc 1, PEP 8, pep-8.txt, pep-8Xtxt, pep-٣",
    r"a@b.c_ http://a.b/c_ <http://x> http://x>", r"ftp:x http://x.org",
    r"foo:bar http://x.org", r"\http://x.org h\ttp://x.org http://x.\ org",
    r"user\@example.com user@exa\mple.com", r"**strong****", r"*a**",
    r"``a````", r"`a``", r":a:b:`x`", r"`x`:a:b:", r":a::`x`", r"``:a:`x```",
    r"*emph*\ asis", r"x\ *emph*", "*emph*\\\nx",
]


def paragraph(rng):
    n = rng.randint(1, rng.choice((6, 14, 40)))
    text = "".join(rng.choice(TOKENS) for _ in range(n))
    # Docutils' paragraphs have no leading or trailing white space.
    return text.strip()


def run(paras, settings):
    doc = utils.new_document("test data", settings)
    doc.reporter.get_source_and_line = lambda line: ("test data", line)
    roles._roles.clear()
    inliner = states.Inliner()
    inliner.init_customizations(settings)
    memo = states.Struct(document=doc, reporter=doc.reporter,
                        language=languages.get_language(
                            settings.language_code, doc.reporter),
                        inliner=inliner)
    for i, text in enumerate(paras):
        textnodes, messages = inliner.parse(text, 1 + 10 * i, memo, doc)
        doc += nodes.paragraph(text, "", *textnodes)
        doc += messages
    return doc.pformat()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    variants = [
        {},
        {"character_level_inline_markup": True},
        {"pep_references": True, "rfc_references": True},
        {"trim_footnote_reference_space": True},
    ]
    cases = []
    for text in CORNERS:
        for over in variants:
            settings = frontend.get_default_settings(Parser)
            settings.report_level = 5
            settings.halt_level = 5
            for k, v in over.items():
                setattr(settings, k, v)
            cases.append({"paragraphs": [text], "settings": over,
                          "expected": run([text], settings)})
    count += len(cases)
    seen = set()
    skipped = 0
    while len(cases) < count:
        # Some documents have several paragraphs, to check the ids and
        # the duplicate targets across them.
        paras = [paragraph(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        over = variants[len(cases) % len(variants)]
        if not all(paras) or (tuple(paras), tuple(over)) in seen:
            continue
        seen.add((tuple(paras), tuple(over)))
        settings = frontend.get_default_settings(Parser)
        settings.report_level = 5
        settings.halt_level = 5
        for k, v in over.items():
            setattr(settings, k, v)
        try:
            expected = run(paras, settings)
        except Exception as err:  # docutils' own failures are not cases
            sys.stderr.write("skipped %r: %s\n" % (paras, err))
            skipped += 1
            if skipped > 100:
                raise
            continue
        cases.append({"paragraphs": paras, "settings": over,
                      "expected": expected})
    json.dump(cases, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
