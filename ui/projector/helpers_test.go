package projector

import (
	"image/png"
	"lupauspaja/ui/uitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/room"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/testkit"
)

// at is the projector's clock in the tests: timers are computed against it.
var at = time.Date(2026, 12, 3, 9, 40, 0, 0, time.UTC)

// openRoom stores the session in a fresh database and opens it as the
// facilitator's GUI does.
func openRoom(t testing.TB, s *workshop.Session) *room.Room {
	t.Helper()
	return room.New(testkit.Editor(t, s))
}

// showAt puts the projector's content in a test window of the size.
func showAt(t *testing.T, p *Projector, w, h float32) fyne.Window {
	t.Helper()
	p.now = func() time.Time { return at }
	win := test.NewTempWindow(t, p.Content())
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return win
}

func nordrahti(t *testing.T) (*room.Room, *Projector) {
	test.NewTempApp(t)
	r := openRoom(t, fixture.Nordrahti())
	return r, New(fyne.CurrentApp(), r)
}

// setStep moves the facilitator to a step, as the step list does.
func setStep(t *testing.T, r *room.Room, key string) {
	t.Helper()
	if err := r.Ed.Edit(func(s *workshop.Session) error {
		s.CurrentStep = key
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// shownTexts are the texts the projector draws now: every visible canvas
// text under the content (labels draw theirs as canvas texts too).
func shownTexts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	uitest.WalkShown(o, fyne.NewPos(0, 0), func(obj fyne.CanvasObject, pos fyne.Position) {
		if t, ok := obj.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, t)
		}
	})
	return out
}

func joined(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, t := range shownTexts(o) {
		b.WriteString(t.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// writePNG saves what the window shows, for a person to look at.
func writePNG(t *testing.T, win fyne.Window, dir, name string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// shows reports whether the projector shows s, which may wrap over lines.
func shows(o fyne.CanvasObject, s string) bool {
	return strings.Contains(strings.Join(strings.Fields(joined(o)), " "), strings.Join(strings.Fields(s), " "))
}
