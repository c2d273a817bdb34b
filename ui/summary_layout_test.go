package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// At 1366×768 (and in English, whose labels are longer) the summary's
// buttons stand side by side without covering one another, each whole
// inside the page.
func TestSummaryButtonsDoNotOverlap(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		u, st, _ := newTestUI(t)
		s := fixture.Nordrahti()
		s.Language = lang // the window speaks the workshop's language
		if err := u.open(createSession(t, st, s)); err != nil {
			t.Fatal(err)
		}
		u.ws.goTo(workshop.StepSummary)
		p := u.ws.page.(*summaryPage)
		u.win.Resize(fyne.NewSize(1366, 768))
		u.win.Canvas().Refresh(u.win.Content())
		d := fyne.CurrentApp().Driver()
		pageAt := d.AbsolutePositionForObject(p.Object())
		pageEnd := pageAt.X + p.Object().Size().Width
		var buttons []*widget.Button
		var drawn []fyne.CanvasObject // each button as the window holds it
		uitest.Walk(p.Object(), func(o fyne.CanvasObject) {
			if b, ok := buttonOf(o); ok && b.Visible() {
				buttons, drawn = append(buttons, b), append(drawn, o)
			}
		})
		if len(buttons) < 7 {
			t.Fatalf("%s: %d buttons on the summary", lang, len(buttons))
		}
		for i, a := range buttons {
			pa := d.AbsolutePositionForObject(drawn[i])
			if a.Size().Width < a.MinSize().Width-0.5 || pa.X < pageAt.X-0.5 || pa.X+a.Size().Width > pageEnd+0.5 {
				t.Errorf("%s: %q squeezed or outside the page: x %.0f width %.0f (needs %.0f), page %.0f–%.0f",
					lang, a.Text, pa.X, a.Size().Width, a.MinSize().Width, pageAt.X, pageEnd)
			}
			for j, b := range buttons[i+1:] {
				pb := d.AbsolutePositionForObject(drawn[i+1+j])
				overX := pa.X < pb.X+b.Size().Width-0.5 && pb.X < pa.X+a.Size().Width-0.5
				overY := pa.Y < pb.Y+b.Size().Height-0.5 && pb.Y < pa.Y+a.Size().Height-0.5
				if overX && overY {
					t.Errorf("%s: %q and %q cover each other", lang, a.Text, b.Text)
				}
			}
		}
	}
}
