project = 'Numfig'
numfig = True
numfig_secnum_depth = 2
numfig_format = {'figure': 'Figure %s', 'table': 'Table {number}: {name}'}
