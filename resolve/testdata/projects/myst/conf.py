project = 'MyST refs'
extensions = ['myst_parser']
myst_heading_anchors = 2
