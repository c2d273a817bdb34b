package field

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
)

// lazyPage is a page of n cards in a Scroll, shown in a 500×400 window;
// every third card carries a warning, a line taller than the others.
func lazyPage(t testing.TB, n int) (*CardList, *Scroll, fyne.Window) {
	t.Helper()
	lists, s, w := lazyColumns(t, n, 1)
	return lists[0], s, w
}

// lazyColumns is a page of cols lists of the same n cards side by side in
// one Scroll, as steps 3 and 4 have, in a window 500 px wide a column.
func lazyColumns(t testing.TB, n, cols int) ([]*CardList, *Scroll, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	_, ed := open(t, func(s *workshop.Session) {
		for i := 0; i < n; i++ {
			if _, err := s.AddAlternative(fmt.Sprintf("Vaihtoehto %d: äö", i+1)); err != nil {
				t.Fatal(err)
			}
		}
	})
	var lists []*CardList
	var objs []fyne.CanvasObject
	for c := 0; c < cols; c++ {
		l := NewCardList(quiet(ed), alternatives(), CardOptions{Mark: func(s *workshop.Session, id string) string {
			for i, a := range s.Alternatives {
				if a.ID == id && i%3 == 0 {
					return "Varoitus"
				}
			}
			return ""
		}})
		lists = append(lists, l)
		objs = append(objs, l.Object())
	}
	var content fyne.CanvasObject = objs[0]
	if cols > 1 {
		content = container.NewGridWithColumns(cols, objs...)
	}
	s := NewVScroll(content)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(500*float32(cols), 400))
	return lists, s, w
}

func builtRows(l *List) (n int) {
	for _, id := range l.IDs() {
		if l.Built(id) {
			n++
		}
	}
	return n
}

// checkRowsInPlace fails if a built row is not laid out in its place: each
// place under the one before it, a row filling its place.
func checkRowsInPlace(t *testing.T, l *List) {
	t.Helper()
	var below float32
	for i, id := range l.order {
		slot := l.slots[id]
		if slot.Position().Y < below {
			t.Fatalf("row %d starts at %.0f, over the row above it (ends at %.0f)", i, slot.Position().Y, below)
		}
		below = slot.Position().Y + slot.Size().Height
		if r := l.rows[id]; r != nil {
			if got, want := r.Object().Size(), slot.Size(); got != want || r.Object().Position() != (fyne.Position{}) {
				t.Fatalf("row %d is %v at %v in a place of %v", i, got, r.Object().Position(), want)
			}
			if r.Object().MinSize().Height > slot.Size().Height {
				t.Fatalf("row %d needs %.0f px in a place of %.0f", i, r.Object().MinSize().Height, slot.Size().Height)
			}
		}
	}
}

// A list in a page's Scroll builds only the rows near the view, builds
// more as the page is scrolled, and every row read, edited or scrolled to
// is there; what is shown stays where it was when rows above it are built.
func TestListBuildsRowsAsTheyComeIntoView(t *testing.T) {
	l, s, _ := lazyPage(t, 300)
	first := builtRows(l.List)
	if first == 0 || first > 60 {
		t.Fatalf("%d of 300 rows built at the top of the page, want the few near the view", first)
	}
	if !l.Built(l.IDs()[0]) || l.Built(l.IDs()[299]) {
		t.Fatal("the first row should be built and the last not yet")
	}
	if s.Offset.Y != 0 {
		t.Fatalf("the page opens scrolled to %.0f, not at its top", s.Offset.Y)
	}
	checkRowsInPlace(t, l.List)

	// Scrolling down with the wheel builds what comes into view.
	for i := 0; i < 400 && s.Offset.Y+s.Size().Height < s.Content.Size().Height; i++ {
		s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
		for _, id := range l.IDs() {
			slot := l.slots[id]
			top, bottom := slot.Position().Y, slot.Position().Y+slot.Size().Height
			if bottom > s.Offset.Y && top < s.Offset.Y+s.Size().Height && !l.Built(id) {
				t.Fatalf("at offset %.0f a row in view (%.0f–%.0f) is not built", s.Offset.Y, top, bottom)
			}
		}
	}
	if !l.Built(l.IDs()[299]) {
		t.Fatalf("scrolled to the end (offset %.0f of %.0f), the last row is not built", s.Offset.Y, s.Content.Size().Height)
	}
	checkRowsInPlace(t, l.List)

	// Asked for, a row is built at once.
	l2, _, _ := lazyPage(t, 300)
	id := l2.IDs()[200]
	if l2.Built(id) {
		t.Fatal("row 200 built before it was asked for")
	}
	if c := l2.Card(id); c == nil || c.Text.Entry.Text != "Vaihtoehto 201: äö" {
		t.Fatalf("row 200 asked for: %v", c)
	}
	checkRowsInPlace(t, l2.List)
}

// Jumping to the middle of a long page and scrolling up keeps the row at
// the top of the view where it was as the rows above it are built, also
// with lists side by side, each growing by its own rows.
func TestRowsBuiltAboveTheViewDoNotMoveIt(t *testing.T) {
	for _, cols := range []int{1, 3} {
		t.Run(fmt.Sprint(cols, " columns"), func(t *testing.T) { rowsAboveStay(t, cols) })
	}
}

func rowsAboveStay(t *testing.T, cols int) {
	lists, s, _ := lazyColumns(t, 300, cols)
	l := lists[0]
	s.ScrollToOffset(fyne.NewPos(0, 5000))
	var top string
	for _, id := range l.IDs() {
		slot := l.slots[id]
		if slot.Position().Y >= s.Offset.Y {
			top = id
			break
		}
	}
	if top == "" || !l.Built(top) {
		t.Fatalf("no built row at the top of the view at offset %.0f", s.Offset.Y)
	}
	at := l.slots[top].Position().Y - s.Offset.Y
	// Ten notches up (past the rows built around the view) and ten down.
	for i := 0; i < 10; i++ {
		s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 25)})
	}
	for i := 0; i < 10; i++ {
		s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	}
	if now := l.slots[top].Position().Y - s.Offset.Y; now != at {
		t.Errorf("the row at the top of the view moved from %.0f to %.0f px as rows above it were built", at, now)
	}
	for _, l := range lists {
		checkRowsInPlace(t, l.List)
	}
}

// A list outside a Scroll has every row built once it is shown, and so
// has a row added to it later.
func TestListOutsideAScrollBuildsEveryRow(t *testing.T) {
	test.NewTempApp(t)
	_, ed := open(t, func(s *workshop.Session) {
		for i := 0; i < 50; i++ {
			s.AddAlternative(fmt.Sprintf("Vaihtoehto %d", i+1))
		}
	})
	l := NewCardList(quiet(ed), alternatives(), CardOptions{})
	w := test.NewTempWindow(t, l.Object())
	w.Resize(fyne.NewSize(500, 400))
	if n := builtRows(l.List); n != 50 {
		t.Fatalf("%d of 50 rows built", n)
	}
	test.Type(l.NewEntry, "Uusi")
	l.Add()
	if n := builtRows(l.List); n != 51 {
		t.Fatalf("%d of 51 rows built after an add", n)
	}
	checkRowsInPlace(t, l.List)
}

// BenchmarkScrollAPageOfCards is one notch of the wheel down a page of 300
// cards whose rows are built as they come into view: a new page once the
// end is reached, so that every notch is on a page being built.
func BenchmarkScrollAPageOfCards(b *testing.B) {
	_, s, _ := lazyPage(b, 300)
	for b.Loop() {
		if s.Offset.Y+s.Size().Height >= s.Content.Size().Height {
			b.StopTimer()
			_, s, _ = lazyPage(b, 300)
			b.StartTimer()
		}
		s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	}
}

// The window coming back to the front gives the focus again to the field
// that had it, and the page stays where it was scrolled to.
func TestFocusBackWithTheWindowKeepsThePage(t *testing.T) {
	l, s, w := lazyPage(t, 300)
	first := l.Card(l.IDs()[0]).Text.Entry
	w.Canvas().Focus(first)
	s.ScrollToOffset(fyne.NewPos(0, 3000))
	at := s.Offset.Y
	first.FocusLost() // the window goes behind another
	first.FocusGained()
	if s.Offset.Y != at {
		t.Errorf("the window back at the front scrolled the page from %.0f to %.0f", at, s.Offset.Y)
	}
}

// A field that gains the focus below the fold is scrolled into view, one
// in view stays where it is, and so does a field taller than the view that
// is partly shown, so that a click in it does not move the text under the
// pointer. The page's scroll sits below a header, as in the window.
func TestFocusScrollsToAFieldUnlessItIsShown(t *testing.T) {
	test.NewTempApp(t)
	_, ed := open(t, nil)
	r := quiet(ed)
	text := func(get func(s *workshop.Session) *string) *Text {
		return NewText(r, false, func(s *workshop.Session) string { return *get(s) },
			func(s *workshop.Session, v string) error { *get(s) = v; return nil })
	}
	shown := text(func(s *workshop.Session) *string { return &s.Purpose.Whom })
	tall := purposeWhy(r)
	tall.Entry.SetMinRowsVisible(40)
	below := text(func(s *workshop.Session) *string { return &s.Purpose.Value })
	gap := func(h float32) fyne.CanvasObject {
		g := canvas.NewRectangle(nil)
		g.SetMinSize(fyne.NewSize(10, h))
		return g
	}
	s := NewVScroll(container.NewVBox(gap(250), shown.Object(), gap(30), tall.Object(), below.Object()))
	w := test.NewTempWindow(t, container.NewBorder(gap(200), nil, nil, nil, s))
	w.Resize(fyne.NewSize(500, 600))
	w.Canvas().Focus(shown.Entry)
	if s.Offset.Y != 0 {
		t.Errorf("focusing a field in view scrolled the page to %.0f", s.Offset.Y)
	}
	w.Canvas().Focus(tall.Entry)
	if s.Offset.Y != 0 {
		t.Errorf("focusing a tall field already partly shown scrolled the page to %.0f", s.Offset.Y)
	}
	w.Canvas().Focus(below.Entry)
	top := below.Object().Position().Y
	if bottom := top + below.Entry.Size().Height; s.Offset.Y+s.Size().Height < bottom || s.Offset.Y > top {
		t.Errorf("the focused field at %.0f–%.0f is not in the view (%.0f–%.0f)", top, bottom, s.Offset.Y, s.Offset.Y+s.Size().Height)
	}
}
