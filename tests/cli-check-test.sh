#!/bin/bash
# `govreport check` (SPEC §5, §6): exit statuses (0 clean, 1 errors found,
# 2 usage or unusable input), the human output, --json (one object, or
# JSON Lines with "file" first for several files), --lang en, --previous,
# --disable, --severity, --deadline; many files with -j N (the same output
# for any N), the summary on stderr and the progress line on a terminal.
#
# Usage: cli-check-test.sh GOVREPORT DATA_DIR
# DATA_DIR is tests/data: seeds/ and check/ (see check/README.md).
set -uo pipefail

govreport=$1
data=$2
clean=$data/seeds/002_c3fcc36b9cf6fff1.txt       # 2020, no diagnostics
clean2=$data/seeds/004_76d98d904843aa38.txt      # 2020, published 2021-01-06
broken=$data/check/t3-balance/input.txt          # 002 with 本年新收 自然人 3
prev=$data/check/pair-2019/input.txt            # 2019: 结转下年度 2
next=$data/check/pair-2020/input.txt            # 2020: 上年结转 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); echo "ok - $1"; }
fail() {
	failures=$((failures + 1))
	echo "not ok - $1"
	sed 's/^/  stdout: /' "$tmp/out" | head -8
	sed 's/^/  stderr: /' "$tmp/err" | head -5
}

# expect STATUS STDOUT_CHECK STDERR_CHECK -- ARGS...   (stdin from $stdin)
# *_CHECK: "empty", "nonempty", "grep:PATTERN" (grep -E), "nogrep:PATTERN",
# "line:TEXT" (exactly one line, TEXT).
stdin=/dev/null
expect() {
	local want=$1 out_check=$2 err_check=$3
	shift 4
	"$govreport" check "$@" < "$stdin" > "$tmp/out" 2> "$tmp/err"
	local got=$? ok=1
	[ "$got" -eq "$want" ] || ok=0
	for pair in "out:$out_check" "err:$err_check"; do
		local file=$tmp/${pair%%:*} check=${pair#*:}
		case $check in
		empty) [ ! -s "$file" ] || ok=0 ;;
		nonempty) [ -s "$file" ] || ok=0 ;;
		grep:*) grep -Eq -e "${check#grep:}" "$file" || ok=0 ;;
		nogrep:*) ! grep -Eq -e "${check#nogrep:}" "$file" || ok=0 ;;
		line:*) [ "$(wc -l < "$file")" -eq 1 ] &&
			[ "$(cat "$file")" = "${check#line:}" ] || ok=0 ;;
		esac
	done
	if [ "$ok" -eq 1 ]; then
		pass "check $* (exit $got)"
	else
		fail "check $* < $stdin: exit $got (want $want, stdout $out_check, stderr $err_check)"
	fi
}

# json_assert NAME PYTHON_CODE: run the code with `lines` (the stdout of
# the last expect, as a list of lines) and `docs` (each parsed as JSON);
# text_assert the same without `docs`. `names`: the lines of $tmp/names.
have_python=0
command -v python3 > /dev/null && have_python=1
json_assert() {
	[ "$have_python" -eq 1 ] || return 0
	if python3 - "$tmp/out" "$2" "${3:-json}" > "$tmp/py" 2>&1 <<'EOF'
import json, os, sys
with open(sys.argv[1], encoding='utf-8', errors='surrogateescape') as f:
    text = f.read()
names_file = os.path.join(os.path.dirname(sys.argv[1]), 'names')
names = open(names_file, encoding='utf-8').read().split('\n')[:-1] if os.path.exists(names_file) else []
han = lambda s: any('\u4e00' <= ch <= '\u9fa5' for ch in s)
assert text.endswith('\n'), 'output does not end in a newline'
lines = text[:-1].split('\n')
docs = [json.loads(line) for line in lines] if sys.argv[3] == 'json' else None
exec(sys.argv[2])
EOF
	then
		pass "$1"
	else
		fail "$1"
		sed 's/^/  python: /' "$tmp/py" | tail -5
	fi
}
text_assert() { json_assert "$1" "$2" text; }

# --- help and usage errors (exit 2, message and usage on stderr) ---------
expect 0 "grep:^Usage: govreport check" empty -- --help
expect 0 "grep:--previous" empty -- -h
"$govreport" --help > "$tmp/out" 2> "$tmp/err"
if grep -Eq '^  check ' "$tmp/out"; then pass "govreport --help lists check"; else fail "govreport --help lists check"; fi
expect 2 empty "grep:no file to check" --
expect 2 empty "grep:unknown option '--bogus'" -- --bogus "$clean"
expect 2 empty "grep:unknown option '-x'" -- -x "$clean"
expect 2 empty "grep:takes no value" -- --json=yes "$clean"
expect 2 empty "grep:option '--lang' needs a value" -- "$clean" --lang
expect 2 empty "grep:'fr' is not en or zh" -- --lang fr "$clean"
expect 2 empty "grep:unknown diagnostic code 'NO_SUCH_CODE'" -- --disable NO_SUCH_CODE "$clean"
expect 2 empty "grep:unknown diagnostic code 'NO_SUCH_CODE'" -- --severity NO_SUCH_CODE=info "$clean"
expect 2 empty "grep:is not CODE=error\|warning\|info" -- --severity T3_BALANCE "$clean"
expect 2 empty "grep:is not CODE=error\|warning\|info" -- --severity T3_BALANCE=fatal "$clean"
expect 2 empty "grep:is not MM-DD" -- --deadline 0131 "$clean"
expect 2 empty "grep:no such day" -- --deadline 02-30 "$clean"
expect 2 empty "grep:read only once" -- - -
expect 2 empty "grep:^Usage: govreport check" -- --previous - -

# --- unusable input: exit 2, reason on stderr, other files still checked --
expect 2 empty "grep:$tmp/missing.txt: No such file" -- "$tmp/missing.txt"
expect 2 empty "grep:$tmp/missing.txt: No such file" -- --json "$tmp/missing.txt"
printf 'abc\0\001\002def' > "$tmp/binary"
expect 2 empty "grep:$tmp/binary: " -- "$tmp/binary"
expect 2 empty "grep:<stdin>: " -- -
# The file after the missing one is still checked; 2 wins over 1.
expect 2 "grep:T3_BALANCE" "grep:missing.txt: No such file" -- "$tmp/missing.txt" "$broken"
expect 2 empty "grep:$tmp/missing.txt: No such file" -- --previous "$tmp/missing.txt" "$clean"

# --- clean reports: exit 0 -----------------------------------------------
expect 0 "grep:^$clean: 绿园区民政局, 2020, template 2019$" empty -- "$clean"
expect 0 "grep:^  0 errors, 0 warnings, 0 infos$" empty -- "$clean"
[ "$(wc -l < "$tmp/out")" -eq 2 ] && pass "a clean report: header and summary only" ||
	fail "a clean report: header and summary only"
expect 0 "grep:^$clean2: 鲤城区人民政府临江街道办事处, 2020, template 2019$" empty -- "$clean2"
# Several files: a summary line ends on stderr (-q: none).
expect 0 "grep:^  0 errors" "line:govreport check: 2 files, 0 errors, 0 warnings, 0 unreadable" -- "$clean" "$clean2"
expect 0 "grep:^  0 errors" empty -- -q "$clean" "$clean2"
stdin=$clean
expect 0 "grep:^<stdin>: 绿园区民政局" empty -- -
stdin=/dev/null

# --- a planted error: 本年新收 自然人 0 → 3 breaks 表三's 勾稽关系 -----------
expect 1 "grep:^  L109  error    T3_BALANCE +表三 自然人列" empty -- "$broken"
expect 1 "grep:^  L[0-9]+ +error +T3_ROW_TOTAL +表三" empty -- "$broken"
expect 1 "grep:^  2 errors, 0 warnings, [0-9]+ infos?$" empty -- "$broken"
# Each diagnostic line: line ("L<n>" or "-"), severity, code, message.
if grep -v '^  [0-9]* error' "$tmp/out" | sed 1d |
	grep -Evq '^  (L[0-9]+|-) +(error|warning|info) +[A-Z0-9_]+  .'; then
	fail "diagnostic lines are: line, severity, code, message"
else
	pass "diagnostic lines are: line, severity, code, message"
fi
stdin=$broken
expect 1 "grep:^<stdin>: .*" empty -- -
stdin=/dev/null

# --lang en: the same findings, messages in English (no Han character in a
# diagnostic line; the header keeps the organ's name).
expect 1 "grep:T3_BALANCE +table 3" empty -- --lang en "$broken"
text_assert "--lang en: diagnostic lines in English" '
assert len(lines) == 5, lines
assert han(lines[0]), lines[0]
assert not any(han(line) for line in lines[1:]), lines
'
expect 1 "grep:T3_BALANCE +表三" empty -- "$broken"
text_assert "default: diagnostic lines in Chinese" '
assert all(han(line) for line in lines[1:-1]), lines
'

expect 1 "grep:T3_BALANCE +表三" empty -- --lang zh "$broken"

# --- --json with one file: the library's object, nothing else -------------
expect 1 "grep:^\\{\"diagnostics\":" empty -- --json "$broken"
json_assert "--json: one object, its keys and counts" '
assert len(docs) == 1, len(docs)
d = docs[0]
assert list(d) == ["diagnostics", "errors", "warnings", "infos"], list(d)
sev = [x["severity"] for x in d["diagnostics"]]
assert d["errors"] == sev.count("error") == 2, d
assert d["warnings"] == sev.count("warning"), d
assert d["infos"] == sev.count("info"), d
codes = [x["code"] for x in d["diagnostics"] if x["severity"] == "error"]
assert sorted(codes) == ["T3_BALANCE", "T3_ROW_TOTAL"], codes
b = [x for x in d["diagnostics"] if x["code"] == "T3_BALANCE"][0]
assert (b["section"], b["row"], b["column"], b["line"]) == \
    ("applications", "new_received", "natural_person", 109), b
assert sorted((b["expected"], b["actual"])) == [0, 3], b
assert han(b["message"]), b["message"]
'
cp "$tmp/out" "$tmp/broken.json"
expect 1 "grep:table 3" empty -- --json --lang en "$broken"
json_assert "--json --lang en: English messages" '
assert len(docs) == 1
for x in docs[0]["diagnostics"]:
    assert x["message"] and not han(x["message"]), x
'
expect 0 "grep:\"errors\":0" empty -- --json "$clean"
json_assert "--json: a clean report" '
assert docs == [{"diagnostics": [], "errors": 0, "warnings": 0, "infos": 0}], docs
'
cp "$tmp/out" "$tmp/clean.json"

# --- JSON Lines: several files, one object per line, "file" first, in order
expect 1 nonempty "line:govreport check: 3 files, 2 errors, 0 warnings, 0 unreadable" -- --json "$broken" "$clean" "$next"
printf '%s\n' "$broken" "$clean" "$next" > "$tmp/names"
json_assert "--json with 3 files: JSON Lines in input order" '
assert len(docs) == 3, len(docs)
assert [d["file"] for d in docs] == names, [d["file"] for d in docs]
for d in docs:
    assert list(d) == ["file", "diagnostics", "errors", "warnings", "infos"], list(d)
assert [d["errors"] for d in docs] == [2, 0, 0], [d["errors"] for d in docs]
# The rest of each line is what --json gives for that file alone.
single = json.load(open(os.path.join(os.path.dirname(sys.argv[1]), "broken.json"), encoding="utf-8"))
rest = dict(docs[0]); del rest["file"]
assert rest == single, "line 1 differs from check --json FILE"
'
# An unusable file in the middle: no line for it, the others in order.
printf '%s\n' "$clean" "$broken" > "$tmp/names"
expect 2 nonempty "grep:missing.txt: No such file" -- --json "$clean" "$tmp/missing.txt" "$broken"
text_assert "--json with a missing file: its message, then the summary" '
err = open(os.path.join(os.path.dirname(sys.argv[1]), "err"), encoding="utf-8").read()
e = err.split("\n")
assert len(e) == 3 and e[2] == "", e
assert e[0].startswith("govreport check: ") and e[0].endswith("/missing.txt: No such file or directory"), e
assert e[1] == "govreport check: 3 files, 2 errors, 0 warnings, 1 unreadable", e
'
json_assert "--json with a missing file: a line per usable file" '
assert [d["file"] for d in docs] == names, [d["file"] for d in docs]
assert [d["errors"] for d in docs] == [0, 2], docs
'
# A file name that needs escaping, and bytes that are not UTF-8.
odd=$(printf '%s/a"b\\c\td\377e.txt' "$tmp")
cp "$clean" "$odd"
expect 0 nonempty "line:govreport check: 2 files, 0 errors, 0 warnings, 0 unreadable" -- --json "$odd" "$clean"
json_assert "--json: file names are escaped, invalid UTF-8 replaced" '
assert len(docs) == 2, len(docs)
assert docs[0]["file"].endswith("/a\"b\\c\td\ufffde.txt"), repr(docs[0]["file"])
'

# --- human output for several files: grouped, in order, blank line between
expect 1 nonempty "line:govreport check: 3 files, 2 errors, 0 warnings, 0 unreadable" -- "$clean" "$broken" "$clean2"
printf '%s\n' "$clean" "$broken" "$clean2" > "$tmp/names"
text_assert "several files: a group each, in order, separated by a blank line" '
groups = "\n".join(lines).split("\n\n")
assert len(groups) == 3, groups
for name, group in zip(names, groups):
    g = group.split("\n")
    assert g[0].startswith(name + ": "), g[0]
    assert g[-1].startswith("  ") and " error" in g[-1] and g[-1].endswith(("infos", "info")), g[-1]
assert all(g.startswith("  ") for group in groups for g in group.split("\n")[1:]), groups
'


# --- --previous: consecutive years, XY_CARRYOVER ---------------------------
expect 0 "grep:compared with $prev" empty -- --previous "$prev" "$next"
expect 1 "grep:^  L[0-9]+ +error +XY_CARRYOVER" empty -- --previous "$prev" "$clean"
expect 1 nonempty empty -- --json --previous "$prev" "$clean"
json_assert "--previous: XY_CARRYOVER per column" '
d = docs[0]
xy = [x for x in d["diagnostics"] if x["code"] == "XY_CARRYOVER"]
assert sorted(x["column"] for x in xy) == ["natural_person", "total"], xy
assert all(x["severity"] == "error" and x["row"] == "carried_over" for x in xy), xy
assert all(sorted((x["expected"], x["actual"])) == [0, 2] for x in xy), xy
assert d["errors"] == 2, d
'
# One previous report for several files, each compared with it.
expect 1 nonempty "line:govreport check: 2 files, 2 errors, 0 warnings, 0 unreadable" -- --json --previous "$prev" "$next" "$clean"
json_assert "--previous with two files" '
assert [sum(x["code"] == "XY_CARRYOVER" for x in d["diagnostics"]) for d in docs] == [0, 2], docs
'
# Not consecutive years: said on stderr, exit 2, the findings still shown.
expect 2 "grep:T3_BALANCE" "grep:cannot compare with" -- --previous "$clean" "$broken"

# --- XY_ORGAN: the previous report names another organ ----------------------
"$govreport" parse "$prev" > "$tmp/prev.json"
"$govreport" parse "$next" > "$tmp/next.json"
sed 's/"organ":"绿园区民政局"/"organ":"朝阳区民政局"/' "$tmp/next.json" > "$tmp/other-organ.json"
sed 's/"organ":"绿园区民政局"/"organ":"绿园区 民政局"/' "$tmp/next.json" > "$tmp/spaced-organ.json"
sed 's/"organ":"绿园区民政局"/"organ":null/' "$tmp/next.json" > "$tmp/no-organ.json"
sed 's/"organ":"绿园区民政局"/"organ":null/' "$tmp/prev.json" > "$tmp/prev-no-organ.json"
expect 0 "grep:^  -  +warning +XY_ORGAN" empty -- --previous "$prev" "$tmp/other-organ.json"
expect 0 nonempty empty -- --json --lang en --previous "$tmp/prev.json" "$tmp/other-organ.json"
json_assert "--previous of another organ: one XY_ORGAN warning, carry-over still checked" '
xy = [x for x in docs[0]["diagnostics"] if x["code"] == "XY_ORGAN"]
assert len(xy) == 1 and xy[0]["severity"] == "warning", xy
assert "绿园区民政局" in xy[0]["message"] and "朝阳区民政局" in xy[0]["message"], xy
assert docs[0]["warnings"] == 1, docs[0]
'
expect 0 "nogrep:XY_ORGAN" empty -- --previous "$prev" "$tmp/spaced-organ.json"
expect 0 "nogrep:XY_ORGAN" empty -- --previous "$prev" "$tmp/no-organ.json"
expect 0 "nogrep:XY_ORGAN" empty -- --previous "$tmp/prev-no-organ.json" "$tmp/other-organ.json"
expect 0 "nogrep:XY_ORGAN" empty -- --previous "$prev" --disable XY_ORGAN "$tmp/other-organ.json"

# --- a report's own JSON is checked like its text --------------------------
"$govreport" parse "$broken" > "$tmp/broken-report.json"
expect 1 "grep:T3_BALANCE" empty -- "$tmp/broken-report.json"
expect 0 "grep:^$tmp/next.json: 绿园区民政局, 2020" empty -- "$tmp/next.json"
expect 0 "nogrep:SECTION_MISSING|TEMPLATE_UNKNOWN" empty -- "$tmp/next.json"

# --- --disable and --severity ----------------------------------------------
expect 1 nonempty empty -- --json --disable T3_ROW_TOTAL "$broken"
json_assert "--disable drops a code" '
codes = [x["code"] for x in docs[0]["diagnostics"]]
assert "T3_ROW_TOTAL" not in codes and "T3_BALANCE" in codes, codes
assert docs[0]["errors"] == 1, docs[0]
'
expect 0 "nogrep:XY_CARRYOVER" empty -- --previous "$prev" --disable XY_CARRYOVER "$clean"
expect 0 nonempty empty -- --json --severity T3_BALANCE=warning --severity T3_ROW_TOTAL=info "$broken"
json_assert "--severity changes severities" '
sev = {x["code"]: x["severity"] for x in docs[0]["diagnostics"]}
assert sev["T3_BALANCE"] == "warning" and sev["T3_ROW_TOTAL"] == "info", sev
assert docs[0]["errors"] == 0 and docs[0]["warnings"] >= 1, docs[0]
'
expect 1 "grep:error +PUBLISHED_LATE" empty -- --deadline 01-05 --severity PUBLISHED_LATE=error "$clean2"

# --- --deadline --------------------------------------------------------------
expect 0 "nogrep:PUBLISHED_LATE" empty -- "$clean2"
expect 0 "grep:^  - +warning +PUBLISHED_LATE" empty -- --deadline 01-05 "$clean2"
expect 0 "grep:^  0 errors, 1 warning, 0 infos$" empty -- --deadline 1-5 "$clean2"

# --- the other validation flags are accepted --------------------------------
expect 1 "grep:T3_BALANCE" empty -- --blank-as-zero --infer --detail "$broken"
expect 0 nonempty empty -- --blank-as-zero --infer --detail --json "$clean"

# --- many files: -j N ----------------------------------------------------------
# The same stdout, stderr (messages in input order, then the summary) and
# exit status for any N, over the seeds and the check files three times,
# with unusable files among them.
all=("$data"/seeds/*.txt "$data"/check/*/input.txt)
many=("${all[@]}" "$tmp/missing.txt" "${all[@]}" "$tmp/binary" "${all[@]}")
# same_for_any_jobs NAME WANT_STATUS ARGS...
same_for_any_jobs() {
	local name=$1 want=$2 got ok jobs
	shift 2
	"$govreport" check "$@" < /dev/null > "$tmp/ref.out" 2> "$tmp/ref.err"
	got=$?
	if [ "$got" -eq "$want" ] && [ -s "$tmp/ref.out" ]; then
		pass "check $name: exit $want without -j"
	else
		cp "$tmp/ref.out" "$tmp/out"; cp "$tmp/ref.err" "$tmp/err"
		fail "check $name: exit $got without -j (want $want)"
	fi
	for jobs in 1 2 4 0; do
		"$govreport" check -j "$jobs" "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"
		got=$?
		ok=1
		[ "$got" -eq "$want" ] || ok=0
		cmp -s "$tmp/ref.out" "$tmp/out" || ok=0
		cmp -s "$tmp/ref.err" "$tmp/err" || ok=0
		if [ "$ok" -eq 1 ]; then
			pass "check -j $jobs $name: same stdout, stderr and exit status"
		else
			fail "check -j $jobs $name: exit $got, stdout or stderr differs"
		fi
	done
}
same_for_any_jobs "(${#many[@]} files)" 2 "${many[@]}"
cp "$tmp/ref.err" "$tmp/many.err"
same_for_any_jobs "--json (${#many[@]} files)" 2 --json "${many[@]}"
same_for_any_jobs "--json --lang en --previous" 2 --json --lang en --previous "$prev" "${many[@]}"
same_for_any_jobs "--previous --infer --detail" 2 --previous "$prev" --infer --detail "${all[@]}" "${all[@]}"
same_for_any_jobs "--disable --severity --deadline" 1 --disable T3_ROW_TOTAL \
	--severity CELL_BLANK=error --deadline 01-05 "${all[@]}" "${all[@]}"
same_for_any_jobs "(clean files only)" 0 --json "$clean" "$clean2" "$next" "$clean" "$clean2" "$next"
same_for_any_jobs "--json (one file)" 1 --json "$broken"

# Not a terminal: the unusable files' messages in input order, then the
# summary, and no progress line.
if [ "$(wc -l < "$tmp/many.err")" -eq 3 ] &&
	[ "$(sed -n 1p "$tmp/many.err")" = "govreport check: $tmp/missing.txt: No such file or directory" ] &&
	sed -n 2p "$tmp/many.err" | grep -q "^govreport check: $tmp/binary: " &&
	sed -n 3p "$tmp/many.err" | grep -Eq "^govreport check: $((${#many[@]})) files, [0-9]+ errors, [0-9]+ warnings, 2 unreadable$" &&
	! grep -q "$(printf '\r')" "$tmp/many.err"; then
	pass "check -j N: messages in input order, then the summary"
else
	cp "$tmp/many.err" "$tmp/err"
	fail "check -j N: messages in input order, then the summary"
fi

# -j with one file: no summary; -q: none either; --jobs=N.
expect 1 "grep:T3_BALANCE" empty -- -j 4 "$broken"
expect 1 nonempty empty -- -q -j 2 "$broken" "$clean"
expect 1 nonempty "line:govreport check: 2 files, 2 errors, 0 warnings, 0 unreadable" -- --jobs=3 --json "$broken" "$clean"
expect 1 nonempty empty -- --json --jobs 0 "$broken"
if cmp -s "$tmp/broken.json" "$tmp/out"; then
	pass "check --json --jobs 0 FILE: the same object as without"
else
	fail "check --json --jobs 0 FILE: the same object as without"
fi

# Bad values of -j: usage errors, nothing checked.
for bad in x -1 257 2x ""; do
	expect 2 empty "grep:-j takes a number of threads from 0 to 256, not '$bad'" -- -j "$bad" "$clean" "$broken"
done
expect 2 empty "grep:-j takes a number" -- --jobs=many "$clean"
expect 2 empty "grep:option '-j' needs a value" -- "$clean" -j

# The progress line on a terminal only (script(1) gives one); stdout the same.
if command -v script > /dev/null; then
	printf -v cmd '%q ' "$govreport" check -j 2 "${many[@]}"
	script -qec "$cmd > '$tmp/tty-out' 2> /dev/tty" /dev/null > "$tmp/tty" 2>&1 < /dev/null
	"$govreport" check "${many[@]}" > "$tmp/out" 2> /dev/null
	n=${#many[@]}
	if grep -Eq "\[[0-9]+/$n\] +[0-9]+%" "$tmp/tty" && grep -q "$n files, " "$tmp/tty"; then
		pass "check -j 2 on a terminal: a progress line and the summary"
	else
		fail "check -j 2 on a terminal: a progress line and the summary"
	fi
	if cmp -s "$tmp/out" "$tmp/tty-out"; then
		pass "check -j 2 on a terminal: the same stdout"
	else
		fail "check -j 2 on a terminal: the same stdout"
	fi
	printf -v cmd '%q ' "$govreport" check "$broken"
	script -qec "$cmd > /dev/null 2> /dev/tty" /dev/null > "$tmp/tty" 2>&1 < /dev/null
	if [ ! -s "$tmp/tty" ]; then
		pass "check FILE on a terminal: no progress line for one file"
	else
		fail "check FILE on a terminal: no progress line for one file"
	fi
else
	echo "ok - progress line # SKIP no script(1)"
fi

# --- a full disk: the tool notices its output was lost ----------------------
if [ -w /dev/full ]; then
	"$govreport" check "$broken" > /dev/full 2> "$tmp/err"
	status=$?
	: > "$tmp/out"
	if [ "$status" -eq 2 ] && grep -q "cannot write output" "$tmp/err"; then
		pass "check > /dev/full: exit 2"
	else
		fail "check > /dev/full: exit $status"
	fi
	"$govreport" check -j 4 "${many[@]}" > /dev/full 2> "$tmp/err"
	status=$?
	if [ "$status" -eq 2 ] && grep -q "cannot write output" "$tmp/err"; then
		pass "check -j 4 FILE... > /dev/full: exit 2, the batch stops"
	else
		fail "check -j 4 FILE... > /dev/full: exit $status"
	fi
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
