package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"

	"lupauspaja/workshop"
)

// newStoreWithSession makes a database with one session and closes it.
func newStoreWithSession(t *testing.T, path string) {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("fi")
	s.Title = "Vain luettavaksi"
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
}

// SQLite's own read-only error, from a real write to a store opened
// read-only (which refuses writes also to root, whom file permissions do
// not bind), is one *ReadOnlyError naming the file and saying what to do.
func TestWritesToAReadOnlyStoreSayTheDatabaseIsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	newStoreWithSession(t, path)
	for _, immutable := range []bool{true, false} {
		if !immutable {
			// mode=ro without immutable is chosen when the log holds changes.
			os.WriteFile(path+"-wal", nil, 0o600)
		}
		st, err := openSQLite(path, true)
		if err != nil {
			t.Fatal(err)
		}
		if l, err := st.List(""); err != nil || len(l) != 1 || l[0].Title != "Vain luettavaksi" {
			t.Fatalf("read: %v %v", l, err)
		}
		want := "the database " + path + " (or its folder) is read-only: copy it to a folder you can write to"
		for name, write := range map[string]func() error{
			"create": func() error { return st.Create(workshop.NewSession("fi")) },
			"create all": func() error {
				return st.CreateAll([]*workshop.Session{workshop.NewSession("fi")}, []int{-1})
			},
			"save":   func() error { s, _ := st.Load(1); return st.SaveHeader(s) },
			"delete": func() error { return st.Delete(1) },
		} {
			err := write()
			var ro *ReadOnlyError
			if !errors.As(err, &ro) || ro.Path != path || !errors.Is(err, ErrReadOnly) || !errors.Is(err, fs.ErrPermission) {
				t.Fatalf("%s: %v", name, err)
			}
			if !strings.HasSuffix(err.Error(), want) {
				t.Errorf("%s: %q, want …%q", name, err, want)
			}
		}
		st.Close()
	}
	// SQLITE_CANTOPEN on a file that is there is SQLite failing to make
	// the -wal or -shm beside it ("unable to open database file: no such
	// file or directory"): the folder is read-only. On a missing file, or
	// for any other error, it is not.
	cantOpen := sqlite3.Error{Code: sqlite3.ErrCantOpen}
	if err := readOnly(path, cantOpen); !errors.Is(err, ErrReadOnly) {
		t.Errorf("cantopen on a file: %v", err)
	}
	if err := readOnly(path+".ei", cantOpen); err != nil {
		t.Errorf("cantopen on no file: %v", err)
	}
	if err := readOnly(path, sqlite3.Error{Code: sqlite3.ErrBusy}); err != nil {
		t.Errorf("busy: %v", err)
	}
	if err := classify(path, cantOpen); !errors.Is(err, ErrReadOnly) {
		t.Errorf("classify: %v", err)
	}
}

// A read-only file that needs this version's schema cannot be updated (nor
// backed up beside itself): it is refused, and says so. A writable one
// opened for reading is updated after its backup, as Open does.
func TestReadingAnOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.db")
	newStoreWithSession(t, path)
	v := SchemaVersion()
	testMigrations = []migration{{v + 1, "CREATE TABLE tags (session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, tag TEXT NOT NULL);"}}
	defer func() { testMigrations = nil }()

	_, err := openSQLite(path, true)
	var ro *ReadOnlyError
	if !errors.As(err, &ro) || !ro.Old || err.Error() != "the database "+path+" (or its folder) is read-only, and this version of Lupauspaja needs to update it: copy it to a folder you can write to" {
		t.Fatalf("read-only, older: %v", err)
	}
	if b, _ := filepath.Glob(path + ".v*.bak"); len(b) != 0 {
		t.Fatalf("backup of a read-only file: %v", b)
	}

	st, err := OpenForReading(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var version int
	st.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != v+1 {
		t.Fatalf("not updated: %d", version)
	}
	if b, _ := filepath.Glob(path + ".v*.bak"); len(b) != 1 {
		t.Fatalf("backups %v", b)
	}
}
