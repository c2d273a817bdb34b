package ui

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/assets"
	"lupauspaja/ui/button"
	"lupauspaja/ui/uitest"
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
		// The button's own colour, at its left edge (outside a primary
		// one's ring).
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

// A focused primary button shows its focus at 3:1 or more against itself
// unfocused (WCAG 2.4.13 and 1.4.11: the focus is drawn where it changes
// by 3:1): a ring in its text colour inside its edge, in both variants.
// The focus shade alone left a teal button at 1.31:1 on the light variant
// and 1.58:1 on the dark one, and no one shade can do it without taking
// the text of the grey buttons under 4.5:1. Its text stays at 4.5:1 or
// more, and the ring lies in the button's padding, off its text and icon:
// the pixels left of the icon and right of the text are the only ones
// that change beyond the shade. Read from the window as drawn.
// SCREENSHOTS=folder saves the button unfocused and focused, on light and
// on dark.
func TestAFocusedPrimaryButtonShowsARing(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		a := test.NewTempApp(t)
		th := heldTheme{newTheme(nil), v}
		a.Settings().SetTheme(th)
		b := button.Primary("Avaa huone", theme.ConfirmIcon(), func() {})
		other := button.New("Peru", theme.CancelIcon(), func() {})
		w := test.NewTempWindow(t, container.NewPadded(container.NewHBox(other, b)))
		w.Resize(fyne.NewSize(360, 120))
		scale := w.Canvas().Scale()
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		size := b.Size()
		px := func(img image.Image, x, y float32) color.Color {
			return img.At(int((p.X+x)*scale), int((p.Y+y)*scale))
		}
		plain := w.Canvas().Capture()
		w.Canvas().Focus(b)
		focused := w.Canvas().Capture()
		if dir != "" {
			w.Canvas().Unfocus()
			capture(t, w, dir, "primary-"+name)
			w.Canvas().Focus(b)
			capture(t, w, dir, "primary-"+name+"-focused")
		}
		// The strongest change along the button's middle row, in its
		// left padding, and down its middle column, in its top padding.
		pad := th.Size(theme.SizeNameInnerPadding)
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
			t.Errorf("%s: a focused primary button changes by %.2f:1 at its left and %.2f:1 at its top, want 3:1", name, left, top)
		}
		if c := uitest.Contrast(th.Color(theme.ColorNameForegroundOnPrimary, v), px(focused, 1, size.Height/2)); c < 4.5 {
			t.Errorf("%s: a focused primary button's text reads at %.1f:1", name, c)
		}
		// The ring is inside the padding: none of it where the icon and
		// the text are drawn.
		if !b.Ringed() {
			t.Fatalf("%s: the focused primary button shows no ring", name)
		}
		ring := uitest.Find[*canvas.Rectangle](b, func(r *canvas.Rectangle) bool { return r.StrokeWidth > 0 && r.Visible() })
		if ring == nil {
			t.Fatalf("%s: no ring drawn in the button", name)
		}
		uitest.Walk(b, func(o fyne.CanvasObject) {
			switch o.(type) {
			case *canvas.Image, *widget.RichText:
				in := o.Position()
				if in.X < ring.Position().X+ring.StrokeWidth || in.Y < ring.Position().Y+ring.StrokeWidth ||
					in.X+o.Size().Width > ring.Position().X+ring.Size().Width-ring.StrokeWidth ||
					in.Y+o.Size().Height > ring.Position().Y+ring.Size().Height-ring.StrokeWidth {
					t.Errorf("%s: the ring (%v %v) crosses the button's %T at %v %v", name, ring.Position(), ring.Size(), o, in, o.Size())
				}
			}
		})
		// The grey button beside it shows the shade alone, and the ring
		// goes with the focus.
		w.Canvas().Focus(other)
		if b.Ringed() || other.Ringed() {
			t.Errorf("%s: the ring stays on the primary button (%v) or shows on a grey one (%v)", name, b.Ringed(), other.Ringed())
		}
	}
}
