package editor

import (
	"errors"
	"path/filepath"
	"testing"

	"lupauspaja/workshop"
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
	err := ed.Edit(func(s *workshop.Session) Change {
		p := workshop.Participant{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindCustomer}
		s.Participants = append(s.Participants, p)
		s.Purpose.Why = "Jotta tavara liikkuu."
		return Change{Header: true, Put: []store.Record{store.Participant(p)}}
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
	if err := ed.Edit(func(s *workshop.Session) Change {
		s.Participants = nil
		return Change{Remove: []store.Record{store.Participant{ID: "P1"}}}
	}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) Change { return Change{} }); err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Fatalf("listener called %d times, want 2", calls)
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

// unsaveable is a record the store cannot encode, standing in for any
// failure inside the transaction.
type unsaveable struct{}

func (unsaveable) RecordKind() string           { return store.KindParticipant }
func (unsaveable) RecordKey() string            { return "X" }
func (unsaveable) MarshalJSON() ([]byte, error) { return nil, errors.New("cannot encode") }

func TestFailedEditLeavesMemoryAsTheFile(t *testing.T) {
	st, ed := open(t)
	err := ed.Edit(func(s *workshop.Session) Change {
		s.Title = "ei tallennu"
		p := workshop.Participant{ID: "P9", Name: "Kadonnut"}
		s.Participants = append(s.Participants, p)
		return Change{Header: true, Put: []store.Record{store.Participant(p), unsaveable{}}}
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
}

// An undo puts a record back in its old place, and the file keeps that order.
func TestOrderFollowsTheListsAfterAnUndo(t *testing.T) {
	st, ed := open(t)
	var ps []workshop.Participant
	for _, n := range []string{"Anna", "Björn", "Cecilia"} {
		ps = append(ps, workshop.Participant{ID: workshop.NewID("P"), Name: n, Kind: workshop.KindEmployee})
	}
	add := func(s *workshop.Session) Change {
		s.Participants = append(s.Participants, ps...)
		var ch Change
		for _, p := range ps {
			ch.Put = append(ch.Put, store.Participant(p))
		}
		return ch
	}
	if err := ed.Edit(add); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) Change {
		s.Participants = s.Participants[1:]
		return Change{Remove: []store.Record{store.Participant{ID: ps[0].ID}}}
	}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) Change {
		s.Participants = append([]workshop.Participant{ps[0]}, s.Participants...)
		return Change{Put: []store.Record{store.Participant(ps[0])}, Order: []string{store.KindParticipant}}
	}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got.Participants {
		names = append(names, p.Name)
	}
	if len(names) != 3 || names[0] != "Anna" || names[1] != "Björn" || names[2] != "Cecilia" {
		t.Fatalf("order after the undo: %v", names)
	}
}
