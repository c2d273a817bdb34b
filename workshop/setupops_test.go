package workshop

import (
	"strings"
	"testing"
	"time"
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

	a, err := s.AddAction(ActionAct, "Soitetaan asiakkaalle", "", "", "", "", "")
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

// A preset replaces the agenda, a step in both keeping its state and
// timer with the preset's minutes; an unknown preset is refused.
func TestApplyAgendaPresetKeepsWhatRan(t *testing.T) {
	s := NewSession("fi")
	if len(Presets) < 2 {
		t.Skip("one preset only")
	}
	key := Presets[len(Presets)-1].Key
	first := PresetAgenda(key)[0].Step // a step in both agendas
	if s.AgendaItem(first) == nil {
		t.Fatalf("%s is not in the new session's agenda", first)
	}
	s.AgendaItem(first).Done, s.AgendaItem(first).UsedSec = true, 600
	if err := s.ApplyAgendaPreset(key); err != nil {
		t.Fatal(err)
	}
	want := PresetAgenda(key)
	if len(s.Agenda) != len(want) {
		t.Fatalf("%d steps, want the preset's %d", len(s.Agenda), len(want))
	}
	if a := s.AgendaItem(first); !a.Done || a.UsedSec != 600 {
		t.Errorf("the step that ran lost its state: %+v", a)
	}
	for i := range want {
		if s.Agenda[i].PlannedMin != want[i].PlannedMin {
			t.Errorf("%s: %d min, want the preset's %d", want[i].Step, s.Agenda[i].PlannedMin, want[i].PlannedMin)
		}
	}
	refusedUnchanged(t, s, "unknown preset", ProblemUnknown, func(s *Session) error { return s.ApplyAgendaPreset("nope") })
}

// The facilitator's notes of a step are kept, replaced and removed with "".
func TestSetPrivateNote(t *testing.T) {
	s := NewSession("fi")
	if err := s.SetPrivateNote(StepPurpose, "Kysy Jussilta 🙂"); err != nil || s.PrivateNotes[StepPurpose] != "Kysy Jussilta 🙂" {
		t.Fatalf("%v %q", err, s.PrivateNotes)
	}
	if err := s.SetPrivateNote(StepPurpose, ""); err != nil || len(s.PrivateNotes) != 0 {
		t.Fatalf("removed: %v %q", err, s.PrivateNotes)
	}
	refusedUnchanged(t, s, "note too long", ProblemTooLong, func(s *Session) error {
		return s.SetPrivateNote(StepPurpose, strings.Repeat("x", MaxTextBytes+1))
	})
}

// Adopting a draft keeps the wording before and after as versions, chooses
// the draft, and fills an empty alternative wording from it.
func TestAdoptDraft(t *testing.T) {
	s := roomSession()
	d := s.Drafts[1]
	s.Decision.FinalText = "Vanha lupaus"
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	if err := s.AdoptDraft(d.ID, at, "ennen", "luonnoksesta"); err != nil {
		t.Fatal(err)
	}
	if s.Decision.FinalText != d.Text || s.Decision.ChosenDraftID != d.ID || s.Decision.FinalTextAlt != d.TextAlt {
		t.Fatalf("decision %+v", s.Decision)
	}
	if n := len(s.PromiseVersions); n != 2 || s.PromiseVersions[0].Text != "Vanha lupaus" || s.PromiseVersions[1].Note != "luonnoksesta" {
		t.Fatalf("versions %+v", s.PromiseVersions)
	}
	refusedUnchanged(t, s, "adopt a draft not there", ProblemUnknown, func(s *Session) error { return s.AdoptDraft("D404", at, "", "") })
	// Another draft, without a wording in the other language: the earlier
	// draft's does not stay to say an earlier promise.
	other := &s.Drafts[2]
	other.TextAlt = ""
	if err := s.AdoptDraft(other.ID, at, "", ""); err != nil || s.Decision.FinalTextAlt != "" {
		t.Fatalf("adopting another draft kept the other language's %q (%v)", s.Decision.FinalTextAlt, err)
	}
	// The same wording adopted again keeps the one typed for it.
	s.Decision.FinalTextAlt = "Typed for it"
	if err := s.AdoptDraft(other.ID, at, "", ""); err != nil || s.Decision.FinalTextAlt != "Typed for it" {
		t.Fatalf("adopting the same draft again: %q (%v)", s.Decision.FinalTextAlt, err)
	}
}
