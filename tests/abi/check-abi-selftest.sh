#!/bin/bash
# Prove check-abi.sh fails when it should: a baseline symbol the library
# lacks, and a new symbol put into the released node.
set -u
lib=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect_failure() {
	local what=$1
	if "$here/check-abi.sh" "$lib" "$src" "$work" >/dev/null 2>&1; then
		echo "FAIL: check-abi.sh passed with $what"
		failures=$((failures + 1))
	else
		echo "ok: check-abi.sh fails with $what"
	fi
}

# The real baseline passes.
if ! "$here/check-abi.sh" "$lib" "$src" >/dev/null 2>&1; then
	echo "FAIL: check-abi.sh fails on the real baseline"
	failures=$((failures + 1))
fi

{ cat "$src/tests/abi/symbols.txt"; echo "govreport_removed_function@@GOVREPORT_1.0"; } |
	sort > "$work/symbols.txt"
expect_failure "a baseline symbol missing from the library"

grep -v '^govreport_version@@' "$src/tests/abi/symbols.txt" > "$work/symbols.txt"
expect_failure "a symbol added to the released node"

[ $failures -eq 0 ]
