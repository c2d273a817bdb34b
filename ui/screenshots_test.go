package ui

import (
	"fmt"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// TestScreenshots renders every screen with the example workshop in both
// languages: SCREENSHOTS=docs/screenshots go test -tags ci -run TestScreenshots ./ui
// (make screenshots). SCREENSHOT_SIZE=1024x640 renders another size.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=folder to render the screens")
	}
	size := fyne.NewSize(1366, 768)
	suffix := ""
	if v := os.Getenv("SCREENSHOT_SIZE"); v != "" {
		var w, h float32
		if _, err := fmt.Sscanf(v, "%gx%g", &w, &h); err != nil {
			t.Fatalf("SCREENSHOT_SIZE=%q: want WIDTHxHEIGHT", v)
		}
		size, suffix = fyne.NewSize(w, h), "-"+v
	}
	for _, lang := range []string{"fi", "en"} {
		u, st, _ := newTestUI(t)
		u.tr.SetLanguage(lang)
		u.showHome(true) // the list read, as after start-up
		u.win.Resize(size)
		name := func(n string) string { return lang + "-" + n + suffix }
		capture(t, u.win, dir, name("home-empty"))

		s := fixture.Nordrahti()
		s.Language = lang
		id := createSession(t, st, s)
		other := workshop.NewSession(lang)
		other.Title, other.Organisation, other.Date = u.tr.T("home.default_title"), "Kahvila Åbo", "2027-01-15"
		createSession(t, st, other)
		again := fixture.Nordrahti() // the same file imported twice: numbered
		again.Language = lang
		createSession(t, st, again)
		u.home.reload()
		u.home.selectID(id)
		capture(t, u.win, dir, name("home"))
		u.showAbout()
		capture(t, u.win, dir, name("about"))
		u.win.Canvas().Overlays().Remove(topOverlay(u))
		u.home.confirmDelete()
		capture(t, u.win, dir, name("delete"))
		u.win.Canvas().Overlays().Remove(topOverlay(u))

		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		u.win.Resize(size)
		u.ws.goTo(workshop.StepSetup)
		capture(t, u.win, dir, name("setup"))
		for _, st := range workshop.Steps {
			u.ws.goTo(st.Key)
			capture(t, u.win, dir, name(fmt.Sprintf("step%d-%s", st.No, st.Key)))
		}
		u.ws.goTo(workshop.StepBreak)
		capture(t, u.win, dir, name("break"))
		u.ws.goTo(workshop.StepSummary)
		capture(t, u.win, dir, name("summary"))
		u.toggleHelp()
		capture(t, u.win, dir, name("shortcuts"))
		u.help.hide()

		// A step that ran over: the offer to fit the rest of the agenda.
		fresh := workshop.NewSession(lang)
		fresh.Title, fresh.Organisation = u.tr.T("home.default_title"), "Kahvila Åbo"
		fid := createSession(t, st, fresh)
		if err := u.open(fid); err != nil {
			t.Fatal(err)
		}
		u.win.Resize(size)
		runTimerOver(u)
		capture(t, u.win, dir, name("timer-over"))
		u.ws.next()
		capture(t, u.win, dir, name("rebalance"))
		u.now = time.Now
	}
}
