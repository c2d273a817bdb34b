package store_test

import (
	"bytes"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
)

// copyFile copies a committed database into the test's folder, so that the
// test never changes testdata.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// testdata/schema1.db was made by the app before check-ins (schema 1: the
// Nordrahti workshop and an empty planned one); schema1-session*.json are
// those sessions exported by that app. Opening it takes a backup, brings it
// to the current schema, and every session reads back exactly as before.
func TestSchema1DatabaseUpgradesWithNothingLost(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lupauspaja.db")
	copyFile(t, "testdata/schema1.db", path)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if store.SchemaVersion() < 2 {
		t.Fatalf("schema %d", store.SchemaVersion())
	}
	backups, _ := filepath.Glob(path + ".v1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	for id, file := range map[int64]string{1: "testdata/schema1-session1.json", 2: "testdata/schema1-session2.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := sessionfile.Unmarshal(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got, err := st.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if got.KindOrWorkshop() != workshop.SessionWorkshop || got.FollowsID != 0 {
			t.Fatalf("session %d: kind %q follows %d", id, got.Kind, got.FollowsID)
		}
		norm := func(s *workshop.Session) []byte {
			c := workshop.Clone(s)
			c.ID, c.UpdatedAt, c.PrivateNotes = 0, time.Time{}, nil
			b, err := sessionfile.Marshal(c, sessionfile.Options{ExportedAt: time.Unix(0, 0), AppVersion: "x"})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		if g, w := norm(got), norm(want); !bytes.Equal(g, w) {
			t.Fatalf("session %d differs after the upgrade:\n%s\nwant\n%s", id, g, w)
		}
		if len(want.Participants) == 0 && id == 1 {
			t.Fatal("the fixture lost its participants")
		}
	}
	l, err := st.List("")
	if err != nil || len(l) != 2 || l[0].Kind != workshop.SessionWorkshop {
		t.Fatalf("list %+v %v", l, err)
	}
	// The backup is the old file, whole, at schema 1.
	db, err := sql.Open("sqlite3", "file:"+backups[0]+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, n int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	db.QueryRow("SELECT count(*) FROM records").Scan(&n)
	if v != 1 || n != 108 {
		t.Fatalf("backup at schema %d with %d records", v, n)
	}
	// A check-in can follow the upgraded workshop.
	c, err := st.CreateCheckin(1, "2027-03-10", "45min", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if fam, err := st.Family(c.ID); err != nil || len(fam) != 2 || fam[0].ID != 1 || fam[1].ID != c.ID {
		t.Fatalf("family %+v %v", fam, err)
	}
	if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
		t.Fatalf("integrity %q %v", ok, err)
	}
}

// workshopStore is a new database in the test's folder holding one
// workshop, "Työpaja" of 3.12.2026, with what edit gives it.
func workshopStore(t *testing.T, edit func(w *workshop.Session)) (*store.Store, *workshop.Session) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := workshop.NewSession("fi")
	w.Title, w.Date = "Työpaja", "2026-12-03"
	edit(w)
	if err := st.Create(w); err != nil {
		t.Fatal(err)
	}
	return st, w
}

func TestCheckinIsStoredWithItsLinkAndRecords(t *testing.T) {
	st, w := workshopStore(t, func(w *workshop.Session) {
		w.Participants = []workshop.Participant{{ID: "P1", Name: "Anna", Kind: workshop.KindEmployee}}
		w.Measures = []workshop.Measure{{ID: "M1", Name: "NPS", Baseline: "20", Target: "40"}}
		w.Actions = []workshop.Action{{ID: "A1", Kind: workshop.ActionAct, Text: "Soita", Due: "2027-01-10", Status: workshop.ActionOpen}}
	})
	c1, err := st.CreateCheckin(w.ID, "2027-02-01", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Changes of the check-in's own records go through one transaction, as the editor does it.
	err = st.Update(c1.ID, func(tx *store.Tx) error {
		r, err := c1.AddReading("M1", "28", "", "kysely")
		if err != nil {
			return err
		}
		a, err := c1.AddAnswer(workshop.ValidationAnswer{Meaningful: 4, UnderstoodAs: "nopeus"})
		if err != nil {
			return err
		}
		act, err := c1.SetActionStatus("A1", workshop.ActionDone, "tehty", "")
		if err != nil {
			return err
		}
		for _, rec := range []store.Record{store.Reading(r), store.Answer(a), store.Action(act)} {
			if err := tx.Put(rec); err != nil {
				return err
			}
		}
		return tx.SaveHeader(c1)
	})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := st.CreateCheckin(c1.ID, "2027-05-01", "90min", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	other := workshop.NewSession("en")
	if err := st.Create(other); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(c1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != workshop.SessionCheckin || got.FollowsID != w.ID || len(got.Readings) != 1 || len(got.ValidationAnswers) != 1 || got.Actions[0].StatusNote != "tehty" {
		t.Fatalf("loaded %+v", got)
	}
	if !reflect.DeepEqual(got.Checkin, c1.Checkin) {
		t.Fatalf("check-in info %+v, want %+v", got.Checkin, c1.Checkin)
	}
	for _, id := range []int64{w.ID, c1.ID, c2.ID} {
		fam, err := st.Family(id)
		if err != nil || len(fam) != 3 || fam[0].ID != w.ID || fam[1].ID != c1.ID || fam[2].ID != c2.ID {
			t.Fatalf("family of %d: %+v %v", id, fam, err)
		}
	}
	if fam, _ := st.Family(other.ID); len(fam) != 1 {
		t.Fatalf("a lone session's family: %+v", fam)
	}
	loaded, err := st.LoadFamily(c2.ID)
	if err != nil || len(loaded) != 3 || len(loaded[2].Readings) != 1 || !loaded[2].Readings[0].Earlier {
		t.Fatalf("load family: %v", err)
	}
	// Deleting the check-in between leaves the family whole: the later one
	// follows the workshop.
	if err := st.Delete(c1.ID); err != nil {
		t.Fatal(err)
	}
	fam, err := st.Family(c2.ID)
	if err != nil || len(fam) != 2 || fam[0].ID != w.ID || fam[1].ID != c2.ID || fam[1].FollowsID != w.ID {
		t.Fatalf("after deleting the check-in between: %+v %v", fam, err)
	}
	// Deleting the workshop takes its check-ins with it, and nothing else.
	if err := st.Delete(w.ID); err != nil {
		t.Fatal(err)
	}
	if l, err := st.List(""); err != nil || len(l) != 1 || l[0].ID != other.ID {
		t.Fatalf("after deleting the workshop: %+v %v", l, err)
	}
	if _, err := st.CreateCheckin(9999, "", "", time.Now()); err == nil {
		t.Fatal("check-in of a missing session")
	}
	if _, err := st.Family(9999); err == nil {
		t.Fatal("family of a missing session")
	}
}

// Before is the chain of sessions a check-in was made from, up its links:
// a second check-in of the workshop has the workshop only before it, not
// the check-in made beside it, though the family holds both.
func TestBeforeFollowsTheLinksUp(t *testing.T) {
	st, w := workshopStore(t, func(*workshop.Session) {})
	c1, err := st.CreateCheckin(w.ID, "2027-02-01", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c2, err := st.CreateCheckin(c1.ID, "2027-05-01", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	beside, err := st.CreateCheckin(w.ID, "2027-06-01", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64][]int64{w.ID: {}, c1.ID: {w.ID}, c2.ID: {w.ID, c1.ID}, beside.ID: {w.ID}} {
		got, err := st.Before(id)
		if err != nil || !reflect.DeepEqual(append([]int64{}, got...), want) {
			t.Errorf("before %d: %v %v, want %v", id, got, err, want)
		}
	}
	if fam, err := st.Family(beside.ID); err != nil || len(fam) != 4 {
		t.Fatalf("family: %+v %v", fam, err)
	}
	if _, err := st.Before(9999); err == nil {
		t.Fatal("before a missing session")
	}
	// A link to a session no longer there (written by hand, with the
	// database's own check off) ends the chain, and says nothing.
	db, err := sql.Open("sqlite3", "file:"+st.Path()+"?_foreign_keys=0")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE sessions SET follows = 9999 WHERE id = ?`, c1.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Before(c2.ID); err != nil || !reflect.DeepEqual(got, []int64{c1.ID}) {
		t.Fatalf("before %d with a link to nowhere: %v %v", c2.ID, got, err)
	}
}
