package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// openExample opens the example workshop in a 1366×768 window.
func openExample(t *testing.T) (*UI, int64) {
	t.Helper()
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u, id
}

// The break page's message takes the page's width: a wrapping label in a
// centre layout used to shrink to a column about 80 px wide.
func TestBreakPageMessageUsesThePageWidth(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepBreak)
	uitest.Relayout(u.win.Content())
	msg := uitest.Find[*widget.Label](u.win.Content(), func(l *widget.Label) bool {
		return strings.HasPrefix(l.Text, "Tauko 10 min")
	})
	if msg == nil {
		t.Fatal("no break message on the break page")
	}
	if w := msg.Size().Width; w < 500 {
		t.Errorf("the break message is %.0f px wide, want the page's width (at least 500 px)", w)
	}
}
