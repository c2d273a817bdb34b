#!/usr/bin/env bash
# memory.sh — the facilitator window's resident memory (VmRSS of
# /proc/PID/status) with the large session (fixture.Large: 40 participants,
# 300 cards, 30 drafts, 60 actions), against a bare Fyne window
# (scripts/barewindow) started the same way: the same Xvfb display, the same
# empty configuration folder, the same build, the same window size.
#
# Prints the bare window, then the app on its sessions list, with the large
# session open, after visiting every page with the projector open (round 1:
# to the first page, on to the last, back to the first), and after rounds
# 2 and 3; with each figure's ratio to the bare window and the goals
# (issue 14: ≤ 1.25×, ≤ 1.5×, round 3 within 5 % of round 2); then a minute
# later, when Fyne has let go of what left the screen. Beside each state of
# the app, what it holds on its two heaps, as it says itself: Go's (live
# objects / the spans that hold them) and the C library's in use (where
# Mesa's textures, shaders and buffers are, under software GL).
#
# Every wait is for a condition: the window mapped (xdotool), what the app
# says it has shown (LUPAUSPAJA_READY, cmd/lupauspaja/diag.go), the app
# saying it has handed freed memory back after a quiet second ("memory
# returned"), and the resident size settled (the same within 1 % for 10
# readings 50 ms apart).
# With PPROF_DIR set, the app serves its profiles (LUPAUSPAJA_PPROF) and a
# heap profile (and the Go runtime's MemStats) is saved there at each measured state; with SMAPS_DIR set, the
# memory map (/proc/PID/smaps) of the bare window and of each state.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
check_name=memory
# shellcheck source=scripts/xvfb-lib.sh
. scripts/xvfb-lib.sh
for c in Xvfb xdotool xdpyinfo curl; do
	command -v "$c" >/dev/null || fail "needs $c (scripts/setup.sh check)"
done
mkdir -p bin
go build -o bin/lupauspaja ./cmd/lupauspaja
go build -o bin/barewindow ./scripts/barewindow
go build -o bin/startupfill ./scripts/startupfill
check_tmp
xvfb_start
export XDG_CONFIG_HOME=$lib_tmp/config # both start with no preferences
mkdir -p "$XDG_CONFIG_HOME"

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; } # kB

# settled PID — waits until the resident size stays within 1 % for 10
# readings 50 ms apart (the first frames drawn, the heap grown), prints it in kB.
settled() {
	local pid=$1 last=0 same=0 now tries=0
	while [ "$same" -lt 10 ]; do
		kill -0 "$pid" 2>/dev/null || app_dead "its memory settled"
		now=$(rss "$pid")
		if [ "$last" -gt 0 ] && [ $((now > last ? now - last : last - now)) -le $((last / 100)) ]; then
			same=$((same + 1))
		else
			same=0
			last=$now
		fi
		tries=$((tries + 1))
		[ "$tries" -lt 1200 ] || fail "the resident size did not settle within a minute"
		sleep 0.05
	done
	echo "$now"
}

mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# geometry WINDOW — its size as WxH.
geometry() { xdotool getwindowgeometry "$1" | sed -n 's/^ *Geometry: *//p'; }
# sized WxH — waits until the window ($win) has that size.
sized() {
	local want=$1
	is_sized() {
		kill -0 "$app" 2>/dev/null || app_dead "its window had its size"
		[ "$(geometry "$win")" = "$want" ]
	}
	wait_until 30 is_sized || fail "the window is $(geometry "$win"), not $want"
}

# The bare window, at the size the facilitator's window opens at (ui/ui.go):
# a window's buffers are part of its resident memory (about 11 MB at this
# size under Xvfb's software GL), so both draw into buffers of one size.
winsize=1366x768
app_start "$lib_tmp/bare.log" bin/barewindow -size "$winsize"
app_window 60
sized "$winsize"
bare=$(settled "$app")
[ -z "${SMAPS_DIR:-}" ] || { mkdir -p "$SMAPS_DIR" && cp "/proc/$app/smaps" "$SMAPS_DIR/bare.smaps"; }
app_end 0

# The app, on a database holding only the large session.
db=$lib_tmp/large.db
bin/startupfill "$db" large 1
ready=$lib_tmp/ready
: >"$ready"
pprof_addr=""
if [ -n "${PPROF_DIR:-}" ]; then
	mkdir -p "$PPROF_DIR"
	pprof_addr=127.0.0.1:$((20000 + RANDOM % 20000))
fi
LUPAUSPAJA_READY=$ready LUPAUSPAJA_PPROF=$pprof_addr app_start "$lib_tmp/app.log" bin/lupauspaja --db "$db"
app_window 60
sized "$winsize" # the yardstick's size: fails if the window's default size changed

heap() {
	[ -z "${SMAPS_DIR:-}" ] || cp "/proc/$app/smaps" "$SMAPS_DIR/$1.smaps"
	[ -n "$pprof_addr" ] || return 0
	curl -sf -o "$PPROF_DIR/$1.pb.gz" "http://$pprof_addr/debug/pprof/heap?gc=1"
	curl -sf "http://$pprof_addr/debug/pprof/heap?debug=1" | sed -n '/^# runtime.MemStats/,$p' >"$PPROF_DIR/$1.memstats"
}

# said LINE-REGEX — waits until the app has said, after the last key, a line matching it.
mark=0
said() {
	local re=$1
	seen() {
		kill -0 "$app" 2>/dev/null || app_dead "it showed $re"
		tail -n +"$((mark + 1))" "$ready" | grep -Eq "^$re\$"
	}
	wait_until 60 seen || fail "the app did not show \"$re\" within 60 s (it said: $(tail -n 3 "$ready" | tr '\n' ';'))"
}
key() { # key KEYS REGEX — sends KEYS to the facilitator's window, waits for REGEX
	mark=$(wc -l <"$ready")
	xdotool key --window "$win" "$1"
	said "$2"
}
page() { grep '^page ' "$ready" | tail -n 1 | sed -n 's/^page [^ ]* \([0-9]*\)\/\([0-9]*\)$/\1 \2/p'; }

# quiet — waits for the app to hand back freed memory after the last key.
quiet() { said "memory returned"; }
# heaps STATE — keeps what the app said its heaps held when it last handed
# memory back ("heap go-live N go-spans N c N", bytes) as heaps_STATE:
# "Go live/spans, C" in MB.
heaps() {
	local line
	line=$(grep '^heap ' "$ready" | tail -n 1)
	printf -v "heaps_$1" '%s' "$(echo "$line" | awk '{
		c = ($7 < 0) ? "?" : sprintf("%.0f", $7 / 1048576)
		printf "%5.1f /%5.1f %5s", $3 / 1048576, $5 / 1048576, c }')"
}

said "home 1"
quiet
list=$(settled "$app")
heap list
heaps list
xdotool windowfocus "$win" 2>/dev/null || true
key Return "page [^ ]+ [0-9]+/[0-9]+"
quiet
open=$(settled "$app")
heap open
heaps open
key ctrl+p "projector on"

# round — every page: back to the first, on to the last, back to the first.
round() {
	local at n
	read -r at n < <(page)
	while [ "$at" -gt 1 ]; do key ctrl+Left "page [^ ]+ $((at - 1))/$n"; at=$((at - 1)); done
	while [ "$at" -lt "$n" ]; do key ctrl+Right "page [^ ]+ $((at + 1))/$n"; at=$((at + 1)); done
	while [ "$at" -gt 1 ]; do key ctrl+Left "page [^ ]+ $((at - 1))/$n"; at=$((at - 1)); done
}
round
quiet
r1=$(settled "$app")
heap round1
heaps round1
round
quiet
r2=$(settled "$app")
heap round2
heaps round2
round
quiet
r3=$(settled "$app")
heap round3
heaps round3
# A minute later: Fyne keeps the renderers and textures of what left the
# screen for a minute (its cache lifetime, FYNE_CACHE, 1 min by default) and
# frees them when a window is next drawn. The one wait for a time here, as
# that expiry is a time: then a move on and back draws the window again.
# Fyne's lifetime in whole seconds, one more: FYNE_CACHE is a Go duration (1m, 90s, 1m30s, 500ms).
life=$(awk -v d="${FYNE_CACHE:-1m}" 'BEGIN {
	n = 0; u["h"] = 3600; u["m"] = 60; u["s"] = 1; u["ms"] = 0.001; u["us"] = 1e-6; u["µs"] = 1e-6; u["ns"] = 1e-9
	while (match(d, /^[0-9.]+(h|ms|m|s|us|µs|ns)/)) {
		part = substr(d, 1, RLENGTH); d = substr(d, RLENGTH + 1)
		num = part + 0; unit = part; sub(/^[0-9.]+/, "", unit); n += num * u[unit]
	}
	if (d != "" || n <= 0) n = 60 # not a duration Fyne reads: its default
	printf "%d", n + 1 }')
sleep "$life"
read -r at n < <(page)
key ctrl+Right "page [^ ]+ $((at + 1))/$n"
key ctrl+Left "page [^ ]+ $at/$n"
quiet
late=$(settled "$app")
heap late
heaps late
pages=$(page | cut -d' ' -f2)
app_end 0

# Go's heap (live objects / the spans holding them) and the C heap in use,
# in MB, as the app said when it had handed memory back (heaps).
printf '%-52s %7s %7s  %-19s %s\n' "state" "VmRSS" "× bare" "Go live/spans, C MB" "goal"
printf '%-52s %5s MB %7s\n' "bare Fyne window at $winsize (scripts/barewindow)" "$(mb "$bare")" "1.00"
printf '%-52s %5s MB %7s  %-19s\n' "Lupauspaja, sessions list" "$(mb "$list")" "$(ratio "$list" "$bare")" "$heaps_list"
printf '%-52s %5s MB %7s  %-19s %s\n' "large session open" "$(mb "$open")" "$(ratio "$open" "$bare")" "$heaps_open" "≤ 1.25"
printf '%-52s %5s MB %7s  %-19s %s\n' "every page ($pages) visited, projector open (round 1)" "$(mb "$r1")" "$(ratio "$r1" "$bare")" "$heaps_round1" "≤ 1.50"
printf '%-52s %5s MB %7s  %-19s\n' "round 2" "$(mb "$r2")" "$(ratio "$r2" "$bare")" "$heaps_round2"
printf '%-52s %5s MB %7s  %-19s %s\n' "round 3" "$(mb "$r3")" "$(ratio "$r3" "$bare")" "$heaps_round3" \
	"round 3 / round 2 = $(ratio "$r3" "$r2") (goal ≤ 1.05)"
later="a minute later"
[ "$life" -eq 61 ] || later="$life s later (FYNE_CACHE=${FYNE_CACHE:-})"
printf '%-52s %5s MB %7s  %-19s\n' "$later, after one move on and back" "$(mb "$late")" "$(ratio "$late" "$bare")" "$heaps_late"
[ -z "$pprof_addr" ] || echo "heap profiles: $PPROF_DIR/{list,open,round1,round2,round3,late}.pb.gz"
