package store

import (
	"path/filepath"
	"reflect"
	"testing"

	"lupauspaja/workshop"
)

// Every field of the room's settings makes the round trip through the
// file: a field the header left out would let the room start otherwise
// than it was left.
func TestRoomSettingsEveryFieldSurvivesTheFile(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	base := workshop.RoomSettings{Locked: true, Guests: true, Approval: true,
		Open: []string{workshop.StepDrafts}, Closed: []string{workshop.StepPurpose}}
	for _, m := range append([]reflect.Value{reflect.ValueOf(base)}, mutations(t, reflect.ValueOf(base))...) {
		r := m.Interface().(workshop.RoomSettings)
		for i, step := range r.Open { // a mutation appends "x": make it a step
			if step == "x" {
				r.Open[i] = workshop.StepMeasures
			}
		}
		for i, step := range r.Closed {
			if step == "x" {
				r.Closed = append([]string(nil), r.Closed...)
				r.Closed[i] = workshop.StepBaseline
			}
		}
		s := workshop.NewSession("fi")
		s.Room = &r
		if err := st.Create(s); err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		got, err := st.Load(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		// JSON keeps an empty list as none: compare as the session would hold them.
		want := r
		if len(want.Open) == 0 {
			want.Open = nil
		}
		if len(want.Closed) == 0 {
			want.Closed = nil
		}
		if got.Room == nil || !reflect.DeepEqual(*got.Room, want) {
			t.Errorf("stored %+v, read back %+v", want, got.Room)
		}
	}
}

// A database of schema 3 (before the room's settings) opens with a backup
// and loses nothing; its sessions have no settings yet, and then keep them.
func TestSchema3DatabaseUpgradesAndKeepsTheRoomsSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("fi")
	s.Title = "Ennen huoneen asetuksia"
	s.Participants = []workshop.Participant{{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindEmployee}}
	s.HiddenCards = map[string]bool{"draft:D1": true}
	s.Drafts = []workshop.Draft{{ID: "D1", Text: "Vastaamme samana päivänä.", AuthorIDs: []string{"P1"}, SegmentIDs: []string{}, Version: 1}}
	s.Pending = []workshop.PendingCard{{ID: "h1", AuthorID: "P1", Device: "room:d1", At: "2026-12-01T10:00:00Z",
		CardInput: workshop.CardInput{Kind: workshop.CardDraft, Text: "Kerromme ensin."}}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	before, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = ReopenFromSchema(t, path, 3) // as the app before this one left it
	defer st.Close()
	var v int
	st.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() || v < 4 {
		t.Fatalf("schema %d after the upgrade", v)
	}
	got, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, before) || got.Room != nil {
		t.Fatalf("the upgrade changed the session:\n%+v\n%+v", got, before)
	}
	err = st.Update(s.ID, func(tx *Tx) error {
		got.Room = &workshop.RoomSettings{Approval: true, Open: []string{workshop.StepDrafts}}
		return tx.SaveHeader(got)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = st.Load(s.ID)
	if got.Room == nil || !got.Room.Approval || len(got.Pending) != 1 || !got.CardHidden(workshop.CardDraft, "D1") {
		t.Fatalf("after saving the settings: %+v, %d held", got.Room, len(got.Pending))
	}
}

// A database of schema 4 (before the phones were remembered) opens with a
// backup and loses nothing; then a remembered phone is a record of its own
// that makes the round trip, every field of it.
func TestSchema4DatabaseUpgradesAndKeepsTheRoomsPhones(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("en")
	s.Title = "Before the phones were remembered"
	s.Participants = []workshop.Participant{{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindEmployee}}
	s.Room = &workshop.RoomSettings{Approval: true, Open: []string{workshop.StepDrafts}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Load(s.ID)
	st.Close()
	st = ReopenFromSchema(t, path, 4) // as the app before this one left it
	defer st.Close()
	got, err := st.Load(s.ID)
	if err != nil || !reflect.DeepEqual(got, before) {
		t.Fatalf("the upgrade changed the session: %v\n%+v\n%+v", err, got, before)
	}
	rd := workshop.RoomDevice{ID: "a1b2c3", TokenHash: workshop.DeviceTokenHash("cookie"), ParticipantID: "P1", Anonymous: true,
		Voter: "anon-0123456789", Owned: []string{"draft:D1", "segment:S1"}, Joined: "2026-12-01T10:00:00Z"}
	if err := st.Update(s.ID, func(tx *Tx) error { return tx.Put(RoomDevice(rd)) }); err != nil {
		t.Fatal(err)
	}
	got, err = st.Load(s.ID)
	if err != nil || len(got.RoomDevices) != 1 || !reflect.DeepEqual(got.RoomDevices[0], rd) || got.Room == nil || !got.Room.Approval {
		t.Fatalf("read back: %v %+v", err, got.RoomDevices)
	}
}
