package steps

import (
	"lupauspaja/ui/uitest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/button"
	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestDecisionStartsFromWinnerKeepsAndRestoresVersions(t *testing.T) {
	s := fixture.Nordrahti()
	agreed := s.Decision.FinalText
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1100, 760)

	test.Tap(v.winner)
	got := reload(t, st, env)
	d1 := got.Draft("D1").Text
	if got.Decision.FinalText != d1 || got.Decision.ChosenDraftID != "D1" {
		t.Fatalf("not started from the winner: %q", got.Decision.FinalText)
	}
	vs := got.VersionsByTime()
	if len(vs) != 2 || vs[0].Text != agreed || vs[1].Text != d1 {
		t.Fatalf("the wording before and the winner's should be versions: %+v", vs)
	}
	if v.final.Entry.Text != d1 {
		t.Fatalf("entry shows %q", v.final.Entry.Text)
	}

	// Typing, then a pause: the edit lands as a version of its own.
	win.Canvas().Focus(v.final.Entry)
	v.final.Entry.CursorRow, v.final.Entry.CursorColumn = 0, len([]rune(d1))
	test.Type(v.final.Entry, " Aina.")
	v.final.Flush() // what the debounce does after a short pause
	if got := reload(t, st, env); got.Decision.FinalText != d1+" Aina." || len(got.PromiseVersions) != 2 {
		t.Fatalf("the wording should be saved at once and the version wait for the pause: %q, %d versions",
			got.Decision.FinalText, len(got.PromiseVersions))
	}
	if !v.versionPending() {
		t.Fatal("no version waiting for the pause")
	}
	v.versionDue()
	if l := reload(t, st, env).LatestVersion(); l == nil || l.Text != d1+" Aina." {
		t.Fatalf("the rested wording did not become a version: %+v", l)
	}
	if v.versionPending() {
		t.Fatal("the version is still pending after it was kept")
	}
	capture(t, win, "7-wording.png")

	// Restore the first version (the agreed wording).
	first := vs[0].ID
	v.restore(first)
	got = reload(t, st, env)
	if got.Decision.FinalText != agreed {
		t.Fatalf("restore did not bring the wording back: %q", got.Decision.FinalText)
	}
	if all := got.VersionsByTime(); len(all) != 4 || all[3].Text != agreed || !strings.Contains(all[3].Note, "versiosta 1") {
		t.Fatalf("restoring should add a version: %+v", all)
	}
	if v.final.Entry.Text != agreed {
		t.Fatalf("entry not updated after restore: %q", v.final.Entry.Text)
	}
}

func TestRestoreButtonInTheVersionList(t *testing.T) {
	s := fixture.Nordrahti()
	s.PromiseVersions = []workshop.PromiseVersion{
		{ID: "V1", Text: "Ensimmäinen.", At: "2026-12-03T10:00:00Z"},
		{ID: "V2", Text: s.Decision.FinalText, At: "2026-12-03T10:05:00Z"},
	}
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	showView(t, env, v, 1100, 760)
	tapped := false
	for _, o := range uitest.All(v.versions) {
		if b, ok := o.(*button.Button); ok && b.Text == "Palauta" {
			test.Tap(b)
			tapped = true
			break
		}
	}
	if !tapped {
		t.Fatal("no restore button for the older version")
	}
	if got := reload(t, st, env); got.Decision.FinalText != "Ensimmäinen." || len(got.PromiseVersions) != 3 {
		t.Fatalf("restore: %q, %d versions", got.Decision.FinalText, len(got.PromiseVersions))
	}
}

func TestConsentUnderThreeAsksForAConcern(t *testing.T) {
	s := fixture.Nordrahti()
	s.Consent = nil
	s.Decision.OpenConcerns = nil
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1100, 760)
	v.tabs.SelectIndex(2)
	v.FocusNew()
	if win.Canvas().Focused() != v.consent.newConcern {
		t.Fatal("Ctrl+N on the consent tab should go to a new open concern")
	}
	c := v.consent
	for i, pid := range []string{"P1", "P2", "P4", "P5", "P6"} {
		test.Tap(c.persons.by[pid].buttons[5-i%2])
	}
	if c.concernEntry("P1") != nil {
		t.Fatal("a concern asked from someone showing 5")
	}
	test.Tap(c.persons.by["P3"].buttons[2])
	if got := reload(t, st, env).ConsentOf("P3"); got == nil || got.Fingers != 2 {
		t.Fatalf("fingers not stored: %+v", got)
	}
	f := c.concernEntry("P3")
	if f == nil {
		t.Fatal("no concern asked from someone showing 2")
	}
	if win.Canvas().Focused() != f.Entry {
		t.Fatal("the concern entry did not take the keyboard")
	}
	test.Type(f.Entry, "Sana 'aina' on liian kova")
	f.Flush()
	got := reload(t, st, env)
	if got.ConsentOf("P3").Concern != "Sana 'aina' on liian kova" {
		t.Fatalf("concern not stored: %+v", got.ConsentOf("P3"))
	}
	if oc := got.Decision.OpenConcerns; len(oc) != 1 || oc[0] != "Jari Heikkilä: Sana 'aina' on liian kova" {
		t.Fatalf("open concerns: %q", oc)
	}
	if !strings.Contains(c.result.Text, "ei saavutettu") {
		t.Fatalf("result: %q", c.result.Text)
	}
	capture(t, win, "7-consent.png")

	// A new round clears the fingers, keeps the concern.
	c.newRound()
	got = reload(t, st, env)
	if len(got.Consent) != 0 || got.Decision.ConsentRound != 2 || len(got.Decision.OpenConcerns) != 1 {
		t.Fatalf("new round: %d votes, round %d, concerns %q", len(got.Consent), got.Decision.ConsentRound, got.Decision.OpenConcerns)
	}
	if c.concernEntry("P3") != nil || !strings.Contains(c.round.Text, "2") {
		t.Fatal("the view still shows the old round")
	}
}

func TestRejectionsRationaleAndValidation(t *testing.T) {
	s := fixture.Nordrahti()
	s.Decision.Rejected = nil
	s.Decision.ValidationStatus = workshop.ValidationPending
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1100, 760)
	if !v.warning.Visible() {
		t.Fatal("no warning while not validated")
	}
	v.tabs.SelectIndex(1)
	if len(v.rejIDs) != 4 || v.rejIDs[0] != "D2" {
		t.Fatalf("reasons asked for %v", v.rejIDs)
	}
	reason := v.rejFields[0].(*field.Text)
	win.Canvas().Focus(reason.Entry)
	test.Type(reason.Entry, "Ei erota meitä 😀")
	reason.Flush()
	if got := reload(t, st, env); got.Rejection("D2") != "Ei erota meitä 😀" {
		t.Fatalf("rejection: %+v", got.Decision.Rejected)
	}
	capture(t, win, "7-reasons.png")
	v.tabs.SelectIndex(3)
	v.validation.SetValue(workshop.ValidationDone)
	if got := reload(t, st, env); got.Decision.ValidationStatus != workshop.ValidationDone {
		t.Fatalf("validation: %q", got.Decision.ValidationStatus)
	}
	if v.warning.Visible() {
		t.Fatal("warning still shown once validated")
	}
}

func TestDecisionOfALargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1366, 768)
	v.tabs.SelectIndex(2)
	if len(v.consent.persons.ids) != 40 {
		t.Fatalf("%d consent rows", len(v.consent.persons.ids))
	}
	capture(t, win, "7-consent-large.png")
}

func TestConsentQuickRowForTheWholeRoom(t *testing.T) {
	s := fixture.Nordrahti()
	s.Consent = nil
	s.Decision.OpenConcerns = nil
	st, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1100, 760)
	v.tabs.SelectIndex(2)
	c := v.consent
	win.Canvas().Focus(c.quick)
	test.Type(c.quick, "54x")
	c.quick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !c.msg.Visible() || !strings.Contains(c.msg.Text, "”x”") || c.quick.Text != "54x" || len(reload(t, st, env).Consent) != 0 {
		t.Fatalf("bad row: %q, kept %q", c.msg.Text, c.quick.Text)
	}
	c.quick.SetText("5 4 2 - 4 5")
	c.quick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got := reload(t, st, env)
	if len(got.Consent) != 5 || got.ConsentOf("P3").Fingers != 2 || got.ConsentOf("P4") != nil || got.ConsentOf("P6").Fingers != 5 {
		t.Fatalf("stored: %+v", got.Consent)
	}
	if c.msg.Visible() || c.quick.Text != "" {
		t.Fatalf("after a good row: %q %q", c.msg.Text, c.quick.Text)
	}
	if f := c.concernEntry("P3"); f == nil || win.Canvas().Focused() != f.Entry {
		t.Fatal("the concern of the one under three should be asked next")
	}
	c.quick.SetText("5555555")
	c.quick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(c.msg.Text, "osallistujia on 6") {
		t.Fatalf("too many: %q", c.msg.Text)
	}
}

// A draft's text edited while the decision page is kept (in step 5, or by
// a phone) is shown in its row of reasons: the rows stay, their labels follow.
func TestRejectedDraftsShowTheirEditedText(t *testing.T) {
	s := fixture.Nordrahti()
	s.Decision.Rejected = nil
	_, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	showView(t, env, v, 1100, 760)
	v.tabs.SelectIndex(1)
	if len(v.rejIDs) == 0 || v.rejIDs[0] != "D2" {
		t.Fatalf("reasons asked for %v", v.rejIDs)
	}
	entry := v.rejFields[0]
	if err := env.Room.Ed.Edit(func(s *workshop.Session) error {
		s.Draft("D2").Text = "Uusi sanamuoto: äöå"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	v.Refresh()
	shown := false
	uitest.Walk(v.rejected, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, " · Uusi sanamuoto: äöå") {
			shown = true
		}
	})
	if !shown {
		t.Error("the row of D2 does not show its edited text")
	}
	if v.rejFields[0] != entry {
		t.Error("the reason entry was made anew for an edited text")
	}
}

// With nobody in the room the consent round says so, from the first time
// it is shown; a participant added gets a row in its place, and the
// sentence comes back when they are gone.
func TestConsentRoundWithNobody(t *testing.T) {
	s := fixture.Nordrahti()
	s.Participants, s.Consent, s.DotVotes, s.Ratings, s.Ladder = nil, nil, nil, nil, nil
	_, env, _ := stepEnv(t, s)
	v := New(workshop.StepDecision, env).(*decision)
	showView(t, env, v, 1100, 760)
	c := v.consent
	nobody := env.T("decision.consent.nobody")
	says := func() bool {
		for _, o := range c.rows.Objects {
			if l, ok := o.(*widget.Label); ok && l.Text == nobody {
				return true
			}
		}
		return false
	}
	if !says() || len(c.persons.by) != 0 {
		t.Fatalf("an empty room: %d rows, the sentence shown %v", len(c.persons.by), says())
	}
	var id string
	if err := env.Room.Ed.Edit(func(s *workshop.Session) error {
		p, err := s.AddParticipant("Åsa Öberg", "")
		id = p.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c.Refresh()
	if says() || c.persons.by[id] == nil || len(c.rows.Objects) != 1 {
		t.Fatalf("after one joined: %d objects, the sentence shown %v", len(c.rows.Objects), says())
	}
	if err := env.Room.Ed.Edit(func(s *workshop.Session) error { _, err := s.RemoveParticipant(id); return err }); err != nil {
		t.Fatal(err)
	}
	c.Refresh()
	if !says() {
		t.Fatal("the sentence did not come back when the room emptied")
	}
}
