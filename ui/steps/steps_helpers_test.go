package steps

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/i18n"
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// Helpers of the tests of steps 1–5.

// stepEnv opens a real store in a temporary folder holding the session and
// returns the environment the shell gives a step view. Typing waits for Flush
// or focus loss (Fyne's test driver runs fyne.Do on the debounce timer's
// goroutine, which would race the test); errors shown go to *errs.
func stepEnv(t *testing.T, s *workshop.Session) (*store.Store, *Env, *[]error) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "steps.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	ed, err := editor.Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	errs := &[]error{}
	typing := room.NewTyping()
	typing.SetTimings(time.Hour, time.Hour)
	// Nor does the version pause end on its own: a test ends it with versionDue.
	typing.VersionPause = time.Hour
	env := &Env{Room: room.NewWith(ed, typing, i18n.New(s.Language)), ShowError: func(err error) { *errs = append(*errs, err) }}
	return st, env, errs
}

// reload reads the session back from the database file.
func reload(t *testing.T, st *store.Store, env *Env) *workshop.Session {
	t.Helper()
	s, err := st.Load(env.Room.Ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// window shows a view at the facilitator's middle-column size and follows
// the session like the shell does (Refresh after every change).
func window(t *testing.T, env *Env, v View) fyne.Window {
	t.Helper()
	w := test.NewWindow(v.Object())
	w.Resize(fyne.NewSize(1000, 700))
	remove := env.Room.Ed.OnChange(v.Refresh)
	t.Cleanup(func() { remove(); w.Close() })
	return w
}

// screenshot writes the window to docs/screenshots/steps/name when
// LUPAUSPAJA_SHOTS is set, for looking at the view with real data.
func screenshot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	if os.Getenv("LUPAUSPAJA_SHOTS") == "" {
		return
	}
	// The real driver re-lays out containers whose content changed size on
	// every frame; the test canvas does not, so lay everything out once.
	w.Content().Refresh()
	dir := filepath.Join("..", "..", "docs", "screenshots", "steps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := png.Encoder{CompressionLevel: png.BestCompression} // committed: keep them small
	if err := enc.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// undo is the workspace's Ctrl+Z: it takes back the newest entry of the
// room's undo stack and reports whether there was one.
func undo(t *testing.T, env *Env) bool {
	t.Helper()
	ok, err := env.Room.Undo.Pop(env.Room.Ed)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
