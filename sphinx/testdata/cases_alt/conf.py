# A second test project with other settings; see cases/conf.py.
extensions = ['sphinx.ext.todo']
root_doc = 'index'
show_authors = True
math_number_all = True
highlight_language = 'python3'
add_function_parentheses = False
