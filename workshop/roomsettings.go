package workshop

import "slices"

// How the facilitator set the room for the participants' phones: locked or
// not, guests allowed, cards held for approval, and which steps' phone input
// is open. They are part of the session (its header), changed through these
// operations and stored through the editor like any edit, so that a room
// opened again after the app restarts (or crashed) starts as it was left,
// while the cards it held are still held.

// RoomSettings are the room's settings as the session keeps them. A nil
// *RoomSettings is a room never set: unlocked, no guests, no approval, no
// step open.
type RoomSettings struct {
	Locked   bool `json:"locked,omitempty"`   // no new phone may join
	Guests   bool `json:"guests,omitempty"`   // people not on the list may join as guests
	Approval bool `json:"approval,omitempty"` // phones' cards wait for the facilitator's approval
	// Open are the steps whose phone input is open, Closed those whose input
	// the facilitator closed (they stay closed when the room comes back to
	// them); each sorted, a step in at most one of them.
	Open   []string `json:"open,omitempty"`
	Closed []string `json:"closed,omitempty"`
}

// Room setting names, for SetRoomOption.
const (
	RoomLocked   = "locked"
	RoomGuests   = "guests"
	RoomApproval = "approval"
)

// room is a copy of the settings to change (a snapshot may share the old ones).
func (s *Session) room() *RoomSettings {
	r := new(RoomSettings)
	if s.Room != nil {
		*r = *s.Room
		r.Open = slices.Clone(s.Room.Open)
		r.Closed = slices.Clone(s.Room.Closed)
	}
	return r
}

// setRoom keeps the settings, or none when they are all off.
func (s *Session) setRoom(r *RoomSettings) {
	if len(r.Open) == 0 {
		r.Open = nil
	}
	if len(r.Closed) == 0 {
		r.Closed = nil
	}
	if !r.Locked && !r.Guests && !r.Approval && r.Open == nil && r.Closed == nil {
		r = nil
	}
	s.Room = r
}

// RoomOption reports whether the room's setting (RoomLocked, RoomGuests,
// RoomApproval) is on; an unknown name is off.
func (s *Session) RoomOption(name string) bool {
	if s.Room == nil {
		return false
	}
	switch name {
	case RoomLocked:
		return s.Room.Locked
	case RoomGuests:
		return s.Room.Guests
	case RoomApproval:
		return s.Room.Approval
	}
	return false
}

// SetRoomOption turns a setting of the room on or off. An unknown name is an
// *InputError (field "setting", ProblemInvalid) and changes nothing.
func (s *Session) SetRoomOption(name string, on bool) error {
	r := s.room()
	switch name {
	case RoomLocked:
		r.Locked = on
	case RoomGuests:
		r.Guests = on
	case RoomApproval:
		r.Approval = on
	default:
		return inputProblem("setting", ProblemInvalid, "%q", clip(name))
	}
	s.setRoom(r)
	return nil
}

// StepInputOpen reports whether phones may give input in the step (when it
// is on the facilitator's screen).
func (s *Session) StepInputOpen(step string) bool {
	return s.Room != nil && slices.Contains(s.Room.Open, step)
}

// StepInputClosed reports whether the facilitator closed the step's input.
func (s *Session) StepInputClosed(step string) bool {
	return s.Room != nil && slices.Contains(s.Room.Closed, step)
}

// checkRoomStep refuses what is not a page of the workshop.
func checkRoomStep(step string) error { return checkEnum("step", step, screenSteps, false) }

// SetStepInput opens or closes the phones' input of a step, as the
// facilitator does: a step closed so stays closed when the room follows the
// facilitator back to it (FollowStepInput), until it is opened again. A step
// that is no page of the workshop is an *InputError (field "step") and
// changes nothing.
func (s *Session) SetStepInput(step string, open bool) error {
	if err := checkRoomStep(step); err != nil {
		return err
	}
	r := s.room()
	r.Open = without(r.Open, step)
	r.Closed = without(r.Closed, step)
	if open {
		r.Open = sortedWith(r.Open, step)
	} else {
		r.Closed = sortedWith(r.Closed, step)
	}
	s.setRoom(r)
	return nil
}

// FollowStepInput lets the room follow the facilitator from one step to
// another: phones may answer the step they come to when they could answer
// the one left (from "" when the room has just opened), unless the
// facilitator closed its input. Steps that are no pages of the workshop are
// an *InputError and change nothing.
func (s *Session) FollowStepInput(from, to string) error {
	if from != "" {
		if err := checkRoomStep(from); err != nil {
			return err
		}
	}
	if err := checkRoomStep(to); err != nil {
		return err
	}
	if (from != "" && !s.StepInputOpen(from)) || s.StepInputClosed(to) || s.StepInputOpen(to) {
		return nil
	}
	r := s.room()
	r.Open = sortedWith(r.Open, to)
	s.setRoom(r)
	return nil
}

func without(list []string, v string) []string {
	return slices.DeleteFunc(list, func(x string) bool { return x == v })
}

func sortedWith(list []string, v string) []string {
	list = append(list, v)
	slices.Sort(list)
	return slices.Compact(list)
}
