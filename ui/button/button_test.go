package button

import (
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
// primary, and follows a change of importance (a toggle turned off).
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
	b.Importance = widget.MediumImportance
	b.Refresh()
	if last().Visible() {
		t.Fatal("the ring stays on a button no longer primary")
	}
	b.Importance = widget.HighImportance
	b.Refresh()
	w.Canvas().Unfocus()
	if last().Visible() {
		t.Fatal("the ring stays after the focus goes")
	}
}
