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
