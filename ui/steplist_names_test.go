package ui

import (
	"testing"

	"lupauspaja/workshop"
)

// The pages that are no step of the method have one name everywhere: the
// step list (the window's translations) and the domain's StepTitle, which
// the room's window, the cards window and the phones use.
func TestPagesOutsideTheMethodAreNamedAlikeEverywhere(t *testing.T) {
	for _, lang := range []string{"fi", "en"} {
		for _, key := range []string{workshop.StepSetup, workshop.StepSummary, workshop.StepHistory, workshop.StepBreak} {
			if got, want := workshop.StepTitle(key, lang), pageTitle(key, lang); got != want || got == key {
				t.Errorf("%s %s: StepTitle %q, the step list %q", lang, key, got, want)
			}
		}
	}
}
