package store_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
	"lupauspaja/workshop/testkit"
)

// OpenExisting makes nothing: a missing file is ErrNoDatabase, and neither
// the file nor its folder is left behind; a file that is there opens as
// with Open.
func TestOpenExistingMakesNothing(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "x.db"), filepath.Join(dir, "typo", "x.db")} {
		st, err := store.OpenExisting(p)
		if !errors.Is(err, store.ErrNoDatabase) {
			t.Fatalf("%s: %v", p, err)
		}
		if st != nil {
			t.Fatal("a store with the error")
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left %v", entries)
	}
	p := filepath.Join(dir, "w.db")
	st, err := store.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Create(fixture.Nordrahti()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = store.OpenExisting(p)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if l, err := st.List(""); err != nil || len(l) != 1 {
		t.Fatalf("%v %v", l, err)
	}
	if _, err := store.OpenExisting(dir); err == nil || err.Error() != dir+" is a folder, not a database file" {
		t.Fatalf("a folder: %v", err)
	}
}

// A database in a folder that refuses new files is a *ReadOnlyError at
// once: a new one, one that is there (SQLite could not make its -wal and
// -shm there, nor a migration its backup), and a lock file beside it.
func TestOpenInAReadOnlyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o700)
	there := filepath.Join(dir, "there.db")
	st, err := store.Open(there)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	testkit.ReadOnly(t, dir)
	for _, p := range []string{filepath.Join(dir, "new.db"), there} {
		_, err := store.Open(p)
		if !errors.Is(err, store.ErrReadOnly) || !errors.Is(err, fs.ErrPermission) || err.Error() != "the database "+p+" (or its folder) is read-only: copy it to a folder you can write to" {
			t.Errorf("open %s: %v", filepath.Base(p), err)
		}
		if _, err := store.LockInstance(p); !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("lock %s: %v", filepath.Base(p), err)
		}
	}
	// Reading it works, and leaves nothing beside it.
	st, err = store.OpenForReading(there)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.List(""); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left %v", entries)
	}
}

// Backups finds the copies migrations leave beside the file, newest first,
// also when the path holds characters a glob would read as a pattern; a
// copy not finished (.tmp) and other files are not among them.
func TestBackupsBesideTheFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "työt [2026]*?")
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "w.db")
	a, b := path+".v3-20260101-100000.bak", path+".v4-20260601-100000.bak"
	for i, f := range []string{b, a, b + ".tmp", path + ".broken-20260701-100000", filepath.Join(dir, "x.db.v1-20260101-100000.bak")} {
		os.WriteFile(f, nil, 0o600)
		stamp := time.Date(2026, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC)
		os.Chtimes(f, stamp, stamp)
	}
	if got := store.Backups(path); len(got) != 2 || got[0] != a || got[1] != b {
		t.Fatalf("%q", got)
	}
}
