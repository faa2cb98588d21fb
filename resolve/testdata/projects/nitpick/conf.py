project = 'Nitpick'
version = '3.1'
release = '3.1.4'
today_fmt = '%Y-%m-%d'
nitpicky = True
nitpick_ignore = [('std:ref', 'ignored-label'), ('term', 'ignored term'), ('std:doc', 'ignored-doc')]
nitpick_ignore_regex = [(r'std:doc', r'regex-.*')]
tags.add('extra')
