package sessionfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A write that fails half-way (a full disk) leaves the old file whole and no
// temporary file behind.
func TestWriteAtomicFailingHalfWay(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "istunto.json")
	old := []byte(`{"vanha": "tiedosto"}`)
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(path, func(w io.Writer) error {
		if _, err := w.Write([]byte(`{"format": "lupauspaja-session", "ses`)); err != nil {
			return err
		}
		return syscall.ENOSPC
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != string(old) {
		t.Fatalf("old file is now %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}

	// A new file that fails never appears at all.
	fresh := filepath.Join(dir, "uusi.json")
	writeAtomic(fresh, func(w io.Writer) error { return syscall.ENOSPC })
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatal("a failed write left a file")
	}
}
