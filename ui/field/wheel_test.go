package field

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
	"lupauspaja/workshop/testkit"
)

// The mouse wheel over an entry moves the page, whether the entry is one
// line or many; while the entry is being typed in, the wheel is its own.
func TestWheelOverAnEntryScrollsThePage(t *testing.T) {
	test.NewTempApp(t)
	ed := testkit.Editor(t, workshop.NewSession("fi"))
	r := quiet(ed)
	one := NewText(r, false, func(s *workshop.Session) string { return s.Title },
		func(s *workshop.Session, v string) error { s.Title = v; return nil })
	many := NewText(r, true, func(s *workshop.Session) string { return s.Goal },
		func(s *workshop.Session, v string) error { s.Goal = v; return nil })
	many.Entry.SetText(strings.Repeat("Pitkä tavoite, joka ei mahdu kerralla näkyviin. ", 40))
	var rows []fyne.CanvasObject
	for i := 0; i < 40; i++ {
		rows = append(rows, widget.NewLabel("rivi"))
	}
	page := NewVScroll(container.NewVBox(append([]fyne.CanvasObject{one.Object(), many.Object()}, rows...)...))
	w := test.NewTempWindow(t, page)
	w.Resize(fyne.NewSize(600, 400))
	d := fyne.CurrentApp().Driver()
	for _, f := range []*Text{one, many} {
		page.ScrollToTop()
		at := d.AbsolutePositionForObject(f.Entry).Add(fyne.NewPos(20, 10))
		test.Scroll(w.Canvas(), at, 0, -30)
		if page.Offset.Y <= 0 {
			t.Errorf("multi-line %v: the wheel over the entry did not move the page", f.Entry.MultiLine)
		}
	}
	// Typing in the long text: the wheel scrolls the text, not the page.
	page.ScrollToTop()
	w.Canvas().Focus(many.Entry)
	at := d.AbsolutePositionForObject(many.Entry).Add(fyne.NewPos(20, 10))
	test.Scroll(w.Canvas(), at, 0, -30)
	if page.Offset.Y != 0 {
		t.Errorf("the page moved while the entry under the pointer had the focus: %v", page.Offset)
	}
}
