package ui

import (
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Closing with typed text that cannot be saved asks first, rather than
// dropping the text without a word.
func TestCloseAsksWhenTypedTextCannotBeSaved(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	sp, ok := u.ws.page.(*setupPage)
	if !ok {
		t.Fatalf("setup page is %T", u.ws.page)
	}
	huge := strings.Repeat("x", workshop.MaxTextBytes+1)
	sp.org.Entry.SetText(huge)
	u.close()
	if u.ws == nil {
		t.Fatal("the workshop was closed although typed text could not be saved")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no question was asked")
	}
	if sp.org.Entry.Text != huge {
		t.Fatal("the typed text is gone from the field")
	}
}
