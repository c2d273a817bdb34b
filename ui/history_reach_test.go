package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// menuItem is the main menu's entry of the shortcut, or nil.
func menuItem(u *UI, key fyne.KeyName, mod fyne.KeyModifier) *fyne.MenuItem {
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(interface {
				Key() fyne.KeyName
				Mod() fyne.KeyModifier
			}); ok && sc.Key() == key && sc.Mod() == mod {
				return it
			}
		}
	}
	return nil
}

// runShortcut runs a shortcut as the window's canvas does when the menu
// entry is greyed out (the canvas has every shortcut registered).
func runShortcut(t *testing.T, u *UI, key fyne.KeyName, mod fyne.KeyModifier) {
	t.Helper()
	for _, k := range keyActions() {
		if k.key == key && k.mod == mod {
			u.runKey(k)
			return
		}
	}
	t.Fatalf("no shortcut %v+%v", mod, key)
}

// currentRow is the step list's highlighted page, "" when none is.
func currentRow(u *UI) string {
	for i, r := range u.ws.nav.rows {
		if r.current {
			return u.ws.nav.keys[i]
		}
	}
	return ""
}

// skipShown reports whether the page shows Skip (or its undo).
func skipShown(u *UI) bool {
	for _, text := range []string{u.tr.T("step.skip"), u.tr.T("step.unskip")} {
		if b := findButton(u.ws.Object(), text); b != nil && b.Visible() {
			return true
		}
	}
	return false
}

// Ctrl+H goes to the promise's history only where there is one: in a
// workshop without check-ins its menu entry is greyed out and the key
// leaves the page where it is (the history page had no place among the
// steps, so Next, Previous and Skip could not leave it). Once the workshop
// has a check-in, Ctrl+H shows the history, the step list highlights it,
// Skip is not offered (the history has no timebox), and Next and Previous
// (the buttons and Ctrl+→ / Ctrl+←) move on from it.
func TestHistoryKeyOnlyWhereThereIsAHistory(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	it := menuItem(u, fyne.KeyH, ctrl)
	if it == nil || !it.Disabled {
		t.Fatalf("the history's menu entry in a workshop without check-ins: %+v", it)
	}
	start := u.ws.key
	runShortcut(t, u, fyne.KeyH, ctrl)
	if u.ws.key != start || currentRow(u) != start {
		t.Fatalf("Ctrl+H without check-ins went to %q (list on %q)", u.ws.key, currentRow(u))
	}

	newCheckinFromHome(t, u, id)
	u.showHome(true)
	u.home.selectID(id)
	press(t, u, fyne.KeyReturn, 0)
	if u.ws == nil || u.ws.ed.ID() != id {
		t.Fatal("Enter did not open the workshop again")
	}
	if it := menuItem(u, fyne.KeyH, ctrl); it.Disabled {
		t.Fatal("the history's menu entry is greyed out in a workshop with a check-in")
	}
	press(t, u, fyne.KeyH, ctrl)
	if u.ws.key != workshop.StepHistory || currentRow(u) != workshop.StepHistory {
		t.Fatalf("Ctrl+H with a check-in: on %q, the list on %q", u.ws.key, currentRow(u))
	}
	if skipShown(u) {
		t.Error("the history page offers Skip, which does nothing there")
	}
	tapButton(t, u.ws.Object(), u.tr.T("step.next"))
	if u.ws.key != workshop.StepSummary {
		t.Fatalf("Next from the history went to %q", u.ws.key)
	}
	press(t, u, fyne.KeyLeft, ctrl)
	if u.ws.key != workshop.StepHistory {
		t.Fatalf("Ctrl+← from the summary went to %q", u.ws.key)
	}
	pages := u.ws.pages()
	before := pages[slices.Index(pages, workshop.StepHistory)-1]
	tapButton(t, u.ws.Object(), u.tr.T("step.prev"))
	if u.ws.key != before || currentRow(u) != before {
		t.Fatalf("Previous from the history: on %q, want %q", u.ws.key, before)
	}
}

// A workshop left on the promise's history whose check-ins were deleted
// since opens at setup, and Next goes to the first step (it went to the
// history page, which the workshop no longer lists, and stayed there).
func TestNextAfterTheCheckinsWereDeleted(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	cid := newCheckinFromHome(t, u, id)
	u.showHome(true)
	u.home.selectID(id)
	press(t, u, fyne.KeyReturn, 0)
	press(t, u, fyne.KeyH, ctrl)
	if u.ws.key != workshop.StepHistory {
		t.Fatalf("Ctrl+H: on %q", u.ws.key)
	}
	u.showHome(true)
	u.home.selectID(cid)
	test.Tap(findButton(u.win.Content(), u.tr.T("home.delete")))
	test.Tap(findButton(topOverlay(u), u.tr.T("home.delete.confirm")))
	u.home.selectID(id)
	press(t, u, fyne.KeyReturn, 0)
	if u.ws == nil || u.ws.key != workshop.StepSetup {
		t.Fatal("the workshop did not open at setup")
	}
	first := u.ws.pages()[1]
	tapButton(t, u.ws.Object(), u.tr.T("setup.begin")) // setup's Next
	if u.ws.key != first || currentRow(u) != first {
		t.Fatalf("Next from setup: on %q (list on %q), want %q", u.ws.key, currentRow(u), first)
	}
	if got := load(t, st, id).CurrentStep; got != first {
		t.Fatalf("the workshop is stored on %q", got)
	}
}

// Skip is offered where it marks the agenda's item skipped, and not on a
// step left out of the agenda, where it did nothing.
func TestSkipOnlyOnTheAgendasSteps(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := workshop.NewSession("fi")
	var agenda []workshop.AgendaItem
	for _, a := range s.Agenda {
		if a.Step != workshop.StepProfile {
			agenda = append(agenda, a)
		}
	}
	s.Agenda = agenda
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepProfile)
	if u.ws.key != workshop.StepProfile {
		t.Fatalf("the step out of the agenda is not a page: on %q", u.ws.key)
	}
	if skipShown(u) {
		t.Error("a step out of the agenda offers Skip, which does nothing there")
	}
	u.ws.goTo(workshop.StepPurpose)
	if !skipShown(u) {
		t.Fatal("a step of the agenda does not offer Skip")
	}
	tapButton(t, u.ws.Object(), u.tr.T("step.skip"))
	if a := load(t, st, id).AgendaItem(workshop.StepPurpose); a == nil || !a.Skipped {
		t.Fatalf("Skip did not skip the step: %+v", a)
	}
}
