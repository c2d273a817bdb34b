package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestLook(t *testing.T) {
	dir := os.Getenv("LOOK")
	if dir == "" {
		t.Skip("LOOK=dir renders a few screens for a quick look")
	}
	u, st, _ := newTestUI(t)
	capture(t, u.win, dir, "home-empty")
	id := createSession(t, st, fixture.Nordrahti())
	createSession(t, st, workshop.NewSession("fi"))
	u.home.reload()
	capture(t, u.win, dir, "home")
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	capture(t, u.win, dir, "setup")
	u.ws.goTo(workshop.StepDrafts)
	capture(t, u.win, dir, "drafts")
	u.ws.goTo(workshop.StepSummary)
	capture(t, u.win, dir, "summary")
	u.win.Resize(fyne.NewSize(1024, 640))
	u.ws.goTo(workshop.StepNextSteps)
	capture(t, u.win, dir, "nextsteps-1024")
}
