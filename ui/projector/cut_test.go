package projector

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// textBoxes are the drawn texts with their absolute top and bottom.
func textBoxes(o fyne.CanvasObject) (out []struct {
	t           *canvas.Text
	top, bottom float32
}) {
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if t, ok := obj.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, struct {
				t           *canvas.Text
				top, bottom float32
			}{t, pos.Y, pos.Y + t.Size().Height})
		}
	})
	return
}

// A purpose written at length and segments described at length: every
// line of a segment's description is whole, above the footer, and a text
// that does not fit ends in "…" at a line's end.
func TestPurposePageCutsNoLineInTheMiddle(t *testing.T) {
	test.NewTempApp(t)
	s := fixture.Nordrahti()
	long := strings.Repeat("Toimitamme tavarat sovitusti ja kerromme muutoksista ennen kuin asiakas kysyy. ", 4)
	s.Purpose.Why, s.Purpose.Whom, s.Purpose.Value = long, long, long
	for i := 0; i < 3; i++ {
		s.Segments = append(s.Segments, workshop.Segment{ID: "SX" + string(rune('1'+i)), Name: "Segmentti " + string(rune('A'+i)),
			Description: strings.Repeat("Pienet ja keskisuuret yritykset, jotka lähettävät kuluttajille isoja paketteja. ", 3)})
	}
	s.CurrentStep = workshop.StepPurpose
	r := openRoom(t, s)
	p := newProjector(r)
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1920, Height: 1080}, {Width: 1024, Height: 768}, {Width: 1366, Height: 768}} {
		win := showAt(t, p, size.Width, size.Height)
		if dir := os.Getenv("PROJECTOR_RENDER_DIR"); dir != "" {
			writePNG(t, win, dir, fmt.Sprintf("cut-purpose-%.0f.png", size.Width))
		}
		var foot float32 = size.Height
		boxes := textBoxes(win.Content())
		for _, b := range boxes {
			if strings.HasPrefix(b.t.Text, s.Organisation) {
				foot = b.top
			}
		}
		ellipsis := false
		for _, b := range boxes {
			ellipsis = ellipsis || strings.HasSuffix(b.t.Text, "…")
		}
		if !ellipsis {
			t.Errorf("%v: no text ends in an ellipsis, though the texts are longer than the page", size)
		}
		if !shows(win.Content(), "Pienet ja keskisuuret") {
			t.Errorf("%v: the segments' descriptions are not shown", size)
		}
		for _, b := range boxes {
			if b.bottom > foot+1 && !strings.HasPrefix(b.t.Text, s.Organisation) && !strings.HasPrefix(b.t.Text, "2 / ") {
				t.Errorf("%v: the line %q reaches %.0f, below the footer at %.0f", size, b.t.Text, b.bottom, foot)
			}
		}
	}
}
