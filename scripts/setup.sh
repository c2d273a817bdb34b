#!/usr/bin/env bash
# setup.sh [build|check|all] — installs what Lupauspaja needs on Debian/Ubuntu:
# the C libraries the build needs (Fyne and SQLite use cgo), the tools the
# tests use to read PDFs and run a real window, and the Go modules.
# As root it installs missing packages with apt-get; otherwise it names the
# one command to run.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
check_pkgs=(sqlite3 poppler-utils qpdf xvfb xdotool xclip x11-utils imagemagick python3-icalendar chromium)
case "$what" in
build) pkgs=("${build_pkgs[@]}") ;;
check | all) pkgs=("${build_pkgs[@]}" "${check_pkgs[@]}") ;;
*) echo "setup.sh: unknown set $what (build, check or all)" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
	if [ -x /usr/local/go/bin/go ]; then export PATH=$PATH:/usr/local/go/bin; else
		echo "setup: Go is missing: install Go 1.24 or newer from https://go.dev/dl/ and run this again" >&2
		exit 1
	fi
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
fi
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "setup: installing ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null || true
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		echo "setup: missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi
go mod download
