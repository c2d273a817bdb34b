#!/usr/bin/env bash
# fuzz.sh [TIME] — runs every Fuzz target of the project for TIME each (default 20s).
# Crashers the fuzzer finds are kept under testdata/fuzz/ and run as regression
# cases by the ordinary tests from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-20s}
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
		echo "fuzz: $pkg $f ($t)"
		go test -tags ci -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 1s "$pkg"
	done
done
