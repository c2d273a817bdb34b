package workshop

import (
	"errors"
	"reflect"
	"testing"
)

// The room's settings are operations on the session: each checks its input
// (an unknown setting or a step that is no page is refused with an
// *InputError and changes nothing), and the session stays valid.
func TestRoomSettingsRefuseBadInputAndChangeNothing(t *testing.T) {
	s := NewSession("fi")
	if err := s.SetRoomOption(RoomApproval, true); err != nil {
		t.Fatal(err)
	}
	before := Clone(s)
	for _, try := range []struct {
		field string
		run   func() error
	}{
		{"setting", func() error { return s.SetRoomOption("admin", true) }},
		{"setting", func() error { return s.SetRoomOption("", true) }},
		{"step", func() error { return s.SetStepInput("../steps", true) }},
		{"step", func() error { return s.SetStepInput("", false) }},
		{"step", func() error { return s.FollowStepInput("nowhere", StepDrafts) }},
		{"step", func() error { return s.FollowStepInput(StepDrafts, "nowhere") }},
	} {
		err := try.run()
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != try.field || ie.Problem != ProblemInvalid {
			t.Errorf("refused with %v, want an invalid %s", err, try.field)
		}
		if !reflect.DeepEqual(s, before) {
			t.Fatalf("a refused setting changed the session: %+v", s.Room)
		}
	}
}

// Opening, closing and following: a step the facilitator closed stays
// closed when the room comes back to it; a step the room comes to opens
// only when the one it left was open; all off is no settings at all.
func TestRoomSettingsFollowTheFacilitatorAndKeepWhatWasClosed(t *testing.T) {
	s := NewSession("en")
	if s.RoomOption(RoomGuests) || s.StepInputOpen(StepBaseline) {
		t.Fatal("a new session's room is not all off")
	}
	step := func(fn func() error) {
		t.Helper()
		if err := fn(); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("the session is not valid: %v", err)
		}
	}
	step(func() error { return s.FollowStepInput("", StepBaseline) }) // the room opens on step 1
	if !s.StepInputOpen(StepBaseline) {
		t.Fatal("the step on screen did not open with the room")
	}
	step(func() error { return s.FollowStepInput(StepBaseline, StepPurpose) })
	step(func() error { return s.SetStepInput(StepPurpose, false) })
	step(func() error { return s.FollowStepInput(StepPurpose, StepProfile) }) // left a closed step
	if s.StepInputOpen(StepProfile) {
		t.Fatal("input opened on coming from a closed step")
	}
	step(func() error { return s.FollowStepInput(StepBaseline, StepPurpose) })
	if s.StepInputOpen(StepPurpose) || !s.StepInputClosed(StepPurpose) {
		t.Fatal("a step closed by hand opened again when the room came back to it")
	}
	step(func() error { return s.FollowStepInput("", StepPurpose) }) // the room opened again on it
	if s.StepInputOpen(StepPurpose) {
		t.Fatal("a step closed by hand opened with the room")
	}
	step(func() error { return s.SetStepInput(StepPurpose, true) })
	if !s.StepInputOpen(StepPurpose) || s.StepInputClosed(StepPurpose) {
		t.Fatal("opening by hand did not open it")
	}
	for _, name := range []string{RoomLocked, RoomGuests, RoomApproval} {
		step(func() error { return s.SetRoomOption(name, true) })
		if !s.RoomOption(name) {
			t.Fatalf("%s is not on", name)
		}
	}
	want := RoomSettings{Locked: true, Guests: true, Approval: true, Open: []string{StepBaseline, StepPurpose}}
	if !reflect.DeepEqual(*s.Room, want) {
		t.Fatalf("settings %+v, want %+v", *s.Room, want)
	}
	// A snapshot taken before a change keeps what it had.
	shared := s.Room
	step(func() error { return s.SetStepInput(StepBaseline, false) })
	if !reflect.DeepEqual(*shared, want) {
		t.Fatalf("a change reached the settings a snapshot holds: %+v", *shared)
	}
	for _, name := range []string{RoomLocked, RoomGuests, RoomApproval} {
		step(func() error { return s.SetRoomOption(name, false) })
	}
	step(func() error { return s.SetStepInput(StepPurpose, false) })
	step(func() error { return s.SetStepInput(StepPurpose, true) })
	step(func() error { return s.SetStepInput(StepPurpose, false) })
	if s.Room == nil || !reflect.DeepEqual(s.Room.Closed, []string{StepBaseline, StepPurpose}) || s.Room.Open != nil {
		t.Fatalf("settings %+v", s.Room)
	}
	// A file whose settings name a step that does not exist is refused.
	s.Room = &RoomSettings{Open: []string{"steps/../x"}}
	if err := s.Validate(); err == nil {
		t.Fatal("a session whose room opens no page is valid")
	}
}
