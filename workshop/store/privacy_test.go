package store_test

import (
	"os"
	"testing"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

// The app deletes a session with Delete alone, while the database stays
// open: the names must be gone from the files on disk (the database and its
// write-ahead log) then and there, not only after a later Compact.
func TestDeleteAloneLeavesNoNamesOnDisk(t *testing.T) {
	st := open(t)
	keep, gone := fixture.Nordrahti(), fixture.Large()
	if err := st.Create(keep); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(gone); err != nil {
		t.Fatal(err)
	}
	// Edits after the import, as in a workshop: more page images in the log.
	for _, p := range gone.Participants[:10] {
		p.Role = "Muokattu " + p.Role
		if err := st.Put(gone.ID, store.Participant(p)); err != nil {
			t.Fatal(err)
		}
	}
	var names [][]byte
	for _, p := range gone.Participants {
		if keep.Participant(p.ID) == nil || keep.Participant(p.ID).Name != p.Name {
			names = append(names, []byte(p.Name))
		}
	}
	if !inFiles(t, st.Path(), names[0]) {
		t.Fatal("the names are not in the files to begin with")
	}
	if err := st.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	left := 0
	for _, n := range names {
		if inFiles(t, st.Path(), n) {
			left++
		}
	}
	if left > 0 {
		t.Errorf("%d of %d names still on disk after Delete", left, len(names))
	}
	for _, f := range append([]string{st.Path()}, sideFiles(st.Path())...) {
		if fi, err := os.Stat(f); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", f, fi.Mode().Perm())
		}
	}
	integrityOK(t, st)
}
