#!/bin/bash
# Every report of tests/data as a PDF (tests/data/input/pdf/<case>/input.pdf,
# made by tests/fixtures/make-input.sh: the rendered page converted by
# LibreOffice) read by `govreport parse FILE.pdf`, which runs
# `pdftotext -bbox-layout FILE -` itself: the library reads text, so
# tests/test-formats.c cannot read these cases; this test does, the way
# test-formats compares: every key of the case's expected.json must equal
# the same key of the JSON the tool prints, recursively, numbers as
# written (12.3456 is not 12.34560).
#
# A case listed in tests/data/input/GAPS ("pdf/<case> reason") is not read
# in full yet: it must parse (or be refused with exit status 2, never a
# crash), every equation (T3_*, T4_*) that fails on what was read must
# fail on its expected.json too, and it must not match (when it does, the
# test says to take it off the list).
#
# Skipped (exit 77) without pdftotext (install poppler-utils) or python3,
# saying which is missing.
#
# Usage: cli-pdf-cases-test.sh GOVREPORT INPUT_DIR
set -uo pipefail

govreport=$1
dir=$2
case $govreport in /*) ;; *) govreport=$PWD/$govreport ;; esac

for tool in pdftotext python3; do
	if ! command -v "$tool" > /dev/null; then
		echo "# $tool not found: skipped (install poppler-utils and python3 to run it)"
		exit 77
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-pdf-cases.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
cases=0

report() {
	if [ "$1" -eq 1 ]; then
		passes=$((passes + 1))
		echo "ok - $2"
	else
		failures=$((failures + 1))
		echo "not ok - $2"
		sed 's/^/  /' "$tmp/why" | head -20
	fi
}

# compare EXPECTED GOT: prints the keys that differ (at most 12), exits 1
# when any does.
compare() {
	python3 - "$1" "$2" > "$tmp/why" 2>&1 <<'PY'
import json, sys

def number(text):
    return ('number', text)

def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_int=number, parse_float=number)

def show(v):
    if v is ABSENT:
        return '(absent)'
    return v[1] if isinstance(v, tuple) else json.dumps(v, ensure_ascii=False)

ABSENT = object()
bad = []

def compare(path, want, got):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            bad.append('%s: expected an object, got %s' % (path, show(got)))
            return
        for key, value in want.items():
            compare(path + ('.' if path else '') + key, value,
                    got.get(key, ABSENT))
    elif want != got:
        bad.append('%s: expected %s, got %s' % (path, show(want), show(got)))

compare('', load(sys.argv[1]), load(sys.argv[2]))
for line in bad[:12]:
    print(line)
if bad:
    print('%d mismatch(es)' % len(bad))
sys.exit(1 if bad else 0)
PY
}

# false_equations READ EXPECTED (check --json of each): prints the T3_/T4_
# diagnostics of what was read that the report itself does not have.
false_equations() {
	python3 - "$1" "$2" > "$tmp/why" 2>&1 <<'PY'
import json, sys

def equations(path):
    with open(path, encoding='utf-8') as f:
        diags = json.load(f)['diagnostics']
    return {(d['code'], d['row'], d['column']) for d in diags
            if d['code'].startswith(('T3_', 'T4_'))}

false = equations(sys.argv[1]) - equations(sys.argv[2])
for code, row, column in sorted(false, key=str):
    print('%s (%s, %s) fails on what was read, not on the report' % (code, row, column))
sys.exit(1 if false else 0)
PY
}

# A build without HTML (meson.build's reads_env) has no reader for the
# XHTML pdftotext makes of a PDF: each case, named pdf or not, must be
# refused with the library's status, never read as text.
reads_html=${GOVREPORT_TEST_READS_HTML:-1}
unsupported="file format recognised but not read"
if [ "$reads_html" != 1 ]; then
	echo "# this build reads no HTML (-Dhtml=disabled): each case must be refused"
fi

gaps=$dir/GAPS
is_gap() {
	grep -q "^pdf/$1[[:space:]]" "$gaps" 2> /dev/null
}

for case_dir in "$dir"/pdf/*/; do
	case_dir=${case_dir%/}
	name=pdf/${case_dir##*/}
	pdf=$case_dir/input.pdf
	expected=$case_dir/expected.json
	cases=$((cases + 1))
	if [ ! -f "$pdf" ] || [ ! -f "$expected" ]; then
		echo "a case is input.pdf and expected.json" > "$tmp/why"
		report 0 "$name: has input.pdf and expected.json"
		continue
	fi
	if [ "$reads_html" != 1 ]; then
		"$govreport" parse --format pdf "$pdf" > "$tmp/got.json" 2> "$tmp/why"
		status=$?
		[ "$status" -eq 2 ] && [ ! -s "$tmp/got.json" ] && grep -q "$unsupported" "$tmp/why"
		report $((! $?)) "$name: refused, named pdf (exit $status, want 2 and \"$unsupported\")"
		"$govreport" parse "$pdf" > "$tmp/got.json" 2> "$tmp/why"
		status=$?
		[ "$status" -eq 2 ] && [ ! -s "$tmp/got.json" ] && grep -q "$unsupported" "$tmp/why"
		report $((! $?)) "$name: refused, detected (exit $status, want 2 and \"$unsupported\")"
		continue
	fi
	"$govreport" parse "$pdf" > "$tmp/got.json" 2> "$tmp/err"
	status=$?
	if ! is_gap "${case_dir##*/}"; then
		if [ "$status" -ne 0 ]; then
			cp "$tmp/err" "$tmp/why"
			report 0 "$name: govreport parse exit $status (want 0)"
			continue
		fi
		compare "$expected" "$tmp/got.json"
		report $((! $?)) "$name: every key of expected.json"
		continue
	fi
	# Not read in full yet.
	if [ "$status" -eq 2 ]; then
		report 1 "$name (in GAPS): refused with exit status 2"
		continue
	elif [ "$status" -ne 0 ]; then
		cp "$tmp/err" "$tmp/why"
		report 0 "$name (in GAPS): govreport parse exit $status (want 0 or 2)"
		continue
	fi
	"$govreport" check --json "$pdf" > "$tmp/read.check" 2> "$tmp/err"
	"$govreport" check --json "$expected" > "$tmp/truth.check" 2>> "$tmp/err"
	false_equations "$tmp/read.check" "$tmp/truth.check"
	report $((! $?)) "$name (in GAPS): no equation fails on what was read only"
	compare "$expected" "$tmp/got.json"
	if [ $? -eq 0 ]; then
		echo "$name is read in full now: take it off $gaps" > "$tmp/why"
		report 0 "$name (in GAPS): does not match yet"
	else
		report 1 "$name (in GAPS): does not match yet"
	fi
done

# Every GAPS entry of the pdf shape names a case here.
for name in $(grep -o '^pdf/[^[:space:]]*' "$gaps" 2> /dev/null); do
	[ -d "$dir/$name" ]
	ok=$((! $?))
	echo "GAPS lists $name, which is not a case of $dir/pdf" > "$tmp/why"
	report "$ok" "GAPS entry $name is a case"
done

# The cases are there: one per report of tests/data (50 when written).
echo "only $cases cases under $dir/pdf" > "$tmp/why"
report $((cases >= 45)) "$cases PDF cases (want at least 45)"

echo "# $passes passed, $failures failed"
[ "$failures" -eq 0 ]
