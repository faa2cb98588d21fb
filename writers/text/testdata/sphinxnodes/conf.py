# Sphinx configuration of the Sphinx-node oracle project (see ../gen_sphinxnodes.py).
project = 'sphinxnodes'
numfig = True
