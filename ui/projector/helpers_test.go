package projector

import (
	"image/color"
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
	"fyne.io/fyne/v2/theme"

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

// newProjector makes the room's projector with a theme of its own, and has
// the app's theme answer the projector's names from it, as the facilitator's
// window does (ui/theme.go). The app's theme is otherwise the dark one, so
// that a text the projector leaves to the app's theme shows (TestReadability).
// The latest projector's theme is the one the app's theme answers from.
func newProjector(r *room.Room) *Projector {
	th := NewTheme()
	a := fyne.CurrentApp()
	a.Settings().SetTheme(hostTheme{Theme: theme.DarkTheme(), proj: th})
	return New(a, r, th)
}

// hostTheme is an app theme that answers the projector's names.
type hostTheme struct {
	fyne.Theme
	proj *Theme
}

func (h hostTheme) Size(n fyne.ThemeSizeName) float32 {
	if v, ok := h.proj.Size(n); ok {
		return v
	}
	return h.Theme.Size(n)
}

func (h hostTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := h.proj.Color(n); ok {
		return c
	}
	return h.Theme.Color(n, v)
}

func nordrahti(t *testing.T) (*room.Room, *Projector) {
	test.NewTempApp(t)
	r := openRoom(t, fixture.Nordrahti())
	return r, newProjector(r)
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
