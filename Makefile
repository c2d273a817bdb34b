# Lupauspaja. `make run` starts the app, `make test` runs every test;
# both install what they need first (scripts/setup.sh). `make dist` builds
# the Linux and Windows packages into dist/ and `make dist-check` checks them.
# Go from PATH, or where the official archive puts it (/usr/local/go) when it
# is not on PATH; the scripts get the same Go through PATH.
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
export GO
export PATH := $(patsubst %/,%,$(dir $(GO))):$(PATH)
DB ?=
FUZZTIME ?= 20s
RUNARGS = $(if $(DB),--db $(DB),)

.PHONY: run build test unit vet fuzz xvfb-checks phone-browser bench setup-build setup-check setup-dist clean screenshots \
	startup dist dist-linux dist-windows dist-check licences

# The build shows its progress (a first build takes minutes: scripts/gobuild.sh).
run: build
	bin/lupauspaja $(RUNARGS)

build: setup-build
	@scripts/gobuild.sh bin/lupauspaja ./cmd/lupauspaja

setup-build:
	@scripts/setup.sh build

setup-check:
	@scripts/setup.sh all

setup-dist:
	@scripts/setup.sh dist

# dist/lupauspaja-VERSION-linux-amd64.tar.xz and -windows-amd64.zip
# (VERSION: FyneApp.toml's Version and the commit); docs/dist.md.
dist: setup-dist
	@scripts/dist.sh all

dist-linux: setup-dist
	@scripts/dist.sh linux

dist-windows: setup-dist
	@scripts/dist.sh windows

# What CI checks in dist/ after make dist.
dist-check: setup-dist
	@scripts/dist-check.sh

# assets/licences: the licences of the modules linked in and of the fonts,
# from the module graph (make dist writes them again too).
licences: setup-dist
	@scripts/dist-licences.sh

# Every test: unit and widget tests (no display), bounded fuzz runs, and the
# few checks that need a real window under Xvfb.
# The app is built first, with progress: it compiles what the tests need
# most of (Fyne, GLFW, SQLite), so the quiet steps after it take less long.
test: setup-check build vet unit fuzz xvfb-checks phone-browser

vet:
	$(GO) vet -tags ci ./...

unit:
	$(GO) test -tags ci -count=1 ./...

fuzz:
	@scripts/fuzz.sh $(FUZZTIME)

xvfb-checks:
	@scripts/xvfb-checks.sh

# The phone page in headless chromium against the room's server on 127.0.0.1.
phone-browser:
	@scripts/phone-browser.sh

# The benchmarks of the domain and the store, the window's (test driver:
# BenchmarkSwitchStep, the projector's BenchmarkRebuild, start-up) and the
# real window's resident memory under Xvfb against a bare window
# (scripts/memory.sh; docs/benchmarks-gui.md). Not part of make test.
bench: setup-check
	$(GO) test -tags ci -run '^$$' -bench . -benchtime 200x ./workshop/...
	$(GO) test -tags ci -run '^$$' -bench 'SwitchStep|Startup|SessionsList|OpenWorkshop' -benchtime 20x ./ui
	$(GO) test -tags ci -run '^$$' -bench 'Rebuild|FirstBuild' -benchtime 100x ./ui/projector
	scripts/memory.sh

clean:
	rm -rf bin dist

# Every screen of the facilitator window (home, setup, the nine steps,
# summary, about, shortcuts) at 1366×768 in Finnish and English, rendered
# with the example workshop into docs/screenshots/.
screenshots:
	SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -tags ci -count=1 -run '^TestScreenshots$$' ./ui
	@# 128 colours keep the files a third of the size with no visible change.
	@if command -v convert >/dev/null; then for f in docs/screenshots/fi-*.png docs/screenshots/en-*.png; do \
		convert "$$f" -dither None -colors 128 PNG8:"$$f"; done; fi

# Start-up time with 1,000 sessions against a bare Fyne window (Xvfb);
# make startup SESSIONS=10000 for the design's second bar.
SESSIONS ?= 1000
startup:
	scripts/startup.sh 15 $(SESSIONS)
