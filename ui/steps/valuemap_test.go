package steps

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func TestValueMapLinksDeliveryAndAlternatives(t *testing.T) {
	st, env, errs := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepValueMap, env).(*valueMap)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "4-valuemap.png")
	page := v.tabs.current().(*valuePage)

	// A new reliever: Enter adds it, with no delivery recorded: flagged as a gap.
	relievers := page.lists[workshop.ValuePainReliever]
	relievers.FocusNew()
	test.Type(relievers.NewEntry, "Tekstiviesti poikkeamasta heti")
	relievers.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := reload(t, st, env)
	added := s.ValueItems[len(s.ValueItems)-1]
	if added.Text != "Tekstiviesti poikkeamasta heti" || added.SegmentID != "S1" || added.Type != workshop.ValuePainReliever {
		t.Fatalf("added %+v", added)
	}
	card := relievers.Card(added.ID)
	if card.Mark() == "" {
		t.Fatal("an unrecorded delivery is not flagged")
	}
	x := card.Extras[0].(*valueExtras)

	// Link it to a pain through the check list in the card.
	test.Tap(x.toggle)
	if !x.links.Open() || len(x.links.checks.Objects) != 4 {
		t.Fatalf("check list of the segment's pains: %d", len(x.links.checks.Objects))
	}
	test.Tap(x.links.Check("S1-P1"))
	if got := reload(t, st, env).ValueItem(added.ID).Addresses; !slices.Equal(got, []string{"S1-P1"}) {
		t.Fatalf("addresses stored %v", got)
	}
	test.Tap(x.toggle)
	if !x.linked.Visible() || !strings.Contains(x.linked.Text, "Myöhästymisestä") {
		t.Fatalf("linked pains not listed: %q", x.linked.Text)
	}

	// Delivered today: partly is still a gap, yes is not.
	x.delivered.SetValue("partly")
	if got := reload(t, st, env).ValueItem(added.ID).DeliveredToday; got != "partly" {
		t.Fatalf("delivered stored %q", got)
	}
	if !strings.Contains(card.Mark(), "osittain") {
		t.Fatalf("mark %q", card.Mark())
	}
	x.delivered.SetValue("yes")
	if card.Mark() != "" {
		t.Fatalf("delivered item still flagged: %q", card.Mark())
	}

	// Alternatives: Enter adds to the session-wide list; delete and undo.
	test.Type(page.alts.NewEntry, "Asiakas hakee itse")
	page.alts.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s = reload(t, st, env)
	alt := s.Alternatives[len(s.Alternatives)-1]
	if alt.Text != "Asiakas hakee itse" || alt.Step != workshop.StepValueMap {
		t.Fatalf("alternative %+v", alt)
	}
	test.Tap(page.alts.Card(alt.ID).Delete)
	if len(reload(t, st, env).Alternatives) != 3 {
		t.Fatal("alternative not deleted")
	}
	if !undo(t, env) || len(reload(t, st, env).Alternatives) != 4 {
		t.Fatal("undo did not restore the alternative")
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	screenshot(t, w, "4-valuemap-edited.png")
}

func TestValueMapLargeSession(t *testing.T) {
	_, env, _ := stepEnv(t, fixture.Large())
	v := New(workshop.StepValueMap, env).(*valueMap)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	if v.tabs.current() == nil {
		t.Fatal("no page")
	}
	screenshot(t, w, "4-valuemap-large.png")
}
