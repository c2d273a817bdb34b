package projector

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
)

// shownText is what a text draws, its rows joined.
func shownText(rt *ptext) string {
	var rows []string
	for _, o := range test.WidgetRenderer(rt).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			rows = append(rows, t.Text)
		}
	}
	return strings.Join(rows, "")
}

// testState is a rendering state under the projector's theme at its
// 1920×1080 scale.
func testState(t *testing.T) *state {
	t.Helper()
	test.NewTempApp(t)
	th := NewTheme()
	fyne.CurrentApp().Settings().SetTheme(hostTheme{Theme: theme.DarkTheme(), proj: th})
	m := &memo{}
	m.begin()
	return &state{th: th, lang: "fi", memo: m}
}

// A line shows its whole text where it fits, ends in "…" where it does
// not, whichever it was before, and asks for the same room either way.
func TestLineShowsWholeOrEndsInEllipsis(t *testing.T) {
	st := testState(t)
	const whole = "Tavarasi perillä sovittuna päivänä – äläkä huolestu"
	l := st.line(whole, sizeText, true)
	min := l.MinSize()
	test.NewTempWindow(t, l)
	wide := fyne.NewSize(2000, min.Height)
	narrow := fyne.NewSize(min.Width*4, min.Height)
	for i, c := range []struct {
		size  fyne.Size
		whole bool
	}{{wide, true}, {narrow, false}, {wide, true}, {narrow, false}, {narrow.AddWidthHeight(0, 10), false}, {wide, true}} {
		l.Resize(c.size)
		got := shownText(l)
		if c.whole && got != whole {
			t.Errorf("%d: at %v the line shows %q, not its whole text", i, c.size, got)
		}
		if !c.whole && (!strings.HasSuffix(got, "…") || len([]rune(got)) >= len([]rune(whole))) {
			t.Errorf("%d: at %v the line shows %q, not a part of it ending in …", i, c.size, got)
		}
		if m := l.MinSize(); m != min {
			t.Errorf("%d: at %v the line asks for %v, made it asked for %v", i, c.size, m, min)
		}
	}
	// A longer text given to a line that showed its whole text, at the
	// same size: now it is cut.
	l.Resize(fyne.NewSize(l.MinSize().Width+fyne.MeasureText(whole, st.size(sizeText), fyne.TextStyle{Bold: true}).Width, min.Height))
	if got := shownText(l); got != whole {
		t.Fatalf("the line shows %q at a width its text fits", got)
	}
	seg(l).Text = strings.Repeat(whole+" ", 3)
	l.Refresh()
	if got := shownText(l); !strings.HasSuffix(got, "…") {
		t.Errorf("a longer text at the same width shows %q, not cut with …", got)
	}
}

// A clamp laid out again at a size it had shows the same whole lines as
// the first time, after being laid out at other sizes in between, and
// whole again where it fits.
func TestClampAgainAtASizeItHad(t *testing.T) {
	st := testState(t)
	full := strings.TrimSpace(strings.Repeat("Kerromme poikkeamasta ennen kuin asiakkaasi ehtii kysyä. ", 6))
	rt := st.text(full, sizeBody, false)
	c := st.clampText(rt, full)
	test.NewTempWindow(t, c)
	short := fyne.NewSize(500, rt.MinSize().Height) // after a width's wrap, set below
	c.Resize(fyne.NewSize(500, 2000))
	tall := c.MinSize()
	if got := seg(rt).Text; got != full {
		t.Fatalf("given all the height it needs the clamp shows %q", got)
	}
	short.Height = tall.Height / 2
	c.Resize(short)
	cut := seg(rt).Text
	if !strings.HasSuffix(cut, "…") || len(cut) >= len(full) {
		t.Fatalf("given half the height it shows %q", cut)
	}
	for _, s := range []fyne.Size{{Width: 800, Height: 100}, {Width: 500, Height: 2000}, short, {Width: 300, Height: 60}, short} {
		c.Resize(s)
	}
	if got := seg(rt).Text; got != cut {
		t.Errorf("at %v again it shows %q, the first time %q", short, got, cut)
	}
	if c.MinSize().Height != tall.Height {
		t.Errorf("its whole height at width 500 is %v again, was %v", c.MinSize().Height, tall.Height)
	}
	c.Resize(fyne.NewSize(500, 2000))
	if got := seg(rt).Text; got != full {
		t.Errorf("given all the height again it shows %q", got)
	}
	// At a smaller text size (a grid shrinking its cards) the same box
	// holds more of the text.
	seg(rt).Style.SizeName = sizeText
	rt.Refresh()
	c.Resize(short)
	if got := seg(rt).Text; len(got) <= len(cut) {
		t.Errorf("at the smaller size it shows %q, no more than %q", got, cut)
	}
}

// A card in a column of cards is as high as what it holds, or lower when
// it is shortened: never higher, also when the columns set their texts
// smaller to fit (setShrunk), after which the cards were measured again at
// the size they already had.
func TestColumnCardsAreNoHigherThanTheirText(t *testing.T) {
	r, p := nordrahti(t)
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}, {Width: 1280, Height: 720}} {
		win := showAt(t, p, size.Width, size.Height)
		for _, step := range []string{workshop.StepNextSteps, workshop.StepValueMap} {
			setStep(t, r, step)
			cards := 0
			uitest.WalkShown(win.Content(), fyne.NewPos(0, 0), func(o fyne.CanvasObject, _ fyne.Position) {
				ct, ok := o.(*fyne.Container)
				if !ok {
					return
				}
				g, ok := ct.Layout.(*flowGrid)
				if !ok || g.maxCols != 1 {
					return
				}
				for i, tl := range g.tiles(ct.Objects) {
					if !tl.Visible() {
						continue
					}
					cards++
					if h, m := tl.Size().Height, tl.MinSize().Height; h > m+0.5 {
						t.Errorf("%v %s: card %d is %.0f high, its text %.0f", size, step, i, h, m)
					}
				}
			})
			if cards == 0 {
				t.Fatalf("%v %s: no column of cards", size, step)
			}
		}
	}
}
