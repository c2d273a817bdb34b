package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// Leaving the decision step (or closing the window) right after typing keeps
// the wording, the rationale and the version that was waiting for a pause.
func TestDecisionFlushKeepsTypingAndVersion(t *testing.T) {
	st, env, _ := stepEnv(t, fixture.Nordrahti())
	v := New(workshop.StepDecision, env).(*decision)
	win := showView(t, env, v, 1100, 760)

	win.Canvas().Focus(v.final.Entry)
	v.final.Entry.CursorRow, v.final.Entry.CursorColumn = 0, 0
	test.Type(v.final.Entry, "Lupaus: ")
	win.Canvas().Focus(v.rationale.Entry)
	test.Type(v.rationale.Entry, "Perustelu ")
	v.Flush()

	got := reload(t, st, env)
	if !strings.HasPrefix(got.Decision.FinalText, "Lupaus: ") {
		t.Fatalf("wording not stored on flush: %q", got.Decision.FinalText)
	}
	if !strings.HasPrefix(got.Decision.Rationale, "Perustelu ") {
		t.Fatalf("rationale not stored on flush: %q", got.Decision.Rationale)
	}
	vs := got.VersionsByTime()
	if len(vs) == 0 || vs[len(vs)-1].Text != got.Decision.FinalText {
		t.Fatalf("the pending version was not kept: %+v", vs)
	}
}
