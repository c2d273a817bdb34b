package ui

import (
	"errors"
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/library"
)

// The question before deleting a workshop opens with the keyboard on its
// Cancel, so that Space or Enter at once deletes nothing; Esc cancels it
// from its buttons and with nothing focused; Tab to Poista and Enter
// deletes. Nothing had the focus in it, and only the error dialog
// answered Esc. SCREENSHOTS=folder saves the question as it opens.
func TestDeleteQuestionOpensOnCancelAndAnswersEscAndEnter(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	u.home.reload()
	u.home.selectID(id)
	ask := func() {
		t.Helper()
		tapButton(t, u.win.Content(), u.tr.T("home.delete"))
		if topOverlay(u) == nil {
			t.Fatal("no question before deleting")
		}
	}
	kept := func(how string) {
		t.Helper()
		if topOverlay(u) != nil {
			t.Fatalf("%s left the question open", how)
		}
		if _, err := lib.Load(id); err != nil {
			t.Fatalf("%s deleted the workshop: %v", how, err)
		}
	}
	ask()
	f, ok := u.win.Canvas().Focused().(*keyButton)
	if !ok || f.Text != u.tr.T("app.cancel") {
		t.Fatalf("the question opens with the keyboard on %T %v, not on %q", u.win.Canvas().Focused(), f, u.tr.T("app.cancel"))
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "fi-delete-focus")
	}
	typeKey(u, fyne.KeySpace)
	kept("Space on the question as it opened")
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
		ask()
		typeKey(u, key)
		kept(string(key) + " on the question as it opened")
	}
	// A click on the question's text takes the focus from its buttons:
	// Esc still cancels, Enter does nothing.
	ask()
	u.win.Canvas().Unfocus()
	typeKey(u, fyne.KeyReturn)
	if topOverlay(u) == nil {
		t.Fatal("Enter with nothing focused answered the question")
	}
	typeKey(u, fyne.KeyEscape)
	kept("Esc with nothing focused")

	ask()
	u.win.Canvas().FocusNext()
	if f, ok := u.win.Canvas().Focused().(*keyButton); !ok || f.Text != u.tr.T("home.delete.confirm") {
		t.Fatalf("Tab from Cancel went to %T, not %q", u.win.Canvas().Focused(), u.tr.T("home.delete.confirm"))
	}
	typeKey(u, fyne.KeyReturn)
	if _, err := lib.Load(id); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("Enter on %q did not delete the workshop: %v", u.tr.T("home.delete.confirm"), err)
	}
}

// The room's dialog opens with the keyboard on "Avaa huone": Esc cancels
// it from there, from the address and from the port; Enter in the port
// field opens the room; the help opened from it closes on Esc first.
func TestRoomDialogAnswersEscAndEnter(t *testing.T) {
	u, st, _ := newTestUI(t)
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	ask := func() (*keySelect, *keyEntry) {
		t.Helper()
		press(t, u, fyne.KeyR, ctrl)
		dlg := topOverlay(u)
		pick := uitest.Find[*keySelect](dlg, nil)
		port := uitest.Find[*keyEntry](dlg, nil)
		if pick == nil || port == nil {
			t.Fatalf("no address or port in the dialog:\n%s", texts(dlg))
		}
		pick.SetSelectedIndex(len(pick.Options) - 1) // loopback: the only address in tests
		port.SetText("0")                            // any free port
		return pick, port
	}
	closed := func(how string) {
		t.Helper()
		if topOverlay(u) != nil || u.ws.phones.open() {
			t.Fatalf("%s: the dialog is open %v, the room %v", how, topOverlay(u) != nil, u.ws.phones.open())
		}
	}
	pick, port := ask()
	if f, ok := u.win.Canvas().Focused().(*keyButton); !ok || f.Text != u.tr.T("room.open") {
		t.Fatalf("the dialog opens with the keyboard on %T, not on %q", u.win.Canvas().Focused(), u.tr.T("room.open"))
	}
	typeKey(u, fyne.KeyEscape)
	closed("Esc on Avaa huone")
	pick, _ = ask()
	u.win.Canvas().Focus(pick)
	typeKey(u, fyne.KeyEscape)
	closed("Esc on the address")
	_, port = ask()
	u.win.Canvas().Focus(port)
	typeKey(u, fyne.KeyEscape)
	closed("Esc in the port field")

	ask()
	tapButton(t, topOverlay(u), u.tr.T("room.help.button"))
	help := topOverlay(u)
	typeKey(u, fyne.KeyEscape)
	if top := topOverlay(u); top == nil || top == help {
		t.Fatal("Esc over the room's help did not close the help alone")
	}
	typeKey(u, fyne.KeyEscape)
	closed("Esc after the help")

	_, port = ask()
	u.win.Canvas().Focus(port)
	typeKey(u, fyne.KeyReturn)
	if !u.ws.phones.open() || topOverlay(u) != nil {
		t.Fatal("Enter in the port field did not open the room")
	}
	u.ws.phones.close()
}
