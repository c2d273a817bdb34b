package workshop

import "strings"

// Operations of the facilitator's window that the room's phones do not
// have: the setup's people list, the decision's chosen draft and open
// concerns, and an action's measure.

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
	if err := checkRoom("participants", len(s.Participants), MaxParticipants); err != nil {
		return Participant{}, err
	}
	p := Participant{ID: NewID("p"), Name: name, Role: role, Kind: KindEmployee}
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
