#!/usr/bin/env bash
# phone-browser.sh [SCREENSHOT_DIR] — the phone page in a real browser:
# Debian's chromium, headless, against the room's server on 127.0.0.1 (the
# tests built with -tags browser in workshop/phone). With a folder, it also
# saves a 390×844 screenshot of every step kind there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
	echo "phone-browser: /usr/bin/chromium is missing (scripts/setup.sh check installs it)" >&2
	exit 1
fi
if [ $# -gt 0 ]; then
	mkdir -p "$1"
	export PHONE_SCREENSHOTS=$(cd "$1" && pwd)
fi
go test -tags browser -count=1 -run 'Chromium|ComingBack' ./workshop/phone/
