#!/usr/bin/env bash
# dist-tools.sh — builds the tools `make dist` runs into bin/tools/: fyne
# (fyne.io/tools, packaging), go-licenses (the licences of the Go modules
# linked in) and classify (names the licence of a font's licence file with
# go-licenses' classifier). Their versions are pinned in scripts/disttools/go.mod,
# a module of its own, so the app's go.mod never takes their dependencies.
# A second run is a no-op unless that go.mod changed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin
mkdir -p bin/tools
stamp=bin/tools/.built-from
want=$(cat scripts/disttools/go.mod scripts/disttools/go.sum scripts/disttools/classify/*.go | sha256sum | cut -d' ' -f1)
if [ -x bin/tools/fyne ] && [ -x bin/tools/go-licenses ] && [ -x bin/tools/classify ] &&
	[ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
	exit 0
fi
echo "dist-tools: building fyne, go-licenses and classify into bin/tools/"
# The tools run on this machine: never cross-compile them.
(cd scripts/disttools && env -u GOOS -u GOARCH -u CC -u CXX CGO_ENABLED=0 \
	go build -o ../../bin/tools/ fyne.io/tools/cmd/fyne github.com/google/go-licenses/v2 ./classify)
echo "$want" >"$stamp"
