#!/usr/bin/env bash
# term-check.sh BINARY — types into a field of the built app under Xvfb and
# ends the app with SIGTERM (a logout or shutdown) inside the autosave's
# pause: the typed text must be in the database afterwards, and the app must
# end with exit status 0 and no panic.
#
# It waits for conditions, not for time: the workshop is open when the
# window's title names it; a field has the keyboard, and the app has handled
# every typed key, when Ctrl+A Ctrl+C in it puts the expected text on the
# clipboard (xclip reads it from the app). Only then is SIGTERM sent.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
check_name=term-check
# shellcheck source=scripts/xvfb-lib.sh
. scripts/xvfb-lib.sh
for c in xdotool xclip sqlite3; do
	command -v $c >/dev/null || fail "$c is missing (scripts/setup.sh check installs it)"
done
check_tmp
xvfb_start

# The example workshop, left at its setup page, so that it opens there.
title="Nordrahdin asiakaslupaus 2027"
sed 's/"current_step": "summary"/"current_step": "setup"/' workshop/fixture/testdata/nordrahti.json >"$lib_tmp/setup.json"
grep -q '"current_step": "setup"' "$lib_tmp/setup.json" || fail "the example workshop's current step is no longer \"summary\""
db=$lib_tmp/term.db
"$bin" --db "$db" import "$lib_tmp/setup.json" >/dev/null
stored_title() { sqlite3 -readonly "$db" 'SELECT title FROM sessions' 2>/dev/null; }

app_start "$lib_tmp/stderr" "$bin" --db "$db"
app_window 60
xdotool windowsize "$win" 1366 768
xdotool windowfocus "$win" 2>/dev/null || true

# Enter on the home screen opens the only workshop (once the list is loaded).
opened() { kill -0 "$app" 2>/dev/null || app_dead "the workshop opened"; xdotool getwindowname "$win" | grep -F "$title" >/dev/null; }
open_workshop() { xdotool key --window "$win" Return; wait_until 3 opened; }
wait_until 60 open_workshop || fail "the workshop did not open: the window's title is \"$(xdotool getwindowname "$win")\""

# clip_is TEXT [KEY…] — the KEYs, then Ctrl+A Ctrl+C in the focused field,
# put TEXT on the clipboard. One xdotool for all the keys, and the clipboard
# read back without a pause, so that little time passes between the first
# key and the answer (the autosave stores typing 250 ms after its first key).
n=0
clip_is() {
	local text=$1
	shift
	n=$((n + 1))
	printf 'probe %s' "$n" | xclip -i -selection clipboard >/dev/null 2>&1
	xdotool key --window "$win" "$@" ctrl+a ctrl+c
	copied() {
		kill -0 "$app" 2>/dev/null || app_dead "the check had typed"
		[ "$(timeout 10 xclip -o -selection clipboard 2>/dev/null)" = "$text" ]
	}
	wait_poll=0 wait_until 3 copied
}
# keys WORD — the key names that type WORD (letters, digits, spaces).
keys() {
	local i c
	for ((i = 0; i < ${#1}; i++)); do
		c=${1:i:1}
		if [ "$c" = " " ]; then echo space; else echo "$c"; fi
	done
}
# The title field, at the top of the setup page: clicked until it has the keyboard.
focus_title() { xdotool mousemove --window "$win" 900 200 click 1; clip_is "$title"; }
wait_until 60 focus_title || fail "the title field did not take the keyboard (clipboard: \"$(timeout 5 xclip -o -selection clipboard 2>/dev/null)\")"

# Type, and wait until the app has handled every key. Should the autosave
# have stored the text already (a slow machine), type more, so that SIGTERM
# comes while typed text is still unsaved.
want=$title
for round in $(seq 10); do
	word=" SIGTERM"
	[ "$round" = 1 ] || word=" $round"
	want=$want$word
	# shellcheck disable=SC2046
	clip_is "$want" End $(keys "$word") || fail "the app did not show what was typed: \"$(timeout 5 xclip -o -selection clipboard 2>/dev/null)\", typed \"$want\""
	before=$(stored_title)
	[ "$before" = "$want" ] || break
	echo "term-check: the autosave stored \"$want\" before SIGTERM; typing more"
done
app_end 0
after=$(stored_title)
[ "$after" = "$want" ] || fail "typed text lost on SIGTERM: the title is \"$after\", typed \"$want\""
if [ "$before" = "$want" ]; then
	echo "term-check: typing saved, but by the autosave each time; SIGTERM found nothing unsaved ($after)"
else
	echo "term-check: typing saved on SIGTERM (\"$after\"; stored before: \"$before\"), exit status 0"
fi
