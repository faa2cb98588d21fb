# Sphinx configuration of the text writer's oracle project (see ../gen_golden.py).
project = 'textwriter'
exclude_patterns = ['_build']
