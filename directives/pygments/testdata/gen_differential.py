#!/usr/bin/python3
"""Write differential.json: code samples and the tokens docutils' Lexer
gives them with the installed Pygments, in both token-name styles.

The samples are the code blocks (code directives, Markdown fences) of the
documents given on the command line, parsed with docutils or MyST (at most
PER_LANGUAGE blocks of one language), and the first MAX_LINES lines of the
source files given as LANGUAGE=PATH. Run with the system Python, the one
that runs rst2pseudoxml:

    /usr/bin/python3 gen_differential.py FILE.rst FILE.md python=FILE.py ...

With --refresh, the samples already in differential.json are kept and only
their expected tokens are computed again (after a Pygments upgrade).

The committed file was made from the CPython 3.11 documentation (PSF
licence), the README files of goldmark, chroma, go-toml, yaml.v3 and
regexp2 (MIT), the lexer test inputs of chroma v2.27.0 (MIT), and a few
system files (C headers, Makefiles, CI configurations, patches).
"""

import json
import os
import sys

from docutils.core import publish_doctree
from docutils import nodes
from docutils.utils.code_analyzer import Lexer, LexerError, unstyled_tokens
import pygments
from pygments.formatters.html import _get_ttype_class

MAX_LINES = 60
PER_LANGUAGE = 8
here = os.path.dirname(os.path.abspath(__file__))


def blocks(path):
    settings = {'report_level': 5, 'halt_level': 5, 'syntax_highlight': 'none',
                'file_insertion_enabled': False}
    text = open(path, encoding='utf-8').read()
    if path.endswith('.md'):
        from myst_parser.parsers.docutils_ import Parser
        settings['myst_highlight_code_blocks'] = False
        doc = publish_doctree(text, source_path=path, parser=Parser(),
                              settings_overrides=settings)
    else:
        doc = publish_doctree(text, source_path=path,
                              settings_overrides=settings)
    for node in doc.findall(nodes.literal_block):
        cls = node.get('classes', [])
        if len(cls) >= 2 and cls[0] == 'code':
            yield cls[1], node.astext()


def main():
    samples = []
    seen = set()
    per_language = {}
    if sys.argv[1:] == ['--refresh']:
        samples = [{k: s[k] for k in ('source', 'language', 'code')}
                   for s in json.load(open(os.path.join(here, 'differential.json')))['samples']]
    for arg in sys.argv[1:] if not samples else []:
        # LANG=PATH: the first lines of a source file
        if '=' in arg:
            lang, path = arg.split('=', 1)
            with open(path, encoding='utf-8', errors='replace') as f:
                code = ''.join(f.readlines()[:MAX_LINES])
            samples.append({'source': os.path.basename(path), 'language': lang, 'code': code})
            continue
        path = arg
        for lang, code in blocks(path):
            if (lang, code) in seen or per_language.get(lang, 0) >= PER_LANGUAGE:
                continue
            seen.add((lang, code))
            per_language[lang] = per_language.get(lang, 0) + 1
            samples.append({'source': os.path.basename(path), 'language': lang, 'code': code})
    out = []
    classes = {}
    for s in samples:
        s = dict(s)
        try:
            lx = Lexer(s['code'], s['language'], 'long')
        except LexerError as e:
            s['error'] = str(e)
            out.append(s)
            continue
        toks = []
        if lx.lexer is None:
            toks.append(['', s['code']])
        else:
            # Lexer.__iter__ without the class names: the merged tokens
            for ttype, value in lx.merge(pygments.lex(lx.code, lx.lexer)):
                name = str(ttype)[len('Token.'):] if str(ttype) != 'Token' else ''
                toks.append([name, value])
                if name not in classes:
                    classes[name] = {
                        'long': [c for c in str(ttype).lower().split('.') if c not in unstyled_tokens],
                        'short': [c for c in [_get_ttype_class(ttype)] if c not in unstyled_tokens],
                    }
        s['tokens'] = toks
        out.append(s)
    with open(os.path.join(here, 'differential.json'), 'w') as f:
        json.dump({'pygments': pygments.__version__, 'classes': classes, 'samples': out},
                  f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    print(len(out), 'samples')


if __name__ == '__main__':
    main()
