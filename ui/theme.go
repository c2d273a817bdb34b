package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/ui/projector"
)

// Sizes of our own, for text that must carry across a room.
const (
	sizeQuestion fyne.ThemeSizeName = "lupauspaja.question"
	sizeTimer    fyne.ThemeSizeName = "lupauspaja.timer"
)

// appTheme is Fyne's default theme with larger text, so that the facilitator
// window is readable from two metres on a 1366×768 laptop screen, and a calm
// accent colour that matches the icon. It follows the system's light or dark
// variant because Fyne passes the variant to Color.
//
// It also answers the projector's own size and colour names from the
// window's projector theme: the projector draws without a theme override, so
// that its texts share the fonts Fyne parsed for this window (ui/projector,
// theme.go).
type appTheme struct {
	fyne.Theme
	proj *projector.Theme // nil: no projector (the database problem window)
}

func newTheme(proj *projector.Theme) fyne.Theme {
	return &appTheme{Theme: theme.DefaultTheme(), proj: proj}
}

// accent is the teal of the icon; accentDark is a little lighter for dark
// backgrounds. On the light variant a primary button's text is white; on
// the dark one it is dark, as on Fyne's own red, green and orange buttons
// there, so that the focus, which lightens a button on dark, makes it more
// readable rather than less. The dark text reads at 5.4:1 on accentDark
// (#2b8794 before: 4.26:1, and a button's 16 px bold words are not large
// text), the white at 5.8:1 on accent (TestButtonTextIsReadable).
var (
	accent       = color.NRGBA{R: 0x1f, G: 0x6f, B: 0x7a, A: 0xff}
	accentDark   = color.NRGBA{R: 0x34, G: 0x9a, B: 0xa7, A: 0xff}
	onAccentDark = color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff}
)

// Danger, warning and success on the light variant. Fyne's red (#f44336)
// takes white at 3.68:1, under the 4.5:1 a danger button's words (Poista,
// Sulje huone) and the over-time timer need; errorLight takes it at 4.98:1
// and reads at as much as text on white (a field's error). Fyne's orange
// and green read at 2.16:1 and 1.48:1 on white, as the side panel's
// warnings and the measures on track are written in them, and take white
// no better; warningLight (the projector's amber, #a85500) and
// successLight read at 5.3:1 and 5.1:1 on white, and take white text at as
// much: a warning button (the cards waiting for approval) and the timer
// near its end (TestSignTextIsReadable, TestButtonTextIsReadable). The
// dark variant keeps Fyne's colours, with dark text on them: 4.87:1 on the
// red, 8.3:1 on the orange.
var (
	errorLight   = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	warningLight = color.NRGBA{R: 0xa8, G: 0x55, B: 0x00, A: 0xff}
	successLight = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
)

// The focus is a shade Fyne lays over a focused button's own colour (and
// draws behind a focused check, radio or select): darker on light, lighter
// on dark, so that it shows on every kind of button, the teal primary ones
// and the red danger ones included, which keep their colour. The accent
// itself, opaque, was the focus before: a focused teal button looked
// unfocused, and any other turned solid teal, the look of a button that is
// on (TestFocusShowsOnEveryButton). The shade changes no button by 3:1
// (a teal one by 1.31:1 on light, a red one 1.39:1, a grey one 1.49:1, and
// 2.5:1 on dark), and none strong enough would leave a grey button's text
// at 4.5:1 (it reads at 4.52:1 through this one), so the app's buttons
// also draw their focus as a ring in their text colour (ui/button,
// TestAFocusedButtonShowsARing).
var (
	focusLight = color.NRGBA{A: 0x2c}
	focusDark  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x48}
)

// Muted text: the hints, notes and empty-state lines (labels of low
// importance, which Fyne draws in its disabled colour) and disabled
// controls. Fyne's own disabled colours are all but invisible (#e3e3e3 on
// white, 1.3:1; #39393a on #171718, 1.6:1); these are at least 4.5:1 on
// the background and still fainter than the text (TestMutedTextIsReadable).
var (
	mutedLight = color.NRGBA{R: 0x6f, G: 0x6f, B: 0x6f, A: 0xff}
	mutedDark  = color.NRGBA{R: 0x9e, G: 0x9e, B: 0xa3, A: 0xff}
)

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := t.proj.Color(n); ok {
		return c
	}
	// Any variant but light is drawn dark, as Fyne's own theme draws it
	// (its test app's variant is neither): the app's colours and Fyne's
	// palette always come from one variant.
	if v != theme.VariantLight {
		v = theme.VariantDark
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if v == theme.VariantDark {
			return accentDark
		}
		return accent
	case theme.ColorNameForegroundOnPrimary:
		if v == theme.VariantDark {
			return onAccentDark
		}
		return color.White
	// These follow Fyne's choice of palette, whose light one is for the
	// light variant alone (the test app's own variant is neither), so that
	// a colour and the text on it always come from the same palette.
	case theme.ColorNameError:
		if v == theme.VariantLight {
			return errorLight
		}
	case theme.ColorNameWarning:
		if v == theme.VariantLight {
			return warningLight
		}
	case theme.ColorNameSuccess:
		if v == theme.VariantLight {
			return successLight
		}
	case theme.ColorNameForegroundOnWarning, theme.ColorNameForegroundOnSuccess:
		if v == theme.VariantLight {
			return color.White
		}
	case theme.ColorNameFocus:
		if v == theme.VariantDark {
			return focusDark
		}
		return focusLight
	case theme.ColorNameSelection:
		c := accent
		if v == theme.VariantDark {
			c = accentDark
		}
		c.A = 0x40
		return c
	case theme.ColorNameDisabled:
		if v == theme.VariantDark {
			return mutedDark
		}
		return mutedLight
	}
	return t.Theme.Color(n, v)
}

// The window's text font is the one the PDF report embeds (assets), so that
// both show the same letters. Monospace, symbols and bold italic stay Fyne's.
// Fyne bundles the very same files (TestThemeDrawsTextWithTheFontsInAssets); its own resources
// are returned, because Fyne parses a text style's font once when the
// theme's font is its default, and twice (the theme's, then its default as
// the fallback) when it is another resource, even with the same bytes: a few
// MB of glyphs for each style, and again for the projector's theme.
var (
	fontRegular = theme.DefaultTextFont()
	fontBold    = theme.DefaultTextBoldFont()
	fontItalic  = theme.DefaultTextItalicFont()
)

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	switch {
	case s.Bold && s.Italic:
		return t.Theme.Font(s)
	case s.Bold:
		return fontBold
	case s.Italic:
		return fontItalic
	}
	return fontRegular
}

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	if v, ok := t.proj.Size(n); ok {
		return v
	}
	switch n {
	case theme.SizeNameText:
		return 16
	case theme.SizeNameCaptionText:
		return 13
	case theme.SizeNameSubHeadingText:
		return 20
	case theme.SizeNameHeadingText:
		return 26
	case sizeQuestion:
		return 28
	case sizeTimer:
		return 34
	case theme.SizeNameInlineIcon:
		return 22
	}
	return t.Theme.Size(n)
}
