project = 'Nav'
exclude_patterns = ['excluded.rst', '_build']
