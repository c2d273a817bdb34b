package steps

import (
	"lupauspaja/ui/uitest"
	"testing"

	"fyne.io/fyne/v2"
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
	uitest.Relayout(win.Content())
	screenshot(t, win, name)
}
