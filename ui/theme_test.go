package ui

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/assets"
	"lupauspaja/ui/button"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The window and the PDF report draw with the same Noto Sans files, the
// ones shipped in assets with their licence.
func TestThemeDrawsTextWithTheFontsInAssets(t *testing.T) {
	th := newTheme(nil)
	for _, c := range []struct {
		name  string
		style fyne.TextStyle
		want  []byte
		fynes fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular, theme.DefaultTextFont()},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold, theme.DefaultTextBoldFont()},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontItalic, theme.DefaultTextItalicFont()},
	} {
		if got := th.Font(c.style).Content(); !bytes.Equal(got, c.want) {
			t.Errorf("%s: the theme's font is not the one in assets (%d bytes, want %d)", c.name, len(got), len(c.want))
		}
		// Fyne's own resource, not a copy: Fyne would parse a copy as
		// well as its default font, for every style and theme scope.
		if th.Font(c.style) != c.fynes {
			t.Errorf("%s: the theme's font is a resource of its own, not Fyne's", c.name)
		}
	}
	if !bytes.Contains(assets.FontLicence, []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Error("assets/fonts/OFL.txt does not hold the Open Font License")
	}
}

// Hints and notes (labels of low importance, drawn in the disabled colour)
// read at 4.5:1 or more on the window's background in both variants, and
// stay lighter than the text, so that they read as secondary.
func TestMutedTextIsReadable(t *testing.T) {
	th := newTheme(nil)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		muted := uitest.Contrast(th.Color(theme.ColorNameDisabled, v), bg)
		text := uitest.Contrast(th.Color(theme.ColorNameForeground, v), bg)
		if muted < 4.5 {
			t.Errorf("variant %d: muted text at %.1f:1 on the background", v, muted)
		}
		if text-muted < 1.5 {
			t.Errorf("variant %d: muted text (%.1f:1) is hardly apart from the text (%.1f:1)", v, muted, text)
		}
	}
}

// heldTheme is the app's theme held to one variant, whatever the system's.
type heldTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t heldTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// A focused button looks unlike itself unfocused, whatever its importance,
// in both variants, and its text stays readable: the focus used to be the
// opaque accent, which left a focused teal button (Next, Avaa huone, Vie PDF,
// Uusi työpaja) as it was and turned every other one, the red Poista too,
// solid teal. Read from the window as drawn. SCREENSHOTS=folder saves the
// buttons unfocused and then each focused.
func TestFocusShowsOnEveryButton(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		a := test.NewTempApp(t)
		th := heldTheme{newTheme(nil), v}
		a.Settings().SetTheme(th)
		kinds := []struct {
			name string
			imp  widget.Importance
			text fyne.ThemeColorName
		}{
			{"medium", widget.MediumImportance, theme.ColorNameForeground},
			{"low", widget.LowImportance, theme.ColorNameForeground},
			{"high", widget.HighImportance, theme.ColorNameForegroundOnPrimary},
			{"danger", widget.DangerImportance, theme.ColorNameForegroundOnError},
		}
		var buttons []*button.Button
		box := container.NewVBox()
		for _, k := range kinds {
			b := button.New("Avaa huone", theme.ConfirmIcon(), func() {})
			b.Importance = k.imp
			buttons = append(buttons, b)
			box.Add(container.NewHBox(b))
		}
		w := test.NewTempWindow(t, container.NewPadded(box))
		w.Resize(fyne.NewSize(320, 300))
		// The button's own colour, at its left edge (outside its ring).
		at := func(img image.Image, b *button.Button) color.Color {
			p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			scale := w.Canvas().Scale()
			return img.At(int((p.X+1)*scale), int((p.Y+b.Size().Height/2)*scale))
		}
		plain := w.Canvas().Capture()
		if dir != "" {
			capture(t, w, dir, "focus-"+name)
		}
		for i, k := range kinds {
			w.Canvas().Focus(buttons[i])
			focused := w.Canvas().Capture()
			if dir != "" {
				capture(t, w, dir, "focus-"+name+"-"+k.name)
			}
			before, after := at(plain, buttons[i]), at(focused, buttons[i])
			if c := uitest.Contrast(before, after); c < 1.3 {
				t.Errorf("%s, %s button: focused %v and unfocused %v are %.2f:1 apart", name, k.name, after, before, c)
			}
			if c := uitest.Contrast(th.Color(k.text, v), after); c < 4.5 {
				t.Errorf("%s, %s button: its text reads at %.1f:1 when focused", name, k.name, c)
			}
			// The other buttons look as they did: the focus is on one.
			for j := range kinds {
				if j != i && at(focused, buttons[j]) != at(plain, buttons[j]) {
					t.Errorf("%s: focusing the %s button changed the %s one", name, k.name, kinds[j].name)
				}
			}
		}
		// A danger button keeps its red when focused.
		w.Canvas().Focus(buttons[3])
		r, g, bl, _ := at(w.Canvas().Capture(), buttons[3]).RGBA()
		if r <= g || r <= bl {
			t.Errorf("%s: a focused danger button is no longer red (%d %d %d)", name, r>>8, g>>8, bl>>8)
		}
	}
}

// Every kind of button's words read at 4.5:1 or more on the button in both
// variants, unfocused, hovered and focused (a button's text is 16 px bold,
// not large text), computed from the theme as Fyne paints a button: its
// colour, with the focus or hover shade laid over it (a low-importance
// button has none of its own: the window's background, or the button
// colour under a shade). Fyne's red took white at 3.68:1 on light, the
// dark teal the dark text at 4.26:1, the orange white at 2.16:1. Its focus
// ring is in its text colour: 3:1 or more from the button unfocused where
// it is drawn, and from the focused button around it.
func TestButtonTextIsReadable(t *testing.T) {
	th := newTheme(nil)
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		for _, k := range buttonKinds {
			text := c(button.TextColor(k.imp))
			plain, under := c(theme.ColorNameBackground), c(theme.ColorNameButton)
			if bg := button.FillColor(k.imp); bg != "" {
				plain, under = c(bg), c(bg)
			}
			states := map[string]color.Color{
				"unfocused": plain,
				"hovered":   blendOver(under, c(theme.ColorNameHover)),
				"focused":   blendOver(under, c(theme.ColorNameFocus)),
			}
			for state, bg := range states {
				if r := uitest.Contrast(text, bg); r < 4.5 {
					t.Errorf("%s, %s button, %s: its text reads at %.2f:1", name, k.name, state, r)
				}
			}
			if r := uitest.Contrast(text, plain); r < 3 {
				t.Errorf("%s, %s button: the focus ring is %.2f:1 from the button unfocused", name, k.name, r)
			}
			if r := uitest.Contrast(text, states["focused"]); r < 3 {
				t.Errorf("%s, %s button: the focus ring is %.2f:1 from the focused button", name, k.name, r)
			}
		}
	}
}

// blendOver lays over on under as Fyne's button does with its focus and
// hover shades (widget/button.go, blendColor): the over operator on
// premultiplied colours.
func blendOver(under, over color.Color) color.Color {
	dr, dg, db, da := under.RGBA()
	sr, sg, sb, sa := over.RGBA()
	blend := func(src, dst uint32) uint16 { return uint16((src + dst - dst*sa/0xffff) & 0xffff) }
	return color.RGBA64{R: blend(sr, dr), G: blend(sg, dg), B: blend(sb, db), A: blend(sa, da)}
}

// A focused button of every importance shows its focus at 3:1 or more
// against itself unfocused (WCAG 2.4.13 and 1.4.11: the focus is drawn
// where it changes by 3:1): a ring in its text colour inside its edge, in
// both variants. The focus shade alone changed a teal button by 1.31:1 on
// the light variant (1.58:1 on the dark one), a red one by 1.39:1, a grey
// one by 1.49:1 (2.5:1 on dark), and no one shade can do it without taking
// the text of the grey buttons under 4.5:1. Its text stays at 4.5:1 or
// more, and the ring lies in the button's padding, off its text and icon:
// the pixels left of the icon and right of the text are the only ones
// that change beyond the shade. The ring goes with the focus to the next
// button. Read from the window as drawn. SCREENSHOTS=folder saves the
// buttons unfocused and each focused, on light and on dark.
func TestAFocusedButtonShowsARing(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	kinds := buttonKinds
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		a := test.NewTempApp(t)
		th := heldTheme{newTheme(nil), v}
		a.Settings().SetTheme(th)
		var buttons []*button.Button
		box := container.NewVBox()
		for _, k := range kinds {
			b := button.New("Avaa huone", theme.ConfirmIcon(), func() {})
			b.Importance = k.imp
			buttons = append(buttons, b)
			box.Add(container.NewHBox(b))
		}
		w := test.NewTempWindow(t, container.NewPadded(box))
		w.Resize(fyne.NewSize(320, 300))
		scale := w.Canvas().Scale()
		plain := w.Canvas().Capture()
		if dir != "" {
			capture(t, w, dir, "ring-"+name)
		}
		pad := th.Size(theme.SizeNameInnerPadding)
		for i, k := range kinds {
			b := buttons[i]
			p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			size := b.Size()
			px := func(img image.Image, x, y float32) color.Color {
				return img.At(int((p.X+x)*scale), int((p.Y+y)*scale))
			}
			w.Canvas().Focus(b)
			focused := w.Canvas().Capture()
			if dir != "" {
				capture(t, w, dir, "ring-"+name+"-"+k.name)
			}
			// The strongest change along the button's middle row, in its
			// left padding, and down its middle column, in its top padding.
			most := func(along func(d float32) (x, y float32)) (c float64) {
				for d := float32(0); d < pad; d++ {
					x, y := along(d)
					c = max(c, uitest.Contrast(px(plain, x, y), px(focused, x, y)))
				}
				return c
			}
			left := most(func(d float32) (float32, float32) { return d, size.Height / 2 })
			top := most(func(d float32) (float32, float32) { return size.Width / 2, d })
			if left < 3 || top < 3 {
				t.Errorf("%s, %s button: focused, it changes by %.2f:1 at its left and %.2f:1 at its top, want 3:1", name, k.name, left, top)
			}
			if c := uitest.Contrast(th.Color(button.TextColor(k.imp), v), px(focused, 1, size.Height/2)); c < 4.5 {
				t.Errorf("%s, %s button: focused, its text reads at %.1f:1", name, k.name, c)
			}
			// The ring is inside the padding: none of it where the icon
			// and the text are drawn.
			if !b.Ringed() {
				t.Fatalf("%s, %s button: focused, it shows no ring", name, k.name)
			}
			if i > 0 && buttons[i-1].Ringed() {
				t.Errorf("%s: the ring stays on the %s button after the focus left it", name, kinds[i-1].name)
			}
			ring := uitest.Find[*canvas.Rectangle](b, func(r *canvas.Rectangle) bool { return r.StrokeWidth > 0 && r.Visible() })
			if ring == nil {
				t.Fatalf("%s, %s button: no ring drawn in it", name, k.name)
			}
			uitest.Walk(b, func(o fyne.CanvasObject) {
				switch o.(type) {
				case *canvas.Image, *widget.RichText:
					in := o.Position()
					if in.X < ring.Position().X+ring.StrokeWidth || in.Y < ring.Position().Y+ring.StrokeWidth ||
						in.X+o.Size().Width > ring.Position().X+ring.Size().Width-ring.StrokeWidth ||
						in.Y+o.Size().Height > ring.Position().Y+ring.Size().Height-ring.StrokeWidth {
						t.Errorf("%s, %s button: the ring (%v %v) crosses its %T at %v %v", name, k.name, ring.Position(), ring.Size(), o, in, o.Size())
					}
				}
			})
		}
		w.Canvas().Unfocus()
		for i, b := range buttons {
			if b.Ringed() {
				t.Errorf("%s: the %s button keeps its ring unfocused", name, kinds[i].name)
			}
		}
	}
}

// The timer's time and the planned time beside it read on the amber of the
// last minutes and the red of over time, in both variants: the time at
// 4.5:1 or more (34 px bold is large text, but no less is asked of it),
// the planned time too. On light, Fyne's white time read at 2.16:1 on the
// amber and 3.68:1 on the red; the planned time, in the window's text
// colour, at 1.99:1 on that red (on light) and 1.94:1 on the amber (dark).
func TestTheTimerReadsOnItsColour(t *testing.T) {
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		u, st, _ := newTestUI(t)
		u.app.Settings().SetTheme(heldTheme{u.app.Settings().Theme(), v})
		clk := &fakeClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)}
		u.now = clk.now
		id := createSession(t, st, workshop.NewSession("fi"))
		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		u.ws.goTo(workshop.StepBaseline)
		u.ws.toggleTimer()
		h := u.ws.header
		for _, phase := range []struct {
			name  string
			after time.Duration
		}{{"the last minutes", 9 * time.Minute}, {"over time", 2 * time.Minute}} {
			clk.t = clk.t.Add(phase.after)
			u.ws.tick()
			bg := h.urgent.FillColor
			if _, _, _, a := bg.RGBA(); a != 0xffff {
				t.Fatalf("%s, %s: the timer has no colour of its own (%v)", name, phase.name, bg)
			}
			if c := uitest.Contrast(h.left.Color, bg); c < 4.5 {
				t.Errorf("%s, %s: the time reads at %.2f:1", name, phase.name, c)
			}
			if c := uitest.Contrast(theme.Color(h.plan.Style.ColorName), bg); c < 4.5 {
				t.Errorf("%s, %s: the planned time reads at %.2f:1", name, phase.name, c)
			}
		}
	}
}

// Every button the main window shows, on the sessions list, the setup, each
// step and the summary of the example workshop, is the app's (button.Button,
// a dialog's keyButton), whose focus is a ring: a plain widget.Button shows
// its focus only as the shade, by 1.39–2.5:1.
func TestEveryShownButtonShowsItsFocus(t *testing.T) {
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	u.home.reload()
	u.home.selectID(id)
	look := func(where string) {
		t.Helper()
		objs := append([]fyne.CanvasObject{u.win.Canvas().Content()}, u.win.Canvas().Overlays().List()...)
		for _, o := range objs {
			uitest.WalkShown(o, fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
				if b, ok := o.(*widget.Button); ok {
					t.Errorf("%s: the button %q (icon %v) is a plain widget.Button", where, b.Text, b.Icon != nil)
				}
			})
		}
	}
	look("home")
	u.showAbout()
	look("about")
	u.win.Canvas().Overlays().Remove(topOverlay(u))
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepSetup)
	look("setup")
	for _, s := range workshop.Steps {
		u.ws.goTo(s.Key)
		look(s.Key)
	}
	u.ws.goTo(workshop.StepSummary)
	look("summary")
}

// Text in the colour of a sign (a warning such as "Lupausta ei ole vielä
// validoitu", a measure on track, an error) reads at 4.5:1 on the window's
// background in both variants, as every other text does.
func TestSignTextIsReadable(t *testing.T) {
	th := newTheme(nil)
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNameError} {
			if r := uitest.Contrast(th.Color(n, v), bg); r < 4.5 {
				t.Errorf("%s: %s text reads at %.2f:1 on the background", name, n, r)
			}
		}
	}
}

// A variant that is neither light nor dark (Fyne's test app reports one)
// is drawn as dark throughout, as Fyne's own theme draws it: not the dark
// palette with the light variant's accent and muted text.
func TestAnOtherVariantIsDrawnDark(t *testing.T) {
	th := newTheme(nil)
	other := fyne.ThemeVariant(2)
	for _, n := range []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary, theme.ColorNameDisabled,
		theme.ColorNameFocus, theme.ColorNameSelection, theme.ColorNameBackground, theme.ColorNameWarning, theme.ColorNameError} {
		if got, dark := th.Color(n, other), th.Color(n, theme.VariantDark); got != dark {
			t.Errorf("%s in variant %d is %v, dark is %v", n, other, got, dark)
		}
	}
}

// buttonKinds are the importances a button of the app is drawn in.
var buttonKinds = []struct {
	name string
	imp  widget.Importance
}{
	{"medium", widget.MediumImportance},
	{"low", widget.LowImportance},
	{"high", widget.HighImportance},
	{"danger", widget.DangerImportance},
	{"warning", widget.WarningImportance},
	{"success", widget.SuccessImportance},
}
