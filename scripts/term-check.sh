#!/usr/bin/env bash
# term-check.sh BINARY — typing into a field and ending the app with SIGTERM
# (a logout or shutdown) at once, well inside the autosave's pause: the typed
# text must be in the database afterwards.
set -euo pipefail
bin=$1
dir=$(mktemp -d)
db=$dir/term.db
"$bin" --db "$db" import workshop/fixture/testdata/nordrahti.json >/dev/null
n=90
while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
Xvfb :$n -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=:$n
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
"$bin" --db "$db" >/dev/null 2>"$dir/stderr" &
app=$!
win=""
for _ in $(seq 400); do
	win=$(xdotool search --onlyvisible --pid $app 2>/dev/null | head -n1 || true)
	[ -n "$win" ] && break
	sleep 0.05
done
[ -n "$win" ] || { echo "term-check: no window" >&2; exit 1; }
sleep 1.5
xdotool windowsize "$win" 1366 768
sleep 0.5
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key --window "$win" Return # open the workshop
sleep 1.5
xdotool mousemove --window "$win" 76 101 click 1 # its setup page
sleep 1
xdotool mousemove --window "$win" 900 200 click 1 # the title field
sleep 0.3
xdotool key --window "$win" End
xdotool type --window "$win" " SIGTERM"
kill -TERM $app
for _ in $(seq 50); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
if kill -0 $app 2>/dev/null; then echo "term-check: the app did not end on SIGTERM" >&2; kill -9 $app; exit 1; fi
title=$("$bin" --db "$db" list | cut -f3)
case "$title" in
*" SIGTERM") echo "term-check: typing saved on SIGTERM ($title)" ;;
*) echo "term-check: typed text lost on SIGTERM: title is \"$title\"" >&2; exit 1 ;;
esac
