#!/usr/bin/python3
"""Regenerate the golden files of package sphinx from Sphinx 5.3 itself.

Each of testdata/cases (project "main") and testdata/cases_alt (project
"alt") is a Sphinx project: its conf.py, and every .rst file a document.
A small extension records, for each document, the doctree
as the reST parser and Sphinx's directives and roles left it -- before any
transform runs (a transform of priority 0, the lowest) -- together with the
warnings Sphinx's own loggers gave while that document was parsed.  The
result goes to testdata/golden/<project>/<docname>.txt:

    <the document's pformat(), source paths under SRCDIR>
    --- warnings
    <line>: WARNING: <message>      (one per warning, in order)

This is the stage docbuild's parser plus sphinx.Register produce, so the
tests compare against it; sphinx-build's own pseudoxml output is the tree
after every transform and post-transform, which other packages own.

Run with the system Python that has Sphinx 5.3 and docutils 0.19:

    /usr/bin/python3 sphinx/testdata/gen_golden.py
"""

import logging
import os
import shutil
import sys
import tempfile

from docutils import nodes
from docutils.transforms import Transform

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECTS = {'main': 'cases', 'alt': 'cases_alt'}
GOLDEN = os.path.join(HERE, 'golden')

STATE = {'doc': None, 'warnings': [], 'srcdir': None, 'golden': None}


class Capture(logging.Handler):
    """Keeps the warnings of Sphinx's loggers (not the docutils reporter's,
    which are system_message nodes in the tree already)."""

    def emit(self, record):
        if STATE['doc'] is None or record.levelno < logging.WARNING:
            return
        if record.name.endswith('util.docutils'):
            return
        from sphinx.util.logging import get_node_location
        loc = getattr(record, 'location', None)
        line = ''
        if isinstance(loc, nodes.Node):
            loc = get_node_location(loc)
        if isinstance(loc, tuple):
            line = '' if loc[1] is None else str(loc[1])
        elif isinstance(loc, str) and ':' in loc:
            line = loc.rsplit(':', 1)[1]
        STATE['warnings'].append('%s: %s: %s' % (line, record.levelname, record.getMessage()))


class DumpParse(Transform):
    default_priority = 0

    def apply(self):
        env = self.document.settings.env
        text = self.document.pformat()
        text = text.replace(STATE['srcdir'], 'SRCDIR')
        out = os.path.join(STATE['golden'], env.docname + '.txt')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8') as f:
            f.write(text)
            f.write('--- warnings\n')
            for w in STATE['warnings']:
                f.write(w.replace(STATE['srcdir'], 'SRCDIR') + '\n')
        STATE['doc'] = None
        STATE['warnings'] = []


def source_read(app, docname, source):
    STATE['doc'] = docname
    STATE['warnings'] = []


def setup(app):
    app.add_transform(DumpParse)
    app.connect('source-read', source_read)
    logging.getLogger('sphinx').addHandler(Capture())
    return {'parallel_read_safe': False}


def main():
    from sphinx.cmd.build import build_main
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for project, cases in PROJECTS.items():
        tmp = tempfile.mkdtemp()
        try:
            src = os.path.join(tmp, 'src')
            shutil.copytree(os.path.join(HERE, cases), src)
            with open(os.path.join(src, 'conf.py'), 'a') as f:
                f.write("\nextensions.append('dumpparse')\n")
            STATE['srcdir'] = src
            STATE['golden'] = os.path.join(GOLDEN, project)
            os.makedirs(STATE['golden'])
            build_main(['-b', 'pseudoxml', '-q', '-E', src, os.path.join(tmp, 'out')])
        finally:
            shutil.rmtree(tmp)


if __name__ == '__main__':
    sys.modules['dumpparse'] = sys.modules['__main__']
    main()
