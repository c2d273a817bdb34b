package field

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A pasted novel is kept whole, and the entry stops wrapping so that typing
// in it stays quick; a short text wraps again.
func TestLongPasteStopsWrapping(t *testing.T) {
	a := test.NewTempApp(t)
	e := NewEntry(true)
	w := test.NewWindow(e.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(600, 300))
	w.Canvas().Focus(e)
	novel := strings.Repeat("Tiedät aina, missä tavarasi menee. ", 3000) // ~105 kB
	a.Clipboard().SetContent(novel)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: a.Clipboard()})
	if e.Text != novel {
		t.Fatalf("pasted text changed: %d bytes, want %d", len(e.Text), len(novel))
	}
	if e.Wrapping != fyne.TextWrapOff {
		t.Fatalf("a 100 kB text still wraps (%v)", e.Wrapping)
	}
	e.SetText("lyhyt")
	if e.Wrapping != fyne.TextWrapWord {
		t.Fatalf("a short text does not wrap (%v)", e.Wrapping)
	}
}
