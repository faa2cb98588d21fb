project = 'Toc'
exclude_patterns = ['excluded.rst', '_build']
