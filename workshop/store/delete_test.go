package store_test

import (
	"errors"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

// workshopWithCheckins stores the Nordrahti workshop (kept) and the large
// workshop with two check-ins, the second following the first. It returns
// them and the names of the large workshop's participants that the kept
// one does not have.
func workshopWithCheckins(t *testing.T, st *store.Store) (keep, gone, c1, c2 *workshop.Session, names [][]byte) {
	t.Helper()
	keep, gone = fixture.Nordrahti(), fixture.Large()
	if err := st.Create(keep); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(gone); err != nil {
		t.Fatal(err)
	}
	var err error
	if c1, err = st.CreateCheckin(gone.ID, "2027-03-10", "45min", time.Now()); err != nil {
		t.Fatal(err)
	}
	if c2, err = st.CreateCheckin(c1.ID, "2027-06-10", "45min", time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, p := range gone.Participants {
		if keep.Participant(p.ID) == nil || keep.Participant(p.ID).Name != p.Name {
			names = append(names, []byte(p.Name))
		}
	}
	if len(names) < 30 || len(c2.Participants) != len(gone.Participants) {
		t.Fatalf("%d names; the check-in has %d participants of %d", len(names), len(c2.Participants), len(gone.Participants))
	}
	return keep, gone, c1, c2, names
}

// Deleting a workshop deletes its check-ins too, in the same transaction:
// each holds a copy of the participants' names, and after the delete no
// row holds any of them and neither do the bytes of the database file and
// its write-ahead log (without a Compact: the app deletes with Delete
// alone).
func TestDeletingAWorkshopDeletesItsCheckinsAndTheirNames(t *testing.T) {
	st := open(t)
	keep, gone, c1, c2, names := workshopWithCheckins(t, st)
	if !inFiles(t, st.Path(), names[0]) {
		t.Fatal("the names are not in the files to begin with")
	}
	if err := st.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{gone.ID, c1.ID, c2.ID} {
		if _, err := st.Load(id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("session %d after deleting the workshop: %v", id, err)
		}
	}
	var sessions, records int
	if err := rawQuery(t, st.Path(), "SELECT count(*) FROM sessions WHERE id != ?", keep.ID).Scan(&sessions); err != nil {
		t.Fatal(err)
	}
	if err := rawQuery(t, st.Path(), "SELECT count(*) FROM records WHERE session_id != ?", keep.ID).Scan(&records); err != nil {
		t.Fatal(err)
	}
	if sessions != 0 || records != 0 {
		t.Errorf("%d sessions and %d records left besides the kept workshop", sessions, records)
	}
	for _, n := range names {
		var rows int
		if err := rawQuery(t, st.Path(), `SELECT (SELECT count(*) FROM sessions WHERE instr(header, ?1) > 0)
			+ (SELECT count(*) FROM records WHERE instr(data, ?1) > 0)`, string(n)).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows > 0 {
			t.Errorf("%d rows still hold %q", rows, n)
		}
		if inFiles(t, st.Path(), n) {
			t.Errorf("the files on disk still hold %q", n)
		}
	}
	if l, err := st.List(""); err != nil || len(l) != 1 || l[0].ID != keep.ID {
		t.Fatalf("list %+v %v", l, err)
	}
	if got, err := st.Load(keep.ID); err != nil || len(got.Participants) != len(keep.Participants) {
		t.Fatalf("the other workshop: %v", err)
	}
	integrityOK(t, st)
}

// Deleting a check-in deletes only it; the check-in that followed it then
// follows the workshop, so that the history stays one family, and keeps
// what it recorded itself.
func TestDeletingACheckinRelinksTheOneAfterIt(t *testing.T) {
	st := open(t)
	keep, gone, c1, c2, _ := workshopWithCheckins(t, st)
	if err := st.Delete(c1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(c1.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the deleted check-in: %v", err)
	}
	fam, err := st.Family(c2.ID)
	if err != nil || len(fam) != 2 || fam[0].ID != gone.ID || fam[1].ID != c2.ID {
		t.Fatalf("family after deleting the first check-in: %+v %v", fam, err)
	}
	got, err := st.Load(c2.ID)
	if err != nil || got.FollowsID != gone.ID || len(got.Participants) != len(c2.Participants) {
		t.Fatalf("the later check-in: follows %d, %v", got.FollowsID, err)
	}
	if got.Checkin == nil || got.Checkin.FollowsDate != c1.Date {
		t.Errorf("the later check-in's own record of the session before it changed: %+v", got.Checkin)
	}
	if _, err := st.Load(gone.ID); err != nil {
		t.Fatalf("the workshop: %v", err)
	}
	// The last check-in goes alone too; the workshop and the other stay.
	if err := st.Delete(c2.ID); err != nil {
		t.Fatal(err)
	}
	if l, err := st.List(""); err != nil || len(l) != 2 {
		t.Fatalf("list %+v %v", l, err)
	}
	if fam, err := st.Family(gone.ID); err != nil || len(fam) != 1 {
		t.Fatalf("the workshop's family: %+v %v", fam, err)
	}
	if fam, err := st.Family(keep.ID); err != nil || len(fam) != 1 {
		t.Fatalf("the other's family: %+v %v", fam, err)
	}
	if err := st.Delete(c2.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("delete twice: %v", err)
	}
	integrityOK(t, st)
}

// DeletedWith names the check-ins a delete takes with it, in date order:
// all of a workshop's, none of a check-in's (it goes alone).
func TestDeletedWithListsTheWorkshopsCheckins(t *testing.T) {
	st := open(t)
	keep, gone, c1, c2, _ := workshopWithCheckins(t, st)
	with, err := st.DeletedWith(gone.ID)
	if err != nil || len(with) != 2 || with[0].ID != c1.ID || with[1].ID != c2.ID || with[0].Date != "2027-03-10" {
		t.Fatalf("with the workshop: %+v %v", with, err)
	}
	for _, id := range []int64{keep.ID, c1.ID, c2.ID} {
		if with, err := st.DeletedWith(id); err != nil || len(with) != 0 {
			t.Errorf("with %d: %+v %v", id, with, err)
		}
	}
	if _, err := st.DeletedWith(9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing session: %v", err)
	}
}
