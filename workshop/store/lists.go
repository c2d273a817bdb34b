package store

import (
	"encoding/json"
	"slices"

	"lupauspaja/workshop"
)

// List is one of the session's record lists, for a caller that compares
// the records with earlier copies without boxing every record (the editor
// does so at every edit): Records, Kinds and the editor all walk Lists, so
// a kind added here is stored, listed and saved.
type List struct {
	Kind string
	Len  func(s *workshop.Session) int
	Key  func(s *workshop.Session, i int) string
	// Record is the i-th record as the store encodes it.
	Record func(s *workshop.Session, i int) Record
	// Copy is a copy of the i-th record that shares nothing with the
	// session, given its encoding: the value itself for a kind whose values
	// compare with ==, a copy read back from data for one with lists inside.
	Copy func(s *workshop.Session, i int, data []byte) (any, error)
	// Same reports whether the i-th record equals a copy made by Copy.
	Same func(s *workshop.Session, i int, copy any) bool
}

// flat is a list of records whose values compare with ==.
func flat[T comparable, R Record](kind string, list func(*workshop.Session) []T, rec func(T) R) List {
	return List{
		Kind:   kind,
		Len:    func(s *workshop.Session) int { return len(list(s)) },
		Key:    func(s *workshop.Session, i int) string { return rec(list(s)[i]).RecordKey() },
		Record: func(s *workshop.Session, i int) Record { return rec(list(s)[i]) },
		Copy:   func(s *workshop.Session, i int, _ []byte) (any, error) { return list(s)[i], nil },
		Same: func(s *workshop.Session, i int, c any) bool {
			v, ok := c.(T)
			return ok && v == list(s)[i]
		},
	}
}

// nested is a list of records with lists inside; equal compares two of them
// field by field (TestNestedEqualsSeeEveryField keeps it complete).
func nested[T any, R Record](kind string, list func(*workshop.Session) []T, rec func(T) R, equal func(a, b *T) bool) List {
	return List{
		Kind:   kind,
		Len:    func(s *workshop.Session) int { return len(list(s)) },
		Key:    func(s *workshop.Session, i int) string { return rec(list(s)[i]).RecordKey() },
		Record: func(s *workshop.Session, i int) Record { return rec(list(s)[i]) },
		Copy: func(s *workshop.Session, i int, data []byte) (any, error) {
			var v T
			if err := json.Unmarshal(data, &v); err != nil {
				return nil, err
			}
			return &v, nil
		},
		Same: func(s *workshop.Session, i int, c any) bool {
			v, ok := c.(*T)
			return ok && equal(v, &list(s)[i])
		},
	}
}

// Lists are the session's record lists in the order Records gives them.
var Lists = []List{
	flat(KindParticipant, func(s *workshop.Session) []workshop.Participant { return s.Participants }, func(v workshop.Participant) Participant { return Participant(v) }),
	flat(KindLadder, func(s *workshop.Session) []workshop.LadderVote { return s.Ladder }, func(v workshop.LadderVote) Ladder { return Ladder(v) }),
	flat(KindSegment, func(s *workshop.Session) []workshop.Segment { return s.Segments }, func(v workshop.Segment) Segment { return Segment(v) }),
	flat(KindProfileItem, func(s *workshop.Session) []workshop.ProfileItem { return s.ProfileItems }, func(v workshop.ProfileItem) ProfileItem { return ProfileItem(v) }),
	nested(KindValueItem, func(s *workshop.Session) []workshop.ValueItem { return s.ValueItems }, func(v workshop.ValueItem) ValueItem { return ValueItem(v) }, equalValueItem),
	flat(KindAlternative, func(s *workshop.Session) []workshop.Note { return s.Alternatives }, func(v workshop.Note) Alternative { return Alternative(v) }),
	nested(KindDraft, func(s *workshop.Session) []workshop.Draft { return s.Drafts }, func(v workshop.Draft) Draft { return Draft(v) }, equalDraft),
	flat(KindDotVote, func(s *workshop.Session) []workshop.DotVote { return s.DotVotes }, func(v workshop.DotVote) DotVote { return DotVote(v) }),
	flat(KindRating, func(s *workshop.Session) []workshop.Rating { return s.Ratings }, func(v workshop.Rating) Rating { return Rating(v) }),
	flat(KindConsent, func(s *workshop.Session) []workshop.Consent { return s.Consent }, func(v workshop.Consent) Consent { return Consent(v) }),
	flat(KindPromiseVersion, func(s *workshop.Session) []workshop.PromiseVersion { return s.PromiseVersions }, func(v workshop.PromiseVersion) PromiseVersion { return PromiseVersion(v) }),
	flat(KindMeasure, func(s *workshop.Session) []workshop.Measure { return s.Measures }, func(v workshop.Measure) Measure { return Measure(v) }),
	flat(KindAction, func(s *workshop.Session) []workshop.Action { return s.Actions }, func(v workshop.Action) Action { return Action(v) }),
	flat(KindParking, func(s *workshop.Session) []workshop.Note { return s.ParkingLot }, func(v workshop.Note) Parking { return Parking(v) }),
	flat(KindReading, func(s *workshop.Session) []workshop.Reading { return s.Readings }, func(v workshop.Reading) Reading { return Reading(v) }),
	flat(KindAnswer, func(s *workshop.Session) []workshop.ValidationAnswer { return s.ValidationAnswers }, func(v workshop.ValidationAnswer) Answer { return Answer(v) }),
	nested(KindPending, func(s *workshop.Session) []workshop.PendingCard { return s.Pending }, func(v workshop.PendingCard) Pending { return Pending(v) }, equalPending),
	nested(KindRoomDevice, func(s *workshop.Session) []workshop.RoomDevice { return s.RoomDevices }, func(v workshop.RoomDevice) RoomDevice { return RoomDevice(v) }, equalRoomDevice),
}

// sameList is slices.Equal that also tells nil from empty, as JSON does.
func sameList(a, b []string) bool { return (a == nil) == (b == nil) && slices.Equal(a, b) }

func equalValueItem(a, b *workshop.ValueItem) bool {
	return a.ID == b.ID && a.SegmentID == b.SegmentID && a.Type == b.Type && a.Text == b.Text &&
		sameList(a.Addresses, b.Addresses) && a.DeliveredToday == b.DeliveredToday
}

func equalDraft(a, b *workshop.Draft) bool {
	return a.ID == b.ID && a.Text == b.Text && a.TextAlt == b.TextAlt &&
		sameList(a.AuthorIDs, b.AuthorIDs) && sameList(a.SegmentIDs, b.SegmentIDs) && sameList(a.BasedOn, b.BasedOn) &&
		(a.Moore == nil) == (b.Moore == nil) && (a.Moore == nil || *a.Moore == *b.Moore) &&
		a.ParentID == b.ParentID && a.Version == b.Version && a.Shortlisted == b.Shortlisted
}

func equalPending(a, b *workshop.PendingCard) bool {
	return a.ID == b.ID && a.AuthorID == b.AuthorID && a.Device == b.Device && a.At == b.At &&
		a.Kind == b.Kind && a.SegmentID == b.SegmentID && a.Type == b.Type && a.Text == b.Text &&
		a.Description == b.Description && a.Evidence == b.Evidence &&
		(a.Moore == nil) == (b.Moore == nil) && (a.Moore == nil || *a.Moore == *b.Moore) &&
		a.Definition == b.Definition && a.Owner == b.Owner && a.ActionKind == b.ActionKind && a.Due == b.Due
}

func equalRoomDevice(a, b *workshop.RoomDevice) bool {
	return a.ID == b.ID && a.TokenHash == b.TokenHash && a.ParticipantID == b.ParticipantID &&
		a.Anonymous == b.Anonymous && a.Voter == b.Voter && sameList(a.Owned, b.Owned) && a.Joined == b.Joined
}
