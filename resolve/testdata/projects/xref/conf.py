project = 'XRef'
version = '1.2'
release = '1.2.3'
today = 'Jan 01, 2024'
