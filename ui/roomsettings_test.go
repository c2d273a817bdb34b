package ui

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
)

// restartWithRoom closes the room, the window and the database, starts the
// app again on the same file, opens the workshop and the room again.
func restartWithRoom(t *testing.T, u *UI, st *library.Library, ph *phoneRoom, path string, id int64) (*UI, *library.Library, *phoneRoom) {
	t.Helper()
	test.Tap(findButton(ph.win.Content(), "Sulje huone"))
	u.close()
	st.Close()
	u, st = reopen(t, path)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	return u, st, openRoomByKey(t, u)
}

// openRoomByKey opens the room as the facilitator does: Ctrl+R, this
// computer's own address (only loopback in tests), any free port, "Avaa huone".
func openRoomByKey(t *testing.T, u *UI) *phoneRoom {
	t.Helper()
	press(t, u, fyne.KeyR, ctrl)
	dlg := topOverlay(u)
	var pick *keySelect
	var port *keyEntry
	uitest.Walk(dlg, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *keySelect:
			pick = w
		case *keyEntry:
			port = w
		}
	})
	if pick == nil || port == nil {
		t.Fatalf("no address or port in the dialog:\n%s", texts(dlg))
	}
	pick.SetSelectedIndex(len(pick.Options) - 1)
	port.SetText("0")
	test.Tap(findButton(dlg, "Avaa huone"))
	ph := u.ws.phones
	if !ph.open() || ph.win == nil {
		t.Fatalf("room not open:\n%s", texts(dlg))
	}
	return ph
}

// The room's settings ticked in the room's window (cards wait for approval,
// guests, the lock, the step's input closed) are the session's: after the
// app restarts, the workshop opened again and the room opened again show
// them ticked as they were, and the server acts on them.
func TestTheRoomsSettingsComeBackWhenTheRoomIsOpenedAgain(t *testing.T) {
	u, st, path := newTestUI(t)
	s := workshop.NewSession("fi")
	s.Title = "Arvolupaus"
	s.Participants = []workshop.Participant{{ID: "p1", Name: "Anna Virtanen", Kind: workshop.KindEmployee}}
	s.CurrentStep = workshop.StepDrafts
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	ph := openRoomByKey(t, u)
	if !ph.input.Checked || ph.approval.Checked || ph.guests.Checked || ph.lock.Checked {
		t.Fatalf("a new room: input %v, approval %v, guests %v, lock %v", ph.input.Checked, ph.approval.Checked, ph.guests.Checked, ph.lock.Checked)
	}
	test.Tap(ph.approval)
	test.Tap(ph.guests)
	if got := load(t, st, id).Room; got == nil || !got.Approval || !got.Guests {
		t.Fatalf("the ticked settings are not on disk: %+v", got)
	}
	u, st, ph = restartWithRoom(t, u, st, ph, path, id)
	defer ph.close()
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		capture(t, ph.win, dir, "room-window-after-restart")
	}
	if !ph.approval.Checked || !ph.guests.Checked || ph.lock.Checked || !ph.input.Checked {
		t.Fatalf("after the restart: approval %v, guests %v, lock %v, input %v\n%s",
			ph.approval.Checked, ph.guests.Checked, ph.lock.Checked, ph.input.Checked, texts(ph.win.Content()))
	}
	// The server acts on them: a guest joins, and the guest's draft waits.
	g := guestPhone(t, ph, "Vieras Ville")
	const held = "Vastaamme samana päivänä."
	if code := g.do("POST", "/api/op", `{"op":"draft","text":"`+held+`"}`); code != http.StatusOK {
		t.Fatalf("draft: %d", code)
	}
	if got := load(t, st, id); len(got.Pending) != 1 || len(got.Drafts) != 0 {
		t.Fatalf("the draft was not held: %d held, %d drafts", len(got.Pending), len(got.Drafts))
	}
	eventually(t, "the held card in the room's window", func() bool {
		return strings.Contains(texts(ph.win.Content()), held)
	})

	// Closing the step's input and locking, then once more a restart.
	test.Tap(ph.input)
	test.Tap(ph.lock)
	test.Tap(ph.approval)
	u, st, ph = restartWithRoom(t, u, st, ph, path, id)
	if ph.input.Checked || !ph.lock.Checked || ph.approval.Checked || !ph.guests.Checked {
		t.Fatalf("after the second restart: input %v, lock %v, approval %v, guests %v", ph.input.Checked, ph.lock.Checked, ph.approval.Checked, ph.guests.Checked)
	}
	if ph.srv.InputOpen(workshop.StepDrafts) || !ph.srv.Locked() {
		t.Fatal("the server does not act on the settings it was given back")
	}
	if got := load(t, st, id); len(got.Pending) != 1 {
		t.Fatalf("the held card is gone: %d held", len(got.Pending))
	}
}

// A phone removed with the room's window's "Poista" stays out after the app
// restarts; a named phone comes back by itself, listed under its name.
func TestARemovedPhoneStaysOutAndANamedOneComesBackAfterARestart(t *testing.T) {
	u, st, path := newTestUI(t)
	s := workshop.NewSession("fi")
	s.Title = "Arvolupaus"
	s.Participants = []workshop.Participant{{ID: "p1", Name: "Anna Virtanen", Kind: workshop.KindEmployee},
		{ID: "p2", Name: "Jussi Korhonen", Kind: workshop.KindEmployee}}
	s.CurrentStep = workshop.StepDrafts
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	ph := openRoomByKey(t, u)
	anna := phoneIn(t, u, "p1")
	jussi := phoneIn(t, u, "p2")
	eventually(t, "two phones in the room's window", func() bool {
		return strings.Contains(texts(ph.win.Content()), "Mukana 2 puhelinta")
	})
	fyne.DoAndWait(func() { test.Tap(rowOf(t, ph.win.Content(), "Jussi Korhonen", "Poista")) })
	if code := jussi.do("GET", "/api/state", ""); code != http.StatusUnauthorized {
		t.Fatalf("the removed phone: %d", code)
	}
	u, st, ph = restartWithRoom(t, u, st, ph, path, id)
	defer ph.close()
	anna.base, jussi.base = ph.srv.ShortURL(), ph.srv.ShortURL()
	if code := anna.do("GET", "/api/state", ""); code != http.StatusOK {
		t.Fatalf("Anna's phone after the restart: %d", code)
	}
	if code := jussi.do("GET", "/api/state", ""); code != http.StatusUnauthorized {
		t.Fatalf("the removed phone after the restart: %d", code)
	}
	eventually(t, "Anna's phone back in the room's window", func() bool {
		txt := texts(ph.win.Content())
		return strings.Contains(txt, "Mukana 1 puhelin") && strings.Contains(txt, "Anna Virtanen") && !strings.Contains(txt, "Jussi Korhonen")
	})
	if code := anna.do("POST", "/api/op", `{"op":"draft","text":"Kerromme ensin, jos myöhästymme."}`); code != http.StatusOK {
		t.Fatalf("Anna's draft after the restart: %d", code)
	}
	if got := load(t, st, id); len(got.Drafts) != 1 || len(got.Drafts[0].AuthorIDs) != 1 || got.Drafts[0].AuthorIDs[0] != "p1" {
		t.Fatalf("the draft after the restart: %+v", got.Drafts)
	}
}
