#!/usr/bin/env python3
"""Validate JSON files against the govreport-1 JSON Schema.

    check-schema.py --schema lib/govreport.schema.json \
        [--generate PROGRAM] [--invalid FILE]... [FILE|DIR]...

Every FILE (and every *.json in a DIR) must be valid. With --generate,
PROGRAM is run with a temporary folder as its argument and every *.json it
writes there must be valid too. Every --invalid FILE must be refused: that
proves the check can fail.

Exit status: 0 all as expected, 1 a file was not, 2 usage or I/O error,
77 (skip) when the python3-jsonschema module is missing.
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

SKIP = 77


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def expand(paths):
    files = []
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            found = sorted(path.glob('*.json'))
            if not found:
                raise SystemExit(f'{path}: no *.json files')
            files.extend(found)
        else:
            files.append(path)
    return files


def first_error(validator, instance):
    """The most telling error (None when valid), as 'path: message'."""
    from jsonschema.exceptions import best_match
    error = best_match(validator.iter_errors(instance))
    if error is None:
        return None
    where = '.'.join(str(p) for p in error.absolute_path) or '(root)'
    message = error.message
    if len(message) > 160:
        message = message[:160] + '…'
    return f'{where}: {message}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--schema', required=True)
    parser.add_argument('--generate', metavar='PROGRAM')
    parser.add_argument('--invalid', metavar='FILE', action='append', default=[])
    parser.add_argument('files', nargs='*')
    args = parser.parse_args()

    try:
        import jsonschema
    except ImportError:
        print('python3-jsonschema is not installed: skipped')
        return SKIP

    schema = load(args.schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    checked = 0

    def expect(path, valid):
        nonlocal failures, checked
        checked += 1
        error = first_error(validator, load(path))
        if valid and error:
            print(f'FAIL {path}: {error}')
            failures += 1
        elif not valid and not error:
            print(f'FAIL {path}: accepted, but must be refused')
            failures += 1
        else:
            print(f'ok   {path}' + (f' (refused: {error})' if error else ''))

    with tempfile.TemporaryDirectory() as tmp:
        files = expand(args.files)
        if args.generate:
            subprocess.run([args.generate, tmp], check=True)
            files += expand([tmp])
        for path in files:
            expect(path, True)
        for path in args.invalid:
            expect(path, False)

    if checked == 0:
        print('nothing was checked')
        return 1
    print(f'{checked} files, {failures} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
