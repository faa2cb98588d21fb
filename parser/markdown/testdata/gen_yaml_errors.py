#!/usr/bin/python3
"""Regenerates yaml_errors.json: PyYAML's error text for YAML option
blocks with the usual mistakes, as MyST quotes it.

    /usr/bin/python3 gen_yaml_errors.py > yaml_errors.json
"""
import json
import yaml

INPUTS = [
    'header: "A", "B"',
    'header: "A", "B"\nwidths: 30, 70',
    'a: b: c',
    'a: b:',
    'start-after: image:\nend-before: (x)=',
    'option1\noption2: b',
    'a: "unclosed',
    "a: 'x' y",
    "a: 'it''s' z",
    'class: [a\n',
    'a: {b: 1\n',
    'a: 1\nb: "x", y',
    'k: v\n  cont: x',
    'key: ' + 'x' * 50 + ': ' + 'y' * 50,
    'x' * 60 + ': a: b',
    'name: my name\nalt: "quoted" trailing',
    'a: b # comment: not a value',
]

out = []
for text in INPUTS:
    try:
        yaml.safe_load(text)
    except (yaml.parser.ParserError, yaml.scanner.ScannerError) as err:
        out.append({"input": text, "error": str(err)})
json.dump(out, __import__("sys").stdout, indent=1)
