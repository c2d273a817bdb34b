package projector

import (
	"os"
	"testing"
	"time"

	"lupauspaja/workshop"
)

// TestRenderPages writes the projector's view of every step and of the
// presentation pages at 1920×1080, 1366×768 and 1280×720 to $PROJECTOR_RENDER_DIR
// (scripts/projector-check.sh renders into docs/projector).
func TestRenderPages(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	if dir == "" {
		t.Skip("PROJECTOR_RENDER_DIR not set")
	}
	r, _ := nordrahti(t)
	r.SetVotesRevealed(true)
	r.SetRatingsRevealed(true)
	for _, size := range []struct {
		w, h float32
		name string
	}{{1920, 1080, "1080"}, {1366, 768, "768"}, {1280, 720, "720"}} {
		p := newProjector(r) // one projector a window size
		win := showAt(t, p, size.w, size.h)
		keys := []string{workshop.StepSetup}
		for _, s := range workshop.Steps {
			keys = append(keys, s.Key)
		}
		keys = append(keys, workshop.StepBreak)
		for i, k := range keys {
			r.SetPresenting(false, 0)
			setStep(t, r, k)
			if k == workshop.StepBreak { // a break under way
				if err := r.Ed.Edit(func(s *workshop.Session) error {
					a := s.AgendaItem(k)
					a.UsedSec, a.RunningSince = 0, at.Add(-150*time.Second).Format(time.RFC3339)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			writePNG(t, win, dir, size.name+"-"+string(rune('a'+i))+"-"+k+".png")
		}
		setStep(t, r, workshop.StepEvaluation)
		r.SetVotesRevealed(false)
		r.SetRatingsRevealed(false)
		writePNG(t, win, dir, size.name+"-evaluation-blind.png")
		r.SetVotesRevealed(true)
		writePNG(t, win, dir, size.name+"-evaluation-dots.png")
		r.SetRatingsRevealed(true)
		for page := 0; page < numPages; page++ {
			r.SetPresenting(true, page)
			writePNG(t, win, dir, size.name+"-present-"+string(rune('1'+page))+".png")
		}
		r.SetPresenting(false, 0)
		r.SetHidden(true)
		writePNG(t, win, dir, size.name+"-hidden.png")
		r.SetHidden(false)
	}
}
