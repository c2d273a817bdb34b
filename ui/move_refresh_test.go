package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

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

// summaryLines are the texts of the summary page's lines.
func summaryLines(p *summaryPage) (texts []string) {
	for _, o := range p.body.Objects {
		texts = append(texts, o.(*widget.Label).Text)
	}
	return texts
}

// Going back to the summary keeps its lines when nothing they say changed
// (the same labels, not made and laid out again), and shows a change made
// on another page.
func TestSummaryShownAgainKeepsItsLinesUnlessTheyChanged(t *testing.T) {
	u, st, _ := newTestUI(t)
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	w := u.ws
	w.goTo(workshop.StepSummary)
	p := w.page.(*summaryPage)
	before := slices.Clone(p.body.Objects)
	w.goTo(workshop.StepNextSteps)
	w.goTo(workshop.StepSummary)
	if !slices.Equal(p.body.Objects, before) {
		t.Fatalf("the summary's lines were made again though nothing in them changed")
	}

	w.goTo(workshop.StepNextSteps)
	var text string
	if err := w.ed.Edit(func(s *workshop.Session) error {
		s.Actions[0].Text = "Soitetaan kymmenelle asiakkaalle"
		text = s.Actions[0].Text
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	w.goTo(workshop.StepSummary)
	found := false
	for _, l := range summaryLines(p) {
		found = found || strings.Contains(l, text)
	}
	if !found {
		t.Fatalf("the summary does not show the action changed: %q", summaryLines(p))
	}
}
