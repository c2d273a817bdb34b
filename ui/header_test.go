package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// The header never draws one of its parts over another, however narrow
// the window: the way home, the session's title and, at the end, the timer
// and the projector's, the presentation's, the blanking's and the room's
// buttons, with the projector's page of the drafts beside its button. When
// the window is too narrow for the buttons' words and a few letters of the
// title (a laptop 1280 px wide, the English words, the projector's page),
// the buttons show their icons alone, one by one, the way home first and
// the projector's button last; they say their words again when
// there is room, also a word that changed while they were without (the
// projector's button after closing it). At the window's 1366×768 the
// Finnish header says every word, the projector's page too.
func TestTheHeaderNeverOverlapsItself(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		u, lib, _ := newTestUI(t)
		s := withManyDrafts()
		s.Language = lang
		if err := u.open(createSession(t, lib, s)); err != nil {
			t.Fatal(err)
		}
		h := u.ws.header
		check := func(state string, width float32) {
			t.Helper()
			u.win.Resize(fyne.NewSize(width, 768))
			uitest.Relayout(u.win.Content())
			where := fmt.Sprintf("%s, %s, %.0f px", lang, state, width)
			// The header's parts, left to right: each whole, none over the next.
			var parts []box
			uitest.WalkShown(h.row, fyne.NewPos(0, 0), func(o fyne.CanvasObject, pos fyne.Position) {
				switch o.(type) {
				case *widget.Button, *button.Button, *widget.Label:
					parts = append(parts, box{pos.X, pos.Y, o.Size().Width, o.Size().Height})
					if o.Size().Width < o.MinSize().Width-0.5 && o != fyne.CanvasObject(h.title) {
						t.Errorf("%s: %T at %.0f is %.0f px of its %.0f", where, o, pos.X, o.Size().Width, o.MinSize().Width)
					}
				}
			})
			for i := 1; i < len(parts); i++ {
				if parts[i].x < parts[i-1].x+parts[i-1].w-0.5 {
					t.Errorf("%s: a part at %.0f–%.0f is drawn over the one at %.0f", where, parts[i-1].x, parts[i-1].x+parts[i-1].w, parts[i].x)
				}
			}
			if last := parts[len(parts)-1]; last.x+last.w > width+0.5 {
				t.Errorf("%s: the header ends at %.0f, past the window", where, last.x+last.w)
			}
			if tw := h.title.Size().Width; tw < titleRoom-0.5 && h.bare < len(h.words) {
				t.Errorf("%s: the title has %.0f px and the buttons keep their words", where, tw)
			}
		}
		words := func(state string, want bool) {
			t.Helper()
			for _, w := range h.words {
				if w.shown() && (w.b.Text == w.full) != want {
					t.Errorf("%s %s: a button says %q (words %v), its words are %q", lang, state, w.b.Text, want, w.full)
				}
			}
		}
		for _, width := range []float32{1366, 1280, 1024, 900, 700} {
			check("no projector", width)
		}
		words("at 700 px", false)
		// Without its words a button still tells assistive technology what
		// it does, not its icon's file name.
		for _, w := range h.words {
			if w.shown() && w.b.AccessibilityLabel() != w.full {
				t.Errorf("%s at 700 px: a button is read as %q, its words are %q", lang, w.b.AccessibilityLabel(), w.full)
			}
		}
		u.win.Resize(fyne.NewSize(1366, 768))
		uitest.Relayout(u.win.Content())
		words("at 1366 px", true)
		openProjector(t, u)
		if !h.projPage.Visible() {
			t.Fatal("the projector's page of the drafts is not in the header")
		}
		for _, width := range []float32{1366, 1280, 1024, 900, 700} {
			check("projector paging the drafts", width)
		}
		u.win.Resize(fyne.NewSize(1366, 768))
		uitest.Relayout(u.win.Content())
		if lang == "fi" {
			words("at 1366 px with the projector's page", true)
		}
		// The buttons give up their words one by one, the way home first and
		// the projector's button last: at 1280 px the projector's button
		// still says what it does.
		u.win.Resize(fyne.NewSize(1280, 768))
		uitest.Relayout(u.win.Content())
		if h.bare == 0 || h.words[0].b.Text != "" || h.proj.Text != u.tr.T("app.projector.hide") {
			t.Errorf("%s at 1280 px with the projector's page: %d buttons bare, the way home says %q, the projector's button %q", lang, h.bare, h.words[0].b.Text, h.proj.Text)
		}
		// A word changed while the buttons have none comes back with the rest.
		u.win.Resize(fyne.NewSize(700, 768))
		uitest.Relayout(u.win.Content())
		u.ws.toggleProjector()
		if h.proj.Text != "" {
			t.Errorf("%s: closing the projector at 700 px gives its button the words %q", lang, h.proj.Text)
		}
		u.win.Resize(fyne.NewSize(1366, 768))
		uitest.Relayout(u.win.Content())
		if want := u.tr.T("app.projector.show"); h.proj.Text != want {
			t.Errorf("%s: back at 1366 px the projector's button says %q, want %q", lang, h.proj.Text, want)
		}
		words("at 1366 px after closing the projector", true)
	}
}

// The header is as high on a page without the timer (the setup, the
// promise's history, the summary) as on a step with it: the timer's large
// digits made it 11 px higher, and the whole page moved down and up again
// between step 9 and the summary.
func TestTheHeaderKeepsItsHeightWithoutTheTimer(t *testing.T) {
	u, lib, _ := newTestUI(t)
	if err := u.open(createSession(t, lib, fixture.Nordrahti())); err != nil {
		t.Fatal(err)
	}
	height := func(step string) float32 {
		u.ws.goTo(step)
		return u.ws.header.row.MinSize().Height
	}
	with := height(workshop.StepNextSteps)
	if !u.ws.header.timerBox.Visible() {
		t.Fatal("step 9 shows no timer")
	}
	for _, step := range []string{workshop.StepSetup, workshop.StepSummary} {
		if got := height(step); got != with {
			t.Errorf("%s: the header is %.0f px high, %.0f with the timer", step, got, with)
		}
		if u.ws.header.timerBox.Visible() {
			t.Errorf("%s shows the timer", step)
		}
	}
}
