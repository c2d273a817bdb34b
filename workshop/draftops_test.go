package workshop

import (
	"slices"
	"strings"
	"testing"
)

// The extras of the cards: a draft's authors, segments and the profile
// items it rests on, its shortlist mark and Moore scaffold, what a value
// item addresses, a segment's description and focus. Each refuses a
// record that is not there, and changes nothing then.
func TestCardExtrasOperations(t *testing.T) {
	s := roomSession()
	g, err := s.AddSegment("Pk-verkkokaupat", "")
	if err != nil {
		t.Fatal(err)
	}
	job, err := s.AddProfileItem(g.ID, ItemJob, "Lähetys perille ajallaan", "")
	if err != nil {
		t.Fatal(err)
	}
	vi, err := s.AddValueItem(g.ID, ValueProduct, "Seuranta tekstiviestillä")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.AddDraft("Tiedät aina, missä lähetyksesi menee 🚚", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	p := s.Participants[0].ID

	for _, c := range []struct{ link, id string }{{DraftAuthor, p}, {DraftSegment, g.ID}, {DraftBasedOn, job.ID}} {
		for range 2 { // twice: once in the list
			if err := s.LinkDraft(d.ID, c.link, c.id, true); err != nil {
				t.Fatalf("link %s: %v", c.link, err)
			}
		}
		refusedUnchanged(t, s, "link an unknown "+c.link, ProblemUnknown, func(s *Session) error { return s.LinkDraft(d.ID, c.link, "X404", true) })
	}
	got := s.Draft(d.ID)
	if !slices.Equal(got.AuthorIDs, []string{p}) || !slices.Equal(got.SegmentIDs, []string{g.ID}) || !slices.Equal(got.BasedOn, []string{job.ID}) {
		t.Fatalf("links: %+v", got)
	}
	if err := s.LinkDraft(d.ID, DraftAuthor, p, false); err != nil || len(s.Draft(d.ID).AuthorIDs) != 0 {
		t.Fatalf("unlink: %v %q", err, s.Draft(d.ID).AuthorIDs)
	}
	if err := s.LinkDraft(d.ID, DraftAuthor, "X404", false); err != nil {
		t.Fatalf("taking away what is not there: %v", err)
	}
	refusedUnchanged(t, s, "link of no kind", ProblemInvalid, func(s *Session) error { return s.LinkDraft(d.ID, "owner", p, true) })
	refusedUnchanged(t, s, "link a draft not there", ProblemUnknown, func(s *Session) error { return s.LinkDraft("D404", DraftAuthor, p, true) })

	if err := s.ShortlistDraft(d.ID, true); err != nil || !s.Draft(d.ID).Shortlisted {
		t.Fatalf("shortlist: %v", err)
	}
	refusedUnchanged(t, s, "shortlist a draft not there", ProblemUnknown, func(s *Session) error { return s.ShortlistDraft("D404", true) })

	if err := s.SetMoorePart(d.ID, "for", "Pk-verkkokaupoille"); err != nil || s.Draft(d.ID).Moore.Part("for") != "Pk-verkkokaupoille" {
		t.Fatalf("moore: %v %+v", err, s.Draft(d.ID).Moore)
	}
	if err := s.SetMoorePart(d.ID, "for", ""); err != nil || s.Draft(d.ID).Moore != nil {
		t.Fatalf("a scaffold emptied is none: %v %+v", err, s.Draft(d.ID).Moore)
	}
	refusedUnchanged(t, s, "moore part of no kind", ProblemInvalid, func(s *Session) error { return s.SetMoorePart(d.ID, "price", "x") })
	refusedUnchanged(t, s, "moore part too long", ProblemTooLong, func(s *Session) error {
		return s.SetMoorePart(d.ID, "need", strings.Repeat("x", MaxTextBytes+1))
	})
	for _, part := range MooreParts {
		if err := s.SetMoorePart(d.ID, part, part+" ✓"); err != nil || s.Draft(d.ID).Moore.Part(part) != part+" ✓" {
			t.Fatalf("moore %s: %v", part, err)
		}
	}

	if err := s.LinkValueItem(vi.ID, job.ID, true); err != nil || !slices.Equal(s.ValueItem(vi.ID).Addresses, []string{job.ID}) {
		t.Fatalf("value item link: %v", err)
	}
	refusedUnchanged(t, s, "address an unknown item", ProblemUnknown, func(s *Session) error { return s.LinkValueItem(vi.ID, "X404", true) })
	refusedUnchanged(t, s, "a value item not there", ProblemUnknown, func(s *Session) error { return s.LinkValueItem("V404", job.ID, true) })
	if err := s.LinkValueItem(vi.ID, job.ID, false); err != nil || len(s.ValueItem(vi.ID).Addresses) != 0 {
		t.Fatalf("value item unlink: %v", err)
	}

	if err := s.SetSegmentDescription(g.ID, "Verkkokaupat, 5–50 hlö"); err != nil || s.Segment(g.ID).Description != "Verkkokaupat, 5–50 hlö" {
		t.Fatalf("description: %v", err)
	}
	refusedUnchanged(t, s, "description too long", ProblemTooLong, func(s *Session) error {
		return s.SetSegmentDescription(g.ID, strings.Repeat("x", MaxTextBytes+1))
	})
	if err := s.SetSegmentFocus(g.ID, true); err != nil || !s.Segment(g.ID).Focus {
		t.Fatalf("focus: %v", err)
	}
	refusedUnchanged(t, s, "focus a segment not there", ProblemUnknown, func(s *Session) error { return s.SetSegmentFocus("S404", true) })
	if err := s.Validate(); err != nil {
		t.Fatalf("the session after the operations: %v", err)
	}
}
