package steps

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Helpers of the tests of steps 6–9, next to those of steps_helpers_test.go.

// showView is window() at a chosen size: the evaluation grid and the
// consent rows are checked at the laptop's full width too.
func showView(t *testing.T, env *Env, v View, w, h float32) fyne.Window {
	t.Helper()
	win := window(t, env, v)
	win.Resize(fyne.NewSize(w, h))
	return win
}

// capture lays the window out again and writes it with screenshot().
func capture(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	relayout(win.Content())
	screenshot(t, win, name)
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
