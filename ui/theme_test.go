package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

	"lupauspaja/assets"
)

// The window and the PDF report draw with the same Noto Sans files, the
// ones shipped in assets with their licence.
func TestThemeDrawsTextWithTheFontsInAssets(t *testing.T) {
	th := newTheme()
	for _, c := range []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontItalic},
	} {
		if got := th.Font(c.style).Content(); !bytes.Equal(got, c.want) {
			t.Errorf("%s: the theme's font is not the one in assets (%d bytes, want %d)", c.name, len(got), len(c.want))
		}
	}
	if !bytes.Contains(assets.FontLicence, []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Error("assets/fonts/OFL.txt does not hold the Open Font License")
	}
}
