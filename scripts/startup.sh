#!/usr/bin/env bash
# startup.sh [RUNS] [SESSIONS] — start-up time of the app with SESSIONS
# (default 1,000) sessions in its database (the example workshop, stored by
# scripts/startupfill) against a bare Fyne window (scripts/barewindow) of
# the size the app's window opens at (1366×768, ui/ui.go), the yardstick: a
# window's size is part of what it costs to map (the bare window at 1366×768
# takes about 1.09× its time at its label's size). Both run on one Xvfb display, in turn (bare, app, bare, app …),
# RUNS times each (default 15) after one warm-up each; scripts/tomapped times
# each from its start to its first mapped window (the X server's map event)
# and ends it. The ratio is taken pair by pair (each app start over the bare
# start just before it), so that it holds while the shared machine's speed
# drifts; the script prints every pair, the medians, and the median ratio
# with its range. The goal is within 1.3× with 1,000 sessions and 1.1× with
# 10,000 (docs/benchmarks-gui.md).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
runs=${1:-15}
n=${2:-1000}
goal=1.30
[ "$n" -lt 10000 ] || goal=1.10
mkdir -p bin out/startup
app=${APP:-bin/lupauspaja} # APP=another build of the app, to compare two versions
[ -n "${APP:-}" ] || go build -o bin/lupauspaja ./cmd/lupauspaja
go build -o bin/barewindow ./scripts/barewindow
go build -o bin/startupfill ./scripts/startupfill
go build -o bin/tomapped ./scripts/tomapped

db=out/startup/$n.db
count=$({ bin/lupauspaja list --db "$db" 2>/dev/null || true; } | wc -l) # no file yet: list refuses it
if [ "$count" -ne "$n" ]; then
	echo "filling $db with $n sessions (once)…"
	rm -f "$db" "$db"-wal "$db"-shm
	bin/startupfill "$db" workshop/fixture/testdata/nordrahti.json "$n"
fi
echo "sessions in $db: $(bin/lupauspaja list --db "$db" | wc -l)"

check_name=startup
# shellcheck source=scripts/xvfb-lib.sh
. scripts/xvfb-lib.sh
check_tmp
xvfb_start
# Both programs get the same empty configuration folder.
export XDG_CONFIG_HOME=$lib_tmp/config HOME=$lib_tmp/home
mkdir -p "$XDG_CONFIG_HOME" "$HOME"

measure() { # prints the milliseconds to the mapped window
	bin/tomapped "$@" 2>&1 >/dev/null | sed -n 's/^window mapped after \([0-9]*\) ms$/\1/p'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

bare_win=(bin/barewindow -size 1366x768)
measure "${bare_win[@]}" >/dev/null
measure "$app" --db "$db" >/dev/null
bare=(); appt=(); ratio=()
for i in $(seq "$runs"); do
	b=$(measure "${bare_win[@]}"); a=$(measure "$app" --db "$db")
	[ -n "$b" ] && [ -n "$a" ] || fail "run $i: a program showed no window"
	r=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')
	echo "run $i: bare window (1366×768) $b ms, Lupauspaja $a ms, ratio $r"
	bare+=("$b"); appt+=("$a"); ratio+=("$r")
done
mb=$(printf '%s\n' "${bare[@]}" | median)
ma=$(printf '%s\n' "${appt[@]}" | median)
mr=$(printf '%s\n' "${ratio[@]}" | median)
lo=$(printf '%s\n' "${ratio[@]}" | sort -g | head -n1)
hi=$(printf '%s\n' "${ratio[@]}" | sort -g | tail -n1)
echo "median: bare window (1366×768) $mb ms, Lupauspaja with $n sessions $ma ms; ratio pair by pair: median $mr (min $lo, max $hi; goal ≤ $goal)"
