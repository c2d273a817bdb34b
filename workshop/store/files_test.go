package store_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// sideFiles are the write-ahead log and shared-memory files next to path that exist.
func sideFiles(path string) []string {
	var out []string
	for _, s := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + s); err == nil {
			out = append(out, path+s)
		}
	}
	return out
}

func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestNewerDatabaseIsRefusedAndLeftAlone(t *testing.T) {
	for _, mode := range []string{"WAL", "DELETE"} {
		t.Run(mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "w.db")
			st, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Create(fixture.Nordrahti()); err != nil {
				t.Fatal(err)
			}
			st.Close()
			rawExec(t, path, "PRAGMA journal_mode="+mode, "PRAGMA user_version = 99")
			before := sum(t, path)
			_, err = store.Open(path)
			if !errors.Is(err, store.ErrNewerDatabase) {
				t.Fatalf("got %v", err)
			}
			if !strings.Contains(err.Error(), "schema 99") || strings.ContainsAny(err.Error(), "\n") {
				t.Fatalf("message %q", err)
			}
			if sum(t, path) != before {
				t.Fatal("the newer database was changed")
			}
			if sf := sideFiles(path); len(sf) > 0 {
				t.Fatalf("left files behind: %v", sf)
			}
		})
	}
}

func TestForeignDatabaseIsRefusedAndLeftAlone(t *testing.T) {
	for _, mode := range []string{"DELETE", "WAL"} {
		t.Run(mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.sqlite")
			rawExec(t, path, "PRAGMA journal_mode="+mode, "CREATE TABLE contacts(name TEXT)", "INSERT INTO contacts VALUES ('Äijä')")
			before := sum(t, path)
			_, err := store.Open(path)
			if !errors.Is(err, store.ErrForeignDatabase) {
				t.Fatalf("got %v", err)
			}
			if sum(t, path) != before {
				t.Fatal("the other program's database was changed")
			}
			if sf := sideFiles(path); len(sf) > 0 {
				t.Fatalf("left files behind: %v", sf)
			}
		})
	}
}

func TestGarbageFileIsRefusedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"text":      []byte("Tämä ei ole tietokanta.\n"),
		"long junk": bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 4096),
		"pdf":       []byte("%PDF-1.4\n" + strings.Repeat("x", 200)),
		"cut":       []byte("SQLite format 3\x00" + strings.Repeat("\x00", 40)),
	} {
		path := filepath.Join(dir, name+".db")
		os.WriteFile(path, content, 0o600)
		_, err := store.Open(path)
		if !errors.Is(err, store.ErrNotDatabase) {
			t.Errorf("%s: got %v", name, err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(after, content) {
			t.Errorf("%s: file changed", name)
		}
	}
}

// A damaged page inside a real database: refused when read, not papered over.
func TestCorruptDatabaseGivesClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Create(fixture.Large()); err != nil {
		t.Fatal(err)
	}
	st.Compact()
	st.Close()
	b, _ := os.ReadFile(path)
	for i := 4096; i < len(b); i++ { // keep the header page, ruin the rest
		b[i] ^= 0x5a
	}
	os.WriteFile(path, b, 0o600)
	st, err = store.Open(path)
	if err == nil {
		_, err = st.List("")
		if err == nil {
			var ok string
			ok, err = st.IntegrityCheck()
			if err == nil && ok == "ok" {
				t.Fatal("a ruined database looks fine")
			}
		}
		st.Close()
	}
	if err != nil && !errors.Is(err, store.ErrNotDatabase) {
		t.Fatalf("not a clear error: %v", err)
	}
	t.Logf("ruined database: %v", err)
}

func TestZeroLengthFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if l, err := st.List(""); err != nil || len(l) != 0 {
		t.Fatalf("%v %v", l, err)
	}
	if err := st.Create(fixture.Nordrahti()); err != nil {
		t.Fatal(err)
	}
}

func TestFileAndFolderArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "uusi", "kansio")
	path := filepath.Join(dir, "lupauspaja.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Create(fixture.Nordrahti()); err != nil {
		t.Fatal(err)
	}
	for _, p := range append([]string{path}, sideFiles(path)...) {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", filepath.Base(p), fi.Mode().Perm())
		}
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, _ := os.Stat(d)
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("folder %s: mode %v", d, fi.Mode().Perm())
		}
	}
}
