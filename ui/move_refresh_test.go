package ui

import (
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// countingPage counts the refreshes of the page it stands for.
type countingPage struct {
	page
	refreshes int
}

func (c *countingPage) Refresh() { c.refreshes++; c.page.Refresh() }

// A move between pages refreshes the window once: the change notice of the
// move itself, arriving after the new page is shown (as it does in the real
// window), refreshes nothing again; the next edit refreshes the page.
func TestAMoveRefreshesThePageOnce(t *testing.T) {
	u, st, _ := newTestUI(t)
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	w := u.ws
	w.goTo(workshop.StepPurpose)
	c := &countingPage{page: w.page}
	w.page = c
	w.edited() // the move's own notice, late
	if c.refreshes != 0 {
		t.Fatalf("the move's notice refreshed the page %d times", c.refreshes)
	}
	if err := w.ed.Edit(func(s *workshop.Session) error { s.Purpose.Why += " Lisää."; return nil }); err != nil {
		t.Fatal(err)
	}
	if c.refreshes != 1 {
		t.Fatalf("an edit after the move refreshed the page %d times, want 1", c.refreshes)
	}
}
