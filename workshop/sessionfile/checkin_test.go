package sessionfile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
)

// A workshop exported with its check-ins imports as a new family: the same
// sessions, linked the same way, nothing lost.
func TestExportCarriesCheckinsAndImportLinksThem(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := fixture.Nordrahti()
	if err := st.Create(w); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	c1, err := workshop.NewCheckin(w, "2027-03-10", "45min", now)
	if err != nil {
		t.Fatal(err)
	}
	c1.AddReading("M1", "63", "", "ERP")
	c1.AddAnswer(workshop.ValidationAnswer{SegmentID: "S1", Understood: "yes", Meaningful: 5, Differentiating: 4, WouldChoose: "yes", UnderstoodAs: "Tiedän, missä kuorma on", Quote: "Ei tarvitse soitella perään"})
	c1.SetActionStatus("A5", workshop.ActionDone, "Tehty", "2026-12-10")
	c1.RevisePromise("Tiedät aina, missä tavarasi on.", "", "Lyhyempi", now)
	if err := st.Create(c1); err != nil {
		t.Fatal(err)
	}
	c2, err := st.CreateCheckin(c1.ID, "2027-06-10", "90min", now)
	if err != nil {
		t.Fatal(err)
	}
	// Another check-in of the workshop (a branch) is carried as well.
	c3, err := st.CreateCheckin(w.ID, "2027-04-01", "", now)
	if err != nil {
		t.Fatal(err)
	}
	opt := sessionfile.Options{ExportedAt: now, AppVersion: "t"}
	data, err := sessionfile.ExportBytes(st, w.ID, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Check-ins made now carry their round: a file of version 3.
	if !bytes.Contains(data, []byte(`"version": 3`)) || bytes.Count(data, []byte(`"follows":`)) != 3 {
		t.Fatalf("file head %s", data[:200])
	}
	// A workshop alone is still a file of version 2, which the release before reads.
	other := fixture.Nordrahti()
	if err := st.Create(other); err != nil {
		t.Fatal(err)
	}
	alone, err := sessionfile.ExportBytes(st, other.ID, opt)
	if err != nil || !bytes.Contains(alone, []byte(`"version": 2`)) {
		t.Fatalf("a workshop alone: %v %s", err, alone[:min(len(alone), 200)])
	}
	st2, err := store.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	id, err := sessionfile.Import(st2, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fam, err := st2.Family(id)
	if err != nil || len(fam) != 4 || fam[0].ID != id {
		t.Fatalf("imported family %+v %v", fam, err)
	}
	byDate := map[string]store.Summary{}
	for _, f := range fam {
		byDate[f.Date] = f
	}
	if byDate["2027-03-10"].FollowsID != id || byDate["2027-04-01"].FollowsID != id || byDate["2027-06-10"].FollowsID != byDate["2027-03-10"].ID {
		t.Fatalf("links %+v", fam)
	}
	// Exported again from the new database, the file is the same.
	again, err := sessionfile.ExportBytes(st2, id, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Fatal("the imported family exports differently")
	}
	got, _ := st2.Load(byDate["2027-03-10"].ID)
	if got.Decision.FinalText != "Tiedät aina, missä tavarasi on." || got.ValidationAnswers[0].Quote != "Ei tarvitse soitella perään" || got.Readings[0].Value != "63" {
		t.Fatalf("check-in after import: %+v", got)
	}
	// The check-ins that follow a check-in are its own family.
	_, cis, err := sessionfile.LoadFamily(st, c1.ID)
	if err != nil || len(cis) != 1 || cis[0].Session.ID != c2.ID || cis[0].Follows != 0 {
		t.Fatalf("family of the first check-in: %+v %v", cis, err)
	}
	// A check-in exported is the whole family's file, from the workshop:
	// imported, the check-in follows its workshop again, with nothing lost.
	for _, c := range []int64{c2.ID, c3.ID} {
		of, err := sessionfile.ExportBytes(st, c, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(of, data) {
			t.Fatalf("check-in %d exports another file than its workshop", c)
		}
	}
}

// Files of version 1, written before check-ins, still import.
func TestVersion1FileStillImports(t *testing.T) {
	data, err := os.ReadFile("../store/testdata/schema1-session1.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"version": 1`)) || bytes.Contains(data, []byte("readings")) {
		t.Fatal("not a version 1 file")
	}
	s, cis, err := sessionfile.UnmarshalFamily(data)
	if err != nil || len(cis) != 0 {
		t.Fatal(err)
	}
	if s.KindOrWorkshop() != workshop.SessionWorkshop || len(s.Actions) != 5 || s.Decision.FinalText == "" {
		t.Fatalf("%+v", s)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := sessionfile.Import(st, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	// A file of version 1 that claims check-ins is refused: version 1 had none.
	bad := strings.Replace(string(data), "\n  \"session\": {", "\n  \"checkins\": [],\n  \"session\": {", 1)
	if _, err := sessionfile.Unmarshal([]byte(bad)); !errors.Is(err, sessionfile.ErrNotSessionFile) {
		t.Fatalf("version 1 with check-ins: %v", err)
	}
}

func TestCheckinsOfAFileAreChecked(t *testing.T) {
	w := fixture.Nordrahti()
	c, err := workshop.NewCheckin(w, "2027-03-10", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	opt := sessionfile.Options{ExportedAt: time.Unix(0, 0)}
	if _, err := sessionfile.MarshalFamily(w, []sessionfile.Checkin{{Follows: 1, Session: c}}, opt); err == nil {
		t.Fatal("a check-in that follows itself")
	}
	if _, err := sessionfile.MarshalFamily(w, []sessionfile.Checkin{{Follows: 0, Session: fixture.Nordrahti()}}, opt); err == nil {
		t.Fatal("a workshop as a check-in")
	}
	good, err := sessionfile.MarshalFamily(w, []sessionfile.Checkin{{Follows: 0, Session: c}}, opt)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string][2]string{
		"follows later": {`"follows": 0`, `"follows": 3`},
		"no follows":    {`"follows": 0,`, ``},
		"bad answer":    {`"kind": "checkin"`, `"kind": "retro"`},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if _, _, err := sessionfile.UnmarshalFamily([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, cis, err := sessionfile.UnmarshalFamily(good); err != nil || len(cis) != 1 || cis[0].Session.Checkin.FollowsDate != w.Date {
		t.Fatalf("good file: %v", err)
	}
}
