#!/bin/bash
# README.md's C example, compiled and run as written: its ```c block (the
# first under "## Using it from C") inside a main() that reads a report
# into `text` and `len`, on a report with errors. It must validate (the
# errors are listed, not "0 diagnostics") and print the JSON.
#
# Usage: check-readme-c.sh SOURCEDIR LIBGOVREPORT REPORT
# Environment: CC (the build's compiler command), SANITIZE (b_sanitize).
set -euo pipefail

srcdir=$1
library=$2
report=$3
cc=${CC:-cc}
sanitize=${SANITIZE:-none}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-readme-c.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

awk '/^## Using it from C/ { sect = 1 } sect && /^```c$/ { on = 1; next }
	on && /^```$/ { exit } on' "$srcdir/README.md" > "$tmp/example.c"
[ -s "$tmp/example.c" ] || { echo "FAIL: no C example in README.md"; exit 1; }

{
	cat <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <govreport.h>

int
main(int argc, char **argv)
{
	static char text[1 << 22]; /* the seeds are far smaller */
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	size_t len;

	if (!f)
		return 3;
	len = fread(text, 1, sizeof(text), f);
	fclose(f);
C
	sed 's/^/\t/' "$tmp/example.c"
	printf '\treturn 0;\n}\n'
} > "$tmp/prog.c"

flags=()
[ "$sanitize" = none ] || flags+=("-fsanitize=$sanitize")
# shellcheck disable=SC2086 # CC may be a command with arguments
$cc -std=c11 -Wall -Wextra -Werror "${flags[@]}" -I"$srcdir/include" \
	"$tmp/prog.c" -o "$tmp/prog" "$library" -Wl,-rpath,"$(dirname "$library")" ||
	{ echo "FAIL: README's C example does not compile:"; cat -n "$tmp/prog.c"; exit 1; }
"$tmp/prog" "$report" > "$tmp/out" || { echo "FAIL: it exits $?"; exit 1; }

ok=1
grep -Eq '^[0-9]+: [1-9][0-9]* diagnostics$' "$tmp/out" || { echo "FAIL: no diagnostics counted"; ok=0; }
grep -Eq '^L[0-9]+ T3_BALANCE ' "$tmp/out" || { echo "FAIL: the T3_BALANCE error is not listed"; ok=0; }
grep -q '"format": "govreport-1"' "$tmp/out" || { echo "FAIL: no JSON"; ok=0; }
if [ "$ok" -eq 0 ]; then
	sed 's/^/  out: /' "$tmp/out" | head -20
	exit 1
fi
echo "ok - README's C example validates, lists $(grep -c '^L' "$tmp/out") diagnostics and prints the JSON"
