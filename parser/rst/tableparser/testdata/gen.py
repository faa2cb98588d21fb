#!/usr/bin/env python3
"""Generate cases.json: expected results of docutils' table parsers.

docutils 0.19 is the oracle. Each case feeds a block of raw lines through
StringList.pad_double_width (as docutils' isolate_*_table does) and then
GridTableParser or SimpleTableParser.parse, and records either the table
structure or the exception raised. Hand-written cases come first, followed
by pseudo-random mutations of them and small random tables (fixed seed) to
cover odd inputs.

Exceptions other than TableMarkupError (IndexError, AssertionError,
KeyError: docutils crashing on input its reST parser never passes on) are
recorded by kind only; the Go port returns an *Error for them.

Regenerate (from the package directory) with:

    python3 testdata/gen.py > testdata/cases.json
"""

import json
import random
import sys

import docutils
from docutils.parsers.rst.tableparser import (
    GridTableParser, SimpleTableParser, TableMarkupError)
from docutils.statemachine import StringList

PAD = GridTableParser.double_width_pad_char

GRID = [
    ('docstring example', """\
+------------------------+------------+----------+----------+
| Header row, column 1   | Header 2   | Header 3 | Header 4 |
+========================+============+==========+==========+
| body row 1, column 1   | column 2   | column 3 | column 4 |
+------------------------+------------+----------+----------+
| body row 2             | Cells may span columns.          |
+------------------------+------------+---------------------+
| body row 3             | Cells may  | - Table cells       |
+------------------------+ span rows. | - contain           |
| body row 4             |            | - body elements.    |
+------------------------+------------+---------------------+"""),
    ('two by two', """\
+---+---+
| a | b |
+---+---+
| c | d |
+---+---+"""),
    ('header', """\
+-----+-----+
| h1  | h2  |
+=====+=====+
| b1  | b2  |
+-----+-----+"""),
    ('two header rows', """\
+-----+-----+
| h1  | h2  |
+-----+-----+
| h3  | h4  |
+=====+=====+
| b1  | b2  |
+-----+-----+"""),
    ('empty cells', """\
+---+---+
|   |   |
+---+---+
|   | x |
|   |   |
+---+---+"""),
    ('wide characters', """\
+------+----+
| 中文 | ab |
+------+----+
| ｘｙ | 字 |
+------+----+"""),
    ('wide character spill', """\
+-----+----+
| 中文| ab |
+-----+----+"""),
    # docutils' isolate_grid_table requires equal lengths in code points, so
    # lines with combining characters look misaligned.
    ('combining characters', [
        '+-----+-----+',
        '| t\u0306ab\u0306 | x |',
        '| e\u0306  | y   |',
        '+-----+-----+',
        '| e\u0306\u0306 | y   |',
        '+-----+-----+']),
    ('multiple head separators', """\
+---+
| a |
+===+
| b |
+===+
| c |
+---+"""),
    ('head separator last', """\
+---+
| a |
+===+"""),
    ('head separator first', """\
+===+
| a |
+---+"""),
    ('head separator first and middle', """\
+===+
| a |
+===+
| b |
+---+"""),
    ('parse incomplete', """\
+---+---+
| a | b |
+---+---+
| c | d |
+---+----"""),
    ('indented content', """\
+----------+
|   one    |
|     two  |
|          |
|   three  |
+----------+"""),
    ('trailing spaces on separator', """\
+---+
| a |
+===+  
| b |
+---+"""),
    ('single line', "+---+"),
    ('ragged lines', """\
+---+---+
| a |
+---+---+"""),
    ('no top-left corner', """\
|---+
| a |
+---+"""),
    ('row and column spans', """\
+---+---+---+
| a | b     |
+---+---+---+
| c | d | e |
+   +---+   +
|   | f |   |
+---+---+---+
| g         |
+-----------+"""),
    ('plus and bar in text', """\
+-------+-----+
| a+b   | |x| |
| c-d   | +   |
+-------+-----+"""),
    ('nested-looking grid', """\
+-----------+
| +---+---+ |
| | a | b | |
| +---+---+ |
+-----------+"""),
    ('empty first line', ['', '+--+', '+--+']),
    ('ideographic space', """\
+------+
| 　ab |
| 　　 |
+------+"""),
    ('blank lines in cell', """\
+-----+
| a   |
|     |
| b   |
+-----+"""),
    ('zero-width columns', """\
++++
++++
++++"""),
    ('header only row sep spans', """\
+---+---+
| a     |
+===+===+
| b | c |
+---+---+"""),
    # Passes docutils' isolate_grid_table, then fails an assertion in
    # GridTableParser.mark_done.
    ('mark_done assertion', ['+-+----+', '+-++- -+', '+--+-+-+']),
    ('right edge missing', """\
+---+---+
| a | b  
+---+---+"""),
]

SIMPLE = [
    ('docstring example', """\
=====  =====
col 1  col 2
=====  =====
1      Second column of row 1.
2      Second column of row 2.
       Second line of paragraph.
3      - Second column of row 3.

       - Second item in bullet
         list (row 3, column 2).
4 is a span
------------
5
=====  ====="""),
    ('basic', """\
===  ===
a    b
c    d
===  ==="""),
    ('header', """\
===  ===
h1   h2
===  ===
a    b
===  ==="""),
    ('two header rows', """\
===  ===
h1   h2
h3   h4
===  ===
a    b
===  ==="""),
    ('column spans', """\
=====  =====  =====
a      b      c
===================
d spans all three
-------------------
e spans two   f
------------  -----
g      h      i
=====  =====  ====="""),
    ('text in column margin', """\
=====  =====
a      b
abcdefg
=====  ====="""),
    ('text in margin of header', """\
=====  =====
abcdef b
=====  =====
a      b
=====  ====="""),
    ('last column overflow', """\
===  ===
a    b
c    this is longer than the border
e    f
===  ==="""),
    ('overflow in span row', """\
===  ===  ===
a    b    c
-------------
spanning text that runs long
-------------
d    e    f
===  ===  ==="""),
    ('column span incomplete', """\
=====  =====
a      b
---------
c      d
=====  ====="""),
    ('column span alignment problem', """\
=====  =====
a      b
---  -------
c      d
=====  ====="""),
    ('multiple head separators', """\
===  ===
a    b
===  ===
c    d
===  ===
e    f
===  ==="""),
    ('wide characters', """\
====  ====
中文  ab
ｘｙ  字
====  ===="""),
    ('wide character in margin', """\
===  ===
中文 b
===  ==="""),
    # check_columns ignores combining characters; get_2D_block remaps
    # columns around them (carrying the remapped bounds to later lines).
    ('combining characters', [
        '====  ====',
        't\u0306ab\u0306   x',
        'e\u0306     yy\u0306',
        'a     b',
        '====  ====']),
    ('combining characters in margin', [
        '====  ====',
        'abc\u0306\u0306d x',
        '====  ====']),
    ('continuation lines', """\
=====  =====
a      b
       b2

       b3
c      d
=====  ====="""),
    ('leading blank first column', """\
=====  =====
       x
a      b
=====  ====="""),
    ('empty block', []),
    ('no columns in top border', ['   ', 'a', '   ']),
    ('consecutive span lines', """\
=====  =====
a      b
-----  -----
-----  -----
c      d
=====  ====="""),
    ('header with no body', """\
===  ===
a    b
===  ===
===  ==="""),
    ('indented cell content', """\
=======  =======
a        b
  a2       b2
=======  ======="""),
    ('empty cells', """\
===  ===  ===
a         c
     b
===  ===  ==="""),
    ('single line', ['===  ===']),
    ('bottom not a border', """\
===  ===
a    b
c    d"""),
    ('tab-free trailing spaces', ['===  ===  ', 'a    b   ', '===  ===  ']),
    ('span line with trailing spaces', """\
===  ===
a    b
--------   
c    d
===  ==="""),
    ('overflow then normal row', """\
===  ===
a    bbbbbbbbbbbb
c    d
--------
e
===  ==="""),
]


def lines_of(block):
    if isinstance(block, str):
        return block.split('\n')
    return list(block)


def run(kind, lines):
    block = StringList(list(lines), 'test')
    block.pad_double_width(PAD)
    parser = GridTableParser() if kind == 'grid' else SimpleTableParser()
    try:
        widths, head, body = parser.parse(block)
    except TableMarkupError as err:
        return {'error': {'kind': 'TableMarkupError',
                          'msg': ' '.join(err.args), 'offset': err.offset}}
    except (IndexError, AssertionError, KeyError) as err:
        return {'error': {'kind': type(err).__name__, 'msg': str(err),
                          'offset': 0}}

    def cell(c):
        if c is None:
            return None
        morerows, morecols, offset, text = c
        return {'morerows': morerows, 'morecols': morecols,
                'offset': offset, 'lines': list(text)}

    def rows(rs):
        return [[cell(c) for c in r] for r in rs]

    return {'table': {'colwidths': list(widths), 'head': rows(head),
                      'body': rows(body)}}


MUTATION_CHARS = '+-|= =+-|xy中\u0301'


def mutate(rng, lines):
    """Return a randomly damaged copy of lines."""
    lines = list(lines)
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        op = rng.randrange(5)
        i = rng.randrange(len(lines))
        line = lines[i]
        if op == 0 and line:  # replace a character
            j = rng.randrange(len(line))
            lines[i] = line[:j] + rng.choice(MUTATION_CHARS) + line[j+1:]
        elif op == 1:  # insert a character
            j = rng.randrange(len(line) + 1)
            lines[i] = line[:j] + rng.choice(MUTATION_CHARS) + line[j:]
        elif op == 2 and len(lines) > 1:  # delete a line
            del lines[i]
        elif op == 3:  # duplicate a line
            lines.insert(i, line)
        elif op == 4 and line:  # delete a character
            j = rng.randrange(len(line))
            lines[i] = line[:j] + line[j+1:]
    return lines


def random_grid(rng):
    """Return a small random grid table: a full grid, randomly damaged."""
    w, h = rng.randint(1, 9), rng.randint(1, 7)
    cols = {0, w - 1} | {rng.randrange(w) for _ in range(rng.randint(0, 3))}
    rows = {0, h - 1} | {rng.randrange(h) for _ in range(rng.randint(0, 3))}
    out = []
    for r in range(h):
        line = []
        for c in range(w):
            if r in rows and c in cols:
                ch = '+'
            elif r in rows:
                ch = '-' if rng.random() > 0.05 else rng.choice('= x+|')
            elif c in cols:
                ch = '|' if rng.random() > 0.05 else rng.choice(' +-x')
            else:
                ch = rng.choice('  ab+-|\u4e2d\u0301')
            line.append(ch)
        out.append(''.join(line))
    if rng.random() < 0.3:
        r = rng.randrange(h)
        out[r] = out[r].replace('-', '=')
    return out


def random_simple(rng):
    """Return a small random simple table."""
    widths = [rng.randint(1, 5) for _ in range(rng.randint(1, 4))]
    border = '  '.join('=' * w for w in widths)
    out = [border]
    for _ in range(rng.randint(0, 7)):
        k = rng.random()
        if k < 0.15:
            out.append(border)
        elif k < 0.3:
            n = len(border) + rng.randint(-2, 2)
            out.append(''.join(rng.choice('-- ') for _ in range(n)))
        else:
            n = rng.randint(0, len(border) + 4)
            out.append(''.join(rng.choice('ab  \u4e2d\u0301')
                               for _ in range(n)).rstrip())
    out.append(border)
    return out


def main():
    cases = []
    for kind, table in (('grid', GRID), ('simple', SIMPLE)):
        for name, block in table:
            lines = lines_of(block)
            case = {'name': '%s/%s' % (kind, name), 'parser': kind,
                    'block': lines}
            case.update(run(kind, lines))
            cases.append(case)
    rng = random.Random(20240519)
    for kind, table in (('grid', GRID), ('simple', SIMPLE)):
        sources = [lines_of(b) for _, b in table if lines_of(b)]
        for n in range(150):
            lines = mutate(rng, rng.choice(sources))
            case = {'name': '%s/mutant %d' % (kind, n), 'parser': kind,
                    'block': lines}
            case.update(run(kind, lines))
            cases.append(case)
    for kind, make in (('grid', random_grid), ('simple', random_simple)):
        for n in range(150):
            lines = make(rng)
            case = {'name': '%s/random %d' % (kind, n), 'parser': kind,
                    'block': lines}
            case.update(run(kind, lines))
            cases.append(case)
    # One case per line keeps the file compact and diffs readable.
    out = sys.stdout
    out.write('{"docutils": %s, "python": %s, "cases": [\n' % (
        json.dumps(docutils.__version__), json.dumps(sys.version.split()[0])))
    out.write(',\n'.join(json.dumps(c, ensure_ascii=False) for c in cases))
    out.write('\n]}\n')


if __name__ == '__main__':
    main()
