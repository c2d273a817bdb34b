package projector

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The baseline page shows the method's maturity contrast as METHOD words
// it (0 % of beginners and 88 % of pioneers say most employees live the
// promise) in the session's language at every window size, beside the
// ladder and its source. It takes its room from the would-buy quotes
// (which say "+N more"), not from the chart: in the example workshop all
// five rungs still show, the top one that the contrast is about included.
// The source note under the ladder is one line in both languages, at
// 1366×768 and 1280×720 too (the English one wrapped to two and took a
// line's height from the chart).
func TestBaselineShowsTheMaturityContrast(t *testing.T) {
	for _, c := range []struct{ lang, says, top string }{
		{"fi", "Aloittelijoista 0 % ja pioneereista 88 % sanoo, että suuri osa työntekijöistä elää asiakaslupausta todeksi.", "5 · Suuri osa työntekijöistä elää asiakaslupausta todeksi"},
		{"en", "0% of beginners and 88% of pioneers say most employees live the promise.", "5 · Most employees live the promise"},
	} {
		for _, size := range [][2]float32{{1920, 1080}, {1366, 768}, {1280, 720}} {
			test.NewTempApp(t)
			s := fixture.Nordrahti()
			s.Language = c.lang
			s.CurrentStep = workshop.StepBaseline
			p := newProjector(openRoom(t, s))
			showAt(t, p, size[0], size[1])
			source := workshop.LadderSource.In(c.lang)
			for _, want := range []string{c.says, c.top, source} {
				if !shows(p.Content(), want) {
					t.Errorf("%s %vx%v: the baseline page lacks %q:\n%s", c.lang, size[0], size[1], want, joined(p.Content()))
				}
			}
			if !slices.ContainsFunc(shownTexts(p.Content()), func(x *canvas.Text) bool { return strings.TrimSpace(x.Text) == source }) {
				t.Errorf("%s %vx%v: the ladder's source is not one line:\n%s", c.lang, size[0], size[1], joined(p.Content()))
			}
		}
	}
}
