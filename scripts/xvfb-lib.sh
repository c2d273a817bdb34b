# xvfb-lib.sh — sourced by the checks that run the built app in a real window
# (scripts/xvfb-checks.sh, scripts/term-check.sh, scripts/screenshot.sh).
#
#   check_tmp           a private temporary folder, removed on exit
#   xvfb_start          a display of our own (unless DISPLAY already works)
#   app_start LOG CMD…  starts CMD in the background: $app is its pid
#   app_window [S]      waits for its visible window ($win), at most S s (60),
#                       and fails at once, with its exit status and stderr,
#                       when the program ends instead
#   app_end STATUS      ends it with SIGTERM and checks its exit status
#   wait_until S CMD…   runs CMD until it succeeds, at most S seconds
#
# Every wait is for a condition; the timeouts are only there so that a check
# that cannot succeed ends, and they are long because the machine may be busy.
# On exit everything started here is ended and the folder removed.

lib_pids=()
lib_tmp=""
lib_cleanup() {
	local p
	for p in "${lib_pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${lib_pids[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	[ -z "$lib_tmp" ] || rm -rf "$lib_tmp"
}
trap lib_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
	echo "${check_name:-check}: $*" >&2
	exit 1
}

check_tmp() {
	[ -n "$lib_tmp" ] || lib_tmp=$(mktemp -d "${TMPDIR:-/tmp}/lupauspaja-check.XXXXXX")
}

# wait_until SECONDS CMD… — polls CMD every $wait_poll s (0.05) until it succeeds.
wait_poll=${wait_poll:-0.05}
wait_until() {
	local limit=$1 start
	shift
	start=$(date +%s)
	until "$@"; do
		[ $(($(date +%s) - start)) -lt "$limit" ] || return 1
		sleep "$wait_poll"
	done
}

# xvfb_start — Xvfb picks a free display itself (-displayfd) and writes its
# number once it listens, so there is no guessing and no race with another
# check's display. -noreset: by default the server resets when its last
# client disconnects, and a program connecting during that reset fails
# (GLFW: PlatformUnavailable); a probe such as xdpyinfo is such a client.
xvfb_start() {
	if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
		return 0
	fi
	check_tmp
	local fifo=$lib_tmp/displayfd n=""
	: >"$fifo"
	Xvfb -displayfd 3 -noreset -nolisten tcp -screen 0 1920x1080x24 3>"$fifo" >"$lib_tmp/xvfb.log" 2>&1 &
	local xvfb=$!
	lib_pids+=("$xvfb")
	xvfb_ready() {
		kill -0 "$xvfb" 2>/dev/null || fail "Xvfb ended at start: $(tail -n 3 "$lib_tmp/xvfb.log")"
		n=$(tr -dc 0-9 <"$fifo")
		[ -n "$n" ]
	}
	wait_until 30 xvfb_ready || fail "Xvfb gave no display within 30 s"
	export DISPLAY=:$n
	xdpyinfo >/dev/null 2>&1 || fail "Xvfb on $DISPLAY does not answer"
}

# app_start LOG CMD… — starts CMD with its stderr in LOG; $app is its pid.
app_start() {
	local log=$1
	shift
	app_log=$log
	"$@" >/dev/null 2>"$log" &
	app=$!
	lib_pids+=("$app")
}

# keep_log WHAT — copies the program's stderr to out/CHECK-WHAT.log ($kept),
# since the temporary folder goes.
keep_log() {
	mkdir -p out
	kept=out/${check_name:-check}-$1.log
	cp "$app_log" "$kept"
}

# app_dead — reports the end of a program that should still be running.
app_dead() {
	local status=0
	wait "$app" 2>/dev/null || status=$?
	keep_log died
	echo "${check_name:-check}: the program ended (exit status $status) before $1; its stderr (all of it in $kept):" >&2
	tail -n 20 "$app_log" >&2
	exit 1
}

app_window() {
	local limit=${1:-60}
	win=""
	has_window() {
		kill -0 "$app" 2>/dev/null || app_dead "it showed a window"
		win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)
		[ -n "$win" ]
	}
	wait_until "$limit" has_window || fail "no window within $limit s"
}

# app_end STATUS — SIGTERM (as at a logout), then the exit status must be
# STATUS and stderr must hold no panic.
app_end() {
	local want=$1 status=0
	kill -0 "$app" 2>/dev/null || app_dead "it was ended"
	kill -TERM "$app"
	gone() { ! kill -0 "$app" 2>/dev/null; }
	if ! wait_until 30 gone; then
		# Go prints every goroutine's stack on SIGQUIT: where it hangs.
		kill -QUIT "$app" 2>/dev/null || true
		wait_until 10 gone || kill -KILL "$app" 2>/dev/null || true
		keep_log hang
		fail "the program did not end within 30 s of SIGTERM; its stacks (SIGQUIT) are in $kept"
	fi
	wait "$app" 2>/dev/null || status=$?
	if [ "$status" != "$want" ] || grep -q '^panic:' "$app_log"; then
		keep_log status
		echo "${check_name:-check}: after SIGTERM the exit status is $status (want $want); its stderr (all of it in $kept):" >&2
		grep -A 12 '^panic:' "$app_log" >&2 || tail -n 20 "$app_log" >&2
		exit 1
	fi
}
