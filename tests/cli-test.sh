#!/bin/bash
# The govreport tool's promises (SPEC §6): exit statuses, messages on
# stderr, help on stdout, JSON and a newline on stdout, stdin for '-'.
#
# Usage: cli-test.sh GOVREPORT SEEDS_DIR
set -uo pipefail

govreport=$1
seeds=$2
seed=$seeds/001_ebc51afa85553e39.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

# expect STATUS STDOUT_CHECK STDERR_CHECK -- ARGS... [< input via $stdin]
# *_CHECK: "empty", "nonempty", or "grep:PATTERN".
stdin=/dev/null
expect() {
	local want=$1 out_check=$2 err_check=$3
	shift 4
	"$govreport" "$@" < "$stdin" > "$tmp/out" 2> "$tmp/err"
	local got=$? ok=1
	[ "$got" -eq "$want" ] || ok=0
	for pair in "out:$out_check" "err:$err_check"; do
		local file=$tmp/${pair%%:*} check=${pair#*:}
		case $check in
		empty) [ ! -s "$file" ] || ok=0 ;;
		nonempty) [ -s "$file" ] || ok=0 ;;
		grep:*) grep -q -e "${check#grep:}" "$file" || ok=0 ;;
		esac
	done
	if [ "$ok" -eq 1 ]; then
		passes=$((passes + 1))
		echo "ok - govreport $* (exit $got)"
	else
		failures=$((failures + 1))
		echo "not ok - govreport $* < $stdin: exit $got (want $want, stdout $out_check, stderr $err_check)"
		sed 's/^/  stdout: /' "$tmp/out" | head -5
		sed 's/^/  stderr: /' "$tmp/err" | head -5
	fi
}

expect 0 "grep:^Usage: govreport" empty -- --help
expect 0 "grep:parse" empty -- -h
expect 0 "grep:^Usage: govreport parse" empty -- help parse
expect 0 "grep:--detail" empty -- parse --help
expect 0 "grep:^govreport [0-9]" empty -- --version
expect 2 empty "grep:^Usage: govreport" --
expect 2 empty "grep:unknown command 'frobnicate'" -- frobnicate
expect 2 empty "grep:unknown option '--bogus'" -- parse --bogus "$seed"
expect 2 empty "grep:unknown option '-x'" -- parse -x "$seed"
expect 2 empty "grep:takes no value" -- parse --detail=yes "$seed"
expect 2 empty "grep:one file at a time" -- parse "$seed" "$seed"
expect 2 empty "grep:$tmp/missing.txt: No such file" -- parse "$tmp/missing.txt"
expect 2 empty "grep:Is a directory" -- parse "$tmp"

# Unusable input: the library's status, as text, on stderr.
stdin=/dev/null
expect 2 empty "grep:<stdin>: " -- parse
printf 'abc\0\001\002def' > "$tmp/binary"
expect 2 empty "grep:$tmp/binary: " -- parse "$tmp/binary"

# A report: one JSON object and a newline on stdout, nothing on stderr.
stdin=/dev/null
expect 0 "grep:^{\"format\": *\"govreport-1\"" empty -- parse "$seed"
cp "$tmp/out" "$tmp/file.json"
same_as_file() {
	if cmp -s "$tmp/out" "$tmp/file.json"; then
		passes=$((passes + 1))
	else
		failures=$((failures + 1))
		echo "not ok - $1 differs from parse FILE"
	fi
}
stdin=$seed
expect 0 nonempty empty -- parse -
same_as_file "parse - < FILE"
expect 0 nonempty empty -- parse
same_as_file "parse < FILE"
stdin=/dev/null
expect 0 "grep:\"state\"" empty -- parse --detail "$seed"
expect 0 "grep:\"state\"" empty -- parse "$seed" --detail

for f in "$tmp/file.json" "$tmp/out"; do
	if [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] &&
		[ "$(wc -l < "$f")" -eq 1 ]; then
		passes=$((passes + 1))
	else
		failures=$((failures + 1))
		echo "not ok - $f: not one line ending in a newline"
	fi
done
if command -v python3 > /dev/null; then
	for f in "$tmp/file.json" "$tmp/out"; do
		if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$f" 2> /dev/null; then
			passes=$((passes + 1))
		else
			failures=$((failures + 1))
			echo "not ok - $f: not JSON"
		fi
	done
fi

# A full disk: the tool must notice that its output was lost.
if [ -w /dev/full ]; then
	"$govreport" parse "$seed" > /dev/full 2> "$tmp/err"
	status=$?
	if [ "$status" -eq 2 ] && grep -q "cannot write output" "$tmp/err"; then
		passes=$((passes + 1))
	else
		failures=$((failures + 1))
		echo "not ok - parse > /dev/full: exit $status"
	fi
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
