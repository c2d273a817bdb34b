package steps

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// toggleFill is the colour behind a picker's toggle as drawn now.
func toggleFill(b *pickerToggle) color.Color {
	if r, ok := test.WidgetRenderer(b).Objects()[0].(*canvas.Rectangle); ok {
		return r.FillColor
	}
	return color.Transparent
}

// focused reports whether o has the keyboard in w.
func focused(w fyne.Window, o fyne.CanvasObject) bool {
	f, ok := w.Canvas().Focused().(fyne.CanvasObject)
	return ok && f == o
}

// key sends a key to what has the focus.
func key(t *testing.T, w fyne.Window, name fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("%s with nothing focused", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// A draft's authors, segments and "based on" take the keyboard in their
// turn: Tab from the Moore button goes to each, showing the focus in the
// theme's focus colour; Space or Enter opens and closes its list; Tab then
// goes on into the open lists, where Space checks a name. The toggles were
// tappable only. SCREENSHOTS=folder saves the card with "based on" focused.
func TestDraftPickersTakeTheKeyboard(t *testing.T) {
	st, env, errs := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepDrafts, env).(*drafts)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(1366, 768))
	x := v.list.Card("D1").Extras[0].(*draftExtras)
	c := w.Canvas()
	focus := theme.Color(theme.ColorNameFocus)
	pickers := []*checkPicker{x.authors, x.segments, x.basedOn}
	c.Focus(x.mooreBtn)
	for i, p := range pickers {
		c.FocusNext()
		if !focused(w, p.toggle) {
			t.Fatalf("Tab %d from the Moore button went to a %T, not to %q", i+1, c.Focused(), p.toggle.Text)
		}
		if got := toggleFill(p.toggle); got != focus {
			t.Errorf("%q focused is drawn on %v, not the focus colour %v", p.toggle.Text, got, focus)
		}
		if i > 0 {
			if got := toggleFill(pickers[i-1].toggle); got != color.Transparent {
				t.Errorf("%q left by Tab is still drawn on %v", pickers[i-1].toggle.Text, got)
			}
		}
		k := fyne.KeySpace
		if i > 0 {
			k = fyne.KeyReturn
		}
		key(t, w, k)
		if !p.Open() {
			t.Fatalf("%s on %q did not open its list", k, p.toggle.Text)
		}
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		w.Content().Refresh()
		if f, err := os.Create(filepath.Join(dir, "drafts-pickers-focus.png")); err == nil {
			png.Encode(f, c.Capture())
			f.Close()
		}
	}
	// Enter on the open one closes it again; reopened, Tab goes on into
	// the lists below the toggles, the authors first.
	key(t, w, fyne.KeyEnter)
	if x.basedOn.Open() {
		t.Fatal("Enter on an open \"based on\" did not close it")
	}
	key(t, w, fyne.KeySpace)
	c.FocusNext()
	first := c.Focused()
	if _, ok := first.(*widget.Check); !ok || first != x.authors.boxes[0] {
		t.Fatalf("Tab after the toggles went to a %T, not the first author's check", first)
	}
	first.TypedRune(' ') // a check answers the space typed, as the window sends it
	s := reload(t, st, env)
	if d := s.Draft("D1"); !slices.Contains(d.AuthorIDs, s.Participants[0].ID) {
		t.Fatalf("Space on the first author's check left the authors %v", d.AuthorIDs)
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
}

// A reliever's or creator's links open from the keyboard too.
func TestValueMapLinksOpenFromTheKeyboard(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepValueMap, env).(*valueMap)
	w := window(t, env, v)
	page := v.tabs.current().(*valuePage)
	relievers := page.lists[workshop.ValuePainReliever]
	ids := relievers.IDs()
	if len(ids) == 0 {
		t.Fatal("no reliever in the example")
	}
	x := relievers.Card(ids[0]).Extras[0].(*valueExtras)
	if f, ok := any(x.toggle).(fyne.Focusable); ok {
		w.Canvas().Focus(f)
	}
	if !focused(w, x.toggle) {
		t.Fatal("the links' toggle does not take the keyboard")
	}
	key(t, w, fyne.KeyReturn)
	if !x.links.Open() {
		t.Fatal("Enter on the links' toggle did not open the links")
	}
}

// A list opened near the bottom of the page scrolls into view: the last
// draft's segments, opened from the keyboard with the page at its end,
// opened below the fold, and Tab went on into checks no one could see.
// The list was never drawn before it opened, and the window's driver knows
// no canvas for it then; the test driver, which answers with the window
// made last, is given another one after the page's (as the projector's
// window is), so that it answers with a canvas that does not hold it.
func TestAPickerOpenedAtTheBottomScrollsIntoView(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepDrafts, env).(*drafts)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 520))
	test.NewTempWindow(t, widget.NewLabel("Projektori"))
	page := uitest.Find[*field.Scroll](v.Object(), nil)
	ids := v.list.IDs()
	x := v.list.Card(ids[len(ids)-1]).Extras[0].(*draftExtras)
	page.ScrollToBottom()
	if f, ok := any(x.segments.toggle).(fyne.Focusable); ok {
		w.Canvas().Focus(f)
	}
	x.segments.toggle.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !x.segments.Open() {
		t.Fatal("Enter did not open the last draft's segments")
	}
	uitest.Relayout(w.Content()) // the next frame, as the desktop driver lays it out
	// Where the page and the list are drawn in the page's window.
	var top, at float32
	uitest.WalkShown(w.Content(), fyne.Position{}, func(o fyne.CanvasObject, pos fyne.Position) {
		switch o {
		case page:
			top = pos.Y
		case x.segments.checks:
			at = pos.Y
		}
	})
	if bottom := at + x.segments.checks.Size().Height; at < top-0.5 || bottom > top+page.Size().Height+0.5 {
		t.Errorf("the opened list (y %.0f–%.0f) is out of the page's view (y %.0f–%.0f)", at, bottom, top, top+page.Size().Height)
	}
}
