package projector

import (
	"fmt"
	"image/color"
	"lupauspaja/ui/uitest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"lupauspaja/workshop"
)

type reading struct {
	minSize, minLine, minContrast float64
	smallest, faintest            string
}

// read walks what a page paints: each text's size, and its contrast against
// the last opaque rectangle painted under its middle (the page's white when none).
func read(o fyne.CanvasObject, view fyne.Size, into *reading, page string) {
	type box struct {
		pos  fyne.Position
		size fyne.Size
		fill color.Color
	}
	var boxes []box
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(x fyne.CanvasObject, pos fyne.Position) {
		switch v := x.(type) {
		case *canvas.Rectangle:
			if _, _, _, a := v.FillColor.RGBA(); a == 0xffff {
				boxes = append(boxes, box{pos, v.Size(), v.FillColor})
			}
		case *canvas.Text:
			if v.Text == "" || pos.Y >= view.Height || pos.X >= view.Width {
				return // nothing to read, or cut off by the edge of the view
			}
			// The middle of the drawn text: a text object may be wider than its text.
			w := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle).Width
			x := pos.X + fyne.Min(w, v.Size().Width)/2
			switch v.Alignment {
			case fyne.TextAlignCenter:
				x = pos.X + v.Size().Width/2
			case fyne.TextAlignTrailing:
				x = pos.X + v.Size().Width - w/2
			}
			mid := fyne.NewPos(x, pos.Y+v.Size().Height/2)
			var bg color.Color = colBackground
			for i := len(boxes) - 1; i >= 0; i-- {
				b := boxes[i]
				if mid.X >= b.pos.X && mid.X <= b.pos.X+b.size.Width && mid.Y >= b.pos.Y && mid.Y <= b.pos.Y+b.size.Height {
					bg = b.fill
					break
				}
			}
			size := float64(v.TextSize)
			lineH := float64(fyne.MeasureText(v.Text, v.TextSize, v.TextStyle).Height)
			c := uitest.Contrast(v.Color, bg)
			if into.minSize == 0 || size < into.minSize {
				into.minSize, into.smallest = size, fmt.Sprintf("%q on %s", v.Text, page)
			}
			if into.minLine == 0 || lineH < into.minLine {
				into.minLine = lineH
			}
			if into.minContrast == 0 || c < into.minContrast {
				into.minContrast, into.faintest = c, fmt.Sprintf("%q on %s (%v on %v)", v.Text, page, v.Color, bg)
			}
		}
	})
}

// TestReadability measures every page of the projector at 1920×1080: the
// smallest text must be at least 28 px and every text's contrast with what
// is under it at least 7:1. scripts/projector-check.sh prints the figures.
func TestReadability(t *testing.T) {
	r, p := nordrahti(t)
	view := fyne.NewSize(1920, 1080)
	showAt(t, p, view.Width, view.Height)
	var got reading
	measure := func(page string) { read(p.Content(), view, &got, page) }
	for _, revealed := range []bool{false, true} {
		r.SetVotesRevealed(revealed)
		r.SetRatingsRevealed(revealed)
		for _, k := range allKeys() {
			setStep(t, r, k)
			measure(k)
		}
	}
	// The timer in its three colours.
	setStep(t, r, workshop.StepDrafts)
	for _, d := range []time.Duration{0, 19 * time.Minute, 30 * time.Minute} {
		p.now = func() time.Time { return at.Add(d) }
		p.rebuild()
		measure("timer")
	}
	for page := 0; page < numPages; page++ {
		r.SetPresenting(true, page)
		measure(fmt.Sprintf("presentation page %d", page+1))
	}
	r.SetPresenting(false, 0)
	r.SetHidden(true)
	measure("hidden")

	t.Logf("smallest text %.1f px (line height %.1f px): %s", got.minSize, got.minLine, got.smallest)
	t.Logf("lowest contrast %.2f:1: %s", got.minContrast, got.faintest)
	if got.minSize < 28 {
		t.Errorf("smallest text %.1f px < 28 px: %s", got.minSize, got.smallest)
	}
	if got.minContrast < 7 {
		t.Errorf("contrast %.2f:1 < 7:1: %s", got.minContrast, got.faintest)
	}
}
