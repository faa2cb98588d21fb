#!/usr/bin/env python3
"""Regenerate golden-nav/<project>.txt: what Sphinx 5.3's HTML builder
computes around each page of a project — the collapsed global toctree
(get_toctree_for with the template defaults), the page's own toc
(get_toc_for), and the relations (parent, previous, next).

Usage: python3 gen_nav.py PROJECT...
"""
import io
import os
import sys
import tempfile

from sphinx.application import Sphinx
from sphinx.environment.adapters.toctree import TocTree

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(name):
    src = os.path.join(HERE, 'projects', name)
    with tempfile.TemporaryDirectory() as out:
        app = Sphinx(src, src, out, os.path.join(out, '.doctrees'), 'html',
                     status=io.StringIO(), warning=io.StringIO(), freshenv=True)
        app.build()
        env, builder = app.env, app.builder
        rel = env.collect_relations()
        lines = []
        for doc in sorted(env.found_docs):
            lines.append('=== %s' % doc)
            for collapse in (True, False):
                t = TocTree(env).get_toctree_for(doc, builder, collapse, includehidden=False)
                lines.append('--- globaltoc collapse=%s' % collapse)
                lines.append(t.pformat().rstrip() if t is not None else 'None')
            lines.append('--- localtoc')
            lines.append(TocTree(env).get_toc_for(doc, builder).pformat().rstrip())
            lines.append('--- relations %s' % ' '.join(str(x) for x in rel.get(doc, [None, None, None])))
        os.makedirs(os.path.join(HERE, 'golden-nav'), exist_ok=True)
        with open(os.path.join(HERE, 'golden-nav', name + '.txt'), 'w') as fp:
            fp.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    for name in sys.argv[1:]:
        generate(name)
        print('generated nav', name)
