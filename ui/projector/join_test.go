package projector

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/charts"
	"lupauspaja/ui/i18n"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// drawn is a text as the projector draws it, in the window's coordinates.
type drawn struct {
	text      string
	pos, size fyne.Position
}

func drawnTexts(o fyne.CanvasObject) []drawn {
	var out []drawn
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if t, ok := obj.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, drawn{t.Text, pos, fyne.NewPos(t.Size().Width, t.Size().Height)})
		}
	})
	return out
}

// footerTop is where the page's footer (the organisation and the title)
// starts: what is above it is the page's content.
func footerTop(t *testing.T, texts []drawn, org string, view fyne.Size) float32 {
	t.Helper()
	for _, d := range texts {
		if strings.HasPrefix(d.text, org) && d.pos.Y > view.Height/2 {
			return d.pos.Y
		}
	}
	t.Fatalf("no footer on the page")
	return 0
}

// moreLine reports whether a text is a "+N more" count of a grid or a chart.
func moreLine(s, key string) bool {
	for _, lang := range i18n.Languages {
		tail := strings.TrimPrefix(i18n.TIn(lang, key, map[string]int{"N": 1}), "+1")
		if strings.HasPrefix(s, "+") && strings.HasSuffix(s, tail) {
			return true
		}
	}
	return false
}

// chartMores are the "+N more" lines the page's bar charts draw.
func chartMores(o fyne.CanvasObject) []string {
	var out []string
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if b, ok := obj.(*charts.Bars); ok {
			for _, d := range drawnTexts(b) {
				if moreLine(d.text, "charts.more") {
					out = append(out, d.text)
				}
			}
		}
	})
	return out
}

// bodyBox is the page's content area as the window shows it: the clip
// that holds the step's body (what reaches past it is not drawn).
func bodyBox(o fyne.CanvasObject) (box placed) {
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if c, ok := obj.(*container.Clip); ok {
			box = placed{pos, c.Size()}
		}
	})
	return
}

// inside reports whether the text is drawn whole in the box (to a pixel).
func (b placed) inside(d drawn) bool {
	return d.pos.X >= b.pos.X-1 && d.pos.Y >= b.pos.Y-1 && d.pos.Y+d.size.Y <= b.pos.Y+b.size.Height+1 && d.pos.X < b.pos.X+b.size.Width
}

// showsIn reports whether the texts drawn whole in the box, in the order
// drawn, show s (which may wrap over lines).
func showsIn(texts []drawn, box placed, s string) bool {
	var b strings.Builder
	for _, d := range texts {
		if box.inside(d) {
			b.WriteString(d.text + " ")
		}
	}
	return strings.Contains(strings.Join(strings.Fields(b.String()), " "), strings.Join(strings.Fields(s), " "))
}

// With the room open, the phones' way in takes a narrow column beside the
// page's content and none of its height, at 1920×1080, 1280×720 and
// 1024×768: the content's box is as high as with the room closed; the
// ladder's five rungs (step 1, when the phones place them), the fist of
// five's six rows (step 7, a long promise above them) and the criteria
// chart's C1–C8 (step 6) are each drawn whole above the footer, inside the
// window, with no "+N more"; the profile (step 3) shows at least three
// quarters of the cards it shows with the room closed; no text is cut by the page's bottom edge; and the
// QR code stays the size it had in the old join strip (five and a half
// question lines), whole in the window, with the address and the code.
// PROJECTOR_RENDER_DIR=dir writes each page.
func TestTheRoomsJoinColumnLeavesTheStepOnThePage(t *testing.T) {
	dir := os.Getenv("PROJECTOR_RENDER_DIR")
	for _, lang := range []string{"fi", "en"} {
		test.NewTempApp(t)
		s := fixture.Nordrahti()
		s.Language = lang
		s.Decision.FinalText = strings.Repeat("Tiedät aina, missä tavarasi menee, ja jos jokin muuttuu, kuulet sen meiltä ensin. ", 4)[:300]
		r := openRoom(t, s)
		r.SetVotesRevealed(true)
		r.SetRatingsRevealed(true)
		join := &Join{Link: "http://192.168.100.200:54321/j/abcdefghijklmnopqrstuvwx", Short: "http://192.168.100.200:54321", Code: "K7P4QX"}
		for _, view := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 768}} {
			p := newProjector(r)
			win := showAt(t, p, view.Width, view.Height)
			scale := fyne.Min(view.Width/1920, view.Height/1080)
			var rungs, fingers []string
			for _, b := range charts.LadderBars(s, lang) {
				rungs = append(rungs, b.Label)
			}
			for _, b := range charts.FistBars(s, lang) {
				fingers = append(fingers, b.Label)
			}
			criteria := []string{"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"}
			pages := []struct {
				key  string
				must []string
			}{
				{workshop.StepBaseline, rungs},
				{workshop.StepProfile, nil},
				{workshop.StepEvaluation, nil}, // C1–C8, below
				{workshop.StepDecision, fingers},
			}
			for _, pg := range pages {
				setStep(t, r, pg.key)
				p.SetJoin(nil)
				closedBody := p.memo.next["clip"][0].Size()
				closedCards := profileCardsShown(win.Content(), s)
				p.SetJoin(join)
				where := fmt.Sprintf("%s %v %s", lang, view, pg.key)
				if dir != "" {
					writePNG(t, win, dir, fmt.Sprintf("join-%s-%.0f-%s.png", lang, view.Height, pg.key))
				}
				if body := p.memo.next["clip"][0].Size(); body.Height < closedBody.Height-0.5 {
					t.Errorf("%s: with the room open the content is %.0f px high, %.0f with it closed", where, body.Height, closedBody.Height)
				}
				texts := drawnTexts(win.Content())
				foot := footerTop(t, texts, s.Organisation, view)
				for _, d := range texts {
					if d.pos.Y+d.size.Y > foot+1 && d.pos.Y < foot-1 {
						t.Errorf("%s: %q is cut by the footer (%.0f–%.0f, the footer at %.0f)", where, d.text, d.pos.Y, d.pos.Y+d.size.Y, foot)
					}
					if d.pos.X >= view.Width || d.pos.Y+d.size.Y > view.Height+1 {
						t.Errorf("%s: %q is outside the window", where, d.text)
					}
				}
				for _, more := range chartMores(win.Content()) {
					t.Errorf("%s: %q instead of the whole chart", where, more)
				}
				box := bodyBox(win.Content())
				if box.size.Height <= 0 || box.pos.Y+box.size.Height > foot+1 {
					t.Fatalf("%s: the content's box %v reaches the footer at %.0f", where, box, foot)
				}
				for _, want := range pg.must {
					if !showsIn(texts, box, want) {
						t.Errorf("%s: %q is not drawn whole in the page's content area", where, want)
					}
				}
				if pg.key == workshop.StepEvaluation {
					for _, c := range criteria {
						if !slices.ContainsFunc(texts, func(d drawn) bool {
							return (d.text == c || strings.HasPrefix(d.text, c+" ")) && box.inside(d)
						}) {
							t.Errorf("%s: the criteria chart's label %s is not drawn whole in the page's content area", where, c)
						}
					}
				}
				if pg.key == workshop.StepProfile {
					// The column's width costs a 4:3 projector a card or
					// a few of the twelve; the old strip's height cost half.
					open := profileCardsShown(win.Content(), s)
					if open*4 < closedCards*3 {
						t.Errorf("%s: %d profile cards with the room open, %d with it closed", where, open, closedCards)
					}
					t.Logf("%s: %d profile cards with the room open, %d with it closed", where, open, closedCards)
				}
				side := baseSizes[sizeQuestion] * 5.5 * scale
				qr := qrImage(win.Content())
				if qr == nil {
					t.Fatalf("%s: no QR code", where)
				}
				if qr.size.Width < side-0.5 || qr.size.Height < side-0.5 {
					t.Errorf("%s: the QR code is %.0f×%.0f px, smaller than %.0f", where, qr.size.Width, qr.size.Height, side)
				}
				if qr.pos.X+qr.size.Width > view.Width+0.5 || qr.pos.Y+qr.size.Height > foot+0.5 || qr.pos.Y < 0 {
					t.Errorf("%s: the QR code at %v %v is not whole above the footer", where, qr.pos, qr.size)
				}
				for _, want := range []string{join.Short, "K7P4QX"} {
					if !shows(win.Content(), want) {
						t.Errorf("%s: the page lacks %q", where, want)
					}
				}
			}
			p.SetJoin(nil)
		}
	}
}

// profileCardsShown counts the profile's items whose texts the page shows.
func profileCardsShown(o fyne.CanvasObject, s *workshop.Session) int {
	n := 0
	for _, it := range s.ProfileItems {
		if shows(o, strings.Fields(it.Text)[0]+" "+strings.Fields(it.Text)[1]) {
			n++
		}
	}
	return n
}

type placed struct {
	pos  fyne.Position
	size fyne.Size
}

// qrImage is where the join column's QR code is drawn, or nil.
func qrImage(o fyne.CanvasObject) *placed {
	var out *placed
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if img, ok := obj.(*canvas.Image); ok && img.Image != nil {
			out = &placed{pos, img.Size()}
		}
	})
	return out
}
