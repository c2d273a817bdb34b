package ui

import (
	"slices"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Undoing a deletion after the session moved on puts back only what still
// fits: the session stays valid (and so exportable).
func TestRestoreAfterTheSessionMovedOn(t *testing.T) {
	s := fixture.Nordrahti()
	const who = "P1"
	var votedOn string
	for _, v := range s.DotVotes {
		if v.ParticipantID == who && v.Dots > 0 {
			votedOn = v.DraftID
		}
	}
	if votedOn == "" {
		t.Fatal("the example has no dots of P1")
	}
	r, _, ok := removeParticipant(s, who)
	if !ok {
		t.Fatal("not removed")
	}
	// Meanwhile: the draft P1 voted on is deleted, a new consent round begins.
	s.Drafts = slices.DeleteFunc(s.Drafts, func(d workshop.Draft) bool { return d.ID == votedOn })
	s.DotVotes = slices.DeleteFunc(s.DotVotes, func(v workshop.DotVote) bool { return v.DraftID == votedOn })
	s.Ratings = slices.DeleteFunc(s.Ratings, func(v workshop.Rating) bool { return v.DraftID == votedOn })
	if s.Decision.ChosenDraftID == votedOn {
		s.Decision.ChosenDraftID = ""
	}
	s.Decision.Rejected = slices.DeleteFunc(s.Decision.Rejected, func(x workshop.Rejection) bool { return x.DraftID == votedOn })
	s.NewConsentRound()

	r.restore(s)
	if s.Participant(who) == nil || s.Participants[r.at].ID != who {
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
