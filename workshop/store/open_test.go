package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
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
