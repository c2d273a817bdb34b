package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// QuickCheckLimit lets tests and benchmarks move the size up to which every
// open checks the file page by page.
var QuickCheckLimit = &quickCheckLimit

// AddTestMigrations adds migrations after the embedded ones, for tests that
// go through a real upgrade; the returned function removes them.
func AddTestMigrations(sqls ...string) (remove func()) {
	v := SchemaVersion()
	for i, q := range sqls {
		testMigrations = append(testMigrations, migration{v + 1 + i, q})
	}
	return func() { testMigrations = nil }
}

// ReopenFromSchema makes the database at path (closed) one that schema v
// left, as an app of that version would find it, opens it again, which
// upgrades it, and checks that the upgrade took one backup of version v.
// The caller closes the store.
func ReopenFromSchema(t *testing.T, path string, v int) *Store {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if backups, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, v)); len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	return st
}

// StampLayout is stampLayout, for the tests of package store_test.
const StampLayout = stampLayout
