#!/usr/bin/env python3
"""Prove that check-symbols.py fails when it should.

A check that cannot fail is worse than none. This runs the checker on a
small fixture library (tests/symbols/: a header, a version script, and two
libraries built from them by meson) and on doctored copies of each of the
three lists: the checker must pass the consistent set and fail every
doctored one, for the right reason (the expected problem must be in its
output), with exit status 1 (not 2, a usage error, nor a crash).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--checker', required=True)
    ap.add_argument('--fixture-dir', required=True)
    ap.add_argument('--good-lib', required=True,
                    help='fixture library linked with fixture.sym')
    ap.add_argument('--leaky-lib', required=True,
                    help='fixture library linked without a version script')
    ap.add_argument('--nm', default='nm')
    args = ap.parse_args()

    with open(os.path.join(args.fixture_dir, 'fixture.sym')) as f:
        sym = f.read()
    with open(os.path.join(args.fixture_dir, 'fixture.h')) as f:
        header = f.read()
    listing = subprocess.run([args.nm, '-D', '--defined-only', args.good_lib],
                             stdout=subprocess.PIPE, universal_newlines=True,
                             check=True).stdout
    if 'govreport_fixture_alpha@@GOVREPORT_1.0' not in listing:
        print('Bail out: the fixture library does not export '
              'govreport_fixture_alpha@@GOVREPORT_1.0:\n' + listing)
        return 1

    def nm_edit(pattern, repl):
        out, n = re.subn(pattern, repl, listing, flags=re.M)
        assert n, 'fixture nm listing has no line matching ' + pattern
        return ('nm', out)

    def nm_add(line):
        return ('nm', listing + '0000000000001234 ' + line + '\n')

    good = ('library', args.good_lib)
    leaky = ('library', args.leaky_lib)

    def replace(text, old, new):
        assert old in text, 'fixture has no ' + repr(old)
        return text.replace(old, new, 1)

    decl_gamma = 'GOVREPORT_EXPORT size_t govreport_fixture_gamma(void);'
    header_end = '#ifdef __cplusplus\n}'
    # name, sym text, header text, ('library', path) or ('nm', listing),
    # expected problem (None: the checker must pass)
    cases = [
        ('consistent fixture', sym, header, good, None),
        ('.sym misses a name', replace(sym, '\tgovreport_fixture_gamma;\n', ''),
         header, good,
         'govreport_fixture_gamma: declared in'),
        ('header declares an extra function', sym,
         replace(header, header_end,
                 'GOVREPORT_EXPORT int govreport_fixture_extra(void);\n' + header_end),
         good, 'govreport_fixture_extra: declared in'),
        ('header lacks a function', sym, replace(header, decl_gamma, ''),
         good, 'govreport_fixture_gamma: listed in'),
        ('header declares a function without GOVREPORT_EXPORT', sym,
         replace(header, decl_gamma, decl_gamma.replace('GOVREPORT_EXPORT ', '')),
         good, 'govreport_fixture_gamma is declared without GOVREPORT_EXPORT'),
        ('header exports a variable', sym,
         replace(header, header_end,
                 'GOVREPORT_EXPORT extern int govreport_fixture_var;\n' + header_end),
         good, 'exports something that is not a function'),
        ('header exports an unprefixed function', sym,
         replace(header, header_end, 'GOVREPORT_EXPORT int fixture_open(void);\n' + header_end),
         good, 'fixture_open does not start with govreport_'),
        ('library built without the version script leaks a helper', sym, header,
         leaky, 'exports fixture_leaked_helper'),
        ('library built without the version script is unversioned', sym, header,
         leaky, 'govreport_fixture_alpha has no symbol version'),
        ('library exports an extra govreport_ function', sym, header,
         nm_add('T govreport_fixture_extra@@GOVREPORT_1.0'),
         'govreport_fixture_extra: exported by'),
        ('library exports a non-govreport_ symbol', sym, header,
         nm_add('T parse_helper@@GOVREPORT_1.0'), 'exports parse_helper'),
        ('library exports data', sym, header,
         nm_add('D govreport_fixture_table@@GOVREPORT_1.0'), 'not as a function'),
        ('library lacks a listed function', sym, header,
         nm_edit(r'^.*govreport_fixture_gamma@@.*\n', ''),
         'govreport_fixture_gamma: listed in'),
        ('library binds a function to another version', sym, header,
         nm_edit(r'govreport_fixture_alpha@@GOVREPORT_1\.0', 'govreport_fixture_alpha@@GOVREPORT_2.0'),
         'exported as version GOVREPORT_2.0'),
        ('library binds a function as a hidden version', sym, header,
         nm_edit(r'govreport_fixture_alpha@@', 'govreport_fixture_alpha@'),
         'as a hidden version'),
        ('.sym without local: *', replace(sym, 'local:\n\t*;\n', ''), header,
         good, 'must end in "local: *;"'),
        ('.sym with a wildcard', replace(sym, '\tgovreport_fixture_gamma;\n',
                                         '\tgovreport_fixture_gamma;\n\tgovreport_*;\n'),
         header, good, 'is a pattern'),
        ('.sym out of alphabetical order',
         replace(sym, '\tgovreport_fixture_alpha;\n\tgovreport_fixture_beta;\n',
                 '\tgovreport_fixture_beta;\n\tgovreport_fixture_alpha;\n'),
         header, good, 'not in alphabetical order'),
        ('.sym lists a name twice',
         replace(sym, '\tgovreport_fixture_beta;\n',
                 '\tgovreport_fixture_beta;\n\tgovreport_fixture_beta;\n'),
         header, good, 'listed twice'),
    ]

    failures = 0
    with tempfile.TemporaryDirectory(prefix='check-symbols-') as tmp:
        for n, (name, sym_text, header_text, lib, expected) in enumerate(cases, 1):
            d = os.path.join(tmp, str(n))
            os.mkdir(d)
            paths = {}
            for fname, text in (('fixture.sym', sym_text), ('fixture.h', header_text)):
                paths[fname] = os.path.join(d, fname)
                with open(paths[fname], 'w') as f:
                    f.write(text)
            cmd = [sys.executable, args.checker, '--sym', paths['fixture.sym'],
                   '--header', paths['fixture.h'], '--nm', args.nm]
            kind, value = lib
            if kind == 'library':
                cmd += ['--library', value]
            else:
                nm_path = os.path.join(d, 'nm.txt')
                with open(nm_path, 'w') as f:
                    f.write(value)
                cmd += ['--nm-output', nm_path]
            res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 universal_newlines=True, check=False)
            want = 0 if expected is None else 1
            ok = res.returncode == want and (expected is None or expected in res.stdout)
            print('{} {} - {}'.format('ok' if ok else 'not ok', n, name))
            if not ok:
                failures += 1
                print('  expected exit {}{}, got {}; output:'.format(
                    want, '' if expected is None else ' and "{}"'.format(expected),
                    res.returncode))
                print(''.join('    ' + line + '\n' for line in res.stdout.splitlines()), end='')
    print('{} passed, {} failed'.format(len(cases) - failures, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
