package store

import (
	"path/filepath"
	"testing"

	"lupauspaja/workshop"
)

func TestCreateLoadPutRemove(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "a", "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := workshop.NewSession("fi")
	s.Title, s.Organisation = "Työpaja", "Nordrahti Oy"
	s.Participants = []workshop.Participant{{ID: "P1", Name: "Äijä Öhman", Kind: workshop.KindEmployee}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	if err := st.Put(s.ID, Participant{ID: "P2", Name: "Åsa"}); err != nil {
		t.Fatal(err)
	}
	if err := st.Put(s.ID, Participant{ID: "P1", Name: "Äijä Ö."}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participants) != 2 || got.Participants[0].Name != "Äijä Ö." || got.Participants[1].Name != "Åsa" {
		t.Fatalf("participants %+v", got.Participants)
	}
	if err := st.Remove(s.ID, KindParticipant, "P1"); err != nil {
		t.Fatal(err)
	}
	l, err := st.List("nord")
	if err != nil || len(l) != 1 || l[0].Title != "Työpaja" {
		t.Fatalf("list %v %v", l, err)
	}
}
