# -*- coding: utf-8 -*-
#
# Configuration file for the Sphinx documentation builder, in the style of
# real projects: quickstart comments, helpers, conditionals and all.

"""Sphinx configuration for Widgetry."""

import os
import sys
from datetime import date
sys.path.insert(0, os.path.abspath('..'))
sys.path.append(os.path.abspath('_ext'))

import widgetry

# -- Project information -----------------------------------------------------

project = u'Widgetry'
author = 'The Widgetry Team'
year = '2024'
copyright = '2019-%s, %s' % (year, author)

# The short X.Y version and the full version.
release = '2.4.1rc1'
version = '.'.join(release.split('.')[:2])

# -- General configuration ---------------------------------------------------

extensions = [
    'sphinx.ext.autodoc',      # unsupported: needs Python
    'sphinx.ext.intersphinx',
    'sphinx.ext.todo',
    'sphinx.ext.extlinks',
    'sphinx.ext.viewcode',
    'myst_parser',
]
extensions += ['sphinx_copybutton']
extensions.append('sphinx.ext.autodoc')

templates_path = ['_templates']
source_suffix = {
    '.rst': 'restructuredtext',
    '.md': 'markdown',
    '.txt': None,
}
master_doc = 'index'
language = None
exclude_patterns = ['_build', 'Thumbs.db', '.DS_Store', \
                    'drafts/**']
pygments_style = 'sphinx'
default_role = 'any'
highlight_language = "python3"
todo_include_todos = True
nitpicky = True
nitpick_ignore = [
    ('py:class', 'widgetry.Internal'),
    ("py:obj", "typing.Any"),
]
numfig = True
numfig_format = {'figure': 'Figure %s', 'table': 'Tbl. %s'}
numfig_secnum_depth = 2

rst_prolog = """
.. |project| replace:: %s
.. |br| raw:: html

   <br />
""" % project

rst_epilog = '\n'.join([
    '.. _PyPI: https://pypi.org/project/widgetry/',
    '.. |tm| unicode:: U+2122',
])

extlinks = {
    'issue': ('https://github.com/widgetry/widgetry/issues/%s', 'issue %s'),
    'pr': ('https://github.com/widgetry/widgetry/pull/%s', 'PR #%s'),
    'pypi': ('https://pypi.org/project/%s/', None),
    'old': ('https://example.org/~', 'old-'),
}

intersphinx_mapping = {
    'python': ('https://docs.python.org/3', None),
    'sphinx': ('https://www.sphinx-doc.org/en/master/', ('sphinx.inv', None)),
}

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {
    "version": version,
    "badge": f"![badge](https://img.shields.io/badge/v-{release}-blue)",
}

# -- Options for HTML output -------------------------------------------------

on_rtd = os.environ.get('READTHEDOCS') == 'True'
if on_rtd:
    html_theme = 'sphinx_rtd_theme'
else:
    html_theme = 'alabaster'

html_theme = 'furo'
html_theme_options = {
    'sidebar_hide_name': False,
    "navigation_with_keys": True,
    'announcement': "<em>New:</em> version {} is out!".format(release),
}
html_theme_options['source_branch'] = 'main'
html_title = f'{project} {version}'
html_static_path = ['_static']
html_extra_path = ['robots.txt']
html_logo = '_static/logo.svg'
html_favicon = "_static/favicon.ico"
html_css_files = [
    'custom.css',
    ('print.css', {'media': 'print'}),
]
html_js_files = ['js/extra.js', ('https://example.com/a.js', {'async': 'async', 'priority': 200})]
html_sidebars = {
    '**': ['about.html', 'navigation.html', 'searchbox.html'],
    'index': 'indexsidebar.html',
}
html_baseurl = 'https://widgetry.example.org/'
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = '%b %d, %Y'
html_use_index = True
html_permalinks = True
html_show_copyright = True; html_search_language = 'en'

def setup(app):
    app.add_css_file('late.css')

class Helper:
    pass

try:
    import sphinx_rtd_theme
except ImportError:
    pass

# LaTeX, unknown settings kept in Raw.
latex_elements = {
    'papersize': 'a4paper',
    'pointsize': '11pt',
}
latex_documents = [
    (master_doc, 'widgetry.tex', 'Widgetry Documentation', author, 'manual'),
]
today_fmt = '%d %B %Y'
tags.add('internal')
