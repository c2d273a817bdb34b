package workshop

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// The phones the room has let in are remembered in the session, so that the
// same phone coming back after the app restarts (its cookie) is the same
// participant, or the same anonymous voter with what is left of its dots,
// and keeps its own cards to change or withdraw. A device's cookie is never
// stored: only its SHA-256 (TokenHash). A device the facilitator removed is
// forgotten, so its cookie opens nothing any more.

// RoomDevice is a phone the room let in, as the session keeps it.
type RoomDevice struct {
	ID            string   `json:"id"`                       // short, for the facilitator's list
	TokenHash     string   `json:"token_hash"`               // hex SHA-256 of the phone's cookie
	ParticipantID string   `json:"participant_id,omitempty"` // the name it picked
	Anonymous     bool     `json:"anonymous,omitempty"`      // it chose to stay anonymous
	Voter         string   `json:"voter,omitempty"`          // its anonymous voter id, once it had one
	Owned         []string `json:"owned,omitempty"`          // "kind:id" of the cards it added, sorted
	Joined        string   `json:"joined"`                   // RFC 3339
}

// MaxRoomDevices is the most phones a session remembers; when one more
// joins, the one that joined first is forgotten.
const MaxRoomDevices = 2000

// DeviceTokenHash is what the session keeps of a phone's cookie.
func DeviceTokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

func roomDeviceID(d *RoomDevice) string { return d.ID }

// RoomDevice is the remembered phone with the id, or nil.
func (s *Session) RoomDevice(id string) *RoomDevice { return byID(s.RoomDevices, id, roomDeviceID) }

// RoomDeviceByToken is the remembered phone whose cookie is token, or nil.
func (s *Session) RoomDeviceByToken(token string) *RoomDevice {
	h := DeviceTokenHash(token)
	for i := range s.RoomDevices {
		if s.RoomDevices[i].TokenHash == h {
			return &s.RoomDevices[i]
		}
	}
	return nil
}

func validTokenHash(h string) bool {
	if len(h) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil
}

// JoinDevice remembers a phone let in with the cookie token. The id must be
// a valid id not taken by another device, the token not empty; otherwise an
// *InputError, and nothing changes.
func (s *Session) JoinDevice(id, token string, at time.Time) (RoomDevice, error) {
	if err := ValidateID(id); err != nil {
		return RoomDevice{}, inputProblem("id", ProblemInvalid, "%v", err)
	}
	if s.RoomDevice(id) != nil {
		return RoomDevice{}, inputProblem("id", ProblemTaken, "%q", clip(id))
	}
	if token == "" {
		return RoomDevice{}, &InputError{Field: "token", Problem: ProblemEmpty}
	}
	if s.RoomDeviceByToken(token) != nil {
		return RoomDevice{}, &InputError{Field: "token", Problem: ProblemTaken}
	}
	d := RoomDevice{ID: id, TokenHash: DeviceTokenHash(token), Joined: at.UTC().Format(time.RFC3339)}
	list := s.RoomDevices
	if len(list) >= MaxRoomDevices {
		list = list[len(list)-MaxRoomDevices+1:]
	}
	s.RoomDevices = append(slices.Clip(list), d)
	return d, nil
}

// device is the remembered phone to change, or a *NotFoundError.
func (s *Session) device(id string) (*RoomDevice, error) {
	d := s.RoomDevice(id)
	if d == nil {
		return nil, &NotFoundError{What: "device", ID: id}
	}
	return d, nil
}

// SetDeviceParticipant remembers the name a phone picked: a participant of
// the session (else an *InputError, ProblemUnknown).
func (s *Session) SetDeviceParticipant(id, participantID string) error {
	d, err := s.device(id)
	if err != nil {
		return err
	}
	if err := s.checkParticipant(participantID); err != nil {
		return err
	}
	d.ParticipantID, d.Anonymous = participantID, false
	return nil
}

// SetDeviceAnonymous remembers that a phone stays anonymous, and its
// anonymous voter id (kept once it has one; voter must be an anonymous
// voter's id, else an *InputError).
func (s *Session) SetDeviceAnonymous(id, voter string) error {
	d, err := s.device(id)
	if err != nil {
		return err
	}
	if !IsAnonymous(voter) || ValidateID(voter) != nil {
		return inputProblem("voter", ProblemInvalid, "%q", clip(voter))
	}
	d.ParticipantID, d.Anonymous = "", true
	if d.Voter == "" {
		d.Voter = voter
	}
	return nil
}

// SetDeviceOwns remembers (or forgets) that a phone added a card ("kind:id"),
// so that it may change or withdraw it after a restart too.
func (s *Session) SetDeviceOwns(id, card string, owns bool) error {
	d, err := s.device(id)
	if err != nil {
		return err
	}
	if err := ValidateID(card); err != nil {
		return inputProblem("card", ProblemInvalid, "%v", err)
	}
	owned := without(slices.Clone(d.Owned), card)
	if owns {
		owned = sortedWith(owned, card)
	}
	if len(owned) == 0 {
		owned = nil
	}
	d.Owned = owned
	return nil
}

// ForgetDevice forgets a phone the facilitator removed: its cookie lets it
// in no more, after a restart neither. What it sent stays in the session.
func (s *Session) ForgetDevice(id string) error {
	if _, err := s.device(id); err != nil {
		return err
	}
	s.RoomDevices = slices.DeleteFunc(slices.Clone(s.RoomDevices), func(d RoomDevice) bool { return d.ID == id })
	if len(s.RoomDevices) == 0 {
		s.RoomDevices = nil
	}
	return nil
}
