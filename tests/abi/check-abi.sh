#!/bin/bash
# The ABI check: the built library against the stored 1.0 baseline.
#   check-abi.sh LIBRARY SOURCE_ROOT [BASELINE_DIR]
# 1. Symbols: every versioned symbol of the baseline (symbols.txt, lines
#    "name@@VERSION") is still exported with the same version; a symbol
#    the baseline lacks must come in a version node the baseline does not
#    have (a new node per release that adds symbols).
# 2. Types (when abigail-tools is installed): abidiff of the baseline dump
#    (libgovreport.abi) against the library, restricted to the public
#    header, must show no removed or changed function and no variable.
# Update the baseline only when a release adds symbols:
#   tests/abi/update-baseline.sh build/lib/libgovreport.so.1
set -u
lib=$1
src=$2
base=${3:-$src/tests/abi}
status=0

current=$(mktemp)
trap 'rm -f "$current"' EXIT
nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort > "$current"

while read -r sym; do
	[ -n "$sym" ] || continue
	if ! grep -qxF "$sym" "$current"; then
		echo "ABI: $sym is gone from the library" >&2
		status=1
	fi
done < "$base/symbols.txt"

known_nodes=$(sed 's/.*@@//' "$base/symbols.txt" | sort -u)
while read -r sym; do
	grep -qxF "$sym" "$base/symbols.txt" && continue
	node=${sym##*@@}
	if grep -qxF "$node" <<<"$known_nodes"; then
		echo "ABI: $sym is new in the released node $node; add a new version node" >&2
		status=1
	fi
done < "$current"

if command -v abidiff >/dev/null && [ -f "$base/libgovreport.abi" ]; then
	report=$(abidiff --headers-dir1 "$src/include" --headers-dir2 "$src/include" \
		"$base/libgovreport.abi" "$lib" 2>&1)
	rc=$?
	echo "$report"
	# Bits 1 and 2: abidiff itself failed; then read the summary lines.
	if [ $((rc & 3)) -ne 0 ]; then
		echo "ABI: abidiff failed (status $rc)" >&2
		status=1
	elif ! grep -q "Functions changes summary: 0 Removed, 0 Changed" <<<"$report" ||
	     ! grep -q "Variables changes summary: 0 Removed, 0 Changed, 0 Added" <<<"$report"; then
		echo "ABI: abidiff found removed or changed functions or variables" >&2
		status=1
	fi
else
	echo "ABI: abidiff not installed (abigail-tools); checked the symbols only"
fi

[ $status -eq 0 ] && echo "ABI: $(wc -l < "$current") symbols match the baseline"
exit $status
