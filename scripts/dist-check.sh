#!/usr/bin/env bash
# dist-check.sh — checks what `make dist` put into dist/, as CI does after
# it (.ci/run):
#   Linux tarball: the files Fyne's tarballs hold (binary, .desktop file,
#     icon, Makefile) and the licences; `make user-install` into a scratch
#     HOME puts the app where a desktop finds it; the binary is a stripped
#     x86-64 ELF, built with -trimpath, and answers --version with the
#     version and the commit;
#   Windows zip: Lupauspaja.exe and LICENCES.txt; `file` says PE32+ GUI
#     x86-64; the DLLs it imports (objdump -p) are all Windows' own; it is
#     hardened (stack protector, _FORTIFY_SOURCE); it has
#     its icon, manifest and version resource with FyneApp.toml's values;
#     stripped, -trimpath.
# Then the code paths of other systems still compile: `go vet` for Windows
# and macOS without cgo of the packages (and tests) that need none, `go vet`
# for Windows with cgo of the main package, ui and workshop/... (the
# Windows-only files), and `go test -c` of the non-GUI packages for Windows
# (SQLite cross-compiled with mingw-w64), all with the exe's settings
# (scripts/dist-env.sh) so that make dist's build cache serves them.
# Wine is not run: Debian 12's wine 8.0 cannot start Go 1.26 programs
# (docs/dist.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v go >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin
. scripts/dist-env.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0
ok() { echo "  ok   $*"; passes=$((passes + 1)); }
bad() { echo "  FAIL $*"; fails=$((fails + 1)); }
check() { # check DESCRIPTION COMMAND...: runs COMMAND quietly, says how long it took
	local what=$1 t0=$SECONDS
	shift
	if "$@" >"$tmp/out" 2>&1; then ok "$what ($((SECONDS - t0)) s)"; else bad "$what ($((SECONDS - t0)) s)"; awk 'NR <= 20 { print "       " $0 }' "$tmp/out"; fi
}

toml() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" FyneApp.toml | head -n 1
}
name=$(toml Name) id=$(toml ID) version=$(toml Version) build=$(toml Build)
commit=$(git rev-parse --short=8 HEAD)
if [ -n "$(git status --porcelain --untracked-files=no -- . ':!assets/licences')" ]; then commit=$commit-dirty; fi
VERSION=$version-$commit
linux=dist/lupauspaja-$VERSION-linux-amd64.tar.xz
windows=dist/lupauspaja-$VERSION-windows-amd64.zip

echo "dist-check: $name $VERSION"
# The licences make dist wrote are those committed: a new module without
# `make licences` would ship in the packages but not in the repository.
check "assets/licences is up to date with the module graph" git diff --exit-code --stat -- assets/licences

# no_build_paths FILE: -trimpath leaves no path of this machine's source
# folders or module cache in the binary.
no_build_paths() {
	local f=$1 p
	for p in "$root" "$(go env GOMODCACHE)" "$(go env GOROOT)/src"; do
		if grep -qaF "$p/" "$f"; then
			echo "$f names $p/:"
			grep -aoF "$p/" "$f" | sort | uniq -c | awk 'NR <= 3'
			return 1
		fi
	done
}

echo "Linux: $linux"
if [ ! -f "$linux" ]; then
	bad "$linux exists"
else
	ok "$linux exists ($(du -k "$linux" | cut -f1) KB)"
	# Fyne's tarball holds one folder, lupauspaja/, with the Makefile and usr/ in it.
	tar -tJf "$linux" | sed 's#^\./##; s#^lupauspaja/##' | sort >"$tmp/linux.list"
	for f in Makefile usr/local/bin/lupauspaja usr/local/share/applications/$id.desktop \
		usr/local/share/pixmaps/$id.png usr/local/share/doc/lupauspaja/LICENCES.txt; do
		if grep -qxF "$f" "$tmp/linux.list"; then ok "tarball holds $f"; else bad "tarball holds $f"; fi
	done
	mkdir "$tmp/linux"
	tar -xJf "$linux" -C "$tmp/linux"
	root=$tmp/linux
	[ -d "$root/lupauspaja" ] && root=$root/lupauspaja
	bin=$root/usr/local/bin/lupauspaja
	desc=$(file -b "$bin")
	case "$desc" in
	*"ELF 64-bit LSB"*x86-64*stripped*) case "$desc" in *"not stripped"*) bad "binary is stripped: $desc" ;; *) ok "file: ${desc%%, BuildID*}…" ;; esac ;;
	*) bad "binary is a stripped x86-64 ELF: $desc" ;;
	esac
	check "binary has no build paths (-trimpath)" no_build_paths "$bin"
	out=$(env -i PATH=/usr/bin:/bin "$bin" --version 2>&1) || true
	want="$name $version (commit $commit, "
	if [[ $out == "$want"*"linux/amd64)" ]]; then ok "--version: $out"; else bad "--version said '$out', want '$want… linux/amd64)'"; fi
	dt=$root/usr/local/share/applications/$id.desktop
	for line in "Name=$name" "Exec=lupauspaja" "Icon=$id" "Type=Application"; do
		if grep -qx "$line" "$dt"; then ok ".desktop: $line"; else bad ".desktop has $line"; sed 's/^/       /' "$dt"; fi
	done
	if grep -q "Noto Sans" "$root/usr/local/share/doc/lupauspaja/LICENCES.txt" &&
		grep -q "github.com/mattn/go-sqlite3" "$root/usr/local/share/doc/lupauspaja/LICENCES.txt"; then
		ok "LICENCES.txt lists the modules and the fonts"
	else bad "LICENCES.txt lists the modules and the fonts"; fi
	# Installable per user, as Fyne's tarballs are: make user-install.
	mkdir -p "$tmp/home"
	if env -u MAKEFLAGS -u MAKELEVEL HOME="$tmp/home" make -s -C "$root" user-install >"$tmp/out" 2>&1; then
		missing=""
		for f in .local/bin/lupauspaja .local/share/applications/$id.desktop .local/share/icons/$id.png; do
			[ -e "$tmp/home/$f" ] || missing="$missing $f"
		done
		if [ -z "$missing" ] && [ -x "$tmp/home/.local/bin/lupauspaja" ]; then
			ok "make user-install puts the binary, .desktop and icon under ~/.local"
		else
			bad "make user-install left out:$missing"
			(cd "$tmp/home" && find . -type f | sed 's/^/       /')
		fi
	else
		bad "make user-install"
		sed 's/^/       /' "$tmp/out"
	fi
fi

echo "Windows: $windows"
if [ ! -f "$windows" ]; then
	bad "$windows exists"
else
	ok "$windows exists ($(du -k "$windows" | cut -f1) KB)"
	unzip -Z1 "$windows" | LC_ALL=C sort >"$tmp/zip.list"
	if [ "$(tr '\n' ' ' <"$tmp/zip.list")" = "LICENCES.txt $name.exe " ]; then
		ok "zip holds $name.exe and LICENCES.txt"
	else
		bad "zip holds $name.exe and LICENCES.txt, it holds: $(tr '\n' ' ' <"$tmp/zip.list")"
	fi
	mkdir "$tmp/win"
	unzip -q "$windows" -d "$tmp/win"
	exe=$tmp/win/$name.exe
	desc=$(file -b "$exe")
	if [[ $desc == "PE32+ executable (GUI) x86-64"* ]]; then ok "file: $desc"; else bad "file says '$desc', want 'PE32+ executable (GUI) x86-64'"; fi
	# The DLLs it imports: Windows' own only (no libgcc_s, libwinpthread,
	# libssp, libstdc++ beside it).
	system_dlls=" advapi32.dll bcrypt.dll comctl32.dll comdlg32.dll crypt32.dll dnsapi.dll dwmapi.dll gdi32.dll
		imm32.dll iphlpapi.dll kernel32.dll msvcrt.dll ntdll.dll ole32.dll oleaut32.dll opengl32.dll powrprof.dll
		secur32.dll setupapi.dll shcore.dll shell32.dll shlwapi.dll user32.dll userenv.dll uxtheme.dll version.dll
		winmm.dll winspool.drv ws2_32.dll "
	x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u >"$tmp/dlls"
	foreign=""
	while read -r dll; do
		case "$system_dlls" in *[[:space:]]"$dll"[[:space:]]*) ;; *) foreign="$foreign $dll" ;; esac
	done <"$tmp/dlls"
	if [ ! -s "$tmp/dlls" ]; then
		bad "objdump found no imported DLLs (cannot check)"
	elif [ -z "$foreign" ]; then
		ok "imports only Windows' DLLs: $(tr '\n' ' ' <"$tmp/dlls")"
	else
		bad "imports DLLs that are not Windows' own:$foreign"
	fi
	if x86_64-w64-mingw32-objdump -h "$exe" | grep -E '\.(z)?debug_' >/dev/null; then bad "exe is stripped (has .debug sections)"; else ok "exe has no debug sections (stripped)"; fi
	check "exe has no build paths (-trimpath)" no_build_paths "$exe"
	# Hardened (scripts/dist-env.sh): the stack protector's and
	# _FORTIFY_SOURCE's failure messages are libssp's, linked in.
	if grep -qaF "*** stack smashing detected ***" "$exe" && grep -qaF "*** buffer overflow detected ***" "$exe"; then
		ok "exe has the stack protector and _FORTIFY_SOURCE's checks (libssp linked in)"
	else bad "exe has the stack protector and _FORTIFY_SOURCE's checks (libssp's messages are missing)"; fi
	python3 scripts/dist-pe.py "$exe" >"$tmp/pe" 2>&1 || true
	for want in "subsystem gui" "fileversion $version.$build" "string ProductName $name" "string ProductVersion $version.$build"; do
		if grep -qxF "$want" "$tmp/pe"; then ok "exe: $want"; else bad "exe: $want"; sed 's/^/       /' "$tmp/pe"; fi
	done
	for r in icon group_icon version manifest; do
		if grep -q "^resource $r [1-9]" "$tmp/pe"; then ok "exe has its $r resource"; else bad "exe has its $r resource"; fi
	done
	if grep -q "Noto Sans" "$tmp/win/LICENCES.txt" && grep -q "MinGW-w64 runtime" "$tmp/win/LICENCES.txt" &&
		grep -q $'\r$' "$tmp/win/LICENCES.txt"; then
		ok "LICENCES.txt lists the modules, the fonts and MinGW-w64, with Windows line ends"
	else bad "LICENCES.txt lists the modules, the fonts and MinGW-w64, with Windows line ends"; fi
fi

echo "Other systems' code paths"
# macOS and Windows without cgo: every package that needs neither Fyne's
# driver nor SQLite for that system is vetted, with its tests, where its
# tests need neither either; the others (their tests open a real SQLite
# file) are compiled without their tests.
for goos in windows darwin; do
	t0=$SECONDS
	vet=() build=()
	for p in $(GOOS=$goos CGO_ENABLED=0 go list -e -f '{{if not .DepsErrors}}{{if not .Error}}{{.ImportPath}}{{range .Deps}}{{if eq . "github.com/mattn/go-sqlite3" "fyne.io/fyne/v2"}} cgo{{end}}{{end}}{{end}}{{end}}' ./... |
		grep -v ' cgo$' | grep -v '^$'); do
		if GOOS=$goos CGO_ENABLED=0 go list -test -deps "$p" | grep -xE 'github.com/mattn/go-sqlite3|fyne.io/fyne/v2' >/dev/null; then
			build+=("$p")
		else
			vet+=("$p")
		fi
	done
	echo "  ($goos without cgo: ${#vet[@]} packages to vet, ${#build[@]} to build, listed in $((SECONDS - t0)) s)"
	if [ ${#vet[@]} = 0 ] || [ $((${#vet[@]} + ${#build[@]})) -lt 5 ]; then
		bad "GOOS=$goos: found only ${#vet[@]} packages to vet and ${#build[@]} to build without cgo"
		continue
	fi
	check "GOOS=$goos CGO_ENABLED=0 go vet ${vet[*]#lupauspaja/}" env GOOS=$goos GOARCH=amd64 CGO_ENABLED=0 go vet "${vet[@]}"
	[ ${#build[@]} = 0 ] ||
		check "GOOS=$goos CGO_ENABLED=0 go build ${build[*]#lupauspaja/}" env GOOS=$goos GOARCH=amd64 CGO_ENABLED=0 go build "${build[@]}"
done

# Windows with cgo, compiled as the exe is (scripts/dist-env.sh: the same C
# flags, tags and -trimpath, so GLFW, SQLite and the rest come from the build
# cache make dist filled). First, that the exe was built with those tags:
# otherwise the code checked below would not be the code shipped.
if [ -f "${exe:-}" ]; then
	got=$(go version -m "$exe" | sed -n 's/^[[:space:]]*build[[:space:]]*-tags=//p')
	if [ "$got" = "$win_tags" ]; then ok "exe built with -tags=$win_tags, as the checks below"; else bad "exe built with -tags='$got', the checks use '$win_tags' (scripts/dist-env.sh)"; fi
fi
echo "  (a cold build cache compiles GLFW and SQLite for Windows first: minutes)"
# The Windows-only files of the app (console, mail, Explorer, lock) and their
# tests, vetted with cgo through mingw-w64.
check "GOOS=windows go vet ./cmd/lupauspaja ./ui ./workshop/... (cgo, mingw-w64)" \
	env "${win_check_env[@]}" go vet "${win_check_flags[@]}" ./cmd/lupauspaja ./ui ./workshop/...
# Test binaries of the non-GUI packages, for Windows, linked as the exe is.
nogui=$(go list -f '{{if .TestGoFiles}}{{.ImportPath}}{{end}}{{if .XTestGoFiles}} {{.ImportPath}}{{end}}' ./workshop/... ./buildinfo ./ui/i18n |
	awk '{print $1}' | grep -v '^$' | sort -u)
mkdir -p "$tmp/wintest"
for p in $nogui; do
	check "GOOS=windows go test -c ${p#lupauspaja/}" env "${win_check_env[@]}" \
		go test -c "${win_check_flags[@]}" -o "$tmp/wintest/" "$p"
done
made=$(find "$tmp/wintest" -name '*.test.exe' | wc -l)
if [ "$made" -ge "$(echo "$nogui" | wc -w)" ] && [ "$made" -gt 0 ]; then
	ok "$made Windows test binaries made"
	for f in "$tmp"/wintest/*.test.exe; do
		case "$(file -b "$f")" in "PE32+ executable (console) x86-64"*) ;; *) bad "$(basename "$f") is no Windows x86-64 console exe: $(file -b "$f")" ;; esac
	done
else
	bad "Windows test binaries: $made made for $(echo "$nogui" | wc -w) packages"
fi

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
