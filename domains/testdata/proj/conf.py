project = 'domains'
extensions = ['sphinx.ext.doctest']
