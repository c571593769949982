#!/bin/bash
# The embedding examples (examples/embed/) run as a CMS plugin runs them:
# the Java program through JNA, the PHP one through its FFI extension, on
# the library just built (GOVREPORT_LIBRARY). Each must
#   - check a report with errors (tests/data/check/t3-balance/input.txt: 自然人
#     of 本年新收 changed to 3), exit 1 and print the annotated page the
#     tool prints (`govreport render --to html --annotate`), byte for byte:
#     T3_BALANCE among its notes, the changed cell marked as an error and
#     holding 3;
#   - check a clean seed, exit 0 and print the tool's page, with its
#     figures in their cells (its .expected.json says which);
#   - refuse an empty file and a missing one with exit status 2 and the
#     reason on standard error.
#
# Usage: check-embed.sh java|php GOVREPORT EMBED_DIR DATA_DIR
# Environment: GOVREPORT_LIBRARY (required); JNA_JAR (default Debian's
# /usr/share/java/jna.jar).
# Exit status 77 (skipped, the reason printed) when the language's runtime
# is not installed; .ci/run installs them (default-jdk-headless,
# libjna-java, php-cli).
set -uo pipefail

language=$1
govreport=$2
embed=$3
data=$4
skip=77

case $language in
java)
	jar=${JNA_JAR:-/usr/share/java/jna.jar}
	if ! command -v java >/dev/null; then
		echo "check-embed: no java (Debian: default-jdk-headless); skipped"
		exit $skip
	fi
	if [ ! -r "$jar" ]; then
		echo "check-embed: no JNA at $jar (Debian: libjna-java); skipped"
		exit $skip
	fi
	# Java 11 and later run a single source file as it is.
	run=(java -cp "$jar" "$embed/CheckReport.java")
	;;
php)
	if ! command -v php >/dev/null; then
		echo "check-embed: no php (Debian: php-cli); skipped"
		exit $skip
	fi
	if ! probe=$(php -d ffi.enable=1 -r 'exit(extension_loaded("FFI") ? 0 : 1);' 2>&1); then
		# PHP opens its extensions (FFI is one) with RTLD_DEEPBIND, which
		# the AddressSanitizer runtime of a sanitizer build refuses.
		if grep -q RTLD_DEEPBIND <<< "$probe"; then
			echo "check-embed: php cannot load extensions under AddressSanitizer" \
				"(RTLD_DEEPBIND); skipped in this build, run in the others"
		else
			echo "check-embed: php has no FFI extension; skipped"
		fi
		exit $skip
	fi
	run=(php -d ffi.enable=1 "$embed/check_report.php")
	;;
*)
	echo "usage: check-embed.sh java|php GOVREPORT EMBED_DIR DATA_DIR" >&2
	exit 2
	;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

ok() {
	passes=$((passes + 1))
	echo "ok - $1"
}

not_ok() {
	failures=$((failures + 1))
	echo "not ok - $1"
}

# check NAME FILE STATUS: the program's exit status and page against the
# tool's; the page is left in $tmp/page.html.
check() {
	local name=$1 file=$2 want=$3 status
	"${run[@]}" "$file" > "$tmp/page.html" 2> "$tmp/stderr"
	status=$?
	if [ "$status" -eq "$want" ]; then
		ok "$name: exit status $status"
	else
		not_ok "$name: exit status $status, not $want"
		sed 's/^/# /' "$tmp/stderr"
	fi
	"$govreport" render --to html --annotate "$file" > "$tmp/tool.html"
	if [ -s "$tmp/page.html" ] && cmp -s "$tmp/page.html" "$tmp/tool.html"; then
		ok "$name: the page is the one govreport render --annotate prints"
	else
		not_ok "$name: the page ($(wc -c < "$tmp/page.html") bytes) differs from the tool's"
	fi
}

# has NAME TEXT: the last page holds TEXT.
has() {
	if grep -qF -- "$2" "$tmp/page.html"; then
		ok "$1"
	else
		not_ok "$1: no $2 in the page"
	fi
}

bad=$data/check/t3-balance/input.txt
check "$language: a report with errors" "$bad" 1
has "$language: T3_BALANCE is a note" "<code>T3_BALANCE</code>"
has "$language: the changed cell is marked as an error" \
	'<td data-section="applications" data-row="new_received" data-column="natural_person" class="gr-error" title="['
if grep -qE 'data-row="new_received" data-column="natural_person" class="gr-error" title="[^"]*">3<sup' \
	"$tmp/page.html"; then
	ok "$language: the marked cell shows 3"
else
	not_ok "$language: the marked cell does not show 3"
fi

seed=$data/seeds/002_c3fcc36b9cf6fff1
check "$language: a clean report" "$seed.txt" 0
decisions=$(sed -n '/"licensing"/,/}/s/.*"decisions": \([0-9]*\).*/\1/p' "$seed.expected.json")
has "$language: 行政许可 处理决定数量 holds $decisions" \
	"data-row=\"licensing\" data-column=\"decisions\">$decisions</td>"
if grep -q 'class="gr-error"' "$tmp/page.html"; then
	not_ok "$language: a clean report has a cell marked as an error"
else
	ok "$language: no cell of a clean report is marked as an error"
fi

: > "$tmp/empty.txt"
"${run[@]}" "$tmp/empty.txt" > "$tmp/page.html" 2> "$tmp/stderr"
status=$?
if [ "$status" -eq 2 ] && [ ! -s "$tmp/page.html" ] &&
	grep -qF "$tmp/empty.txt: input is empty" "$tmp/stderr"; then
	ok "$language: an empty file: exit status 2, the library's reason"
else
	not_ok "$language: an empty file: exit status $status, stderr: $(head -c 300 "$tmp/stderr")"
fi
"${run[@]}" "$tmp/missing.txt" > "$tmp/page.html" 2> "$tmp/stderr"
status=$?
if [ "$status" -eq 2 ] && [ ! -s "$tmp/page.html" ] &&
	grep -qF "$tmp/missing.txt: cannot read it" "$tmp/stderr"; then
	ok "$language: a missing file: exit status 2"
else
	not_ok "$language: a missing file: exit status $status, stderr: $(head -c 300 "$tmp/stderr")"
fi

echo "check-embed $language: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
