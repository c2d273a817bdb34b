package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"lupauspaja/ui/checkin"
	"lupauspaja/ui/field"
	"lupauspaja/ui/uitest"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// openCheckin opens a new check-in of the Nordrahti workshop from the
// sessions list, at the step key.
func openCheckin(t *testing.T, key string) (*UI, int64) {
	t.Helper()
	u, st, _ := newTestUI(t)
	u.now = func() time.Time { return fixture.CheckinAt }
	wid := createSession(t, st, fixture.Nordrahti())
	cid := newCheckinFromHome(t, u, wid)
	u.ws.goTo(key)
	return u, cid
}

// promiseEntries are step 4's reason, new wording and other language's wording.
func promiseEntries(t *testing.T, u *UI) (reason, text, alt *field.Entry) {
	t.Helper()
	root := u.ws.page.Object() // not the notes beside it
	reason = entryWith(root, u.tr.T("checkin.promise.reason"))[0]
	var multi []*field.Entry
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*field.Entry); ok && e.MultiLine {
			multi = append(multi, e)
		}
	})
	if len(multi) != 2 {
		t.Fatalf("%d multi-line entries on the promise's page", len(multi))
	}
	return reason, multi[0], multi[1]
}

// closeAsks closes the window and checks that it asked about the typed
// promise instead, and answers Cancel.
func closeAsks(t *testing.T, u *UI, what string) {
	t.Helper()
	u.close()
	top := u.win.Canvas().Overlays().Top()
	if u.ws == nil || top == nil || findButton(top, u.tr.T("app.unsaved.close")) == nil {
		t.Fatalf("%s: the window closed without asking", what)
	}
	want := u.tr.T("checkin.promise.unsaved", map[string]any{"Keep": u.tr.T("checkin.promise.keep"), "Revise": u.tr.T("checkin.promise.revise")})
	if !strings.Contains(texts(top), want) {
		t.Fatalf("%s: the question does not say what is unsaved:\n%s", what, texts(top))
	}
	tapButton(t, top, u.tr.T("app.cancel"))
}

// A reason or a new wording typed in the check-in's step 4 and neither
// kept nor saved as a version is not dropped on closing: closing asks,
// and the promise is not revised on its own.
func TestTypedPromiseMakesClosingAsk(t *testing.T) {
	u, cid := openCheckin(t, workshop.StepCIPromise)
	before := load(t, u.lib, cid).Decision.FinalText
	reason, text, _ := promiseEntries(t, u)
	typeIn(t, u.win, reason, "Asiakkaat odottavat uutta aikaa", false)
	closeAsks(t, u, "a reason typed")
	if reason.Text != "Asiakkaat odottavat uutta aikaa" {
		t.Fatalf("the reason typed is gone: %q", reason.Text)
	}

	reason.SetText("")
	u.win.Canvas().Focus(text)
	text.SetText("Tiedät aina, missä tavarasi menee – ja kuulet muutoksista meiltä ensin.")
	closeAsks(t, u, "a wording typed")

	u.close()
	tapButton(t, u.win.Canvas().Overlays().Top(), u.tr.T("app.unsaved.close"))
	if u.ws != nil {
		t.Fatal("closing anyway did not close")
	}
	s := load(t, u.lib, cid)
	if s.Decision.FinalText != before || s.Checkin.PromiseChoice != "" || len(s.PromiseVersions) != len(fixture.Nordrahti().PromiseVersions) {
		t.Fatalf("the promise changed on its own: %q, choice %q, %d versions", s.Decision.FinalText, s.Checkin.PromiseChoice, len(s.PromiseVersions))
	}
}

// What is typed in step 4 stays in its entries when the page is shown
// again after an answer was added, and when the view is rebuilt after the
// wording was kept; once kept or revised, it is not asked about.
func TestTypedPromiseSurvivesTheViewBeingRebuilt(t *testing.T) {
	u, cid := openCheckin(t, workshop.StepCIPromise)
	const (
		why     = "Asiakkaat odottavat uutta aikaa"
		wording = "Tiedät aina, missä tavarasi menee – ja kuulet muutoksista meiltä ensin, uuden ajan kera."
		other   = "You always know where your goods are – and hear of any change from us first."
	)
	reason, text, alt := promiseEntries(t, u)
	typeIn(t, u.win, reason, why, false)
	u.win.Canvas().Focus(text)
	text.SetText(wording)
	typeIn(t, u.win, alt, other, false)

	// An answer added on the customers' page changes the verdict the page shows.
	u.ws.goTo(workshop.StepCICustomers)
	v := u.win.Content()
	typeIn(t, u.win, entryWith(v, u.tr.T("checkin.customers.words"))[0], "Kuulen muutoksista ensin", false)
	selectUnder(v, u.tr.T("checkin.customers.understood")).SetSelected(workshop.Label(workshop.UnderstoodLabels, workshop.UnderstoodYes, "fi"))
	selectUnder(v, u.tr.T("checkin.customers.meaningful")).SetSelected("5")
	tapButton(t, v, u.tr.T("checkin.customers.add"))
	u.ws.goTo(workshop.StepCIPromise)
	if n := len(load(t, u.lib, cid).ValidationAnswers); n == 0 {
		t.Fatal("no answer was added")
	}
	reason, text, alt = promiseEntries(t, u)
	if reason.Text != why || text.Text != wording || alt.Text != other {
		t.Fatalf("after an answer was added: reason %q, wording %q, other %q", reason.Text, text.Text, alt.Text)
	}
	if want := checkin.VerdictText(u.ws.ed.Snapshot()); !strings.Contains(labelTexts(u.win.Content()), want) {
		t.Fatalf("the verdict %q is not shown", want)
	}

	// Keeping the wording rebuilds the view: the new wording typed stays.
	tapButton(t, u.win.Content(), u.tr.T("checkin.promise.keep"))
	s := load(t, u.lib, cid)
	if s.Checkin.PromiseChoice != workshop.PromiseKept || s.Checkin.PromiseReason != why {
		t.Fatalf("kept: choice %q, reason %q", s.Checkin.PromiseChoice, s.Checkin.PromiseReason)
	}
	reason, text, alt = promiseEntries(t, u)
	if reason.Text != "" || text.Text != wording || alt.Text != other {
		t.Fatalf("after keeping: reason %q, wording %q, other %q", reason.Text, text.Text, alt.Text)
	}
	closeAsks(t, u, "a wording typed after keeping")

	typeIn(t, u.win, reason, "Uusi aika kuuluu lupaukseen", false)
	tapButton(t, u.win.Content(), u.tr.T("checkin.promise.revise"))
	if got := load(t, u.lib, cid).Decision; got.FinalText != wording || got.FinalTextAlt != other {
		t.Fatalf("revised to %q / %q", got.FinalText, got.FinalTextAlt)
	}
	u.close()
	if u.ws != nil {
		t.Fatal("closing asked although the wording was saved")
	}
}

// An action's status date typed without Enter is stored when the step is
// left with its Next button, though the note was not changed.
func TestActionStatusDateTypedIsStoredOnNext(t *testing.T) {
	u, cid := openCheckin(t, workshop.StepCIActions)
	id := load(t, u.lib, cid).Actions[0].ID
	date := entryWith(u.ws.page.Object(), u.tr.T("checkin.actions.date"))[0]
	date.SetText("")
	typeIn(t, u.win, date, "1.3.2027", false)
	tapButton(t, u.ws.page.Object(), u.tr.T("step.next"))
	if u.ws.key != workshop.StepCIMeasures {
		t.Fatalf("Next went to %q", u.ws.key)
	}
	if got := load(t, u.lib, cid).Action(id).StatusDate; got != "2027-03-01" {
		t.Fatalf("status date stored %q, want 2027-03-01", got)
	}
}

// An action's status date and note are stored when their entry loses the
// focus, and the page is not rebuilt under the entry the focus went to.
func TestActionStatusIsStoredOnLeavingTheEntry(t *testing.T) {
	u, cid := openCheckin(t, workshop.StepCIActions)
	acts := load(t, u.lib, cid).Actions
	page := u.ws.page.Object()
	dates := entryWith(page, u.tr.T("checkin.actions.date"))
	notes := entryWith(page, u.tr.T("checkin.actions.note"))
	dates[1].SetText("")
	typeIn(t, u.win, dates[1], "2027-03-02", false)
	typeIn(t, u.win, notes[0], "Kaksi haastattelua tehty", false)
	if got := load(t, u.lib, cid).Action(acts[1].ID).StatusDate; got != "2027-03-02" {
		t.Fatalf("status date stored %q on leaving the entry", got)
	}
	u.win.Canvas().Focus(notes[1])
	if got := load(t, u.lib, cid).Action(acts[0].ID).StatusNote; got != "Kaksi haastattelua tehty" {
		t.Fatalf("status note stored %q on leaving the entry", got)
	}
	if now := entryWith(u.ws.page.Object(), u.tr.T("checkin.actions.note")); len(now) < 2 || now[1] != notes[1] || u.win.Canvas().Focused() != notes[1] {
		t.Fatal("the page was rebuilt under the entry the focus went to")
	}
	if dates[1].Text != "2.3.2027" {
		t.Errorf("the date left is shown as %q, not in the language's way", dates[1].Text)
	}
}

// A new action the check-in cannot add when the window closes (its due
// date does not parse) is not dropped: closing asks, and the typed text
// stays in the form.
func TestARefusedNewCheckinActionMakesClosingAsk(t *testing.T) {
	u, cid := openCheckin(t, workshop.StepCIActions)
	page := u.ws.page.Object()
	text := entryWith(page, u.tr.T("checkin.actions.new.text"))[0]
	typeIn(t, u.win, text, "Soitetaan viidelle asiakkaalle", false)
	typeIn(t, u.win, entryWith(page, u.tr.T("checkin.actions.new.due"))[0], "ensi viikolla", false)
	u.close()
	if u.ws == nil {
		t.Fatal("the window closed without asking about the action it could not add")
	}
	var asked bool
	for _, o := range u.win.Canvas().Overlays().List() {
		if findButton(o, u.tr.T("app.unsaved.close")) != nil {
			asked = true
		}
	}
	if !asked {
		t.Fatal("no question about the text that could not be saved")
	}
	if text.Text != "Soitetaan viidelle asiakkaalle" {
		t.Fatalf("the typed action is gone: %q", text.Text)
	}
	if n := len(load(t, u.lib, cid).NewActions()); n != 0 {
		t.Fatalf("%d new actions stored", n)
	}
}

// Leaving the check-in with a new action it cannot add asks too; leaving
// anyway shows the sessions list with no refusal left over it.
func TestARefusedNewCheckinActionMakesLeavingAsk(t *testing.T) {
	u, _ := openCheckin(t, workshop.StepCIActions)
	page := u.ws.page.Object()
	typeIn(t, u.win, entryWith(page, u.tr.T("checkin.actions.new.text"))[0], "Soitetaan viidelle asiakkaalle", false)
	typeIn(t, u.win, entryWith(page, u.tr.T("checkin.actions.new.due"))[0], "ensi viikolla", false)
	u.showHome(true)
	top := u.win.Canvas().Overlays().Top()
	if u.ws == nil || top == nil || findButton(top, u.tr.T("app.unsaved.close")) == nil {
		t.Fatal("the check-in was left without asking")
	}
	tapButton(t, top, u.tr.T("app.unsaved.close"))
	if u.ws != nil || u.home == nil {
		t.Fatal("leaving anyway did not show the sessions list")
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs left over the sessions list:\n%s", n, texts(u.win.Canvas().Overlays().Top()))
	}
}
