#!/usr/bin/env bash
# dist.sh [linux|windows|all] — builds the packages a facilitator downloads,
# into dist/ (make dist):
#   lupauspaja-VERSION-linux-amd64.tar.xz   fyne package: the binary, the
#       .desktop file, the icon and Fyne's Makefile (make user-install), with
#       the licences in usr/local/share/doc/lupauspaja/LICENCES.txt;
#   lupauspaja-VERSION-windows-amd64.zip    Lupauspaja.exe (fyne package,
#       cross-compiled with mingw-w64: GUI subsystem, icon and version
#       resource, hardened, the C runtime linked in statically:
#       scripts/dist-env.sh) and LICENCES.txt.
# VERSION is FyneApp.toml's Version and the commit (1a2b3c4d, "-dirty" when
# tracked files have changes). Builds are release builds: -trimpath, symbols
# stripped (fyne package --release). The licences are written again first
# (scripts/dist-licences.sh), so the packages and the About box never miss
# a module. scripts/dist-check.sh checks what this made.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v go >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin
. scripts/dist-env.sh
what=${1:-all}
case "$what" in
linux | windows | all) ;;
*) echo "dist.sh: unknown target $what (linux, windows or all)" >&2; exit 2 ;;
esac

# toml KEY: the value of KEY in FyneApp.toml ([Details] has one of each).
toml() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" FyneApp.toml | head -n 1
}
name=$(toml Name) id=$(toml ID) version=$(toml Version) build=$(toml Build) icon=$(toml Icon)
for v in name id version build icon; do
	[ -n "${!v}" ] || { echo "dist.sh: FyneApp.toml has no $v" >&2; exit 1; }
done
commit=$(git rev-parse --short=8 HEAD)
if [ -n "$(git status --porcelain --untracked-files=no -- . ':!assets/licences')" ]; then
	commit=$commit-dirty
fi
VERSION=$version-$commit
# Files in the packages carry the commit's time, so the same commit gives
# the same listing.
epoch=$(git log -1 --format=%ct HEAD)
echo "dist: $name $VERSION"

scripts/dist-tools.sh
scripts/dist-licences.sh
fyne=$root/bin/tools/fyne
work=$root/bin/dist-work
src=$root/cmd/lupauspaja
mkdir -p dist

# fyne package writes its executable and, for Windows, a resource file into
# the source folder; none of that may stay there.
cleanup() {
	rm -f "$src/lupauspaja" "$src/lupauspaja.exe" "$src/$name.exe" "$src/fyne.syso" "$src/fyne_metadata_init.go"
}
trap cleanup EXIT

# licences_txt SYSTEM: every part linked into the build for SYSTEM, with its
# licence text, as one file for people to read.
licences_txt() {
	printf '%s %s is made of these parts. Each is listed with its version, its licence\nand the licence text as its authors ship it. The app shows the same list\nfrom its About box.\n' "$name" "$VERSION"
	while IFS=$'\t' read -r kind part ver lic systems file; do
		case ",$systems," in *",$1,"*) ;; *) continue ;; esac
		printf '\n\n==============================================================================\n'
		printf '%s %s (%s)\nLicence: %s\n' "$part" "$ver" "$kind" "$lic"
		printf -- '------------------------------------------------------------------------------\n\n'
		cat "assets/licences/texts/$file"
	done <assets/licences/index.tsv
}

# The commit goes in with the linker (buildinfo.commit); fyne package takes
# -ldflags from GOFLAGS and adds -s -w itself.
goflags="${GOFLAGS:-} -ldflags=-X=lupauspaja/buildinfo.commit=$commit"
pkgflags=(package --release --src "$src" --name "$name" --app-id "$id" --app-version "$version"
	--app-build "$build" --icon "$root/$icon")

# fyne_package SYSTEM ENV...: fyne package for SYSTEM in its work folder,
# with the environment ENV (env and its assignments).
fyne_package() {
	local os=$1
	shift
	(cd "$work/$os" && "$@" GOFLAGS="$goflags" "$fyne" "${pkgflags[@]}" --os "$os")
}

build_linux() {
	local out=dist/lupauspaja-$VERSION-linux-amd64.tar.xz
	echo "dist: building $out"
	rm -rf "$work/linux" && mkdir -p "$work/linux"
	progress "fyne package --os linux" fyne_package linux env GOOS=linux GOARCH=amd64
	# Fyne's tarball, unpacked, the licences added, packed again.
	mkdir "$work/linux/tree"
	tar -xJf "$work/linux/$name.tar.xz" -C "$work/linux/tree"
	# Fyne's tarball holds one folder (the Makefile and usr/): the licences go in it.
	local root=$work/linux/tree
	set -- "$root"/*
	if [ $# = 1 ] && [ -d "$1" ]; then root=$1; fi
	local doc=$root/usr/local/share/doc/lupauspaja
	mkdir -p "$doc"
	licences_txt linux >"$doc/LICENCES.txt"
	find "$work/linux/tree" -exec touch -h -d "@$epoch" {} +
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work/linux/tree" -cf - . |
		xz -9e -T1 >"$out.tmp"
	mv "$out.tmp" "$out"
}

build_windows() {
	local out=dist/lupauspaja-$VERSION-windows-amd64.zip
	command -v x86_64-w64-mingw32-gcc >/dev/null || {
		echo "dist: x86_64-w64-mingw32-gcc is missing: scripts/setup.sh dist installs gcc-mingw-w64-x86-64" >&2
		exit 1
	}
	echo "dist: building $out (a first cross-build compiles GLFW and SQLite for Windows: several minutes)"
	rm -rf "$work/windows" && mkdir -p "$work/windows/zip"
	# The C settings (hardening, everything linked statically): scripts/dist-env.sh.
	progress "fyne package --os windows" fyne_package windows env "${win_env[@]}"
	mv "$src/$name.exe" "$work/windows/zip/$name.exe"
	licences_txt windows | sed 's/$/\r/' >"$work/windows/zip/LICENCES.txt"
	touch -d "@$epoch" "$work/windows/zip/"*
	rm -f "$out.tmp"
	(cd "$work/windows/zip" && zip -q -9 -X "$root/$out.tmp" "$name.exe" LICENCES.txt)
	mv "$out.tmp" "$out"
}

rm -f dist/lupauspaja-*-"$what"-amd64.* 2>/dev/null || true
[ "$what" = all ] && rm -f dist/lupauspaja-*
case "$what" in
linux) build_linux ;;
windows) build_windows ;;
all)
	# Not "build_linux && build_windows": set -e does not stop a function run
	# on the left of &&, and a failed build would go on to pack what is there.
	build_linux
	build_windows
	;;
esac
(cd dist && sha256sum lupauspaja-* >SHA256SUMS)
echo "dist: made"
ls -l dist | sed -n '2,$p' | awk '{printf "  %-55s %6.1f MB\n", $9, $5 / 1000000}'
