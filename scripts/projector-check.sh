#!/usr/bin/env bash
# projector-check [OUTDIR]
#
# Measures the projector view the way the back of the room sees it: renders
# every step and presentation page of the example workshop at 1920×1080 with
# Fyne's software driver, walks the drawn texts and prints the smallest text
# height in px and the lowest contrast ratio against what is under each text.
# Fails when a text is under 28 px or under 7:1 (a large text, bold at the
# timer's size or more, under 4.5:1). With OUTDIR, also writes PNGs
# of every page at 1920×1080 and 1280×720 there, to open with a file viewer.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
out=$(go test -tags ci -count=1 -run '^TestReadability$' -v ./ui/projector/ 2>&1) || { echo "$out" | grep -v 'Fyne error\|^ *At: '; exit 1; }
echo "$out" | grep -o 'smallest text.*\|lowest contrast.*'
if [ $# -ge 1 ]; then
	mkdir -p "$1"
	PROJECTOR_RENDER_DIR=$(realpath "$1") go test -tags ci -count=1 -run '^TestRenderPages$' ./ui/projector/ >/dev/null
	echo "pages as PNG: $1 ($(ls "$1"/*.png | wc -l) files)"
fi
