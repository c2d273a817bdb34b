// Package testkit sets up what tests of every layer need: a real database
// file in the test's temporary folder, sessions stored in it, and an editor
// on one of them. Everything it opens is closed when the test ends. Only
// tests import it.
package testkit

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/store"
)

// Path is the path of a database file (not yet made) in a new temporary folder.
func Path(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "lupauspaja.db")
}

// Library opens a new, empty database in a temporary folder.
func Library(t testing.TB) *library.Library {
	t.Helper()
	return OpenLibrary(t, Path(t))
}

// OpenLibrary opens the database at path, as the app does at start.
func OpenLibrary(t testing.TB, path string) *library.Library {
	t.Helper()
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// Store opens a new, empty database in a temporary folder, for tests of
// what lies below the library.
func Store(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(Path(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Create stores s as a new session and returns its id.
func Create(t testing.TB, lib *library.Library, s *workshop.Session) int64 {
	t.Helper()
	id, err := lib.Create(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// Load reads the session back from the database, as the truth.
func Load(t testing.TB, lib *library.Library, id int64) *workshop.Session {
	t.Helper()
	s, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Edit opens the stored session for editing.
func Edit(t testing.TB, lib *library.Library, id int64) *editor.Editor {
	t.Helper()
	ed, err := lib.Edit(id)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

// Editor stores s in a new database and opens it for editing: the
// "temporary store → session → editor" that most tests of a view begin with.
func Editor(t testing.TB, s *workshop.Session) *editor.Editor {
	t.Helper()
	_, ed := Session(t, s)
	return ed
}

// Session is Editor that also returns the library the session is in.
func Session(t testing.TB, s *workshop.Session) (*library.Library, *editor.Editor) {
	t.Helper()
	lib := Library(t)
	return lib, Edit(t, lib, Create(t, lib, s))
}

// FileSum is the checksum of the database file and its write-ahead log:
// equal before and after, nothing was written.
func FileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	h := sha256.New()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		h.Write(b)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// RowCounts says how many sessions and records the database file holds,
// read with SQLite itself (read-only), not through the store.
func RowCounts(t testing.TB, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sessions, records int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM records)`).Scan(&sessions, &records); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d sessions, %d records", sessions, records)
}
