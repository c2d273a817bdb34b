package ui

import "testing"

// File dialogs give C:/… paths; Finnish letters and spaces stay as they are
// inside the quotes Explorer wants after /select,.
func TestExplorerSelect(t *testing.T) {
	for in, want := range map[string]string{
		"C:/Users/Åsa Öberg/Työpajat/Nordrahti 2027-01-15.pdf": `explorer /select,"C:\Users\Åsa Öberg\Työpajat\Nordrahti 2027-01-15.pdf"`,
		`C:\Users\jussi\arvolupaus.pdf`:                        `explorer /select,"C:\Users\jussi\arvolupaus.pdf"`,
		`\\palvelin\jako\Kahvila Åbo.pdf`:                      `explorer /select,"\\palvelin\jako\Kahvila Åbo.pdf"`,
	} {
		if got := explorerSelect(in); got != want {
			t.Errorf("explorerSelect(%q) = %s, want %s", in, got, want)
		}
	}
}
