#!/bin/bash
# The ABI check: the built library against the stored 1.0 baseline.
#   check-abi.sh LIBRARY SOURCE_ROOT [BASELINE_DIR]
# 1. Symbols: every versioned symbol of the baseline (symbols.txt, lines
#    "name@@VERSION") is still exported with the same version; a symbol
#    the baseline lacks must come in a version node the baseline does not
#    have (a new node per release that adds symbols).
# 2. Types (when abigail-tools is installed and the library has debug
#    information): abidiff of the baseline dump (libgovreport.abi) against
#    the library, restricted to the public header, must show no removed
#    or changed function and no variable. Without DWARF (a release or
#    plain build) abidiff sees no types and compares nothing: the type
#    check is skipped, and says so.
#   check-abi.sh --types-only LIBRARY SOURCE_ROOT [BASELINE_DIR]
# runs the type check alone and exits 77 (skipped) when it cannot run;
# --symbols-only the symbol check alone (meson runs the two as tests abi
# and abi-types).
# Update the baseline only when a release adds symbols:
#   tests/abi/update-baseline.sh build/lib/libgovreport.so.1
set -u
types_only=0
symbols_only=0
case ${1:-} in
--types-only) types_only=1; shift ;;
--symbols-only) symbols_only=1; shift ;;
esac
lib=$1
src=$2
base=${3:-$src/tests/abi}
status=0

# Why the type check cannot run, or nothing when it can.
types_skipped() {
	if ! command -v abidiff >/dev/null; then
		echo "abidiff not installed (abigail-tools)"
	elif [ ! -f "$base/libgovreport.abi" ]; then
		echo "no stored dump $base/libgovreport.abi"
	elif ! LC_ALL=C readelf -S --wide "$lib" 2>/dev/null | grep -q '\.z\{0,1\}debug_info'; then
		echo "the library has no debug information (DWARF: build with -g, e.g. buildtype debug or debugoptimized)"
	fi
}
if [ $symbols_only -eq 1 ]; then
	skip_reason="--symbols-only"
else
	skip_reason=$(types_skipped)
fi
if [ $types_only -eq 1 ] && [ -n "$skip_reason" ]; then
	echo "ABI: type check skipped: $skip_reason"
	exit 77
fi

current=$(mktemp)
trap 'rm -f "$current"' EXIT
nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort > "$current"
if [ $types_only -eq 1 ]; then
	: > "$current"
	base_symbols=/dev/null
else
	base_symbols=$base/symbols.txt
fi

while read -r sym; do
	[ -n "$sym" ] || continue
	if ! grep -qxF "$sym" "$current"; then
		echo "ABI: $sym is gone from the library" >&2
		status=1
	fi
done < "$base_symbols"

known_nodes=$(sed 's/.*@@//' "$base/symbols.txt" | sort -u)
while read -r sym; do
	grep -qxF "$sym" "$base/symbols.txt" && continue
	node=${sym##*@@}
	if grep -qxF "$node" <<<"$known_nodes"; then
		echo "ABI: $sym is new in the released node $node; add a new version node" >&2
		status=1
	fi
done < "$current"

if [ -z "$skip_reason" ]; then
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
elif [ $symbols_only -eq 0 ]; then
	echo "ABI: type check skipped: $skip_reason; checked the symbols only"
fi

if [ $status -eq 0 ] && [ $types_only -eq 0 ]; then
	echo "ABI: $(wc -l < "$current") symbols match the baseline"
fi
exit $status
