#!/usr/bin/env bash
# xvfb-checks.sh — the checks that need a real window: the built app starts
# under Xvfb and shows its window, explains a damaged database and a database
# in use, and saves what is typed when the system ends it (SIGTERM).
# Each check waits for a condition (a window, a lock, the app's own
# clipboard), notices at once when the app dies, and checks its exit status.
set -euo pipefail
cd "$(dirname "$0")/.."
check_name=xvfb-checks
# shellcheck source=scripts/xvfb-lib.sh
. scripts/xvfb-lib.sh
check_tmp
xvfb_start
mkdir -p bin out
go build -o bin/lupauspaja ./cmd/lupauspaja

scripts/screenshot.sh out/window.png --wait 1.5 -- bin/lupauspaja --db "$lib_tmp/xvfb.db"

# A damaged database: the app explains it in a window (offering to move the
# file aside or to quit) and leaves the file as it was.
bad=$lib_tmp/bad.db
printf 'Tämä ei ole tietokanta.\n' >"$bad"
before=$(sha256sum <"$bad")
scripts/screenshot.sh out/bad-database.png --wait 1 -- bin/lupauspaja --db "$bad"
[ "$(sha256sum <"$bad")" = "$before" ] || fail "the damaged database was changed"

# A second window on a database in use (the lock held here by flock(1), as a
# first window holds it, until this check ends it): the app says so, does
# not open the database, and ends with status 1.
used=$lib_tmp/used.db
(exec 9>"$used.lock" && flock -n 9 && : >"$lib_tmp/locked" && exec sleep 600) &
lib_pids+=($!)
locked() { [ -e "$lib_tmp/locked" ]; }
wait_until 30 locked || fail "flock did not take the lock"
scripts/screenshot.sh out/database-in-use.png --wait 1 --status 1 -- bin/lupauspaja --db "$used"
[ ! -e "$used" ] || fail "a second window opened the database in use"

# Ended by the system (SIGTERM) right after typing: the typing is saved.
scripts/term-check.sh bin/lupauspaja
