package workshop

import (
	"strings"
	"testing"
)

// The window's own operations change what they say and refuse what the
// session file could not hold, changing nothing then.
func TestSetupAndDecisionOperations(t *testing.T) {
	s := roomSession()
	p, err := s.AddParticipant("  Åsa Öhman ", " myyntipäällikkö ")
	if err != nil || s.Participant(p.ID) == nil || p.Name != "Åsa Öhman" || p.Role != "myyntipäällikkö" || p.Kind != KindEmployee {
		t.Fatalf("add participant: %v %+v", err, p)
	}
	refusedUnchanged(t, s, "nameless participant", ProblemEmpty, func(s *Session) error { _, err := s.AddParticipant(" ", "rooli"); return err })
	refusedUnchanged(t, s, "role too long", ProblemTooLong, func(s *Session) error {
		_, err := s.AddParticipant("Nimi", strings.Repeat("x", MaxTextBytes+1))
		return err
	})

	d := s.Drafts[0].ID
	s.SetRejection(d, "liian pitkä")
	if err := s.ChooseDraft(d); err != nil || s.Decision.ChosenDraftID != d || len(s.Decision.Rejected) != 0 {
		t.Fatalf("choose draft: %v %+v", err, s.Decision)
	}
	refusedUnchanged(t, s, "choose a draft not there", ProblemUnknown, func(s *Session) error { return s.ChooseDraft("D404") })
	if err := s.ChooseDraft(""); err != nil || s.Decision.ChosenDraftID != "" {
		t.Fatalf("choose none: %v %q", err, s.Decision.ChosenDraftID)
	}

	for _, c := range []string{"Hinta 🙂", "Aikataulu"} {
		if err := s.AddOpenConcern(c); err != nil {
			t.Fatal(err)
		}
	}
	refusedUnchanged(t, s, "empty concern", ProblemEmpty, func(s *Session) error { return s.AddOpenConcern("  ") })
	if s.RemoveOpenConcern(0, "Aikataulu") || len(s.Decision.OpenConcerns) != 2 {
		t.Fatalf("a concern that says something else was removed: %q", s.Decision.OpenConcerns)
	}
	if !s.RemoveOpenConcern(0, "Hinta 🙂") || strings.Join(s.Decision.OpenConcerns, "|") != "Aikataulu" {
		t.Fatalf("remove concern: %q", s.Decision.OpenConcerns)
	}

	a, err := s.AddAction(ActionAct, "Soitetaan asiakkaalle", "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.AddMeasure("Asiakastyytyväisyys", "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetActionMeasure(a.ID, m.ID); err != nil || s.Action(a.ID).MeasureID != m.ID {
		t.Fatalf("link measure: %v", err)
	}
	refusedUnchanged(t, s, "a measure not there", ProblemUnknown, func(s *Session) error { return s.SetActionMeasure(a.ID, "M404") })
	refusedUnchanged(t, s, "an action not there", ProblemUnknown, func(s *Session) error { return s.SetActionMeasure("A404", m.ID) })
	if err := s.SetActionMeasure(a.ID, ""); err != nil || s.Action(a.ID).MeasureID != "" {
		t.Fatalf("unlink measure: %v", err)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}
