package steps

import (
	"lupauspaja/ui/uitest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/field"
	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

func focusCheck(t *testing.T, v *purpose, id string) *widget.Check {
	t.Helper()
	for _, o := range uitest.All(v.segments.Card(id).Extras[0].Object()) {
		if c, ok := o.(*widget.Check); ok {
			return c
		}
	}
	t.Fatalf("no focus check on %s", id)
	return nil
}

func TestPurposeFieldsAndSegments(t *testing.T) {
	st, env, errs := stepEnv(t, workshop.NewSession("fi"))
	v := New(workshop.StepPurpose, env).(*purpose)
	w := window(t, env, v)
	why := v.fields[0].(*field.Text)
	w.Canvas().Focus(why.Entry)
	test.Type(why.Entry, "Pidämme tavarat liikkeessä.")
	v.FocusNew() // leaving the field for the segment entry saves it
	if got := reload(t, st, env).Purpose.Why; got != "Pidämme tavarat liikkeessä." {
		t.Fatalf("why stored %q", got)
	}
	for _, name := range []string{"Avainasiakkaat", "Verkkokaupat", "Kuluttajat"} {
		test.Type(v.segments.NewEntry, name)
		v.segments.NewEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	s := reload(t, st, env)
	if len(s.Segments) != 3 || s.Segments[2].Name != "Kuluttajat" {
		t.Fatalf("segments %+v", s.Segments)
	}
	if !strings.Contains(v.focusMsg.Text, "Yhtään") {
		t.Fatalf("no warning at zero focus: %q", v.focusMsg.Text)
	}
	ids := v.segments.IDs()
	for _, id := range ids {
		test.Tap(focusCheck(t, v, id))
	}
	if !strings.Contains(v.focusMsg.Text, "3 segmenttiä") {
		t.Fatalf("no warning at three focus segments: %q", v.focusMsg.Text)
	}
	test.Tap(focusCheck(t, v, ids[2]))
	s = reload(t, st, env)
	if !s.Segments[0].Focus || !s.Segments[1].Focus || s.Segments[2].Focus {
		t.Fatalf("focus stored %+v", s.Segments)
	}
	if v.focusMsg.Importance != widget.SuccessImportance {
		t.Fatalf("two focus segments should be fine: %q", v.focusMsg.Text)
	}
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
}

func TestPurposeSegmentDeleteTakesItsCardsAndUndoBringsThemBack(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepPurpose, env).(*purpose)
	w := window(t, env, v)
	w.Resize(fyne.NewSize(860, 620))
	screenshot(t, w, "2-purpose.png")
	before := reload(t, st, env)
	test.Tap(v.segments.Card("S2").Delete)
	s := reload(t, st, env)
	if s.Segment("S2") != nil {
		t.Fatal("segment not deleted")
	}
	for _, it := range s.ProfileItems {
		if it.SegmentID == "S2" {
			t.Fatal("profile item of the deleted segment left behind")
		}
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("session after delete: %v", err)
	}
	if !undo(t, env) {
		t.Fatal("undo refused")
	}
	s = reload(t, st, env)
	if s.Segment("S2") == nil || len(s.ProfileItems) != len(before.ProfileItems) || len(s.ValueItems) != len(before.ValueItems) {
		t.Fatalf("undo restored %d/%d items", len(s.ProfileItems), len(before.ProfileItems))
	}
	for _, d := range before.Drafts {
		if len(s.Draft(d.ID).SegmentIDs) != len(d.SegmentIDs) {
			t.Fatalf("draft %s segments %v, were %v", d.ID, s.Draft(d.ID).SegmentIDs, d.SegmentIDs)
		}
	}
}
