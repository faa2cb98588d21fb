#!/usr/bin/python3
"""Regenerate testdata/helpers.json: the results Sphinx 5.3 (and the
Python standard library functions Sphinx relies on) give for the small
text functions package sphinx ports, on hand-picked and random inputs.
helpers_test.go checks the Go ports against them.

    /usr/bin/python3 sphinx/testdata/gen_helpers.py
"""

import difflib
import json
import os
import random
import re
import tempfile
import textwrap

from docutils import nodes
from sphinx.builders.html.transforms import KeyboardTransform
from sphinx.pycode import ModuleAnalyzer
from sphinx.roles import EmphasizedLiteral, GUILabel
from sphinx.util import parselinenos
from sphinx.util.docutils import ReferenceRole
from sphinx.util.matching import _translate_pattern
from sphinx.util.nodes import _make_id, explicit_title_re, process_index_entry

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(5)


def rand_text(alphabet, n):
    return ''.join(rnd.choice(alphabet) for _ in range(rnd.randint(0, n)))


def explicit():
    inputs = ['a <b>', 'a<b>', '<b>', ' <b>', 'a  <b>', 'a <b> <c>', 'a \x00<b>',
              'a \x00<b> <c>', 'a <b', 'x <>', 'a\n<b>', 'a <b>\n', 'é <ü>', 'a <b<c>',
              'title <a <b>>', '\x00<b>', 'a\x00 <b>', 'ab', '', '<', '<>', 'a <b>x']
    inputs += [rand_text('ab <>\x00\n', 10) for _ in range(400)]
    out = []
    for s in inputs:
        row = {'in': s}
        for key, rx in (('noLT', explicit_title_re), ('any', ReferenceRole.explicit_title_re)):
            m = rx.match(s)
            row[key] = [m.group(1), m.group(2)] if m else None
        out.append(row)
    return out


def linenos():
    specs = ['1', '1,3', '2-4', '-3', '3-', '0', '0-2', '5-3', '', 'x', '1-2-3',
             ' 2 , 4 ', '1,,2', '-', '1_0', '+3', '3-3']
    out = []
    for spec in specs:
        for total in (0, 1, 5, 20):
            try:
                res = parselinenos(spec, total)
            except ValueError as e:
                res = str(e)
            out.append({'spec': spec, 'total': total, 'out': res})
    return out


def percent():
    fmts = ['%s', 'a%sb', '%%s', '%s%%', '100%', '%d', '%s %s', 'x', '%5s', '%-5s|',
            '%.2s', '%r', '%(x)s', '%', '%%%s', '%%', '%5.1s']
    out = []
    for f in fmts:
        try:
            res = f % 'dummy'
        except (TypeError, ValueError, KeyError):
            res = None
        out.append({'fmt': f, 'out': res})
    return out


def kbd():
    inputs = ['Control-x', 'Control-x Control-f', 'Caps Lock', 'page up', 'Page Down',
              '-', 'a-', '-a', 'a--b', 'a  b', 'a \n b', 'a\nb', 'Ctrl+Alt+Del',
              'x^y', 'M-x', 'num lock-a', ' a', 'a ', 'caps  lock']
    inputs += [rand_text('ab -+^\n\t', 8) for _ in range(300)]
    inputs = [s for s in inputs if s]  # Sphinx fails on an empty kbd
    out = []
    for s in inputs:
        node = nodes.literal('', s, classes=['kbd'])
        doc = nodes.document(None, None)
        doc += nodes.paragraph('', '', node)
        t = KeyboardTransform.__new__(KeyboardTransform)
        t.document = doc
        KeyboardTransform.run(t)
        out.append({'in': s, 'split': KeyboardTransform.pattern.split(s),
                    'out': doc.children[0].pformat()})
    return out


def dedent():
    inputs = ['  a\n  b\n', '  a\n\tb\n', '\ta\n\t\tb', '  a\n   \n  b', 'a\n  b',
              '    x\n  y\n', '  \n  a', '']
    inputs += [rand_text(' \ta\n', 12) for _ in range(300)]
    return [{'in': s, 'out': textwrap.dedent(s)} for s in inputs]


def diffs():
    out = []
    for _ in range(300):
        a = [rnd.choice('abcde') + '\n' for _ in range(rnd.randint(0, 15))]
        b = list(a)
        for _ in range(rnd.randint(0, 4)):
            op = rnd.random()
            if op < 0.3 and b:
                del b[rnd.randrange(len(b))]
            elif op < 0.6:
                b.insert(rnd.randint(0, len(b)), rnd.choice('abcxyz') + '\n')
            elif b:
                b[rnd.randrange(len(b))] = rnd.choice('xyz') + '\n'
        out.append({'a': a, 'b': b, 'out': list(difflib.unified_diff(a, b, 'old', 'new'))})
    # a long one, for the "popular lines" heuristic
    a = [rnd.choice('ab') + '\n' for _ in range(260)]
    b = list(a)
    b[100:103] = ['x\n']
    out.append({'a': a, 'b': b, 'out': list(difflib.unified_diff(a, b, 'old', 'new'))})
    return out


def patterns():
    names = ['a', 'b', 'ab', 'a/b', 'a/b/c', 'x.rst', 'dir/x.rst', '[x]', 'a^b', 'a!b',
             'other', 'aux/one', 'aux/two', '-', 'a\\b']
    pats = ['*', '**', 'a*', 'a/*', 'a/**', '**/c', '?', 'a?b', '[ab]', '[!a]', '[^a]',
            '[a-c]*', '[', '[]]', '*.rst', '**.rst', 'aux/t*', '[a-o]ther', 'a\\b', '[\\]']
    out = []
    for p in pats:
        rx = re.compile(_translate_pattern(p))
        out.append({'pat': p, 'match': [n for n in names if rx.match(n)]})
    return out


def make_ids():
    inputs = ['term-environment', 'term-Foo Bar', 'term-123', 'term-', 'grammar-token--x',
              'Ünïcödé ß æ', 'a.b_c', '._x', 'x--', 'term-ø', 'term-\u00c6', '-9a', 'tab\tsep',
              'equation-x:0']
    return [{'in': s, 'out': _make_id(s)} for s in inputs]


def emph():
    inputs = ['print({x} + 1)', 'a \\{b} c', '{}', '{a{b}}', 'x}y{z', '\\\\{x}', '{{x}}',
              '{a}{b}', '{', '}', 'a{b', '{a}}', '\\{a\\}', '{a\\}b}', '']
    inputs += [rand_text('a{}\\', 8) for _ in range(300)]
    out = []
    role = EmphasizedLiteral()
    for s in inputs:
        parts = []
        for n in role.parse(s):
            parts.append(['emph' if isinstance(n, nodes.emphasis) else 'text', n.astext()])
        out.append({'in': s, 'out': parts})
    return out


def amp():
    inputs = ['&Cancel', 'A&&B', 'a & b', '&&', 'a&b&c', '&', 'x&&&y', '&\u00e9t\u00e9']
    inputs += [rand_text('a& ', 8) for _ in range(200)]
    return [{'in': s, 'out': GUILabel.amp_re.split(s)} for s in inputs]


def index_entries():
    inputs = ['single: a; b', 'pair: a; b', 'double: a; b', 'triple: a; b; c', 'see: a; b',
              'seealso: a; b', 'module: os', 'builtin: len', '!main', '! bang', 'one, !two, ,',
              '  spaced  ', 'single:x', 'modulex: y', '!pair: a; b', 'keyword:  for ', '',
              'a,b', '!', 'statement: if']
    return [{'in': s, 'out': [list(e) for e in process_index_entry(s, 'id')]} for s in inputs]


def pytags():
    sources = [
        'class A:\n    def f(self):\n        pass\n\n    x = 1\n\n\ndef g():\n    pass\n',
        '@dec\ndef f():\n    pass\n# c\n',
        'def f(): pass\nclass C: pass\n',
        'def f(a=(1,\n   2)):\n    return a\n',
        'x = """\ndef no():\n    pass\n"""\ndef yes():\n    return 1\n',
        'class A:\n    class B:\n        def m(self):\n            def inner():\n                pass\n            return inner\n',
        'def f():\n    x = [\n1,\n]\n    return x\ny = 1\n',
        'if True:\n    def f():\n        pass\n',
        'def f():\n    pass',
        'def f(x: int) -> str:\n    return "a\\\n  b"\n\n\n# end\n',
        "s = 'a\ndef g():\n    pass\n",
        'class A(\n    B,\n):  # c\n    pass\n',
        '@a.b(c)\n@d\nclass X:\n\n    y = 2\n',
        'def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n',
    ]
    out = []
    for src in sources:
        with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
            f.write(src)
        try:
            tags = ModuleAnalyzer.for_file(f.name, '').find_tags()
            res = {k: list(v) for k, v in tags.items()}
        except Exception as e:
            res = None
        finally:
            os.unlink(f.name)
        out.append({'src': src, 'out': res})
    return out


def manpages():
    inputs = ['ls(1)', 'ls', 'ls.1', 'ls(1', 'ls(', 'open(2)', 'a(b)', 'x(0)', 'x(3p)',
              'f(1)(2)', 'é(1é)', '(1)', 'a.b.c', 'ls (1)']
    out = []
    for s in inputs:
        pattern = r'^(?P<path>(?P<page>.+)[\(\.](?P<section>[1-9]\w*)?\)?)$'
        info = {'path': s, 'page': s, 'section': ''}
        r = re.match(pattern, s)
        if r:
            info = r.groupdict()
        out.append({'in': s, 'out': info})
    return out


def glossary_sort():
    import unicodedata
    terms = ['zebra', 'Apple', 'apple', 'Éclair', 'eclair', 'banana', 'Zoo', '_x', '1', 'ébène',
             'Ω', 'ω', 'b']
    return [{'in': terms,
             'out': sorted(terms, key=lambda t: unicodedata.normalize('NFD', t.lower()))}]


def main():
    data = {
        'explicit': explicit(), 'linenos': linenos(), 'percent': percent(), 'kbd': kbd(),
        'dedent': dedent(), 'diff': diffs(), 'patterns': patterns(), 'make_id': make_ids(),
        'emph': emph(), 'amp': amp(), 'index': index_entries(), 'pytags': pytags(),
        'manpage': manpages(), 'glossary_sort': glossary_sort(),
    }
    with open(os.path.join(HERE, 'helpers.json'), 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=0)
        f.write('\n')


if __name__ == '__main__':
    main()
