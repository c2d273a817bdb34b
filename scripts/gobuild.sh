#!/usr/bin/env bash
# gobuild.sh OUT PACKAGE — go build with progress. A first build with cold
# caches compiles about 360 packages, among them Fyne's GLFW and SQLite in C
# (cgo), and takes about 4 minutes on 2 cores with nothing else to show; so
# this says what is happening and counts the packages as they are compiled.
# Later builds compile a few packages and take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
out=$1 pkg=$2
go=${GO:-go}
todo=$("$go" list -deps -f '{{if .Stale}}{{.ImportPath}}{{end}}' "$pkg" 2>/dev/null | grep -c . || true)
if [ "$todo" -gt 20 ]; then
	echo "building $pkg: $todo packages to compile. A first build compiles Fyne, GLFW and SQLite (C code, through cgo):"
	echo "about 4 minutes on 2 cores, longer on a busy machine; GLFW and SQLite take the longest, a minute or more each."
	echo "Later builds take seconds."
fi
start=$(date +%s)
# go build -v names each package as its compilation starts.
"$go" build -v -o "$out" "$pkg" 2>&1 | awk -v todo="$todo" -v big=$((todo > 20)) '
	/^[a-zA-Z0-9_.\/-]+$/ { n++; if (big) { printf "  [%3d/%d] %s\n", n, todo, $0; fflush() }; next }
	{ print; fflush() }' >&2
[ "$todo" -le 20 ] || echo "built $out in $(($(date +%s) - start)) s"
