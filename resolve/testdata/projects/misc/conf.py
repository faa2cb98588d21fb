project = 'Misc'
version = '3.1'
release = '3.1.4'
today_fmt = '%Y-%m-%d'
nitpicky = True
nitpick_ignore = [('std:ref', 'ignored-label'), ('envvar', 'IGNORED')]
tags.add('extra')
