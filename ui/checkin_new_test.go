package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
)

// Ctrl+N ("new card" in F1) puts the cursor in a check-in step's first
// entry for something new, scrolled into view: the new action's text
// (the actions, and the next steps' form), the first measure's new reading,
// the new answer's date. What is typed there then goes where the form sends it.
func TestCtrlNInACheckinGoesToTheNewEntry(t *testing.T) {
	u := newCheckinAt1366(t)
	for _, c := range []struct{ step, placeholder string }{
		{workshop.StepCIActions, "checkin.actions.new.text"},
		{workshop.StepCIMeasures, "checkin.measures.value"},
		{workshop.StepCICustomers, "checkin.customers.date"},
		{workshop.StepCINext, "checkin.actions.new.text"},
	} {
		u.ws.goTo(c.step)
		u.win.Canvas().Unfocus()
		want := entryWith(u.ws.Object(), u.tr.T(c.placeholder))
		if len(want) == 0 {
			t.Fatalf("%s: no entry %q", c.step, u.tr.T(c.placeholder))
		}
		press(t, u, fyne.KeyN, ctrl)
		got, _ := u.win.Canvas().Focused().(*field.Entry)
		if got != want[0] {
			t.Errorf("%s: Ctrl+N focused %v, not the entry %q", c.step, u.win.Canvas().Focused(), u.tr.T(c.placeholder))
			continue
		}
		page := uitest.Find[*field.Scroll](u.ws.page.Object(), nil)
		d := fyne.CurrentApp().Driver()
		top, at := d.AbsolutePositionForObject(page).Y, d.AbsolutePositionForObject(got).Y
		if at < top-0.5 || at+got.Size().Height > top+page.Size().Height+0.5 {
			t.Errorf("%s: the entry (y %v–%v) is out of the page's view (y %v–%v)", c.step, at, at+got.Size().Height, top, top+page.Size().Height)
		}
	}

	// Typed after Ctrl+N and Enter: a new action.
	u.ws.goTo(workshop.StepCIActions)
	press(t, u, fyne.KeyN, ctrl)
	e := u.win.Canvas().Focused().(*field.Entry)
	typeIn(t, u.win, e, "Soitetaan viidelle asiakkaalle", true)
	if n := u.ws.ed.Snapshot().NewActions(); len(n) != 1 || n[0].Text != "Soitetaan viidelle asiakkaalle" {
		t.Fatalf("new actions after Ctrl+N, typing and Enter: %+v", n)
	}
}
