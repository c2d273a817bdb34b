package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lupauspaja/workshop"
)

// Upgrading a database to a newer schema first copies it aside, then runs
// the migration in one transaction.
func TestUpgradeMakesBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("fi")
	s.Title = "Ennen päivitystä"
	s.Participants = []workshop.Participant{{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindEmployee}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	v1 := SchemaVersion()

	testMigrations = []migration{{v1 + 1, "CREATE TABLE tags (session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, tag TEXT NOT NULL);"}}
	defer func() { testMigrations = nil }()
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var version int
	st.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != v1+1 {
		t.Fatalf("schema %d after upgrade", version)
	}
	got, err := st.Load(s.ID)
	if err != nil || got.Participants[0].Name != "Åsa Öhman" {
		t.Fatalf("session after upgrade: %v", err)
	}
	st.Close()

	backups, _ := filepath.Glob(path + fmt.Sprintf(".v%d-*.bak", v1))
	if len(backups) != 1 {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("backups %v in %v", backups, entries)
	}
	fi, _ := os.Stat(backups[0])
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	db, err := sql.Open("sqlite3", "file:"+backups[0]+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var bv int
	var title string
	db.QueryRow("PRAGMA user_version").Scan(&bv)
	if err := db.QueryRow("SELECT title FROM sessions").Scan(&title); err != nil || bv != v1 || title != "Ennen päivitystä" {
		t.Fatalf("backup: schema %d, title %q, %v", bv, title, err)
	}

	// A failing migration leaves the database at its old schema, whole.
	testMigrations = append(testMigrations, migration{v1 + 2, "CREATE TABLE x(a); THIS IS NOT SQL;"})
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("schema %d", v1+2)) {
		t.Fatalf("broken migration: %v", err)
	}
	testMigrations = testMigrations[:1]
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.db.QueryRow("PRAGMA user_version").Scan(&version)
	var x int
	st.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'x'").Scan(&x)
	if version != v1+1 || x != 0 {
		t.Fatalf("after a failed migration: schema %d, table x %d", version, x)
	}
}
