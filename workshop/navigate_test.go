package workshop_test

import (
	"errors"
	"testing"
	"time"

	"lupauspaja/workshop"
)

func plannedSession() *workshop.Session {
	s := workshop.NewSession("fi")
	s.Status = workshop.StatusPlanned
	return s
}

// Next finishes the step left and hands its running timer to the next one;
// a click elsewhere only pauses; the status follows the room.
func TestNavigationHandsTheTimerOnAndFollowsTheStatus(t *testing.T) {
	s := plannedSession()
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	pages := s.Pages(false)
	if pages[0] != workshop.StepSetup || pages[len(pages)-1] != workshop.StepSummary {
		t.Fatalf("pages %v", pages)
	}
	if s.Page() != workshop.StepSetup {
		t.Fatalf("a new session is on %q", s.Page())
	}
	m, err := s.Step(+1, true, false, at)
	if err != nil || m.From != workshop.StepSetup || m.To != pages[1] {
		t.Fatalf("Next from setup: %+v %v", m, err)
	}
	if s.Status != workshop.StatusInProgress || s.CurrentStep != pages[1] {
		t.Fatalf("status %q step %q", s.Status, s.CurrentStep)
	}
	first := s.AgendaItem(pages[1])
	first.Start(at)
	at = at.Add(4 * time.Minute)
	if _, err := s.Step(+1, true, false, at); err != nil {
		t.Fatal(err)
	}
	first = s.AgendaItem(pages[1])
	second := s.AgendaItem(pages[2])
	if !first.Done || first.Running() || first.UsedSec != 240 || !second.Running() {
		t.Fatalf("after Next: first %+v second %+v", first, second)
	}
	// A click back pauses without finishing, and the timer goes along.
	at = at.Add(time.Minute)
	if _, err := s.GoTo(pages[1], false, at); err != nil {
		t.Fatal(err)
	}
	second = s.AgendaItem(pages[2])
	if second.Done || second.Running() || second.UsedSec != 60 {
		t.Fatalf("the step left by a click: %+v", second)
	}
	if s.AgendaItem(pages[1]).Running() {
		t.Fatal("a finished step's timer was started again")
	}
	if _, err := s.GoTo("no-such-page", false, at); !errors.As(err, new(*workshop.NotFoundError)) {
		t.Fatalf("an unknown page: %v", err)
	}
	if m, _ := s.Step(-1, false, false, at); m.To != pages[0] {
		t.Fatalf("Previous: %+v", m)
	}
	if m, _ := s.Step(-1, false, false, at); m.To != pages[0] || m.From != pages[0] {
		t.Fatalf("Previous on the first page moves nowhere: %+v", m)
	}
}

// Leaving a step a whole minute or more over its timebox offers a new plan
// for the steps after it; less over offers none.
func TestLeavingAStepThatRanOverOffersARebalancing(t *testing.T) {
	for _, over := range []time.Duration{30 * time.Second, 3 * time.Minute} {
		s := plannedSession()
		at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
		s.Step(+1, true, false, at)
		a := s.AgendaItem(s.Page())
		a.Start(at)
		at = at.Add(time.Duration(a.PlannedMin)*time.Minute + over)
		m, err := s.Step(+1, true, false, at)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Rebalance != nil; got != (over >= time.Minute) {
			t.Fatalf("%v over: rebalancing offered %v", over, got)
		}
	}
}

// Skipping pauses the step; the summary completes a session whose every
// step is done or skipped.
func TestSkipAndCompletion(t *testing.T) {
	s := plannedSession()
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for _, a := range s.Agenda {
		if _, err := s.ToggleSkip(a.Step, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ToggleSkip(workshop.StepSetup, at); !errors.As(err, new(*workshop.NotFoundError)) {
		t.Fatalf("setup has no timebox to skip: %v", err)
	}
	if _, err := s.GoTo(workshop.StepSummary, false, at); err != nil {
		t.Fatal(err)
	}
	if s.Status != workshop.StatusCompleted {
		t.Fatalf("status %q, want completed", s.Status)
	}
	if skipped, _ := s.ToggleSkip(s.Agenda[0].Step, at); skipped {
		t.Fatal("a second skip brings the step back")
	}
}

// A workshop left on the promise's history, whose check-ins were deleted
// since, has no history page: it opens at setup, and Next and Previous
// move on from there rather than staying on a page the workshop no longer
// lists.
func TestStepFromAPageNoLongerListed(t *testing.T) {
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := plannedSession()
	if _, err := s.GoTo(workshop.StepHistory, false, at); err != nil {
		t.Fatal(err)
	}
	pages := s.Pages(false)
	m, err := s.Step(+1, true, false, at)
	if err != nil || m.To != pages[1] || s.CurrentStep != pages[1] {
		t.Fatalf("Next from the history without check-ins: %+v %v, on %q", m, err, s.CurrentStep)
	}
	if _, err := s.GoTo(workshop.StepHistory, false, at); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Step(-1, false, false, at); err != nil || m.To != workshop.StepSetup || s.Page() != workshop.StepSetup {
		t.Fatalf("Previous from the history without check-ins: %+v %v, on %q", m, err, s.Page())
	}
	// With check-ins the history is a page like the others, before the summary.
	if _, err := s.GoTo(workshop.StepHistory, false, at); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Step(+1, false, true, at); m.To != workshop.StepSummary {
		t.Fatalf("Next from the history with check-ins: %+v", m)
	}
}
