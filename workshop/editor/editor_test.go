package editor

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"encoding/json"
	"maps"
	"slices"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

func open(t *testing.T) (*store.Store, *Editor) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := workshop.NewSession("fi")
	s.Title = "Työpaja"
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	ed, err := Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, ed
}

func TestEditStoresAndAnnounces(t *testing.T) {
	st, ed := open(t)
	calls := 0
	remove := ed.OnChange(func() { calls++ })
	err := ed.Edit(func(s *workshop.Session) error {
		s.Participants = append(s.Participants, workshop.Participant{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindCustomer})
		s.Purpose.Why = "Jotta tavara liikkuu."
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participants) != 1 || got.Participants[0].Name != "Åsa Öhman" || got.Purpose.Why != "Jotta tavara liikkuu." {
		t.Fatalf("stored %+v / %q", got.Participants, got.Purpose.Why)
	}
	if calls != 1 {
		t.Fatalf("listener called %d times, want 1", calls)
	}

	// Removing a record, and an edit that changes nothing, which announces nothing.
	if err := ed.Edit(func(s *workshop.Session) error { s.Participants = nil; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) error { s.Purpose.Why = s.Purpose.Why + ""; return nil }); err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Fatalf("listener called %d times, want 2", calls)
	}
	// Changes counts what the listeners were told, no more.
	if n := ed.Changes(); n != 2 {
		t.Fatalf("Changes() = %d, want 2", n)
	}
	remove()
	got, _ = st.Load(ed.ID())
	if len(got.Participants) != 0 {
		t.Fatalf("participant not removed: %+v", got.Participants)
	}
	snap := ed.Snapshot()
	snap.Title = "muutettu"
	ed.Read(func(s *workshop.Session) {
		if s.Title != "Työpaja" {
			t.Fatalf("snapshot shares memory with the session: %q", s.Title)
		}
	})
}

// Whatever an edit changes in memory is in the file afterwards: a field of
// a record changed in place, a record of every kind added, the header.
func TestEveryChangeInMemoryIsStored(t *testing.T) {
	st, ed := open(t)
	big := fixture.Nordrahti()
	if err := ed.Edit(func(s *workshop.Session) error {
		id, title := s.ID, s.Title
		*s = *workshop.Clone(big)
		s.ID, s.Title = id, title
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) error {
		s.Drafts[1].Text = "Muutettu paikallaan"
		s.Actions[0].Due = "2027-01-15"
		s.Decision.Rationale = "Koska."
		s.Ratings = s.Ratings[:len(s.Ratings)-1]
		s.Drafts[0].AuthorIDs[0] = s.Participants[len(s.Participants)-1].ID // in place, in a nested list
		s.Participants[0].Role = "Muutettu rooli"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	want := ed.Snapshot()
	// The list columns of the times are the store's own: compare the rest.
	got.UpdatedAt, got.CreatedAt = want.UpdatedAt, want.CreatedAt
	if a, b := contents(t, got), contents(t, want); !maps.Equal(a, b) {
		for k := range b {
			if a[k] != b[k] {
				t.Errorf("%s in the file:\n%s\nin memory:\n%s", k, a[k], b[k])
			}
		}
		t.Fatalf("the file differs from memory: %d and %d records", len(a), len(b))
	}
}

// failOn makes the database refuse any write of a participant with the id,
// a failure inside the transaction that the app cannot foresee.
func failOn(t *testing.T, st *store.Store, id string) {
	t.Helper()
	db, err := sql.Open("sqlite3", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.key = '` + id + `'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
}

func TestFailedEditLeavesMemoryAsTheFile(t *testing.T) {
	st, ed := open(t)
	failOn(t, st, "P9")
	calls := 0
	ed.OnChange(func() { calls++ })
	err := ed.Edit(func(s *workshop.Session) error {
		s.Title = "ei tallennu"
		s.Participants = append(s.Participants, workshop.Participant{ID: "P9", Name: "Kadonnut"})
		return nil
	})
	var se *SaveError
	if !errors.As(err, &se) {
		t.Fatalf("a failed save is not a SaveError: %v", err)
	}
	got, _ := st.Load(ed.ID())
	if got.Title != "Työpaja" || len(got.Participants) != 0 {
		t.Fatalf("half an edit was stored: %q %+v", got.Title, got.Participants)
	}
	ed.Read(func(s *workshop.Session) {
		if s.Title != "Työpaja" || len(s.Participants) != 0 {
			t.Fatalf("memory shows what the file does not hold: %q %+v", s.Title, s.Participants)
		}
	})
	if calls != 1 {
		t.Fatalf("the views were told %d times that the session went back, want 1", calls)
	}
	// The next edit saves normally.
	if err := ed.Edit(func(s *workshop.Session) error { s.Title = "Uusi"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Load(ed.ID()); got.Title != "Uusi" {
		t.Fatalf("title %q", got.Title)
	}
}

// An operation that refuses after it changed memory leaves nothing behind;
// one that refuses before changing anything costs nothing.
func TestRefusedOperationIsTakenBack(t *testing.T) {
	st, ed := open(t)
	refused := errors.New("refused")
	calls := 0
	ed.OnChange(func() { calls++ })
	if err := ed.Edit(func(s *workshop.Session) error { return refused }); err != refused {
		t.Fatalf("got %v, want the operation's own error", err)
	}
	if calls != 0 {
		t.Fatal("a refusal that changed nothing was announced")
	}
	if err := ed.Edit(func(s *workshop.Session) error {
		s.Title = "puolivalmis"
		return refused
	}); err != refused {
		t.Fatalf("got %v, want the operation's own error", err)
	}
	ed.Read(func(s *workshop.Session) {
		if s.Title != "Työpaja" {
			t.Fatalf("a refused operation left %q in memory", s.Title)
		}
	})
	if got, _ := st.Load(ed.ID()); got.Title != "Työpaja" {
		t.Fatalf("a refused operation was stored: %q", got.Title)
	}
}

// An undo puts a record back in its old place, a card moved keeps its new
// place, and the file keeps that order.
func TestOrderFollowsTheLists(t *testing.T) {
	st, ed := open(t)
	var ps []workshop.Participant
	for _, n := range []string{"Anna", "Björn", "Cecilia", "Daniel"} {
		ps = append(ps, workshop.Participant{ID: workshop.NewID("P"), Name: n, Kind: workshop.KindEmployee})
	}
	names := func() []string {
		t.Helper()
		got, err := st.Load(ed.ID())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range got.Participants {
			out = append(out, p.Name)
		}
		return out
	}
	edit := func(fn func(s *workshop.Session)) {
		t.Helper()
		if err := ed.Edit(func(s *workshop.Session) error { fn(s); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	edit(func(s *workshop.Session) { s.Participants = append(s.Participants, ps...) })
	var gone *workshop.Removal
	edit(func(s *workshop.Session) { gone, _ = s.RemoveParticipant(ps[1].ID) })
	if got := names(); !slices.Equal(got, []string{"Anna", "Cecilia", "Daniel"}) {
		t.Fatalf("after the deletion: %v", got)
	}
	edit(func(s *workshop.Session) { gone.Restore(s) })
	if got := names(); !slices.Equal(got, []string{"Anna", "Björn", "Cecilia", "Daniel"}) {
		t.Fatalf("after the undo: %v", got)
	}
	edit(func(s *workshop.Session) { s.Participants[0], s.Participants[3] = s.Participants[3], s.Participants[0] })
	if got := names(); !slices.Equal(got, []string{"Daniel", "Björn", "Cecilia", "Anna"}) {
		t.Fatalf("after a move: %v", got)
	}
	edit(func(s *workshop.Session) {
		s.Participants = append(s.Participants, workshop.Participant{ID: "PE", Name: "Eeva", Kind: workshop.KindGuest})
	})
	if got := names(); !slices.Equal(got, []string{"Daniel", "Björn", "Cecilia", "Anna", "Eeva"}) {
		t.Fatalf("after an addition: %v", got)
	}
}

// contents is the session as the store keeps it: every record by kind and
// key, and the header.
func contents(t *testing.T, s *workshop.Session) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range store.Records(s) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[r.RecordKind()+"/"+r.RecordKey()] = string(b)
	}
	h, err := store.EncodeHeader(s)
	if err != nil {
		t.Fatal(err)
	}
	out["header"] = string(h)
	return out
}
