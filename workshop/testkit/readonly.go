package testkit

import (
	"os"
	"testing"
)

// ReadOnly makes the file or folder at path read-only for the rest of the
// test, and writable again when it ends (so that its temporary folder can
// be removed). For a user that is a chmod; root, whom file permissions do
// not bind, gets the immutable flag where the file system has one (see
// readonly_linux.go), which refuses root's writes as a read-only disk does.
// Where neither can be had, the test is skipped, saying why.
func ReadOnly(t testing.TB, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		mode := fi.Mode().Perm()
		if err := os.Chmod(path, mode&^0o222); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, mode) })
		return
	}
	if err := setImmutable(path, true); err != nil {
		t.Skipf("running as root, whom a chmod does not stop, and %s cannot be made immutable: %v", path, err)
	}
	t.Cleanup(func() { setImmutable(path, false) })
}
