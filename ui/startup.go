package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// loadFonts has Fyne load the fonts of the sessions screen's two text
// styles (regular and bold) on another goroutine, and returns what is
// closed when they are loaded. New starts it once the app's theme is set,
// so that the fonts load while the main goroutine brings up the window
// system (GLFW's start on the first window), and waits for it before it
// lays out any text: Fyne's text shaping is not safe from two goroutines
// at once. Fyne parses a style's fonts (the text font, its emoji and
// symbol fallbacks, the system's font list) the first time the style is
// measured; on the main goroutine that was the largest part of what the
// app did before its window beyond what a bare window does
// (docs/benchmarks-gui.md).
func loadFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Lupauspaja", theme.TextSize(), style)
		}
	}()
	return done
}
