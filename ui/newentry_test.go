package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// newEntry is the first "new …" entry with the hint ph on the page shown.
func newEntry(t *testing.T, u *UI, ph string) *widget.Entry {
	t.Helper()
	for _, f := range entriesWith(u.win.Content(), ph) {
		if e, ok := f.(*widget.Entry); ok {
			return e
		}
	}
	t.Fatalf("at %s: no new entry with the hint %q", u.ws.key, ph)
	return nil
}

// typeWithoutEnter types text into e as a facilitator does, and stops there.
func typeWithoutEnter(u *UI, e *widget.Entry, text string) {
	u.win.Canvas().Focus(e)
	test.Type(e, text)
}

// stored tells whether the session in the database holds text anywhere.
func stored(t *testing.T, u *UI, id int64, text string) bool {
	t.Helper()
	b, err := json.Marshal(load(t, u.lib, id))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(b), text)
}

func openFixture(t *testing.T) (*UI, int64) {
	t.Helper()
	u, st, _ := newTestUI(t)
	id := createSession(t, st, fixture.Nordrahti())
	if err := u.open(id); err != nil {
		t.Fatal(err)
	}
	return u, id
}

// A card typed in a step's new entry without Enter is added when the
// window closes, as Enter would add it: the window closes without asking.
func TestANewCardTypedWithoutEnterIsAddedOnClose(t *testing.T) {
	u, id := openFixture(t)
	u.ws.goTo(workshop.StepProfile)
	text := "Tietää heti, jos kuorma myöhästyy"
	typeWithoutEnter(u, newEntry(t, u, u.tr.T("steps.profile.new."+workshop.ItemJob)), text)
	u.close()
	if u.ws != nil {
		t.Fatal("the window asked before closing although the card could be added")
	}
	s := load(t, u.lib, id)
	found := false
	for _, it := range s.ProfileItems {
		if it.Text == text && it.Type == workshop.ItemJob {
			found = true
		}
	}
	if !found {
		t.Fatalf("the card typed without Enter is not among the %d profile cards in the database", len(s.ProfileItems))
	}
}

// What is typed in a step's new entry is added when the step is left, in
// every step with such an entry, and in setup's new participant.
func TestNewEntriesAreAddedOnLeavingTheStep(t *testing.T) {
	u, id := openFixture(t)
	for _, c := range []struct{ step, hint, text, tab string }{
		{workshop.StepSetup, u.tr.T("setup.people.add.placeholder"), "Väinö Äyräpää", ""},
		{workshop.StepPurpose, u.tr.T("steps.purpose.segment.new"), "Pienet verkkokaupat", ""},
		{workshop.StepProfile, u.tr.T("steps.profile.new." + workshop.ItemPain), "Myöhästyminen selviää vasta ovella", ""},
		{workshop.StepValueMap, u.tr.T("steps.valuemap.new." + workshop.ValuePainReliever), "Tekstiviesti heti poikkeamasta", ""},
		{workshop.StepValueMap, u.tr.T("steps.valuemap.alternative.new"), "Asiakas soittaa itse kuljettajalle", ""},
		{workshop.StepDrafts, u.tr.T("steps.drafts.new"), "Kerromme ensin, jos aikataulu pettää.", ""},
		{workshop.StepDecision, u.tr.T("decision.concerns.new"), "Riittääkö asiakaspalvelun väki ilmoituksiin?", u.tr.T("decision.tab.consent")},
		{workshop.StepMeasures, u.tr.T("measures.new"), "Ennakkoilmoitusten osuus poikkeamista", ""},
		{workshop.StepNextSteps, u.tr.T("actions.new"), "Kokeillaan ilmoitusta kahdella reitillä", ""},
	} {
		u.ws.goTo(c.step)
		if c.tab != "" {
			selectTab(t, u.ws.page.Object(), c.tab)
		}
		e := newEntry(t, u, c.hint)
		typeWithoutEnter(u, e, c.text)
		u.ws.next()
		if u.ws.key == c.step {
			t.Fatalf("%s: the step was not left", c.step)
		}
		if !stored(t, u, id, c.text) {
			t.Errorf("%s: %q typed in the new entry is not in the database after leaving the step", c.step, c.text)
		}
		if e.Text != "" {
			t.Errorf("%s: the entry still holds %q after it was added", c.step, e.Text)
		}
	}
}

// Leaving the workshop for the sessions list adds what is typed, too.
func TestANewCardTypedWithoutEnterIsAddedOnLeavingTheWorkshop(t *testing.T) {
	u, id := openFixture(t)
	u.ws.goTo(workshop.StepMeasures)
	text := "Soittojen määrä asiakaspalveluun"
	typeWithoutEnter(u, newEntry(t, u, u.tr.T("measures.new")), text)
	u.showHome(true)
	if u.ws != nil {
		t.Fatal("the workshop was not left")
	}
	if !stored(t, u, id, text) {
		t.Fatal("the measure typed without Enter is not in the database after leaving the workshop")
	}
}

// A text the add refuses (a draft over its word limit) is not lost: it
// stays in the entry with the refusal under it, and closing the window or
// the workshop asks first, also once the step has been left.
func TestARefusedNewCardIsKeptAndClosingAsks(t *testing.T) {
	u, id := openFixture(t)
	u.ws.goTo(workshop.StepDrafts)
	long := strings.TrimSpace(strings.Repeat("sana ", workshop.MaxDraftWords+1))
	e := newEntry(t, u, u.tr.T("steps.drafts.new"))
	u.win.Canvas().Focus(e)
	e.SetText(long) // pasted
	refusal := u.tr.T("field.cards.words", map[string]any{"Max": workshop.MaxDraftWords})

	asked := func(what string) {
		t.Helper()
		if u.ws == nil {
			t.Fatalf("%s: the workshop was closed with a refused text in the new entry", what)
		}
		top := u.win.Canvas().Overlays().Top()
		if top == nil || findButton(top, u.tr.T("app.unsaved.close")) == nil {
			t.Fatalf("%s: no question about the text that could not be saved", what)
		}
		if !strings.Contains(texts(top), refusal) {
			t.Errorf("%s: the question does not say why:\n%s", what, texts(top))
		}
		if general := u.tr.T("app.error.general", map[string]any{"Detail": refusal}); strings.Contains(texts(top), general) {
			t.Errorf("%s: the refusal is told as something that went wrong:\n%s", what, texts(top))
		}
		if e.Text != long {
			t.Fatalf("%s: the refused text is gone from the entry", what)
		}
		tapButton(t, top, u.tr.T("app.cancel"))
	}
	u.close()
	asked("closing the window")
	if !strings.Contains(texts(u.win.Content()), refusal) {
		t.Error("the refusal is not shown under the entry")
	}
	// The entry, below the drafts, is scrolled into view with its refusal.
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	if bottom := pos.Y + e.Size().Height; pos.Y < 0 || bottom > u.win.Canvas().Size().Height {
		t.Errorf("the entry with the refused text is out of view: %v–%v of %v", pos.Y, bottom, u.win.Canvas().Size().Height)
	}
	u.showHome(true)
	asked("leaving the workshop")

	// Left for the next step, the page keeps the text, and closing from
	// there still asks.
	u.ws.goTo(workshop.StepEvaluation)
	u.close()
	asked("closing from another step")
	if stored(t, u, id, long) {
		t.Fatal("the draft over the word limit was stored")
	}

	u.close()
	tapButton(t, u.win.Canvas().Overlays().Top(), u.tr.T("app.unsaved.close"))
	if u.ws != nil {
		t.Fatal("closing anyway did not close")
	}
}

// A new check-in started from the open workshop (Ctrl+Shift+N) leaves it
// as going home does: a refused text asks first, and the check-in is made
// only once the facilitator goes on anyway.
func TestANewCheckinFromTheWorkshopAsksAboutARefusedText(t *testing.T) {
	u, id := openFixture(t)
	u.ws.goTo(workshop.StepDrafts)
	e := newEntry(t, u, u.tr.T("steps.drafts.new"))
	u.win.Canvas().Focus(e)
	e.SetText(strings.TrimSpace(strings.Repeat("sana ", workshop.MaxDraftWords+1)))
	press(t, u, fyne.KeyN, ctrl|fyne.KeyModifierShift)
	top := u.win.Canvas().Overlays().Top()
	if u.ws == nil || u.ws.ed.ID() != id || top == nil || findButton(top, u.tr.T("app.unsaved.close")) == nil {
		t.Fatal("the check-in was started without asking about the refused draft")
	}
	if l, _ := u.lib.List(""); len(l) != 1 {
		t.Fatalf("%d sessions: a check-in was made before the answer", len(l))
	}
	tapButton(t, top, u.tr.T("app.unsaved.close"))
	if u.ws == nil || !u.ws.ed.Snapshot().IsCheckin() {
		t.Fatal("going on anyway did not open the check-in")
	}
}

// A theme change (the desktop turning dark) and a switch of the session's
// language make the pages again: one holding a text it could not save is
// kept, with its text, and closing still asks about it.
func TestARefusedTextOutlivesAThemeChangeAndALanguageSwitch(t *testing.T) {
	for _, change := range []string{"theme", "language"} {
		t.Run(change, func(t *testing.T) {
			u, _ := openFixture(t)
			u.ws.goTo(workshop.StepDrafts)
			long := strings.TrimSpace(strings.Repeat("sana ", workshop.MaxDraftWords+1))
			e := newEntry(t, u, u.tr.T("steps.drafts.new"))
			u.win.Canvas().Focus(e)
			e.SetText(long)
			u.ws.goTo(workshop.StepEvaluation)
			if change == "theme" {
				u.ws.themeChanged()
			} else {
				u.setLanguage("en")
			}
			u.close()
			top := u.win.Canvas().Overlays().Top()
			if u.ws == nil || top == nil || findButton(top, u.tr.T("app.unsaved.close")) == nil {
				t.Fatalf("after the %s change, closing did not ask about the refused draft", change)
			}
			tapButton(t, top, u.tr.T("app.cancel"))
			u.ws.goTo(workshop.StepDrafts)
			if !strings.Contains(texts(u.ws.page.Object()), long) {
				t.Fatalf("after the %s change the refused draft is gone from its page", change)
			}
		})
	}
}

// A participant's name setup cannot add (a role with no name) is kept in
// the entry and closing asks.
func TestARefusedParticipantIsKeptAndClosingAsks(t *testing.T) {
	u, _ := openFixture(t)
	u.ws.goTo(workshop.StepSetup)
	sp := u.ws.page.(*setupPage)
	typeWithoutEnter(u, sp.addName, ", ajojärjestelijä")
	u.close()
	if u.ws == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("closing did not ask about the participant that could not be added")
	}
	if sp.addName.Text != ", ajojärjestelijä" || !sp.addMsg.Visible() || sp.addMsg.Text != u.tr.T("setup.people.add.empty") {
		t.Fatalf("entry %q, message %q (shown %v)", sp.addName.Text, sp.addMsg.Text, sp.addMsg.Visible())
	}
	d := fyne.CurrentApp().Driver()
	if entry, msg := d.AbsolutePositionForObject(sp.addName), d.AbsolutePositionForObject(sp.addMsg); msg.Y < entry.Y+sp.addName.Size().Height {
		t.Errorf("the message is drawn at %v, not under the entry at %v", msg.Y, entry.Y)
	}
}
