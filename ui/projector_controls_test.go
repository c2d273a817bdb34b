package ui

import (
	"image/color"
	"lupauspaja/ui/uitest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop/fixture"
)

// shownTexts lists every text drawn under o (the projector draws canvas texts).
func shownTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if v, ok := o.(*canvas.Text); ok {
			b.WriteString(v.Text + "\n")
		}
	})
	return b.String()
}

// The presentation and the blank screen are reached from the header's
// buttons and from their keys, which F1 lists.
func TestPresentationAndBlankFromHeaderAndKeys(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	openProjector(t, u)
	shows := func(what string) bool { return strings.Contains(shownTexts(u.ws.proj.Content()), what) }
	step := u.ws.key

	test.Tap(u.ws.header.present)
	eventually(t, "the presentation's first page", func() bool { return shows(u.tr.T("projector.present.promise")) })
	// While it is on, Ctrl+→ turns its pages rather than the steps.
	press(t, u, fyne.KeyRight, ctrl)
	eventually(t, "the presentation's second page", func() bool { return shows(u.tr.T("projector.present.why")) })
	if u.ws.key != step {
		t.Errorf("Ctrl+→ during the presentation moved the step to %q", u.ws.key)
	}
	press(t, u, fyne.KeyLeft, ctrl)
	eventually(t, "back at the first page", func() bool { return shows(u.tr.T("projector.present.promise")) })
	press(t, u, fyne.KeyP, ctrl|fyne.KeyModifierShift)
	eventually(t, "the step again", func() bool { return !shows(u.tr.T("projector.present.promise")) })
	if on, _ := u.ws.room.Presenting(); on {
		t.Error("Ctrl+Shift+P did not end the presentation")
	}
	press(t, u, fyne.KeyP, ctrl|fyne.KeyModifierShift)
	if on, _ := u.ws.room.Presenting(); !on || u.ws.header.present.Importance != widget.HighImportance {
		t.Error("Ctrl+Shift+P did not start the presentation")
	}
	press(t, u, fyne.KeyP, ctrl|fyne.KeyModifierShift)

	org := load(t, lib, id).Organisation
	blank := func() bool { return strings.TrimSpace(shownTexts(u.ws.proj.Content())) == org }
	eventually(t, "the step", func() bool { return !blank() })
	test.Tap(u.ws.header.blank)
	eventually(t, "the blank screen with the organisation's name only", blank)
	if u.ws.header.blank.Text != u.tr.T("app.projector.unblank") {
		t.Errorf("the blank button reads %q while blanked", u.ws.header.blank.Text)
	}
	press(t, u, fyne.KeyB, ctrl)
	eventually(t, "the step after Ctrl+B", func() bool { return !blank() })
	press(t, u, fyne.KeyB, ctrl)
	if !u.ws.room.Hidden() {
		t.Error("Ctrl+B did not blank the projector")
	}

	press(t, u, fyne.KeyF1, 0)
	help := texts(topOverlay(u))
	for _, want := range []string{u.tr.T("app.keys.present"), "Ctrl+Vaihto+P", u.tr.T("app.keys.blank"), "Ctrl+B"} {
		if !strings.Contains(help, want) {
			t.Errorf("F1 does not list %q", want)
		}
	}
}

// The projector opens again with the workshop after a restart when it was
// on, and stays closed when the facilitator had closed it.
func TestProjectorReopensAfterARestart(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	openProjector(t, u)
	u.ws.close() // the app ends with the projector on
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if !u.ws.proj.Visible() {
		t.Fatal("the projector did not open again with the workshop")
	}
	press(t, u, fyne.KeyP, ctrl)
	u.ws.close()
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	if u.ws.proj.Visible() {
		t.Fatal("the projector the facilitator closed opened again")
	}
}

// The projector opened with its key draws in the app's theme, without a
// theme override of its own (which would cost Fyne another parsed copy of
// its fonts for every text style): its texts carry the projector's names,
// which the window's theme answers with the projector's large sizes and dark
// colours on white, in the app's dark variant too.
func TestProjectorDrawsThroughTheAppTheme(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	openProjector(t, u)
	app := u.app.Settings().Theme()
	want, _ := u.projTheme.Size("projector.text")
	if got := app.Size("projector.text"); got != want || got <= app.Size(theme.SizeNameText) {
		t.Fatalf("the app's theme answers the projector's text size with %.1f, its theme with %.1f", got, want)
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		c, _ := u.projTheme.Color("projector.foreground")
		if app.Color("projector.foreground", v) != c {
			t.Fatalf("variant %d: the app's theme does not answer the projector's text colour from its theme", v)
		}
	}
	content := u.ws.proj.Content()
	scale := fyne.Max(0.4, fyne.Min(content.Size().Width/1920, content.Size().Height/1080))
	n := 0
	uitest.Walk(content, func(o fyne.CanvasObject) {
		if th := theme.CurrentForWidget(o); th != app {
			t.Fatalf("a %T of the projector has a theme of its own", o)
		}
		tx, ok := o.(*canvas.Text)
		if !ok || strings.TrimSpace(tx.Text) == "" {
			return
		}
		n++
		if tx.TextSize < 30*scale-0.01 {
			t.Errorf("%q is %.1f px on a projector at scale %.2f", tx.Text, tx.TextSize, scale)
		}
		if c := contrastOnWhite(tx.Color); c < 7 {
			t.Errorf("%q has contrast %.1f:1 on the projector's white", tx.Text, c)
		}
	})
	if n == 0 {
		t.Fatal("the projector shows no text")
	}
}

// contrastOnWhite is the WCAG contrast ratio of c on white.
func contrastOnWhite(c color.Color) float64 { return uitest.Contrast(c, color.White) }
