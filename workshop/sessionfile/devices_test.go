package sessionfile

import (
	"bytes"
	"testing"
	"time"

	"lupauspaja/workshop"
)

// The phones a room let in (the hashes of their cookies) stay with the
// app's own file: a session file carries the room's settings but no phone.
func TestASessionFileCarriesNoPhones(t *testing.T) {
	s := workshop.NewSession("fi")
	s.Title = "Puhelimet huoneessa"
	if _, err := s.JoinDevice("a1b2c3", "0123456789abcdef0123456789abcdef", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRoomOption(workshop.RoomApproval, true); err != nil {
		t.Fatal(err)
	}
	hash := s.RoomDevices[0].TokenHash
	b, err := Marshal(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(hash)) || bytes.Contains(b, []byte("room_devices")) {
		t.Fatalf("the file carries the room's phones:\n%s", b)
	}
	got, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.RoomDevices != nil || got.Room == nil || !got.Room.Approval || len(s.RoomDevices) != 1 {
		t.Fatalf("read back: devices %+v, room %+v; the session's own devices %d", got.RoomDevices, got.Room, len(s.RoomDevices))
	}
}
