#!/usr/bin/env python3
"""Regenerate the golden files of package resolve from Sphinx itself.

For each project under projects/, run Sphinx 5.3's pseudoxml builder and
keep, under golden/<project>/, each document's resolved tree (without the
<document> line, whose attributes name Sphinx's XML namespaces and the
absolute source path) and the warnings, with paths made relative to the
project.  SOURCE_DATE_EPOCH fixes |today|.

Usage: python3 gen_golden.py [PROJECT...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECTS = os.path.join(HERE, 'projects')
GOLDEN = os.path.join(HERE, 'golden')
EPOCH = '1700000000'


def generate(name):
    src = os.path.join(PROJECTS, name)
    dst = os.path.join(GOLDEN, name)
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
        proc = subprocess.run(
            ['sphinx-build', '-E', '-q', '-b', 'pseudoxml', '-d', os.path.join(out, '.doctrees'),
             src, out],
            env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit('sphinx-build failed on %s:\n%s' % (name, proc.stderr))
        shutil.rmtree(dst, ignore_errors=True)
        os.makedirs(dst)
        for root, dirs, files in os.walk(out):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            for f in sorted(files):
                if not f.endswith('.pseudoxml'):
                    continue
                path = os.path.join(root, f)
                rel = os.path.relpath(path, out)
                with open(path, encoding='utf-8') as fp:
                    lines = fp.read().split('\n')
                os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
                with open(os.path.join(dst, rel), 'w', encoding='utf-8') as fp:
                    fp.write('\n'.join(lines[1:]))
        warnings = proc.stderr.replace(src + os.sep, '')
        with open(os.path.join(dst, 'warnings.txt'), 'w', encoding='utf-8') as fp:
            fp.write(warnings)


def main():
    names = sys.argv[1:] or sorted(
        d for d in os.listdir(PROJECTS) if os.path.isfile(os.path.join(PROJECTS, d, 'conf.py')))
    for name in names:
        generate(name)
        print('generated', name)


if __name__ == '__main__':
    main()
