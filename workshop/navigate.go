package workshop

import (
	"slices"
	"time"
)

// Moving between the pages of a workshop (setup, the agenda's steps,
// summary) is one operation whatever asks for it: the step being left
// pauses (and is marked done when the facilitator moved on with Next), a
// running timer passes to the next step as the room's clock moves with the
// room, the session's status follows, and a step that ran over offers to
// rebalance the rest of the agenda.

// Pages lists the pages in order: setup, the agenda's items (a step of the
// method missing from the agenda comes after them), the promise's history
// (always in a check-in; in a workshop when history says it has check-ins
// after it), summary.
func (s *Session) Pages(history bool) []string {
	keys := []string{StepSetup}
	seen := map[string]bool{}
	method := Steps
	if s.IsCheckin() {
		method, history = CheckinSteps, true
	}
	for _, a := range s.Agenda {
		if (StepByKey(a.Step) != nil || a.Step == StepBreak) && !seen[a.Step] {
			keys = append(keys, a.Step)
			seen[a.Step] = true
		}
	}
	for _, st := range method {
		if !seen[st.Key] {
			keys = append(keys, st.Key)
		}
	}
	if history {
		keys = append(keys, StepHistory)
	}
	return append(keys, StepSummary)
}

// HasPage reports whether the key is one of the session's pages.
func (s *Session) HasPage(key string, history bool) bool {
	for _, k := range s.Pages(history) {
		if k == key {
			return true
		}
	}
	return false
}

// Page is the page the session is on: its current step, or setup when that
// is not one of its pages.
func (s *Session) Page() string {
	if s.HasPage(s.CurrentStep, true) {
		return s.CurrentStep
	}
	return StepSetup
}

// Move is what going to another page did.
type Move struct {
	From, To string
	// Rebalance is the new plan offered because the step left ran over its
	// timebox by a whole minute or more; nil when there is none.
	Rebalance *Rebalancing
}

// GoTo goes to the page key at now; finish marks the step being left done
// (Next), otherwise it is only paused (a click in the step list, Previous).
// Going to the page the session is on changes nothing. The history page is
// a page of any session it is asked for.
func (s *Session) GoTo(key string, finish bool, now time.Time) (Move, error) {
	from := s.Page()
	if !s.HasPage(key, true) {
		return Move{}, &NotFoundError{"page", key}
	}
	if key == from {
		return Move{From: from, To: key}, nil
	}
	s.CurrentStep = key
	if s.Status == StatusPlanned && key != StepSetup {
		s.Status = StatusInProgress
	}
	running := false
	if a := s.AgendaItem(from); a != nil {
		running = a.Running()
		a.Pause(now)
		if finish {
			a.Finish(now)
		}
	}
	if b := s.AgendaItem(key); running && b != nil && !b.Done && !b.Skipped {
		b.Start(now)
	}
	m := Move{From: from, To: key}
	if plan, ok := Rebalance(s.Agenda, from, now); ok {
		m.Rebalance = &plan
	}
	if key == StepSummary && AllFinished(s.Agenda) {
		s.Status = StatusCompleted
	}
	return m, nil
}

// Step goes delta pages on (Next is +1 and finishes the step left,
// Previous is -1) among Pages(history); at either end it stays where it is.
// A session on a page that is not among them (the history of a workshop
// whose check-ins were deleted since, which the workshop shows as setup)
// moves on as from setup: Next to the first step, Previous to setup.
func (s *Session) Step(delta int, finish, history bool, now time.Time) (Move, error) {
	keys := s.Pages(history)
	from := s.Page()
	i := slices.Index(keys, from)
	if i < 0 {
		return s.GoTo(keys[max(0, min(delta, len(keys)-1))], finish, now)
	}
	if j := i + delta; j >= 0 && j < len(keys) {
		return s.GoTo(keys[j], finish, now)
	}
	return Move{From: from, To: from}, nil
}

// ToggleSkip marks the step skipped, or brings a skipped step back, and
// pauses its timer; it reports whether the step is skipped now.
func (s *Session) ToggleSkip(key string, now time.Time) (bool, error) {
	a := s.AgendaItem(key)
	if a == nil {
		return false, &NotFoundError{"agenda item", key}
	}
	a.Pause(now)
	a.Skipped = !a.Skipped
	return a.Skipped, nil
}

// AllFinished reports whether every item of the agenda is done or skipped.
func AllFinished(agenda []AgendaItem) bool {
	for _, a := range agenda {
		if !a.Done && !a.Skipped {
			return false
		}
	}
	return len(agenda) > 0
}
