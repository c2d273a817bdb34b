package ui

import (
	"lupauspaja/ui/uitest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// shownLines are the lines a label draws, as laid out now.
func shownLines(o fyne.CanvasObject) []string {
	var lines []string
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && strings.TrimSpace(t.Text) != "" {
			lines = append(lines, strings.TrimSpace(t.Text))
		}
	})
	return lines
}

// The first screen's message is laid out as a sentence, not squeezed into
// a column as narrow as its buttons with words split across lines.
func TestEmptyHomeMessageReadsAsSentences(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, _, _ := newTestUI(t)
			u.tr.SetLanguage(lang)
			u.showHome(true)
			u.win.Resize(fyne.NewSize(1366, 768))
			h := u.home
			if !h.empty.Visible() || !h.emptyMsg.Visible() {
				t.Fatal("no message on an empty list")
			}
			msg := h.emptyMsg.Text
			lines := shownLines(h.emptyMsg)
			if len(lines) == 0 {
				t.Fatal("the message draws no text")
			}
			// Each line is made of whole words of the message, in order.
			if got := strings.Join(lines, " "); strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(msg), " ") {
				t.Errorf("a word is split across lines: %q", lines)
			}
			if len(lines) > 3 {
				t.Errorf("the message takes %d lines at 1366 px: %q", len(lines), lines)
			}
			if w, b := h.emptyMsg.Size().Width, h.emptyNew.Size().Width; w < 2*b {
				t.Errorf("the message is %.0f px wide, its button %.0f px", w, b)
			}
		})
	}
}

// A newcomer can open the example workshop from the first screen, by its
// button next to "new workshop" and by Ctrl+E, which F1 lists; each time it
// is a new session.
func TestExampleWorkshopFromTheFirstScreen(t *testing.T) {
	u, lib, _ := newTestUI(t)
	b := findButton(u.home.empty, u.tr.T("home.example"))
	if b == nil || findButton(u.home.empty, u.tr.T("home.new")) == nil {
		t.Fatal("the empty list offers no example next to a new workshop")
	}
	test.Tap(b)
	if u.ws == nil {
		t.Fatal("the example did not open")
	}
	first := u.ws.ed.ID()
	s := load(t, lib, first)
	if s.Organisation != "Nordrahti Oy" || len(s.Drafts) == 0 || s.Language != "fi" {
		t.Fatalf("opened %q with %d drafts in %q", s.Organisation, len(s.Drafts), s.Language)
	}
	u.showHome(true)
	if findButton(u.home.Object(), u.tr.T("home.example")) == nil {
		t.Fatal("no example button above a list that is not empty")
	}
	press(t, u, fyne.KeyE, ctrl)
	if u.ws == nil || u.ws.ed.ID() == first {
		t.Fatal("Ctrl+E did not open a new copy of the example")
	}
	if l, _ := lib.List(""); len(l) != 2 {
		t.Fatalf("%d sessions", len(l))
	}
	// In a workshop, Ctrl+E is off in the menu; F1 lists it.
	press(t, u, fyne.KeyF1, 0)
	if !strings.Contains(texts(topOverlay(u)), u.tr.T("app.keys.example.help")) {
		t.Error("F1 does not list the example")
	}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == u.tr.T("app.keys.example") && !it.Disabled {
				t.Error("the example is offered from inside a workshop")
			}
		}
	}
}

// The help's section of the keys that work in the list of workshops does
// not say again after each key that it works there: "Työpajalistassa" over
// "Avaa esimerkkityöpaja (työpajalistassa)" said it twice. The menu, which
// has no such heading, keeps the words.
func TestTheHelpsListOfWorkshopsSaysWhereOnce(t *testing.T) {
	for _, l := range i18n.Languages {
		tr := i18n.New(l)
		where := strings.ToLower(tr.T("app.keys.home.title"))
		rows := facilitatorKeys(tr, true)
		if len(rows) < 2 {
			t.Fatalf("%s: %d keys of the list of workshops", l, len(rows))
		}
		for _, r := range rows {
			if strings.Contains(strings.ToLower(r[1]), where) {
				t.Errorf("%s: %s %q says again %q", l, r[0], r[1], where)
			}
		}
	}
}

// rowAt is the row widget that shows the item i of the list.
func rowAt(t *testing.T, u *UI, i int) *sessionRow {
	t.Helper()
	var row *sessionRow
	uitest.Walk(u.home.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*sessionRow); ok && r.id == i && r.Visible() {
			row = r
		}
	})
	if row == nil {
		t.Fatalf("no row %d on screen", i)
	}
	return row
}

// typeKey sends a key as the window does: to what has the focus, or to the canvas.
func typeKey(u *UI, k fyne.KeyName) { typeKeyIn(u.win, k) }

// typeKeyIn is typeKey in another of the app's windows (the room's, the
// cards'). A canvas with no key handler drops the key, as Fyne's does.
func typeKeyIn(w fyne.Window, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// A click on a row, then Enter, opens that workshop, as Enter does from the search.
func TestEnterOpensTheClickedRow(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		u, lib, _ := newTestUI(t)
		createSession(t, lib, fixture.Nordrahti())
		other := workshop.NewSession("fi")
		other.Title, other.Organisation = "Kevään paja", "Kahvila Åbo"
		createSession(t, lib, other)
		u.home.reload()
		want := u.home.items[1].ID
		test.Tap(rowAt(t, u, 1))
		if sm, ok := u.home.current(); !ok || sm.ID != want {
			t.Fatal("the click did not select the row")
		}
		typeKey(u, key)
		if u.ws == nil || u.ws.ed.ID() != want {
			t.Fatalf("%s after a click did not open the workshop clicked", key)
		}
	}
	// With nothing focused (after a dialog, say) Enter still opens the selection.
	u, lib, _ := newTestUI(t)
	id := createSession(t, lib, fixture.Nordrahti())
	u.home.reload()
	u.home.selectID(id)
	u.win.Canvas().Unfocus()
	typeKey(u, fyne.KeyReturn)
	if u.ws == nil || u.ws.ed.ID() != id {
		t.Fatal("Enter with nothing focused did not open the selected workshop")
	}
}

// Two imports of one file are two rows that can be told apart.
func TestTwoImportsOfOneFileLookDifferent(t *testing.T) {
	u, _, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "nordrahti.json")
	if err := os.WriteFile(path, fixture.NordrahtiJSON, 0o600); err != nil {
		t.Fatal(err)
	}
	first, err := u.home.importFile(path)
	if err != nil {
		t.Fatal(err)
	}
	second, err := u.home.importFile(path)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[int64]string{}
	for i, sm := range u.home.items {
		titles[sm.ID] = rowAt(t, u, i).title.Text
	}
	if titles[first] == titles[second] {
		t.Fatalf("both rows read %q", titles[first])
	}
	if !strings.HasSuffix(titles[second], "(2)") || strings.Contains(titles[first], "(") {
		t.Fatalf("rows %q and %q: the later import should be numbered", titles[first], titles[second])
	}
}

// Back on the sessions list from a workshop, that workshop is selected:
// Enter opens it again, the buttons below act on it, and typing still
// goes to the search.
func TestHomeSelectsTheWorkshopLeft(t *testing.T) {
	u, lib, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	var ids []int64
	for _, title := range []string{"Ensimmäinen", "Toinen", "Kolmas"} {
		s := workshop.NewSession("fi")
		s.Title = title
		ids = append(ids, createSession(t, lib, s))
	}
	u.home.reload()
	for _, id := range ids {
		if err := u.open(id); err != nil {
			t.Fatal(err)
		}
		test.Tap(findButton(u.ws.Object(), u.tr.T("app.menu.home")))
		if u.ws != nil {
			t.Fatal("the home button did not leave the workshop")
		}
		if sm, ok := u.home.current(); !ok || sm.ID != id {
			t.Fatalf("after leaving session %d, the list has %+v selected (%v)", id, sm, ok)
		}
		if u.win.Canvas().Focused() != u.home.search {
			t.Errorf("the search does not have the keyboard: %T", u.win.Canvas().Focused())
		}
		for _, b := range u.home.actions {
			if b.Disabled() {
				t.Errorf("%q is off with a workshop selected", b.Text)
			}
		}
		press(t, u, fyne.KeyReturn, 0)
		if u.ws == nil || u.ws.ed.ID() != id {
			t.Fatalf("Enter did not open session %d again", id)
		}
		u.showHome(true)
	}
}

// A row of the sessions list gives its workshop's date and when it was
// last edited in one format: D.M.YYYY in Finnish, YYYY-MM-DD in English.
func TestHomeRowDatesInOneFormat(t *testing.T) {
	finnish := regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.\d{4}\b`)
	iso := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	for _, c := range []struct {
		lang      string
		want, not *regexp.Regexp
	}{{"fi", finnish, iso}, {"en", iso, finnish}} {
		t.Run(c.lang, func(t *testing.T) {
			u, lib, _ := newTestUI(t)
			u.tr.SetLanguage(c.lang)
			s := workshop.NewSession(c.lang)
			s.Title, s.Date = "Päivät", "2026-12-03"
			createSession(t, lib, s)
			u.showHome(true)
			u.win.Resize(fyne.NewSize(1366, 768))
			var info string
			for _, l := range shownLines(u.home.list) {
				if strings.Contains(l, "·") && c.want.MatchString(l) {
					info = l
				}
			}
			if n := len(c.want.FindAllString(info, -1)); n != 2 {
				t.Fatalf("the row's date and edit time: %d dates in %q", n, info)
			}
			if c.not.MatchString(info) {
				t.Errorf("two formats in %q", info)
			}
		})
	}
}

// A check-in's row stands in under its workshop's, both of its lines
// alike.
func TestCheckinRowStandsInUnderItsWorkshop(t *testing.T) {
	u, lib, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	newCheckinFromHome(t, u, createSession(t, lib, fixture.Nordrahti()))
	u.showHome(true)
	d := fyne.CurrentApp().Driver()
	x := map[bool][2]float32{} // check-in → the title's and the info's left edge
	n := 0
	uitest.Walk(u.home.list, func(o fyne.CanvasObject) {
		r, ok := o.(*sessionRow)
		if !ok || !r.Visible() || r.title.Text == "" {
			return
		}
		n++
		x[strings.HasPrefix(r.title.Text, "• ")] = [2]float32{d.AbsolutePositionForObject(r.title).X, d.AbsolutePositionForObject(r.info).X}
	})
	w, c := x[false], x[true]
	if n != 2 || w[0] == 0 && c[0] == 0 {
		t.Fatalf("%d rows: %v", n, x)
	}
	if w[0] != w[1] || c[0] != c[1] {
		t.Errorf("a row's two lines start apart: workshop %v, check-in %v", w, c)
	}
	if c[0] < w[0]+checkinIndent-1 {
		t.Errorf("the check-in's row starts at %.0f, its workshop's at %.0f", c[0], w[0])
	}
}

// The list's keyboard highlight is its selection: Tab from the search into
// the list chooses a row (the first, when none was chosen) and Enter opens
// it; ↑ and ↓ choose the row they move to, so that with a check-in chosen,
// ↑ to its workshop and Enter opens the workshop, not the check-in. Fyne's
// list moved only a highlight of its own, and Enter opened the selection,
// or nothing. SCREENSHOTS=folder saves the list as ↑ left it.
func TestEnterOnTheListOpensTheRowItHighlights(t *testing.T) {
	u, lib, _ := newTestUI(t)
	wid := createSession(t, lib, fixture.Nordrahti())
	u.home.reload()
	if _, ok := u.home.current(); ok {
		t.Fatal("a row is chosen before the facilitator chose one")
	}
	u.win.Canvas().FocusNext()
	if u.win.Canvas().Focused() != u.home.list {
		t.Fatalf("Tab from the search went to a %T, not the list", u.win.Canvas().Focused())
	}
	typeKey(u, fyne.KeyReturn)
	if u.ws == nil || u.ws.ed.ID() != wid {
		t.Fatal("Tab into the list and Enter did not open its first row")
	}

	cid := newCheckinFromHome(t, u, wid)
	u.showHome(true) // the check-in left is chosen, the search has the keyboard
	if sm, ok := u.home.current(); !ok || sm.ID != cid || u.home.items[0].ID != wid {
		t.Fatalf("back on the list: %+v chosen of %+v", sm, u.home.items)
	}
	// Tab goes from the search to the list below it, not past it to the
	// buttons under the list, now enabled.
	u.win.Canvas().FocusNext()
	if u.win.Canvas().Focused() != u.home.list {
		t.Fatalf("Tab from the search with a row chosen went to a %T, not the list", u.win.Canvas().Focused())
	}
	typeKey(u, fyne.KeyUp)
	if sm, ok := u.home.current(); !ok || sm.ID != wid {
		t.Fatalf("↑ from the check-in chose %+v, not its workshop", sm)
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		capture(t, u.win, dir, "home-list-up")
	}
	typeKey(u, fyne.KeyReturn)
	if u.ws == nil || u.ws.ed.ID() != wid {
		t.Fatal("Enter after ↑ to the workshop did not open the workshop")
	}

	// ↓ in the list chooses the check-in again, as ↓ in the search does.
	u.showHome(true)
	u.win.Canvas().FocusNext()
	typeKey(u, fyne.KeyDown)
	typeKey(u, fyne.KeyEnter)
	if u.ws == nil || u.ws.ed.ID() != cid {
		t.Fatal("↓ to the check-in and Enter did not open the check-in")
	}
}
