package ui

import (
	"fmt"
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/i18n"
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
	defer i18n.SetLanguage("fi")
	for _, lang := range []string{"fi", "en"} {
		u, st, _ := newTestUI(t)
		i18n.SetLanguage(lang)
		u.showHome(false)
		u.win.Resize(size)
		name := func(n string) string { return lang + "-" + n + suffix }
		capture(t, u.win, dir, name("home-empty"))

		s := fixture.Nordrahti()
		s.Language = lang
		id := createSession(t, st, s)
		other := workshop.NewSession(lang)
		other.Title, other.Organisation, other.Date = i18n.T("home.default_title"), "Kahvila Åbo", "2027-01-15"
		createSession(t, st, other)
		u.home.reload()
		u.home.selectID(id)
		capture(t, u.win, dir, name("home"))
		u.showAbout()
		capture(t, u.win, dir, name("about"))
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
	}
}
