package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// In the step list Enter opens the page the keyboard is on, as Space does:
// Tab into the list starts on the page shown, ↓ moves to the next, and
// Enter opens it. Fyne's list opened a page on Space only.
func TestEnterInTheStepListOpensTheFocusedPage(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		u, lib, _ := newTestUI(t)
		if err := u.open(createSession(t, lib, fixture.Nordrahti())); err != nil {
			t.Fatal(err)
		}
		u.ws.goTo(workshop.StepDrafts)
		nav := u.ws.nav
		at := slices.Index(nav.keys, u.ws.key)
		if at < 0 || at+1 >= len(nav.keys) {
			t.Fatalf("the page shown %q is not in the list %v, or is its last", u.ws.key, nav.keys)
		}
		u.win.Canvas().Focus(nav.list)
		typeKey(u, fyne.KeyDown)
		if u.ws.key != nav.keys[at] {
			t.Fatalf("↓ alone opened %q", u.ws.key)
		}
		typeKey(u, key)
		if want := nav.keys[at+1]; u.ws.key != want {
			t.Fatalf("%s after ↓ in the step list shows %q, want the page after %q, %q", key, u.ws.key, nav.keys[at], want)
		}
	}
}
