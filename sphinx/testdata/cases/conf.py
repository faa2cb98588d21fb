# The test project of package sphinx; gen_golden.py adds its recording
# extension. Keep golden_test.go's settings in step with this file.
extensions = ['sphinx.ext.todo', 'sphinx.ext.extlinks']
root_doc = 'index'
exclude_patterns = ['excluded.rst', '_build']
extlinks = {
    'issue': ('https://example.org/issues/%s', 'issue %s'),
    'full': ('https://example.org/full/%s', None),
    'pct': ('https://example.org/%s%%', '%s 100%%'),
    'old': ('https://example.org/?q=', 'old-'),
}
tags.add('mytag')
