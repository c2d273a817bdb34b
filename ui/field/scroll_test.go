package field

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// One notch of the wheel (Fyne's 25 px step on Linux and Windows) moves a
// page three times as far as Fyne's own scroll does.
func TestWheelNotchMovesAPageThreeSteps(t *testing.T) {
	test.NewTempApp(t)
	tall := func() fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(100, 3000))
		return r
	}
	page, plain := NewVScroll(tall()), container.NewVScroll(tall())
	for _, s := range []fyne.CanvasObject{page, plain} {
		w := test.NewTempWindow(t, s)
		w.Resize(fyne.NewSize(200, 400))
	}
	notch := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)}
	page.Scrolled(notch)
	plain.Scrolled(notch)
	if plain.Offset.Y != 25 || page.Offset.Y != 75 {
		t.Errorf("a notch moves a page %.0f px and Fyne's scroll %.0f px, want 75 and 25", page.Offset.Y, plain.Offset.Y)
	}
	var _ fyne.Scrollable = page
}
