package button

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The ring is drawn last, over the button's own objects, also after the
// button gets an icon it had not when first drawn (Fyne's renderer then
// makes its objects anew); it shows only while the button is focused and
// enabled, whatever its importance, and its colour follows a change of
// importance (a toggle turned off) to the colour of the button's text.
func TestTheRingIsOnTopAndFollowsFocusAndImportance(t *testing.T) {
	test.NewTempApp(t)
	b := Primary("Seuraava", nil, func() {})
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(200, 60))
	objects := func() []fyne.CanvasObject { return test.WidgetRenderer(b).Objects() }
	last := func() *canvas.Rectangle {
		t.Helper()
		o := objects()
		r, ok := o[len(o)-1].(*canvas.Rectangle)
		if !ok || r.StrokeWidth != ringWidth {
			t.Fatalf("the last object is %T, not the ring", o[len(o)-1])
		}
		return r
	}
	if last().Visible() {
		t.Fatal("the ring shows on an unfocused button")
	}
	w.Canvas().Focus(b)
	if !last().Visible() {
		t.Fatal("no ring on the focused primary button")
	}
	b.SetIcon(theme.NavigateNextIcon())
	icon := false
	for _, o := range objects() {
		_, isImage := o.(*canvas.Image)
		icon = icon || isImage
	}
	if !icon || !last().Visible() {
		t.Fatalf("after SetIcon: icon drawn %v, ring on top and shown %v", icon, last().Visible())
	}
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	for _, imp := range []widget.Importance{widget.MediumImportance, widget.LowImportance, widget.DangerImportance, widget.WarningImportance, widget.HighImportance} {
		b.Importance = imp
		b.Refresh()
		if !last().Visible() {
			t.Errorf("importance %d: no ring on the focused button", imp)
		}
		if got, want := last().StrokeColor, th.Color(TextColor(imp), v); !sameColor(got, want) {
			t.Errorf("importance %d: the ring is %v, not the text's %v", imp, got, want)
		}
	}
	b.Disable()
	if last().Visible() {
		t.Error("the ring stays on a button disabled while focused")
	}
	b.Enable()
	w.Canvas().Unfocus()
	if last().Visible() {
		t.Fatal("the ring stays after the focus goes")
	}
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
