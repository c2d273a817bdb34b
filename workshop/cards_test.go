package workshop

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// cardSession is a valid session with a segment, items, drafts with votes,
// a measure with an action: something for every kind of card.
func cardSession() *Session {
	s := roomSession()
	s.Dots = 3
	s.Segments = []Segment{{ID: "S1", Name: "PK-yritykset", Focus: true}, {ID: "S2", Name: "Pienyritykset", Description: "alle 10 henkeä"}}
	s.ProfileItems = []ProfileItem{
		{ID: "I1", SegmentID: "S1", Type: ItemPain, Text: "Toimitus myöhästyy", Importance: 2, Evidence: EvidenceAssumption},
		{ID: "I2", SegmentID: "S1", Type: ItemPain, Text: "toimitus myöhästyy ", Importance: 3, Evidence: EvidenceCustomerSaid},
		{ID: "I3", SegmentID: "S2", Type: ItemPain, Text: "Laskut epäselviä", Importance: 1, Evidence: EvidenceAssumption},
		{ID: "I4", SegmentID: "S1", Type: ItemGain, Text: "Ennakoitavuus", Importance: 1, Evidence: EvidenceAssumption},
	}
	s.ValueItems = []ValueItem{{ID: "V1", SegmentID: "S1", Type: ValuePainReliever, Text: "Seuranta", Addresses: []string{"I2"}}}
	s.Drafts[1].AuthorIDs = []string{"P2"}
	s.Drafts[0].AuthorIDs = []string{"P1"}
	s.Drafts[2].ParentID = "D2"
	s.DotVotes = []DotVote{{"P1", "D1", 1}, {"P1", "D2", 2}, {"P2", "D2", 1}}
	s.Ratings = []Rating{{ParticipantID: "P1", DraftID: "D1", Scores: [NumCriteria]int{5, 5, 5, 5, 5, 5, 5, 5}},
		{ParticipantID: "P1", DraftID: "D2", Scores: [NumCriteria]int{1, 1, 1, 1, 1, 1, 1, 1}},
		{ParticipantID: "P2", DraftID: "D2", Scores: [NumCriteria]int{3, 3, 3, 3, 3, 3, 3, 3}}}
	s.Measures = []Measure{{ID: "M1", Name: "NPS", Type: MeasureNPS}, {ID: "M2", Name: "Toimitusvarmuus", Target: "98 %"}}
	s.Actions = []Action{{ID: "A1", Kind: ActionAct, Text: "Seuranta käyttöön", MeasureID: "M2", Status: ActionOpen}}
	return s
}

func TestHeldCardsWaitOutsideTheListsUntilApproved(t *testing.T) {
	s := cardSession()
	before := Clone(s)
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	p, err := s.HoldCard(CardInput{Kind: CardDraft, Text: "Vastaamme samana päivänä."}, "P1", "room1:d1", at)
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.HoldCard(CardInput{Kind: CardProfileItem, SegmentID: "S1", Type: ItemGain, Text: "Tieto ajoissa", Evidence: EvidenceObservation}, "", "room1:d2", at)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pending) != 2 || len(s.Drafts) != len(before.Drafts) || len(s.ProfileItems) != len(before.ProfileItems) {
		t.Fatalf("holding changed the lists: %d pending, %d drafts", len(s.Pending), len(s.Drafts))
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	// A card that could never be added is refused when sent, as adding it would be.
	for name, in := range map[string]CardInput{
		"unknown segment": {Kind: CardProfileItem, SegmentID: "S9", Type: ItemPain, Text: "x"},
		"empty draft":     {Kind: CardDraft, Text: "  "},
		"long draft":      {Kind: CardDraft, Text: strings.Repeat("sana ", MaxDraftWords+1)},
		"not a kind":      {Kind: "vote", Text: "x"},
	} {
		c := Clone(s)
		var ie *InputError
		if _, err := c.HoldCard(in, "", "d", at); !errors.As(err, &ie) {
			t.Errorf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(c, s) {
			t.Errorf("%s: a refused card changed the session", name)
		}
	}
	// Approval adds the card through its operation; the queue keeps the rest.
	held, id, err := s.ApproveCard(p.ID)
	if err != nil || held.ID != p.ID {
		t.Fatal(err)
	}
	d := s.Draft(id)
	if d == nil || d.Text != "Vastaamme samana päivänä." || !reflect.DeepEqual(d.AuthorIDs, []string{"P1"}) || len(s.Pending) != 1 {
		t.Fatalf("approved draft %+v, %d pending", d, len(s.Pending))
	}
	// A held card whose segment went meanwhile stays held, with the reason.
	s.Segments = s.Segments[1:]
	s.ProfileItems = removeWhere(s.ProfileItems, func(it ProfileItem) bool { return it.SegmentID == "S1" })
	s.ValueItems = nil
	var ie *InputError
	if _, _, err := s.ApproveCard(q.ID); !errors.As(err, &ie) || ie.Problem != ProblemUnknown {
		t.Fatalf("approval of a card whose segment is gone: %v", err)
	}
	if len(s.Pending) != 1 {
		t.Fatal("a failed approval dropped the card")
	}
	// Rejecting drops it; the removal puts it back.
	r, err := s.RejectCard(q.ID)
	if err != nil || len(s.Pending) != 0 || r.Text != "Tieto ajoissa" {
		t.Fatalf("reject: %v, %d left", err, len(s.Pending))
	}
	r.Restore(s)
	if len(s.Pending) != 1 || s.Pending[0].ID != q.ID {
		t.Fatal("undo of a rejection")
	}
	var nf *NotFoundError
	if _, _, err := s.ApproveCard("h-none"); !errors.As(err, &nf) {
		t.Fatalf("approve unknown: %v", err)
	}
}

func TestAHiddenCardStaysInTheSessionButNotInWhatTheRoomSees(t *testing.T) {
	s := cardSession()
	if err := s.SetCardHidden(CardDraft, "D2", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCardHidden(CardSegment, "S2", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCardHidden(CardDraft, "D9", true); !errors.Is(err, ErrNoCard) {
		t.Fatalf("hide an unknown card: %v", err)
	}
	if !s.CardHidden(CardDraft, "D2") || s.CardHidden(CardDraft, "D1") || s.Draft("D2") == nil {
		t.Fatal("hidden flags")
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	room := Clone(s).WithoutHidden()
	if room.Draft("D2") != nil || room.Segment("S2") != nil || room.Draft("D1") == nil {
		t.Fatal("the room's copy shows a hidden card or lost a shown one")
	}
	for _, it := range room.ProfileItems {
		if it.SegmentID == "S2" {
			t.Fatal("an item of a hidden segment is in the room's copy")
		}
	}
	for _, v := range room.DotVotes {
		if v.DraftID == "D2" {
			t.Fatal("a vote on a hidden draft is in the room's copy")
		}
	}
	if len(s.Drafts) != 4 || len(s.DotVotes) != 3 {
		t.Fatal("WithoutHidden on a copy changed the session")
	}
	// Shown again: the room sees it.
	if err := s.SetCardHidden(CardDraft, "D2", false); err != nil {
		t.Fatal(err)
	}
	if Clone(s).WithoutHidden().Draft("D2") == nil {
		t.Fatal("a card shown again is still hidden")
	}
	if err := s.SetCardHidden(CardSegment, "S2", false); err != nil || s.HiddenCards != nil {
		t.Fatalf("nothing hidden leaves no list: %v %v", s.HiddenCards, err)
	}
}

func TestMergingDraftsKeepsBothTextsAuthorsAndVotes(t *testing.T) {
	s := cardSession()
	s.Decision.ChosenDraftID = "D2"
	if err := s.SetCardHidden(CardDraft, "D2", true); err != nil {
		t.Fatal(err)
	}
	before := Clone(s)
	undo, err := s.MergeCards(CardDraft, "D1", "D2")
	if err != nil {
		t.Fatal(err)
	}
	// Undone, the session is as before; merged again for what follows.
	undo.Restore(s)
	if !sameJSON(s, before) {
		t.Fatal("undoing the merge did not give the session back as it was")
	}
	if _, err := s.MergeCards(CardDraft, "D1", "D2"); err != nil {
		t.Fatal(err)
	}
	d := s.Draft("D1")
	if s.Draft("D2") != nil || d.Text != "Yksi / Kaksi" || !reflect.DeepEqual(d.AuthorIDs, []string{"P1", "P2"}) {
		t.Fatalf("merged draft %+v", d)
	}
	// P1's dots on both are added up (3, their whole budget); P2's follow.
	if s.DotsOn("P1", "D1") != 3 || s.DotsOn("P2", "D1") != 1 || s.DotsGiven("P1") != 3 || len(s.DotVotes) != 2 {
		t.Fatalf("votes after the merge %+v", s.DotVotes)
	}
	// P1 rated both: the rating of the draft merged into stays; P2's follows.
	if r := s.RatingOf("P1", "D1"); r == nil || r.Scores[0] != 5 || s.RatingOf("P2", "D1") == nil || len(s.Ratings) != 2 {
		t.Fatalf("ratings after the merge %+v", s.Ratings)
	}
	// Undone after another draft was edited: the two drafts and the votes come back, the edit stays.
	c := Clone(s)
	rm, err := c.MergeCards(CardDraft, "D3", "D4")
	if err != nil {
		t.Fatal(err)
	}
	c.Draft("D1").Text = "Muokattu sen jälkeen"
	rm.Restore(c)
	if c.Draft("D4") == nil || c.Draft("D3").Text != "Kolme" || c.Draft("D1").Text != "Muokattu sen jälkeen" || len(c.Drafts) != 3 {
		t.Fatalf("undo after an edit: %+v", c.Drafts)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.Draft("D3").ParentID != "D1" || s.Decision.ChosenDraftID != "D1" || s.HiddenCards != nil {
		t.Fatalf("references: parent %q, chosen %q, hidden %v", s.Draft("D3").ParentID, s.Decision.ChosenDraftID, s.HiddenCards)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	// The same text twice is kept once.
	s.Drafts[1].Text = "yksi / kaksi"
	if _, err := s.MergeCards(CardDraft, "D1", s.Drafts[1].ID); err != nil || s.Draft("D1").Text != "Yksi / Kaksi" {
		t.Fatalf("same text: %v %q", err, s.Draft("D1").Text)
	}
}

func TestMergingRefusesWhatDoesNotFitAndChangesNothing(t *testing.T) {
	s := cardSession()
	s.Drafts[1].Text = strings.TrimSpace(strings.Repeat("sana ", MaxDraftWords-1))
	for name, c := range map[string]struct {
		kind, into, from string
		check            func(error) bool
	}{
		"into itself":   {CardDraft, "D1", "D1", func(err error) bool { var me *MergeError; return errors.As(err, &me) && me.Why == "same" }},
		"unknown":       {CardDraft, "D1", "D9", func(err error) bool { return errors.Is(err, ErrNoCard) }},
		"other segment": {CardProfileItem, "I1", "I3", func(err error) bool { var me *MergeError; return errors.As(err, &me) && me.Why == "segment" }},
		"other type":    {CardProfileItem, "I1", "I4", func(err error) bool { var me *MergeError; return errors.As(err, &me) && me.Why == "type" }},
		"too many words": {CardDraft, "D1", "D2", func(err error) bool {
			var ie *InputError
			return errors.As(err, &ie) && ie.Problem == ProblemWords
		}},
	} {
		t.Run(name, func(t *testing.T) {
			c2 := Clone(s)
			if _, err := c2.MergeCards(c.kind, c.into, c.from); !c.check(err) {
				t.Fatalf("not refused as it should be: %v", err)
			}
			if !reflect.DeepEqual(c2, s) {
				t.Fatal("a refused merge changed the session")
			}
		})
	}
	if got := s.MergeTargets(CardProfileItem, "I1"); !reflect.DeepEqual(got, []string{"I2"}) {
		t.Fatalf("merge targets of I1: %v", got)
	}
}

func TestMergingMovesWhatReferredToTheCard(t *testing.T) {
	s := cardSession()
	s.Drafts[0].SegmentIDs = []string{"S2"}
	s.Drafts[1].BasedOn = []string{"I1", "I2"}
	// Two segments: the items and drafts of S2 go to S1.
	if _, err := s.MergeCards(CardSegment, "S1", "S2"); err != nil {
		t.Fatal(err)
	}
	if s.Segment("S2") != nil || s.Segment("S1").Name != "PK-yritykset / Pienyritykset" || s.Segment("S1").Description != "alle 10 henkeä" {
		t.Fatalf("segment %+v", s.Segment("S1"))
	}
	if s.ProfileItem("I3").SegmentID != "S1" || !reflect.DeepEqual(s.Draft("D1").SegmentIDs, []string{"S1"}) {
		t.Fatal("references to the merged segment did not follow it")
	}
	// Two pains that say the same: one text, the stronger evidence and
	// importance, the value item and the draft pointing at the one left.
	if _, err := s.MergeCards(CardProfileItem, "I1", "I2"); err != nil {
		t.Fatal(err)
	}
	it := s.ProfileItem("I1")
	if it.Text != "Toimitus myöhästyy" || it.Evidence != EvidenceCustomerSaid || it.Importance != 3 || s.ProfileItem("I2") != nil {
		t.Fatalf("merged item %+v", it)
	}
	if !reflect.DeepEqual(s.ValueItems[0].Addresses, []string{"I1"}) || !reflect.DeepEqual(s.Draft("D2").BasedOn, []string{"I1"}) {
		t.Fatalf("addresses %v, based on %v", s.ValueItems[0].Addresses, s.Draft("D2").BasedOn)
	}
	// Two measures: the action follows, the empty fields are filled.
	if _, err := s.MergeCards(CardMeasure, "M1", "M2"); err != nil {
		t.Fatal(err)
	}
	if m := s.Measure("M1"); m.Name != "NPS / Toimitusvarmuus" || m.Target != "98 %" || s.Actions[0].MeasureID != "M1" {
		t.Fatalf("measure %+v, action %+v", m, s.Actions[0])
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestAnonymousVotesAreCountedWithABudgetAndNoName(t *testing.T) {
	s := cardSession()
	s.DotVotes = s.DotVotes[:1] // P1 has given one dot of three
	anon := NewAnonymousVoter()
	if !IsAnonymous(anon) || IsAnonymous("P1") {
		t.Fatal("IsAnonymous")
	}
	if _, err := s.GiveDot(anon, "D1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GiveDot(anon, "D3"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GiveDot(anon, "D3"); err != nil {
		t.Fatal(err)
	}
	var de *DotsError
	if _, err := s.GiveDot(anon, "D4"); !errors.As(err, &de) {
		t.Fatalf("a third anonymous dot: %v", err)
	}
	if _, err := s.SetRung(anon, 3); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.RateDraft(anon, "D1", "44444444"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GiveConsent(anon, 2, "Liian yleinen"); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	res := s.ConsentResult()
	if res.Votes != 1 || len(res.Concerns) != 1 || res.Concerns[0] != "Liian yleinen" {
		t.Fatalf("consent %+v", res)
	}
	if s.LadderCounts()[2] != 1 || s.PersonName(anon, "") != "nimetön" || len(s.Participants) != 2 {
		t.Fatal("the anonymous rung is not counted, or the voter got a name or a place among the participants")
	}
	if got := s.AnonymousVoters(); !reflect.DeepEqual(got, []string{anon}) {
		t.Fatalf("anonymous voters %v", got)
	}
	if err := s.SetDots(3); err != nil {
		t.Fatal(err)
	}
	var sde *SetDotsError
	if err := s.SetDots(2); !errors.As(err, &sde) || sde.Over != anon {
		t.Fatalf("fewer dots than an anonymous voter gave: %v", err)
	}
	// An id that only looks like one is still refused where a participant is needed.
	if _, err := s.AddDraft("x", nil, anon); err == nil {
		t.Fatal("an anonymous voter as a draft's author")
	}
}
