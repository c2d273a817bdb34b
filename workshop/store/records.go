package store

import (
	"encoding/json"
	"fmt"

	"lupauspaja/workshop"
)

// Record is one card of a session as the store keeps it: a kind and a key
// unique within the session and kind.
type Record interface {
	RecordKind() string
	RecordKey() string
}

// Record kinds.
const (
	KindParticipant    = "participant"
	KindLadder         = "ladder"
	KindSegment        = "segment"
	KindProfileItem    = "profile_item"
	KindValueItem      = "value_item"
	KindAlternative    = "alternative"
	KindDraft          = "draft"
	KindDotVote        = "dot_vote"
	KindRating         = "rating"
	KindConsent        = "consent"
	KindPromiseVersion = "promise_version"
	KindMeasure        = "measure"
	KindAction         = "action"
	KindParking        = "parking"
	KindReading        = "reading"
	KindAnswer         = "validation_answer"
	KindPending        = "pending_card"
	KindRoomDevice     = "room_device"
)

// Kinds lists every record kind in the order Records gives them.
func Kinds() []string {
	out := make([]string, len(Lists))
	for i, l := range Lists {
		out[i] = l.Kind
	}
	return out
}

// The records of the session's lists, each with its kind.
type (
	Participant    workshop.Participant
	Ladder         workshop.LadderVote
	Segment        workshop.Segment
	ProfileItem    workshop.ProfileItem
	ValueItem      workshop.ValueItem
	Alternative    workshop.Note
	Draft          workshop.Draft
	DotVote        workshop.DotVote
	Rating         workshop.Rating
	Consent        workshop.Consent
	PromiseVersion workshop.PromiseVersion
	Measure        workshop.Measure
	Action         workshop.Action
	Parking        workshop.Note
	Reading        workshop.Reading
	Answer         workshop.ValidationAnswer
	Pending        workshop.PendingCard
	RoomDevice     workshop.RoomDevice
)

func (r Participant) RecordKind() string    { return KindParticipant }
func (r Participant) RecordKey() string     { return r.ID }
func (r Ladder) RecordKind() string         { return KindLadder }
func (r Ladder) RecordKey() string          { return r.ParticipantID }
func (r Segment) RecordKind() string        { return KindSegment }
func (r Segment) RecordKey() string         { return r.ID }
func (r ProfileItem) RecordKind() string    { return KindProfileItem }
func (r ProfileItem) RecordKey() string     { return r.ID }
func (r ValueItem) RecordKind() string      { return KindValueItem }
func (r ValueItem) RecordKey() string       { return r.ID }
func (r Alternative) RecordKind() string    { return KindAlternative }
func (r Alternative) RecordKey() string     { return r.ID }
func (r Draft) RecordKind() string          { return KindDraft }
func (r Draft) RecordKey() string           { return r.ID }
func (r DotVote) RecordKind() string        { return KindDotVote }
func (r DotVote) RecordKey() string         { return PairKey(r.ParticipantID, r.DraftID) }
func (r Rating) RecordKind() string         { return KindRating }
func (r Rating) RecordKey() string          { return PairKey(r.ParticipantID, r.DraftID) }
func (r Consent) RecordKind() string        { return KindConsent }
func (r Consent) RecordKey() string         { return r.ParticipantID }
func (r PromiseVersion) RecordKind() string { return KindPromiseVersion }
func (r PromiseVersion) RecordKey() string  { return r.ID }
func (r Measure) RecordKind() string        { return KindMeasure }
func (r Measure) RecordKey() string         { return r.ID }
func (r Action) RecordKind() string         { return KindAction }
func (r Action) RecordKey() string          { return r.ID }
func (r Parking) RecordKind() string        { return KindParking }
func (r Parking) RecordKey() string         { return r.ID }
func (r Reading) RecordKind() string        { return KindReading }
func (r Reading) RecordKey() string         { return r.ID }
func (r Answer) RecordKind() string         { return KindAnswer }
func (r Answer) RecordKey() string          { return r.ID }
func (r Pending) RecordKind() string        { return KindPending }
func (r Pending) RecordKey() string         { return r.ID }
func (r RoomDevice) RecordKind() string     { return KindRoomDevice }
func (r RoomDevice) RecordKey() string      { return r.ID }

// PairKey is the key of a record that belongs to a participant and a draft.
func PairKey(participantID, draftID string) string { return participantID + "\x1f" + draftID }

// Records lists every record of the session, in its lists' order.
func Records(s *workshop.Session) []Record {
	var out []Record
	for _, l := range Lists {
		for i, n := 0, l.Len(s); i < n; i++ {
			out = append(out, l.Record(s, i))
		}
	}
	return out
}

func decodeInto[T any](data []byte, list *[]T) error {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*list = append(*list, v)
	return nil
}

// appendRecord decodes a stored record and appends it to its list.
func appendRecord(s *workshop.Session, kind string, data []byte) error {
	var err error
	switch kind {
	case KindParticipant:
		err = decodeInto(data, &s.Participants)
	case KindLadder:
		err = decodeInto(data, &s.Ladder)
	case KindSegment:
		err = decodeInto(data, &s.Segments)
	case KindProfileItem:
		err = decodeInto(data, &s.ProfileItems)
	case KindValueItem:
		err = decodeInto(data, &s.ValueItems)
	case KindAlternative:
		err = decodeInto(data, &s.Alternatives)
	case KindDraft:
		err = decodeInto(data, &s.Drafts)
	case KindDotVote:
		err = decodeInto(data, &s.DotVotes)
	case KindRating:
		err = decodeInto(data, &s.Ratings)
	case KindConsent:
		err = decodeInto(data, &s.Consent)
	case KindPromiseVersion:
		err = decodeInto(data, &s.PromiseVersions)
	case KindMeasure:
		err = decodeInto(data, &s.Measures)
	case KindAction:
		err = decodeInto(data, &s.Actions)
	case KindParking:
		err = decodeInto(data, &s.ParkingLot)
	case KindReading:
		err = decodeInto(data, &s.Readings)
	case KindAnswer:
		err = decodeInto(data, &s.ValidationAnswers)
	case KindPending:
		err = decodeInto(data, &s.Pending)
	case KindRoomDevice:
		err = decodeInto(data, &s.RoomDevices)
	default:
		return fmt.Errorf("unknown record kind %q", kind)
	}
	if err != nil {
		return fmt.Errorf("damaged %s record: %w", kind, err)
	}
	return nil
}
