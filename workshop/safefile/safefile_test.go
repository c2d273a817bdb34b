package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "yhteenveto.pdf")
	if err := Write(path, 0o600, Bytes([]byte("vanha"))); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer) error {
		w.Write([]byte("puoli"))
		return errors.New("levy täynnä")
	}
	if err := Write(path, 0o600, failing); err == nil || err.Error() != "levy täynnä" {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "vanha" {
		t.Fatalf("a failed write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode().Perm())
	}
}

func TestWriteRefusals(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 0o600, Bytes(nil)); err == nil || err.Error() != "is a folder" {
		t.Fatalf("folder: %v", err)
	}
	missing := filepath.Join(dir, "ei-ole", "a.json")
	if err := Write(missing, 0o600, Bytes(nil)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing folder: %v", err)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		if err := Write("/dev/full", 0o600, Bytes([]byte("x"))); err == nil {
			t.Fatal("writing /dev/full succeeded")
		}
		if fi, _ := os.Stat("/dev/full"); fi.Mode().IsRegular() {
			t.Fatal("/dev/full was replaced by a file")
		}
	}
}
