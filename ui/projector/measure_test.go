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
	// minLarge is the lowest contrast of the large texts: bold and at
	// least the timer's size, for which 4.5:1 is WCAG's bar.
	minLarge      float64
	faintestLarge string
}

// large reports whether a text is large for the contrast bar: bold and at
// least the timer's size (56 px at 1920×1080) in a view of that height.
func large(v *canvas.Text, view fyne.Size) bool {
	scale := fyne.Min(view.Height/1080, view.Width/1920)
	return v.TextStyle.Bold && v.TextSize >= baseSizes[sizeTimer]*scale-0.01
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
			what := fmt.Sprintf("%q on %s (%v on %v)", v.Text, page, v.Color, bg)
			if large(v, view) {
				if into.minLarge == 0 || c < into.minLarge {
					into.minLarge, into.faintestLarge = c, what
				}
			} else if into.minContrast == 0 || c < into.minContrast {
				into.minContrast, into.faintest = c, what
			}
		}
	})
}

// TestReadability measures every page of the projector at 1920×1080: the
// smallest text must be at least 28 px and every text's contrast with what
// is under it at least 7:1; a large text (bold, the timer's size or more)
// at least 4.5:1. scripts/projector-check.sh prints the figures.
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
	// The timer in its three colours: a 20-minute timebox started at the
	// test's clock, at its start, a minute before its end and ten minutes over.
	if err := r.Ed.Edit(func(s *workshop.Session) error {
		s.CurrentStep = workshop.StepDrafts
		a := s.AgendaItem(workshop.StepDrafts)
		a.PlannedMin, a.UsedSec, a.RunningSince = 20, 0, at.Format(time.RFC3339)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	colours := map[color.Color]bool{}
	for _, d := range []time.Duration{0, 19 * time.Minute, 30 * time.Minute} {
		p.now = func() time.Time { return at.Add(d) }
		p.rebuild()
		measure("timer " + p.timerText.Text)
		colours[p.timerText.Color] = true
	}
	if len(colours) != 3 {
		t.Errorf("the timer was measured in %d colours, not its three", len(colours))
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
	t.Logf("lowest contrast of large text %.2f:1: %s", got.minLarge, got.faintestLarge)
	if got.minSize < 28 {
		t.Errorf("smallest text %.1f px < 28 px: %s", got.minSize, got.smallest)
	}
	if got.minContrast < 7 {
		t.Errorf("contrast %.2f:1 < 7:1: %s", got.minContrast, got.faintest)
	}
	if got.minLarge < 4.5 {
		t.Errorf("large text's contrast %.2f:1 < 4.5:1: %s", got.minLarge, got.faintestLarge)
	}
}

// The timer near the end of its timebox is told from the timer before it
// at a glance, in the lightness alone (as a projector that washes colours
// out, or a colour-blind eye, sees it): at least 3:1 against the black of
// the time before, and apart from the red of the time over; and it reads
// on the white from the back of the room: at least 4.5:1, WCAG's bar for
// large text, which the timer is (bold, the heading's size) wherever it
// shows, 1920×1080 down to a 1024×768 projector.
func TestTimerNearTheEndIsToldFromBlack(t *testing.T) {
	r, p := nordrahti(t)
	if err := r.Ed.Edit(func(s *workshop.Session) error {
		s.CurrentStep = workshop.StepDrafts
		a := s.AgendaItem(workshop.StepDrafts)
		a.PlannedMin, a.UsedSec, a.RunningSince = 20, 19*60, at.Format(time.RFC3339)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, view := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 768}} {
		showAt(t, p, view.Width, view.Height)
		tm := p.timerText
		if tm == nil || tm.Text != "1:00" {
			t.Fatalf("%v: no timer near the end: %v", view, tm)
		}
		before, over := timerColor(workshop.TimerCalm), timerColor(workshop.TimerOver)
		if c := uitest.Contrast(tm.Color, colBackground); c < 4.5 {
			t.Errorf("%v: the near-end timer %v has %.2f:1 on the background, under 4.5:1", view, tm.Color, c)
		}
		if c := uitest.Contrast(tm.Color, before); c < 3 {
			t.Errorf("%v: the near-end timer %v has %.2f:1 against the timer before it (%v): too close to tell apart", view, tm.Color, c, before)
		}
		if c := uitest.Contrast(tm.Color, over); c < 1.4 {
			t.Errorf("%v: the near-end timer %v has %.2f:1 against the timer over time (%v)", view, tm.Color, c, over)
		}
		if !large(tm, view) {
			t.Errorf("%v: the timer is %.1f px bold %v: not large text, which its colour's contrast counts on", view, tm.TextSize, tm.TextStyle.Bold)
		}
	}
}
