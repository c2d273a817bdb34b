package projector

import (
	"testing"

	"lupauspaja/workshop"
)

// A card the facilitator hid leaves the projector, and comes back when shown again.
func TestAHiddenCardLeavesTheProjector(t *testing.T) {
	r, p := nordrahti(t)
	showAt(t, p, 1920, 1080)
	setStep(t, r, workshop.StepDrafts)
	var id, text string
	r.Ed.Read(func(s *workshop.Session) { id, text = s.Drafts[0].ID, s.Drafts[0].Text })
	if !shows(p.Content(), text) {
		t.Fatalf("the draft is not on the projector:\n%s", joined(p.Content()))
	}
	hide := func(on bool) {
		t.Helper()
		if err := r.Ed.Edit(func(s *workshop.Session) error { return s.SetCardHidden(workshop.CardDraft, id, on) }); err != nil {
			t.Fatal(err)
		}
	}
	hide(true)
	if shows(p.Content(), text) {
		t.Fatalf("a hidden draft is on the projector:\n%s", joined(p.Content()))
	}
	setStep(t, r, workshop.StepEvaluation)
	if shows(p.Content(), text) {
		t.Fatalf("a hidden draft is on the evaluation page:\n%s", joined(p.Content()))
	}
	setStep(t, r, workshop.StepDrafts)
	hide(false)
	if !shows(p.Content(), text) {
		t.Fatalf("a draft shown again is not on the projector:\n%s", joined(p.Content()))
	}
}
