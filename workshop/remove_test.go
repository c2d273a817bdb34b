package workshop_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/store"
)

// contents is the session as a set: every record by kind and key, and the
// header, so that two sessions compare equal whatever order their votes
// were appended in.
func contents(t *testing.T, s *workshop.Session) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range store.Records(s) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[r.RecordKind()+"/"+r.RecordKey()] = string(b)
	}
	h, err := store.EncodeHeader(s)
	if err != nil {
		t.Fatal(err)
	}
	out["header"] = string(h)
	return out
}

func sameContents(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s is\n %s\nwant\n %s", what, k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s is there and should not be", what, k)
		}
	}
}

// Every deletion of the example workshop, undone at once, gives back the
// session as it was, the deleted thing in its old place.
func TestEveryDeletionRestoresTheSessionAsItWas(t *testing.T) {
	base := fixture.Nordrahti()
	type kind struct {
		name   string
		ids    func(s *workshop.Session) []string
		remove func(s *workshop.Session, id string) (*workshop.Removal, error)
	}
	ids := func(n int, id func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	kinds := []kind{
		{"participant", func(s *workshop.Session) []string {
			return ids(len(s.Participants), func(i int) string { return s.Participants[i].ID })
		}, (*workshop.Session).RemoveParticipant},
		{"segment", func(s *workshop.Session) []string {
			return ids(len(s.Segments), func(i int) string { return s.Segments[i].ID })
		}, (*workshop.Session).RemoveSegment},
		{"profile item", func(s *workshop.Session) []string {
			return ids(len(s.ProfileItems), func(i int) string { return s.ProfileItems[i].ID })
		}, (*workshop.Session).RemoveProfileItem},
		{"value item", func(s *workshop.Session) []string {
			return ids(len(s.ValueItems), func(i int) string { return s.ValueItems[i].ID })
		}, (*workshop.Session).RemoveValueItem},
		{"draft", func(s *workshop.Session) []string {
			return ids(len(s.Drafts), func(i int) string { return s.Drafts[i].ID })
		}, (*workshop.Session).RemoveDraft},
		{"measure", func(s *workshop.Session) []string {
			return ids(len(s.Measures), func(i int) string { return s.Measures[i].ID })
		}, (*workshop.Session).RemoveMeasure},
		{"action", func(s *workshop.Session) []string {
			return ids(len(s.Actions), func(i int) string { return s.Actions[i].ID })
		}, (*workshop.Session).RemoveAction},
		{"alternative", func(s *workshop.Session) []string {
			return ids(len(s.Alternatives), func(i int) string { return s.Alternatives[i].ID })
		}, (*workshop.Session).RemoveAlternative},
		{"parking note", func(s *workshop.Session) []string {
			return ids(len(s.ParkingLot), func(i int) string { return s.ParkingLot[i].ID })
		}, (*workshop.Session).RemoveParking},
	}
	for _, k := range kinds {
		all := k.ids(base)
		if len(all) == 0 && k.name != "parking note" {
			t.Fatalf("the example has no %s", k.name)
		}
		for _, id := range all {
			s := workshop.Clone(base)
			want := contents(t, s)
			r, err := k.remove(s, id)
			if err != nil {
				t.Fatalf("remove %s %s: %v", k.name, id, err)
			}
			if slices.Contains(k.ids(s), id) {
				t.Fatalf("%s %s still there", k.name, id)
			}
			if err := s.Validate(); err != nil {
				t.Fatalf("after deleting %s %s the session is invalid: %v", k.name, id, err)
			}
			r.Restore(s)
			sameContents(t, "restored "+k.name+" "+id, want, contents(t, s))
			if !slices.Equal(k.ids(s), all) {
				t.Fatalf("%s %s not back in its place: %v, want %v", k.name, id, k.ids(s), all)
			}
			r.Restore(s) // a second undo changes nothing
			sameContents(t, "restored twice "+k.name+" "+id, want, contents(t, s))
			if _, err := k.remove(s, "no-such-id"); !errors.As(err, new(*workshop.NotFoundError)) {
				t.Fatalf("removing a missing %s: %v, want a NotFoundError", k.name, err)
			}
		}
	}
}

// Undoing a deletion after the session moved on puts back only what still
// fits: the session stays valid (and so exportable).
func TestRestoreAfterTheSessionMovedOn(t *testing.T) {
	s := fixture.Nordrahti()
	const who = "P1"
	at := slices.IndexFunc(s.Participants, func(p workshop.Participant) bool { return p.ID == who })
	var votedOn string
	for _, v := range s.DotVotes {
		if v.ParticipantID == who && v.Dots > 0 {
			votedOn = v.DraftID
		}
	}
	if votedOn == "" {
		t.Fatal("the example has no dots of P1")
	}
	r, err := s.RemoveParticipant(who)
	if err != nil {
		t.Fatal(err)
	}
	// Meanwhile: the draft P1 voted on is deleted, a new consent round begins.
	if _, err := s.RemoveDraft(votedOn); err != nil {
		t.Fatal(err)
	}
	s.NewConsentRound()

	r.Restore(s)
	if s.Participant(who) == nil || s.Participants[at].ID != who {
		t.Fatalf("%s not back in place", who)
	}
	for _, v := range s.DotVotes {
		if v.DraftID == votedOn {
			t.Fatalf("a dot on the deleted draft came back: %+v", v)
		}
	}
	if c := s.ConsentOf(who); c != nil {
		t.Fatalf("fingers of the earlier round came back into round %d: %+v", s.Decision.ConsentRound, c)
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("session invalid after the undo: %v", err)
	}
}

// An owner changed after the deletion is kept; one left as the deleted
// person's name gets the person back.
func TestRestoreKeepsOwnersChangedSince(t *testing.T) {
	s := fixture.Nordrahti()
	var owned []string
	var who string
	for _, a := range s.Actions {
		if a.OwnerID != "" {
			who = a.OwnerID
			break
		}
	}
	for _, a := range s.Actions {
		if a.OwnerID == who {
			owned = append(owned, a.ID)
		}
	}
	if len(owned) < 1 {
		t.Fatal("the example has no owned action")
	}
	name := s.Participant(who).Name
	r, err := s.RemoveParticipant(who)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range owned {
		if a := s.Action(id); a.OwnerID != "" || a.OwnerName != name {
			t.Fatalf("action %s after the deletion: owner %q/%q, want the name %q", id, a.OwnerID, a.OwnerName, name)
		}
	}
	s.Action(owned[0]).OwnerName = "Joku muu"
	r.Restore(s)
	if a := s.Action(owned[0]); a.OwnerName != "Joku muu" || a.OwnerID != "" {
		t.Fatalf("an owner changed since was overwritten: %+v", a)
	}
	for _, id := range owned[1:] {
		if a := s.Action(id); a.OwnerID != who {
			t.Fatalf("action %s did not get its owner back: %+v", id, a)
		}
	}
}

// A measure's actions lose their link with it and get it back; an action
// restored after its measure went has no link.
func TestMeasureAndActionLinks(t *testing.T) {
	s := fixture.Nordrahti()
	var m, a string
	for _, x := range s.Actions {
		if x.MeasureID != "" {
			m, a = x.MeasureID, x.ID
			break
		}
	}
	if a == "" {
		t.Fatal("the example has no action linked to a measure")
	}
	ra, err := s.RemoveAction(a)
	if err != nil {
		t.Fatal(err)
	}
	rm, err := s.RemoveMeasure(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range s.Actions {
		if x.MeasureID == m {
			t.Fatalf("action %s still links the deleted measure", x.ID)
		}
	}
	ra.Restore(s)
	if x := s.Action(a); x == nil || x.MeasureID != "" {
		t.Fatalf("the action restored after its measure went: %+v", x)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	rm.Restore(s)
	if s.Measure(m) == nil {
		t.Fatal("measure not restored")
	}
}
