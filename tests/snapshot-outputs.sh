#!/bin/sh
# What `govreport parse` and `govreport check` print, and their exit
# status, for every file under tests/data, one output file per input in
# OUTDIR, and `parse --jsonl -j 2` of them all (ALL.jsonl): run it before and after a change and `diff -r` the two folders
# to prove the change leaves every output byte-identical.
#
#   tests/snapshot-outputs.sh BUILD/examples/govreport OUTDIR
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 GOVREPORT OUTDIR" >&2
	exit 2
fi
cli=$1
out=$2
data=$(dirname "$0")/data
mkdir -p "$out"
find "$data" -type f | LC_ALL=C sort | while IFS= read -r f; do
	name=$(printf '%s' "${f#"$data"/}" | tr '/' '_')
	{
		"$cli" parse -- "$f" 2>&1
		echo "exit $?"
		"$cli" check -- "$f" 2>&1
		echo "exit $?"
	} > "$out/$name"
done
# All of them in one batch, in two threads: JSON Lines in input order.
find "$data" -type f | LC_ALL=C sort | tr '\n' '\0' |
	xargs -0 "$cli" parse --jsonl -j 2 -q -- > "$out/ALL.jsonl" 2>&1
echo "exit $?" >> "$out/ALL.jsonl"
echo "$(find "$data" -type f | wc -l) files in $out"
