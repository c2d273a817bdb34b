package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
)

// At 1366×768, in both languages, the customer profile's evidence choice
// of a job, a pain and a gain is wide enough for its longest option
// ("asiakkaan sanoma" was cut to "asiakkaan sano…" beside the importance
// buttons), and the importance buttons are still there, whole.
func TestProfileEvidenceShowsItsOptionsWhole(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		u, _ := openFixture(t)
		u.setLanguage(lang)
		u.ws.goTo(workshop.StepProfile)
		ph := u.tr.T("steps.profile.evidence")
		pad := theme.InnerPadding()
		var n int
		uitest.WalkShown(u.win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
			s, ok := o.(*widget.Select)
			if !ok || s.PlaceHolder != ph {
				return
			}
			n++
			var need float32
			for _, opt := range s.Options {
				need = max(need, fyne.MeasureText(opt, theme.TextSize(), fyne.TextStyle{}).Width)
			}
			// Fyne's select: its text, three inner paddings, the arrow and one more.
			need += 4*pad + theme.IconInlineSize()
			if w := s.Size().Width; w < need {
				t.Errorf("%s: an evidence choice is %.0f wide, its longest option needs %.0f", lang, w, need)
			}
		})
		if n < 3 {
			t.Fatalf("%s: %d evidence choices shown on the customer profile", lang, n)
		}
		levels := 0
		uitest.WalkShown(u.win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
			if b, ok := o.(*button.Button); ok && b.Text == "3" && b.Size().Width >= b.MinSize().Width {
				levels++
			}
		})
		if levels < n {
			t.Errorf("%s: %d whole importance buttons '3' for %d cards", lang, levels, n)
		}
	}
}
