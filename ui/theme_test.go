package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"lupauspaja/assets"
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
