package projector

import (
	_ "unsafe" // go:linkname

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The projector's page is made anew on each change, under a theme override
// (container.ThemeOverride) that gives it the light, large theme. Fyne
// 2.8's override hands its content a new theme scope on every Refresh, and
// keeps per scope what never expires: a parsed copy of each font for every
// text style (Noto Sans, the emoji and symbol fonts: about 10 MB a style),
// and an entry for every object it reached. A Refresh also clears Fyne's
// caches of icons and text sizes for both windows, and refreshes every
// widget of the page. So each rebuild grew the memory by megabytes and took
// 14–30 ms (docs/benchmarks-gui.md).
//
// Instead the scope is taken once, by an anchor object the override reaches
// when it is made, and each new page is put in that same scope with the
// function Fyne's own lists use for their new rows.

//go:linkname matchScope fyne.io/fyne/v2/internal/cache.OverrideThemeMatchingScope
func matchScope(o, parent fyne.CanvasObject) bool

// newAnchor is the object that holds the projector's theme scope.
func newAnchor() fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.Hide()
	return r
}
