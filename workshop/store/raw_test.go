package store_test

import (
	"database/sql"
	"testing"
)

// rawQuery reads the database file with a connection of its own, as an
// outside reader would.
func rawQuery(t *testing.T, path, q string, args ...any) *sql.Row {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.QueryRow(q, args...)
}
