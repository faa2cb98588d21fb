"""Generate testdata/patterns.json: match ends of docutils' block
patterns on random strings (-1 for no match)."""
import json, random, re
from docutils.parsers.rst import states

B = states.Body
pats = {
    'bullet': re.compile(B.patterns['bullet']),
    'enumerator': re.compile(B.patterns['enumerator']),
    'field_marker': re.compile(B.patterns['field_marker']),
    'option_marker': re.compile(B.patterns['option_marker']),
    'line': re.compile(B.patterns['line']),
    'grid_table_top': B.grid_table_top_pat,
    'simple_table_top': B.simple_table_top_pat,
    'target': B.explicit.patterns.target,
    'substitution': B.explicit.patterns.substitution,
    'attribution': B.attribution_pattern,
}
alphabets = {
    'bullet': ['-', '+', '*', '\u2022', ' ', 'a', '  '],
    'enumerator': ['(', ')', '.', '1', '12', 'a', 'Z', 'iv', 'IV', '#', ' ', 'x', 'ii', 'M'],
    'field_marker': [':', 'a', ' ', '\\', '`', 'b c', '::', '\\:', '*'],
    'option_marker': ['-', '--', '/', '+', 'a', 'B', '1', '=', ' ', '  ', ', ', '<', '>', 'x y', '_'],
    'line': ['-', '=', '*', ' ', 'a', '~', ':'],
    'grid_table_top': ['+', '-', '=', ' ', '|'],
    'simple_table_top': ['=', ' ', '-', 'a'],
    'target': ['_', '`', 'a', ' ', ':', '\x00', 'b c', '\x00:', '::', '\x00 '],
    'substitution': ['|', 'a', ' ', '\x00', 'b c', '||', '\x00|'],
    'attribution': ['-', '--', '---', '\u2014', ' ', 'a', '\n'],
}
random.seed(7)
out = []
for name, pat in pats.items():
    seen = set()
    for _ in range(400):
        s = ''.join(random.choice(alphabets[name]) for _ in range(random.randint(0, 9)))
        if s in seen:
            continue
        seen.add(s)
        m = pat.match(s)
        end = m.end() if m else -1
        group = None
        if m and name in ('target', 'substitution'):
            group = m.group('name')
        out.append({'pattern': name, 'input': s, 'end': end, 'name': group})
print(json.dumps(out, ensure_ascii=False, separators=(",", ":")))
