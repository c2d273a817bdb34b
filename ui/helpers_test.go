package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/store"
)

// newTestUI builds the window on a new database file in a temporary folder,
// in Finnish, with the timer redraw off (tests move the clock themselves).
func newTestUI(t *testing.T) (*UI, *store.Store, string) {
	t.Helper()
	noDebounce(t)
	i18n.SetLanguage("fi")
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "fi")
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st)
	u.tickEvery = 0
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	u.home.reload()
	return u, st, path
}

// reopen builds a new window on the same database file, as after a restart.
func reopen(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st)
	u.tickEvery = 0
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	u.home.reload()
	return u, st
}

// createSession stores s and returns its id.
func createSession(t *testing.T, st *store.Store, s *workshop.Session) int64 {
	t.Helper()
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// load reads the session back from the database, as the truth.
func load(t *testing.T, st *store.Store, id int64) *workshop.Session {
	t.Helper()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// capture writes what the window shows to dir/name.png.
func capture(t *testing.T, w fyne.Window, dir, name string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
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
func noDebounce(t testing.TB) {
	old := field.Debounce
	field.Debounce = time.Hour
	t.Cleanup(func() { field.Debounce = old })
}
