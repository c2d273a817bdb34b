package workshop

import (
	"strings"
	"time"
)

// Operations of the facilitator's window that the room's phones do not
// have: the setup's people list and agenda preset, the facilitator's
// private notes, the decision's chosen draft and open concerns, and an
// action's measure.

// AddParticipant adds someone named on the setup page, with a role (or
// none), as an employee: the facilitator can change the kind.
func (s *Session) AddParticipant(name, role string) (Participant, error) {
	name, role = strings.TrimSpace(name), strings.TrimSpace(role)
	if err := checkCard("name", name); err != nil {
		return Participant{}, err
	}
	if err := checkInput("role", role); err != nil {
		return Participant{}, err
	}
	return s.addPerson(Participant{Name: name, Role: role, Kind: KindEmployee})
}

// addPerson adds p, checked by its caller, with an ID of its own, while
// the session has room for one more participant.
func (s *Session) addPerson(p Participant) (Participant, error) {
	if err := checkRoom("participants", len(s.Participants), MaxParticipants); err != nil {
		return Participant{}, err
	}
	p.ID = NewID("p")
	s.Participants = append(s.Participants, p)
	return p, nil
}

// ChooseDraft makes the draft the one the decision builds on (step 7); ""
// chooses none. The chosen draft is no longer rejected.
func (s *Session) ChooseDraft(id string) error {
	if id != "" && s.Draft(id) == nil {
		return inputProblem("draft_id", ProblemUnknown, "%q", clip(id))
	}
	s.Decision.ChosenDraftID = id
	if id != "" {
		s.SetRejection(id, "")
	}
	return nil
}

// AddOpenConcern notes a concern the decision leaves open (step 7).
func (s *Session) AddOpenConcern(text string) error {
	text = strings.TrimSpace(text)
	if err := checkCard("concern", text); err != nil {
		return err
	}
	if err := checkRoom("open_concerns", len(s.Decision.OpenConcerns), MaxCards); err != nil {
		return err
	}
	s.Decision.OpenConcerns = append(s.Decision.OpenConcerns, text)
	return nil
}

// RemoveOpenConcern takes back the open concern at index i, if it still
// says text (it may have been removed or changed meanwhile: then nothing
// is removed and the result is false).
func (s *Session) RemoveOpenConcern(i int, text string) bool {
	oc := s.Decision.OpenConcerns
	if i < 0 || i >= len(oc) || oc[i] != text {
		return false
	}
	s.Decision.OpenConcerns = append(oc[:i:i], oc[i+1:]...)
	return true
}

// SetActionMeasure links an action to the measure that shows it worked
// (step 9); "" unlinks it.
func (s *Session) SetActionMeasure(actionID, measureID string) error {
	a := s.Action(actionID)
	if a == nil {
		return inputProblem("action_id", ProblemUnknown, "%q", clip(actionID))
	}
	if measureID != "" && s.Measure(measureID) == nil {
		return inputProblem("measure_id", ProblemUnknown, "%q", clip(measureID))
	}
	a.MeasureID = measureID
	return nil
}

// ApplyAgendaPreset replaces the agenda with a preset of the session's
// kind; a step in both keeps its state and timer and takes the preset's
// planned minutes.
func (s *Session) ApplyAgendaPreset(key string) error {
	known := false
	for _, p := range PresetsOf(s.Kind) {
		known = known || p.Key == key
	}
	if !known {
		return inputProblem("preset", ProblemUnknown, "%q", clip(key))
	}
	nw := PresetAgendaOf(s.Kind, key)
	for i := range nw {
		if old := s.AgendaItem(nw[i].Step); old != nil {
			planned := nw[i].PlannedMin
			nw[i] = *old
			nw[i].PlannedMin = planned
		}
	}
	s.Agenda = nw
	return nil
}

// SetPrivateNote keeps the facilitator's notes of a step (shown only in
// the window, never on the projector or in the PDF); "" removes them.
func (s *Session) SetPrivateNote(step, text string) error {
	if err := checkInput("private_notes", text); err != nil {
		return err
	}
	if text == "" {
		delete(s.PrivateNotes, step)
		return nil
	}
	if s.PrivateNotes == nil {
		s.PrivateNotes = map[string]string{}
	}
	s.PrivateNotes[step] = text
	return nil
}

// AdoptDraft makes the draft's wording the final promise (step 7): the
// wording before is kept as a version (noteBefore), the draft becomes the
// chosen one with its wording in the other language, and the new
// wording is kept as a version too (noteFrom).
func (s *Session) AdoptDraft(id string, at time.Time, noteBefore, noteFrom string) error {
	d := s.Draft(id)
	if d == nil {
		return inputProblem("draft_id", ProblemUnknown, "%q", clip(id))
	}
	s.SaveVersion(at, noteBefore)
	if err := s.ChooseDraft(id); err != nil {
		return err
	}
	// The other language's wording goes with the wording: a draft's own,
	// or none when another wording is adopted (the earlier one would say
	// an earlier promise to every phone and page in that language); the
	// same wording adopted again keeps one typed for it.
	if d.TextAlt != "" || strings.TrimSpace(s.Decision.FinalText) != strings.TrimSpace(d.Text) {
		s.Decision.FinalTextAlt = d.TextAlt
	}
	s.Decision.FinalText = d.Text
	s.SaveVersion(at, noteFrom)
	return nil
}
