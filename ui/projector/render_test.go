package projector

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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

// TestRenderPagesLarge is the projector's pages of a large room: 40 drafts,
// a long final promise and rationale, with the phones' room closed and
// open, at 1920×1080, 1280×720 and 1024×768, in Finnish and English,
// every step and the presentation. On each page no text is cut by the
// edge of the page's content area or reaches outside the window;
// $PROJECTOR_RENDER_DIR gets each page as large-LANG-HEIGHT-ROOM-PAGE.png.
func TestRenderPagesLarge(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	long := strings.Repeat("Tiedät aina, missä tavarasi menee, ja jos jokin muuttuu, kuulet sen meiltä ensin. ", 4)[:300]
	for _, lang := range []string{"fi", "en"} {
		test.NewTempApp(t)
		s := withDrafts(40)
		s.Language = lang
		s.Decision.FinalText = long
		s.Decision.Rationale = strings.Repeat("Perustelu, joka on pitkä ja jossa on paljon sanoja huoneelle. ", 8)
		r := openRoom(t, s)
		r.SetVotesRevealed(true)
		r.SetRatingsRevealed(true)
		for _, view := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 768}} {
			p := newProjector(r)
			win := showAt(t, p, view.Width, view.Height)
			for _, open := range []bool{false, true} {
				if open {
					p.SetJoin(&Join{Link: "http://192.168.100.200:54321/j/abcdefghijklmnopqrstuvwx", Short: "http://192.168.100.200:54321", Code: "K7P4QX"})
				} else {
					p.SetJoin(nil)
				}
				room := map[bool]string{false: "closed", true: "open"}[open]
				check := func(page string) {
					t.Helper()
					where := fmt.Sprintf("%s %v room %s %s", lang, view, room, page)
					if dir != "" {
						writePNG(t, win, dir, fmt.Sprintf("large-%s-%.0f-%s-%s.png", lang, view.Height, room, page))
					}
					box := bodyBox(win.Content())
					for _, d := range drawnTexts(win.Content()) {
						if d.pos.X < -1 || d.pos.X >= view.Width || d.pos.Y < -1 || d.pos.Y+d.size.Y > view.Height+1 {
							t.Errorf("%s: %q at %v is outside the window", where, d.text, d.pos)
						}
						top, bottom := d.pos.Y, d.pos.Y+d.size.Y
						in := func(y float32) bool { return y > box.pos.Y+1 && y < box.pos.Y+box.size.Height-1 }
						beside := d.pos.X >= box.pos.X+box.size.Width // the join column
						if (in(top) || in(bottom)) && !beside && !box.inside(d) {
							t.Errorf("%s: %q (%.0f–%.0f) is cut by the content area (%.0f–%.0f)", where, d.text, top, bottom, box.pos.Y, box.pos.Y+box.size.Height)
						}
					}
				}
				for _, k := range s.Pages(false) {
					r.SetPresenting(false, 0)
					setStep(t, r, k)
					check(k)
				}
				for page := 0; page < numPages; page++ {
					r.SetPresenting(true, page)
					check(fmt.Sprintf("present%d", page+1))
				}
				r.SetPresenting(false, 0)
			}
		}
	}
}
