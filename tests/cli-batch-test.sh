#!/bin/bash
# The govreport tool on many files (SPEC §6): parse --jsonl with -j N in
# input order whatever N, the summary on stderr and the progress line only
# on a terminal; sum (totals, SUM_INCOMPLETE on stderr, refusals) and diff
# (exit 0 same, 1 different).
#
# Usage: cli-batch-test.sh GOVREPORT SEEDS_DIR
set -uo pipefail

govreport=$1
seeds=$2
s000=$seeds/000_60b25c9977688c27.txt # "2021", 2023, 总计 column blank
s001=$seeds/001_ebc51afa85553e39.txt # "2021", 2024
s002=$seeds/002_c3fcc36b9cf6fff1.txt # "2019", 2020
s004=$seeds/004_76d98d904843aa38.txt # "2019", 2020
all=("$seeds"/*.txt)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

ok() { passes=$((passes + 1)); echo "ok - $1"; }
not_ok() {
	failures=$((failures + 1))
	echo "not ok - $1"
	sed 's/^/  stdout: /' "$tmp/out" | head -5
	sed 's/^/  stderr: /' "$tmp/err" | head -5
}
# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
run() { "$govreport" "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"; echo $? > "$tmp/status"; }
status_is() { [ "$(cat "$tmp/status")" -eq "$1" ]; }
# py 'EXPR' FILE...: a Python check over the files' contents (sys.argv).
py() { python3 -c "import json, sys; $1" "${@:2}"; }

# ---- parse --jsonl ----------------------------------------------------------
run parse --jsonl -j 1 "${all[@]}"
cp "$tmp/out" "$tmp/jsonl-1"
check "parse --jsonl: exit 0" status_is 0
check "parse --jsonl: one line per file, \"file\" first, in input order" py '
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
files = sys.argv[2:]
assert len(lines) == len(files), lines
for line, f in zip(lines, files):
    assert line.startswith("{\"file\":"), line[:40]
    d = json.loads(line)
    assert list(d)[:2] == ["file", "format"] and d["file"] == f, list(d)[:3]
' "$tmp/out" "${all[@]}"
check "parse --jsonl: a summary line on stderr, and nothing else" py '
err = open(sys.argv[1]).read()
assert err == "govreport parse: 5 files, %s errors, %s warnings, 0 unreadable\n" % (
    err.split(", ")[1].split()[0], err.split(", ")[2].split()[0]), repr(err)
' "$tmp/err"

# Each line is the single-file output with "file" put first.
"$govreport" parse "$s001" > "$tmp/single"
check "parse --jsonl: same report as parse FILE" py '
single = json.loads(open(sys.argv[1]).read())
line = json.loads(open(sys.argv[2]).read().splitlines()[1])
assert line.pop("file") == sys.argv[3]
assert line == single
' "$tmp/single" "$tmp/jsonl-1" "$s001"

for jobs in 2 4 16 0; do
	run parse --jsonl -j "$jobs" "${all[@]}" "${all[@]}" "${all[@]}"
	run_status=$(cat "$tmp/status")
	cat "$tmp/jsonl-1" "$tmp/jsonl-1" "$tmp/jsonl-1" > "$tmp/want"
	check "parse --jsonl -j $jobs: exit 0, same lines in the same order" \
		bash -c "[ $run_status -eq 0 ] && cmp -s '$tmp/want' '$tmp/out'"
done
run parse --jsonl -j 4 --detail "$s000" "$s002"
check "parse --jsonl --detail: detailed cells" py '
d = json.loads(open(sys.argv[1]).read().splitlines()[0])
assert d["applications"]["new_received"]["total"] == {"value": None, "state": "blank", "line": d["applications"]["new_received"]["total"]["line"], "raw": None}
' "$tmp/out"

run parse --jsonl -q -j 3 "$s001" "$tmp/missing.txt" "$s002"
check "parse --jsonl: an unreadable file exits 2" status_is 2
check "parse --jsonl: an error record in its place" py '
lines = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()]
assert [l["file"] for l in lines] == sys.argv[2:], lines
assert lines[1] == {"file": sys.argv[3], "error": "No such file or directory"}, lines[1]
assert lines[2]["template"] == "2019"
' "$tmp/out" "$s001" "$tmp/missing.txt" "$s002"
check "parse --jsonl -q: the message, no summary" py '
err = open(sys.argv[1]).read()
assert err == "govreport parse: %s: No such file or directory\n" % sys.argv[2], repr(err)
' "$tmp/err" "$tmp/missing.txt"

run parse --jsonl -j 1 "$s001" "$tmp/missing.txt"
check "parse --jsonl: the summary counts the unreadable file" \
	grep -q "2 files, .* 1 unreadable$" "$tmp/err"
printf 'x\0\001\002' > "$tmp/binary"
run parse --jsonl "$tmp/binary"
check "parse --jsonl: binary input is an error record" \
	grep -q '"error":"input is not text"' "$tmp/out"
run parse --jsonl -q < /dev/null
check "parse --jsonl with no file reads stdin" grep -q '^{"file":"-","error":' "$tmp/out"

for bad in x -1 257 2x; do
	run parse --jsonl -j "$bad" "$s001"
	check "parse -j $bad: usage error" bash -c \
		"[ \$(cat '$tmp/status') -eq 2 ] && grep -q -- '-j takes a number' '$tmp/err'"
done
run parse --jsonl -j
check "parse -j without a value: usage error" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && grep -q \"needs a value\" '$tmp/err'"
run parse "$s001" "$s002"
check "parse FILE FILE without --jsonl: usage error" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && grep -q 'one file at a time without --jsonl' '$tmp/err'"

# The progress line, on a terminal only (script(1) gives one).
if command -v script > /dev/null; then
	script -qec "'$govreport' parse --jsonl -j 2 ${all[*]} > '$tmp/tty-out' 2> /dev/tty" \
		/dev/null > "$tmp/tty" 2>&1 < /dev/null
	check "parse --jsonl on a terminal: a progress line" grep -Eq '\[[0-9]/5\] +[0-9]+%' "$tmp/tty"
	check "parse --jsonl on a terminal: same output" cmp -s "$tmp/jsonl-1" "$tmp/tty-out"
	# 2,400 files (enough to take more than the tenth of a second a rate
	# needs, on a fast machine too): the line is redrawn about ten times a
	# second, not per file.
	# The command goes in a file: script -c takes one string, and 2,400
	# paths would pass the kernel's 128 KiB limit on one argument.
	many=()
	for i in $(seq 480); do many+=("${all[@]}"); done
	printf '%q ' "$govreport" parse --jsonl -q -j 2 "${many[@]}" > "$tmp/many.sh"
	printf '> /dev/null 2> /dev/tty\n' >> "$tmp/many.sh"
	start=$(date +%s%N)
	script -qec "bash '$tmp/many.sh'" /dev/null > "$tmp/tty" 2>&1 < /dev/null
	ms=$((($(date +%s%N) - start) / 1000000))
	draws=$(grep -o $'\033\\[K' "$tmp/tty" | wc -l)
	check "parse --jsonl of 2400 files on a terminal: $draws redraws in $ms ms, at most ~10 a second" \
		test "$draws" -ge 1 -a "$draws" -le $((2 * (ms / 100 + 2)))
	check "the progress line: count, percentage, rate, time left" \
		grep -Eq '\[[0-9]+/2400\] +[0-9]+%  [0-9.]+ files/s  [0-9hms]+ left' "$tmp/tty"
else
	echo "ok - progress line # SKIP no script(1)"
fi

# ---- sum ------------------------------------------------------------------------
run sum "$s002" "$s004"
check "sum: two 2019 reports, exit 0, nothing on stderr" \
	bash -c "[ \$(cat '$tmp/status') -eq 0 ] && [ ! -s '$tmp/err' ]"
cp "$tmp/out" "$tmp/sum.json"
check "sum: the totals" py '
d = json.loads(open(sys.argv[1]).read())
ad = d["active_disclosure"]
assert (d["template"], d["year"], d["organ"]) == ("2019", 2020, None), d["organ"]
assert ad["licensing"] == {"previous_items": 31, "change": 1, "decisions": 95}, ad["licensing"]
assert ad["other_services"]["decisions"] == 3600
assert ad["procurement"] == {"projects": 15, "amount": 1827190}
assert d["applications"]["total_processed"]["total"] == 0
' "$tmp/out"
run sum -j 4 "$tmp/sum.json" "$s002"
check "sum: reads its own JSON back" py '
d = json.loads(open(sys.argv[1]).read())
assert d["active_disclosure"]["licensing"]["decisions"] == 103
' "$tmp/out"
run sum --lang en "$s000" "$s000"
check "sum: blank cells stay null" py '
d = json.loads(open(sys.argv[1]).read())
assert d["applications"]["new_received"]["total"] is None
assert d["active_disclosure"]["licensing"]["decisions"] == 136
assert d["organ"] == "伊州区民政局"
' "$tmp/out"
check "sum: one SUM_INCOMPLETE warning per null cell on stderr" py '
lines = [l for l in open(sys.argv[1]).read().splitlines() if "SUM_INCOMPLETE" in l]
assert len(lines) == 25, len(lines)
assert lines[0] == ("govreport sum: warning: SUM_INCOMPLETE applications.new_received.total: "
    "table 3 (applications), row \"new applications received\", column \"total\": "
    "no value in 2 of 2 reports, so the total is null (the other 0 add up to 0)"), lines[0]
' "$tmp/err"
check "sum with warnings: exit 0" status_is 0
check "sum: SUM_INCOMPLETE is followed by the files that lack the cell" py '
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 50, len(lines)
assert all(l == "govreport sum:   no value in: %s, %s" % (sys.argv[2], sys.argv[2])
           for l in lines[1::2]), lines[1]
' "$tmp/err" "$s000"
# One report of three has the value: only the other two are named.
"$govreport" parse "$s000" | sed 's/"new_received":{\([^}]*\)"total":null}/"new_received":{\1"total":7}/' > "$tmp/has-total.json"
run sum "$s000" "$tmp/has-total.json" "$s000"
check "sum: SUM_INCOMPLETE names only the files without a value" py '
lines = open(sys.argv[1]).read().splitlines()
i = lines.index([l for l in lines if "SUM_INCOMPLETE applications.new_received.total:" in l][0])
assert lines[i + 1] == "govreport sum:   no value in: %s, %s" % (sys.argv[2], sys.argv[2]), lines[i + 1]
assert "has-total" not in lines[i + 1]
' "$tmp/err" "$s000"
# A total beyond int64: the cell and the file that made it overflow.
"$govreport" parse "$s001" > "$tmp/s001.json"
sed 's/"licensing":{"decisions":17}/"licensing":{"decisions":9223372036854775000}/' "$tmp/s001.json" > "$tmp/big.json"
run sum "$tmp/s001.json" "$tmp/big.json" "$tmp/big.json"
check "sum: an overflow names the cell and the file, exit 2" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && [ ! -s '$tmp/out' ] && grep -qx 'govreport sum: $tmp/big.json: active_disclosure.licensing.decisions: the total overflows .*' '$tmp/err'"
check "sum: the overflow is not in the file that only came close" bash -c \
	"grep -q 'big.json' '$tmp/err' && [ \$(grep -c 'overflows' '$tmp/err') -eq 1 ]"
run sum "$s000" "$s001"
check "sum: years differ, exit 2 and why" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && [ ! -s '$tmp/out' ] && grep -q 'year 2024; .* year 2023' '$tmp/err'"
run sum "$s001" "$s002"
check "sum: templates differ, exit 2" status_is 2
run sum "$s002" "$tmp/missing.txt"
check "sum: an unreadable file, exit 2" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && grep -q 'missing.txt: No such file' '$tmp/err'"
run sum
check "sum without files: usage error" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && grep -q 'no reports to total' '$tmp/err'"
run sum --lang fr "$s002"
check "sum --lang fr: usage error" status_is 2

# ---- diff -------------------------------------------------------------------------
run diff --text "$s002" "$s004"
check "diff --text: a table of the changed cells, exit 1" bash -c \
	"[ \$(cat '$tmp/status') -eq 1 ] && grep -q '^A: $s002\$' '$tmp/out' && grep -Eq '^表二 +行政许可 · (本年)?处理决定数量 +[0-9]+ +[0-9]+\$' '$tmp/out' && grep -Eq '^[0-9]+ differences?\$' '$tmp/out'"
run diff --text "$s002" "$s002"
check "diff --text without differences: exit 0" bash -c \
	"[ \$(cat '$tmp/status') -eq 0 ] && grep -qx 'no differences' '$tmp/out'"
run diff --json "$s002" "$s004"
check "diff --json is the default's JSON" py '
d = json.loads(open(sys.argv[1]).read())
assert d["count"] == len(d["differences"]) > 0
' "$tmp/out"
run diff --text --pretty "$s002" "$s004"
check "diff --text --pretty: usage error" status_is 2
run diff --help
check "diff --help: JSON stays the default" grep -q 'JSON is the default' "$tmp/out"
run diff "$s002" "$s002"
check "diff: a report against itself, exit 0" bash -c \
	"[ \$(cat '$tmp/status') -eq 0 ] && [ \"\$(cat '$tmp/out')\" = '{\"differences\":[],\"count\":0}' ]"
"$govreport" parse "$s001" > "$tmp/001.json"
run diff "$s001" "$tmp/001.json"
check "diff: a report against its JSON, exit 0" status_is 0
run diff "$s002" "$s004"
check "diff: two reports, exit 1" status_is 1
check "diff: the differences" py '
d = json.loads(open(sys.argv[1]).read())
assert d["count"] == len(d["differences"]) > 0
cells = {(x["section"], x["row"], x["column"]): (x["a"], x["b"]) for x in d["differences"]}
assert cells[("active_disclosure", "licensing", "decisions")] == (
    {"value": 8, "state": "present"}, {"value": 87, "state": "present"})
assert cells[("organ", None, None)] == ("绿园区民政局", "鲤城区人民政府临江街道办事处")
assert ("applications", "granted", "total") not in cells
' "$tmp/out"
run diff --pretty "$s001" "$s002"
check "diff --pretty: indented, template first" bash -c \
	"[ \$(cat '$tmp/status') -eq 1 ] && grep -q '^  \"differences\": \[' '$tmp/out' && grep -q '\"kind\": \"template\"' '$tmp/out'"
run diff "$s001"
check "diff with one file: usage error" bash -c \
	"[ \$(cat '$tmp/status') -eq 2 ] && grep -q 'two reports to compare' '$tmp/err'"
run diff "$s001" "$tmp/missing.txt"
check "diff with a missing file: exit 2" status_is 2
run help diff
check "help diff" grep -q '^Usage: govreport diff' "$tmp/out"
run help sum
check "help sum" grep -q '^Usage: govreport sum' "$tmp/out"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
