"""Regenerates porter.tsv: words of the CPython docs and the stems that
snowballstemmer's "porter" algorithm gives them, the stemmer Sphinx 5.3's
English search language builds its index with. Needs Debian's
python3-snowballstemmer; run from this folder:

    /usr/bin/python3 gen_porter.py /tmp/cpython-docs
"""
import os, re, sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')

words = set()
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith('.rst'):
            words.update(w.lower() for w in re.findall(r'[^\W\d_]+', open(os.path.join(root, f), encoding='utf-8', errors='replace').read()))
# A deterministic sample: every word whose hash bucket is 0, plus the
# suffix-rich ones the algorithm's steps exist for.
import hashlib
sample = sorted(w for w in words if len(w) <= 2 or int(hashlib.md5(w.encode()).hexdigest(), 16) % 4 == 0 or re.search(r'(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi|icate|ative|alize|iciti|ical|ful|ness|ement|sses|ies|eed|ing|ed)$', w))
import snowballstemmer
stemmer = snowballstemmer.stemmer('porter')
stems = [stemmer.stemWord(w) for w in sample]
with open('porter.tsv', 'w') as f:
    for w, s in zip(sample, stems):
        f.write(f'{w}\t{s}\n')
print(len(sample), 'words')
