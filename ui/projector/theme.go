package projector

import (
	"image/color"
	"math"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Size names of the projector's own text roles, on top of the theme's
// text (the smallest text on screen), subheading and heading.
const (
	sizeBody     fyne.ThemeSizeName = "projector.body"     // card texts
	sizeQuestion fyne.ThemeSizeName = "projector.question" // the step's questions
	sizeTimer    fyne.ThemeSizeName = "projector.timer"
	sizePromise  fyne.ThemeSizeName = "projector.promise" // the final promise
)

// Sizes at a 1920×1080 view; they scale with the view so that a smaller
// window shows the same page, not a different one. The smallest text is 30 px
// (the room's bar is 28 px); captions are never smaller than the text.
var baseSizes = map[fyne.ThemeSizeName]float32{
	theme.SizeNameText:               30,
	theme.SizeNameCaptionText:        30,
	sizeBody:                         38,
	theme.SizeNameSubHeadingText:     44,
	sizeQuestion:                     44,
	theme.SizeNameHeadingText:        56,
	sizeTimer:                        56,
	sizePromise:                      76,
	theme.SizeNamePadding:            10,
	theme.SizeNameInnerPadding:       8,
	theme.SizeNameLineSpacing:        6,
	theme.SizeNameInlineIcon:         30,
	theme.SizeNameSeparatorThickness: 2,
	theme.SizeNameInputRadius:        8,
	theme.SizeNameSelectionRadius:    8,
}

// Colours: a light theme whatever the app's variant, because projectors wash
// out dark themes; every text colour has at least 7:1 contrast on the
// background and on the tiles (measured by TestReadability).
var (
	colBackground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colForeground = color.NRGBA{0x14, 0x14, 0x14, 0xff}
	colMuted      = color.NRGBA{0x45, 0x45, 0x45, 0xff} // secondary text, still ≥ 7:1
	colPrimary    = color.NRGBA{0x0a, 0x48, 0x8f, 0xff}
	colTile       = color.NRGBA{0xee, 0xf1, 0xf5, 0xff}
	colTileEdge   = color.NRGBA{0xc9, 0xd1, 0xdb, 0xff}
	colPain       = color.NRGBA{0x92, 0x18, 0x18, 0xff}
	colGain       = color.NRGBA{0x17, 0x55, 0x1c, 0xff}
	colWarning    = color.NRGBA{0x6b, 0x3a, 0x00, 0xff} // near the end of the timebox
	colUrgent     = color.NRGBA{0xa0, 0x00, 0x00, 0xff} // over time
)

// projTheme is the default theme, light and large. It is applied with a
// theme override, so the widgets are the ordinary ones.
type projTheme struct {
	fyne.Theme
	scale atomic.Uint32 // math.Float32bits of the view's scale
}

func newTheme() *projTheme {
	t := &projTheme{Theme: theme.DefaultTheme()}
	t.setScale(1)
	return t
}

func (t *projTheme) setScale(s float32) bool {
	if s < 0.4 {
		s = 0.4 // a tiny preview window stays legible on the laptop
	}
	old := t.scale.Swap(math.Float32bits(s))
	return old != math.Float32bits(s)
}

func (t *projTheme) scaleNow() float32 { return math.Float32frombits(t.scale.Load()) }

func (t *projTheme) Size(n fyne.ThemeSizeName) float32 {
	if v, ok := baseSizes[n]; ok {
		if n == theme.SizeNameSeparatorThickness {
			return v
		}
		return v * t.scaleNow()
	}
	// Any other size (icons, radii, scroll bars) grows with the text: the
	// default text is 14 px against the projector's 30.
	return t.Theme.Size(n) * t.scaleNow() * 2
}

func (t *projTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground:
		return colBackground
	case theme.ColorNameForeground:
		return colForeground
	case theme.ColorNameForegroundOnPrimary:
		return colBackground
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return colPrimary
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return colMuted
	case theme.ColorNameError:
		return colUrgent
	case theme.ColorNameWarning:
		return colWarning
	case theme.ColorNameSuccess:
		return colGain
	case theme.ColorNameSeparator, theme.ColorNameInputBorder:
		return colTileEdge
	case theme.ColorNameInputBackground:
		return colTile
	}
	return t.Theme.Color(n, theme.VariantLight)
}
