package store_test

import (
	"testing"

	"lupauspaja/workshop/store"
)

// integrityOK fails the test unless SQLite's integrity_check says the file
// is sound. (On every system: the kill and lock tests that use it too are
// Unix-only, the corruption and privacy tests are not.)
func integrityOK(t *testing.T, st *store.Store) {
	t.Helper()
	ok, err := st.IntegrityCheck()
	if err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
}
