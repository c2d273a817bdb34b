package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestProfileCardsWithEvidence(t *testing.T) {
	st, env, errs := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepProfile, env).(*profile)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "3-profile.png")
	if len(v.tabs.ids) != 2 {
		t.Fatalf("tabs for %v, want the two focus segments", v.tabs.ids)
	}
	page := v.tabs.current().(*profilePage)
	if !strings.Contains(page.evident.Text, "1/10") {
		t.Fatalf("assumption line %q", page.evident.Text)
	}
	if page.lists[workshop.ItemPain].Card("S1-P4").Mark() == "" {
		t.Fatal("the assumed pain is not highlighted")
	}

	// Ctrl+N goes to the jobs; Enter adds a job that rests on an assumption.
	v.FocusNew()
	if w.Canvas().Focused() != page.lists[workshop.ItemJob].NewEntry {
		t.Fatal("FocusNew did not focus the new-job entry")
	}
	jobs := page.lists[workshop.ItemJob]
	test.Type(jobs.NewEntry, "Saada laskutus oikein kerralla")
	jobs.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := reload(t, st, env)
	added := s.ProfileItems[len(s.ProfileItems)-1]
	if added.Text != "Saada laskutus oikein kerralla" || added.SegmentID != "S1" || added.Type != workshop.ItemJob ||
		added.Evidence != workshop.EvidenceAssumption || added.Importance != 2 || added.JobKind != "functional" {
		t.Fatalf("added %+v", added)
	}
	if !strings.Contains(page.evident.Text, "2/11") {
		t.Fatalf("assumption line not updated: %q", page.evident.Text)
	}
	// The room says a customer told it: the highlight goes.
	extras := jobs.Card(added.ID).Extras[0].(*grouped)
	evidence := extras.g[0].(interface{ SetValue(string) })
	evidence.SetValue(workshop.EvidenceCustomerSaid)
	if got := reload(t, st, env).ProfileItem(added.ID).Evidence; got != workshop.EvidenceCustomerSaid {
		t.Fatalf("evidence stored %q", got)
	}
	if jobs.Card(added.ID).Mark() != "" {
		t.Fatal("still highlighted as an assumption")
	}

	// Deleting a pain that a reliever and a draft refer to, then undoing it.
	pains := page.lists[workshop.ItemPain]
	test.Tap(pains.Card("S1-P1").Delete)
	s = reload(t, st, env)
	if err := s.Validate(); err != nil {
		t.Fatalf("after delete: %v", err)
	}
	if s.ProfileItem("S1-P1") != nil {
		t.Fatal("not deleted")
	}
	if !undo(t, env) {
		t.Fatal("undo refused")
	}
	s = reload(t, st, env)
	if s.ProfileItem("S1-P1") == nil || !strings.Contains(strings.Join(s.Draft("D1").BasedOn, ","), "S1-P1") {
		t.Fatalf("undo did not restore the pain and the draft's reference: %v", s.Draft("D1").BasedOn)
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	v.tabs.Select("S2")
	screenshot(t, w, "3-profile-segment2.png")
}

func TestProfileLargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepProfile, env).(*profile)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "3-profile-large.png")
	if v.tabs.current() == nil {
		t.Fatal("no page")
	}
}
