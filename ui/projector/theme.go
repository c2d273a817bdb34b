package projector

import (
	"image/color"
	"math"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The projector draws without a theme override: Fyne 2.8 parses a font set
// (Noto Sans, the emoji and symbol fonts: about 6 MB) for every text style in
// every theme scope and never frees it, and an override is a scope of its
// own. Its texts carry instead size and colour names of its own, which the
// app's theme answers by asking the projector's Theme (ui/theme.go), so that
// they are drawn with the fonts the facilitator's window has parsed already.
// What a widget reads under a standard name (a RichText's inner padding and
// line spacing, a layout's padding) is the app theme's, and the projector's
// layouts measure with it (through MinSize, theme.Padding).

// Size names of the projector's texts, from the smallest text on screen up.
const (
	sizeText       fyne.ThemeSizeName = "projector.text"
	sizeBody       fyne.ThemeSizeName = "projector.body" // card texts
	sizeSubHeading fyne.ThemeSizeName = "projector.subheading"
	sizeQuestion   fyne.ThemeSizeName = "projector.question" // the step's questions
	sizeHeading    fyne.ThemeSizeName = "projector.heading"
	sizeTimer      fyne.ThemeSizeName = "projector.timer"
	sizePromise    fyne.ThemeSizeName = "projector.promise" // the final promise
	// Sizes of the projector's own layouts (nothing of Fyne's reads them).
	sizePadding      fyne.ThemeSizeName = "projector.padding"
	sizeInnerPadding fyne.ThemeSizeName = "projector.innerpadding" // around a text (ptext)
	sizeRadius       fyne.ThemeSizeName = "projector.radius"
)

// Sizes at a 1920×1080 view; they scale with the view so that a smaller
// window shows the same page, not a different one. The smallest text is 30 px
// (the room's bar is 28 px).
var baseSizes = map[fyne.ThemeSizeName]float32{
	sizeText:         30,
	sizeBody:         38,
	sizeSubHeading:   44,
	sizeQuestion:     44,
	sizeHeading:      56,
	sizeTimer:        56,
	sizePromise:      76,
	sizePadding:      10,
	sizeInnerPadding: 8,
	sizeRadius:       8,
}

// Colour names of the projector's texts.
const (
	inkText    fyne.ThemeColorName = "projector.foreground"
	inkMuted   fyne.ThemeColorName = "projector.muted" // secondary text
	inkPrimary fyne.ThemeColorName = "projector.primary"
	inkUrgent  fyne.ThemeColorName = "projector.urgent" // late, over time
	inkWarning fyne.ThemeColorName = "projector.warning"
	inkSuccess fyne.ThemeColorName = "projector.success"
)

// Colours: a light theme whatever the app's variant, because projectors wash
// out dark themes; every text colour has at least 7:1 contrast on the
// background and on the tiles, and the timer's near-end colour, drawn only
// at the timer's large bold size, at least 4.5:1 (WCAG's bar for large text)
// on the background (measured by TestReadability).
var (
	colBackground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colForeground = color.NRGBA{0x14, 0x14, 0x14, 0xff}
	colMuted      = color.NRGBA{0x45, 0x45, 0x45, 0xff} // secondary text, still ≥ 7:1
	colPrimary    = color.NRGBA{0x0a, 0x48, 0x8f, 0xff}
	colTile       = color.NRGBA{0xee, 0xf1, 0xf5, 0xff}
	colTileEdge   = color.NRGBA{0xc9, 0xd1, 0xdb, 0xff}
	colPain       = color.NRGBA{0x92, 0x18, 0x18, 0xff}
	colGain       = color.NRGBA{0x17, 0x55, 0x1c, 0xff}
	colWarning    = color.NRGBA{0x6b, 0x3a, 0x00, 0xff} // warning texts on tiles (assumptions, open concerns)
	// colTimerNear is the timer near the end of the timebox: an amber light
	// enough to be told from the black of the time before it (3.5:1 against
	// it) and from the red of the time over, and dark enough to read on the
	// white (5.3:1) from the back of the room (TestTimerNearTheEndIsToldFromBlack).
	colTimerNear = color.NRGBA{0xa8, 0x55, 0x00, 0xff}
	colUrgent    = color.NRGBA{0xa0, 0x00, 0x00, 0xff} // over time
)

var inks = map[fyne.ThemeColorName]color.Color{
	inkText:    colForeground,
	inkMuted:   colMuted,
	inkPrimary: colPrimary,
	inkUrgent:  colUrgent,
	inkWarning: colWarning,
	inkSuccess: colGain,
}

// Theme is the projector's look: light, and large at the scale of its
// window. The window that shows a projector makes one and has its app theme
// answer the projector's names from it (Size, Color); the projectors it
// shows one after another share it (one at a time: the scale is the
// window's).
type Theme struct {
	scale  atomic.Uint32 // math.Float32bits of the view's scale
	charts fyne.Theme    // the charts' look (chartTheme)
}

// NewTheme returns the projector's theme at the scale of a 1920×1080 view.
func NewTheme() *Theme {
	t := &Theme{}
	t.charts = chartTheme{Theme: theme.DefaultTheme(), t: t}
	t.setScale(1)
	return t
}

// Size is the size of one of the projector's names; ok is false for any
// other name (and for a nil Theme): the app's theme answers those itself.
func (t *Theme) Size(n fyne.ThemeSizeName) (size float32, ok bool) {
	v, ok := baseSizes[n]
	if !ok || t == nil {
		return 0, false
	}
	return v * t.scaleNow(), true
}

// Color is the colour of one of the projector's names, the same in either
// variant; ok is false for any other name (and for a nil Theme).
func (t *Theme) Color(n fyne.ThemeColorName) (c color.Color, ok bool) {
	if t == nil {
		return nil, false
	}
	c, ok = inks[n]
	return c, ok
}

// size is the size of one of the projector's names.
func (t *Theme) size(n fyne.ThemeSizeName) float32 {
	v, _ := t.Size(n)
	return v
}

func (t *Theme) setScale(s float32) bool {
	if s < 0.4 {
		s = 0.4 // a tiny preview window stays legible on the laptop
	}
	old := t.scale.Swap(math.Float32bits(s))
	return old != math.Float32bits(s)
}

func (t *Theme) scaleNow() float32 { return math.Float32frombits(t.scale.Load()) }

// chartTheme is the projector's look under the standard names a chart reads
// (ui/charts, Look): the charts are drawn at its sizes and in its colours.
type chartTheme struct {
	fyne.Theme
	t *Theme
}

func (c chartTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return c.t.size(sizeText)
	case theme.SizeNamePadding:
		return c.t.size(sizePadding)
	}
	return c.Theme.Size(n) * c.t.scaleNow() * 2
}

func (c chartTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colBackground
	case theme.ColorNameForeground:
		return colForeground
	case theme.ColorNamePrimary:
		return colPrimary
	case theme.ColorNameDisabled:
		return colMuted
	}
	return c.Theme.Color(n, theme.VariantLight)
}
