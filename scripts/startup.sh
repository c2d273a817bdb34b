#!/usr/bin/env bash
# startup.sh [RUNS] [SESSIONS] — start-up time of the app with SESSIONS
# (default 1,000) sessions in its database (the example workshop, stored by scripts/startupfill) against a bare Fyne window (scripts/barewindow), both measured to
# the mapped window under Xvfb with scripts/screenshot.sh, alternately, RUNS
# times each (default 7). Prints every run, the medians and the ratio; the
# goal is within 1.3× with 1,000 sessions and 1.1× with 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
runs=${1:-7}
n=${2:-1000}
goal=1.30
[ "$n" -lt 10000 ] || goal=1.10
mkdir -p bin out/startup
app=${APP:-bin/lupauspaja} # APP=another build of the app, to compare two versions
[ -n "${APP:-}" ] || go build -o bin/lupauspaja ./cmd/lupauspaja
go build -o bin/barewindow ./scripts/barewindow
go build -o bin/startupfill ./scripts/startupfill

db=out/startup/$n.db
count=$(bin/lupauspaja list --db "$db" 2>/dev/null | wc -l || echo 0)
if [ "$count" -ne "$n" ]; then
	echo "filling $db with $n sessions (once)…"
	rm -f "$db" "$db"-wal "$db"-shm
	bin/startupfill "$db" workshop/fixture/testdata/nordrahti.json "$n"
fi
echo "sessions in $db: $(bin/lupauspaja list --db "$db" | wc -l)"

measure() { # prints the milliseconds to the mapped window
	scripts/screenshot.sh "out/startup/$1.png" --wait 0.3 -- "${@:2}" | sed -n 's/^window mapped after \([0-9]*\) ms$/\1/p'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One warm-up each, so that both start from a warm file cache.
measure bare bin/barewindow >/dev/null
measure app "$app" --db "$db" >/dev/null
bare=(); appt=()
for i in $(seq "$runs"); do
	b=$(measure bare bin/barewindow); a=$(measure app "$app" --db "$db")
	echo "run $i: bare window $b ms, Lupauspaja $a ms"
	bare+=("$b"); appt+=("$a")
done
mb=$(printf '%s\n' "${bare[@]}" | median)
ma=$(printf '%s\n' "${appt[@]}" | median)
echo "median: bare window $mb ms, Lupauspaja with $n sessions $ma ms, ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a/b}') (goal ≤ $goal)"
