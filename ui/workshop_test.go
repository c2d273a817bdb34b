package ui

import (
	"lupauspaja/ui/uitest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
)

// placeholder is the hint of an entry (widget.Entry or one that embeds it).
func placeholder(o fyne.CanvasObject) (string, bool) {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return "", false
	}
	f := v.Elem().FieldByName("PlaceHolder")
	if !f.IsValid() || f.Kind() != reflect.String {
		return "", false
	}
	if _, ok := o.(fyne.Focusable); !ok {
		return "", false
	}
	return f.String(), true
}

// entriesWith finds the entries whose hint is ph, in screen order.
func entriesWith(o fyne.CanvasObject, ph string) []fyne.Focusable {
	var out []fyne.Focusable
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if p, ok := placeholder(c); ok && p == ph && c.Visible() {
			out = append(out, c.(fyne.Focusable))
		}
	})
	return out
}

// fill types text into the entry with the hint ph (the n-th of them), then
// leaves it, which saves it.
func fill(t *testing.T, u *UI, ph string, n int, text string, enter bool) {
	t.Helper()
	es := entriesWith(u.win.Content(), ph)
	if len(es) <= n {
		t.Fatalf("at %s: %d entries with the hint %q, want at least %d", u.ws.key, len(es), ph, n+1)
	}
	e := es[n]
	u.win.Canvas().Focus(e)
	test.Type(e, text)
	if enter {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	u.win.Canvas().Unfocus()
}

// addWithCtrlN adds a card the keyboard way: Ctrl+N, type, Enter.
func addWithCtrlN(t *testing.T, u *UI, text string) {
	t.Helper()
	press(t, u, fyne.KeyN, ctrl)
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("at %s Ctrl+N focused nothing", u.ws.key)
	}
	test.Type(f, text)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// tapAll taps every button labelled text under o.
func tapAll(o fyne.CanvasObject, text string) int {
	var bs []*widget.Button
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := buttonOf(c); ok && b.Text == text && c.Visible() && !b.Disabled() {
			bs = append(bs, b)
		}
	})
	for _, b := range bs {
		test.Tap(b)
	}
	return len(bs)
}

// selectTab shows the tab with the text.
func selectTab(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	found := false
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if tabs, ok := c.(*container.AppTabs); ok && !found {
			for i, it := range tabs.Items {
				if it.Text == text {
					tabs.SelectIndex(i)
					found = true
				}
			}
		}
	})
	if !found {
		t.Fatalf("no tab %q", text)
	}
}

// TestWholeWorkshopThroughTheUI runs a workshop from the sessions list to
// the PDF with the widgets a facilitator uses, then checks the database and
// the PDF as the truth.
func TestWholeWorkshopThroughTheUI(t *testing.T) {
	u, st, _ := newTestUI(t) // typing is saved by leaving a field, Enter, a step change

	// Setup.
	press(t, u, fyne.KeyN, ctrl) // on the sessions list: a new workshop
	if u.ws == nil {
		t.Fatal("Ctrl+N on the sessions list made no workshop")
	}
	id := u.ws.ed.ID()
	sp := u.ws.page.(*setupPage)
	u.win.Canvas().Focus(sp.org.Entry)
	test.Type(sp.org.Entry, "Pyörä & Polku Oy")
	u.win.Canvas().Unfocus()
	people := []string{"Anna Virtanen, myyntijohtaja", "Jussi Kärkkäinen, asiakaspalvelu", "Åsa Öberg, asiakas", "Pekka Lahti, HR"}
	for _, p := range people {
		test.Type(sp.addName, p)
		sp.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	var kindSel []*widget.Select
	uitest.Walk(sp.people, func(c fyne.CanvasObject) {
		if s, ok := c.(*widget.Select); ok {
			kindSel = append(kindSel, s)
		}
	})
	kindSel[2].SetSelected(workshop.Label(workshop.KindLabels, workshop.KindCustomer, "fi"))

	// 1 Baseline: everyone on rung 3, would buy.
	press(t, u, fyne.KeyRight, ctrl)
	if n := tapAll(u.ws.page.Object(), "3"); n != len(people) {
		t.Fatalf("baseline: %d rung-3 buttons, want %d", n, len(people))
	}
	fill(t, u, u.tr.T("steps.baseline.why"), 0, "Ostaisin, jos tietäisin toimitusajan.", false)

	// 2 Why we exist, and a focus segment.
	press(t, u, fyne.KeyRight, ctrl)
	fill(t, u, u.tr.T("steps.purpose.why.placeholder"), 0, "Jotta pyöräily olisi helppoa.", false)
	addWithCtrlN(t, u, "Työmatkapyöräilijät")
	var focus *widget.Check
	uitest.Walk(u.ws.page.Object(), func(c fyne.CanvasObject) {
		if ch, ok := c.(*widget.Check); ok && ch.Text == u.tr.T("steps.purpose.segment.focus") {
			focus = ch
		}
	})
	if focus == nil {
		t.Fatal("no focus check on the segment")
	}
	test.Tap(focus)

	// 3 Customer profile and 4 value map, one card each.
	press(t, u, fyne.KeyRight, ctrl)
	addWithCtrlN(t, u, "Pyörän pitää olla käytössä joka aamu")
	press(t, u, fyne.KeyRight, ctrl)
	addWithCtrlN(t, u, "Huolto saman päivän aikana")
	press(t, u, fyne.KeyRight, ctrl) // break
	if u.ws.key != workshop.StepBreak {
		t.Fatalf("after the value map: %q", u.ws.key)
	}

	// 5 Drafts.
	press(t, u, fyne.KeyRight, ctrl)
	drafts := []string{"Pyöräsi rullaa huomenna aamulla – lupaamme sen.", "Huolto ilman odottelua."}
	for _, d := range drafts {
		addWithCtrlN(t, u, d)
	}

	// 6 Evaluation: a dot each for the first draft, then ratings.
	press(t, u, fyne.KeyRight, ctrl)
	// The dot grid is a table: selecting a cell (a click, or Enter on it) gives a dot.
	var grid interface{ Select(widget.TableCellID) }
	uitest.Walk(u.ws.page.Object(), func(c fyne.CanvasObject) {
		if tb, ok := c.(interface{ Select(widget.TableCellID) }); ok && strings.HasSuffix(reflect.TypeOf(c).String(), "dotTable") {
			grid = tb
		}
	})
	if grid == nil {
		t.Fatal("no dot grid")
	}
	for i := range people {
		grid.Select(widget.TableCellID{Row: i, Col: 0})
	}
	selectTab(t, u.ws.page.Object(), u.tr.T("eval.tab.rating"))
	for i := range people {
		fill(t, u, u.tr.T("eval.rating.placeholder"), i, "55545544", true)
	}

	// 7 Decision: start from the winner, say why, fist of five.
	press(t, u, fyne.KeyRight, ctrl)
	var winner *widget.Button
	uitest.Walk(u.ws.page.Object(), func(c fyne.CanvasObject) {
		if b, ok := buttonOf(c); ok && strings.HasPrefix(b.Text, "Aloita voittajasta") {
			winner = b
		}
	})
	if winner == nil {
		t.Fatal("no button to start from the winning draft")
	}
	test.Tap(winner)
	selectTab(t, u.ws.page.Object(), u.tr.T("decision.tab.reasons"))
	fill(t, u, u.tr.T("decision.rationale.placeholder"), 0, "Osuu asiakkaan tärkeimpään kipuun.", false)
	selectTab(t, u.ws.page.Object(), u.tr.T("decision.tab.consent"))
	fill(t, u, u.tr.T("decision.consent.quick"), 0, "4545", true)

	// 8 Measures and 9 next steps.
	press(t, u, fyne.KeyRight, ctrl)
	addWithCtrlN(t, u, "Aamun valmiit pyörät")
	press(t, u, fyne.KeyRight, ctrl)
	addWithCtrlN(t, u, "Soita viidelle asiakkaalle")
	fill(t, u, u.tr.T("field.date.placeholder"), 0, "15.1.2027", false)

	// Summary and the PDF.
	press(t, u, fyne.KeyRight, ctrl)
	if u.ws.key != workshop.StepSummary {
		t.Fatalf("ended at %q", u.ws.key)
	}
	pdf := filepath.Join(t.TempDir(), "paja.pdf")
	if err := u.ws.page.(*summaryPage).exportPDF(pdf); err != nil {
		t.Fatal(err)
	}
	u.close()

	s := load(t, st, id)
	if err := s.Validate(); err != nil {
		t.Errorf("the stored session is not sound: %v", err)
	}
	if s.Organisation != "Pyörä & Polku Oy" || len(s.Participants) != len(people) || s.Participants[2].Kind != workshop.KindCustomer {
		t.Errorf("setup: %q, %d participants", s.Organisation, len(s.Participants))
	}
	if c := s.LadderCounts(); c[2] != len(people) {
		t.Errorf("ladder counts %v", c)
	}
	if s.Purpose.Why == "" || len(s.Segments) != 1 || !s.Segments[0].Focus {
		t.Errorf("purpose %+v, segments %+v", s.Purpose, s.Segments)
	}
	if len(s.ProfileItems) != 1 || len(s.ValueItems) != 1 || len(s.Drafts) != 2 {
		t.Errorf("%d profile items, %d value items, %d drafts", len(s.ProfileItems), len(s.ValueItems), len(s.Drafts))
	}
	if r := s.Results(); len(r) == 0 || r[0].Dots != len(people) {
		t.Errorf("results %+v", r)
	}
	if len(s.Ratings) < len(people) {
		t.Errorf("%d ratings", len(s.Ratings))
	}
	if s.Decision.FinalText != drafts[0] || s.Decision.Rationale == "" || len(s.Consent) != len(people) {
		t.Errorf("decision %q, rationale %q, %d consent", s.Decision.FinalText, s.Decision.Rationale, len(s.Consent))
	}
	if len(s.Measures) != 1 || len(s.Actions) != 1 || s.Actions[0].Due != "2027-01-15" {
		t.Errorf("%d measures, actions %+v", len(s.Measures), s.Actions)
	}
	for _, a := range s.Agenda {
		if !a.Done && !a.Skipped {
			t.Errorf("%s is not done after Next", a.Step)
		}
	}
	if s.Status != workshop.StatusCompleted {
		t.Errorf("status %q after every step, want completed", s.Status)
	}
	txt := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, want := range []string{"Pyörä & Polku Oy", firstWords(drafts[0], 4), "Aamun valmiit pyörät", "Soita viidelle asiakkaalle", "Åsa Öberg"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
