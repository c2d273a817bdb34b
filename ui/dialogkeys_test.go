package ui

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
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

// The question of which card to merge a card into opens with the keyboard
// on the choice of card: Esc cancels from it, from either button and with
// nothing focused; ↓ opens the list, ↓ again walks it and Enter picks
// there, and Enter on the choice merges into the card picked; Enter with
// nothing focused merges too. It was Fyne's plain question: nothing
// focused, no Esc. SCREENSHOTS=folder saves it as it opens, in Finnish and
// English.
func TestMergeQuestionStartsOnTheCardAndAnswersEscAndEnter(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, st, _ := newTestUI(t)
			u.tr.SetLanguage(lang)
			s := workshop.NewSession(lang)
			draft := func(id, text string) workshop.Draft {
				return workshop.Draft{ID: id, Text: text, AuthorIDs: []string{}, SegmentIDs: []string{}, Version: 1}
			}
			s.Drafts = []workshop.Draft{
				draft("D1", "Kerromme ensin, jos myöhästymme."),
				draft("D2", "Vastaamme samana päivänä."),
				draft("D3", "Kerromme aina etukäteen, jos myöhästymme, ja sanomme miksi ja milloin olemme perillä."),
			}
			s.CurrentStep = workshop.StepDrafts
			id := createSession(t, st, s)
			if err := u.open(id); err != nil {
				t.Fatal(err)
			}
			press(t, u, fyne.KeyK, ctrl)
			cw := u.ws.cards
			win := cw.win
			ask := func() *keySelect {
				t.Helper()
				test.Tap(rowOf(t, win.Content(), "Kerromme aina etukäteen", u.tr.T("cards.merge")))
				dlg := win.Canvas().Overlays().Top()
				if dlg == nil {
					t.Fatal("no merge question")
				}
				pick := uitest.Find[*keySelect](dlg, nil)
				if pick == nil {
					t.Fatalf("no choice of card in the question:\n%s", texts(dlg))
				}
				return pick
			}
			kept := func(how string) {
				t.Helper()
				if win.Canvas().Overlays().Top() != nil {
					t.Fatalf("%s left the question open", how)
				}
				if got := load(t, st, id); len(got.Drafts) != 3 {
					t.Fatalf("%s merged: %+v", how, got.Drafts)
				}
			}
			merged := func(how, into string) {
				t.Helper()
				if win.Canvas().Overlays().Top() != nil {
					t.Fatalf("%s left the question open", how)
				}
				got := load(t, st, id)
				if len(got.Drafts) != 2 || !slices.ContainsFunc(got.Drafts, func(d workshop.Draft) bool {
					return strings.HasPrefix(d.Text, into+" / Kerromme aina etukäteen")
				}) {
					t.Fatalf("%s did not merge into %q: %+v", how, into, got.Drafts)
				}
				press(t, u, fyne.KeyZ, ctrl) // back to three drafts
				if got := load(t, st, id); len(got.Drafts) != 3 {
					t.Fatalf("Ctrl+Z after %s: %+v", how, got.Drafts)
				}
			}

			pick := ask()
			if win.Canvas().Focused() != pick {
				t.Fatalf("the question opens with the keyboard on %T, not on the choice of card", win.Canvas().Focused())
			}
			if dir := os.Getenv("SCREENSHOTS"); dir != "" {
				captureVariants(t, u.app, win, dir, lang+"-merge-focus")
			}
			typeKeyIn(win, fyne.KeyEscape)
			kept("Esc on the choice of card")
			// Tab goes from the choice to Cancel, then to Merge.
			for tabs, button := range []string{"room.cancel", "cards.merge.ok"} {
				ask()
				for range tabs + 1 {
					win.Canvas().FocusNext()
				}
				if f, ok := win.Canvas().Focused().(*keyButton); !ok || f.Text != u.tr.T(button) {
					t.Fatalf("Tab ×%d from the choice went to %T, not to %q", tabs+1, win.Canvas().Focused(), u.tr.T(button))
				}
				typeKeyIn(win, fyne.KeyEscape)
				kept("Esc on " + u.tr.T(button))
			}
			ask()
			win.Canvas().Unfocus() // a click on the question's text
			typeKeyIn(win, fyne.KeyEscape)
			kept("Esc with nothing focused")

			// ↓ opens the list over the question; ↓ ↓ is its second card,
			// Enter picks it and gives the keyboard back to the choice.
			pick = ask()
			typeKeyIn(win, fyne.KeyDown)
			if top := win.Canvas().Overlays().Top(); top == nil || uitest.Find[*keySelect](top, nil) != nil {
				t.Fatal("↓ on the choice did not open its list")
			}
			typeKeyIn(win, fyne.KeyDown)
			typeKeyIn(win, fyne.KeyDown)
			typeKeyIn(win, fyne.KeyReturn)
			second := pick.Options[1]
			if pick.Selected != second || win.Canvas().Focused() != pick {
				t.Fatalf("↓ ↓ Enter in the list: picked %q (not %q), the keyboard on %T", pick.Selected, second, win.Canvas().Focused())
			}
			typeKeyIn(win, fyne.KeyReturn)
			merged("Enter on the choice", second)

			pick = ask()
			win.Canvas().Unfocus()
			typeKeyIn(win, fyne.KeyReturn)
			merged("Enter with nothing focused", pick.Options[0])
		})
	}
}

// The offer to fit the rest of the agenda comes unasked after a move, so it
// opens with the keyboard on Keep: Space, Enter and Esc at once change
// nothing, and Esc keeps the agenda with nothing focused too (Enter then
// does nothing); Tab to Fit and Enter fits the agenda. It was Fyne's plain
// question: nothing focused, no Esc. SCREENSHOTS=folder saves it as it
// opens, in Finnish and English.
func TestRebalanceOfferStartsOnKeepAndAnswersEscAndEnter(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, st, _ := newTestUI(t)
			u.tr.SetLanguage(lang)
			clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
			u.now = clk.now
			id := createSession(t, st, workshop.NewSession(lang))
			if err := u.open(id); err != nil {
				t.Fatal(err)
			}
			before := workshop.PlannedTotal(load(t, st, id).Agenda)
			u.ws.goTo(workshop.StepBaseline)
			press(t, u, fyne.KeyT, ctrl)
			clk.t = clk.t.Add(22 * time.Minute) // planned 10: 12 over
			press(t, u, fyne.KeyRight, ctrl)
			if u.ws.offer == nil || topOverlay(u) == nil {
				t.Fatal("no rebalancing offered after a 12-minute overrun")
			}
			plan := u.ws.offer.plan
			ask := func() {
				t.Helper()
				if u.ws.offer == nil {
					u.ws.offerRebalance(plan) // the same offer again
				}
				if topOverlay(u) == nil {
					t.Fatal("no offer on screen")
				}
			}
			kept := func(how string) {
				t.Helper()
				if topOverlay(u) != nil || u.ws.offer != nil {
					t.Fatalf("%s left the offer open", how)
				}
				if got := workshop.PlannedTotal(load(t, st, id).Agenda); got != before {
					t.Fatalf("%s changed the agenda: %d min, %d before", how, got, before)
				}
			}
			ask()
			if f, ok := u.win.Canvas().Focused().(*keyButton); !ok || f.Text != u.tr.T("rebalance.keep") {
				t.Fatalf("the offer opens with the keyboard on %T, not on %q", u.win.Canvas().Focused(), u.tr.T("rebalance.keep"))
			}
			if dir := os.Getenv("SCREENSHOTS"); dir != "" {
				captureVariants(t, u.app, u.win, dir, lang+"-rebalance-focus")
			}
			for _, key := range []fyne.KeyName{fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
				ask()
				typeKey(u, key)
				kept(string(key) + " on the offer as it opened")
			}
			ask()
			u.win.Canvas().FocusNext()
			typeKey(u, fyne.KeyEscape)
			kept("Esc on " + u.tr.T("rebalance.accept"))
			ask()
			u.win.Canvas().Unfocus()
			typeKey(u, fyne.KeyReturn)
			if topOverlay(u) == nil {
				t.Fatal("Enter with nothing focused answered the offer")
			}
			typeKey(u, fyne.KeyEscape)
			kept("Esc with nothing focused")

			ask()
			u.win.Canvas().FocusNext()
			if f, ok := u.win.Canvas().Focused().(*keyButton); !ok || f.Text != u.tr.T("rebalance.accept") {
				t.Fatalf("Tab from Keep went to %T, not %q", u.win.Canvas().Focused(), u.tr.T("rebalance.accept"))
			}
			typeKey(u, fyne.KeyReturn)
			if got, want := workshop.PlannedTotal(load(t, st, id).Agenda), before-12; got != want || topOverlay(u) != nil {
				t.Fatalf("Enter on %q: the agenda is %d min, want %d; the offer open %v", u.tr.T("rebalance.accept"), got, want, topOverlay(u) != nil)
			}
		})
	}
}

// The room's window answers Esc in its dialogs whatever has the focus, as
// the main window does: the question before removing a guest's phone is
// cancelled with nothing focused (Enter then does nothing); the help asked
// for in the room's window opens there, not behind it over the main
// window, and closes on Esc; a setting that could not be saved is said in
// a message that Enter or Esc closes. Without a dialog, Esc in the window
// does nothing: it neither closes the room nor its window.
// SCREENSHOTS=folder saves the help and the message over the window.
func TestTheRoomWindowsDialogsAnswerEscWithNothingFocused(t *testing.T) {
	u, st, _ := newTestUI(t)
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	ph := openRoomByKey(t, u)
	t.Cleanup(ph.close)
	win := ph.win
	fyne.DoAndWait(func() { ph.guests.SetChecked(true) })
	guestPhone(t, ph, "Vieras Ville")
	eventually(t, "the guest in the room's window", func() bool { return strings.Contains(texts(win.Content()), "Vieras Ville") })
	top := func() (o fyne.CanvasObject) {
		fyne.DoAndWait(func() { o = win.Canvas().Overlays().Top() })
		return o
	}
	key := func(k fyne.KeyName) { fyne.DoAndWait(func() { typeKeyIn(win, k) }) }

	fyne.DoAndWait(func() { test.Tap(findButton(win.Content(), u.tr.T("room.device.remove"))) })
	if top() == nil {
		t.Fatal("removing a guest's phone asks nothing")
	}
	fyne.DoAndWait(func() { win.Canvas().Unfocus() }) // a click on the question's text
	key(fyne.KeyReturn)
	if top() == nil {
		t.Fatal("Enter with nothing focused answered the question")
	}
	key(fyne.KeyEscape)
	if top() != nil || len(ph.srv.Devices()) != 1 {
		t.Fatalf("Esc with nothing focused: the question open %v, %d phones", top() != nil, len(ph.srv.Devices()))
	}

	mainTop := topOverlay(u)
	fyne.DoAndWait(func() { test.Tap(findButton(win.Content(), u.tr.T("room.help.button"))) })
	if help := top(); help == nil || !strings.Contains(texts(help), u.tr.T("room.help.title")) || topOverlay(u) != mainTop {
		t.Fatal("the help asked for in the room's window is not over it")
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		fyne.DoAndWait(func() { capture(t, win, dir, "fi-room-window-help") })
	}
	key(fyne.KeyEscape)
	if top() != nil {
		t.Fatal("Esc did not close the help over the room's window")
	}

	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		fyne.DoAndWait(func() { ph.settingDone(errors.New("disk full")) })
		if msg := top(); msg == nil || !strings.Contains(texts(msg), "disk full") {
			t.Fatal("a setting not saved is not said over the room's window")
		}
		if dir := os.Getenv("SCREENSHOTS"); dir != "" {
			fyne.DoAndWait(func() { capture(t, win, dir, "fi-room-window-message") })
		}
		key(k)
		if top() != nil {
			t.Fatalf("%s did not close the message", k)
		}
	}

	key(fyne.KeyEscape)
	if !ph.open() || ph.win != win {
		t.Fatal("Esc without a dialog closed the room or its window")
	}
}

// captureVariants saves the window as drawn in the dark and in the light
// variant: the test app's own variant is neither (Fyne's dark palette with
// the app's light-variant colours).
func captureVariants(t *testing.T, a fyne.App, w fyne.Window, dir, name string) {
	t.Helper()
	th := a.Settings().Theme()
	for v, suffix := range map[fyne.ThemeVariant]string{theme.VariantDark: "-dark", theme.VariantLight: "-light"} {
		a.Settings().SetTheme(heldTheme{th, v})
		capture(t, w, dir, name+suffix)
	}
	a.Settings().SetTheme(th)
}
