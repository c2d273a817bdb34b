package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/testkit"
)

// newTestUI builds the window on a new database file in a temporary folder,
// in Finnish, with the timer redraw off (tests move the clock themselves).
func newTestUI(t *testing.T) (*UI, *library.Library, string) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "fi")
	path := testkit.Path(t)
	lib := testkit.OpenLibrary(t, path)
	u := New(a, lib)
	noDebounce(u)
	u.tickEvery = 0
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	u.home.reload()
	return u, lib, path
}

// reopen builds a new window on the same database file, as after a restart.
func reopen(t *testing.T, path string) (*UI, *library.Library) {
	t.Helper()
	a := test.NewTempApp(t)
	lib := testkit.OpenLibrary(t, path)
	u := New(a, lib)
	noDebounce(u)
	u.tickEvery = 0
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	u.home.reload()
	return u, lib
}

// createSession stores s and returns its id.
func createSession(t *testing.T, lib *library.Library, s *workshop.Session) int64 {
	t.Helper()
	return testkit.Create(t, lib, s)
}

// load reads the session back from the database, as the truth.
func load(t *testing.T, lib *library.Library, id int64) *workshop.Session {
	t.Helper()
	return testkit.Load(t, lib, id)
}

// capture writes what the window shows to dir/name.png.
func capture(t *testing.T, w fyne.Window, dir, name string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The real driver lays out again a container whose content changed
	// its size (a label wrapped at its width, a list filled in); the test
	// canvas does not, and showed gaps and cut questions the window has
	// not. Lay everything out once, as the steps' screenshots do.
	w.Content().Refresh()
	img := w.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// noDebounce keeps the typing timers from firing during a test: the test
// driver runs fyne.Do at once on the timer's goroutine, which would race
// with the test's own. Typed text is then saved the other ways a
// facilitator saves it: leaving the field, Enter, moving to another step,
// closing.
func noDebounce(u *UI) { u.typing.SetTimings(time.Hour, time.Hour) }

// newCheckinFromHome starts a check-in of the session wid as a facilitator
// does, with the sessions list's button, and returns its id once it is open.
func newCheckinFromHome(t *testing.T, u *UI, wid int64) int64 {
	t.Helper()
	if u.home == nil {
		u.showHome(false)
	}
	u.home.reload()
	u.home.selectID(wid)
	tapButton(t, u.win.Content(), u.tr.T("checkin.new"))
	if u.ws == nil || !u.ws.ed.Snapshot().IsCheckin() {
		t.Fatal("the check-in did not open")
	}
	return u.ws.ed.ID()
}
