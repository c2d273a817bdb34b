//go:build browser

package phone

// Browser tests of the page's connection to the room: the room closed,
// more tabs than event streams, a request that never gets its answer.

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lupauspaja/workshop"
)

// joinAs opens the QR code's link in the tab and picks the participant.
func joinAs(t *testing.T, r *room, ctx context.Context, name string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(r.srv.JoinURL()))
	until(t, ctx, "the name list", fmt.Sprintf(`[...document.querySelectorAll("button")].some(b => b.textContent.includes(%q))`, name))
	run(t, ctx, chromedp.Click(fmt.Sprintf(`//button[contains(., %q)]`, name)))
	until(t, ctx, "the name in the header", fmt.Sprintf(`document.getElementById("who").textContent === %q`, name))
}

// The facilitator closes the room while a participant types: the page says
// the room is closed and that the typing is kept, keeps it in its field
// (parked with its step too, for a reload), takes nothing more to send and
// stops trying to reconnect: it only asks now and then, quietly, whether
// the room is open again. When the room opens again for the workshop (the
// app restarted) the page goes on by itself and the text is sent.
func TestAClosedRoomIsSaidSoAndTheTypingKeptInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepDrafts)
	joinAs(t, r, ctx, "Anna Virtanen")
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	typed := "Vastaamme jokaiseen viestiin samana päivänä"
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), typed))

	addr := r.srv.Addr()
	r.srv.Close()
	until(t, ctx, "the closed room said so", `!!document.getElementById("roomclosed") &&
		document.getElementById("roomclosed").textContent.startsWith("Vetäjä sulki huoneen.") &&
		document.getElementById("roomclosed").textContent.includes("tallessa tällä sivulla") &&
		document.getElementById("conn").textContent === "Huone on suljettu"`)
	if v := r.texts(ctx, `document.getElementById("dtext").value`); v != typed {
		t.Fatalf("the typing after the room closed: %q", v)
	}
	if !r.check(ctx, `[...document.querySelectorAll("button")].every(b => b.disabled)`) {
		t.Error("a button still sends in the closed room")
	}
	if !r.check(ctx, fmt.Sprintf(`JSON.parse(sessionStorage.getItem("lupauspaja.parked") || "{}")[%q].dtext === %q`, workshop.StepDrafts, typed)) {
		t.Error("the typing is not parked with its step")
	}
	shot(t, ctx, "room-closed")

	// A stand-in on the room's address hears what the page asks: whether
	// the room is back, never the event stream again.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	heard := make(chan string, 64)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			line, _ := bufio.NewReader(c).ReadString('\n')
			heard <- strings.TrimSpace(line)
			c.Close()
		}
	}()
	select {
	case line := <-heard:
		if line != "GET /api/state HTTP/1.1" {
			t.Fatalf("the closed room's page asked %q", line)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the page never asked whether the room is back")
	}
	ln.Close()
	for len(heard) > 0 {
		if line := <-heard; line != "GET /api/state HTTP/1.1" {
			t.Fatalf("the closed room's page asked %q", line)
		}
	}
	if s := r.texts(ctx, `document.getElementById("conn").textContent`); s != "Huone on suljettu" {
		t.Fatalf("after asking, the footer says %q", s)
	}

	r.restart()
	until(t, ctx, "the page back in the room opened again", `document.getElementById("status").textContent === "Huone on taas auki." &&
		!document.getElementById("roomclosed") && document.getElementById("conn").textContent === ""`)
	if v := r.texts(ctx, `document.getElementById("dtext").value`); v != typed {
		t.Fatalf("the typing after the room opened again: %q", v)
	}
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the draft typed while the room was closed", func(s *workshop.Session) bool {
		return len(s.Drafts) == 4 && s.Drafts[3].Text == typed
	})
	until(t, ctx, "the field empty after sending", `document.getElementById("dtext").value === ""`)
	if r.check(ctx, fmt.Sprintf(`!!(JSON.parse(sessionStorage.getItem("lupauspaja.parked") || "{}")[%q] || {}).dtext`, workshop.StepDrafts)) {
		t.Error("the sent text is still parked")
	}
}

// tab opens another tab of the same browser (the same phone, its cookie)
// on the room's page, 390×844.
func tab(t *testing.T, r *room, ctx context.Context) context.Context {
	t.Helper()
	tctx, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	run(t, tctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(1), chromedp.EmulateMobile),
		chromedp.Navigate(r.srv.ShortURL()+"/"))
	return tctx
}

// A phone with more tabs open than it has event streams: the newest tab
// follows the room and does not say the connection is lost (its stream
// ends the oldest tab's instead of being refused), and the oldest tab,
// its stream given up, says nothing of a lost connection either and
// still follows the steps by asking. When its asking fails (the app
// restarting) it says the connection is lost, and no longer once an
// answer comes again.
// Typing goes on after the room closed; the room that comes back no longer
// knows the phone (another session's room on the same port, its phones
// forgotten): the page says it is not in the room, and all that was typed,
// before and after the closing, is parked on the phone.
func TestTypingWhileTheRoomIsClosedIsKeptWhenThePhoneIsNotLetBackInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := browser(t)
	r.goTo(workshop.StepDrafts)
	joinAs(t, r, ctx, "Anna Virtanen")
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), "Ennen"))
	r.srv.Close()
	until(t, ctx, "the room said closed", `!!document.getElementById("roomclosed")`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), " ja jälkeen sulkemisen"))
	if err := r.ed.Edit(func(s *workshop.Session) error { s.RoomDevices = nil; return nil }); err != nil {
		t.Fatal(err)
	}
	r.restart()
	until(t, ctx, "not in the room", `!document.getElementById("dtext") && !document.getElementById("roomclosed")`)
	until(t, ctx, "all of the typing parked", fmt.Sprintf(`(JSON.parse(sessionStorage.getItem("lupauspaja.parked") || "{}")[%q] || {}).dtext === "Ennen ja jälkeen sulkemisen"`, workshop.StepDrafts))
}

func TestAFifthTabFollowsTheRoomAndIsNotOfflineInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	r.goTo(workshop.StepPurpose)
	first := browser(t)
	joinAs(t, r, first, "Anna Virtanen")
	until(t, first, "the first tab's step", `!!document.getElementById("segname")`)
	tabs := []context.Context{first}
	for len(tabs) < MaxStreamsPerDev+1 {
		c := tab(t, r, first)
		until(t, c, fmt.Sprintf("tab %d in the room", len(tabs)+1), `document.getElementById("who").textContent === "Anna Virtanen" && !!document.getElementById("segname")`)
		tabs = append(tabs, c)
	}
	fifth := tabs[MaxStreamsPerDev]
	r.goTo(workshop.StepDrafts)
	until(t, fifth, "the fifth tab on the next step, not offline", `!!document.getElementById("dtext") && document.getElementById("conn").textContent === ""`)
	shot(t, fifth, "fifth-tab")
	until(t, first, "the oldest tab on the next step, not offline", `!!document.getElementById("dtext") && document.getElementById("conn").textContent === ""`)

	r.srv.Close()
	until(t, first, "the oldest tab finding the room gone", `document.getElementById("conn").textContent === "Yhteys katkesi – yritetään uudelleen…"`)
	r.restart()
	r.goTo(workshop.StepProfile)
	for i, c := range tabs {
		until(t, c, fmt.Sprintf("tab %d on the step after, not offline", i+1), `!!document.getElementById("ptext") && document.getElementById("conn").textContent === ""`)
	}
}

// stalling is a room's session whose edits wait while it is held: a
// request stuck on the laptop (a disk that does not answer, say).
type stalling struct {
	Session
	mu   sync.Mutex
	held chan struct{}
}

func (s *stalling) hold() { s.mu.Lock(); s.held = make(chan struct{}); s.mu.Unlock() }

func (s *stalling) release() {
	s.mu.Lock()
	if s.held != nil {
		close(s.held)
		s.held = nil
	}
	s.mu.Unlock()
}

func (s *stalling) Edit(fn func(ws *workshop.Session) error) error {
	s.mu.Lock()
	h := s.held
	s.mu.Unlock()
	if h != nil {
		<-h
	}
	return s.Session.Edit(fn)
}

// A send that gets no answer does not silence the phone: a tap meanwhile
// is told that the previous send is still under way, the page gives up
// waiting once the server would no longer answer (RequestTimeout, here
// 2 s, and a moment more) and says the send may have been stored all the
// same; the next tap is sent.
func TestAStuckSendIsGivenUpAndTheNextTapSentInChromium(t *testing.T) {
	r := newRoom(t, Options{})
	addr := r.srv.Addr()
	r.srv.Close()
	st := &stalling{Session: r.ed}
	r.srv = New(st, Options{Addr: addr, RequestTimeout: 2 * time.Second})
	if err := r.srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.release(); r.srv.Close() })
	r.goTo(workshop.StepDrafts)
	ctx := browser(t)
	joinAs(t, r, ctx, "Anna Virtanen")
	until(t, ctx, "the draft form", `!!document.getElementById("dtext")`)
	if n := r.texts(ctx, `document.body.dataset.timeout`); n != "3000" {
		t.Fatalf("the page waits %s ms for an answer", n)
	}

	st.hold()
	typed := "Kerromme myöhästymisestä ennen kuin asiakas kysyy"
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#dtext"), typed), chromedp.Click(chromedp.CSS("button.primary")))
	until(t, ctx, "sending", `document.getElementById("status").textContent === "Lähetetään…"`)
	run(t, ctx, chromedp.Click(chromedp.CSS("button.primary")))
	until(t, ctx, "the second tap told the first is under way", `document.getElementById("status").textContent === "Edellinen lähetys on vielä kesken – odota hetki."`)
	until(t, ctx, "the stuck send given up", `document.getElementById("status").className === "error" &&
		document.getElementById("status").textContent.startsWith("Vastausta ei tullut ajoissa.")`)
	if v := r.texts(ctx, `document.getElementById("dtext").value`); v != typed {
		t.Fatalf("the typing after the stuck send: %q", v)
	}
	shot(t, ctx, "send-timeout")

	// The laptop comes to: the send stuck in it is stored after all (once),
	// and the page shows it among the phone's own.
	st.release()
	r.storeHas("the stuck draft", func(s *workshop.Session) bool { return len(s.Drafts) == 4 && s.Drafts[3].Text == typed })
	until(t, ctx, "the stuck draft among the phone's own", fmt.Sprintf(`!!document.querySelector(".mine") && document.querySelector(".mine").textContent.includes(%q)`, typed))
	run(t, ctx, eval(`document.getElementById("dtext").value = ""`), chromedp.SendKeys(chromedp.CSS("#dtext"), "Vastaamme samana päivänä"))
	saved(t, ctx, chromedp.CSS("button.primary"))
	r.storeHas("the next draft", func(s *workshop.Session) bool {
		return len(s.Drafts) == 5 && s.Drafts[4].Text == "Vastaamme samana päivänä"
	})
}
