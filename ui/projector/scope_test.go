package projector

import (
	"testing"
	_ "unsafe" // go:linkname

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

//go:linkname scopeOf fyne.io/fyne/v2/internal/cache.WidgetScopeID
func scopeOf(o fyne.CanvasObject) string

// Every page the projector shows, through every step and back, is in the
// one theme scope the override gave it when it was made: a new scope on each
// rebuild would make Fyne parse its fonts again, for good (scope.go).
func TestRebuildsKeepOneThemeScope(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Large()
	r := openRoom(t, s)
	p := New(fyne.CurrentApp(), r)
	w := showAt(t, p, 1280, 720)
	want := scopeOf(p.anchor)
	if want == "" {
		t.Fatal("the anchor is outside the theme override")
	}
	for round := 0; round < 2; round++ {
		for _, k := range s.Pages(false) {
			if err := r.Ed.Edit(func(s *workshop.Session) error { s.CurrentStep = k; return nil }); err != nil {
				t.Fatal(err)
			}
			p.rebuild()
			w.Canvas().Capture()
			n := 0
			uitest.Walk(p.root, func(o fyne.CanvasObject) {
				if _, ok := o.(*widget.RichText); !ok {
					return
				}
				n++
				if got := scopeOf(o); got != want {
					t.Fatalf("step %s: a text is in scope %q, want the projector's %q", k, got, want)
				}
			})
			if n == 0 {
				t.Fatalf("step %s: no texts on the page", k)
			}
		}
	}
}
