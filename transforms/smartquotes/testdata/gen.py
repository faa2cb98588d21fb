#!/usr/bin/env python3
"""Make educate.json: docutils 0.19's smartquotes on random token runs.

    python3 gen.py > educate.json
"""
import json
import random

from docutils.utils import smartquotes

random.seed(19)
ALPHABET = ['"', "'", "'", '"', '-', '--', '---', '.', '...', '. . .', ' ', ' ', ' ',
            'a', 'b', 'word', "don't", '80s', '1', '(', '[', '{', ')', ',', ';', '!', '?',
            '\u2014', '\u2013', '&mdash;', '&nbsp;', '&#8211;', '\u200b', '\\"', "\\'",
            '\\-', '\\.', '\\\\', '`', '``', "''", '\u00e9t\u00e9', '_', '\n', '\t', '<', '>']
LANGS = ['en', 'de', 'fr', 'fr-x-altquot', 'he', 'ja', 'en-uk-x-altquot', '', 'sv', 'xx']
cases = []
for n in range(600):
    tokens = []
    for k in range(random.randint(1, 3)):
        kind = 'literal' if random.random() < 0.2 else 'plain'
        text = ''.join(random.choice(ALPHABET) for _ in range(random.randint(0, 12)))
        tokens.append([kind, text])
    lang = random.choice(LANGS)
    attr = random.choice(['qDe', 'qDe', 'qDe', '1', '2', '3', 'qBbdiew', '-1', '0'])
    out = list(smartquotes.educate_tokens([tuple(t) for t in tokens], attr=attr, language=lang))
    cases.append({"tokens": tokens, "lang": lang, "attr": attr, "out": out})
json.dump(cases, __import__('sys').stdout, ensure_ascii=False, indent=0)
