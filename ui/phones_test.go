package ui

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// roomPhone is a phone on 127.0.0.1: an HTTP client with its own cookies.
type roomPhone struct {
	t    *testing.T
	c    *http.Client
	base string
}

func (p *roomPhone) do(method, path, body string) int {
	p.t.Helper()
	req, _ := http.NewRequest(method, p.base+path, strings.NewReader(body))
	req.Header.Set("Origin", p.base)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.c.Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// eventually waits for a condition of the window, which phones change from
// the server's goroutines.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	// The deadline only ends a wait that would never end: on a busy
	// machine a capture and its decoding take seconds each.
	deadline := time.Now().Add(45 * time.Second)
	for {
		var done bool
		fyne.DoAndWait(func() { done = ok() })
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The facilitator opens the room with Ctrl+R, picks an address, and phones
// join; the projector shows the way to join and what a phone sends; removing
// a phone and closing the room work from the room's window.
func TestOpenTheRoomFromTheHeaderAndPhonesTakePart(t *testing.T) {
	u, st, _ := newTestUI(t)
	s := workshop.NewSession("fi")
	s.Organisation, s.Title = "Nordrahti Oy", "Arvolupaus"
	s.Participants = []workshop.Participant{{ID: "p1", Name: "Anna Virtanen", Kind: workshop.KindEmployee}}
	id := createSession(t, st, s)
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if b := findButton(u.ws.header.Object(), "Avaa huone"); b == nil {
		t.Fatal("no Open the room in the header")
	}
	press(t, u, fyne.KeyR, ctrl)
	dlg := topOverlay(u)
	if dlg == nil || !strings.Contains(texts(dlg), "palomuuri") {
		t.Fatalf("the open dialog does not speak of the firewall:\n%s", texts(dlg))
	}
	// Only loopback in tests: pick this computer's own address from the list.
	var pick *keySelect
	uitest.Walk(dlg, func(o fyne.CanvasObject) {
		if s, ok := o.(*keySelect); ok {
			pick = s
		}
	})
	pick.SetSelectedIndex(len(pick.Options) - 1)
	if !strings.HasPrefix(pick.Selected, "127.0.0.1") {
		t.Fatalf("last address %q", pick.Selected)
	}
	var port *keyEntry
	uitest.Walk(dlg, func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok {
			port = e
		}
	})
	port.SetText("0") // a free port: the fixed one may be taken on a test machine
	test.Tap(findButton(dlg, "Avaa huone"))
	ph := u.ws.phones
	if !ph.open() || ph.win == nil {
		t.Fatalf("room not open: %s", texts(dlg))
	}
	defer ph.close()
	if findButton(u.ws.header.Object(), "Huone auki") == nil {
		t.Fatal("the header does not say the room is open")
	}
	join := u.ws.proj.Joining()
	if join == nil || join.Code != ph.srv.Code() || join.Link != ph.srv.JoinURL() {
		t.Fatalf("projector join %+v", join)
	}
	pwin := test.NewTempWindow(t, u.ws.proj.Content())
	pwin.Resize(fyne.NewSize(1920, 1080))
	eventually(t, "the address and the code on the projector", func() bool {
		txt := texts(u.ws.proj.Content())
		return strings.Contains(txt, ph.srv.ShortURL()) && strings.Contains(txt, "Koodi "+ph.srv.Code())
	})

	// A phone joins through the QR link and picks a name.
	jar, _ := cookiejar.New(nil)
	p := &roomPhone{t: t, c: &http.Client{Jar: jar, Timeout: 5 * time.Second}, base: ph.srv.ShortURL()}
	if resp, err := p.c.Get(ph.srv.JoinURL()); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	if code := p.do("POST", "/api/name", `{"participant_id":"p1"}`); code != http.StatusOK {
		t.Fatalf("pick a name: %d", code)
	}
	eventually(t, "Anna in the room's window", func() bool {
		return strings.Contains(texts(ph.win.Content()), "Anna Virtanen") && strings.Contains(texts(ph.win.Content()), "Mukana 1 puhelin")
	})

	// The facilitator moves to the drafts; phone input follows the step.
	u.ws.goTo(workshop.StepDrafts)
	if !ph.srv.InputOpen(workshop.StepDrafts) {
		t.Fatal("input did not follow to step 5")
	}
	if code := p.do("POST", "/api/op", `{"op":"draft","text":"Kerromme ensin, jos myöhästymme."}`); code != http.StatusOK {
		t.Fatalf("draft: %d", code)
	}
	if got := load(t, st, id); len(got.Drafts) != 1 || got.Drafts[0].AuthorIDs[0] != "p1" {
		t.Fatalf("stored drafts %+v", got.Drafts)
	}
	eventually(t, "the phone's draft on the projector", func() bool {
		return strings.Contains(texts(u.ws.proj.Content()), "Kerromme ensin, jos myöhästymme.")
	})
	if dir := os.Getenv("PHONE_SCREENSHOTS"); dir != "" {
		fyne.DoAndWait(func() {
			capture(t, pwin, dir, "projector-join")
			capture(t, u.win, dir, "window-room-open")
			capture(t, ph.win, dir, "room-window")
		})
	}
	// With approval on, a phone's card waits in the room's window until approved.
	fyne.DoAndWait(func() { ph.approval.SetChecked(true) })
	const held = "Vastaamme samana päivänä."
	if code := p.do("POST", "/api/op", `{"op":"draft","text":"`+held+`"}`); code != http.StatusOK {
		t.Fatalf("held draft: %d", code)
	}
	if got := load(t, st, id); len(got.Drafts) != 1 || strings.Contains(texts(u.ws.proj.Content()), held) {
		t.Fatal("a card waiting for approval reached the session or the projector")
	}
	eventually(t, "the header saying a card waits", func() bool {
		b := findButton(u.ws.header.Object(), "Odottaa 1")
		return b != nil && b.Visible()
	})
	eventually(t, "the held card in the room's window", func() bool {
		return strings.Contains(texts(ph.win.Content()), "Odottaa hyväksyntää: 1") && strings.Contains(texts(ph.win.Content()), held)
	})
	fyne.DoAndWait(func() { test.Tap(findButton(ph.win.Content(), "Hyväksy")) })
	if got := load(t, st, id); len(got.Drafts) != 2 || got.Drafts[1].Text != held {
		t.Fatalf("approved draft not stored: %+v", got.Drafts)
	}
	eventually(t, "the approved card on the projector", func() bool {
		return strings.Contains(texts(u.ws.proj.Content()), held)
	})

	// Unticking the step's input closes it for phones.
	fyne.DoAndWait(func() { ph.input.SetChecked(false) })
	if ph.srv.InputOpen(workshop.StepDrafts) {
		t.Fatal("the room window's check did not close the input")
	}

	// Guests, when ticked, join under their own name and become participants.
	fyne.DoAndWait(func() { ph.guests.SetChecked(true) })
	guestPhone(t, ph, "Vieras Ville")
	if got := load(t, st, id); len(got.Participants) != 2 || got.Participants[1].Kind != workshop.KindGuest {
		t.Fatalf("guest not a participant: %+v", got.Participants)
	}
	eventually(t, "two phones in the room's window", func() bool {
		return strings.Contains(texts(ph.win.Content()), "Mukana 2 puhelinta")
	})
	ph.srv.RemoveDevice(ph.srv.Devices()[1].ID)

	// Lock, then remove the phone from the room's window.
	fyne.DoAndWait(func() { ph.lock.SetChecked(true) })
	if !ph.srv.Locked() {
		t.Fatal("lock")
	}
	test.Tap(findButton(ph.win.Content(), "Poista"))
	if n := len(ph.srv.Devices()); n != 0 {
		t.Fatalf("%d devices after remove", n)
	}
	if code := p.do("GET", "/api/state", ""); code != http.StatusUnauthorized {
		t.Fatalf("removed phone: %d", code)
	}

	// Closing the room stops the server and takes the strip away.
	addr := ph.srv.ShortURL()
	test.Tap(findButton(ph.win.Content(), "Sulje huone"))
	if ph.open() || u.ws.proj.Joining() != nil || findButton(u.ws.header.Object(), "Avaa huone") == nil {
		t.Fatal("room still open after closing")
	}
	if _, err := http.Post(addr+"/api/op", "application/json", bytes.NewReader(nil)); err == nil {
		t.Fatal("the server still answers after the room was closed")
	}
}

// A port another program holds is said so in the app's words, with what to
// do, and the room opens on another port from the same dialog.
func TestAPortInUseIsSaidSo(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	taken := held.Addr().(*net.TCPAddr).Port
	u, st, _ := newTestUI(t)
	if err := u.open(createSession(t, st, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	press(t, u, fyne.KeyR, ctrl)
	dlg := topOverlay(u)
	pick := uitest.Find(dlg, func(*keySelect) bool { return true })
	pick.SetSelectedIndex(len(pick.Options) - 1)
	port := uitest.Find(dlg, func(*keyEntry) bool { return true })
	port.SetText(strconv.Itoa(taken))
	test.Tap(findButton(dlg, "Avaa huone"))
	want := u.tr.T("room.open.in_use", map[string]any{"Port": taken})
	if u.ws.phones.open() || !strings.Contains(texts(dlg), want) {
		t.Fatalf("a port in use: open %v, the dialog says:\n%s", u.ws.phones.open(), texts(dlg))
	}
	port.SetText("0")
	test.Tap(findButton(dlg, "Avaa huone"))
	if !u.ws.phones.open() {
		t.Fatalf("the room did not open on a free port: %s", texts(dlg))
	}
	u.ws.phones.close()
}

// guestPhone is a phone that joined the room as a guest under name.
func guestPhone(t *testing.T, ph *phoneRoom, name string) *roomPhone {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	g := &roomPhone{t: t, c: &http.Client{Jar: jar, Timeout: 5 * time.Second}, base: ph.srv.ShortURL()}
	if resp, err := g.c.Get(ph.srv.JoinURL()); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	if code := g.do("POST", "/api/name", `{"name":"`+name+`"}`); code != http.StatusOK {
		t.Fatalf("guest %s: %d", name, code)
	}
	return g
}

// Removing a guest's phone in the room's window asks whether the guest goes
// from the participants too: "the phone only" keeps them, "from the
// participants too" removes them, and Ctrl+Z brings them back.
func TestRemovingAGuestsPhoneAsksAboutTheGuest(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	ph := openRoomByKey(t, u)
	t.Cleanup(ph.close)
	// The example is at its summary: the room's window names that page.
	if !strings.Contains(ph.input.Text, "("+u.tr.T("nav.summary")+")") {
		t.Errorf("the room's window does not name the summary: %q", ph.input.Text)
	}
	fyne.DoAndWait(func() { ph.guests.SetChecked(true) })
	before := len(load(t, st, id).Participants)
	guests := func() (n int) {
		for _, p := range load(t, st, id).Participants {
			if p.Kind == workshop.KindGuest {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		name, button string
		kept         bool
	}{{"Vieras Ville", "Vain puhelin", true}, {"Jussi Korhnen", "Myös osallistujista", false}} {
		guestPhone(t, ph, c.name)
		eventually(t, c.name+" in the room's window", func() bool { return strings.Contains(texts(ph.win.Content()), c.name) })
		n := guests()
		fyne.DoAndWait(func() { test.Tap(findButton(ph.win.Content(), "Poista")) })
		dlg := ph.win.Canvas().Overlays().Top()
		if dlg == nil || !strings.Contains(texts(dlg), "”"+c.name+"”") {
			t.Fatalf("removing %s's phone asks nothing of the guest", c.name)
		}
		if dir := os.Getenv("SCREENSHOTS"); dir != "" {
			fyne.DoAndWait(func() { capture(t, ph.win, dir, "room-remove-guest") })
		}
		// The keyboard starts on Cancel, and Esc from it removes nothing.
		var focused fyne.Focusable
		fyne.DoAndWait(func() { focused = ph.win.Canvas().Focused() })
		if b, ok := focused.(*keyButton); !ok || b.Text != u.tr.T("room.cancel") {
			t.Fatalf("the question opens with the keyboard on %T, not on %q", focused, u.tr.T("room.cancel"))
		}
		fyne.DoAndWait(func() { focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
		if ph.win.Canvas().Overlays().Top() != nil || len(ph.srv.Devices()) != 1 || guests() != n {
			t.Fatalf("Esc on the question: dialog %v, %d phones, %d guests (%d before)",
				ph.win.Canvas().Overlays().Top() != nil, len(ph.srv.Devices()), guests(), n)
		}
		fyne.DoAndWait(func() { test.Tap(findButton(ph.win.Content(), "Poista")) })
		dlg = ph.win.Canvas().Overlays().Top()
		fyne.DoAndWait(func() { test.Tap(findButton(dlg, c.button)) })
		if len(ph.srv.Devices()) != 0 {
			t.Fatalf("%s: the phone is still in the room", c.button)
		}
		if got := guests(); (got == n) != c.kept {
			t.Fatalf("%s: %d guests before, %d after", c.button, n, got)
		}
	}
	press(t, u, fyne.KeyZ, ctrl)
	if got := len(load(t, st, id).Participants); got != before+2 {
		t.Fatalf("after Ctrl+Z %d participants, want %d", got, before+2)
	}
}

// Leaving the workshop (home, another session, quitting) stops the server.
func TestLeavingTheWorkshopClosesTheRoom(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, workshop.NewSession("fi"))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if err := u.ws.phones.start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	addr := u.ws.phones.srv.ShortURL()
	ws := u.ws
	u.showHome(false)
	if ws.phones.open() {
		t.Fatal("room open after going home")
	}
	if _, err := http.Get(addr + "/"); err == nil {
		t.Fatal("the server still answers after leaving the workshop")
	}
}

// The room's window counts its phones in words that agree with the number:
// "Mukana 1 puhelin" and "1 phone joined", not "Mukana 1 puhelinta" and
// "1 phones joined"; none and more are "puhelinta", "phones".
func TestTheRoomCountsOnePhoneInTheSingular(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"fi", 0, "Mukana 0 puhelinta"},
		{"fi", 1, "Mukana 1 puhelin"},
		{"fi", 12, "Mukana 12 puhelinta"},
		{"en", 0, "0 phones joined"},
		{"en", 1, "1 phone joined"},
		{"en", 12, "12 phones joined"},
	} {
		if got := i18n.TIn(c.lang, "room.joined", map[string]int{"N": c.n}); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
