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
# A Word 97 .doc: refused, with what to do about it.
printf '\320\317\021\340\241\261\032\341 an OLE2 compound file' > "$tmp/old.doc"
expect 2 empty "grep:soffice --headless --convert-to docx" -- parse "$tmp/old.doc"

# Over the size limit (64 MiB): refused as the library refuses it, a
# regular file by its size before a byte is read (a sparse file of 200 MB
# here; with GNU time, the peak memory proves it was not read), standard
# input as soon as it passes the limit.
truncate -s 200M "$tmp/huge.txt"
stdin=/dev/null
expect 2 empty "grep:$tmp/huge.txt: input is too large" -- parse "$tmp/huge.txt"
expect 2 empty "grep:$tmp/huge.txt: input is too large" -- render --to html "$tmp/huge.txt"
expect 2 empty "grep:$tmp/huge.txt: input is too large" -- check "$tmp/huge.txt"
stdin=$tmp/huge.txt
expect 2 empty "grep:<stdin>: input is too large" -- parse -
stdin=/dev/null
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null; then
	/usr/bin/time -o "$tmp/time" -f %M "$govreport" parse "$tmp/huge.txt" >/dev/null 2>&1
	kb=$(tail -1 "$tmp/time")
	if [ "${kb:-999999}" -lt 49152 ]; then
		passes=$((passes + 1))
		echo "ok - a 200 MB file is refused unread ($kb KB peak)"
	else
		failures=$((failures + 1))
		echo "not ok - a 200 MB file is refused with $kb KB peak (read?)"
	fi
fi
rm -f "$tmp/huge.txt"
if head -c 70000000 /dev/zero | "$govreport" parse - > /dev/null 2> "$tmp/err" ||
	! grep -q "<stdin>: input is too large" "$tmp/err"; then
	failures=$((failures + 1))
	echo "not ok - 70 MB on a pipe is refused"
else
	passes=$((passes + 1))
	echo "ok - 70 MB on a pipe is refused"
fi

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

# render: the official tables in four formats; shapes named with --format.
expect 0 "grep:<table class=\"govreport govreport-applications\">" empty -- render "$seed"
expect 0 "grep:^section,row,column,value,state" empty -- render --to csv "$seed"
expect 0 "grep:^| 行政许可 | 17 |" empty -- render --to markdown "$seed"
expect 0 "grep:行政许可" empty -- render --to text "$seed"
expect 0 "grep:class=\"gr-" empty -- render --to html --annotate "$seed"
expect 0 "grep:<h2>Diagnostics</h2>" empty -- render --annotate --lang en "$seed"
expect 2 empty "grep:--annotate needs --to html" -- render --to csv --annotate "$seed"
# --page: the official form's style sheet; every value cell named by ids.
expect 0 "grep:data-row=\"licensing\" data-column=\"decisions\">17</td>" empty -- render "$seed"
expect 0 "grep:^table.govreport th,table.govreport td{border:1px solid #000;" empty -- \
	render --to html --page "$seed"
expect 2 empty "grep:--page needs --to html" -- render --to markdown --page "$seed"
expect 2 empty "grep:unknown output 'pdf'" -- render --to pdf "$seed"
expect 2 empty "grep:unknown language" -- render --lang fr "$seed"
expect 2 empty "grep:unknown format 'rtf'" -- parse --format rtf "$seed"
# What this build reads (meson.build's reads_env); a build without a
# reader refuses its input, named or not, with the library's status.
unsupported="file format recognised but not read"
if [ "${GOVREPORT_TEST_READS_HTML:-1}" = 1 ]; then
	expect 2 empty "grep:input is not text" -- parse --format bbox "$seed"
else
	expect 2 empty "grep:$unsupported" -- parse --format bbox "$seed"
	expect 2 empty "grep:invalid argument" -- parse --format html "$seed"
	html=$seeds/../html/official-2021/input.html
	expect 2 empty "grep:$unsupported" -- parse "$html"
fi
docx=$seeds/../input/docx/001-simplified/input.docx
odt=$seeds/../input/odt/001-simplified/input.odt
if [ "${GOVREPORT_TEST_READS_DOCX:-1}" = 1 ]; then
	expect 0 "grep:\"template\":\"2021\"" empty -- parse --format docx "$docx"
	expect 2 empty "grep:input is not text" -- parse --format odt "$docx"
	expect 2 empty "grep:input is not text" -- parse --format docx "$seed"
else
	# A build without the docx option (libzip) refuses it, named or not.
	for file in "$docx" "$odt"; do
		expect 2 empty "grep:$unsupported" -- parse "$file"
		expect 2 empty "grep:$unsupported" -- check "$file"
	done
	expect 2 empty "grep:$unsupported" -- parse --format docx "$docx"
	expect 2 empty "grep:$unsupported" -- parse --format odt "$odt"
fi
expect 0 "grep:^Usage: govreport render" empty -- render --help
"$govreport" render --to markdown "$seed" > "$tmp/rendered.md"
"$govreport" parse "$seed" > "$tmp/from-seed.json"
stdin=$tmp/rendered.md
expect 0 "grep:锦屏县大同乡人民政府" empty -- parse --format text -
stdin=/dev/null
"$govreport" parse "$tmp/rendered.md" > "$tmp/from-md.json"
if cmp -s "$tmp/from-seed.json" "$tmp/from-md.json"; then
	passes=$((passes + 1))
	echo "ok - parse(render --to markdown) gives the seed's JSON"
else
	failures=$((failures + 1))
	echo "not ok - parse(render --to markdown) differs from the seed's JSON"
fi
# A report's JSON renders too.
expect 0 "grep:锦屏县大同乡人民政府" empty -- render --to text "$tmp/from-seed.json"

# parse --pretty; parse and check read a report's own JSON back.
expect 0 "grep:^  \"format\": \"govreport-1\",\$" empty -- parse --pretty "$seed"
"$govreport" parse "$seed" > "$tmp/r.json"
"$govreport" parse --pretty "$seed" > "$tmp/r-pretty.json"
if python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == json.load(open(sys.argv[2]))' "$tmp/r.json" "$tmp/r-pretty.json" 2> /dev/null ||
   ! command -v python3 > /dev/null; then
	passes=$((passes + 1))
else
	failures=$((failures + 1))
	echo "not ok - parse --pretty is not the same JSON as parse"
fi
for input in r.json r-pretty.json; do
	"$govreport" parse "$tmp/$input" > "$tmp/again.json"
	if cmp -s "$tmp/r.json" "$tmp/again.json"; then
		passes=$((passes + 1))
	else
		failures=$((failures + 1))
		echo "not ok - parse $input does not give the same JSON back"
	fi
done
expect 0 "grep:锦屏县大同乡人民政府, 2024, template 2021" empty -- check "$tmp/r.json"
stdin=$tmp/r.json
expect 0 "grep:\"organ\":\"锦屏县大同乡人民政府\"" empty -- parse -
stdin=/dev/null
expect 2 empty "grep:do not go together" -- parse --pretty --jsonl "$seed"
printf '{"format": "govreport-1", "template": 7}' > "$tmp/bad.json"
expect 2 empty "grep:bad.json: " -- parse "$tmp/bad.json"

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
