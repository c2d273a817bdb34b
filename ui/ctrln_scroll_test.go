package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Ctrl+N on a step of the method scrolls the page to the entry it puts the
// cursor in, at 1366×768 with the example's many cards: on the drafts the
// new-draft field is under five drafts, and the typing went on below the
// fold. SCREENSHOTS=folder saves the drafts after Ctrl+N.
func TestCtrlNScrollsTheNewEntryIntoView(t *testing.T) {
	u, lib, _ := newTestUI(t)
	if err := u.open(createSession(t, lib, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{workshop.StepDrafts, workshop.StepProfile, workshop.StepValueMap, workshop.StepMeasures, workshop.StepNextSteps} {
		u.ws.goTo(step)
		u.win.Canvas().Unfocus()
		page := uitest.Find[*field.Scroll](u.ws.page.Object(), nil)
		if page == nil {
			t.Fatalf("%s: no scrolling page", step)
		}
		page.ScrollToTop()
		press(t, u, fyne.KeyN, ctrl)
		got, ok := u.win.Canvas().Focused().(fyne.CanvasObject)
		if !ok {
			t.Fatalf("%s: Ctrl+N focused nothing", step)
		}
		// The page that holds the entry: step 3's and 4's are in tabs.
		page = uitest.Find(u.ws.page.Object(), func(s *field.Scroll) bool {
			return uitest.Find(s, func(o fyne.CanvasObject) bool { return o == got }) != nil
		})
		if page == nil {
			continue // not in a scrolling page: in view as it is
		}
		d := fyne.CurrentApp().Driver()
		top, at := d.AbsolutePositionForObject(page).Y, d.AbsolutePositionForObject(got).Y
		if at < top-0.5 || at+got.Size().Height > top+page.Size().Height+0.5 {
			t.Errorf("%s: the entry Ctrl+N focused (y %.0f–%.0f) is out of the page's view (y %.0f–%.0f)",
				step, at, at+got.Size().Height, top, top+page.Size().Height)
		}
		// After the check: capture lays the window out again, which moves
		// what the check measures.
		if step == workshop.StepDrafts {
			if dir := os.Getenv("SCREENSHOTS"); dir != "" {
				capture(t, u.win, dir, "drafts-ctrl-n")
			}
		}
	}
}
