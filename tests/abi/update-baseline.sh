#!/bin/bash
# Store the ABI baseline (tests/abi/symbols.txt and libgovreport.abi) from
# a built library. Run it when a release is made, never to silence the
# ABI test.   tests/abi/update-baseline.sh build/lib/libgovreport.so.1
set -eu
lib=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort > "$here/symbols.txt"
abidw --headers-dir "$src/include" --drop-private-types --no-show-locs \
	--no-corpus-path "$lib" > "$here/libgovreport.abi"
echo "baseline: $(wc -l < "$here/symbols.txt") symbols"
