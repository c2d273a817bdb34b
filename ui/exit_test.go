package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// goneWindow is the facilitator's window after the app's loop has ended
// (SIGTERM, SIGINT, Fyne's Quit item): GLFW has shut down, and every call
// that reaches the real window panics with NotInitialized. It records the
// calls and panics as GLFW does.
type goneWindow struct {
	fyne.Window
	calls []string
}

func (g *goneWindow) gone(name string) {
	g.calls = append(g.calls, name)
	panic("NotInitialized: The GLFW library is not initialized (" + name + ")")
}

func (g *goneWindow) SetTitle(string)                              { g.gone("SetTitle") }
func (g *goneWindow) SetContent(fyne.CanvasObject)                 { g.gone("SetContent") }
func (g *goneWindow) Resize(fyne.Size)                             { g.gone("Resize") }
func (g *goneWindow) Show()                                        { g.gone("Show") }
func (g *goneWindow) Hide()                                        { g.gone("Hide") }
func (g *goneWindow) Close()                                       { g.gone("Close") }
func (g *goneWindow) RequestFocus()                                { g.gone("RequestFocus") }
func (g *goneWindow) SetFullScreen(bool)                           { g.gone("SetFullScreen") }
func (g *goneWindow) SetMainMenu(*fyne.MainMenu)                   { g.gone("SetMainMenu") }
func (g *goneWindow) SetIcon(fyne.Resource)                        { g.gone("SetIcon") }
func (g *goneWindow) CenterOnScreen()                              { g.gone("CenterOnScreen") }
func (g *goneWindow) SetCloseIntercept(func())                     { g.gone("SetCloseIntercept") }
func (g *goneWindow) SetFixedSize(bool)                            { g.gone("SetFixedSize") }
func (g *goneWindow) SetPadded(bool)                               { g.gone("SetPadded") }
func (g *goneWindow) SetOnDropped(func(fyne.Position, []fyne.URI)) { g.gone("SetOnDropped") }

// Saving on exit touches no window and saves every field that holds typed
// text, not only the first: the app's loop has ended when runGUI calls
// SaveOnExit, and a window call there panicked (exit status 2) before the
// later fields were saved.
func TestSaveOnExitSavesEveryFieldAndTouchesNoWindow(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	sp, ok := u.ws.page.(*setupPage)
	if !ok {
		t.Fatalf("setup page is %T", u.ws.page)
	}
	org := sp.org.Entry.Text + " (exit)"
	sp.org.Entry.SetText(org)
	notes := "muistiinpano ennen lopetusta"
	u.ws.side.notes.Entry.SetText(notes)

	// The loop ends: from here on the window is gone.
	gone := &goneWindow{Window: u.win}
	u.win = gone
	var panicked any
	func() {
		defer func() { panicked = recover() }()
		u.SaveOnExit()
	}()
	if panicked != nil || len(gone.calls) > 0 {
		t.Errorf("saving on exit touched the window: %s (%v)", strings.Join(gone.calls, ", "), panicked)
	}
	s := load(t, st, id)
	if s.Organisation != org {
		t.Errorf("organisation in the database: %q, typed %q", s.Organisation, org)
	}
	if got := s.PrivateNotes[workshop.StepSetup]; got != notes {
		t.Errorf("notes in the database: %q, typed %q", got, notes)
	}
	if t.Failed() {
		t.Log(fmt.Sprintf("window calls after the loop ended: %d", len(gone.calls)))
	}
}

// An autosave timer that fires after the loop has ended (Fyne then runs
// fyne.Do at once, on the timer's goroutine) saves the text and touches no
// window: runGUI tells the window on SIGTERM, SIGINT and SIGHUP that the app
// is ending, before Fyne's loop is gone.
func TestAutosaveAfterTheLoopEndedTouchesNoWindow(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	sp, ok := u.ws.page.(*setupPage)
	if !ok {
		t.Fatalf("setup page is %T", u.ws.page)
	}
	org := sp.org.Entry.Text + " (SIGTERM)"
	sp.org.Entry.SetText(org)

	u.Ending() // the signal arrives
	gone := &goneWindow{Window: u.win}
	u.win = gone // and the loop ends
	done := make(chan any)
	go func() { // the autosave timer fires
		defer func() { done <- recover() }()
		sp.org.Flush()
	}()
	if p := <-done; p != nil || len(gone.calls) > 0 {
		t.Errorf("the autosave after the loop ended touched the window: %s (%v)", strings.Join(gone.calls, ", "), p)
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("saving on exit touched the window: %v", p)
			}
		}()
		u.SaveOnExit()
	}()
	if s := load(t, st, id); s.Organisation != org {
		t.Errorf("organisation in the database: %q, typed %q", s.Organisation, org)
	}
}
