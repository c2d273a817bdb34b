package workshop

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// A phone is remembered by the hash of its cookie, never the cookie; bad
// input is refused with a typed error and changes nothing; a forgotten
// phone is not found by its cookie any more; the oldest is forgotten when
// the session remembers as many as it may.
func TestRoomDevicesAreRememberedByTheirCookiesHash(t *testing.T) {
	s := NewSession("fi")
	s.Participants = []Participant{{ID: "p1", Name: "Anna Virtanen", Kind: KindEmployee}}
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	const token = "0123456789abcdef0123456789abcdef"
	d, err := s.JoinDevice("a1b2c3", token, at)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(s)
	if strings.Contains(string(b), token) || d.TokenHash == token || len(d.TokenHash) != 64 {
		t.Fatalf("the cookie itself is kept: %s", d.TokenHash)
	}
	if got := s.RoomDeviceByToken(token); got == nil || got.ID != "a1b2c3" || s.RoomDeviceByToken(token+"x") != nil {
		t.Fatalf("found by the cookie: %+v", got)
	}
	before := Clone(s)
	for _, try := range []struct {
		field, problem string
		run            func() error
	}{
		{"id", ProblemTaken, func() error { _, err := s.JoinDevice("a1b2c3", "other", at); return err }},
		{"id", ProblemInvalid, func() error { _, err := s.JoinDevice("", "other", at); return err }},
		{"token", ProblemEmpty, func() error { _, err := s.JoinDevice("d4e5f6", "", at); return err }},
		{"token", ProblemTaken, func() error { _, err := s.JoinDevice("d4e5f6", token, at); return err }},
		{"participant_id", ProblemUnknown, func() error { return s.SetDeviceParticipant("a1b2c3", "p9") }},
		{"voter", ProblemInvalid, func() error { return s.SetDeviceAnonymous("a1b2c3", "p1") }},
		{"card", ProblemInvalid, func() error { return s.SetDeviceOwns("a1b2c3", "", true) }},
	} {
		err := try.run()
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != try.field || ie.Problem != try.problem {
			t.Errorf("refused with %v, want %s %s", err, try.field, try.problem)
		}
		if !reflect.DeepEqual(s, before) {
			t.Fatalf("a refused input changed the session")
		}
	}
	var nf *NotFoundError
	if err := s.SetDeviceParticipant("zzz", "p1"); !errors.As(err, &nf) {
		t.Fatalf("an unknown device: %v", err)
	}
	voter := NewAnonymousVoter()
	for _, fn := range []func() error{
		func() error { return s.SetDeviceAnonymous("a1b2c3", voter) },
		func() error { return s.SetDeviceAnonymous("a1b2c3", NewAnonymousVoter()) }, // the first voter id stays
		func() error { return s.SetDeviceOwns("a1b2c3", "draft:D2", true) },
		func() error { return s.SetDeviceOwns("a1b2c3", "draft:D1", true) },
		func() error { return s.SetDeviceOwns("a1b2c3", "draft:D2", false) },
	} {
		if err := fn(); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.RoomDevice("a1b2c3"); got.Voter != voter || !got.Anonymous || !reflect.DeepEqual(got.Owned, []string{"draft:D1"}) {
		t.Fatalf("remembered %+v", got)
	}
	if err := s.SetDeviceParticipant("a1b2c3", "p1"); err != nil || s.RoomDevice("a1b2c3").Anonymous {
		t.Fatalf("named: %v %+v", err, s.RoomDevice("a1b2c3"))
	}
	if err := s.ForgetDevice("a1b2c3"); err != nil || s.RoomDeviceByToken(token) != nil || s.RoomDevices != nil {
		t.Fatalf("forgotten: %v %+v", err, s.RoomDevices)
	}
	// A damaged hash is refused by validation.
	s.RoomDevices = []RoomDevice{{ID: "x", TokenHash: token, Joined: "2026-12-01T10:00:00Z"}}
	if err := s.Validate(); err == nil {
		t.Fatal("a cookie in place of its hash is valid")
	}
	s.RoomDevices = nil
	for i := 0; i < MaxRoomDevices+1; i++ {
		if _, err := s.JoinDevice(fmt.Sprintf("d%d", i), fmt.Sprintf("t%d", i), at); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.RoomDevices) != MaxRoomDevices || s.RoomDevice("d0") != nil || s.RoomDevice(fmt.Sprintf("d%d", MaxRoomDevices)) == nil {
		t.Fatalf("%d remembered, the first %v", len(s.RoomDevices), s.RoomDevice("d0") != nil)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}
