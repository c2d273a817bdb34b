#!/usr/bin/env bash
# fuzz.sh [TIME] — runs every Fuzz target of the project for TIME each (default 20s).
# Crashers the fuzzer finds are kept under the package's testdata/fuzz/ and run
# as regression cases by the ordinary tests from then on: commit them with the fix.
# Every target runs even when an earlier one fails; the script fails at the end
# and lists the new crashers.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
t=${1:-20s}
failed=()
pkgs=$(go list ./...) || exit 1
for pkg in $pkgs; do
	dir=$(go list -f '{{.Dir}}' "$pkg") || exit 1
	for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
		echo "fuzz: $pkg $f ($t)"
		# Go's fuzzer sometimes ends a run with "context deadline exceeded"
		# and no crasher when the time is up while a worker is between
		# inputs: that is the engine's timing, not a failure of ours, so the
		# target runs again (up to three times). A real crash leaves its input
		# under testdata/fuzz and fails at once.
		for try in 1 2 3; do
			out=$(go test -tags ci -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 1s "$pkg" 2>&1)
			rc=$?
			echo "$out" | grep -v 'fuzz: elapsed:'
			[ $rc = 0 ] && break
			new=$(git status --porcelain --untracked-files=all -- "$dir/testdata/fuzz" 2>/dev/null)
			if [ $try -lt 3 ] && [ -z "$new" ] && echo "$out" | grep 'context deadline exceeded' >/dev/null; then
				echo "fuzz: $f: the fuzzer's time ran out between inputs, no crasher; running it again"
				continue
			fi
			failed+=("$pkg $f")
			break
		done
	done
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]}" >&2
	echo "fuzz: new crashers (commit them as regression cases with the fix):" >&2
	git status --porcelain --untracked-files=all -- '*testdata/fuzz/*' >&2
	exit 1
fi
