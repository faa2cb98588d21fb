"""Parse each input of a JSON list with docutils' rST parser as docutils'
parser tests do (no transforms) and print a JSON list of pseudo-XML."""
import json
import sys

from docutils import frontend, utils
from docutils.parsers.rst import Parser, states

parser = Parser()
settings = frontend.OptionParser(components=(Parser,)).get_default_values()
settings.report_level = 5
settings.halt_level = 5
settings.warning_stream = ''
if len(sys.argv) > 1:
    settings.expose_internals = sys.argv[1].split(',')

out = []
for text in json.load(sys.stdin):
    # Start each document as in a fresh process.
    states.RSTState.nested_sm_cache.clear()
    document = utils.new_document('test data', settings)
    try:
        parser.parse(text, document)
        if len(sys.argv) > 1:
            from docutils.transforms.universal import ExposeInternals
            ExposeInternals(document).apply()
        out.append(document.pformat())
    except Exception as e:  # docutils' own crashes
        out.append('EXCEPTION: %s: %s' % (type(e).__name__, e))
json.dump(out, sys.stdout)
