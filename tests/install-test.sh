#!/bin/bash
# Install the build into a temporary DESTDIR and use it as a user would:
# check the installed header, library (SONAME), pkg-config file and data
# files, then build every examples/*.c with nothing but
# `pkg-config --cflags --libs govreport` and run it on a seed report.
#
# Usage: install-test.sh BUILDDIR SOURCEDIR MESON VERSION
# Environment: CC (the build's compiler command), SANITIZE (the build's
# b_sanitize: the examples must be built with the same sanitizers as the
# library they link).
set -euo pipefail

builddir=$1
srcdir=$2
meson=$3
version=$4
cc=${CC:-cc}
sanitize=${SANITIZE:-none}
seed=$srcdir/tests/data/seeds/001_ebc51afa85553e39.txt
seed_expected=${seed%.txt}.expected.json

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

step "meson install --destdir $dest"
"$meson" install -C "$builddir" --quiet --destdir "$dest" \
	> "$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "meson install failed"; }

# Where things go, as the build was configured, and what it installs.
"$meson" introspect "$builddir" --buildoptions > "$tmp/options.json"
"$meson" introspect "$builddir" --installed > "$tmp/installed.json"
prefix='' libdir='' includedir='' bindir=''
eval "$(python3 - "$tmp/options.json" <<'EOF'
import json, shlex, sys
opts = {o['name']: o['value'] for o in json.load(open(sys.argv[1]))}
prefix = opts['prefix']
for key in ('libdir', 'includedir', 'bindir'):
    value = opts[key]
    if not value.startswith('/'):
        value = prefix.rstrip('/') + '/' + value
    print('{}={}'.format(key, shlex.quote(value)))
print('prefix={}'.format(shlex.quote(prefix)))
EOF
)"
echo "prefix=$prefix libdir=$libdir includedir=$includedir"

step "every file the build installs is there, and nothing outside the prefix"
python3 - "$tmp/installed.json" "$dest" <<'EOF' > "$tmp/installed.txt"
import json, sys
for path in sorted(set(json.load(open(sys.argv[1])).values())):
    print(path)
EOF
while IFS= read -r path; do
	[ -e "$dest$path" ] || fail "$path: not installed"
done < "$tmp/installed.txt"
outside=$(find "$dest" \( -type f -o -type l \) | sed "s|^$dest||" |
	grep -v "^${prefix%/}/" || true)
[ -z "$outside" ] || fail "installed outside $prefix: $outside"
cat "$tmp/installed.txt"

step "header"
header=$dest$includedir/govreport.h
[ -f "$header" ] || fail "$includedir/govreport.h: not installed"
cmp -s "$header" "$srcdir/include/govreport.h" ||
	fail "installed govreport.h differs from include/govreport.h"

step "library and SONAME"
lib=$dest$libdir/libgovreport.so
[ -L "$lib" ] || fail "$libdir/libgovreport.so: no development symlink"
[ -e "$lib.1" ] || fail "$libdir/libgovreport.so.1: not installed"
[ -f "$lib.$version" ] || fail "$libdir/libgovreport.so.$version: not installed"
soname=$(readelf -d "$lib.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$soname" = libgovreport.so.1 ] || fail "SONAME is '$soname', not libgovreport.so.1"
[ "$(readlink -f "$lib")" = "$(readlink -f "$lib.$version")" ] ||
	fail "libgovreport.so does not lead to libgovreport.so.$version"
if readelf -d "$lib.$version" | grep -Eq '\((RPATH|RUNPATH)\)'; then
	fail "the installed library keeps an RPATH/RUNPATH"
fi

step "pkg-config"
pc=$dest$libdir/pkgconfig/govreport.pc
[ -f "$pc" ] || fail "$libdir/pkgconfig/govreport.pc: not installed"
export PKG_CONFIG_PATH=$dest$libdir/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 PKG_CONFIG_ALLOW_SYSTEM_LIBS=1
pc_version=$(pkg-config --modversion govreport)
[ "$pc_version" = "$version" ] || fail "govreport.pc says version $pc_version, not $version"
cflags=$(pkg-config --cflags govreport)
libs=$(pkg-config --libs govreport)
echo "cflags: $cflags"
echo "libs: $libs"
case " $libs " in *" -lgovreport "*) ;; *) fail "pkg-config --libs lacks -lgovreport" ;; esac
grep -q '^URL:.*example\.invalid' "$pc" && fail "govreport.pc has a placeholder URL"
# Static linking needs the libraries libgovreport itself links
# (Requires.private): each one it was linked with must be named.
static_libs=$(pkg-config --static --libs govreport) ||
	fail "pkg-config --static --libs govreport failed"
echo "static libs: $static_libs"
for needed in $(readelf -d "$lib.$version" | sed -n 's/.*(NEEDED).*\[lib\(icuuc\|icui18n\|yajl\|xml2\)\.so.*/\1/p'); do
	case " $static_libs " in *" -l$needed "*) ;;
	*) fail "pkg-config --static --libs govreport lacks -l$needed (Requires.private)" ;; esac
done

step "licence"
license=$(grep -E '/licenses/govreport/LICENSE$' "$tmp/installed.txt" || true)
[ -n "$license" ] || fail "LICENSE is not installed under share/licenses/govreport"
cmp -s "$dest$license" "$srcdir/LICENSE" || fail "$license differs from LICENSE"
grep -q '^MIT License$' "$dest$license" || fail "$license: not the MIT licence"
echo "$license"

mapfile -t schemas < <(grep -E 'schema.*\.json$' "$tmp/installed.txt" || true)
if [ "${#schemas[@]}" -gt 0 ]; then
	step "JSON schema"
	for s in "${schemas[@]}"; do
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$dest$s" ||
			fail "$s: not JSON"
		echo "$s"
	done
fi

step "build every examples/*.c with pkg-config only ($cc)"
extra=()
if [ "$sanitize" != none ] && [ -n "$sanitize" ]; then
	extra+=("-fsanitize=$sanitize")
fi
mkdir "$tmp/examples"
examples=()
for src in "$srcdir"/examples/*.c; do
	name=$(basename "$src" .c)
	sources=("$src")
	# The tool's subcommands live beside it, one file each.
	if [ "$name" = govreport ]; then
		sources+=("$srcdir"/examples/cli/*.c)
	fi
	# shellcheck disable=SC2086 # $cc, $cflags and $libs are word lists
	(cd "$tmp/examples" && $cc -Wall -Wextra -Werror "${extra[@]}" $cflags \
		"${sources[@]}" -o "$name" $libs) || fail "examples/$name.c does not build"
	examples+=("$name")
	echo "built $name"
done
[ "${#examples[@]}" -gt 0 ] || fail "no examples/*.c"

step "run them against the installed library"
export LD_LIBRARY_PATH=$dest$libdir
for name in "${examples[@]}"; do
	exe=$tmp/examples/$name
	LD_TRACE_LOADED_OBJECTS=1 "$exe" |
		grep -F "libgovreport.so.1 => $dest$libdir/libgovreport.so.1" > /dev/null ||
		fail "$name does not load the installed libgovreport.so.1"
	case $name in
	govreport) args=(parse "$seed") ;;
	*) args=("$seed") ;;
	esac
	echo "\$ $name ${args[*]##*/}"
	"$exe" "${args[@]}" > "$tmp/$name.out" || fail "$name ${args[*]} exited with $?"
	head -c 2000 "$tmp/$name.out"; echo
done

step "summary prints the seed's facts"
python3 - "$seed_expected" "$tmp/summary.out" <<'EOF'
import json, sys
exp = json.load(open(sys.argv[1]))
got = dict(line.split(': ', 1) for line in open(sys.argv[2]).read().splitlines())
want = {
    'organ': exp['organ'] if exp['organ'] is not None else 'null',
    'year': str(exp['year'] or 0),
    'template': exp['template'] or '0',
    'applications.new_received.total':
        str(exp['applications']['new_received']['total']),
}
bad = ['{}: expected {!r}, got {!r}'.format(k, v, got.get(k)) for k, v in want.items()
       if got.get(k) != v]
if 'diagnostics' not in got or not got['diagnostics'].isdigit():
    bad.append('no diagnostics count')
if bad:
    sys.exit('FAIL: summary: ' + '; '.join(bad))
EOF

step "the installed govreport tool"
tool=$dest$bindir/govreport
[ -x "$tool" ] || fail "$bindir/govreport: not installed"
[ "$("$tool" --version)" = "govreport $version" ] || fail "govreport --version"
"$tool" --help > /dev/null || fail "govreport --help"
"$tool" parse "$seed" > "$tmp/parse.json" || fail "govreport parse exited with $?"
"$tool" parse --detail - < "$seed" > "$tmp/detail.json" || fail "govreport parse --detail - exited with $?"
python3 - "$tmp/parse.json" "$tmp/detail.json" "$seed_expected" "$dest" "${schemas[@]}" <<'EOF'
import json, sys
parsed, detail, expected, dest = sys.argv[1:5]
schemas = sys.argv[5:]
docs = {}
for path in (parsed, detail):
    with open(path) as f:
        text = f.read()
    if not text.endswith('}\n'):
        sys.exit('FAIL: {}: output does not end in "}}\\n"'.format(path))
    docs[path] = json.loads(text)
doc = docs[parsed]
if doc.get('format') != 'govreport-1':
    sys.exit('FAIL: parse: format is {!r}'.format(doc.get('format')))
exp = json.load(open(expected))
for key in ('template', 'year'):
    if doc.get(key) != exp[key]:
        sys.exit('FAIL: parse: {} is {!r}, expected {!r}'.format(key, doc.get(key), exp[key]))
if not schemas:
    print('no schema installed: outputs not validated')
    sys.exit(0)
try:
    import jsonschema
except ImportError:
    print('python3 jsonschema missing: outputs not validated')
    sys.exit(0)
for s in schemas:
    if 'diag' in s.rsplit('/', 1)[-1]:
        continue                    # the diagnostics format, not a report
    schema = json.load(open(dest + s))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema).validate(doc)
    print('parse output is valid against ' + s)
EOF

echo "install test: OK"
