# dist-env.sh — sourced by scripts/dist.sh and scripts/dist-check.sh: how the
# Windows exe is compiled, in one place, so that the checks build the app's
# code for Windows exactly as the exe was built (and take its packages, GLFW
# and SQLite among them, from the build cache instead of compiling them again).
#
# fyne package (fyne.io/tools v1.7.4, --release) builds with -trimpath and the
# tag "release", and appends "-O3 -pipe" to CGO_CFLAGS. It means to add
# "-D_FORTIFY_SOURCE=3 -fstack-protector-strong" for mingw-w64 too, but it
# does not recognise Debian's x86_64-w64-mingw32-gcc ("12-win32" is no version
# to it) and then adds nothing: those flags are given here. The checked
# functions they call (__memcpy_chk and friends) are libssp's, which
# -fstack-protector-strong at link time brings in; -static links it, libgcc
# and winpthreads into the exe, which then needs only Windows' own DLLs.
win_cflags="-D_FORTIFY_SOURCE=3 -fstack-protector-strong"
win_ldflags="-static -fstack-protector-strong"
win_tags=release
# For fyne package, which adds its "-O3 -pipe".
win_env=(GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++
	"CGO_CFLAGS=$win_cflags" "CGO_LDFLAGS=$win_ldflags")
# For go vet and go test -c: the flags as the compiler got them from fyne package.
win_check_env=(GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++
	"CGO_CFLAGS=$win_cflags -O3 -pipe" "CGO_LDFLAGS=$win_ldflags")
win_check_flags=(-trimpath -tags "$win_tags")

# progress LABEL COMMAND...: runs COMMAND (a function too), saying once a
# minute that it still runs: fyne package keeps go build's output to itself,
# and a cold build prints nothing for minutes.
progress() {
	local label=$1 start n=0 pid
	shift
	start=$(date +%s)
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		n=$((n + 1))
		if [ $((n % 60)) = 0 ]; then echo "  … $label: $((($(date +%s) - start) / 60)) min so far"; fi
	done
	wait "$pid"
}
