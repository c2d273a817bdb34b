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

// decideEnv opens a real store in a temporary folder with the session
// and returns the environment a step view gets from the shell; errors
// passed to ShowError are collected in *errs.
func decideEnv(t *testing.T, s *workshop.Session) (*store.Store, *Env, *[]error) {
	t.Helper()
	test.NewTempApp(t)
	i18n.SetLanguage(s.Language)
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
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
	env := &Env{Room: room.New(ed), ShowError: func(err error) { *errs = append(*errs, err) }}
	return st, env, errs
}

// stored reads the session back from the database file.
func stored(t *testing.T, st *store.Store, env *Env) *workshop.Session {
	t.Helper()
	s, err := st.Load(env.Room.Ed.ID())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// showView puts a view in a test window of the facilitator's size.
func showView(t *testing.T, v View, w, h float32) fyne.Window {
	t.Helper()
	win := test.NewWindow(v.Object())
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return win
}

// capture writes what the window shows to docs/screenshots/steps/name, for
// looking at; only when LUPAUSPAJA_SHOTS is set, so ordinary runs write nothing.
func capture(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	if os.Getenv("LUPAUSPAJA_SHOTS") == "" {
		return
	}
	dir := filepath.Join("..", "..", "docs", "screenshots", "steps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	relayout(win.Content())
	if err := png.Encode(f, win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// eventually polls until cond holds: debounced saves land on a timer.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// drawn lists every object under o as it is drawn now (the cached
// renderers, unlike test.LaidOutObjects which builds new ones).
func drawn(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, drawn(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, drawn(child)...)
		}
	}
	return out
}

// relayout lays every object out again from the top, as the desktop driver
// does on each frame when a minimum size changed; the test canvas does not,
// so without it a capture can show rows over each other that the app never shows.
func relayout(o fyne.CanvasObject) {
	switch c := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		r.Layout(c.Size())
		for _, child := range r.Objects() {
			relayout(child)
		}
	case *fyne.Container:
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
		for _, child := range c.Objects {
			relayout(child)
		}
	}
}
