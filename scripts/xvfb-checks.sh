#!/usr/bin/env bash
# xvfb-checks.sh — the checks that need a real window: the app starts under
# Xvfb and shows its window.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bin out
go build -o bin/lupauspaja ./cmd/lupauspaja
db=$(mktemp -d)/xvfb.db
scripts/screenshot.sh out/window.png --wait 1.5 -- bin/lupauspaja --db "$db"
