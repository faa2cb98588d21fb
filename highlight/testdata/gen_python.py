"""Regenerates python.json: Python snippets and what Pygments 2.14 (the
Pygments Sphinx 5.3 runs with on Debian 12) makes of them: the HTML of
HtmlFormatter as Sphinx configures it, and whether the lexer met an error
token (Sphinx's raiseonerror filter, which makes "default" blocks fall
back to plain text).

    /usr/bin/python3 gen_python.py > python.json
"""
import glob, json, os, random, sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')
import pygments
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, PythonConsoleLexer
from pygments.token import Error

assert pygments.__version__ == '2.14.0', pygments.__version__

rng = random.Random(1)
files = sorted(glob.glob('/usr/lib/python3.11/*.py'))
rng.shuffle(files)
cases = []
for f in files[:120]:
    lines = open(f, encoding='utf-8').read().split('\n')
    start = rng.randrange(max(1, len(lines) - 40))
    cases.append('\n'.join(lines[start:start + 40]) + '\n')
# Hand-written cases for the rules real code rarely shows.
cases += [
    "x = f'{a!r:>10} {b=} {{literal}} {c[0]:{width}}'\n",
    "s = 'unterminated\nnext = 1\n",
    "print($x)\n",
    "a ? b\n",
    "match command.split():\n    case [action, _]:\n        pass\n    case _:\n        pass\n",
    "match = 1\ncase(x)\n",
    "raise ValueError from None\n",
    "import os.path as p, sys\nfrom . import x\nfrom ..a.b import (c, d)\n",
    "@functools.wraps(f)\ndef __init__(self, *args): ...\n",
    "class (x): pass\n",
    "n = 0x_FF + 0o17 + 0b1_0 + 1_000.5e-3 + .5 + 1. + 3j + 1e5j\n",
    "b'\\x00\\n\\q' + rb'\\d' + u'\\N{DASH}\\u1234'\n",
    "'%(name)s %-5.2f %% %d' % d\n",
    "'{0.attr[key]!s:<10}'.format(x)\n",
    "def f():\n    '''Docstring\n    more'''\n    r\"\"\"raw doc\"\"\"\n",
    "#!/usr/bin/env python3\n# comment\nx = 1  # trailing\n",
    "x = a if b else c; yield from g; await h; lambda: 0\n",
    "π = 3.14\nnaïve = 'café'\n",
    "x = `backtick`\n",
    "The quick brown fox doesn't jump.\n",
    "a @ b; @property\n",
    "x \\\n  + 1\n",
    "f'{x:{\"nested\"}}'\n",
    "f\"{'a' 'b'}\"\n",
    "def\\\n  g(): pass\n",
]
pycon = [
    ">>> print('hi')\nhi\n",
    ">>> for i in range(3):\n...     print(i)\n...\n0\n1\n2\n",
    ">>> 1/0\nTraceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n",
    ">>> x = [1,\n...      2]\n>>> x\n[1, 2]\n",
    ">>> import os\n>>> os.getcwd()  # doctest: +SKIP\n'/home/user'\n>>>\n",
    ">>> d = {'a': 1}\n>>> d['b']\nTraceback (most recent call last):\n  ...\nKeyError: 'b'\n",
    ">>> s = 'x'\n>>> s $ 2\n",
    ">>> parser.add_argument('--foo')\nTraceback (most recent call last):\n ..\nArgumentError: argument --foo: conflicting\n",
    ">>> 1.__class__\n  File \"<stdin>\", line 1\n    1.__class__\n     ^\nSyntaxError: invalid decimal literal\n",
    ">>> f()\nTraceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n    f()\n    ~^^\nValueError\n>>> g()\nKeyboardInterrupt\n",
]
out = []
for lang, lexer_class, codes in (('python', PythonLexer, cases), ('pycon', PythonConsoleLexer, pycon)):
    for code in codes:
        lexer = lexer_class()
        errors = any(t is Error for t, _ in lexer.get_tokens(code))
        html = highlight(code, lexer_class(), HtmlFormatter())
        out.append({'lang': lang, 'code': code, 'html': html, 'error': errors})
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
