package workshop_test

import (
	"errors"
	"strings"
	"testing"

	"lupauspaja/workshop"
	"lupauspaja/workshop/fixture"
)

// AddAction records a new action's success criterion and linked measure
// as step 9's card does; an unknown measure is refused and nothing added.
func TestAddActionTakesASuccessCriterionAndAMeasure(t *testing.T) {
	c := fixture.NordrahtiCheckin()
	n := len(c.Actions)
	a, err := c.AddAction(workshop.ActionAct, "Aamupalaveri", "P4", "", "2027-04-15", "  Kolme palaveria pidetty  ", "M1")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Action(a.ID); got == nil || got.SuccessCriterion != "Kolme palaveria pidetty" || got.MeasureID != "M1" {
		t.Fatalf("stored %+v", got)
	}
	var ie *workshop.InputError
	if _, err := c.AddAction(workshop.ActionAct, "x", "", "", "", "", "M99"); !errors.As(err, &ie) || ie.Field != "measure_id" {
		t.Fatalf("unknown measure: %v", err)
	}
	if _, err := c.AddAction(workshop.ActionAct, "x", "", "", "", strings.Repeat("x", workshop.MaxTextBytes+1), ""); !errors.As(err, &ie) || ie.Field != "success_criterion" {
		t.Fatalf("a success criterion over the limit: %v", err)
	}
	if len(c.Actions) != n+1 {
		t.Fatalf("%d actions, want %d", len(c.Actions), n+1)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}
