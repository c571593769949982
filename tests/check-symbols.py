#!/usr/bin/env python3
"""Compare the three lists that make up libgovreport's ABI.

1. the names in the linker version script (lib/libgovreport.sym),
2. the functions declared with GOVREPORT_EXPORT in the public headers,
3. what the built library exports (`nm -D --defined-only`).

They must be the same set of names. Besides, every exported symbol must be
a function named govreport_*, bound to the version node the .sym file puts
it in as the default version (name@@GOVREPORT_1.0); nothing else may leave
the library, and every function the headers declare must carry
GOVREPORT_EXPORT.

Exit status: 0 when the lists agree, 1 when they do not (each problem on a
line of its own), 2 for a usage or I/O error.
"""

import argparse
import os
import re
import subprocess
import sys

PREFIX = 'govreport_'
EXPORT_MACRO = 'GOVREPORT_EXPORT'
IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


class UsageError(Exception):
    pass


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError as e:
        raise UsageError('{}: {}'.format(path, e.strerror))


def strip_c_comments(text):
    """Remove /* */ and // comments, keeping string literals and newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append('\n' * text.count('\n', i, end) or ' ')
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def strip_preprocessor(text):
    """Drop preprocessor directives (with their continuation lines)."""
    out = []
    continued = False
    for line in text.split('\n'):
        directive = continued or line.lstrip().startswith('#')
        continued = directive and line.rstrip().endswith('\\')
        out.append('' if directive else line)
    return '\n'.join(out)


# ---------------------------------------------------------------- .sym file

def parse_sym(path, problems):
    """Return {name: node} for the global names of a GNU ld version script."""
    text = read(path)
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'#[^\n]*', ' ', text)
    tokens = re.findall(r'[{};:]|"[^"]*"|[^\s{};:]+', text)

    names = {}
    nodes = []
    i = 0

    def expect(tok):
        nonlocal i
        if i >= len(tokens) or tokens[i] != tok:
            got = tokens[i] if i < len(tokens) else 'end of file'
            raise UsageError('{}: expected "{}", found "{}"'.format(path, tok, got))
        i += 1

    while i < len(tokens):
        node = tokens[i]
        if not re.match(r'^[A-Za-z_][A-Za-z0-9_.]*$', node):
            raise UsageError('{}: bad version node name "{}"'.format(path, node))
        i += 1
        expect('{')
        scope = 'global'
        globals_, locals_ = [], []
        while i < len(tokens) and tokens[i] != '}':
            tok = tokens[i]
            if tok in ('global', 'local') and i + 1 < len(tokens) and tokens[i + 1] == ':':
                scope = tok
                i += 2
                continue
            if tok == 'extern':
                raise UsageError('{}: extern "…" blocks are not supported'.format(path))
            i += 1
            expect(';')
            (globals_ if scope == 'global' else locals_).append(tok)
        expect('}')
        if i < len(tokens) and tokens[i] != ';':
            parent = tokens[i]
            i += 1
            if parent not in nodes:
                problems.append('{}: node {} inherits from {}, which is not an '
                                'earlier node'.format(path, node, parent))
        expect(';')

        if node in nodes:
            problems.append('{}: version node {} appears twice'.format(path, node))
        if not nodes and locals_ != ['*']:
            problems.append('{}: the first node ({}) must end in "local: *;" so '
                            'that nothing else is exported'.format(path, node))
        if nodes and locals_:
            problems.append('{}: only the first node may have a local: '
                            'section ({} has one)'.format(path, node))
        nodes.append(node)
        if globals_ != sorted(globals_):
            problems.append('{}: the names in node {} are not in alphabetical '
                            'order'.format(path, node))
        for name in globals_:
            if not IDENT.match(name):
                problems.append('{}: "{}" in node {} is a pattern, not a '
                                'symbol name: list every name'.format(path, name, node))
                continue
            if not name.startswith(PREFIX):
                problems.append('{}: {} in node {} does not start with {}'.format(
                    path, name, node, PREFIX))
            if name in names:
                problems.append('{}: {} is listed twice (nodes {} and {})'.format(
                    path, name, names[name], node))
                continue
            names[name] = node

    if not nodes:
        problems.append('{}: no version node'.format(path))
    return names, nodes


# ---------------------------------------------------------------- headers

def parse_header(path, problems):
    """Return the set of function names a header declares for export."""
    code = strip_preprocessor(strip_c_comments(read(path)))
    exported = set()
    # Every top-level declaration ends in ';' (function bodies would end in
    # '}', and a public header has none).
    for decl in code.split(';'):
        if '{' in decl and '}' not in decl.split('{', 1)[1]:
            # The opening of extern "C" { or of an enum: look after it.
            decl = decl.rsplit('{', 1)[1]
        decl = decl.rsplit('}', 1)[-1]
        flat = ' '.join(decl.split())
        if not flat:
            continue
        marked = re.search(r'\b' + EXPORT_MACRO + r'\b', flat) is not None
        call = re.search(r'\b([A-Za-z_][A-Za-z0-9_]*)\s*\(', flat)
        if marked:
            if call is None:
                problems.append('{}: "{}" exports something that is not a '
                                'function'.format(path, flat))
                continue
            name = call.group(1)
            if not name.startswith(PREFIX):
                problems.append('{}: exported function {} does not start with '
                                '{}'.format(path, name, PREFIX))
            if name in exported:
                problems.append('{}: {} is declared twice'.format(path, name))
            exported.add(name)
        elif call is not None and re.search(r'\b' + PREFIX + r'[A-Za-z0-9_]*\s*\(', flat):
            name = re.search(r'\b(' + PREFIX + r'[A-Za-z0-9_]*)\s*\(', flat).group(1)
            problems.append('{}: {} is declared without {}'.format(
                path, name, EXPORT_MACRO))
    return exported


def header_files(args):
    files = list(args.header or [])
    for d in args.header_dir or []:
        for root, _, names in os.walk(d):
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith('.h')]
    if not files:
        raise UsageError('no header given (--header or --header-dir)')
    return sorted(set(files))


# ---------------------------------------------------------------- library

def nm_listing(args):
    if args.nm_output:
        return read(args.nm_output), args.nm_output
    cmd = [args.nm, '-D', '--defined-only', args.library]
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True, check=False)
    except OSError as e:
        raise UsageError('{}: {}'.format(args.nm, e.strerror))
    if res.returncode != 0:
        raise UsageError('{} failed: {}'.format(' '.join(cmd), res.stderr.strip()))
    return res.stdout, args.library


def parse_nm(text, origin, nodes, problems):
    """Return {name: (version, default)} for the library's exported symbols."""
    exported = {}
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        if len(fields) == 2:        # no address: "U name" or "w name"
            fields = [''] + fields
        if len(fields) != 3:
            raise UsageError('{}: cannot read nm line "{}"'.format(origin, line))
        _, kind, sym = fields
        if kind == 'A' and sym in nodes:
            continue                # the definition of a version node
        m = re.match(r'^([^@]+)(@@?)(.+)$', sym)
        name, at, version = (m.group(1), m.group(2), m.group(3)) if m else (sym, '', None)
        if kind in 'Uvw':
            continue                # not a definition (--defined-only omits these)
        if not name.startswith(PREFIX):
            problems.append('{}: exports {} ({}), which is not a {} '
                            'function'.format(origin, sym, kind, PREFIX))
            continue
        if kind not in 'Ti':
            problems.append('{}: exports {} as "{}", not as a function: no '
                            'data may be exported'.format(origin, sym, kind))
        if version is None:
            problems.append('{}: {} has no symbol version (is the version '
                            'script passed to the linker?)'.format(origin, name))
        elif at != '@@':
            problems.append('{}: {} is bound to {} as a hidden version '
                            '(@), not as the default (@@)'.format(origin, name, version))
        if name in exported:
            problems.append('{}: {} is exported twice'.format(origin, name))
        exported[name] = version
    return exported


# ---------------------------------------------------------------- main

def check(args):
    problems = []
    sym, nodes = parse_sym(args.sym, problems)
    headers = header_files(args)
    declared = set()
    for h in headers:
        for name in parse_header(h, problems):
            if name in declared:
                problems.append('{}: {} is declared in more than one header'.format(h, name))
            declared.add(name)
    listing, origin = nm_listing(args)
    lib = parse_nm(listing, origin, nodes, problems)

    where_h = 'the headers' if len(headers) > 1 else headers[0]
    for name in sorted(declared - set(sym)):
        problems.append('{}: declared in {} but not listed in {}'.format(
            name, where_h, args.sym))
    for name in sorted(set(sym) - declared):
        problems.append('{}: listed in {} but not declared with {} in {}'.format(
            name, args.sym, EXPORT_MACRO, where_h))
    for name in sorted(set(sym) - set(lib)):
        problems.append('{}: listed in {} but not exported by {} (not '
                        'implemented, or defined without {}?)'.format(
                            name, args.sym, origin, EXPORT_MACRO))
    for name in sorted(set(lib) - set(sym)):
        if name.startswith(PREFIX):
            problems.append('{}: exported by {} but not listed in {}'.format(
                name, origin, args.sym))
    for name, version in sorted(lib.items()):
        if name in sym and version is not None and version != sym[name]:
            problems.append('{}: exported as version {} but {} puts it in '
                            '{}'.format(name, version, args.sym, sym[name]))

    print('{}: {} names; headers: {} functions; {}: {} symbols'.format(
        args.sym, len(sym), len(declared), origin, len(lib)))
    for p in problems:
        print('FAIL: ' + p)
    if problems:
        print('{} problem(s)'.format(len(problems)))
        return 1
    print('OK: the three lists agree')
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--sym', required=True, help='the linker version script')
    ap.add_argument('--header', action='append', help='a public header (repeatable)')
    ap.add_argument('--header-dir', action='append',
                    help='a directory of public headers, searched recursively')
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument('--library', help='the built shared library')
    src.add_argument('--nm-output', help='a saved `nm -D --defined-only` listing')
    ap.add_argument('--nm', default=os.environ.get('NM', 'nm'), help='the nm program')
    args = ap.parse_args()
    try:
        return check(args)
    except UsageError as e:
        print('check-symbols: {}'.format(e), file=sys.stderr)
        return 2


if __name__ == '__main__':
    sys.exit(main())
