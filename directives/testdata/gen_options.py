#!/usr/bin/env python3
"""Write options.json: docutils 0.19's option converters on sample inputs.

Each case gives the converter, the argument (null for None) and either the
repr() of the value or the error text docutils' parser would quote
(' '.join(exc.args)). options_test.go runs the Go converters on the same
inputs.
"""

import json
import os

from docutils.parsers.rst import directives as d

CASES = {
    'flag': [None, '', '  ', 'x', 'x '],
    'unchanged': [None, '', ' a b '],
    'unchanged_required': [None, '', ' a '],
    'path': [None, '', ' a \n b\r\nc ', 'x\u2028y', 'a b'],
    'uri': [None, '', 'http://a.b/ c', 'a\\ b', 'a\\\nb', 'a\\\\b', 'a \\  b', 'x\\'],
    'nonnegative_int': [None, '', '0', '-1', ' 1_0 ', '1__0', '_1', '1_', '+5',
                        '-0', '0x10', 'two', '\u0661\u0662', '\uff11\uff12',
                        '1.5', '007', '  -  1'],
    'percentage': [None, '', '50', '50%', '50 %', ' 50 % %', '-50', '%', 'x%'],
    'positive_int': [None, '0', '1', '-3', '3 ', 'a'],
    'positive_int_list': [None, '', '1 2 3', '1,2,3', '1, 2 ,3', '1,,2',
                          '0 0 0', '10,y,z', '1 2,3', ','],
    'length_or_unitless': [None, '', '3', '3px', '3 px', '3  em', '3.5em',
                           '.5', '.', '1.2.3', '3%', '20mc', '3\n', '3 ', '-3',
                           'px', '3pxx', ' 3'],
    'class_option': [None, '', 'a B', '1', 'x 1', 'Über-Class  foo_bar', 'a\nb'],
    'unicode_code': ['', 'A', '65', '0x41', 'x41', '\\x41', 'U+41', 'U41',
                     'u41', '\\u41', '&#x41;', '&#X41;', '0X41', 'U+262E',
                     '0x110000', 'U+9999999999999', 'x7FFFFFFF', '\u00b2',
                     '\u0661\u0662', 'U+41\n', '0xg', 'abc', 'U+', '&#x;',
                     '0x1F600', '12\n'],
    'single_char_or_unicode': [None, '', 'a', 'ab', '0x41', 'multiple',
                               'U+9999999999999', 'tab'],
    'single_char_or_whitespace_or_unicode': [None, 'tab', 'space', 'x', 'xy',
                                             'Tab'],
    'encoding': [None, '', 'utf-8', 'UTF-8', 'utf 8', 'utf--8', 'ut f8',
                 'latin-1', 'Latin_1', 'iso.8859.1', 'iso8859.1', '  utf8  ',
                 'utf8\u00e9', '_utf8_', 'aliases', 'utf.8', 'latin.1',
                 'ansi_x3.4_1968', 'ANSI X3.4 1968', 'mbcs', 'ascii', 'bogus',
                 'shift-jis', 'koi8_r', 'utf8.', 'idna', 'rot13', 'hex'],
    'parser_name': [None, '', 'rst', 'RST', 'restructuredtext', 'rest',
                    'restx', 'rtxt', 'null', 'sillyformat',
                    'docutils.parsers.rst', 'foo.bar'],
}


def lopu_px(arg):
    return d.length_or_percentage_or_unitless(arg, 'px')


def choice_abc(arg):
    return d.choice(arg, ('left', 'center', 'right'))


def value_or_none_int(arg):
    return d.value_or(('none', 'auto'), d.positive_int)(arg)


EXTRA = {
    'length_or_percentage_or_unitless': (
        d.length_or_percentage_or_unitless,
        [None, '', '3', '3 pt', '3%', '3 %', '40%', '3em', '3.5', '1.2.3',
         '3mc', 'x']),
    'length_or_percentage_or_unitless_px': (
        lopu_px, ['3', '3%', '3 em', '3.', 'x']),
    'choice_lcr': (choice_abc, [None, '', 'left', ' Left ', 'top', '\u00e4',
                                'CENTER']),
    'value_or_none_positive_int': (value_or_none_int,
                                   [None, 'none', 'auto', 'None', '3', 'x']),
}


def run(fn, arg):
    try:
        value = fn(arg)
    except (ValueError, TypeError, ImportError, AttributeError) as err:
        return {'error': ' '.join(str(a) for a in err.args)}
    if isinstance(value, type):
        value = value.__module__
    return {'value': repr(value)}


def main():
    cases = []
    for name, args in CASES.items():
        fn = getattr(d, name)
        for arg in args:
            case = {'conv': name, 'arg': arg}
            case.update(run(fn, arg))
            cases.append(case)
    for name, (fn, args) in EXTRA.items():
        for arg in args:
            case = {'conv': name, 'arg': arg}
            case.update(run(fn, arg))
            cases.append(case)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'options.json'), 'w') as f:
        f.write('[\n')
        f.write(',\n'.join(json.dumps(c, ensure_ascii=False) for c in cases))
        f.write('\n]\n')


if __name__ == '__main__':
    main()
