package ui

import (
	"errors"
	"fmt"
	"lupauspaja/ui/uitest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func entryWith(o fyne.CanvasObject, placeholder string) []*field.Entry {
	var out []*field.Entry
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*field.Entry); ok && e.PlaceHolder == placeholder {
			out = append(out, e)
		}
	})
	return out
}

func selects(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			out = append(out, s)
		}
	})
	return out
}

// selectUnder is the select shown under the question (a label just before
// it in the same box), or nil.
func selectUnder(o fyne.CanvasObject, question string) *widget.Select {
	var found *widget.Select
	uitest.Walk(o, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || found != nil {
			return
		}
		for i := 1; i < len(c.Objects); i++ {
			l, isLabel := c.Objects[i-1].(*widget.Label)
			if sel, isSelect := c.Objects[i].(*widget.Select); isLabel && isSelect && l.Text == question {
				found = sel
			}
		}
	})
	return found
}

func labelTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func typeIn(t *testing.T, w fyne.Window, e *field.Entry, text string, enter bool) {
	t.Helper()
	w.Canvas().Focus(e)
	test.Type(e, text)
	if enter {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}

// A whole check-in through the window: started from the workshop on the
// home screen, every step filled in with its controls, the history shown;
// the database holds all of it. SCREENSHOTS=folder also renders each step.
func TestWholeCheckinThroughTheWindow(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	langs := []string{"fi"}
	if dir != "" {
		langs = append(langs, "en")
	}
	for _, lang := range langs {
		u, st, _ := newTestUI(t)
		u.now = func() time.Time { return fixture.CheckinAt } // the window's clock stamps the revised promise
		u.tr.SetLanguage(lang)
		u.showHome(false)
		w := fixture.Nordrahti()
		w.Language = lang
		wid := createSession(t, st, w)
		cid := newCheckinFromHome(t, u, wid)
		c := load(t, st, cid)
		if !c.IsCheckin() || c.FollowsID != wid {
			t.Fatalf("opened %+v", c)
		}
		pages := u.ws.pages()
		if strings.Join(pages, ",") != "setup,ci_actions,ci_measures,ci_customers,ci_promise,ci_ladder,ci_next,history,summary" {
			t.Fatalf("pages %v", pages)
		}
		// The checked date is the fixture's check-in day, so that the late
		// actions are the same whatever day the test runs.
		if err := u.ws.ed.Edit(func(s *workshop.Session) error { s.Date = "2027-03-10"; return nil }); err != nil {
			t.Fatal(err)
		}
		shot := func(name string) {
			if dir != "" {
				capture(t, u.win, dir, lang+"-checkin-"+name)
			}
		}
		root := func() fyne.CanvasObject { return u.win.Content() }

		// 1 Actions: A5 done with a note, and a new action.
		u.ws.goTo(workshop.StepCIActions)
		sel := selects(root())
		var a5 *widget.Select
		for _, s := range sel {
			if s.Selected == workshop.Label(workshop.CheckinStatusLabels, workshop.ActionOpen, lang) && a5 == nil {
				a5 = s
			}
		}
		if a5 == nil {
			t.Fatal("no status picker")
		}
		notes := entryWith(root(), u.tr.T("checkin.actions.note"))
		if len(notes) != 5 {
			t.Fatalf("%d note entries", len(notes))
		}
		typeIn(t, u.win, notes[0], "Neljä haastattelua tehty", true)
		sel = selects(root())
		sel[0].SetSelected(workshop.Label(workshop.CheckinStatusLabels, workshop.ActionInProgress, lang))
		typeIn(t, u.win, entryWith(root(), u.tr.T("checkin.actions.new.text"))[0], "Aamupalaveri poikkeamista", true)
		shot("1-actions")

		// 2 Measures: a reading of the first measure.
		u.ws.goTo(workshop.StepCIMeasures)
		vals := entryWith(root(), u.tr.T("checkin.measures.value"))
		dates := entryWith(root(), u.tr.T("checkin.measures.date"))
		typeIn(t, u.win, dates[0], "2027-01-31", false)
		typeIn(t, u.win, vals[0], "58", true)
		vals = entryWith(root(), u.tr.T("checkin.measures.value"))
		dates = entryWith(root(), u.tr.T("checkin.measures.date"))
		typeIn(t, u.win, dates[0], "28.2.2027", false)
		typeIn(t, u.win, vals[0], "66", true)
		shot("2-measures")

		// 3 Customers' view: three answers, then the status from them.
		u.ws.goTo(workshop.StepCICustomers)
		for i, words := range []string{"Kuulen muutoksista ensin", "Tiedän missä kuorma on", "Saan uuden ajan heti"} {
			v := root()
			typeIn(t, u.win, entryWith(v, u.tr.T("checkin.customers.words"))[0], words, false)
			selectUnder(v, u.tr.T("checkin.customers.understood")).SetSelected(workshop.Label(workshop.UnderstoodLabels, workshop.UnderstoodYes, lang))
			selectUnder(v, u.tr.T("checkin.customers.meaningful")).SetSelected("5")
			selectUnder(v, u.tr.T("checkin.customers.differentiating")).SetSelected([]string{"4", "3", "4"}[i])
			selectUnder(v, u.tr.T("checkin.customers.would_choose")).SetSelected(workshop.Label(workshop.BuyLabels, workshop.BuyYes, lang))
			tapButton(t, v, u.tr.T("checkin.customers.add"))
		}
		tapButton(t, root(), u.tr.T("checkin.customers.set_status"))
		if !strings.Contains(labelTexts(root()), u.tr.T("checkin.verdict.passed")) {
			t.Fatalf("verdict not shown:\n%s", labelTexts(root()))
		}
		shot("3-customers")

		// 4 The promise: a new wording with its reason.
		u.ws.goTo(workshop.StepCIPromise)
		typeIn(t, u.win, entryWith(root(), u.tr.T("checkin.promise.reason"))[0], "Asiakkaat odottavat uutta aikaa", false)
		var wording *field.Entry
		uitest.Walk(root(), func(o fyne.CanvasObject) {
			if e, ok := o.(*field.Entry); ok && e.MultiLine && strings.HasPrefix(e.Text, "Tiedät aina") {
				wording = e
			}
		})
		wording.SetText("Tiedät aina, missä tavarasi menee – ja kuulet muutoksista meiltä ensin, uuden ajan kera.")
		tapButton(t, root(), u.tr.T("checkin.promise.revise"))
		shot("4-promise")

		// 5 The ladder: every participant on rung 3.
		u.ws.goTo(workshop.StepCILadder)
		for _, s := range selects(root()) {
			if s.PlaceHolder == u.tr.T("checkin.ladder.pick") {
				s.SetSelected(s.Options[2])
			}
		}
		shot("5-ladder")

		// 6 Next: the review date.
		u.ws.goTo(workshop.StepCINext)
		typeIn(t, u.win, entryWith(root(), u.tr.T("checkin.next.review.placeholder"))[0], "10.6.2027", true)
		shot("6-next")

		u.ws.goTo(workshop.StepHistory)
		hist := labelTexts(root())
		// The three answers were given about the wording before the revision:
		// none validates the new one, and the history says so, as the
		// customers' page does.
		for _, want := range []string{u.tr.T("checkin.history.since", map[string]any{"Date": "3.12.2026"}), u.tr.T("checkin.history.timeline"),
			u.tr.T("checkin.history.customers", map[string]any{"N": 0, "Status": workshop.Label(workshop.ValidationLabels, workshop.ValidationPending, lang)}),
			u.tr.T("checkin.history.customers.earlier", map[string]any{"N": 3})} {
			if lang == "fi" && !strings.Contains(hist, want) {
				t.Fatalf("history lacks %q:\n%s", want, hist)
			}
		}
		// A range scale (NPS's -100…+100) follows the target once, as on
		// the projector, not after every value.
		for _, line := range strings.Split(hist, "\n") {
			if strings.Count(line, "-100…+100") > 1 {
				t.Fatalf("history writes the range more than once: %q", line)
			}
		}
		shot("7-history")
		u.ws.goTo(workshop.StepSummary)
		shot("8-summary")
		u.ws.close()

		got := load(t, st, cid)
		if a := got.Action("A1"); a.Status != workshop.ActionInProgress || a.StatusNote != "Neljä haastattelua tehty" {
			t.Fatalf("A1 %+v", a)
		}
		if n := len(got.NewActions()); n != 1 {
			t.Fatalf("%d new actions", n)
		}
		tr := got.MeasureTrack("M1")
		if len(tr.Readings) != 2 || tr.Latest.Value != "66" || tr.Latest.Date != "2027-02-28" || tr.Status != workshop.TrackOn {
			t.Fatalf("M1 %+v", tr)
		}
		if len(got.ValidationAnswers) != 3 || got.Checkin.PromiseChoice != workshop.PromiseRevised {
			t.Fatalf("answers %d, choice %q", len(got.ValidationAnswers), got.Checkin.PromiseChoice)
		}
		if !strings.HasPrefix(got.Decision.FinalText, "Tiedät aina, missä tavarasi menee – ja kuulet") || got.LatestVersion().Note != "Asiakkaat odottavat uutta aikaa" {
			t.Fatalf("promise %q %+v", got.Decision.FinalText, got.LatestVersion())
		}
		// The other language's field was left as it came: no stale wording.
		if was := fixture.Nordrahti().Decision.FinalTextAlt; was != "" && got.Decision.FinalTextAlt == was {
			t.Fatalf("the other language still says the wording before: %q", was)
		}
		if got.LadderCounts() != [5]int{0, 0, 6, 0, 0} || got.NextReviewDate != "2027-06-10" {
			t.Fatalf("ladder %v review %s", got.LadderCounts(), got.NextReviewDate)
		}
		// The workshop is untouched, and the home list shows the two together.
		if load(t, st, wid).Decision.FinalText != w.Decision.FinalText {
			t.Fatal("the workshop changed")
		}
		u.showHome(false)
		u.home.reload()
		if len(u.home.items) != 2 || u.home.items[0].ID != wid || u.home.items[1].ID != cid {
			t.Fatalf("home %+v", u.home.items)
		}
		shot("0-home")
	}
}

// A check-in's setup page names itself a check-in, in both languages; a
// workshop's stays a workshop's.
func TestCheckinSetupNamesItself(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, st, _ := newTestUI(t)
			u.tr.SetLanguage(lang)
			w := fixture.Nordrahti()
			w.Language = lang
			wid := createSession(t, st, w)
			if err := u.open(wid); err != nil {
				t.Fatal(err)
			}
			u.ws.goTo(workshop.StepSetup)
			got := texts(u.ws.Object())
			if !strings.Contains(got, u.tr.T("setup.begin")) || strings.Contains(got, u.tr.T("setup.begin.checkin")) {
				t.Fatalf("the workshop's setup:\n%s", got)
			}
			u.showHome(true)
			newCheckinFromHome(t, u, wid)
			u.ws.goTo(workshop.StepSetup)
			got = texts(u.ws.Object())
			for _, k := range []string{"setup.section.checkin", "setup.begin.checkin"} {
				if !strings.Contains(got, u.tr.T(k)) {
					t.Errorf("no %q on the check-in's setup", u.tr.T(k))
				}
			}
			if strings.Contains(got, u.tr.T("setup.begin")+"\n") || strings.Contains(got, u.tr.T("setup.section.workshop")+"\n") {
				t.Errorf("the check-in's setup calls itself a workshop:\n%s", got)
			}
			// A check-in has no dot vote to set up.
			if strings.Contains(got, u.tr.T("setup.dots.hint")) {
				t.Errorf("the check-in's setup asks for dots:\n%s", got)
			}
		})
	}
}

// A reading's three entries on the check-in's measures page have room for
// what they ask at 1366×768: the form runs under the chart, not beside it.
func TestReadingEntriesHaveRoomForTheirHints(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCIMeasures)
	n := 0
	for _, key := range []string{"checkin.measures.value", "checkin.measures.date", "checkin.measures.source"} {
		hint := u.tr.T(key)
		need := fyne.MeasureText(hint, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		for _, e := range entryWith(u.ws.Object(), hint) {
			n++
			if w := e.Size().Width; w < need {
				t.Errorf("%q: the entry is %.0f px wide, its hint %.0f", hint, w, need)
			}
		}
	}
	if n < 3 {
		t.Fatalf("%d reading entries on the page", n)
	}
}

// A refused input is said in the app's language, titled as something to
// check (not Fyne's "Error" in the system's language), without "something
// went wrong" before the rule, and Enter closes it as OK would.
func TestRefusalIsSaidInTheAppsLanguageAndEnterClosesIt(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCIActions)
	dates := entryWith(u.ws.Object(), u.tr.T("checkin.actions.date"))
	if len(dates) == 0 {
		t.Fatal("no status date entry")
	}
	typeIn(t, u.win, dates[0], "31.2.2027", true)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog for an impossible date")
	}
	texts := labelTexts(top)
	if !strings.Contains(texts, u.tr.T("app.error.check.title")) || strings.Contains(texts, "Error") ||
		strings.Contains(texts, "Jokin meni pieleen") {
		t.Fatalf("the dialog says:\n%s", texts)
	}
	u.win.Canvas().(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter left the dialog open")
	}
	// A failure that is no refusal is still an error, in the app's language.
	u.showError(errors.New("disk I/O error"))
	if texts := labelTexts(u.win.Canvas().Overlays().Top()); !strings.Contains(texts, "Virhe") || !strings.Contains(texts, "disk I/O error") {
		t.Fatalf("an error says:\n%s", texts)
	}
}

// A customer's answer removed by mistake comes back with Ctrl+Z, as any
// deletion does.
func TestARemovedAnswerComesBackWithCtrlZ(t *testing.T) {
	u := newCheckinAt1366(t)
	if err := u.ws.ed.Edit(func(s *workshop.Session) error {
		_, err := s.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Meaningful: 4, Quote: "Tiedän, missä paketti on."})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepCICustomers)
	tapButton(t, u.ws.Object(), u.tr.T("checkin.customers.remove"))
	if n := len(u.ws.ed.Snapshot().ValidationAnswers); n != 0 {
		t.Fatalf("%d answers after removing the one", n)
	}
	press(t, u, fyne.KeyZ, ctrl)
	s := u.ws.ed.Snapshot()
	if len(s.ValidationAnswers) != 1 || s.ValidationAnswers[0].Quote != "Tiedän, missä paketti on." {
		t.Fatalf("after Ctrl+Z: %+v", s.ValidationAnswers)
	}
	if !strings.Contains(texts(u.ws.Object()), "Tiedän, missä paketti on.") {
		t.Fatal("the answer is back in the store but not on the page")
	}
}

// A reading that is not a number, for a measure of numbers, is refused
// with the rule; a reading added by mistake is taken back with its own
// button, and Ctrl+Z brings it back.
func TestAMistypedReadingIsRefusedOrTakenBack(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCIMeasures)
	values := entryWith(u.ws.Object(), u.tr.T("checkin.measures.value"))
	if len(values) == 0 {
		t.Fatal("no reading entry")
	}
	before := len(u.ws.ed.Snapshot().Readings)
	typeIn(t, u.win, values[0], "paljon parempi", true)
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelTexts(top), u.tr.T("checkin.err.value_number")) {
		t.Fatal("a reading in words for a measure of numbers was not refused with the rule")
	}
	u.dialogKey(fyne.KeyReturn)
	if n := len(u.ws.ed.Snapshot().Readings); n != before {
		t.Fatalf("%d readings, want %d", n, before)
	}
	values = entryWith(u.ws.Object(), u.tr.T("checkin.measures.value"))
	values[0].SetText("")
	typeIn(t, u.win, values[0], "58", true)
	if n := len(u.ws.ed.Snapshot().Readings); n != before+1 {
		t.Fatalf("%d readings after adding one, want %d", n, before+1)
	}
	tapButton(t, u.ws.Object(), u.tr.T("checkin.measures.reading.remove"))
	if n := len(u.ws.ed.Snapshot().Readings); n != before {
		t.Fatalf("%d readings after taking it back", n)
	}
	press(t, u, fyne.KeyZ, ctrl)
	if n := len(u.ws.ed.Snapshot().Readings); n != before+1 {
		t.Fatalf("%d readings after Ctrl+Z", n)
	}
}

// The ladder's table names each rung whole (wrapping when it must), with
// the number columns as narrow as their figures: the names were cut to
// "Suuri osa työnt…" for rungs 3 and 5 alike.
func TestLadderTableNamesEveryRungWhole(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCILadder)
	for _, r := range workshop.Ladder {
		name := fmt.Sprintf("%d %s", r.Level, r.Label.In("fi"))
		l := uitest.Find(u.ws.Object(), func(l *widget.Label) bool { return l.Text == name })
		if l == nil {
			t.Fatalf("no label %q", name)
		}
		if l.Truncation != fyne.TextTruncateOff || l.Size().Height+0.5 < l.MinSize().Height {
			t.Errorf("%q is cut: %v tall for %v", name, l.Size().Height, l.MinSize().Height)
		}
	}
}

// An action added in the check-in by mistake is taken back with its own
// button (Ctrl+Z brings it back); the actions carried over from the
// workshop have none.
func TestANewActionIsTakenBack(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCIActions)
	if b := findButton(u.ws.Object(), u.tr.T("checkin.actions.remove")); b != nil {
		t.Fatal("a carried-over action can be removed")
	}
	carried := len(u.ws.ed.Snapshot().Actions)
	text := entryWith(u.ws.Object(), u.tr.T("checkin.actions.new.text"))[0]
	typeIn(t, u.win, text, "Väärä toimenpide", true)
	if n := len(u.ws.ed.Snapshot().Actions); n != carried+1 {
		t.Fatalf("%d actions after adding one to %d", n, carried)
	}
	tapButton(t, u.ws.Object(), u.tr.T("checkin.actions.remove"))
	if n := len(u.ws.ed.Snapshot().Actions); n != carried {
		t.Fatalf("%d actions after removing the new one", n)
	}
	press(t, u, fyne.KeyZ, ctrl)
	if s := u.ws.ed.Snapshot(); len(s.Actions) != carried+1 || len(s.NewActions()) != 1 || s.NewActions()[0].Text != "Väärä toimenpide" {
		t.Fatalf("after Ctrl+Z: %d actions, new %+v", len(s.Actions), s.NewActions())
	}
}

// newCheckinAt1366 is a window of 1366×768 with a check-in of the example
// workshop open, started from the sessions list.
func newCheckinAt1366(t *testing.T) *UI {
	t.Helper()
	u, st, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	newCheckinFromHome(t, u, createSession(t, st, fixture.Nordrahti()))
	return u
}

// Each choice of the answer form stays under its question once chosen (a
// select shows only its value: a bare "4" said nothing of which question
// it answered); "no answer" takes a wrong pick back; an answer given only
// by its choices is kept when the page is left before it is added.
func TestAnAnswersChoicesKeepTheirQuestions(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCICustomers)
	root := u.ws.Object()
	none := u.tr.T("checkin.customers.no_answer")
	for _, q := range []string{"understood", "meaningful", "differentiating", "would_choose"} {
		sel := selectUnder(root, u.tr.T("checkin.customers."+q))
		if sel == nil {
			t.Fatalf("no choice under %q", u.tr.T("checkin.customers."+q))
		}
		if sel.Options[0] != none || sel.PlaceHolder != none {
			t.Fatalf("%s: options %q, shown empty as %q", q, sel.Options, sel.PlaceHolder)
		}
	}
	meaning := selectUnder(root, u.tr.T("checkin.customers.meaningful"))
	diff := selectUnder(root, u.tr.T("checkin.customers.differentiating"))
	meaning.SetSelected("2")
	meaning.SetSelected(none) // a wrong pick taken back
	diff.SetSelected("4")
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		u.win.Resize(fyne.NewSize(1366, 1100)) // the whole form in view
		capture(t, u.win, dir, "fi-checkin-3-answer-form")
	}
	u.ws.goTo(workshop.StepCIPromise)
	s := u.ws.ed.Snapshot()
	if len(s.ValidationAnswers) != 1 {
		t.Fatalf("%d answers after leaving the page with a choice made", len(s.ValidationAnswers))
	}
	if a := s.ValidationAnswers[0]; a.Meaningful != 0 || a.Differentiating != 4 || a.Understood != "" || a.WouldChoose != "" {
		t.Fatalf("stored %+v", a)
	}
}

// An action added in the check-in has its text in an entry, saved as it is
// typed without the page being rebuilt under the typing; the actions
// carried over from the workshop keep theirs as a label.
func TestANewActionsTextIsCorrectedWhereItIs(t *testing.T) {
	u := newCheckinAt1366(t)
	u.ws.goTo(workshop.StepCIActions)
	carried := u.ws.ed.Snapshot().Actions
	entryOf := func(text string) fyne.Focusable { // a widget.Entry or a field's entry
		var found fyne.Focusable
		uitest.Walk(u.ws.Object(), func(o fyne.CanvasObject) {
			f, ok := o.(fyne.Focusable)
			if _, hint := placeholder(o); ok && hint && reflect.ValueOf(o).Elem().FieldByName("Text").String() == text {
				found = f
			}
		})
		return found
	}
	if entryOf(carried[0].Text) != nil {
		t.Fatal("a carried-over action's text is in an entry")
	}
	typeIn(t, u.win, entryWith(u.ws.Object(), u.tr.T("checkin.actions.new.text"))[0], "Soita asiakkaile", true)
	e := entryOf("Soita asiakkaile")
	if e == nil {
		t.Fatal("the new action's text is not in an entry")
	}
	u.ws.goTo(workshop.StepCINext) // step 6 lists it: made now, shown again after the correction
	if !strings.Contains(labelTexts(u.ws.Object()), "Soita asiakkaile") {
		t.Fatal("step 6 does not list the new action")
	}
	u.ws.goTo(workshop.StepCIActions)
	e = entryOf("Soita asiakkaile")
	u.win.Canvas().Focus(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, " viikottain")
	u.ws.page.Flush()
	u.ws.page.Refresh()
	if entryOf("Soita asiakkaile viikottain") != e {
		t.Fatal("the entry was made anew under the typing")
	}
	// Who and by when, as in step 9: the card's own fields, above the form's.
	typeIn(t, u.win, entryWith(u.ws.Object(), u.tr.T("measures.owner.placeholder"))[0], "Hanna Koskinen", false)
	lateShown := func() (n int) {
		uitest.WalkShown(u.ws.Object(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
			if l, ok := o.(*widget.Label); ok && l.Text == u.tr.T("checkin.actions.late") {
				n++
			}
		})
		return n
	}
	before := lateShown()
	due := entryWith(u.ws.Object(), u.tr.T("checkin.actions.new.due"))[0]
	typeIn(t, u.win, due, "1.1.2020", false)
	u.win.Canvas().Unfocus()
	if lateShown() != before+1 {
		t.Fatalf("a due date long past: %d late flags, %d before", lateShown(), before)
	}
	u.win.Canvas().Focus(due)
	due.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(due, "31.5.2027")
	u.win.Canvas().Unfocus()
	if lateShown() != before {
		t.Fatalf("the due date moved on: %d late flags, %d before", lateShown(), before)
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		u.win.Resize(fyne.NewSize(1366, 2000)) // down to the new action
		capture(t, u.win, dir, "fi-checkin-1-new-action")
	}
	u.ws.goTo(workshop.StepCINext)
	if texts := labelTexts(u.ws.Object()); !strings.Contains(texts, "Soita asiakkaile viikottain") {
		t.Fatalf("step 6 shows the action's text before its correction:\n%s", texts)
	}
	got := u.ws.ed.Snapshot().NewActions()
	if len(got) != 1 || got[0].Text != "Soita asiakkaile viikottain" || got[0].Due != "2027-05-31" || got[0].OwnerID != "P2" {
		t.Fatalf("stored %+v", got)
	}
}

// The mouse wheel over a form's entry of a check-in page moves the page, as
// over the bound entries of the workshop's steps: the customers' answer
// form was a page the wheel stopped on.
func TestWheelOverACheckinFormMovesThePage(t *testing.T) {
	u := newCheckinAt1366(t)
	if err := u.ws.ed.Edit(func(s *workshop.Session) error { // answers below the form: a page to scroll
		for i := 0; i < 6; i++ {
			if _, err := s.AddAnswer(workshop.ValidationAnswer{Understood: workshop.UnderstoodYes, Quote: "Tiedän, missä paketti on."}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	u.ws.goTo(workshop.StepCICustomers)
	var scrolls []*field.Scroll
	uitest.Walk(u.ws.Object(), func(o fyne.CanvasObject) {
		if s, ok := o.(*field.Scroll); ok {
			scrolls = append(scrolls, s)
		}
	})
	offsets := func() (sum float32) {
		for _, s := range scrolls {
			sum += s.Offset.Y
		}
		return sum
	}
	d := fyne.CurrentApp().Driver()
	for _, hint := range []string{"checkin.customers.words", "checkin.customers.date"} {
		for _, s := range scrolls {
			s.ScrollToTop()
		}
		es := entryWith(u.ws.Object(), u.tr.T(hint))
		if len(es) == 0 {
			t.Fatalf("no entry %q", hint)
		}
		at := d.AbsolutePositionForObject(es[0]).Add(fyne.NewPos(20, 10))
		test.Scroll(u.win.Canvas(), at, 0, -30)
		if offsets() <= 0 {
			t.Errorf("the wheel over %q did not move the page", u.tr.T(hint))
		}
	}
}

// The actions' count says since when in Finnish as Finnish says it:
// "3.12.2026 jälkeen", not "sitten 3.12.2026" (which is "then" or "ago").
func TestTheActionsCountSaysSinceInFinnish(t *testing.T) {
	u, st, _ := newTestUI(t)
	newCheckinFromHome(t, u, createSession(t, st, fixture.Nordrahti()))
	u.ws.goTo(workshop.StepCIActions)
	got := texts(u.ws.Object())
	if !strings.Contains(got, "myöhässä – 3.12.2026 jälkeen") || strings.Contains(got, "sitten 3.12.2026") {
		t.Fatalf("the actions' count:\n%s", got)
	}
}
