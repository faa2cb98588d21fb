project = 'Broken'
templates_path = ['_templates']
