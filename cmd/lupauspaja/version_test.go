package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--version"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	want := appName + " " + appVersion + " ("
	if got := out.String(); !strings.HasPrefix(got, want) || !strings.Contains(got, runtime.GOOS+"/"+runtime.GOARCH) ||
		strings.Count(got, "\n") != 1 {
		t.Errorf("--version printed %q, want one line starting %q", got, want)
	}
	if errb.Len() != 0 {
		t.Errorf("--version wrote to stderr: %q", errb.String())
	}
	out.Reset()
	run([]string{"--help"}, &out, &errb)
	if !strings.Contains(out.String(), "--version") {
		t.Errorf("usage does not mention --version:\n%s", out.String())
	}
}

// The binary as `make dist` links it says the commit it was given, and
// needs no data folder for it.
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the app")
	}
	exe := filepath.Join(t.TempDir(), "lupauspaja")
	build := exec.Command("go", "build", "-o", exe, "-ldflags", "-X lupauspaja/buildinfo.commit=0badc0de", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(exe, "--version")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")} // no HOME, no XDG_DATA_HOME
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	if want := appName + " " + appVersion + " (commit 0badc0de, "; !strings.HasPrefix(string(out), want) {
		t.Errorf("--version printed %q, want it to start %q", out, want)
	}
}
