#!/bin/bash
# The manual page agrees with the tool: every option that `govreport
# --help` and each command's --help list is in examples/govreport.1, every
# command has its section there, and `man -l` renders it without warnings
# (when man is installed).
#
# Usage: check-man.sh GOVREPORT MANPAGE
set -uo pipefail

govreport=$1
page=$2
failures=0
passes=0

# The text of a part of the page (from the line matching $1 to the next
# .SS or .SH) as a reader sees the option names: roff's \- as -, font
# escapes dropped.
part() {
	awk -v start="$1" '$0 ~ start { on = 1; print; next }
		on && /^\.S[SH] / { on = 0 } on' "$page" |
		sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g'
}

# The options in a help text: on each line of the Options section that
# starts with a dash, every -x and --long-name.
options_of() {
	sed -n '/^Options:/,/^$/p' | grep -E '^  +-' |
		grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' | sed 's/^[ ,]*//' | sort -u
}

check_options() {
	local what=$1 help=$2 text=$3 opts
	opts=$(printf '%s\n' "$help" | options_of)
	if [ -z "$opts" ]; then
		failures=$((failures + 1))
		echo "not ok - $what: no options found in --help"
		return
	fi
	for opt in $opts; do
		if grep -qE -- "(^|[^A-Za-z-])$opt([^A-Za-z-]|\$)" <<< "$text"; then
			passes=$((passes + 1))
		else
			failures=$((failures + 1))
			echo "not ok - $what: option $opt of --help is not in its part of the manual page"
		fi
	done
	echo "ok - $what: $(echo $opts)"
}

check_options "govreport --help" "$("$govreport" --help)" "$(part '^\.SH OPTIONS')"
commands=$("$govreport" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || { echo "not ok - no commands in govreport --help"; exit 1; }
for cmd in $commands; do
	if grep -q "^\.SS \"govreport $cmd " "$page"; then
		passes=$((passes + 1))
	else
		failures=$((failures + 1))
		echo "not ok - govreport $cmd has no section (.SS) in the manual page"
	fi
	check_options "govreport $cmd --help" "$("$govreport" "$cmd" --help)" \
		"$(part "^\\.SS \"govreport $cmd ")"
done

if command -v man > /dev/null && command -v groff > /dev/null; then
	out=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>&1 > /dev/null)
	rendered=$(MANWIDTH=80 LC_ALL=C.UTF-8 man -l "$page" 2> /dev/null)
	if [ -z "$out" ] && grep -q 'govreport parse' <<< "$rendered"; then
		passes=$((passes + 1))
		echo "ok - man -l renders the page without warnings"
	else
		failures=$((failures + 1))
		echo "not ok - man -l: $out"
	fi
else
	echo "ok - man -l # SKIP man or groff not installed"
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
