#!/usr/bin/env bash
# setup.sh [build|check|all|dist] — installs what Lupauspaja needs on Debian/Ubuntu:
# the C libraries the build needs (Fyne and SQLite use cgo), the tools the
# tests use to read PDFs and run a real window, and the Go modules; dist adds
# what `make dist` and its checks need (the mingw-w64 cross-compiler for the
# Windows exe, xz and zip for the packages, file and unzip for the checks).
# As root it installs missing packages with apt-get; otherwise it names the
# one command to run.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
build_pkgs=(ca-certificates gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
check_pkgs=(sqlite3 poppler-utils qpdf xvfb xdotool xclip x11-utils imagemagick python3-icalendar chromium)
dist_pkgs=(git gcc-mingw-w64-x86-64 mingw-w64-x86-64-dev binutils-mingw-w64-x86-64 xz-utils zip unzip file)
case "$what" in
build) pkgs=("${build_pkgs[@]}") ;;
check | all) pkgs=("${build_pkgs[@]}" "${check_pkgs[@]}") ;;
dist) pkgs=("${build_pkgs[@]}" "${dist_pkgs[@]}") ;;
*) echo "setup.sh: unknown set $what (build, check, all or dist)" >&2; exit 2 ;;
esac

# Go: the version go.mod names, or newer. Found on PATH, or in /usr/local/go
# (where the archive from go.dev puts it) when PATH lacks it; make finds it
# there too. GOTOOLCHAIN=local: the installed Go, not one it would download.
need_go=$(sed -n 's/^go \([0-9][0-9.]*\)$/\1/p' go.mod)
command -v go >/dev/null 2>&1 || [ ! -x /usr/local/go/bin/go ] || export PATH=$PATH:/usr/local/go/bin
if ! command -v go >/dev/null 2>&1; then
	echo "setup: Go is missing: install Go $need_go or newer from https://go.dev/dl/ (into /usr/local/go) and run this again" >&2
	exit 1
fi
have_go=$(cd / && GOTOOLCHAIN=local go env GOVERSION | sed 's/^go//')
if [ "$(printf '%s\n%s\n' "$need_go" "$have_go" | sort -V | head -n1)" != "$need_go" ]; then
	echo "setup: Go $have_go is too old ($(command -v go)): install Go $need_go or newer from https://go.dev/dl/ and run this again" >&2
	exit 1
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
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
if ! GOPROXY=off GOFLAGS=-mod=mod go mod download 2>/dev/null; then
	echo "setup: downloading the Go modules (once; a minute or so)"
	go mod download
fi
