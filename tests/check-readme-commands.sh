#!/bin/bash
# README.md's two commands (the run command and the test command, as
# .ci/readme-command prints them), run with stand-ins for apt-get, sudo,
# meson, ninja and the built tool that record how they were called:
#   - as root on a machine without sudo (most CI images, Docker), and as a
#     user with sudo: both must work, apt-get through sudo only where
#     there is one;
#   - each in either order after the other: they configure different
#     build directories, the test command with -Dwerror=true, so neither
#     finds the other's build "already configured".
# .ci/run runs the real commands (and both orders in a fresh clone).
#
# Usage: check-readme-commands.sh SOURCEDIR
set -euo pipefail

srcdir=$1
fail() { echo "FAIL: $*" >&2; exit 1; }

run_command=$("$srcdir/.ci/readme-command" run "$srcdir/README.md")
test_command=$("$srcdir/.ci/readme-command" test "$srcdir/README.md")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govreport-readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bash_path=$(command -v bash)

# A stand-in records its name and arguments in $tmp/calls, one line each.
stub() {
	local dir=$1 name=$2 body=${3:-}
	mkdir -p "$dir"
	{
		echo "#!$bash_path"
		echo "echo \"$name \$*\" >> \"$tmp/calls\""
		echo "$body"
	} > "$dir/$name"
	chmod +x "$dir/$name"
}
# Stand-ins for the commands; sudo runs what it is given. No other program
# is on PATH: what the commands need beyond these is an error.
stub "$tmp/bin" apt-get
stub "$tmp/bin" meson 'PATH='"$PATH"'
case $1 in setup) [ -e "$2" ] && echo "Directory already configured" && exit 0; mkdir -p "$2"/examples && printf "#!%s\necho \"govreport \$*\" >> \"%s\"\n" '"$bash_path"' "'"$tmp/calls"'" > "$2/examples/govreport" && chmod +x "$2/examples/govreport" ;; esac'
stub "$tmp/bin" ninja
cp -r "$tmp/bin" "$tmp/bin-sudo"
stub "$tmp/bin-sudo" sudo '"$@"'

# run PATH_DIR COMMAND...: the commands in order, in one fresh clone (an
# empty folder: the stand-ins need no sources), with PATH_DIR alone on PATH.
run() {
	local path=$1
	shift
	rm -rf "$tmp/clone" "$tmp/calls"
	mkdir "$tmp/clone"
	: > "$tmp/calls"
	for command in "$@"; do
		(cd "$tmp/clone" && PATH=$path "$bash_path" -c "$command") > "$tmp/out" 2>&1 ||
			{ cat "$tmp/out" >&2; fail "with PATH=$path: $command"; }
		if grep -q "already configured" "$tmp/out"; then
			fail "'$command' found its build directory already configured"
		fi
	done
}

setup_dir() { # the build directory a command configures
	sed -n 's/.*meson setup \([^ ;&]*\).*/\1/p' <<<"$1"
}
run_dir=$(setup_dir "$run_command")
test_dir=$(setup_dir "$test_command")
echo "run command builds in '$run_dir', test command in '$test_dir'"
[ -n "$run_dir" ] && [ -n "$test_dir" ] || fail "a command has no 'meson setup DIR'"

for who in "root without sudo:$tmp/bin" "a user with sudo:$tmp/bin-sudo"; do
	label=${who%%:*} path=${who#*:}
	for order in run-test test-run; do
		if [ $order = run-test ]; then
			run "$path" "$run_command" "$test_command"
		else
			run "$path" "$test_command" "$run_command"
		fi
		echo "== $label, $order:"
		cat "$tmp/calls"
		# apt-get installs, through sudo exactly when there is one.
		installs=$(grep -c '^apt-get install' "$tmp/calls" || true)
		[ "$installs" -eq 2 ] || fail "$label: apt-get install ran $installs times, not 2"
		if [ "$path" = "$tmp/bin-sudo" ]; then
			[ "$(grep -c '^sudo apt-get' "$tmp/calls")" -eq "$(grep -c '^apt-get' "$tmp/calls")" ] ||
				fail "$label: apt-get ran without sudo"
		fi
		grep -q "^meson setup $test_dir .*-Dwerror=true" "$tmp/calls" ||
			fail "$label, $order: the test command's build has no -Dwerror=true"
		grep -q "^meson test -C $test_dir " "$tmp/calls" ||
			fail "$label, $order: the test command runs no tests in $test_dir"
		grep -q "^govreport parse tests/data/seeds/" "$tmp/calls" ||
			fail "$label, $order: the run command parses no sample"
	done
done
echo "both commands work as root without sudo and with sudo, in either order"
