#!/bin/bash
# The govreport tool on PDF files (SPEC §2 item 16): it runs poppler's
# `pdftotext -bbox-layout FILE -` as a separate program (examples/cli/pdf.c)
# and parses what it writes. The fixtures are made by
# tests/fixtures/make-pdf.sh: a seed rendered and converted by LibreOffice,
# and a page holding only an image (no text layer: needs OCR).
#
# Without pdftotext only the check that its absence is reported runs, and
# the test is skipped (exit 77): install poppler-utils to run the rest.
#
# Usage: cli-pdf-test.sh GOVREPORT PDF_DIR (tests/data/pdf: <case>/input.pdf)
set -uo pipefail

govreport=$1
dir=$2
case $govreport in /*) ;; *) govreport=$PWD/$govreport ;; esac
seed=001_ebc51afa85553e39
pdf=$dir/$seed/input.pdf
expected=$dir/$seed/expected.json
scan=$dir/scan/input.pdf
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-pdf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

report() {
	if [ "$1" -eq 1 ]; then
		passes=$((passes + 1))
		echo "ok - $2"
	else
		failures=$((failures + 1))
		echo "not ok - $2"
		sed 's/^/  stdout: /' "$tmp/out" | head -5
		sed 's/^/  stderr: /' "$tmp/err" | head -5
	fi
}

# expect STATUS STDOUT_CHECK STDERR_CHECK -- ARGS... (stdin from $stdin,
# the environment changed by $envs, words for env(1)).
# *_CHECK: "empty", "nonempty", or "grep:PATTERN".
stdin=/dev/null
envs=()
expect() {
	local want=$1 out_check=$2 err_check=$3
	shift 4
	env ${envs[@]+"${envs[@]}"} "$govreport" "$@" < "$stdin" > "$tmp/out" 2> "$tmp/err"
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
	report "$ok" "${envs[*]-} govreport $* < $stdin: exit $got (want $want, stdout $out_check, stderr $err_check)"
}

# No pdftotext on PATH: refused, naming the package to install (this needs
# no poppler). The tool is run by its full path, so an empty PATH is fine.
mkdir "$tmp/nobin"
envs=("PATH=$tmp/nobin")
expect 2 empty "grep:poppler-utils" -- parse "$pdf"
expect 2 empty "grep:poppler-utils" -- check "$pdf"
stdin=$pdf
expect 2 empty "grep:<stdin>: .*poppler-utils" -- parse -
stdin=/dev/null
envs=()

if ! command -v pdftotext > /dev/null; then
	echo "# pdftotext not found: install poppler-utils to run the other checks"
	[ "$failures" -eq 0 ] && exit 77
	exit 1
fi

if [ "${GOVREPORT_TEST_READS_HTML:-1}" = 1 ]; then
	# The LibreOffice PDF: the seed's report, every key of its expected JSON
	# (the PDF also has the prose, which that file predates; a blank cell of
	# the seed is a missing one here: a PDF does not show an empty cell).
	expect 0 "grep:^{\"format\":\"govreport-1\"" empty -- parse "$pdf"
	cp "$tmp/out" "$tmp/pdf.json"
	expect 0 "grep:^{\"format\":\"govreport-1\"" empty -- parse --format pdf "$pdf"
	cmp -s "$tmp/out" "$tmp/pdf.json"
	report $((! $?)) "parse --format pdf $pdf: as detected"
	if command -v python3 > /dev/null; then
		python3 - "$tmp/pdf.json" "$expected" > "$tmp/out" 2> "$tmp/err" <<-'PY'
	import json, sys
	got = json.load(open(sys.argv[1], encoding="utf-8"))
	want = json.load(open(sys.argv[2], encoding="utf-8"))
	bad = [key for key in want if got.get(key) != want[key]]
	sys.exit("keys that differ: %s" % bad if bad else 0)
	PY
		report $((! $?)) "parse $pdf: every key of $expected"
	fi
	# The tables alone, as render writes them, without python3.
	"$govreport" render --to csv "$pdf" > "$tmp/pdf.csv" 2> "$tmp/err"
	"$govreport" render --to csv "$expected" > "$tmp/want.csv" 2>> "$tmp/err"
	diff -u "$tmp/want.csv" "$tmp/pdf.csv" > "$tmp/out"
	report $((! $?)) "render --to csv $pdf: the tables of $expected"

	# Standard input (a file, and a pipe): copied to a temporary file for
	# pdftotext; the same report.
	stdin=$pdf
	expect 0 nonempty empty -- parse -
	cmp -s "$tmp/out" "$tmp/pdf.json"
	report $((! $?)) "parse - < $pdf: the same JSON as the file's"
	cat "$pdf" | "$govreport" parse > "$tmp/out" 2> "$tmp/err"
	cmp -s "$tmp/out" "$tmp/pdf.json"
	report $((! $?)) "cat $pdf | govreport parse: the same JSON as the file's"
	stdin=/dev/null
	# A file name that pdftotext would take for an option.
	cp "$pdf" "$tmp/-report.pdf"
	(cd "$tmp" && "$govreport" parse -- -report.pdf > out 2> err)
	cmp -s "$tmp/out" "$tmp/pdf.json"
	report $((! $?)) "parse -- -report.pdf: the same JSON as $pdf's"
	# check and render read PDFs too; several at once, in threads.
	expect 0 "grep:^$pdf: " empty -- check "$pdf"
	expect 0 "grep:<table" empty -- render --to html "$pdf"
	expect 0 "grep:\"file\":\"$pdf\"" "grep:2 files" -- parse --jsonl -j 2 "$pdf" "$pdf"
	# No temporary file left behind.
	ls "$tmp" | grep -q '^govreport-pdf\.' && ok=0 || ok=1
	report "$ok" "no temporary copy left in $tmp"
else
	# A build without HTML (meson.build's reads_env) has no reader for the
	# XHTML pdftotext makes of a PDF: named or not, it is refused with the
	# library's status, never read as text.
	unsupported="file format recognised but not read"
	expect 2 empty "grep:$unsupported" -- parse --format pdf "$pdf"
	expect 2 empty "grep:$unsupported" -- render --format pdf "$pdf"
	stdin=$pdf
	expect 2 empty "grep:<stdin>: $unsupported" -- parse --format pdf -
	stdin=/dev/null
	expect 2 empty "grep:$unsupported" -- parse "$pdf"
	expect 2 empty "grep:$unsupported" -- check "$pdf"
fi

# A PDF without a text layer (a scan): refused, saying it needs OCR.
expect 2 empty "grep:OCR" -- parse "$scan"
expect 2 empty "grep:OCR" -- check "$scan"
expect 2 empty "grep:OCR" -- render --to html "$scan"
stdin=$scan
expect 2 empty "grep:<stdin>: .*OCR" -- parse -
stdin=/dev/null
expect 2 "grep:\"error\":\".*OCR" "grep:OCR" -- parse --jsonl "$pdf" "$scan"

# A damaged PDF (cut short): pdftotext fails, and the tool says so.
head -c 4000 "$pdf" > "$tmp/cut.pdf"
expect 2 empty "grep:pdftotext could not read" -- parse "$tmp/cut.pdf"

echo "# $passes passed, $failures failed"
[ "$failures" -eq 0 ]
