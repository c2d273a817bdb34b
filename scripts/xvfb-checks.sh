#!/usr/bin/env bash
# xvfb-checks.sh — the checks that need a real window: the app starts under
# Xvfb and shows its window.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bin out
go build -o bin/lupauspaja ./cmd/lupauspaja
db=$(mktemp -d)/xvfb.db
scripts/screenshot.sh out/window.png --wait 1.5 -- bin/lupauspaja --db "$db"

# A damaged database: the app explains it in a window (offering to move the
# file aside or to quit) and leaves the file as it was.
bad=$(mktemp -d)/bad.db
printf 'Tämä ei ole tietokanta.\n' >"$bad"
before=$(sha256sum <"$bad")
scripts/screenshot.sh out/bad-database.png --wait 1 -- bin/lupauspaja --db "$bad"
[ "$(sha256sum <"$bad")" = "$before" ] || { echo "xvfb-checks: the damaged database was changed" >&2; exit 1; }

# A second window on a database in use (the lock held here by flock(1), as a
# first window holds it): the app says so and does not open the database.
used=$(mktemp -d)/used.db
flock -n "$used.lock" sleep 8 &
sleep 0.3
scripts/screenshot.sh out/database-in-use.png --wait 1 -- bin/lupauspaja --db "$used"
[ ! -e "$used" ] || { echo "xvfb-checks: a second window opened the database in use" >&2; exit 1; }

# Ended by the system (SIGTERM) right after typing: the typing is saved.
scripts/term-check.sh bin/lupauspaja
