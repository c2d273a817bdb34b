#!/usr/bin/env bash
# compare-office.sh [RUNS] — how long the PDF summary takes, side by side:
#
#   A  lupauspaja pdf ID -o FILE.pdf   (the whole command: start, open the
#      database, load the session, draw and write the PDF)
#   B  what a facilitator would otherwise do: the same summary as an ODT
#      document, exported with soffice --headless --convert-to pdf
#
# Both run RUNS times (default 5) on the Nordrahti example workshop; the
# script prints the median of each and the ratio. The goal is A at least
# 10x faster than B. B's document is prepared before timing (its text is the
# text of A's PDF), and soffice gets one untimed warm-up run so that its
# first-start profile creation is not counted against it.
# Needs: go, poppler-utils, libreoffice-writer-nogui (installed when root).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${GO:-go}" >/dev/null 2>&1 || export PATH=$PATH:/usr/local/go/bin # Go from go.dev, not on PATH
runs=${1:-5}

if ! command -v soffice >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		echo "installing libreoffice-writer-nogui (once)…" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
	else
		echo "compare-office: soffice is missing; run: sudo apt-get install --no-install-recommends libreoffice-writer-nogui" >&2
		exit 1
	fi
fi
command -v pdftotext >/dev/null || { echo "compare-office: pdftotext is missing; run: sudo apt-get install poppler-utils" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/lupauspaja
go build -o "$bin" ./cmd/lupauspaja
db=$work/l.db
id=$("$bin" --db "$db" import workshop/fixture/testdata/nordrahti.json)

# now_ms prints a monotonic-enough wall clock in milliseconds.
now_ms() { date +%s%3N; }

# median of the numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

times_a=()
for i in $(seq "$runs"); do
	t0=$(now_ms)
	"$bin" --db "$db" pdf "$id" -o "$work/lupauspaja.pdf"
	t1=$(now_ms)
	times_a+=($((t1 - t0)))
done

# The same summary as a document the facilitator would have typed.
pdftotext -layout "$work/lupauspaja.pdf" "$work/summary.txt"
profile="file://$work/lo-profile"
soffice -env:UserInstallation="$profile" --headless --convert-to odt --outdir "$work/odt" "$work/summary.txt" >/dev/null 2>&1
[ -s "$work/odt/summary.odt" ] || { echo "compare-office: soffice could not write the ODT document" >&2; exit 1; }
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/warm" "$work/odt/summary.odt" >/dev/null 2>&1

times_b=()
for i in $(seq "$runs"); do
	rm -rf "$work/out"
	t0=$(now_ms)
	soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/out" "$work/odt/summary.odt" >/dev/null 2>&1
	t1=$(now_ms)
	[ -s "$work/out/summary.pdf" ] || { echo "compare-office: soffice wrote no PDF" >&2; exit 1; }
	times_b+=($((t1 - t0)))
done

a=$(printf '%s\n' "${times_a[@]}" | median)
b=$(printf '%s\n' "${times_b[@]}" | median)
pages_a=$(pdfinfo "$work/lupauspaja.pdf" | awk '/^Pages:/ {print $2}')
pages_b=$(pdfinfo "$work/out/summary.pdf" | awk '/^Pages:/ {print $2}')
echo "runs: $runs (median), machine: $(nproc) cores, $(uname -sr)"
echo "A lupauspaja pdf:            ${a} ms  (${pages_a} pages, $(stat -c %s "$work/lupauspaja.pdf") bytes; runs: ${times_a[*]})"
echo "B soffice --convert-to pdf:  ${b} ms  (${pages_b} pages, $(stat -c %s "$work/out/summary.pdf") bytes; runs: ${times_b[*]})"
awk -v a="$a" -v b="$b" 'BEGIN { r = (a > 0 ? b / a : 0); printf "ratio B/A: %.1fx (goal: at least 10x) %s\n", r, (r >= 10 ? "ok" : "NOT MET") }'
