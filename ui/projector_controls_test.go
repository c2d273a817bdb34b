package ui

import (
	"fmt"
	"image/color"
	"lupauspaja/ui/uitest"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
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

// withManyDrafts is the example workshop in step 5 with forty drafts, more
// than the projector shows on one page.
func withManyDrafts() *workshop.Session {
	s := fixture.Nordrahti()
	for i := 0; len(s.Drafts) < 40; i++ {
		s.Drafts = append(s.Drafts, workshop.Draft{ID: fmt.Sprintf("DX%d", i), Version: 1,
			Text: "Kerromme poikkeamasta ennen kuin asiakkaasi ehtii kysyä, ja tarjoamme uuden ajan samalla."})
	}
	s.CurrentStep = workshop.StepDrafts
	return s
}

// While the projector shows the drafts a page at a time, the facilitator
// turns its page from their own window, where the keyboard stays: the
// header says "← Sivu 1 / N →" beside the projector's button, whole in
// the window, and its ← and → turn the projector's page (← greyed out on
// the first page, → on the last); Ctrl+Page Down and Ctrl+Page Up do the same from the
// menu, so with the cursor in a text field too (Page Down alone moves the
// cursor in a field of several lines), and in the projector's window.
// Without a paged page (another step, the presentation, the projector
// closed) the header shows no page; during the presentation the keys turn
// its pages. F1 lists the keys in one row, "Ctrl+Page Down / Page Up".
func TestTheFacilitatorTurnsTheProjectorsPage(t *testing.T) {
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, withManyDrafts())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	openProjector(t, u)
	_, pages := u.ws.proj.DraftPage()
	if pages < 3 {
		t.Fatalf("forty drafts on %d pages", pages)
	}
	h := u.ws.header
	// whole: the control is whole in the header at 1366×768, and the
	// header with it no wider than the window.
	whole := func(n int) {
		t.Helper()
		uitest.Relayout(u.win.Content())
		win := u.win.Canvas().Size().Width
		b, ok := placeOf(u, h.projPage)
		if !ok || b.x < 0 || b.x+b.w > win+0.5 || b.w < h.projPage.MinSize().Width-0.5 {
			t.Errorf("%s page %d: the header's page control is at %+v, not whole in the window", u.tr.Language(), n, b)
		}
		if w := h.row.MinSize().Width; w > win {
			t.Errorf("%s page %d: the header needs %.0f px of the window's %.0f", u.tr.Language(), n, w, win)
		}
	}
	at := func(n int) {
		t.Helper()
		if !strings.Contains(shownTexts(u.ws.proj.Content()), fmt.Sprintf("Sivu %d / %d ·", n, pages)) {
			t.Fatalf("the projector is not on page %d of %d:\n%s", n, pages, shownTexts(u.ws.proj.Content()))
		}
		want := u.tr.T("app.projector.page", map[string]int{"N": n, "Of": pages})
		if !h.projPage.Visible() || h.pageText.Text != want {
			t.Fatalf("page %d: the header shows %q (shown %v), want %q", n, h.pageText.Text, h.projPage.Visible(), want)
		}
		if h.pagePrev.Disabled() != (n == 1) || h.pageNext.Disabled() != (n == pages) {
			t.Errorf("page %d of %d: ← disabled %v, → disabled %v", n, pages, h.pagePrev.Disabled(), h.pageNext.Disabled())
		}
		whole(n)
	}
	noPage := func(when string) {
		t.Helper()
		if h.projPage.Visible() {
			t.Errorf("%s: the header shows %q", when, h.pageText.Text)
		}
	}
	at(1)
	test.Tap(h.pageNext)
	at(2)
	test.Tap(h.pagePrev)
	at(1)
	test.Tap(h.pagePrev) // greyed out: stays
	at(1)

	// The keys: in the menu, which Fyne's driver asks before the focused
	// field, so that they work while the facilitator types.
	for _, k := range []fyne.KeyName{fyne.KeyPageDown, fyne.KeyPageUp} {
		if menuItem(u, k, ctrl) == nil {
			t.Errorf("Ctrl+%s is not in the menu", k)
		}
	}
	press(t, u, fyne.KeyPageDown, ctrl)
	at(2)
	for n := 3; n <= pages+1; n++ {
		press(t, u, fyne.KeyPageDown, ctrl)
	}
	at(pages)
	press(t, u, fyne.KeyPageUp, ctrl)
	at(pages - 1)

	// In the projector's window, as its canvas dispatches the shortcut.
	pw := &fyne.ShortcutHandler{}
	u.addShortcuts(pw, true)
	pw.TypedShortcut(driverSends(fyne.KeyPageUp, ctrl))
	at(pages - 2)
	pw.TypedShortcut(driverSends(fyne.KeyPageDown, ctrl))
	at(pages - 1)
	// The projector window's own Page Up (a clicker's): the header follows.
	projectorWindow(t, u).Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	at(pages - 2)

	// Step 6 pages the drafts too, from its first page; a step without
	// drafts has no page; back on the drafts, the first page.
	press(t, u, fyne.KeyRight, ctrl)
	at(1)
	u.ws.goTo(workshop.StepDecision)
	noPage("step 7")
	u.ws.goTo(workshop.StepDrafts)
	at(1)

	// The presentation: no drafts' page, and the keys turn its pages.
	press(t, u, fyne.KeyP, ctrl|fyne.KeyModifierShift)
	noPage("the presentation")
	press(t, u, fyne.KeyPageDown, ctrl)
	if on, page := u.ws.room.Presenting(); !on || page != 1 {
		t.Errorf("Ctrl+Page Down in the presentation: presenting %v at page %d", on, page)
	}
	press(t, u, fyne.KeyP, ctrl|fyne.KeyModifierShift)
	at(1)

	press(t, u, fyne.KeyP, ctrl)
	noPage("the projector closed")
	// With the projector closed the keys turn nothing unseen.
	press(t, u, fyne.KeyPageDown, ctrl)
	press(t, u, fyne.KeyP, ctrl)
	at(1)

	for _, lang := range []string{"fi", "en"} {
		u.setLanguage(lang)
		if lang == "en" {
			h = u.ws.header // made again in English
			if want := u.tr.T("app.projector.page", map[string]int{"N": 1, "Of": pages}); h.pageText.Text != want || !h.projPage.Visible() {
				t.Errorf("en: the header shows %q, want %q", h.pageText.Text, want)
			}
			whole(1)
		}
		press(t, u, fyne.KeyF1, 0)
		help := texts(topOverlay(u))
		for _, want := range []string{"Ctrl+" + u.tr.T("app.keys.pagedown") + " / " + u.tr.T("app.keys.pageup"), u.tr.T("app.keys.projpage")} {
			if !strings.Contains(help, want) {
				t.Errorf("%s: F1 does not list %q", lang, want)
			}
		}
		press(t, u, fyne.KeyEscape, 0)
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		u.setLanguage("fi")
		test.Tap(u.ws.header.pageNext)
		uitest.Relayout(u.win.Content())
		capture(t, u.win, dir, "window-projector-page")
	}
}
