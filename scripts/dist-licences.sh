#!/usr/bin/env bash
# dist-licences.sh [OUTDIR] — writes the licences of what the app is made of
# into OUTDIR (default assets/licences, which the app embeds for its About box
# and the packages ship):
#   - every Go module linked into ./cmd/lupauspaja, for Linux and for Windows,
#     found from the module graph by go-licenses (its licence file and name);
#     it fails on a module whose licence it cannot name, or that is forbidden
#     or restricted (GPL-like) for a program shipped as a binary;
#   - the Go standard library (GOROOT/LICENSE);
#   - the C library compiled in from a module's folder: GLFW;
#   - the fonts Fyne embeds (read from its go:embed lines), each with the
#     licence file Fyne keeps beside it, and the app's own copy of Noto Sans
#     (assets/fonts/OFL.txt);
#   - on Windows, the MinGW-w64 runtime linked statically into the exe.
# Licence names come from go-licenses' classifier, never typed in here.
# index.tsv: kind (module, go, c, font), name, version (module@version for
# what comes inside a module), licence, systems, file (in texts/).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin
out=${1:-assets/licences}
scripts/dist-tools.sh
tools=$PWD/bin/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '{{range .}}{{.Name}}\t{{.Version}}\t{{.LicenseName}}\t{{.LicensePath}}\n{{end}}' >"$tmp/report.tmpl"
for goos in linux windows; do
	cc=gcc
	[ "$goos" = windows ] && cc=x86_64-w64-mingw32-gcc
	# go-licenses reads the package graph as `go build` sees it for that
	# system, cgo included (GLFW and SQLite are cgo packages).
	if ! env GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 CC=$cc "$tools/go-licenses" report --ignore lupauspaja \
		--template "$tmp/report.tmpl" ./cmd/lupauspaja >"$tmp/$goos.tsv" 2>"$tmp/$goos.log"; then
		cat "$tmp/$goos.log" >&2
		echo "dist-licences: go-licenses report failed for $goos" >&2
		exit 1
	fi
	if ! env GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 CC=$cc "$tools/go-licenses" check --ignore lupauspaja \
		--disallowed_types=forbidden,restricted,unknown ./cmd/lupauspaja 2>"$tmp/$goos.check"; then
		grep -v "Error discovering license URL" "$tmp/$goos.check" >&2 || true
		echo "dist-licences: a module linked into the $goos build has a licence that cannot be shipped (above)" >&2
		exit 1
	fi
	if awk -F'\t' '$3 == "" || $3 == "Unknown" || $4 == "" || $4 == "Unknown"' "$tmp/$goos.tsv" | grep . >/dev/null; then
		echo "dist-licences: no licence found for:" >&2
		awk -F'\t' '$3 == "" || $3 == "Unknown" || $4 == "" || $4 == "Unknown" {print "  " $1}' "$tmp/$goos.tsv" >&2
		exit 1
	fi
	sed "s/\$/\t$goos/" "$tmp/$goos.tsv" >>"$tmp/all.tsv"
done

# One row per module: its licence names joined, the systems it is linked on.
sort -t$'\t' -k1,1 -k3,3 "$tmp/all.tsv" | awk -F'\t' -v OFS='\t' '
	{ key = $1; ver[key] = $2; path[key] = $4
	  if (!((key, $3) in seenl)) { seenl[key, $3] = 1; lic[key] = nl[key]++ ? lic[key] ", " $3 : $3 }
	  if (!((key, $5) in seeno)) { seeno[key, $5] = 1; os[key] = no[key]++ ? os[key] "," $5 : $5 }
	  if (!(key in order)) { order[key] = ++n; names[n] = key } }
	END { for (i = 1; i <= n; i++) { k = names[i]; print "module", k, ver[k], lic[k], os[k], path[k] } }' >"$tmp/modules.tsv"

# classify FILE: the licence names in FILE, as go-licenses would name them.
classify() { "$tools/classify" "$1" | cut -f2; }

rows=$tmp/rows.tsv
: >"$rows"
while IFS=$'\t' read -r kind name ver lic oss path; do
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$ver" "$lic" "$oss" "$path" >>"$rows"
done <"$tmp/modules.tsv"

goroot=$(go env GOROOT)
printf 'go\tGo\t%s\t%s\tlinux,windows\t%s\n' "$(go env GOVERSION)" \
	"$(classify "$goroot/LICENSE")" "$goroot/LICENSE" >>"$rows"

# GLFW's C sources are compiled from the go-gl/glfw module's folder.
glfw_mod=$(awk -F'\t' '$2 ~ /^github.com\/go-gl\/glfw\// {print $2; exit}' "$tmp/modules.tsv")
if [ -n "$glfw_mod" ]; then
	glfw_dir=$(go list -m -f '{{.Dir}}' "$glfw_mod")
	glfw_ver=$(go list -m -f '{{.Version}}' "$glfw_mod")
	[ -f "$glfw_dir/glfw/LICENSE.md" ] || { echo "dist-licences: GLFW's LICENSE.md is missing in $glfw_dir/glfw" >&2; exit 1; }
	printf 'c\tGLFW\t%s@%s\t%s\tlinux,windows\t%s\n' "$glfw_mod" "$glfw_ver" \
		"$(classify "$glfw_dir/glfw/LICENSE.md")" "$glfw_dir/glfw/LICENSE.md" >>"$rows"
fi

# The fonts Fyne embeds, read from its go:embed lines, and the licence file
# Fyne keeps for each (LICENSE.txt is Noto Sans'; LICENSE_<Family>.txt the others').
fyne_dir=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
fyne_ver=$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)
fonts=$(grep -ho '^//go:embed font/[^ ]*' "$fyne_dir"/theme/bundled-*.go | sed 's#^//go:embed font/##')
[ -n "$fonts" ] || { echo "dist-licences: found no fonts embedded in $fyne_dir/theme" >&2; exit 1; }
declare -A font_licence=()
for f in $fonts; do
	case "$f" in
	NotoSans-*) fam="Noto Sans" lf=LICENSE.txt ;;
	DejaVuSansMono-Powerline.*) fam="DejaVu Sans Mono Powerline" lf=LICENSE_DejaVu-Powerline.txt ;;
	InterSymbols-*) fam="Inter Symbols" lf=LICENSE_Inter.txt ;;
	EmojiOneColor.*) fam="EmojiOne Color" lf=LICENSE_EmojiOneColor.txt ;;
	*) echo "dist-licences: Fyne embeds a font this script does not know: $f (add its licence file here)" >&2; exit 1 ;;
	esac
	[ -f "$fyne_dir/theme/font/$lf" ] || { echo "dist-licences: $lf missing beside $f in Fyne" >&2; exit 1; }
	font_licence[$fam]=$lf
done
for fam in $(printf '%s\n' "${!font_licence[@]}" | sort | tr ' ' '_'); do
	fam=${fam//_/ }
	lf=$fyne_dir/theme/font/${font_licence[$fam]}
	printf 'font\t%s\tfyne.io/fyne/v2@%s\t%s\tlinux,windows\t%s\n' "$fam" "$fyne_ver" "$(classify "$lf")" "$lf" >>"$rows"
done

# The app's own copy of Noto Sans (assets/fonts, embedded by package assets).
if ls assets/fonts/*.ttf >/dev/null 2>&1; then
	[ -f assets/fonts/OFL.txt ] || { echo "dist-licences: assets/fonts has fonts but no OFL.txt" >&2; exit 1; }
	printf 'font\tNoto Sans\tlupauspaja/assets/fonts\t%s\tlinux,windows\t%s\n' "$(classify assets/fonts/OFL.txt)" \
		"$PWD/assets/fonts/OFL.txt" >>"$rows"
fi

# The Windows exe links MinGW-w64's runtime statically (scripts/dist.sh).
mingw=/usr/share/doc/mingw-w64-x86-64-dev/copyright
[ -f "$mingw" ] || { echo "dist-licences: $mingw is missing: install mingw-w64-x86-64-dev (scripts/setup.sh dist)" >&2; exit 1; }
mingw_ver=$(dpkg-query -W -f='${Version}' mingw-w64-x86-64-dev)
printf 'c\tMinGW-w64 runtime\t%s\t%s\twindows\t%s\n' "$mingw_ver" "$(classify "$mingw")" "$mingw" >>"$rows"

# Write OUTDIR anew: texts/<name>.txt and index.tsv.
rm -rf "$out/texts" "$out/index.tsv"
mkdir -p "$out/texts"
while IFS=$'\t' read -r kind name ver lic oss path; do
	file=$(printf '%s' "$kind-$name" | sed 's#[^A-Za-z0-9._-]#_#g').txt
	n=2
	while [ -e "$out/texts/$file" ]; do # a second part of the same name
		file=$(printf '%s' "$kind-$name-$n" | sed 's#[^A-Za-z0-9._-]#_#g').txt
		n=$((n + 1))
	done
	cp "$path" "$out/texts/$file"
	chmod 0644 "$out/texts/$file"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$ver" "$lic" "$oss" "$file" >>"$out/index.tsv"
done <"$rows"
cat >"$out/README.md" <<'EOF'
# Licences of what Lupauspaja is made of

Generated by `scripts/dist-licences.sh` (`make licences`); do not edit.
`index.tsv` has one row per part: kind (module, go, c, font), name, version,
licence (as go-licenses' classifier names it), the systems it is linked
into, and its licence text in `texts/`. The app shows them from its About
box; `make dist` puts them into both packages and fails if they are stale.
EOF
echo "dist-licences: $(wc -l <"$out/index.tsv") parts, texts in $out/texts/"
