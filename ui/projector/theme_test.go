package projector

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Every page the projector shows, through every step, the presentation and
// back, is drawn in the app's theme scope: no theme override, no object with
// a theme of its own (Fyne would parse its fonts again for that scope, for
// good). Its texts are the projector's size and colour names, which the app's
// theme answers at the projector's scale, and its charts draw in its look.
func TestDrawsInTheAppsThemeScope(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Large()
	r := openRoom(t, s)
	p := newProjector(r)
	w := showAt(t, p, 1366, 768)
	app := fyne.CurrentApp().Settings().Theme()
	scale := float32(768) / 1080
	check := func(page string) {
		t.Helper()
		w.Canvas().Capture()
		texts, charted := 0, 0
		uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
			if _, ok := o.(*container.ThemeOverride); ok {
				t.Fatalf("%s: a theme override", page)
			}
			if th := theme.CurrentForWidget(o); th != app {
				t.Fatalf("%s: a %T has a theme of its own", page, o)
			}
			switch o := o.(type) {
			case *ptext:
				for _, sg := range o.Segments {
					ts, ok := sg.(*widget.TextSegment)
					if !ok {
						t.Fatalf("%s: a %T segment", page, sg)
					}
					if _, ok := p.th.Size(ts.Style.SizeName); !ok {
						t.Fatalf("%s: %q is in size %q, not one of the projector's", page, ts.Text, ts.Style.SizeName)
					}
					if _, ok := p.th.Color(ts.Style.ColorName); !ok {
						t.Fatalf("%s: %q is in colour %q, not one of the projector's", page, ts.Text, ts.Style.ColorName)
					}
				}
			case *canvas.Text:
				if strings.TrimSpace(o.Text) != "" {
					texts++
					if min := 30 * scale; o.TextSize < min-0.01 {
						t.Fatalf("%s: %q is %.1f px, under the projector's smallest %.1f", page, o.Text, o.TextSize, min)
					}
				}
			case *charts.Bars, *charts.Grouped:
				charted++
				var look fyne.Theme
				if b, ok := o.(*charts.Bars); ok {
					look = b.Look
				} else {
					look = o.(*charts.Grouped).Look
				}
				if look == nil || look.Size(theme.SizeNameText) != p.th.size(sizeText) {
					t.Fatalf("%s: a chart not in the projector's look", page)
				}
			}
		})
		if texts == 0 {
			t.Fatalf("%s: no texts on the page", page)
		}
	}
	if got, want := app.Size(sizeText), 30*scale; got != want {
		t.Fatalf("the app's theme answers the projector's text size with %.2f, want %.2f", got, want)
	}
	r.SetVotesRevealed(true)
	r.SetRatingsRevealed(true)
	for round := 0; round < 2; round++ {
		for _, k := range s.Pages(true) { // the promise's history too
			setStep(t, r, k)
			check(k)
		}
	}
	for page := 0; page < numPages; page++ {
		r.SetPresenting(true, page)
		check("presentation page " + string(rune('1'+page)))
	}
	r.SetPresenting(false, 0)
	r.SetHidden(true)
	check("hidden")
	setStep(t, r, workshop.StepSetup)
}
