package steps

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestDraftsAddEditVersionAndChoices(t *testing.T) {
	st, env, errs := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepDrafts, env).(*drafts)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "5-drafts.png")

	// Enter adds an anonymous draft for the focus segments, version 1.
	v.FocusNew()
	if w.Canvas().Focused() != v.list.NewEntry {
		t.Fatal("FocusNew did not focus the new-draft entry")
	}
	test.Type(v.list.NewEntry, "Tiedät aina, missä tavarasi on.")
	v.list.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := reload(t, st, env)
	d := s.Drafts[len(s.Drafts)-1]
	if d.Text != "Tiedät aina, missä tavarasi on." || len(d.AuthorIDs) != 0 || d.Version != 1 ||
		!slices.Equal(d.SegmentIDs, []string{"S1", "S2"}) || d.Shortlisted {
		t.Fatalf("added %+v", d)
	}
	card := v.list.Card(d.ID)

	// One edit of the wording (several saves while typing) is one new version.
	e := card.Text.Entry
	w.Canvas().Focus(e)
	test.Type(e, "Nyt: ")
	card.Text.Flush()
	test.Type(e, "heti ")
	card.Text.Flush()
	w.Canvas().Unfocus()
	if got := reload(t, st, env).Draft(d.ID); got.Version != 2 || got.Text != "Nyt: heti Tiedät aina, missä tavarasi on." {
		t.Fatalf("after one edit: version %d, %q", got.Version, got.Text)
	}
	w.Canvas().Focus(e)
	test.Type(e, "!")
	w.Canvas().Unfocus()
	if got := reload(t, st, env).Draft(d.ID).Version; got != 3 {
		t.Fatalf("after a second edit: version %d", got)
	}

	// Authors, segments and the shortlist.
	x := card.Extras[0].(*draftExtras)
	if !strings.Contains(x.authors.toggle.Text, "nimetön") {
		t.Fatalf("author button %q", x.authors.toggle.Text)
	}
	test.Tap(x.authors.toggle)
	test.Tap(x.authors.Check("P6"))
	test.Tap(x.segments.toggle)
	test.Tap(x.segments.Check("S2"))
	test.Tap(x.shortlist)
	got := reload(t, st, env).Draft(d.ID)
	if !slices.Equal(got.AuthorIDs, []string{"P6"}) || !slices.Equal(got.SegmentIDs, []string{"S1"}) || !got.Shortlisted {
		t.Fatalf("choices stored %+v", got)
	}
	// What the draft rests on: a pain from step 3.
	test.Tap(x.basedOn.toggle)
	test.Tap(x.basedOn.Check("S1-P2"))
	if got := reload(t, st, env).Draft(d.ID).BasedOn; !slices.Equal(got, []string{"S1-P2"}) {
		t.Fatalf("based on %v", got)
	}
	if !strings.Contains(x.basedOn.toggle.Text, "1") {
		t.Fatalf("based-on button %q", x.basedOn.toggle.Text)
	}
	if !strings.Contains(x.authors.toggle.Text, "Timo Laaksonen") {
		t.Fatalf("author button %q", x.authors.toggle.Text)
	}

	// The Moore scaffold opens on demand; emptied, it is dropped again.
	if x.moore.Visible() {
		t.Fatal("Moore scaffold open by default")
	}
	test.Tap(x.mooreBtn)
	forField := x.fields[0].(*field.Text)
	forField.Entry.SetText("Rakennusliikkeille")
	forField.Flush()
	if m := reload(t, st, env).Draft(d.ID).Moore; m == nil || m.For != "Rakennusliikkeille" {
		t.Fatalf("moore stored %+v", m)
	}
	forField.Entry.SetText("")
	forField.Flush()
	if m := reload(t, st, env).Draft(d.ID).Moore; m != nil {
		t.Fatalf("empty scaffold kept: %+v", m)
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	screenshot(t, w, "5-drafts-edited.png")

	// The pickers and the scaffold open inside the card.
	first := v.list.Card("D1").Extras[0].(*draftExtras)
	test.Tap(first.authors.toggle)
	test.Tap(first.mooreBtn)
	screenshot(t, w, "5-drafts-open.png")
}

func TestDraftsLongDraftIsFlaggedAndDeleteKeepsTheSessionWhole(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepDrafts, env).(*drafts)
	w := window(t, env, v)
	long := strings.TrimSpace(strings.Repeat("sana ", 26))
	test.Type(v.list.NewEntry, long)
	v.list.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := reload(t, st, env)
	id := s.Drafts[len(s.Drafts)-1].ID
	if m := v.list.Card(id).Mark(); !strings.Contains(m, "26 sanaa") {
		t.Fatalf("long draft mark %q", m)
	}
	if !strings.Contains(v.summary.Text, "yli 25") {
		t.Fatalf("summary %q", v.summary.Text)
	}

	// The word count follows the typing before anything is saved.
	d2 := v.list.Card("D2")
	w.Canvas().Focus(d2.Text.Entry)
	test.Type(d2.Text.Entry, strings.Repeat("lisää ", 30))
	x := d2.Extras[0].(*draftExtras)
	if !strings.Contains(x.facts.Text, "33 sanaa") || x.facts.Importance != widget.WarningImportance {
		t.Fatalf("live count %q", x.facts.Text)
	}
	if reload(t, st, env).Draft("D2").Text != "Suomen luotettavinta logistiikkaa." {
		t.Fatal("saved before the pause")
	}
	w.Canvas().Unfocus()

	// D1 has dots and ratings; deleting it must leave a valid session, and
	// undo must bring the votes back.
	before := reload(t, st, env)
	test.Tap(v.list.Card("D1").Delete)
	s = reload(t, st, env)
	if err := s.Validate(); err != nil {
		t.Fatalf("after deleting a voted draft: %v", err)
	}
	if !undo(t, env) {
		t.Fatal("undo refused")
	}
	s = reload(t, st, env)
	if s.Draft("D1") == nil || len(s.DotVotes) != len(before.DotVotes) || len(s.Ratings) != len(before.Ratings) ||
		s.Decision.ChosenDraftID != before.Decision.ChosenDraftID {
		t.Fatalf("undo restored %d/%d dots, %d/%d ratings, chosen %q", len(s.DotVotes), len(before.DotVotes),
			len(s.Ratings), len(before.Ratings), s.Decision.ChosenDraftID)
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("after undo: %v", err)
	}
}

func TestDraftsLargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepDrafts, env).(*drafts)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	if len(v.list.IDs()) < 20 {
		t.Fatalf("%d drafts shown", len(v.list.IDs()))
	}
	screenshot(t, w, "5-drafts-large.png")
}

// The step screen flushes the view when the facilitator moves to another
// step while still typing: what was typed is stored at once.
func TestStepViewsFlushTypingOnLeaving(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	cases := []struct {
		key  string
		card func(v View) *field.Card
		text func(s *workshop.Session) string
	}{
		{workshop.StepPurpose, func(v View) *field.Card { return v.(*purpose).segments.Card("S1") },
			func(s *workshop.Session) string { return s.Segment("S1").Name }},
		{workshop.StepProfile, func(v View) *field.Card {
			return v.(*profile).tabs.current().(*profilePage).lists[workshop.ItemGain].Card("S1-G1")
		}, func(s *workshop.Session) string { return s.ProfileItem("S1-G1").Text }},
		{workshop.StepValueMap, func(v View) *field.Card {
			return v.(*valueMap).tabs.current().(*valuePage).alts.Card("ALT3")
		}, func(s *workshop.Session) string {
			for _, a := range s.Alternatives {
				if a.ID == "ALT3" {
					return a.Text
				}
			}
			return ""
		}},
		{workshop.StepDrafts, func(v View) *field.Card { return v.(*drafts).list.Card("D2") },
			func(s *workshop.Session) string { return s.Draft("D2").Text }},
	}
	for _, c := range cases {
		v := New(c.key, env)
		w := window(t, env, v)
		card := c.card(v)
		w.Canvas().Focus(card.Text.Entry)
		test.Type(card.Text.Entry, "Uusi: ")
		v.Flush()
		if got := c.text(reload(t, st, env)); !strings.HasPrefix(got, "Uusi: ") {
			t.Errorf("%s: stored %q after Flush", c.key, got)
		}
	}
}
