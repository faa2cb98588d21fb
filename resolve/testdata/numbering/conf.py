project = 'Numbering'
numfig = True
numfig_secnum_depth = 2
