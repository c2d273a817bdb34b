package editor_test

import (
	"errors"
	"path/filepath"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

// Edit stores what a check-in operation changed, and nothing when it refuses.
func TestEditStoresWhatACheckinOperationChanged(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := fixture.NordrahtiCheckin()
	if err := st.Create(c); err != nil {
		t.Fatal(err)
	}
	ed, err := editor.Open(st, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var rid string
	if err := ed.Edit(func(s *workshop.Session) error {
		r, err := s.AddReading("M3", "29", "2027-03-09", "Q1 loppu")
		rid = r.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) error {
		_, err := s.SetActionStatus("A4", workshop.ActionInProgress, "Kysely käynnistyi", "")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(s *workshop.Session) error { return s.SetNextReview("2027-06-17") }); err != nil {
		t.Fatal(err)
	}
	var removed workshop.Removed[workshop.ValidationAnswer]
	if err := ed.Edit(func(s *workshop.Session) (err error) {
		removed, err = s.RemoveAnswer(s.ValidationAnswers[1].ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// A refused operation changes nothing, in memory or on disk.
	var ie *workshop.InputError
	if err := ed.Edit(func(s *workshop.Session) error {
		s.Title = "half-way"
		_, err := s.AddReading("M404", "1", "", "")
		return err
	}); !errors.As(err, &ie) {
		t.Fatalf("refused operation: %v", err)
	}
	got, err := st.Load(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title == "half-way" || ed.Snapshot().Title == "half-way" {
		t.Fatal("a refused operation left its change")
	}
	if got.NextReviewDate != "2027-06-17" || got.Action("A4").StatusNote != "Kysely käynnistyi" || len(got.ValidationAnswers) != 3 {
		t.Fatalf("stored: review %s, A4 %+v, %d answers", got.NextReviewDate, got.Action("A4"), len(got.ValidationAnswers))
	}
	found := false
	for _, r := range got.Readings {
		found = found || r.ID == rid
	}
	if !found {
		t.Fatal("the new reading was not stored")
	}
	// The undo puts the answer back in its place, also on disk.
	if err := ed.Edit(func(s *workshop.Session) error { return s.RestoreAnswer(removed) }); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Load(c.ID)
	if len(got.ValidationAnswers) != 4 || got.ValidationAnswers[1].ID != removed.Item.ID {
		t.Fatalf("after the undo: %+v", got.ValidationAnswers)
	}
}
