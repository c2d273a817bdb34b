package library_test

import (
	"bytes"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/testkit"
)

// calendarFamily is a workshop and two check-ins, the first correcting
// the title, the second taking an action out.
func calendarFamily(t *testing.T) (*workshop.Session, []sessionfile.Checkin) {
	t.Helper()
	w := fixture.Nordrahti()
	c1, err := workshop.NewCheckin(w, "2027-03-10", "", fixture.CheckinAt)
	if err != nil {
		t.Fatal(err)
	}
	if err := c1.SetNextReview("2027-09-15"); err != nil {
		t.Fatal(err)
	}
	if err := c1.SetSessionField("title", "Nordrahdin asiakaslupaus 2027–2028"); err != nil {
		t.Fatal(err)
	}
	c2, err := workshop.NewCheckin(c1, "2027-09-15", "", fixture.CheckinAt.AddDate(0, 6, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := c2.SetNextReview("2027-12-01"); err != nil {
		t.Fatal(err)
	}
	if _, err := c2.RemoveAction("A1"); err != nil {
		t.Fatal(err)
	}
	return w, []sessionfile.Checkin{{Follows: 0, Session: c1}, {Follows: 1, Session: c2}}
}

// importFamily stores the family in a new database and returns it with
// the ids of the workshop and its check-ins, in the file's order.
func importFamily(t *testing.T, data []byte) (*library.Library, []int64) {
	t.Helper()
	lib := testkit.Library(t)
	root, err := lib.Import(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	list, err := lib.List("")
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{root}
	for _, s := range list {
		if s.ID != root {
			ids = append(ids, s.ID)
		}
	}
	sort.Slice(ids[1:], func(i, j int) bool { return ids[1+i] < ids[1+j] })
	return lib, ids
}

// calendarOf is the .ics of the stored session, read back by python3-icalendar:
// UID → its SEQUENCE, status and start.
func calendarOf(t *testing.T, lib *library.Library, id int64) map[string][3]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seuranta.ics")
	if err := lib.ICS(id, path); err != nil {
		t.Fatal(err)
	}
	out := map[string][3]string{}
	for _, e := range testkit.ReadICS(t, path) {
		out[e["uid"]] = [3]string{e["sequence"], e["status"], e["start"]}
	}
	return out
}

// The calendar files of a stored family share their events' UIDs through a
// title correction, an export and an import into another database, and for
// check-ins stored before they kept the workshop's creation and their
// round; the second check-in's file is SEQUENCE 2 and cancels the action
// it took out.
func TestCalendarOfAStoredFamilySurvivesExportAndImport(t *testing.T) {
	w, cis := calendarFamily(t)
	data, err := sessionfile.MarshalFamily(w, cis, sessionfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lib, ids := importFamily(t, data)
	if len(ids) != 3 {
		t.Fatalf("ids %v", ids)
	}
	workshopUIDs := calendarOf(t, lib, ids[0])
	second := calendarOf(t, lib, ids[2])
	check := func(name string, got map[string][3]string) {
		t.Helper()
		if len(got) != len(workshopUIDs) {
			t.Errorf("%s: %d events, the workshop's file %d", name, len(got), len(workshopUIDs))
		}
		cancelled := 0
		for uid, e := range got {
			if _, ok := workshopUIDs[uid]; !ok {
				t.Errorf("%s: %s is not a UID of the workshop's file", name, uid)
			}
			if e[0] != "2" {
				t.Errorf("%s: %s has SEQUENCE %q, want 2", name, uid, e[0])
			}
			if e[1] == "CANCELLED" {
				cancelled++
			}
		}
		if cancelled != 1 {
			t.Errorf("%s: %d events cancelled, want the action taken out: %v", name, cancelled, got)
		}
	}
	check("stored", second)

	var exported bytes.Buffer
	if err := lib.ExportTo(ids[2], &exported, false); err != nil {
		t.Fatal(err)
	}
	lib2, ids2 := importFamily(t, exported.Bytes())
	check("exported and imported", calendarOf(t, lib2, ids2[2]))
	if again := calendarOf(t, lib2, ids2[0]); len(again) != len(workshopUIDs) {
		t.Fatalf("the imported workshop's file: %v", again)
	} else {
		for uid := range again {
			if _, ok := workshopUIDs[uid]; !ok {
				t.Errorf("the imported workshop's file has a new UID %s", uid)
			}
		}
	}

	// Check-ins stored before they kept the workshop's creation and their
	// round: the file has neither.
	for _, c := range cis {
		c.Session.Checkin.WorkshopCreated, c.Session.Checkin.Round = time.Time{}, 0
	}
	legacy, err := sessionfile.MarshalFamily(w, cis, sessionfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(legacy, []byte(`"workshop_created"`)) || bytes.Contains(legacy, []byte(`"round"`)) || !bytes.Contains(data, []byte(`"workshop_created"`)) {
		t.Fatal("the files do not differ as meant")
	}
	lib3, ids3 := importFamily(t, legacy)
	c2, err := lib3.Load(ids3[2])
	if err != nil {
		t.Fatal(err)
	}
	if !c2.Checkin.WorkshopCreated.IsZero() || c2.Checkin.Round != 0 {
		t.Fatalf("the check-in kept %v, %d", c2.Checkin.WorkshopCreated, c2.Checkin.Round)
	}
	check("stored before", calendarOf(t, lib3, ids3[2]))
}
