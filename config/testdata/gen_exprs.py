"""Regenerate exprs.golden from exprs.txt with CPython.

Each line of exprs.txt is evaluated after PRELUDE (which config's tests
run through ParseConfPy too); the golden file holds, per line, either
"= " + repr(result) or "! " + exception class name (SyntaxError included).
"""
import json
import sys

PRELUDE = """\
project = 'Demo'
version = '1.2'
n = 3
items = ['a', 'b']
d = {'x': 1, 'y': [1, 2]}
"""

def main():
    out = []
    for line in open('exprs.txt', encoding='utf-8').read().splitlines():
        if not line or line.startswith('#'):
            continue
        ns = {}
        exec(PRELUDE, ns)
        try:
            code = compile('result = ' + line, 'conf.py', 'exec')
            exec(code, ns)
            res = '= ' + repr(ns['result'])
        except Exception as e:
            res = '! ' + type(e).__name__
        out.append({'expr': line, 'result': res})
    with open('exprs.golden', 'w', encoding='utf-8') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')

if __name__ == '__main__':
    main()
