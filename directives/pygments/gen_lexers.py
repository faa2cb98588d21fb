#!/usr/bin/python3
"""Write lexers.json: the Pygments lexers docbuild runs, as data.

docutils' code directive and code role split code into tokens with
Pygments (docutils.utils.code_analyzer). This script exports the token
tables of the installed Pygments' regular-expression lexers (the same
/usr/bin/python3 that runs rst2pseudoxml and myst-docutils-pseudoxml):
every state's rules in order, each with its pattern (rewritten from
Python's re syntax to the .NET syntax of regexp2), its action (a token
type, bygroups, using, or the name of a Python callback ported in
callbacks.go, with its arguments) and its state change. Lexers with
hand-written get_tokens_unprocessed methods are ported in Go (custom.go);
the data they need (type-name sets, prompt patterns) is exported here too,
with the alias and MIME-type tables of get_lexer_by_name and
get_lexer_for_mimetype (for the lexers exported). Lexers whose callbacks
are not ported are left out and listed on stderr.

Run it with the system Python: /usr/bin/python3 gen_lexers.py
"""

import json
import os
import re
import sys
import unicodedata

import pygments
from pygments import lexers as L
from pygments.lexer import RegexLexer, ExtendedRegexLexer, this
from pygments.token import _TokenType, STANDARD_TYPES

# The lexers to export, by class name. Lexers they delegate to with
# using() are added.
REGEX_LEXERS = [
    # Python
    'PythonLexer', 'Python2Lexer', 'PythonTracebackLexer',
    'Python2TracebackLexer', 'PythonConsoleLexer', 'CythonLexer',
    # shells and sessions
    'BashLexer', 'BashSessionLexer', 'BatchLexer', 'MSDOSSessionLexer',
    'PowerShellLexer', 'PowerShellSessionLexer', 'TcshLexer',
    'TcshSessionLexer', 'FishShellLexer',
    # compiled languages
    'CLexer', 'CppLexer', 'GoLexer', 'RustLexer', 'JavaLexer', 'DLexer',
    'DartLexer', 'ZigLexer', 'NimrodLexer', 'HaskellLexer', 'ErlangLexer',
    'GroovyLexer', 'SolidityLexer', 'ProtoBufLexer', 'FortranLexer',
    # scripting
    'PerlLexer', 'JuliaLexer', 'MatlabLexer', 'SLexer', 'AwkLexer',
    'ClojureLexer',
    # web
    'HtmlLexer', 'XmlLexer', 'DtdLexer', 'JavascriptLexer',
    'TypeScriptLexer', 'CssLexer', 'ScssLexer', 'LessCssLexer',
    'CoffeeScriptLexer', 'DjangoLexer',
    # data and configuration
    'JsonLexer', 'JsonLdLexer', 'YamlLexer', 'TOMLLexer', 'IniLexer',
    'PropertiesLexer', 'NginxConfLexer', 'ApacheConfLexer', 'DockerLexer',
    'BaseMakefileLexer', 'MakefileLexer', 'CMakeLexer', 'SqlLexer',
    'MySqlLexer', 'SourcesListLexer', 'DebianControlLexer', 'RegeditLexer',
    'GraphvizLexer', 'GherkinLexer',
    # text
    'TextLexer', 'DiffLexer', 'RstLexer', 'MarkdownLexer', 'TexLexer',
    'BibTeXLexer', 'HttpLexer',
]

# Hand-ported lexers (custom.go), with the lexers they use.
CUSTOM = {
    'TextLexer': [],
    'PythonConsoleLexer': ['PythonLexer', 'PythonTracebackLexer'],
    'BashSessionLexer': ['BashLexer'],
    'MSDOSSessionLexer': ['BatchLexer'],
    'PowerShellSessionLexer': ['PowerShellLexer'],
    'TcshSessionLexer': ['TcshLexer'],
    'JsonLexer': [],
    'JsonLdLexer': [],
    'MakefileLexer': ['BaseMakefileLexer'],
}

# Callbacks ported in Go, by qualified name.
CALLBACKS = {
    'MarkdownLexer._handle_codeblock': 'markdown.codeblock',
    'RstLexer._handle_sourcecode': 'rst.sourcecode',
    'HttpLexer.header_callback': 'http.header',
    'HttpLexer.continuous_header_callback': 'http.continuous_header',
    'HttpLexer.content_callback': 'http.content',
    'BibTeXLexer.open_brace_callback': 'bibtex.open_brace',
    'BibTeXLexer.close_brace_callback': 'bibtex.close_brace',
}

FLAG_NAMES = {re.IGNORECASE: 'i', re.MULTILINE: 'm', re.DOTALL: 's',
              re.VERBOSE: 'x'}


def ttype_name(t):
    s = str(t)
    return '' if s == 'Token' else s[len('Token.'):]


def escape_literal(ch):
    if ch in '\\^$.|?*+()[]{}#- \t\n\r\f\v':
        return '\\' + {'\t': 't', '\n': 'n', '\r': 'r', '\f': 'f',
                       '\v': 'v'}.get(ch, ch)
    return ch


def translate(p, verbose):
    """Rewrite a Python re pattern in the .NET syntax regexp2 reads."""
    out = []
    i, n = 0, len(p)
    in_class = False
    class_first = False
    while i < n:
        c = p[i]
        if c == '\\' and i + 1 < n:
            nx = p[i + 1]
            if nx == 'Z' and not in_class:
                out.append('\\z')
                i += 2
                continue
            if nx == 'U':
                out.append(escape_literal(chr(int(p[i + 2:i + 10], 16))))
                i += 10
                class_first = False
                continue
            if nx == 'N' and p.startswith('{', i + 2):
                j = p.index('}', i)
                out.append(escape_literal(unicodedata.lookup(p[i + 3:j])))
                i = j + 1
                class_first = False
                continue
            if nx == 'x' and not re.match(r'[0-9a-fA-F]{2}', p[i + 2:i + 4]):
                raise ValueError('bad \\x escape')
            out.append(p[i:i + 2])
            i += 2
            class_first = False
            continue
        if in_class:
            if c == ']' and not class_first:
                in_class = False
                out.append(c)
            elif c in '[]':
                out.append('\\' + c)
            else:
                out.append(c)
            class_first = False
            i += 1
            continue
        if verbose and c == '#':
            j = p.find('\n', i)
            if j < 0:
                j = n
            i = j
            continue
        if verbose and c in ' \t\n\r\f\v':
            i += 1
            continue
        if c == '[':
            in_class = True
            class_first = True
            out.append(c)
            i += 1
            if i < n and p[i] == '^':
                out.append('^')
                i += 1
            continue
        if c == '{':
            # Python's {,n} is {0,n}; .NET reads it as text
            m = re.match(r'\{,(\d+)\}', p[i:])
            if m:
                out.append('{0,%s}' % m.group(1))
                i += m.end()
                continue
        if p.startswith('(?P<', i):
            out.append('(?<')
            i += 4
            continue
        if p.startswith('(?P=', i):
            j = p.index(')', i)
            out.append('\\k<' + p[i + 4:j] + '>')
            i = j + 1
            continue
        if p.startswith('(?', i):
            # inline flags: drop the ones .NET lacks (u, a, L)
            m = re.match(r'\(\?([aiLmsux]+)(\)|:|-)', p[i:])
            if m:
                flags = ''.join(f for f in m.group(1) if f in 'imsx')
                if 'x' in m.group(1) and m.group(2) == ')':
                    verbose = True
                if flags or m.group(2) != ')':
                    out.append('(?' + flags + m.group(2))
                i += m.end()
                continue
        out.append(c)
        i += 1
    return ''.join(out)


class Exporter:
    def __init__(self):
        self.lexers = {}
        self.todo = []
        self.problems = {}
        self.patterns = []
        self.patindex = {}

    def want(self, name):
        if name not in self.lexers and name not in self.todo:
            self.todo.append(name)

    def action(self, act, owner):
        if act is None:
            return None
        if type(act) is _TokenType:
            return ttype_name(act)
        q = getattr(act, '__qualname__', '')
        if q == 'bygroups.<locals>.callback':
            (args,) = [c.cell_contents for c in act.__closure__]
            return {'bygroups': [self.action(a, owner) for a in args]}
        if q == 'using.<locals>.callback':
            cells = dict(zip(act.__code__.co_freevars,
                             [c.cell_contents for c in act.__closure__]))
            other = cells.get('_other', this)
            kw = cells.get('kwargs') or {}
            if kw:
                raise ValueError('using() with options %r' % kw)
            d = {}
            if other is this:
                d['using'] = 'this'
            else:
                d['using'] = other.__name__
                self.want(other.__name__)
            stack = cells['gt_kwargs'].get('stack')
            if stack:
                d['stack'] = list(stack)
            return d
        if q in CALLBACKS:
            return {'callback': CALLBACKS[q]}
        m = re.match(r'YamlLexer\.(\w+)\.<locals>\.callback$', q)
        if m:
            cells = dict(zip(act.__code__.co_freevars,
                             [c.cell_contents for c in act.__closure__]))
            args = {}
            for k, v in cells.items():
                if isinstance(v, _TokenType):
                    v = ttype_name(v)
                elif not isinstance(v, bool):
                    raise ValueError('callback %s argument %s=%r' % (q, k, v))
                args[k] = v
            return {'callback': 'yaml.' + m.group(1), 'args': args}
        raise ValueError('callback %s' % q)

    def new_state(self, ns):
        if ns is None:
            return None
        if isinstance(ns, int):
            return ns
        if ns == '#push':
            return '#push'
        assert isinstance(ns, tuple), ns
        return list(ns)

    def export(self, name):
        cls = getattr(L, name)
        if name in CUSTOM:
            self.lexers[name] = {'custom': True}
            for o in CUSTOM[name]:
                self.want(o)
            return
        if not issubclass(cls, RegexLexer):
            raise ValueError('not a RegexLexer')
        for base in cls.__mro__:
            if base in (RegexLexer, ExtendedRegexLexer):
                break
            if 'get_tokens_unprocessed' in base.__dict__ and base.__name__ not in ('CFamilyLexer', 'YamlLexer', 'HttpLexer'):
                raise ValueError('get_tokens_unprocessed in %s' % base.__name__)
        lx = cls()
        states = {}
        for st, rules in cls._tokens.items():
            out = []
            for rex, act, ns in rules:
                pat = rex.__self__.pattern
                flags = rex.__self__.flags
                fl = ''.join(v for k, v in FLAG_NAMES.items() if flags & k)
                key = (translate(pat, 'x' in fl), fl)
                if key not in self.patindex:
                    self.patindex[key] = len(self.patterns)
                    self.patterns.append(list(key))
                out.append([self.patindex[key], self.action(act, name),
                            self.new_state(ns)])
            states[st] = out
        d = {'states': states}
        if 'CFamilyLexer' in [b.__name__ for b in cls.__mro__]:
            d['cfamily'] = True
        if issubclass(cls, ExtendedRegexLexer):
            d['extended'] = True
        self.lexers[name] = d

    def run(self, names):
        for n in names:
            self.want(n)
        while self.todo:
            n = self.todo.pop(0)
            if n in self.lexers:
                continue
            if not hasattr(L, n):
                self.problems[n] = 'no such lexer'
                continue
            try:
                self.export(n)
            except Exception as e:  # noqa
                self.problems[n] = str(e)
        # drop lexers whose delegates could not be exported
        changed = True
        while changed:
            changed = False
            for n, d in list(self.lexers.items()):
                deps = set(CUSTOM.get(n, []))
                for rules in d.get('states', {}).values():
                    for r in rules:
                        deps |= uses(r[1])
                if any(x not in self.lexers for x in deps):
                    del self.lexers[n]
                    self.problems[n] = 'needs %s' % sorted(x for x in deps if x not in self.lexers)
                    changed = True


def uses(a):
    out = set()
    if isinstance(a, dict):
        if 'using' in a and a['using'] != 'this':
            out.add(a['using'])
        for g in a.get('bygroups', []):
            out |= uses(g)
    return out


def main():
    ex = Exporter()
    ex.run(REGEX_LEXERS)
    aliases = {}
    for name in ex.lexers:
        for a in getattr(L, name).aliases:
            aliases[a.lower()] = name
    from pygments.lexers.c_cpp import CFamilyLexer
    data = {
        'c_stdlib_types': sorted(CFamilyLexer.stdlib_types),
        'c_c99_types': sorted(CFamilyLexer.c99_types),
        'c_c11_atomic_types': sorted(CFamilyLexer.c11_atomic_types),
        'c_linux_types': sorted(CFamilyLexer.linux_types),
    }
    from pygments.lexers import shell, make
    sessions = {}
    for cls in (shell.BashSessionLexer, shell.MSDOSSessionLexer,
                shell.PowerShellSessionLexer, shell.TcshSessionLexer):
        sessions[cls.__name__] = {
            'inner': cls._innerLexerCls.__name__,
            'ps1': translate(cls._ps1rgx.pattern, False),
            'ps2': cls._ps2,
            'bare_continuation': cls._bare_continuation,
            'venv': translate(cls._venv.pattern, False),
        }
    custom = {
        'sessions': sessions,
        'make_special': translate(make.MakefileLexer.r_special.pattern, False),
        'make_comment': translate(make.MakefileLexer.r_comment.pattern, False),
    }
    # get_lexer_for_mimetype: the first lexer in LEXERS with the type
    from pygments.lexers._mapping import LEXERS
    mimetypes = {}
    for cls_name, (_mod, _name, _aliases, _files, mimes) in LEXERS.items():
        for m in mimes:
            mimetypes.setdefault(m, cls_name)
    out = {
        'pygments': pygments.__version__,
        'mimetypes': dict(sorted(mimetypes.items())),
        'custom': custom,
        'standard_types': {ttype_name(k): v for k, v in STANDARD_TYPES.items()},
        'aliases': dict(sorted(aliases.items())),
        'patterns': ex.patterns,
        'lexers': dict(sorted(ex.lexers.items())),
        'data': data,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'lexers.json'), 'w') as f:
        json.dump(out, f, ensure_ascii=False, separators=(',', ':'), sort_keys=False)
        f.write('\n')
    for n, p in sorted(ex.problems.items()):
        print('skipped %s: %s' % (n, p), file=sys.stderr)


if __name__ == '__main__':
    main()
