package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// openExample opens the example workshop in a 1366×768 window.
func openExample(t *testing.T) (*UI, int64) {
	t.Helper()
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u, id
}

// The break page's message takes the page's width: a wrapping label in a
// centre layout used to shrink to a column about 80 px wide.
func TestBreakPageMessageUsesThePageWidth(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepBreak)
	uitest.Relayout(u.win.Content())
	msg := uitest.Find[*widget.Label](u.win.Content(), func(l *widget.Label) bool {
		return strings.HasPrefix(l.Text, "Tauko 10 min")
	})
	if msg == nil {
		t.Fatal("no break message on the break page")
	}
	if w := msg.Size().Width; w < 500 {
		t.Errorf("the break message is %.0f px wide, want the page's width (at least 500 px)", w)
	}
}

// shownText is every text drawn in the window now, one a line.
func shownText(u *UI) string {
	uitest.Relayout(u.win.Content())
	var b strings.Builder
	uitest.WalkShown(u.win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
		if t, ok := o.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// A "%" measure's baseline and target carry their unit in the summary and
// next to their fields in step 8, and the unit follows the scale typed.
func TestMeasureValuesShowTheirUnit(t *testing.T) {
	u, _ := openExample(t)
	u.ws.goTo(workshop.StepSummary)
	if txt := shownText(u); !strings.Contains(txt, "41 %") || !strings.Contains(txt, "85 %") {
		t.Errorf("the summary shows the %% measure without its unit:\n%s", txt)
	}
	u.ws.goTo(workshop.StepMeasures)
	units := map[string]int{}
	for _, o := range uitest.All(u.win.Content()) {
		if l, ok := o.(*widget.Label); ok && (l.Text == "%" || l.Text == "(1-7)" || l.Text == "(-100…+100)") {
			units[l.Text]++
		}
	}
	for _, want := range []string{"%", "(1-7)", "(-100…+100)"} {
		if units[want] != 2 {
			t.Errorf("step 8 shows the unit %q next to %d fields, want the baseline's and the target's", want, units[want])
		}
	}
}
